//! Benefits on a customer request: 3YC commitment and recommitment requests,
//! and the Large Government Agency benefit.
//!
//! Source: Partner API reference (Feb 2024), "3YC API Changes" (a
//! commitmentRequest "can not be requested alongside recommitmentRequest or if
//! customer has an existing recommitmentRequest", and the reverse; recommitment
//! "only allowed if the customer has a COMMITTED commitment", "less than 30 days
//! before the commitment end date"; "the committed offerType as well as the new
//! offerType must be included"); FACTS.md §2.7 (minimums 10 / 1000, assumed from
//! implementations; LGA: US or CA, GOV, FEDERAL or STATE, no 3YC).

use super::json::Object;
use super::seen::Seen;
use super::{Context, lga_commitment};
use crate::date::Date;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::{Benefit, Customer};

use crate::resource::{LARGE_GOVERNMENT_AGENCY as LGA, THREE_YEAR_COMMIT};
const BENEFIT_KEYS: &[&str] = &["type", "commitmentRequest", "recommitmentRequest"];
const REQUEST_KEYS: &[&str] = &["minimumQuantities"];
const REQUEST_READ_ONLY: &[&str] = &["startDate", "endDate", "status"];
/// Minimum 3YC quantities (FACTS.md §2.7; Adobe answers 1135, undocumented).
const MIN_LICENSES: i64 = 10;
const MIN_CONSUMABLES: i64 = 1000;
/// A recommitment may be requested only "less than 30 days before the
/// commitment end date" (partner-api-reference-2024-02.txt, "3YC API Changes",
/// recommitmentRequest): 29 days before the end date is the first such day, 30
/// is not.
const RECOMMIT_WINDOW_DAYS: i64 = 30;

/// Whether the body is a create or an update: a new customer has no
/// commitment, so it cannot recommit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    Create,
    Update,
}

/// Whether the body asks for the Large Government Agency benefit.
pub(super) fn has_lga(body: &Json<'_>) -> bool {
    body["benefits"]
        .as_array()
        .is_some_and(|list| list.iter().any(|b| b["type"] == LGA))
}

/// Checks `benefits`.
pub(super) fn check(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    stage: Stage,
    report: &mut Report,
) {
    let Some(list) = object.optional_array("benefits", report) else {
        return;
    };
    let mut seen = Seen::<2>::new();
    let list_path = object.at("benefits");
    for (index, value) in list.iter().enumerate() {
        let Some(benefit) = Object::new(value, list_path.index(index), report) else {
            continue;
        };
        let Some(kind) = benefit_type(&benefit, report) else {
            continue;
        };
        if seen.contains(kind) {
            report.add(
                &benefit.at("type"),
                Finding::new(Code::ListDuplicate).with("value", kind),
            );
        }
        seen.insert(kind);
        match kind {
            THREE_YEAR_COMMIT => {
                check_three_year_commit(&benefit, context, stage, report);
                lga_commitment::check_commitment_asked(&benefit.at("type"), context, report);
            }
            _ => {
                check_lga(
                    &benefit,
                    body,
                    seen.contains(THREE_YEAR_COMMIT) || has_3yc(body),
                    report,
                );
                lga_commitment::check_lga_asked(&benefit.at("type"), context, report);
                if stage == Stage::Update {
                    super::lga_conversion::check(&list_path.index(index), context, report);
                }
            }
        }
    }
}

fn has_3yc(body: &Json<'_>) -> bool {
    body["benefits"]
        .as_array()
        .is_some_and(|list| list.iter().any(|b| b["type"] == THREE_YEAR_COMMIT))
}

fn benefit_type<'a>(benefit: &Object<'a, '_>, report: &mut Report) -> Option<&'a str> {
    benefit.check_keys(BENEFIT_KEYS, &["commitment"], report);
    let kind = benefit.required_str("type", report)?;
    if kind == THREE_YEAR_COMMIT || kind == LGA {
        return Some(kind);
    }
    let allowed = format!("{THREE_YEAR_COMMIT} or {LGA}");
    report.add(
        &benefit.at("type"),
        Finding::new(Code::EnumInvalid).with("allowed", allowed),
    );
    None
}

fn check_three_year_commit(
    benefit: &Object<'_, '_>,
    context: &Context,
    stage: Stage,
    report: &mut Report,
) {
    let asks_commit = benefit.has("commitmentRequest");
    let asks_recommit = benefit.has("recommitmentRequest");
    if asks_commit && asks_recommit {
        report.add(
            &benefit.at("recommitmentRequest"),
            Finding::new(Code::CommitmentRequestConflict),
        );
    } else if !asks_commit && !asks_recommit {
        report.add(
            &benefit.at("commitmentRequest"),
            Finding::new(Code::FieldRequired),
        );
    }
    let current = context.customer.as_ref().and_then(current_3yc);
    for key in ["commitmentRequest", "recommitmentRequest"] {
        if let Some(request) = benefit.optional_object(key, report) {
            check_request(&request, current, report);
            if key == "commitmentRequest" {
                check_no_decrease(&request, current, report);
            }
        }
    }
    if asks_recommit {
        check_recommit_allowed(benefit, stage, current, context, report);
    }
    if asks_commit && !asks_recommit {
        check_no_pending(benefit, current, report);
    }
}

fn current_3yc(customer: &Customer) -> Option<&Benefit> {
    customer
        .benefits
        .iter()
        .find(|benefit| benefit.is_three_year_commit())
}

/// A commitmentRequest while a recommitment is pending is refused, and the reverse.
fn check_no_pending(benefit: &Object<'_, '_>, current: Option<&Benefit>, report: &mut Report) {
    let pending = current
        .and_then(|b| b.recommitment_request.as_ref())
        .is_some_and(|r| is_pending(r.status.as_deref()));
    if pending {
        report.add(
            &benefit.at("commitmentRequest"),
            Finding::new(Code::CommitmentRequestConflict),
        );
    }
}

fn is_pending(status: Option<&str>) -> bool {
    matches!(status, Some("REQUESTED" | "ACCEPTED"))
}

fn check_recommit_allowed(
    benefit: &Object<'_, '_>,
    stage: Stage,
    current: Option<&Benefit>,
    context: &Context,
    report: &mut Report,
) {
    let path = benefit.at("recommitmentRequest");
    let refuse = |reason: &str, report: &mut Report| {
        report.add(
            &path,
            Finding::new(Code::CommitmentRecommitNotAllowed).with("reason", reason),
        );
    };
    if stage == Stage::Create {
        return refuse("a new customer has no commitment to renew", report);
    }
    if context.customer.is_none() {
        return;
    }
    let Some(commitment) = current.and_then(Benefit::committed) else {
        return refuse("the customer has no COMMITTED commitment", report);
    };
    if current
        .and_then(|benefit| benefit.commitment_request.as_ref())
        .is_some_and(|r| is_pending(r.status.as_deref()))
    {
        report.add(&path, Finding::new(Code::CommitmentRequestConflict));
    }
    let end = commitment
        .end_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok());
    if let (Some(end), Some(today)) = (end, context.today) {
        if !inside_recommit_window(today, end) {
            refuse(
                "a recommitment is allowed only less than 30 days before the commitment ends",
                report,
            );
        }
    }
}

/// Whether `today` is "less than 30 days before the commitment end date"
/// (partner-api-reference-2024-02.txt, "3YC API Changes"): 0 to 29 days
/// before it, the end date itself included. After the end date the
/// commitment is over and there is nothing left to recommit to.
fn inside_recommit_window(today: Date, end: Date) -> bool {
    (0..RECOMMIT_WINDOW_DAYS).contains(&today.days_until(end))
}

/// `minimumQuantities`: each offer type once, at least the program minimum, and
/// every offer type of the commitment in force repeated.
fn check_request(request: &Object<'_, '_>, current: Option<&Benefit>, report: &mut Report) {
    request.check_keys(REQUEST_KEYS, REQUEST_READ_ONLY, report);
    let Some(list) = request.required_array("minimumQuantities", report) else {
        return;
    };
    let path = request.at("minimumQuantities");
    if list.is_empty() {
        report.add(
            &path,
            Finding::new(Code::ArrayTooFew)
                .with("min", 1_i64)
                .with("noun", "minimum quantity"),
        );
    }
    let mut seen = Seen::<2>::new();
    for (index, value) in list.iter().enumerate() {
        if let Some(offer_type) = check_minimum(value, &path.index(index), report) {
            if seen.contains(offer_type) {
                report.add(
                    &path.index(index).key("offerType"),
                    Finding::new(Code::ListDuplicate).with("value", offer_type),
                );
            }
            seen.insert(offer_type);
        }
    }
    for committed in committed_offer_types(current) {
        if !seen.contains(committed) {
            report.add(
                &path,
                Finding::new(Code::CommitmentMissingOfferType).with("offerType", committed),
            );
        }
    }
}

/// A `commitmentRequest` for a customer with a COMMITTED commitment asks for
/// an increase (reference, "3YC API Changes": "Used to request 3YC quantity
/// increase for a customer with an existing commitment"; Update Customer:
/// "Request 3YC quantity increase for customer with existing commitment"):
/// no offer type below its committed minimum. A recommitment sets the next
/// commitment's quantities and is not bound by this. Adobe names no code
/// (1117).
fn check_no_decrease(request: &Object<'_, '_>, current: Option<&Benefit>, report: &mut Report) {
    let Some(commitment) = current.and_then(Benefit::committed) else {
        return;
    };
    let Some(list) = request.get("minimumQuantities").and_then(Json::as_array) else {
        return;
    };
    let path = request.at("minimumQuantities");
    for (index, value) in list.iter().enumerate() {
        let (Some(offer_type), Some(Json::Int(asked))) = (
            value.get("offerType").and_then(Json::as_str),
            value.get("quantity"),
        ) else {
            continue;
        };
        let committed = commitment
            .minimum_quantities
            .iter()
            .find(|m| m.offer_type == offer_type)
            .map_or(0, |m| i64::try_from(m.quantity).unwrap_or(i64::MAX));
        if *asked < committed {
            let finding = Finding::new(Code::CommitmentQuantityDecrease)
                .with("offerType", offer_type)
                .with("committed", committed);
            report.add(&path.index(index).key("quantity"), finding);
        }
    }
}

fn committed_offer_types(current: Option<&Benefit>) -> Vec<&str> {
    let commitment = current.and_then(|b| b.commitment.as_ref());
    commitment
        .map(|c| {
            c.minimum_quantities
                .iter()
                .map(|m| m.offer_type.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// One `{ offerType, quantity }`; returns the offer type when it is valid.
fn check_minimum<'a>(value: &'a Json<'a>, path: &Loc<'_>, report: &mut Report) -> Option<&'a str> {
    let minimum = Object::new(value, *path, report)?;
    minimum.check_keys(&["offerType", "quantity"], &[], report);
    let quantity = minimum.required_int("quantity", report);
    let offer_type = minimum.required_str("offerType", report)?;
    let floor = match offer_type {
        "LICENSE" => MIN_LICENSES,
        "CONSUMABLES" => MIN_CONSUMABLES,
        _ => {
            report.add(
                &minimum.at("offerType"),
                Finding::new(Code::EnumInvalid).with("allowed", "LICENSE or CONSUMABLES"),
            );
            return None;
        }
    };
    if quantity.is_some_and(|q| q < floor) {
        let finding = Finding::new(Code::CommitmentBelowMinimum)
            .with("offerType", offer_type)
            .with("min", floor);
        report.add(&minimum.at("quantity"), finding);
    }
    Some(offer_type)
}

/// LGA: US or CA, market segment GOV, sub-segment FEDERAL or STATE, no 3YC.
fn check_lga(benefit: &Object<'_, '_>, body: &Json<'_>, with_3yc: bool, report: &mut Report) {
    let path = benefit.at("type");
    let mut refuse = |reason: &str| {
        report.add(
            &path,
            Finding::new(Code::LgaNotEligible).with("reason", reason),
        );
    };
    let profile = &body["companyProfile"];
    if !matches!(profile["address"]["country"].as_str(), Some("US" | "CA")) {
        refuse("Large Government Agency is only for customers in the US or Canada");
    }
    if profile["marketSegment"].as_str() != Some("GOV") {
        refuse("Large Government Agency needs market segment GOV");
    }
    if !has_sub_segment(&profile["marketSubSegments"]) {
        refuse("Large Government Agency needs market sub-segment FEDERAL or STATE");
    }
    if with_3yc {
        refuse("Large Government Agency cannot be combined with a 3-year commitment");
    }
}

fn has_sub_segment(value: &Json<'_>) -> bool {
    value.as_array().is_some_and(|list| {
        !list.is_empty()
            && list
                .iter()
                .all(|v| matches!(v.as_str(), Some("FEDERAL" | "STATE")))
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, customer, customer_update, expect, valid, with};
    use super::*;
    use crate::validate::Operation::{CreateCustomer, UpdateCustomer};
    use serde_json::{Value, json};

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    /// `body` with these benefits.
    fn benefits(body: Value, list: Value) -> Value {
        with(body, "/benefits", list)
    }

    /// A 3YC benefit asking `request` with these minimum quantities.
    fn three_year(request: &str, minimums: Value) -> Value {
        let mut benefit = json!({ "type": THREE_YEAR_COMMIT, request: {} });
        benefit[request]["minimumQuantities"] = minimums;
        benefit
    }

    fn licences(quantity: i64) -> Value {
        json!([{ "offerType": "LICENSE", "quantity": quantity }])
    }

    /// A stored customer committed to 10 licences until 2026-02-09, with
    /// `pending` (a request key) awaiting Adobe when given.
    fn committed(today: &str, pending: Option<&str>) -> Context {
        let mut benefit = json!({
            "type": THREE_YEAR_COMMIT,
            "commitment": {
                "status": "COMMITTED",
                "endDate": "2026-02-09",
                "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 10 }]
            }
        });
        if let Some(key) = pending {
            benefit[key] = json!({ "status": "REQUESTED", "minimumQuantities": [] });
        }
        context(json!({ "today": today, "customer": { "benefits": [benefit] } }))
    }

    const QUANTITY: &str = "benefits[0].commitmentRequest.minimumQuantities[0].quantity";

    #[test]
    fn a_committed_customer_asks_only_for_increases() {
        let mut context = committed("2025-06-01", None);
        if let Some(customer) = context.customer.as_mut() {
            customer.benefits[0]
                .commitment
                .as_mut()
                .expect("commitment")
                .minimum_quantities[0]
                .quantity = 50;
        }
        let ask = |request: &str, n: i64| {
            benefits(customer_update(), json!([three_year(request, licences(n))]))
        };
        valid(UpdateCustomer, &ask("commitmentRequest", 50), &context);
        let lower = [(QUANTITY, "commitment.quantity_decrease")];
        expect(
            UpdateCustomer,
            &ask("commitmentRequest", 49),
            &context,
            &lower,
        );
        valid(
            UpdateCustomer,
            &ask("commitmentRequest", 49),
            &Context::default(),
        );
    }

    #[test]
    fn a_commitment_needs_10_licences_or_1000_consumables() {
        let ask = |minimums| {
            benefits(
                customer(),
                json!([three_year("commitmentRequest", minimums)]),
            )
        };
        let below = [(QUANTITY, "commitment.below_minimum")];
        valid(CreateCustomer, &ask(licences(10)), &Context::default());
        expect(
            CreateCustomer,
            &ask(licences(9)),
            &Context::default(),
            &below,
        );
        let consumables = |n: i64| ask(json!([{ "offerType": "CONSUMABLES", "quantity": n }]));
        valid(CreateCustomer, &consumables(1000), &Context::default());
        expect(
            CreateCustomer,
            &consumables(999),
            &Context::default(),
            &below,
        );
    }

    #[test]
    fn minimum_quantities_list_each_known_offer_type_once() {
        let ask = |minimums| {
            benefits(
                customer(),
                json!([three_year("commitmentRequest", minimums)]),
            )
        };
        let path = "benefits[0].commitmentRequest.minimumQuantities";
        let found = [(path, "array.too_few")];
        expect(CreateCustomer, &ask(json!([])), &Context::default(), &found);
        let twice = json!([
            { "offerType": "LICENSE", "quantity": 10 },
            { "offerType": "LICENSE", "quantity": 20 }
        ]);
        let found = [(
            "benefits[0].commitmentRequest.minimumQuantities[1].offerType",
            "list.duplicate",
        )];
        expect(CreateCustomer, &ask(twice), &Context::default(), &found);
        let other = json!([{ "offerType": "SEATS", "quantity": 10 }]);
        let found = [(
            "benefits[0].commitmentRequest.minimumQuantities[0].offerType",
            "enum.invalid",
        )];
        expect(CreateCustomer, &ask(other), &Context::default(), &found);
    }

    #[test]
    fn a_3yc_benefit_asks_for_one_request() {
        let mut both = three_year("commitmentRequest", licences(10));
        both["recommitmentRequest"] = json!({ "minimumQuantities": licences(10) });
        let body = benefits(customer_update(), json!([both]));
        let found = [(
            "benefits[0].recommitmentRequest",
            "commitment.request_conflict",
        )];
        expect(UpdateCustomer, &body, &Context::default(), &found);
        let body = benefits(customer(), json!([{ "type": THREE_YEAR_COMMIT }]));
        let found = [("benefits[0].commitmentRequest", "field.required")];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn benefit_types_are_known_and_listed_once() {
        let body = benefits(customer(), json!([{ "type": "LOYALTY" }]));
        let found = [("benefits[0].type", "enum.invalid")];
        expect(CreateCustomer, &body, &Context::default(), &found);
        let ask = three_year("commitmentRequest", licences(10));
        let body = benefits(customer(), json!([ask, ask]));
        let found = [("benefits[1].type", "list.duplicate")];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn a_new_customer_cannot_recommit() {
        let body = benefits(
            customer(),
            json!([three_year("recommitmentRequest", licences(10))]),
        );
        let found = [(
            "benefits[0].recommitmentRequest",
            "commitment.recommit_not_allowed",
        )];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn a_recommitment_opens_29_days_before_the_commitment_ends() {
        let body = benefits(
            customer_update(),
            json!([three_year("recommitmentRequest", licences(10))]),
        );
        let refused = [(
            "benefits[0].recommitmentRequest",
            "commitment.recommit_not_allowed",
        )];
        valid(UpdateCustomer, &body, &committed("2026-01-11", None));
        valid(UpdateCustomer, &body, &committed("2026-02-09", None));
        expect(
            UpdateCustomer,
            &body,
            &committed("2026-01-10", None),
            &refused,
        );
        expect(
            UpdateCustomer,
            &body,
            &committed("2026-02-10", None),
            &refused,
        );
        let no_3yc = context(json!({ "today": "2026-01-20", "customer": {} }));
        expect(UpdateCustomer, &body, &no_3yc, &refused);
    }

    #[test]
    fn a_request_is_refused_while_the_other_is_pending() {
        let recommit = benefits(
            customer_update(),
            json!([three_year("recommitmentRequest", licences(10))]),
        );
        let state = committed("2026-01-20", Some("commitmentRequest"));
        let found = [(
            "benefits[0].recommitmentRequest",
            "commitment.request_conflict",
        )];
        expect(UpdateCustomer, &recommit, &state, &found);
        let commit = benefits(
            customer_update(),
            json!([three_year("commitmentRequest", licences(10))]),
        );
        let state = committed("2026-01-20", Some("recommitmentRequest"));
        let found = [(
            "benefits[0].commitmentRequest",
            "commitment.request_conflict",
        )];
        expect(UpdateCustomer, &commit, &state, &found);
    }

    #[test]
    fn a_request_repeats_every_committed_offer_type() {
        let consumables = json!([{ "offerType": "CONSUMABLES", "quantity": 1000 }]);
        let body = benefits(
            customer_update(),
            json!([three_year("commitmentRequest", consumables)]),
        );
        let found = [(
            "benefits[0].commitmentRequest.minimumQuantities",
            "commitment.missing_offer_type",
        )];
        expect(
            UpdateCustomer,
            &body,
            &committed("2026-01-20", None),
            &found,
        );
    }

    /// A GOV customer in `country` with the LGA benefit and `sub_segments`.
    fn lga(country: &str, sub_segments: Value) -> Value {
        let mut body = with(customer(), "/companyProfile/marketSegment", json!("GOV"));
        body = with(body, "/companyProfile/address/country", json!(country));
        body = with(body, "/companyProfile/marketSubSegments", sub_segments);
        benefits(body, json!([{ "type": LGA }]))
    }

    #[test]
    fn lga_is_for_federal_or_state_agencies_in_the_us_or_canada() {
        valid(
            CreateCustomer,
            &lga("US", json!(["FEDERAL"])),
            &Context::default(),
        );
        let not_eligible = [("benefits[0].type", "lga.not_eligible")];
        expect(
            CreateCustomer,
            &lga("US", json!([])),
            &Context::default(),
            &not_eligible,
        );
        let com = with(
            lga("US", json!(["STATE"])),
            "/companyProfile/marketSegment",
            json!("COM"),
        );
        expect(CreateCustomer, &com, &Context::default(), &not_eligible);
    }

    #[test]
    fn lga_cannot_be_combined_with_3yc() {
        let mut body = lga("US", json!(["STATE"]));
        body["benefits"]
            .as_array_mut()
            .expect("a list")
            .push(three_year("commitmentRequest", licences(10)));
        let found = [("benefits[0].type", "lga.not_eligible")];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn the_recommit_window_is_less_than_30_days_before_the_end() {
        let end = day("2026-02-09");
        assert!(!inside_recommit_window(day("2026-01-09"), end), "31 days");
        assert!(!inside_recommit_window(day("2026-01-10"), end), "30 days");
        assert!(inside_recommit_window(day("2026-01-11"), end), "29 days");
        assert!(inside_recommit_window(end, end), "the end date");
        assert!(!inside_recommit_window(day("2026-02-10"), end), "after it");
    }
}
