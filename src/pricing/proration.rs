//! Proration of a mid-term purchase, exactly as Adobe's worksheet computes it.
//!
//! An add-on bought mid-term is charged from the order date to the day before
//! the anniversary (coterm) date, and a quote that differs from Adobe's invoice
//! by a cent is a support ticket. The steps are Adobe's (FACTS.md §3.4, S4
//! "Proration Calculation Logic.xlsx"):
//! 1. Line Start Date = the order date; Line End Date = anniversary − 1 day;
//!    Number of Days = (End − Start) + 1.
//! 2. Daily Price = Yearly Price ÷ days in the year, to 9 decimals. The
//!    worksheet's own numbers *truncate* (173.28 ÷ 366 = 0.47344262295… is shown
//!    as 0.473442622), so the 9th decimal is truncated here.
//! 3. The year has 366 days when the anniversary year — the 12 months ending the
//!    day before the anniversary — contains 29 February, else 365 (not the
//!    calendar year of the order).
//! 4. Line Total = Daily Price × Number of Days × Qty, rounded to 2 decimals
//!    (the currency's minor unit): a third digit above 5 rounds up, below 5
//!    down; exactly 5 is not stated and rounds up here (*assumed*, as Excel's
//!    ROUND does).
//!
//! Arithmetic is in `i128` billionths of the major unit, so nothing rounds
//! before step 4.

use crate::date::Date;
use crate::pricing::money::Money;
use crate::{Code, Finding};

/// Billionths in one major unit: the daily price's 9 decimals.
pub const SCALE: i128 = 1_000_000_000;

/// One prorated line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proration {
    /// Days invoiced (Adobe's `proratedDays`).
    pub days: i64,
    /// 365 or 366: the divisor of the daily price.
    pub days_in_year: i64,
    /// The daily price of one unit in billionths of the major unit.
    pub daily_billionths: i128,
    /// The line total, rounded to the minor unit.
    pub total: Money,
}

impl Proration {
    /// The daily price as a decimal with 9 places, e.g. `0.474739726`.
    ///
    /// Written without `i128`'s `Display` (1.4 KB of the npm package's wasm,
    /// reached only from here): the fraction always fits an `i64`, and so
    /// does the whole part of any price read as `i64` minor units.
    pub fn daily_price(&self) -> String {
        let whole = self.daily_billionths / SCALE;
        // |fraction| < SCALE.
        let fraction = i64::try_from(self.daily_billionths % SCALE).unwrap_or_default();
        let whole =
            i64::try_from(whole).map_or_else(|_| wide_decimal(whole), |whole| whole.to_string());
        format!("{whole}.{fraction:09}")
    }
}

/// `value` in decimal digits, as `i128`'s `Display` writes it.
fn wide_decimal(value: i128) -> String {
    let mut magnitude = value.unsigned_abs();
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + u8::try_from(magnitude % 10).unwrap_or_default());
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    if value < 0 {
        digits.push(b'-');
    }
    digits.iter().rev().map(|&byte| char::from(byte)).collect()
}

/// 366 when the year ending the day before `anniversary` contains 29 February
/// (FACTS.md §3.4), else 365.
pub fn days_in_anniversary_year(anniversary: Date) -> Option<i64> {
    let start = anniversary.add_years(-1)?;
    Some(start.days_until(anniversary))
}

/// Prorates `quantity` units of a `yearly` unit price from `start` (the order
/// date) to the day before `anniversary` (FACTS.md §3.4).
///
/// # Errors
/// `proration.invalid_term` when `start` is not inside the anniversary year
/// ending at `anniversary`; `amount.overflow` when the total does not fit.
pub fn prorate(
    yearly: Money,
    quantity: u64,
    start: Date,
    anniversary: Date,
) -> Result<Proration, Finding> {
    let days = start.days_until(anniversary);
    let days_in_year =
        days_in_anniversary_year(anniversary).ok_or_else(|| invalid(start, anniversary))?;
    if days < 1 || days > days_in_year {
        return Err(invalid(start, anniversary));
    }
    let to_billionths = SCALE / i128::from(yearly.currency.minor_per_major());
    let daily_billionths = i128::from(yearly.minor) * to_billionths / i128::from(days_in_year);
    let exact = daily_billionths
        .checked_mul(i128::from(days))
        .and_then(|product| product.checked_mul(i128::from(quantity)));
    let minor = exact
        .map(|exact| round_half_up(exact, to_billionths))
        .and_then(|minor| i64::try_from(minor).ok())
        .ok_or_else(|| Finding::new(Code::AmountOverflow))?;
    Ok(Proration {
        days,
        days_in_year,
        daily_billionths,
        total: Money {
            currency: yearly.currency,
            minor,
        },
    })
}

/// `value ÷ divisor`, a half or more rounding away from zero.
fn round_half_up(value: i128, divisor: i128) -> i128 {
    let quotient = value / divisor;
    let remainder = (value % divisor).abs();
    if remainder * 2 >= divisor {
        quotient + value.signum()
    } else {
        quotient
    }
}

fn invalid(start: Date, anniversary: Date) -> Finding {
    Finding::new(Code::ProrationInvalidTerm)
        .with("start", start.to_string())
        .with("anniversary", anniversary.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::money::Currency;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_daily_price_reads_as_i128_writes_it(daily_billionths in any::<i128>()) {
            let p = Proration { daily_billionths, ..prorate_example() };
            let (whole, fraction) = (daily_billionths / SCALE, daily_billionths % SCALE);
            prop_assert_eq!(p.daily_price(), format!("{whole}.{fraction:09}"));
        }
    }

    /// A proration to change one field of.
    fn prorate_example() -> Proration {
        Proration {
            days: 1,
            days_in_year: 365,
            daily_billionths: 0,
            total: Money::zero(Currency::parse("USD").expect("USD")),
        }
    }

    #[test]
    fn the_widest_daily_prices_read_as_i128_writes_them() {
        for daily_billionths in [i128::MIN, i128::MAX, -1, SCALE * i128::from(i64::MAX) + 1] {
            let p = Proration {
                daily_billionths,
                ..prorate_example()
            };
            let (whole, fraction) = (daily_billionths / SCALE, daily_billionths % SCALE);
            assert_eq!(p.daily_price(), format!("{whole}.{fraction:09}"));
        }
    }

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    fn usd(text: &str) -> Money {
        Money::parse(text, Currency::parse("USD").expect("USD")).expect("amount")
    }

    fn case(start: &str, anniversary: &str) -> Proration {
        prorate(usd("173.28"), 1, date(start), date(anniversary)).expect("proration")
    }

    #[test]
    fn worksheet_first_day_is_the_full_year() {
        let p = case("2022-03-10", "2023-03-10");
        assert_eq!((p.days, p.days_in_year), (365, 365));
        assert_eq!(p.daily_price(), "0.474739726");
        assert_eq!(p.total.to_string(), "173.28");
    }

    #[test]
    fn worksheet_add_on_mid_term() {
        let p = case("2022-07-25", "2023-03-10");
        assert_eq!(p.days, 228);
        assert_eq!(p.total.to_string(), "108.24");
    }

    #[test]
    fn worksheet_leap_terms_truncate_the_daily_price() {
        let p = case("2019-05-20", "2020-03-10");
        assert_eq!((p.days, p.days_in_year), (295, 366));
        assert_eq!(p.daily_price(), "0.473442622");
        assert_eq!(p.total.to_string(), "139.67");
        let p = case("2020-02-16", "2020-03-10");
        assert_eq!(p.days, 23);
        assert_eq!(p.total.to_string(), "10.89");
    }

    #[test]
    fn the_last_day_is_one_day() {
        let p = case("2023-03-09", "2023-03-10");
        assert_eq!(p.days, 1);
        assert_eq!(p.total.to_string(), "0.47");
    }

    #[test]
    fn leap_year_is_the_anniversary_year_not_the_calendar_year() {
        // Ordered in leap 2020 but the term 2020-03-10..2021-03-09 has no 29 Feb.
        assert_eq!(case("2020-06-01", "2021-03-10").days_in_year, 365);
        // Ordered in 2023 and the term 2023-06-01..2024-05-31 holds 29 Feb 2024.
        assert_eq!(case("2023-12-01", "2024-06-01").days_in_year, 366);
    }

    #[test]
    fn quantity_multiplies_before_rounding() {
        let p = prorate(usd("173.28"), 10, date("2022-07-25"), date("2023-03-10")).expect("p");
        assert_eq!(p.total.to_string(), "1082.41");
    }

    #[test]
    fn dates_outside_the_term_are_violations() {
        let err = prorate(usd("1"), 1, date("2023-03-10"), date("2023-03-10")).expect_err("same");
        assert_eq!(err.code, Code::ProrationInvalidTerm);
        assert!(prorate(usd("1"), 1, date("2021-03-09"), date("2022-03-10")).is_err());
        let huge = Money {
            currency: Currency::parse("USD").expect("USD"),
            minor: i64::MAX,
        };
        let err = prorate(huge, u64::MAX, date("2022-03-10"), date("2023-03-10")).expect_err("big");
        assert_eq!(err.code, Code::AmountOverflow);
    }

    #[test]
    fn yen_has_no_decimals() {
        let yen = Money::parse("36500", Currency::parse("JPY").expect("JPY")).expect("yen");
        let p = prorate(yen, 1, date("2022-09-10"), date("2023-03-10")).expect("p");
        assert_eq!(p.total.to_string(), "18100");
    }

    proptest! {
        #[test]
        fn never_exceeds_the_full_term_price(
            cents in 0i64..10_000_000, quantity in 1u64..1000, offset in 0i64..366, year in 2000u16..2100,
        ) {
            let anniversary = Date::new(year, 3, 1).expect("date");
            let start = anniversary.add_days(-1 - offset).expect("date");
            let yearly = Money { currency: Currency::parse("USD").expect("USD"), minor: cents };
            if let Ok(p) = prorate(yearly, quantity, start, anniversary) {
                let full = yearly.checked_mul(quantity).expect("fits");
                prop_assert!(p.total.minor <= full.minor);
                prop_assert!(p.total.minor >= 0);
            }
        }
    }
}
