//! One function per basket rule, each citing where the rule comes from.
//!
//! Sources: storefront-ordering-rules.txt ("Ordering Rules" 1–11, "List of
//! Possible Warning Messages" in Storefront and in BSS), FACTS.md §2.7 (market
//! sub-segments, Sign introductory offers), §3.5 (limits, return window), §4.1
//! (reason codes `INELIGIBLE_MARKET_SEGMENT`, `INELIGIBLE_ADD_ON`).

use super::{Basket, BasketCheck, BasketContext, BasketLine, LineKind};
use crate::field::quantity;
use crate::offer::{self, ProductKind};
use crate::pricing::{OfferId, PriceList, SubSegment};
use crate::return_window::{self, Placed};
use crate::{Code, Finding, Path, Report};
use std::collections::HashSet;

/// At most 499 lines in one order (FACTS.md §3.5).
pub const MAX_LINES: usize = 499;
pub use crate::return_window::RETURN_WINDOW_DAYS;

/// Checks a basket against every rule; the price list, when given, supplies
/// minimum quantities, sub-segments and the offers' currency.
pub fn check_basket(
    basket: &Basket,
    context: &BasketContext,
    price_list: Option<&PriceList>,
) -> BasketCheck {
    let mut violations = Report::new();
    let mut warnings = Report::new();
    reseller(basket, context, &mut violations);
    containers(basket, context, &mut violations);
    super::existing_subscription::check(basket, context, &mut violations);
    add_ons(basket, context, price_list, &mut violations, &mut warnings);
    line_count(basket, &mut violations);
    cancellations(basket, context, &mut violations);
    currency(basket, context, price_list, &mut violations);
    BasketCheck {
        valid: violations.is_valid(),
        violations: violations.violations,
        warnings: warnings.violations,
    }
}

fn line_path(index: usize) -> Path {
    Path::root().key("lines").index(index)
}

fn product_name(basket: &Basket) -> String {
    let add_on = basket
        .lines
        .iter()
        .find(|line| line.kind == LineKind::AddOn);
    add_on
        .and_then(|line| line.name.clone())
        .unwrap_or_else(|| "Adobe Services".to_owned())
}

/// Storefront rule 1 and warnings 4–6: only synced resellers order, never for
/// personal use, and only from an account with reselling capability.
fn reseller(basket: &Basket, context: &BasketContext, report: &mut Report) {
    let root = Path::root();
    if !context.can_resell {
        report.add(&root, Finding::new(Code::BasketNotAReseller));
    } else if !context.reseller_synced {
        report.add(
            &root,
            Finding::new(Code::BasketResellerNotSynced).with("product", product_name(basket)),
        );
    }
    if context.personal_use {
        report.add(&root, Finding::new(Code::BasketPersonalUse));
    }
}

/// Storefront rules 2–4 and "Please note" on the container: exactly one
/// container (none needed when the customer already has the subscription),
/// quantity 1, zero price; a second subscription is refused by
/// [`super::existing_subscription`].
fn containers(basket: &Basket, context: &BasketContext, report: &mut Report) {
    let indexes: Vec<usize> = kind_indexes(basket, LineKind::Container);
    match indexes.as_slice() {
        [] if !context.existing_subscription => {
            report.add(
                &Path::root().key("lines"),
                Finding::new(Code::BasketContainerMissing),
            );
        }
        [] => {}
        [first, rest @ ..] => {
            for &index in rest {
                report.add(
                    &line_path(index),
                    Finding::new(Code::BasketContainerDuplicate),
                );
            }
            container_line(*first, &basket.lines[*first], report);
        }
    }
}

fn kind_indexes(basket: &Basket, kind: LineKind) -> Vec<usize> {
    let lines = basket.lines.iter().enumerate();
    lines
        .filter(|(_, line)| line.kind == kind)
        .map(|(index, _)| index)
        .collect()
}

fn container_line(index: usize, line: &BasketLine, report: &mut Report) {
    if line.quantity != 1 {
        report.add(
            &line_path(index).key("quantity"),
            Finding::new(Code::NumberOutOfRange)
                .with("min", 1_i64)
                .with("max", 1_i64)
                .with("reason", "for the Adobe Services container"),
        );
    }
    let price = line.unit_price.as_deref().unwrap_or("0");
    if price.bytes().any(|b| b.is_ascii_digit() && b != b'0')
        || !price.bytes().any(|b| b.is_ascii_digit())
    {
        report.add(
            &line_path(index).key("unitPrice"),
            Finding::new(Code::BasketContainerPrice),
        );
    }
}

/// Storefront rules 2, 3 and 10, BSS warnings 1–2 and FACTS.md §2.7/§3.5: at
/// least one add-on; each well formed, not twice, within its limits, sold in
/// the customer's segment, with its base product.
fn add_ons(
    basket: &Basket,
    context: &BasketContext,
    price_list: Option<&PriceList>,
    report: &mut Report,
    warnings: &mut Report,
) {
    let indexes = kind_indexes(basket, LineKind::AddOn);
    if indexes.is_empty() {
        report.add(
            &Path::root().key("lines"),
            Finding::new(Code::BasketAddOnMissing),
        );
    }
    let parsed: Vec<(usize, OfferId)> = indexes
        .iter()
        .filter_map(|&index| parse_offer(index, &basket.lines[index], report))
        .collect();
    let products: HashSet<&str> = parsed.iter().map(|(_, id)| id.product()).collect();
    let mut seen = HashSet::new();
    for (index, offer_id) in &parsed {
        let line = &basket.lines[*index];
        let path = line_path(*index);
        if !seen.insert(offer_id.partial_sku().to_owned()) {
            report.add(
                &path.key("offerId"),
                Finding::new(Code::BasketAddOnDuplicate),
            );
            continue;
        }
        if context
            .existing_products
            .iter()
            .any(|p| p == offer_id.product())
        {
            warnings.add(
                &path.key("offerId"),
                Finding::new(Code::BasketAddOnExisting),
            );
        }
        let row = price_list.and_then(|list| list.find(offer_id.as_str(), context.today));
        quantity_limits(
            &path,
            line,
            offer_id,
            context,
            row.and_then(|r| r.minimum_quantity),
            report,
        );
        segment(
            &path,
            offer_id,
            context,
            row.and_then(|r| r.sub_segment),
            report,
        );
        introductory(&path, line, report);
        base_product(&path, line, context, &products, report);
    }
}

fn parse_offer(index: usize, line: &BasketLine, report: &mut Report) -> Option<(usize, OfferId)> {
    OfferId::parse(&line.offer_id)
        .map_err(|finding| report.add(&line_path(index).key("offerId"), finding))
        .ok()
        .map(|id| (index, id))
}

/// Storefront rule 3 and FACTS.md §3.5: Team 10,000, Enterprise 200,000 (or the
/// configured maximum) per line; the price list's minimum purchase quantity and
/// a High Growth offer's MOQ (FACTS.md §3.1, §3.3).
fn quantity_limits(
    path: &Path,
    line: &BasketLine,
    offer_id: &OfferId,
    context: &BasketContext,
    minimum: Option<u64>,
    report: &mut Report,
) {
    let kind = offer::product_kind(offer_id.as_str());
    let (max, reason) = match kind {
        Some(ProductKind::Team) => (quantity::TEAM_LINE_MAX.unsigned_abs(), "for Team products"),
        Some(ProductKind::Enterprise) => (context.enterprise_line_max, "for Enterprise products"),
        None => (context.enterprise_line_max, "per line"),
    };
    let quantity_path = path.key("quantity");
    if line.quantity < 1 || line.quantity > max {
        report.add(
            &quantity_path,
            Finding::new(Code::NumberOutOfRange)
                .with("min", 1_i64)
                .with("max", max)
                .with("reason", reason),
        );
        return;
    }
    let minimum = minimum.max(offer_id.variant().minimum_order_quantity().map(u64::from));
    if let Some(min) = minimum.filter(|&min| line.quantity < min) {
        report.add(
            &quantity_path,
            Finding::new(Code::BasketBelowMinimumQuantity).with("min", min),
        );
    }
}

/// FACTS.md §2.7 and the Feb-2024 reference (2129 `INELIGIBLE_MARKET_SEGMENT`):
/// the offer's segment must be the customer's and one the reseller sells into;
/// K_12 buys offers without sub-segment or K-12, HIGHER_ED without or HED,
/// NON_PROFIT only without. A customer with no sub-segment buying a K-12 or HED
/// offer is refused too (*assumed*: those offers are reserved).
fn segment(
    path: &Path,
    offer_id: &OfferId,
    context: &BasketContext,
    sub: Option<SubSegment>,
    report: &mut Report,
) {
    let offer_segment = offer_id.market_segment();
    let offer_path = path.key("offerId");
    if offer_segment != context.market_segment {
        report.add(
            &offer_path,
            ineligible(format!(
                "a {} offer for a {} customer",
                offer_segment.as_str(),
                context.market_segment.as_str()
            )),
        );
        return;
    }
    if !context.reseller_segments.contains(&offer_segment) {
        let allowed: Vec<&str> = context
            .reseller_segments
            .iter()
            .map(|s| s.as_str())
            .collect();
        report.add(
            &offer_path,
            Finding::new(Code::MarketSegmentNotEnabled)
                .with("value", offer_segment.as_str())
                .with("allowed", allowed.join(", ")),
        );
    }
    if let Some(sub) = sub {
        let wanted = match sub {
            SubSegment::K12 => "K_12",
            SubSegment::Hed => "HIGHER_ED",
        };
        if !context.sub_segments.iter().any(|s| s == wanted) {
            report.add(
                &offer_path,
                ineligible(format!(
                    "a {} offer needs the {wanted} sub-segment",
                    sub_name(sub)
                )),
            );
        }
    }
}

fn sub_name(sub: SubSegment) -> &'static str {
    match sub {
        SubSegment::K12 => "K-12",
        SubSegment::Hed => "HED",
    }
}

fn ineligible(reason: String) -> Finding {
    Finding::new(Code::BasketIneligibleMarketSegment)
        .with("reasonCode", "INELIGIBLE_MARKET_SEGMENT")
        .with("reason", reason)
}

/// FACTS.md §2.7 (Feb-2024 release notes, Nov-2023): Sign introductory offers
/// have a maximum quantity of 1 and cannot renew.
fn introductory(path: &Path, line: &BasketLine, report: &mut Report) {
    if !line.introductory {
        return;
    }
    if line.quantity > 1 {
        report.add(
            &path.key("quantity"),
            Finding::new(Code::BasketIntroductoryOffer)
                .with("reason", "its quantity can only be 1"),
        );
    }
    if line.auto_renewal {
        report.add(
            &path.key("autoRenewal"),
            Finding::new(Code::BasketIntroductoryOffer)
                .with("reason", "it cannot renew automatically"),
        );
    }
}

/// FACTS.md §4.1 (2129 `INELIGIBLE_ADD_ON`): an add-on needs its base product,
/// in the basket or already subscribed.
fn base_product(
    path: &Path,
    line: &BasketLine,
    context: &BasketContext,
    products: &HashSet<&str>,
    report: &mut Report,
) {
    let Some(base) = line.requires_product.as_deref() else {
        return;
    };
    let present = products.contains(base) || context.existing_products.iter().any(|p| p == base);
    if !present {
        report.add(
            &path.key("offerId"),
            Finding::new(Code::BasketIneligibleAddOn)
                .with("reasonCode", "INELIGIBLE_ADD_ON")
                .with("product", base),
        );
    }
}

/// FACTS.md §3.5: at most 499 line items.
fn line_count(basket: &Basket, report: &mut Report) {
    if basket.lines.len() > MAX_LINES {
        report.add(
            &Path::root().key("lines"),
            Finding::new(Code::ArrayTooMany)
                .with("max", MAX_LINES)
                .with("count", basket.lines.len())
                .with("noun", "line"),
        );
    }
}

/// Storefront rule 7 (FACTS.md §3.5 RETURN): cancellation only in the first 14
/// days of an executed order, by [`crate::return_window`]'s one definition (the
/// basket knows the order's day, not its time). Without `today` the rule
/// cannot run and is skipped.
fn cancellations(basket: &Basket, context: &BasketContext, report: &mut Report) {
    let Some(today) = context.today else {
        return;
    };
    for (index, cancellation) in basket.cancellations.iter().enumerate() {
        let placed = Placed::On(cancellation.order_date);
        if let Some(shown) = return_window::closed_before(placed, today) {
            report.add(
                &Path::root()
                    .key("cancellations")
                    .index(index)
                    .key("orderDate"),
                Finding::new(Code::ReturnWindowClosed).with("deadline", shown),
            );
        }
    }
}

/// The offers' currency (each line's, and the price list's) must be the
/// customer's (issue 4; Adobe prices per currency, FACTS.md §3.3).
fn currency(
    basket: &Basket,
    context: &BasketContext,
    price_list: Option<&PriceList>,
    report: &mut Report,
) {
    let Some(wanted) = context.currency.as_deref() else {
        return;
    };
    for (index, line) in basket.lines.iter().enumerate() {
        if let Some(given) = line.currency.as_deref().filter(|given| *given != wanted) {
            report.add(
                &line_path(index).key("currency"),
                Finding::new(Code::CurrencyMismatch)
                    .with("value", given)
                    .with("expected", wanted),
            );
        }
    }
    let Some(list) = price_list else {
        return;
    };
    if wanted != list.currency().code() {
        report.add(
            &Path::root().key("currency"),
            Finding::new(Code::CurrencyMismatch)
                .with("value", wanted)
                .with("expected", list.currency().code()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::Cancellation;
    use crate::date::Date;
    use crate::pricing::{MarketSegment, price_list};

    // data/products.json: 65304479CA is not in the catalogue; 30001558CA is a
    // Team product and 30001551CA an Enterprise product (COM).
    const TEAM: &str = "30001558CA01A12";
    const ENTERPRISE: &str = "30001551CA01A12";

    fn container() -> BasketLine {
        BasketLine {
            kind: LineKind::Container,
            quantity: 1,
            unit_price: Some("0.00".into()),
            ..BasketLine::default()
        }
    }

    fn add_on(offer_id: &str, quantity: u64) -> BasketLine {
        BasketLine {
            offer_id: offer_id.into(),
            quantity,
            ..BasketLine::default()
        }
    }

    fn basket(lines: Vec<BasketLine>) -> Basket {
        Basket {
            lines,
            cancellations: Vec::new(),
        }
    }

    fn check(basket: &Basket, context: &BasketContext) -> BasketCheck {
        check_basket(basket, context, None)
    }

    fn codes(found: &[crate::Violation]) -> Vec<&'static str> {
        found.iter().map(|v| v.code.as_str()).collect()
    }

    fn valid() -> Basket {
        basket(vec![container(), add_on(TEAM, 5)])
    }

    #[test]
    fn a_container_and_an_add_on_pass() {
        let answer = check(&valid(), &BasketContext::default());
        assert!(answer.valid, "{:?}", answer.violations);
        assert!(answer.warnings.is_empty());
    }

    #[test]
    fn reseller_rules() {
        let mut context = BasketContext {
            reseller_synced: false,
            ..BasketContext::default()
        };
        let mut b = valid();
        b.lines[1].name = Some("Acrobat Pro".into());
        let answer = check(&b, &context);
        assert_eq!(codes(&answer.violations), ["basket.reseller_not_synced"]);
        assert!(
            answer.violations[0]
                .message
                .starts_with("Adobe \"Acrobat Pro\" can only be purchased")
        );
        context.can_resell = false;
        assert_eq!(
            codes(&check(&b, &context).violations),
            ["basket.not_a_reseller"]
        );
        let personal = BasketContext {
            personal_use: true,
            ..BasketContext::default()
        };
        let answer = check(&b, &personal);
        assert_eq!(
            answer.violations[0].message,
            "\"Adobe Services\" cannot be purchased by resellers for personal usage."
        );
    }

    #[test]
    fn container_rules() {
        let context = BasketContext::default();
        assert_eq!(
            codes(&check(&basket(vec![add_on(TEAM, 1)]), &context).violations),
            ["basket.container_missing"]
        );
        let existing = BasketContext {
            existing_subscription: true,
            account_name: Some("Fairmont".into()),
            ..BasketContext::default()
        };
        assert!(check(&basket(vec![add_on(TEAM, 1)]), &existing).valid);
        let answer = check(&valid(), &existing);
        assert_eq!(codes(&answer.violations), ["basket.subscription_exists"]);
        let two = basket(vec![container(), container(), add_on(TEAM, 1)]);
        assert_eq!(
            codes(&check(&two, &context).violations),
            ["basket.container_duplicate"]
        );
        let mut odd = container();
        odd.quantity = 2;
        odd.unit_price = Some("1.00".into());
        let answer = check(&basket(vec![odd, add_on(TEAM, 1)]), &context);
        assert_eq!(
            codes(&answer.violations),
            ["number.out_of_range", "basket.container_price"]
        );
        assert_eq!(answer.violations[0].path.to_string(), "lines[0].quantity");
    }

    #[test]
    fn add_on_rules() {
        let context = BasketContext::default();
        assert_eq!(
            codes(&check(&basket(vec![container()]), &context).violations),
            ["basket.add_on_missing"]
        );
        let twice = basket(vec![
            container(),
            add_on(TEAM, 1),
            add_on("30001558CA02A12", 3),
        ]);
        let answer = check(&twice, &context);
        assert_eq!(codes(&answer.violations), ["basket.add_on_duplicate"]);
        assert_eq!(answer.violations[0].path.to_string(), "lines[2].offerId");
        let owned = BasketContext {
            existing_products: vec!["30001558".into()],
            ..BasketContext::default()
        };
        let answer = check(&valid(), &owned);
        assert!(answer.valid);
        assert_eq!(codes(&answer.warnings), ["basket.add_on_existing"]);
        let bad = basket(vec![container(), add_on("nope", 1)]);
        assert_eq!(
            codes(&check(&bad, &context).violations),
            ["offer_id.invalid_format"]
        );
    }

    #[test]
    fn per_line_maximums_team_enterprise_and_configured() {
        let context = BasketContext::default();
        assert!(check(&basket(vec![container(), add_on(TEAM, 10_000)]), &context).valid);
        let answer = check(&basket(vec![container(), add_on(TEAM, 10_001)]), &context);
        assert_eq!(codes(&answer.violations), ["number.out_of_range"]);
        assert!(
            check(
                &basket(vec![container(), add_on(ENTERPRISE, 200_000)]),
                &context
            )
            .valid
        );
        assert!(
            !check(
                &basket(vec![container(), add_on(ENTERPRISE, 200_001)]),
                &context
            )
            .valid
        );
        assert!(!check(&basket(vec![container(), add_on(ENTERPRISE, 0)]), &context).valid);
        let generous = BasketContext {
            enterprise_line_max: 599_000,
            ..BasketContext::default()
        };
        assert!(
            check(
                &basket(vec![container(), add_on(ENTERPRISE, 599_000)]),
                &generous
            )
            .valid
        );
    }

    #[test]
    fn minimum_quantities_from_the_price_list_and_moq() {
        let list = price_list::load(
            "Offer ID,Additional Detail,Partner Price\n65300000CB01A12,K-12 Lab (100+),10.00\n",
            Some("USD"),
        )
        .expect("list");
        let context = BasketContext {
            market_segment: MarketSegment::Edu,
            reseller_segments: vec![MarketSegment::Edu],
            sub_segments: vec!["K_12".into()],
            ..BasketContext::default()
        };
        let at = |n| {
            check_basket(
                &basket(vec![container(), add_on("65300000CB01A12", n)]),
                &context,
                Some(&list),
            )
        };
        assert_eq!(codes(&at(99).violations), ["basket.below_minimum_quantity"]);
        assert!(at(100).valid);
        let moq = check(
            &basket(vec![container(), add_on("65304479CA14X12", 99)]),
            &BasketContext::default(),
        );
        assert_eq!(codes(&moq.violations), ["basket.below_minimum_quantity"]);
    }

    #[test]
    fn line_count_stops_at_499() {
        let mut lines = vec![container()];
        lines.extend((0..498).map(|n| add_on(&format!("{:08}CA01A12", 10_000_000 + n), 1)));
        assert!(check(&basket(lines.clone()), &BasketContext::default()).valid);
        lines.push(add_on("99999999CA01A12", 1));
        assert_eq!(
            codes(&check(&basket(lines), &BasketContext::default()).violations),
            ["array.too_many"]
        );
    }

    #[test]
    fn market_segment_and_sub_segment_eligibility() {
        let list = price_list::load(
            "Offer ID,Additional Detail,Partner Price\n65300000CB01A12,K-12 Lab,1.00\n65300001CB01A12,HED Named,1.00\n65300002CB01A12,,1.00\n",
            Some("USD"),
        )
        .expect("list");
        let edu = |sub: &str| BasketContext {
            market_segment: MarketSegment::Edu,
            reseller_segments: vec![MarketSegment::Edu],
            sub_segments: vec![sub.to_owned()],
            ..BasketContext::default()
        };
        let verdict = |offer: &str, sub: &str| {
            check_basket(
                &basket(vec![container(), add_on(offer, 1)]),
                &edu(sub),
                Some(&list),
            )
            .valid
        };
        assert!(verdict("65300000CB01A12", "K_12"));
        assert!(!verdict("65300001CB01A12", "K_12"));
        assert!(verdict("65300001CB01A12", "HIGHER_ED"));
        assert!(!verdict("65300000CB01A12", "HIGHER_ED"));
        assert!(verdict("65300002CB01A12", "NON_PROFIT"));
        assert!(!verdict("65300000CB01A12", "NON_PROFIT"));
        let com = check(
            &basket(vec![container(), add_on("65300002CB01A12", 1)]),
            &BasketContext::default(),
        );
        assert_eq!(codes(&com.violations), ["basket.ineligible_market_segment"]);
        assert_eq!(
            com.violations[0]
                .params
                .get("reasonCode")
                .map(ToString::to_string)
                .as_deref(),
            Some("INELIGIBLE_MARKET_SEGMENT")
        );
        let not_enabled = BasketContext {
            market_segment: MarketSegment::Edu,
            ..BasketContext::default()
        };
        let answer = check(
            &basket(vec![container(), add_on("65300002CB01A12", 1)]),
            &not_enabled,
        );
        assert_eq!(codes(&answer.violations), ["market_segment.not_enabled"]);
    }

    #[test]
    fn sign_introductory_offers() {
        let mut intro = add_on(TEAM, 1);
        intro.introductory = true;
        assert!(
            check(
                &basket(vec![container(), intro.clone()]),
                &BasketContext::default()
            )
            .valid
        );
        intro.quantity = 2;
        intro.auto_renewal = true;
        let answer = check(&basket(vec![container(), intro]), &BasketContext::default());
        assert_eq!(codes(&answer.violations), ["basket.introductory_offer"; 2]);
    }

    #[test]
    fn add_on_needs_its_base_product() {
        let mut extra = add_on(ENTERPRISE, 1);
        extra.requires_product = Some("30001558".into());
        let alone = check(
            &basket(vec![container(), extra.clone()]),
            &BasketContext::default(),
        );
        assert_eq!(codes(&alone.violations), ["basket.ineligible_add_on"]);
        assert!(
            check(
                &basket(vec![container(), add_on(TEAM, 1), extra.clone()]),
                &BasketContext::default()
            )
            .valid
        );
        let owned = BasketContext {
            existing_products: vec!["30001558".into()],
            ..BasketContext::default()
        };
        assert!(check(&basket(vec![container(), extra]), &owned).valid);
    }

    #[test]
    fn cancellation_only_within_fourteen_days() {
        let day = |d: &str| Date::parse(d).expect("date");
        let mut b = valid();
        b.cancellations.push(Cancellation {
            offer_id: TEAM.into(),
            order_date: day("2026-01-01"),
        });
        let on = |today: &str| BasketContext {
            today: Some(day(today)),
            ..BasketContext::default()
        };
        assert!(check(&b, &on("2026-01-15")).valid);
        let late = check(&b, &on("2026-01-16"));
        assert_eq!(codes(&late.violations), ["return.window_closed"]);
        assert_eq!(
            late.violations[0].path.to_string(),
            "cancellations[0].orderDate"
        );
    }

    #[test]
    fn currency_must_match() {
        let list = price_list::load(
            "Offer ID,Partner Price\n30001558CA01A12,1.00\n",
            Some("USD"),
        )
        .expect("list");
        let eur = BasketContext {
            currency: Some("EUR".into()),
            ..BasketContext::default()
        };
        assert_eq!(
            codes(&check_basket(&valid(), &eur, Some(&list)).violations),
            ["currency.mismatch"]
        );
        let mut b = valid();
        b.lines[1].currency = Some("USD".into());
        assert_eq!(codes(&check(&b, &eur).violations), ["currency.mismatch"]);
        let usd = BasketContext {
            currency: Some("USD".into()),
            ..BasketContext::default()
        };
        assert!(check_basket(&b, &usd, Some(&list)).valid);
    }
}
