//! Money as whole minor units of an ISO 4217 currency; never a float.
//!
//! A quote must equal Adobe's invoice to the cent, and binary floats cannot hold
//! 0.10 (DESIGN.md, "Money"). Amounts are `i64` minor units (cents; yen for
//! JPY), every operation is checked, and decimal text is read digit by digit.
//! Minor-unit exponents follow ISO 4217: 0 for JPY, KRW and the other listed
//! zero-decimal currencies, 3 for BHD, IQD, JOD, KWD, LYD, OMR and TND, 2 for
//! every other three-letter code (*assumed* for codes outside Adobe's price-list
//! currencies AUD, EUR, GBP, JPY, USD; FACTS.md §3.3).

use crate::{Code, Finding};
use serde::Serialize;
use std::fmt;

/// An ISO 4217 currency: its code and the number of decimals of its minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    code: [u8; 3],
    exponent: u8,
}

const ZERO_DECIMALS: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
];
const THREE_DECIMALS: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

impl Currency {
    /// The currency with this code: three upper-case ASCII letters.
    ///
    /// # Errors
    /// `currency.invalid_format` for anything else.
    pub fn parse(code: &str) -> Result<Currency, Finding> {
        let bytes: [u8; 3] = code
            .as_bytes()
            .try_into()
            .map_err(|_| Finding::new(Code::CurrencyInvalidFormat))?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(Finding::new(Code::CurrencyInvalidFormat));
        }
        let exponent = if ZERO_DECIMALS.contains(&code) {
            0
        } else if THREE_DECIMALS.contains(&code) {
            3
        } else {
            2
        };
        Ok(Currency {
            code: bytes,
            exponent,
        })
    }

    /// The code, e.g. `USD`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// Decimals of the minor unit: 2 for USD, 0 for JPY.
    pub fn exponent(self) -> u8 {
        self.exponent
    }

    /// 10 to the exponent: minor units in one major unit.
    pub fn minor_per_major(self) -> i64 {
        10_i64.pow(u32::from(self.exponent))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of a currency, in whole minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    /// The currency.
    pub currency: Currency,
    /// The amount in minor units (cents).
    pub minor: i64,
}

impl Money {
    /// Zero in a currency.
    pub fn zero(currency: Currency) -> Money {
        Money { currency, minor: 0 }
    }

    /// Reads a decimal such as `1206.84` (no sign, no exponent, no grouping, at
    /// most the currency's decimals; `173.2` is 173.20).
    ///
    /// # Errors
    /// `amount.invalid` when the text is not such a decimal or does not fit.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, Finding> {
        let invalid = || Finding::new(Code::AmountInvalid).with("value", text);
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        let exponent = usize::from(currency.exponent);
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > exponent {
            return Err(invalid());
        }
        if text.contains('.') && fraction.is_empty() {
            return Err(invalid());
        }
        let padded = format!("{whole}{fraction:0<exponent$}");
        let minor = padded.parse::<i64>().map_err(|_| invalid())?;
        Ok(Money { currency, minor })
    }

    /// The sum, or `None` on a currency mismatch or overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        (self.currency == other.currency).then_some(())?;
        Some(Money {
            currency: self.currency,
            minor: self.minor.checked_add(other.minor)?,
        })
    }

    /// The amount times a quantity, or `None` on overflow.
    pub fn checked_mul(self, quantity: u64) -> Option<Money> {
        let quantity = i64::try_from(quantity).ok()?;
        Some(Money {
            currency: self.currency,
            minor: self.minor.checked_mul(quantity)?,
        })
    }

    /// The plain view that crosses the JavaScript boundary.
    pub fn view(self) -> MoneyView {
        MoneyView {
            currency: self.currency.code().to_owned(),
            minor_units: self.minor,
            amount: self.to_string(),
        }
    }
}

/// `173.28`, `-0.05`, `1500` (JPY): the decimal, without the currency.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let magnitude = self.minor.unsigned_abs();
        let scale = self.currency.minor_per_major().unsigned_abs();
        let exponent = usize::from(self.currency.exponent);
        if exponent == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        write!(
            f,
            "{sign}{}.{:0exponent$}",
            magnitude / scale,
            magnitude % scale
        )
    }
}

/// An amount as the package answers it: `{ currency, minorUnits, amount }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MoneyView {
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// The amount in minor units, e.g. 17328.
    pub minor_units: i64,
    /// The amount as a decimal, e.g. `173.28`.
    pub amount: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::parse("USD").expect("USD")
    }

    #[test]
    fn reads_and_writes_decimals() {
        for (text, minor, shown) in [
            ("1206.84", 120_684, "1206.84"),
            ("173.2", 17_320, "173.20"),
            ("0.05", 5, "0.05"),
            ("12", 1200, "12.00"),
        ] {
            let money = Money::parse(text, usd()).expect(text);
            assert_eq!(money.minor, minor);
            assert_eq!(money.to_string(), shown);
        }
        let yen = Currency::parse("JPY").expect("JPY");
        assert_eq!(Money::parse("1500", yen).expect("yen").to_string(), "1500");
        assert!(Money::parse("1500.5", yen).is_err());
        let dinar = Currency::parse("KWD").expect("KWD");
        assert_eq!(Money::parse("1.5", dinar).expect("fils").minor, 1500);
    }

    #[test]
    fn rejects_other_text() {
        for bad in [
            "",
            ".5",
            "5.",
            "1,000.00",
            "1.234",
            "-1",
            "1e3",
            "١٢",
            "99999999999999999999",
        ] {
            let finding = Money::parse(bad, usd()).expect_err(bad);
            assert_eq!(finding.code, Code::AmountInvalid, "{bad}");
        }
        assert!(Currency::parse("usd").is_err());
        assert!(Currency::parse("US").is_err());
    }

    #[test]
    fn arithmetic_is_checked() {
        let a = Money::parse("0.10", usd()).expect("a");
        assert_eq!(a.checked_add(a).expect("sum").to_string(), "0.20");
        assert_eq!(a.checked_mul(3).expect("product").minor, 30);
        let big = Money {
            currency: usd(),
            minor: i64::MAX,
        };
        assert!(big.checked_add(a).is_none());
        assert!(big.checked_mul(2).is_none());
        let eur = Money::zero(Currency::parse("EUR").expect("EUR"));
        assert!(a.checked_add(eur).is_none());
        let negative = Money {
            currency: usd(),
            minor: -5,
        };
        assert_eq!(negative.to_string(), "-0.05");
    }
}
