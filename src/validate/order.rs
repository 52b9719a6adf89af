//! Create Order (every order type) and Update Order externalReferenceId.
//!
//! Source: Partner API reference (Feb 2024), "Order Management" (order types,
//! referenceOrderId, Restrictions: 499 lines, extLineItemNumber ≤ 999999 and
//! unique, externalReferenceId ≤ 35, quantity per line); FACTS.md §1.2 (the
//! current orderType enum, line currency, flex discounts, switch orders) and §3.5
//! (order rules now: 14-day returns, partial returns, RENEWAL lines); the return
//! window itself is [`crate::return_window`]'s.

use super::json::{Object, apply};
use super::profile::check_free_text;
use super::reseller::EXTERNAL_REFERENCE_MAX;
use super::{Context, date_of};
use crate::date::Timestamp;
use crate::field::{account_id, currency, offer_id, quantity, subscription_id};
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::{Order, OrderType};
use crate::return_window::{self, Placed};

const ORDER_KEYS: &[&str] = &[
    "orderType",
    "externalReferenceId",
    "referenceOrderId",
    "currencyCode",
    "lineItems",
    "cancellingItems",
];
/// Fields of an Order *response*. Adobe documents that a PREVIEW response can be
/// sent back as a NEW order with only `orderType` changed, so these are accepted
/// (and ignored by Adobe) rather than reported.
const ORDER_ECHOED: &[&str] = &[
    "orderId",
    "customerId",
    "creationDate",
    "status",
    "links",
    "referencedOrderId",
    "source",
    "pricingSummary",
    "eligibleOffers",
];
/// A line's keys: those a request sets, then those Adobe echoes in a
/// PREVIEW response (which may be resubmitted as NEW).
const LINE_ALL_KEYS: &[&str] = &[
    "extLineItemNumber",
    "offerId",
    "quantity",
    "subscriptionId",
    "currencyCode",
    "deploymentId",
    "flexDiscountCodes",
    "discountCode",
    // Echoed by Adobe.
    "status",
    "pricing",
    "proratedDays",
    "flexDiscounts",
    "remainingQuantity",
];
const CANCELLING_KEYS: &[&str] = &[
    "extLineItemNumber",
    "referenceLineItemNumber",
    "subscriptionId",
    "quantity",
];
/// At most 499 lines an order (Restrictions; error 2119).
const MAX_LINES: usize = 499;
/// `extLineItemNumber` 0–999999 (Resources and Fields; error 2123).
const MAX_LINE_NUMBER: i64 = 999_999;

/// `POST /v3/customers/{id}/orders`.
pub(super) fn check_create(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(order) = Object::new(body, Loc::Root, report) else {
        return;
    };
    order.check_keys_by(is_order_key, |_| false, report);
    let order_type = check_order_type(&order, report);
    check_free_text(
        &order,
        "externalReferenceId",
        EXTERNAL_REFERENCE_MAX,
        false,
        report,
    );
    check_reference(&order, order_type, report);
    let order_currency = check_currency(&order, report);
    let lines = check_lines(&order, order_type, order_currency.is_some(), report);
    check_cancelling(&order, order_type, &lines, report);
    let offers_and_quantities = lines.iter().map(|line| (line.offer_id, line.quantity));
    let lines_path = order.at("lineItems");
    let offers = lines.iter().map(|line| (line.index, line.offer_id));
    super::lga_offer::check(order_type, offers, context, &lines_path, report);
    let renewed = lines.iter().map(|line| line.subscription_id);
    super::renewal_window::check(&order, order_type, renewed, context, report);
    for line in &lines {
        let path = lines_path.index(line.index);
        super::hvd_discount::check(line.discount_code, context, &path, report);
    }
    super::lga_quantity::check(
        order_type,
        offers_and_quantities,
        context,
        &lines_path,
        report,
    );
    let Some(reference) = &context.reference_order else {
        return;
    };
    match order_type {
        Some(OrderType::Return) => check_return_against(&order, reference, context, &lines, report),
        Some(OrderType::RevertSwitch | OrderType::PreviewRevertSwitch) => {
            let path = order.at("referenceOrderId");
            super::revert_switch::check(reference, &path, report);
            check_return_window(reference, context, &path, report);
        }
        _ => {}
    }
}

/// Whether `key` is one of an order's keys: sent, or echoed back by Adobe.
fn is_order_key(key: &str) -> bool {
    ORDER_KEYS.contains(&key) || ORDER_ECHOED.contains(&key)
}

/// `PATCH /v3/customers/{id}/orders/{orderId}`: only externalReferenceId.
pub(super) fn check_update(body: &Json<'_>, report: &mut Report) {
    let Some(order) = Object::new(body, Loc::Root, report) else {
        return;
    };
    let editable = |key: &str| key == "externalReferenceId";
    order.check_keys_by(editable, |key| !editable(key) && is_order_key(key), report);
    check_free_text(
        &order,
        "externalReferenceId",
        EXTERNAL_REFERENCE_MAX,
        true,
        report,
    );
}

fn check_order_type(order: &Object<'_, '_>, report: &mut Report) -> Option<OrderType> {
    let name = order.required_str("orderType", report)?;
    let path = order.at("orderType");
    match OrderType::from_name(name) {
        Some(order_type) if order_type.is_creatable() => Some(order_type),
        Some(_) => {
            report.add(
                &path,
                Finding::new(Code::OrderTypeNotCreatable).with("value", name),
            );
            None
        }
        None => {
            let allowed: Vec<&str> = OrderType::ALL
                .iter()
                .filter(|t| t.is_creatable())
                .map(|t| t.as_str())
                .collect();
            report.add(
                &path,
                Finding::new(Code::EnumInvalid).with("allowed", allowed.join(", ")),
            );
            None
        }
    }
}

/// `referenceOrderId`: required for RETURN and reverts, empty or absent otherwise.
fn check_reference(order: &Object<'_, '_>, order_type: Option<OrderType>, report: &mut Report) {
    let Some(order_type) = order_type else { return };
    let path = order.at("referenceOrderId");
    if order_type.needs_reference_order() {
        if let Some(id) = order.required_str("referenceOrderId", report) {
            apply(report, &path, account_id::check(id));
        }
    } else if order
        .optional_str("referenceOrderId", report)
        .is_some_and(|id| !id.is_empty())
    {
        let reason = format!(
            "only RETURN and revert orders refer to another order, not {}",
            order_type.as_str()
        );
        report.add(
            &path,
            Finding::new(Code::FieldNotAllowed).with("reason", reason),
        );
    }
}

fn check_currency<'a>(order: &Object<'a, '_>, report: &mut Report) -> Option<&'a str> {
    let code = order
        .optional_str("currencyCode", report)
        .filter(|code| !code.is_empty())?;
    order.apply("currencyCode", currency::check(code), report);
    Some(code)
}

/// The facts of one valid-enough line, for cross-line and state rules.
struct Line<'a> {
    /// The line's index in `lineItems`.
    index: usize,
    number: Option<i64>,
    offer_id: Option<&'a str>,
    quantity: Option<i64>,
    discount_code: Option<&'a str>,
    subscription_id: Option<&'a str>,
}

fn lines_optional(order_type: Option<OrderType>) -> bool {
    matches!(
        order_type,
        Some(OrderType::PreviewRenewal | OrderType::PreviewRevertSwitch | OrderType::RevertSwitch)
    )
}

fn check_lines<'a>(
    order: &Object<'a, '_>,
    order_type: Option<OrderType>,
    order_currency: bool,
    report: &mut Report,
) -> Vec<Line<'a>> {
    let list = if lines_optional(order_type) {
        order.optional_array("lineItems", report)
    } else {
        order.required_array("lineItems", report)
    };
    let Some(list) = list else { return Vec::new() };
    let path = order.at("lineItems");
    check_line_count(list.len(), lines_optional(order_type), &path, report);
    // Room for every line at once: collected from a filter, the list would
    // grow (and be copied) eight times for 499 lines.
    let mut lines: Vec<Line<'a>> = Vec::with_capacity(list.len());
    lines.extend(list.iter().enumerate().filter_map(|(index, value)| {
        let line_path = path.index(index);
        check_line(value, &line_path, order_type, order_currency, report)
            .map(|facts| facts.at(index))
    }));
    check_unique_numbers(&path, &lines, report);
    lines
}

fn check_line_count(count: usize, may_be_empty: bool, path: &Loc<'_>, report: &mut Report) {
    if count == 0 && !may_be_empty {
        report.add(
            path,
            Finding::new(Code::ArrayTooFew)
                .with("min", 1_i64)
                .with("noun", "line item"),
        );
    }
    if count > MAX_LINES {
        let finding = Finding::new(Code::ArrayTooMany)
            .with("max", MAX_LINES)
            .with("count", count)
            .with("noun", "line item");
        report.add(path, finding);
    }
}

/// What [`check_line`] learnt of a line, before its index is attached.
struct LineFacts<'a> {
    number: Option<i64>,
    offer_id: Option<&'a str>,
    quantity: Option<i64>,
    discount_code: Option<&'a str>,
    subscription_id: Option<&'a str>,
}

impl<'a> LineFacts<'a> {
    fn at(self, index: usize) -> Line<'a> {
        Line {
            index,
            number: self.number,
            offer_id: self.offer_id,
            quantity: self.quantity,
            discount_code: self.discount_code,
            subscription_id: self.subscription_id,
        }
    }
}

/// The members of a line the rules read, found in one pass over it: a line
/// is read up to 499 times per order, and looking each member up by name
/// scanned the line's members once per rule (measured: the lookups were a
/// third of a line's time, in Node and natively).
#[derive(Default)]
struct LineMembers<'a> {
    number: Option<&'a Json<'a>>,
    offer_id: Option<&'a Json<'a>>,
    quantity: Option<&'a Json<'a>>,
    subscription_id: Option<&'a Json<'a>>,
    currency_code: Option<&'a Json<'a>>,
    discount_code: Option<&'a Json<'a>>,
    flex_discount_codes: Option<&'a Json<'a>>,
}

impl<'a> LineMembers<'a> {
    /// Finds the members (the first of a repeated key, null as absent) and
    /// files each unknown key, in the line's order, as `check_keys` would.
    fn read(line: &Object<'a, '_>, report: &mut Report) -> Self {
        let mut found = LineMembers::default();
        for (key, value) in line.members() {
            let slot = match *key {
                "extLineItemNumber" => &mut found.number,
                "offerId" => &mut found.offer_id,
                "quantity" => &mut found.quantity,
                "subscriptionId" => &mut found.subscription_id,
                "currencyCode" => &mut found.currency_code,
                "discountCode" => &mut found.discount_code,
                "flexDiscountCodes" => &mut found.flex_discount_codes,
                known if LINE_ALL_KEYS.contains(&known) => continue,
                unknown => {
                    let finding = Finding::new(Code::FieldUnknown).with("field", unknown);
                    report.add(&line.at(unknown), finding);
                    continue;
                }
            };
            if slot.is_none() && !value.is_null() {
                *slot = Some(value);
            }
        }
        found
    }
}

fn check_line<'a>(
    value: &'a Json<'a>,
    path: &Loc<'_>,
    order_type: Option<OrderType>,
    order_currency: bool,
    report: &mut Report,
) -> Option<LineFacts<'a>> {
    let line = Object::new(value, *path, report)?;
    let found = LineMembers::read(&line, report);
    let number = check_line_number(&line, found.number, report);
    let offer = line.required_str_of("offerId", found.offer_id, report);
    if let Some(id) = offer {
        line.apply("offerId", offer_id::check(id), report);
    }
    let quantity = line.required_int_of("quantity", found.quantity, report);
    if let Some(q) = quantity {
        line.apply("quantity", quantity::check_line_of_offer(q, offer), report);
    }
    let subscription_id = check_line_subscription(&line, found.subscription_id, order_type, report);
    check_line_currency(&line, found.currency_code, order_currency, report);
    if found.flex_discount_codes.is_some() {
        super::subscription::check_flex_codes_of(&line, found.flex_discount_codes, report);
    }
    Some(LineFacts {
        number,
        offer_id: offer,
        quantity,
        discount_code: line.str_of("discountCode", found.discount_code, report),
        subscription_id,
    })
}

fn check_line_number<'a>(
    line: &Object<'a, '_>,
    value: Option<&'a Json<'a>>,
    report: &mut Report,
) -> Option<i64> {
    let number = line.required_int_of("extLineItemNumber", value, report)?;
    if !(0..=MAX_LINE_NUMBER).contains(&number) {
        let finding = Finding::new(Code::NumberOutOfRange)
            .with("min", 0_i64)
            .with("max", MAX_LINE_NUMBER);
        report.add(&line.at("extLineItemNumber"), finding);
        return None;
    }
    Some(number)
}

/// RENEWAL lines name the subscription renewed; so do PREVIEW_RENEWAL lines
/// when lines are given (FACTS.md §3.5). Otherwise a subscriptionId is what
/// Adobe echoed back and must be empty or well-formed.
fn check_line_subscription<'a>(
    line: &Object<'a, '_>,
    found: Option<&'a Json<'a>>,
    order_type: Option<OrderType>,
    report: &mut Report,
) -> Option<&'a str> {
    let required = matches!(
        order_type,
        Some(OrderType::Renewal | OrderType::PreviewRenewal)
    );
    let value = if required {
        line.required_str_of("subscriptionId", found, report)
    } else {
        line.str_of("subscriptionId", found, report)
    };
    let id = value.filter(|id| !id.is_empty())?;
    line.apply("subscriptionId", subscription_id::check(id), report);
    Some(id)
}

fn check_line_currency<'a>(
    line: &Object<'a, '_>,
    found: Option<&'a Json<'a>>,
    order_currency: bool,
    report: &mut Report,
) {
    let Some(code) = line
        .str_of("currencyCode", found, report)
        .filter(|code| !code.is_empty())
    else {
        return;
    };
    let path = line.at("currencyCode");
    apply(report, &path, currency::check(code));
    if order_currency {
        report.add(&path, Finding::new(Code::CurrencyAtBothLevels));
    }
}

fn check_unique_numbers(path: &Loc<'_>, lines: &[Line<'_>], report: &mut Report) {
    for index in repeated_numbers(lines) {
        let Some(line) = lines.get(index) else {
            continue;
        };
        let Some(number) = line.number else { continue };
        let finding = Finding::new(Code::LineItemNumberDuplicate).with("value", number);
        report.add(&path.index(line.index).key("extLineItemNumber"), finding);
    }
}

/// Line numbers below this are checked for repeats with a bit each (a
/// kilobyte on the stack); an order with a number past it is sorted instead.
const NUMBERS_IN_BITS: usize = 8192;

/// The positions in `lines` of every line whose number an earlier line
/// already has, in order. Storefronts number lines 1, 2, 3…: a rising run is
/// proved unique in one pass; anything else is looked up in a set of bits
/// when every number is below [`NUMBERS_IN_BITS`], else sorted once
/// (`n log n`, no hashing). Sorting was a fifth of the instructions of a
/// 100-line order with a repeated number.
fn repeated_numbers(lines: &[Line<'_>]) -> Vec<usize> {
    let numbers = lines
        .iter()
        .enumerate()
        .filter_map(|(at, line)| Some((line.number?, at)));
    let mut previous = None;
    let rising = numbers.clone().all(|(number, _)| {
        let up = previous.is_none_or(|before| number > before);
        previous = Some(number);
        up
    });
    if rising {
        return Vec::new();
    }
    if let Some(repeats) = repeated_small_numbers(numbers.clone()) {
        return repeats;
    }
    let mut sorted: Vec<(i64, usize)> = numbers.collect();
    sorted.sort_unstable();
    let mut repeats: Vec<usize> = sorted
        .windows(2)
        .filter(|pair| pair[0].0 == pair[1].0)
        .map(|pair| pair[1].1)
        .collect();
    repeats.sort_unstable();
    repeats
}

/// [`repeated_numbers`] with a bit for each number seen; `None` when a number
/// is not below [`NUMBERS_IN_BITS`].
fn repeated_small_numbers(numbers: impl Iterator<Item = (i64, usize)>) -> Option<Vec<usize>> {
    let mut seen = [0_u64; NUMBERS_IN_BITS / 64];
    let mut repeats = Vec::new();
    for (number, at) in numbers {
        let number = usize::try_from(number)
            .ok()
            .filter(|n| *n < NUMBERS_IN_BITS)?;
        let (word, bit) = (number / 64, 1_u64 << (number % 64));
        if seen[word] & bit == 0 {
            seen[word] |= bit;
        } else {
            repeats.push(at);
        }
    }
    Some(repeats)
}

/// `cancellingItems`: only on switch orders, where they are required; one item,
/// and its quantity equals the line's (FACTS.md §1.2, §3.5; errors 2149, 2152).
fn check_cancelling(
    order: &Object<'_, '_>,
    order_type: Option<OrderType>,
    lines: &[Line<'_>],
    report: &mut Report,
) {
    let is_switch = matches!(
        order_type,
        Some(OrderType::Switch | OrderType::PreviewSwitch)
    );
    if !is_switch {
        if order.has("cancellingItems") && order_type.is_some() {
            let reason = "only switch orders cancel items";
            report.add(
                &order.at("cancellingItems"),
                Finding::new(Code::FieldNotAllowed).with("reason", reason),
            );
        }
        return;
    }
    let Some(items) = order.required_array("cancellingItems", report) else {
        return;
    };
    let path = order.at("cancellingItems");
    check_single_item(items.len(), &path, report);
    check_single_item(lines.len(), &order.at("lineItems"), report);
    for (index, value) in items.iter().enumerate() {
        let Some(item) = Object::new(value, path.index(index), report) else {
            continue;
        };
        let cancelling = check_cancelling_item(&item, report);
        let line_quantity = lines.get(index).and_then(|line| line.quantity);
        if let (Some(cancelling), Some(quantity)) = (cancelling, line_quantity) {
            if cancelling != quantity {
                let finding = Finding::new(Code::SwitchQuantityMismatch)
                    .with("quantity", quantity)
                    .with("cancelling", cancelling);
                report.add(&order.at("lineItems").index(index).key("quantity"), finding);
            }
        }
    }
}

fn check_single_item(count: usize, path: &Loc<'_>, report: &mut Report) {
    if count > 1 {
        report.add(
            path,
            Finding::new(Code::ArrayTooMany)
                .with("max", 1_i64)
                .with("count", count)
                .with("noun", "item"),
        );
    }
}

fn check_cancelling_item(item: &Object<'_, '_>, report: &mut Report) -> Option<i64> {
    item.check_keys(CANCELLING_KEYS, &[], report);
    check_line_number(item, item.get("extLineItemNumber"), report);
    item.required_int("referenceLineItemNumber", report);
    if let Some(id) = item.required_str("subscriptionId", report) {
        item.apply("subscriptionId", subscription_id::check(id), report);
    }
    let quantity = item.required_int("quantity", report)?;
    item.apply("quantity", quantity::check_line(quantity, None), report);
    Some(quantity)
}

/// With the referenced order known: it must be a NEW or RENEWAL order, inside
/// the 14-day window (with `today` known), and every returned line must match
/// one of its lines by number and offer, for at most its quantity (partial
/// returns are allowed since 2026-08-13, FACTS.md §3.5).
fn check_return_against(
    order: &Object<'_, '_>,
    reference: &Order,
    context: &Context,
    lines: &[Line<'_>],
    report: &mut Report,
) {
    let reference_path = order.at("referenceOrderId");
    if !matches!(
        reference.order_type,
        Some(OrderType::New | OrderType::Renewal)
    ) {
        let kind = reference.order_type.map_or("unknown", OrderType::as_str);
        report.add(
            &reference_path,
            Finding::new(Code::ReturnNotReturnable).with("value", kind),
        );
    }
    check_return_window(reference, context, &reference_path, report);
    let lines_path = order.at("lineItems");
    for line in lines {
        check_returned_line(&lines_path.index(line.index), line, reference, report);
    }
    let returned = lines.iter().map(|line| (line.offer_id, line.quantity));
    super::return_commitment::check(returned, context, &lines_path, report);
}

/// The 14-day return window from the referenced order's `creationDate`
/// (its timestamp when it has one), as [`crate::return_window`] defines it.
fn check_return_window(reference: &Order, context: &Context, path: &Loc<'_>, report: &mut Report) {
    let (Some(placed), Some(today)) = (placed_at(reference), context.today) else {
        return;
    };
    if let Some(deadline) = return_window::closed_before(placed, today) {
        report.add(
            path,
            Finding::new(Code::ReturnWindowClosed).with("deadline", deadline),
        );
    }
}

/// When the referenced order was placed: its `creationDate` as a timestamp,
/// or only its day when the text holds no time Adobe would write.
fn placed_at(reference: &Order) -> Option<Placed> {
    let text = reference.creation_date.as_deref()?;
    match Timestamp::parse(text) {
        Ok(instant) => Some(Placed::At(instant)),
        Err(_) => date_of(text).map(Placed::On),
    }
}

fn check_returned_line(path: &Loc<'_>, line: &Line<'_>, reference: &Order, report: &mut Report) {
    let Some(number) = line.number else { return };
    let original = reference
        .line_items
        .iter()
        .find(|item| i64::from(item.ext_line_item_number) == number);
    let Some(original) = original else {
        let reason = format!("the original order has no line {number}");
        report.add(
            &path.key("extLineItemNumber"),
            Finding::new(Code::ReturnLineMismatch).with("reason", reason),
        );
        return;
    };
    if line
        .offer_id
        .is_some_and(|offer| offer != original.offer_id)
    {
        let reason = format!("line {number} was for offer {}", original.offer_id);
        report.add(
            &path.key("offerId"),
            Finding::new(Code::ReturnLineMismatch).with("reason", reason),
        );
    }
    super::return_quantity::check(path, line.quantity, original, report);
    super::return_exclusions::check(path, line.quantity, original, report);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(numbers: &[Option<i64>]) -> Vec<Line<'static>> {
        numbers
            .iter()
            .enumerate()
            .map(|(index, &number)| Line {
                index,
                number,
                offer_id: None,
                quantity: None,
                discount_code: None,
                subscription_id: None,
            })
            .collect()
    }

    #[test]
    fn every_repeat_after_the_first_is_named_in_line_order() {
        let found = repeated_numbers(&lines(&[Some(3), Some(1), Some(3), None, Some(1), Some(3)]));
        assert_eq!(found, [2, 4, 5]);
        // Past the set of bits, by sorting: the same answer.
        let big = 999_999;
        let found = repeated_numbers(&lines(&[
            Some(big),
            Some(1),
            Some(big),
            None,
            Some(1),
            Some(big),
        ]));
        assert_eq!(found, [2, 4, 5]);
        let edge = i64::try_from(NUMBERS_IN_BITS).expect("small");
        let found = repeated_numbers(&lines(&[
            Some(edge - 1),
            Some(0),
            Some(edge - 1),
            Some(edge),
            Some(0),
        ]));
        assert_eq!(found, [2, 4]);
    }

    #[test]
    fn agrees_with_comparing_every_pair() {
        use proptest::prelude::*;
        let number = prop_oneof![
            Just(None),
            (0_i64..12).prop_map(Some),
            (8_190_i64..8_194).prop_map(Some)
        ];
        proptest!(|(numbers in prop::collection::vec(number, 0..40))| {
            let naive: Vec<usize> = (0..numbers.len())
                .filter(|&at| numbers[at].is_some() && numbers[..at].contains(&numbers[at]))
                .collect();
            prop_assert_eq!(repeated_numbers(&lines(&numbers)), naive);
        });
    }

    #[test]
    fn rising_and_gapped_numbers_have_no_repeat() {
        assert!(repeated_numbers(&lines(&[Some(1), Some(2), Some(10), None, Some(11)])).is_empty());
        assert!(repeated_numbers(&lines(&[Some(5), Some(1), Some(2)])).is_empty());
        assert!(repeated_numbers(&[]).is_empty());
    }
}
