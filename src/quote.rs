//! Quotes: a basket priced the way Adobe will invoice it.
//!
//! Each add-on line is moved to the level the order earns ([`discount_level`],
//! as Adobe's PREVIEW rewrites the offer ID, FACTS.md §3.1), priced from the
//! price list row of that exact offer ID (for a 3YC customer, the row of the
//! window holding the 3YC start date, FACTS.md §3.3), and — when the offer is
//! prorated and the customer already has a coterm date — prorated from today to
//! the day before the coterm date (FACTS.md §3.4). Offers priced per term or per
//! pack are charged in full. A first order (no coterm date yet) and a renewal
//! start a full term, so they are charged in full too. The container line
//! ("Adobe Services") is not priced: it is free by the storefront's rule.
//!
//! Rounding happens once per line, at the line total (see [`proration`]); the
//! basket total is the exact sum of the line totals.
//!
//! [`proration`]: crate::pricing::proration

use crate::basket::{Basket, LineKind};
use crate::date::Date;
use crate::input::FromJson;
use crate::pricing::level::{
    CurrentLevels, LevelBasis, LevelInput, LevelOutcome, OfferType, Quantities,
};
use crate::pricing::money::{Currency, Money, MoneyView};
use crate::pricing::offer_id::OfferId;
use crate::pricing::price_list::{PriceList, PriceRow, Term};
use crate::pricing::{
    MarketSegment, discount_level, extended_term, level_lookup, lga_minimum, prorate,
};
use crate::{Code, Finding, Path, Report, Violation};
use serde::{Deserialize, Serialize};

/// The customer and the day a quote is for.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct QuoteContext {
    /// Today (the order date), `YYYY-MM-DD`: the core reads no clock.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub today: Option<Date>,
    /// The currency the shopper pays in; must be the price list's.
    pub currency: String,
    /// The customer's market segment.
    pub market_segment: MarketSegment,
    /// Whether the customer is a Large Government Agency.
    pub lga: bool,
    /// The levels Adobe holds now.
    pub current: CurrentLevels,
    /// Qualifying quantities already held in this term: they count toward the
    /// level with `levelBasis: "term"` and toward an accepted 3YC request.
    pub owned: Quantities,
    /// The COMMITTED 3YC minimum quantities.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub commitment: Option<Quantities>,
    /// The minimum quantities of an ACCEPTED 3YC commitment request.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub accepted_request: Option<Quantities>,
    /// The 3YC start date, which fixes the price (price lock).
    #[cfg_attr(feature = "tsify", tsify(type = "string | undefined", optional))]
    pub commitment_start_date: Option<Date>,
    /// The customer's coterm (anniversary) date; absent before the first order.
    #[cfg_attr(feature = "tsify", tsify(type = "string | undefined", optional))]
    pub coterm_date: Option<Date>,
    /// Whether the basket is a renewal (level from the renewal quantities).
    pub renewal: bool,
    /// The caller could not read the customer's level from Adobe: the quote
    /// carries the storefront's warning (see [`level_lookup`]).
    ///
    /// [`level_lookup`]: crate::pricing::level_lookup
    pub level_lookup_failed: bool,
    /// Which quantity the mid-term level counts: this order's (default) or
    /// the term's (`owned` plus this order); see [`LevelBasis`].
    pub level_basis: LevelBasis,
}

/// One priced line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuoteLine {
    /// The index of the line in the basket.
    pub index: usize,
    /// The offer ID the shopper chose.
    pub requested_offer_id: String,
    /// The offer ID at the level the order earns: send this one.
    pub offer_id: String,
    /// Licence or consumable.
    pub offer_type: OfferType,
    /// Units.
    pub quantity: u64,
    /// The full-term partner price of one unit.
    pub unit_price: MoneyView,
    /// Whether the line is prorated to the coterm date.
    pub prorated: bool,
    /// Days invoiced, when prorated.
    pub prorated_days: Option<i64>,
    /// The daily price with 9 decimals, when prorated.
    pub daily_price: Option<String>,
    /// What the line costs.
    pub line_total: MoneyView,
}

/// A priced basket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// `true` when every line could be priced.
    pub valid: bool,
    /// Why a line could not be priced.
    pub violations: Vec<Violation>,
    /// What the shopper should know but may go on with: an extended term
    /// priced at one year ([`extended_term`], at the line), a level Adobe
    /// could not be asked for ([`level_lookup`], at `level`).
    ///
    /// [`extended_term`]: crate::pricing::extended_term
    /// [`level_lookup`]: crate::pricing::level_lookup
    pub warnings: Vec<Violation>,
    /// The priced lines.
    pub lines: Vec<QuoteLine>,
    /// The sum of the line totals.
    pub total: MoneyView,
    /// The levels, with the rule and the storefront's message.
    pub level: LevelOutcome,
}

impl Quote {
    /// The quote of a basket that could not be read: no line, a zero total.
    pub fn rejected(report: Report, currency: Currency) -> Quote {
        Quote {
            valid: false,
            violations: report.violations,
            warnings: Vec::new(),
            lines: Vec::new(),
            total: Money::zero(currency).view(),
            level: discount_level(&LevelInput::default()),
        }
    }
}

/// Reads a basket from JSON and prices it; a body that is not a basket is a
/// rejected quote, never a panic.
pub fn quote_json(
    basket: &serde_json::Value,
    price_list: &PriceList,
    context: &QuoteContext,
) -> Quote {
    match Basket::from_value(basket) {
        Ok(basket) => quote(&basket, price_list, context),
        Err(report) => Quote::rejected(report, price_list.currency()),
    }
}

/// A line that has an offer ID and a quantity.
struct Parsed<'a> {
    index: usize,
    requested: &'a str,
    offer_id: OfferId,
    offer_type: OfferType,
    quantity: u64,
}

/// Prices a basket (see the module docs for the rules).
pub fn quote(basket: &Basket, price_list: &PriceList, context: &QuoteContext) -> Quote {
    let mut report = Report::new();
    let mut warnings = Report::new();
    let currency = checked_currency(price_list, context, &mut report);
    let parsed = parse_lines(basket, &mut report);
    let level_input = level_input(context, &parsed);
    if let Some(finding) = lga_minimum::check_level_input(&level_input) {
        report.add(&Path::root().key("lines"), finding);
    }
    let level = discount_level(&level_input);
    if context.level_lookup_failed {
        warnings.add(&level_lookup::path(), level_lookup::warning());
    }
    let mut lines = Vec::new();
    for line in &parsed {
        let reports = (&mut report, &mut warnings);
        if let Some(priced) = price_line(line, &level, price_list, context, reports) {
            lines.push(priced);
        }
    }
    let total = sum(&lines, currency, &mut report);
    Quote {
        valid: report.is_valid(),
        violations: report.violations,
        warnings: warnings.violations,
        lines,
        total: total.view(),
        level,
    }
}

fn checked_currency(
    price_list: &PriceList,
    context: &QuoteContext,
    report: &mut Report,
) -> Currency {
    let currency = price_list.currency();
    if context.currency != currency.code() {
        report.add(
            &Path::root().key("currency"),
            Finding::new(Code::CurrencyMismatch)
                .with("value", context.currency.as_str())
                .with("expected", currency.code()),
        );
    }
    currency
}

/// Whether an offer is a consumable: the catalogue's word, else its level `T…`.
pub fn offer_type_of(offer_id: &OfferId) -> OfferType {
    if offer_id.is_consumable() {
        OfferType::Consumables
    } else {
        OfferType::License
    }
}

fn parse_lines<'a>(basket: &'a Basket, report: &mut Report) -> Vec<Parsed<'a>> {
    let mut parsed = Vec::new();
    for (index, line) in basket.lines.iter().enumerate() {
        if line.kind == LineKind::Container {
            continue;
        }
        let path = Path::root().key("lines").index(index).key("offerId");
        match OfferId::parse(&line.offer_id) {
            Ok(offer_id) => parsed.push(Parsed {
                index,
                requested: &line.offer_id,
                offer_type: offer_type_of(&offer_id),
                offer_id,
                quantity: line.quantity,
            }),
            Err(finding) => report.add(&path, finding),
        }
    }
    parsed
}

fn level_input(context: &QuoteContext, lines: &[Parsed<'_>]) -> LevelInput {
    let mut order = Quantities::default();
    for line in lines {
        let add = |total: u64| total.saturating_add(line.quantity);
        match line.offer_type {
            OfferType::License => order.license = add(order.license),
            OfferType::Consumables => order.consumables = add(order.consumables),
        }
    }
    LevelInput {
        market_segment: context.market_segment,
        lga: context.lga,
        current: context.current.clone(),
        owned: context.owned,
        order,
        commitment: context.commitment,
        accepted_request: context.accepted_request,
        renewal: context.renewal,
        basis: context.level_basis,
    }
}

fn price_line(
    line: &Parsed<'_>,
    level: &LevelOutcome,
    price_list: &PriceList,
    context: &QuoteContext,
    (report, warnings): (&mut Report, &mut Report),
) -> Option<QuoteLine> {
    let path = Path::root().key("lines").index(line.index);
    let target = &level.of(line.offer_type).level;
    let offer_id = line
        .offer_id
        .at_level(target)
        .unwrap_or_else(|_| line.offer_id.clone());
    let on = context.commitment_start_date.or(context.today);
    let Some(row) = price_list.find(offer_id.as_str(), on) else {
        report.add(
            &path.key("offerId"),
            Finding::new(Code::PriceNotFound).with("offerId", offer_id.as_str()),
        );
        return None;
    };
    let (total, proration) = line_total(row, line.quantity, context)
        .map_err(|finding| report.add(&path, finding))
        .ok()?;
    if let Some(coterm) = extended_coterm(row, context) {
        warnings.add(&path, extended_term::warning(coterm));
    }
    Some(QuoteLine {
        index: line.index,
        requested_offer_id: line.requested.to_owned(),
        offer_id: offer_id.to_string(),
        offer_type: line.offer_type,
        quantity: line.quantity,
        unit_price: row.partner_price.view(),
        prorated: proration.is_some(),
        prorated_days: proration.map(|p| p.days),
        daily_price: proration.map(|p| p.daily_price()),
        line_total: total.view(),
    })
}

type Priced = (Money, Option<crate::pricing::Proration>);

/// The line total: prorated to the coterm date when the offer is prorated and
/// the order falls inside a term; the full unit price × quantity otherwise.
fn line_total(row: &PriceRow, quantity: u64, context: &QuoteContext) -> Result<Priced, Finding> {
    let prorate_to = match (row.term, context.today, context.coterm_date) {
        (Term::Prorated, Some(today), Some(coterm))
            if !context.renewal && !extended_term::applies(today, coterm) =>
        {
            Some((today, coterm))
        }
        _ => None,
    };
    match prorate_to {
        Some((today, coterm)) => {
            let p = prorate(row.partner_price, quantity, today, coterm)?;
            Ok((p.total, Some(p)))
        }
        None => row
            .partner_price
            .checked_mul(quantity)
            .map(|total| (total, None))
            .ok_or_else(|| Finding::new(Code::AmountOverflow)),
    }
}

/// The coterm date of an extended term when this prorated line falls in one.
fn extended_coterm(row: &PriceRow, context: &QuoteContext) -> Option<Date> {
    let (today, coterm) = (context.today?, context.coterm_date?);
    let extended = row.term == Term::Prorated && !context.renewal;
    (extended && extended_term::applies(today, coterm)).then_some(coterm)
}

fn sum(lines: &[QuoteLine], currency: Currency, report: &mut Report) -> Money {
    let mut total = Money::zero(currency);
    for line in lines {
        let next = total.minor.checked_add(line.line_total.minor_units);
        match next {
            Some(minor) => total.minor = minor,
            None => {
                report.add(
                    &Path::root().key("lines"),
                    Finding::new(Code::AmountOverflow),
                );
                return Money::zero(currency);
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::BasketLine;
    use crate::pricing::price_list;

    const LIST: &str = "Offer ID,Product Type Detail,Partner Price\n\
65304479CA01A12,Annual,173.28\n\
65304479CA02A12,Annual,164.62\n\
65304479CA13A12,Annual,140.00\n\
30001704CAT1A12,No Proration (fixed price),2.50\n";

    fn list() -> PriceList {
        price_list::load(LIST, Some("USD")).expect("list")
    }

    fn basket(lines: &[(&str, u64)]) -> Basket {
        Basket {
            lines: lines
                .iter()
                .map(|(offer_id, quantity)| BasketLine {
                    offer_id: (*offer_id).to_owned(),
                    quantity: *quantity,
                    ..BasketLine::default()
                })
                .collect(),
            cancellations: Vec::new(),
        }
    }

    fn context(today: &str, coterm: Option<&str>) -> QuoteContext {
        QuoteContext {
            today: Some(Date::parse(today).expect("today")),
            coterm_date: coterm.map(|d| Date::parse(d).expect("coterm")),
            currency: "USD".into(),
            ..QuoteContext::default()
        }
    }

    #[test]
    fn a_mid_term_add_on_is_prorated_like_the_worksheet() {
        let q = quote(
            &basket(&[("65304479CA01A12", 1)]),
            &list(),
            &context("2022-07-25", Some("2023-03-10")),
        );
        assert!(q.valid, "{:?}", q.violations);
        assert_eq!(q.lines[0].prorated_days, Some(228));
        assert_eq!(q.lines[0].line_total.amount, "108.24");
        assert_eq!(q.total.amount, "108.24");
        assert_eq!(q.level.message, "Volume Discount Level: 01");
    }

    #[test]
    fn the_level_rewrites_the_offer_and_its_price() {
        let q = quote(
            &basket(&[("65304479CA01A12", 10)]),
            &list(),
            &context("2022-03-10", None),
        );
        assert_eq!(q.lines[0].offer_id, "65304479CA02A12");
        assert_eq!(q.lines[0].line_total.amount, "1646.20");
        assert!(!q.lines[0].prorated);
    }

    #[test]
    fn packs_are_not_prorated_and_do_not_count_toward_the_level() {
        let q = quote(
            &basket(&[("65304479CA01A12", 9), ("30001704CAT1A12", 400)]),
            &list(),
            &context("2022-07-25", Some("2023-03-10")),
        );
        assert_eq!(q.level.license.level, "01");
        assert!(!q.lines[1].prorated);
        assert_eq!(q.lines[1].line_total.amount, "1000.00");
        let sum: i64 = q.lines.iter().map(|l| l.line_total.minor_units).sum();
        assert_eq!(q.total.minor_units, sum);
    }

    #[test]
    fn an_extended_term_is_a_warning_not_an_error() {
        let ctx = context("2026-01-15", Some("2028-01-15"));
        let q = quote(
            &basket(&[("65304479CA01A12", 2), ("30001704CAT1A12", 400)]),
            &list(),
            &ctx,
        );
        assert!(q.valid, "{:?}", q.violations);
        assert!(!q.lines[0].prorated);
        assert_eq!(q.lines[0].line_total.amount, "346.56");
        let [warning] = q.warnings.as_slice() else {
            panic!("one warning: {:?}", q.warnings);
        };
        assert_eq!(warning.code, Code::QuoteExtendedTerm);
        assert_eq!(warning.path.to_string(), "lines[0]");
        assert!(warning.message.contains("PREVIEW"), "{}", warning.message);
    }

    #[test]
    fn one_year_ahead_is_still_prorated_without_a_warning() {
        let q = quote(
            &basket(&[("65304479CA01A12", 1)]),
            &list(),
            &context("2022-03-10", Some("2023-03-10")),
        );
        assert!(q.warnings.is_empty());
        assert_eq!(q.lines[0].prorated_days, Some(365));
    }

    #[test]
    fn a_coterm_date_in_the_past_is_still_an_error() {
        let q = quote(
            &basket(&[("65304479CA01A12", 1)]),
            &list(),
            &context("2023-03-11", Some("2023-03-10")),
        );
        assert_eq!(q.violations[0].code, Code::ProrationInvalidTerm);
    }

    #[test]
    fn the_level_counts_this_order_unless_the_term_reading_is_asked() {
        let mut ctx = context("2022-03-10", None);
        ctx.owned.license = 7;
        let order = basket(&[("65304479CA01A12", 3)]);
        let q = quote(&order, &list(), &ctx);
        assert_eq!(q.lines[0].offer_id, "65304479CA01A12");
        assert_eq!(q.level.basis, LevelBasis::Order);
        ctx.level_basis = LevelBasis::Term;
        let q = quote(&order, &list(), &ctx);
        assert_eq!(q.lines[0].offer_id, "65304479CA02A12");
        assert_eq!(q.level.basis, LevelBasis::Term);
    }

    #[test]
    fn an_lga_customer_ordering_fewer_than_100_licences_is_refused() {
        let mut ctx = context("2022-03-10", None);
        ctx.lga = true;
        let q = quote(&basket(&[("65304479CA01A12", 99)]), &list(), &ctx);
        assert!(!q.valid);
        assert_eq!(q.violations[0].code, Code::LgaQuantityBelowMinimum);
        assert_eq!(q.violations[0].path.to_string(), "lines");
        let q = quote(&basket(&[("65304479CA01A12", 100)]), &list(), &ctx);
        assert!(
            q.violations
                .iter()
                .all(|v| v.code != Code::LgaQuantityBelowMinimum)
        );
        assert_eq!(q.level.license.level, "06");
    }

    #[test]
    fn a_failed_level_lookup_is_a_warning_with_the_storefront_words() {
        let mut ctx = context("2022-03-10", None);
        ctx.level_lookup_failed = true;
        let q = quote(&basket(&[("65304479CA01A12", 1)]), &list(), &ctx);
        assert!(q.valid);
        assert_eq!(q.warnings[0].code, Code::LevelNotRetrieved);
        ctx.level_lookup_failed = false;
        assert!(
            quote(&basket(&[("65304479CA01A12", 1)]), &list(), &ctx)
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn a_commitment_lifts_the_level() {
        let mut ctx = context("2022-03-10", None);
        ctx.commitment = Some(Quantities {
            license: 60,
            consumables: 0,
        });
        let q = quote(&basket(&[("65304479CA01A12", 1)]), &list(), &ctx);
        assert_eq!(q.lines[0].offer_id, "65304479CA13A12");
        assert_eq!(q.total.amount, "140.00");
    }

    #[test]
    fn unpriced_offers_and_currency_mismatches_are_violations() {
        let mut ctx = context("2022-03-10", None);
        ctx.currency = "EUR".into();
        let q = quote(
            &basket(&[("65304479CA01A12", 50), ("bad", 1)]),
            &list(),
            &ctx,
        );
        assert_eq!(
            q.violations
                .iter()
                .map(|v| v.code.as_str())
                .collect::<Vec<_>>(),
            [
                "currency.mismatch",
                "offer_id.invalid_format",
                "price.not_found",
            ]
        );
        assert_eq!(q.violations[2].path.to_string(), "lines[0].offerId");
        assert!(!q.valid);
    }

    #[test]
    fn a_body_that_is_not_a_basket_is_a_rejected_quote() {
        let q = quote_json(
            &serde_json::json!({"lines": 3}),
            &list(),
            &context("2022-03-10", None),
        );
        assert!(!q.valid);
        assert_eq!(q.violations[0].code, Code::TypeInvalid);
        assert_eq!(q.total.amount, "0.00");
        assert!(
            !quote_json(
                &serde_json::json!([]),
                &list(),
                &context("2022-03-10", None)
            )
            .valid
        );
        let ok = quote_json(
            &serde_json::json!({"lines": [{"offerId": "65304479CA01A12", "quantity": 1}]}),
            &list(),
            &context("2022-03-10", None),
        );
        assert!(ok.valid);
    }
}
