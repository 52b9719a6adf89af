//! Create and Update Customer Account.
//!
//! Source: Partner API reference (Feb 2024), "Customer Account Management",
//! "Market Segment", "Three Year Commit"; FACTS.md §1.2 (globalSalesEnabled,
//! linkedMembership, LGA), §2.7 (extended term, market segment rules).

use super::Context;
use super::benefits::{self, Stage};
use super::json::Object;
use super::non_editable;
use super::profile::{Owner, check_free_text, check_profile_value, segments_of};
use super::reseller::EXTERNAL_REFERENCE_MAX;
use crate::date::Date;
use crate::field::account_id;
use crate::field::market_segment::MarketSegment;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const CREATE_KEYS: &[&str] = &[
    "resellerId",
    "externalReferenceId",
    "companyProfile",
    "cotermDate",
    "benefits",
    "globalSalesEnabled",
];
const UPDATE_KEYS: &[&str] = &[
    "externalReferenceId",
    "companyProfile",
    "benefits",
    "globalSalesEnabled",
    "linkedMembership",
];
const READ_ONLY: &[&str] = &[
    "customerId",
    "discounts",
    "creationDate",
    "status",
    "links",
    "tags",
];
/// Linked membership names: at most 80 characters (FACTS.md §2.2).
const LINKED_MEMBERSHIP_NAME_MAX: usize = 80;
/// Extended term: COM and GOV up to 3 years ahead, EDU up to 4 (FACTS.md §2.7).
const EXTENDED_TERM_YEARS: i32 = 3;
const EXTENDED_TERM_YEARS_EDU: i32 = 4;
/// The one market segment that may buy worldwide (1142; FACTS.md §1.2).
const GLOBAL_SALES_SEGMENT: &str = "COM";
/// A Large Government Agency's coterm date is at most 23 months ahead (FACTS.md §4.2).
const LGA_COTERM_MONTHS: i32 = 23;

/// `POST /v3/customers`.
pub(super) fn check_create(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(CREATE_KEYS, READ_ONLY, report);
    if let Some(id) = object.required_str("resellerId", report) {
        object.apply("resellerId", account_id::check(id), report);
    }
    let reseller_status = context.reseller.as_ref().and_then(|r| r.status.as_deref());
    super::account_state::check_reseller_active(reseller_status, &object.at("resellerId"), report);
    check_common(&object, body, context, Stage::Create, report);
    check_coterm_date(&object, body, context, report);
}

/// `PATCH /v3/customers/{id}`: "update replaces existing data".
pub(super) fn check_update(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    let current = context.customer.as_ref();
    let reseller = current.and_then(|c| non_editable::known(&c.reseller_id));
    let read_only = [READ_ONLY, &["cotermDate"]];
    let held = ("resellerId", reseller);
    non_editable::check_update_keys(&object, held, UPDATE_KEYS, &read_only, report);
    let status = current.and_then(|c| c.status.as_deref());
    super::account_state::check_updatable(status, &Loc::Root, report);
    check_common(&object, body, context, Stage::Update, report);
    check_segment_change(&object, body, context, report);
    check_linked_membership(&object, report);
}

fn check_common(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    stage: Stage,
    report: &mut Report,
) {
    check_free_text(
        object,
        "externalReferenceId",
        EXTERNAL_REFERENCE_MAX,
        false,
        report,
    );
    if object.optional_bool("globalSalesEnabled", report) == Some(true) {
        check_global_sales_segment(object, body, context, report);
    }
    let lga = benefits::has_lga(body);
    if check_profile_value(object, Owner::Customer { lga }, report) {
        check_segment_enabled(object, body, context, report);
    }
    benefits::check(object, body, context, stage, report);
}

/// Worldwide purchasing is for commercial customers: `globalSalesEnabled`
/// with an EDU or GOV customer is refused, as Adobe refuses it with 1142
/// "Market segment not allowed for global sales" (FACTS.md §4, error table).
/// That only COM qualifies rests on SoftwareOne's docs ("COM only per S7
/// tips", FACTS.md §1.2): *assumed*, not Adobe's text. The segment is the
/// body's, else the stored customer's; when neither is known nothing is
/// checked.
fn check_global_sales_segment(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    report: &mut Report,
) {
    let stored = context
        .customer
        .as_ref()
        .and_then(|customer| customer.company_profile.market_segment.as_deref());
    let segment = body["companyProfile"]["marketSegment"].as_str().or(stored);
    let Some(segment) = segment else {
        return;
    };
    let known = crate::field::market_segment::check(segment).is_empty();
    if known && segment != GLOBAL_SALES_SEGMENT {
        let finding = Finding::new(Code::GlobalSalesSegmentNotAllowed).with("value", segment);
        report.add(&object.at("globalSalesEnabled"), finding);
    }
}

/// The customer's segment must be one the reseller sells into (2135).
fn check_segment_enabled(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    report: &mut Report,
) {
    let Some(reseller) = &context.reseller else {
        return;
    };
    let Some(enabled) = &reseller.company_profile.market_segments else {
        return;
    };
    let Some(segment) = body["companyProfile"]["marketSegment"].as_str() else {
        return;
    };
    if crate::field::market_segment::check(segment).is_empty()
        && !enabled.iter().any(|s| s == segment)
    {
        let finding = Finding::new(Code::MarketSegmentNotEnabled)
            .with("value", segment)
            .with("allowed", enabled.join(", "));
        report.add(&object.at("companyProfile").key("marketSegment"), finding);
    }
}

/// A segment change needs a customer without active subscriptions.
fn check_segment_change(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    report: &mut Report,
) {
    let (Some(current), Some(true)) = (&context.customer, context.has_active_subscriptions) else {
        return;
    };
    let now = current
        .company_profile
        .market_segment
        .as_deref()
        .unwrap_or("COM");
    let Some(wanted) = segments_of(body).into_iter().next() else {
        return;
    };
    if wanted != now {
        report.add(
            &object.at("companyProfile").key("marketSegment"),
            Finding::new(Code::MarketSegmentLocked),
        );
    }
}

/// `cotermDate` on create asks for an extended term: a real date and, with
/// `today` known, inside the window of [`extended_term_window`].
fn check_coterm_date(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    report: &mut Report,
) {
    let Some(text) = object.optional_str("cotermDate", report) else {
        return;
    };
    if text.is_empty() {
        return;
    }
    let path = object.at("cotermDate");
    let Some(date) = parse_date(text, &path, report) else {
        return;
    };
    let Some((min, max)) = context
        .today
        .and_then(|today| extended_term_window(today, body))
    else {
        return;
    };
    if date < min || date > max {
        let finding = Finding::new(Code::DateOutOfRange)
            .with("min", min.to_string())
            .with("max", max.to_string());
        report.add(&path, finding);
    }
}

/// An extended term ends 1 to 3 years ahead (COM, GOV) or 1 to 4 (EDU); for a
/// Large Government Agency at most 23 months ahead, or Adobe answers 1117
/// (FACTS.md §2.7). Reading "1–3 years" as a minimum of one year is *assumed*:
/// a shorter first term would not be an extended one.
fn extended_term_window(today: Date, body: &Json<'_>) -> Option<(Date, Date)> {
    let min = today.add_years(1)?;
    if benefits::has_lga(body) {
        return Some((today.add_days(1)?, today.add_months(LGA_COTERM_MONTHS)?));
    }
    let edu = segments_of(body)
        .first()
        .is_some_and(|s| MarketSegment::parse(s) == Some(MarketSegment::Edu));
    let years = if edu {
        EXTENDED_TERM_YEARS_EDU
    } else {
        EXTENDED_TERM_YEARS
    };
    Some((min, today.add_years(years)?))
}

/// A `YYYY-MM-DD` date, filing a format or calendar problem.
pub(super) fn parse_date(text: &str, path: &Loc<'_>, report: &mut Report) -> Option<Date> {
    Date::parse(text)
        .map_err(|error| report.add(path, error.finding()))
        .ok()
}

/// `linkedMembership { type: STANDARD | CONSORTIUM, name }` (FACTS.md §1.2).
fn check_linked_membership(object: &Object<'_, '_>, report: &mut Report) {
    let Some(membership) = object.optional_object("linkedMembership", report) else {
        return;
    };
    membership.check_keys(
        &["type", "name"],
        &["id", "linkedMembershipId", "creationDate"],
        report,
    );
    if let Some(kind) = membership.required_str("type", report) {
        if !matches!(kind, "STANDARD" | "CONSORTIUM") {
            report.add(
                &membership.at("type"),
                Finding::new(Code::EnumInvalid).with("allowed", "STANDARD or CONSORTIUM"),
            );
        }
    }
    check_free_text(
        &membership,
        "name",
        LINKED_MEMBERSHIP_NAME_MAX,
        true,
        report,
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, customer, customer_update, expect, letters, valid, with};
    use super::*;
    use crate::validate::Operation::{CreateCustomer, UpdateCustomer};
    use serde_json::json;

    fn today() -> Context {
        context(json!({ "today": "2026-01-15" }))
    }

    #[test]
    fn a_valid_customer_files_nothing() {
        valid(CreateCustomer, &customer(), &Context::default());
        valid(UpdateCustomer, &customer_update(), &Context::default());
    }

    #[test]
    fn the_reseller_id_is_required_and_an_account_id() {
        let body = with(customer(), "/resellerId", json!(""));
        expect(
            CreateCustomer,
            &body,
            &Context::default(),
            &[("resellerId", "field.required")],
        );
        let body = with(customer(), "/resellerId", json!("123"));
        let found = [("resellerId", "id.invalid_format")];
        expect(CreateCustomer, &body, &Context::default(), &found);
        valid(
            CreateCustomer,
            &with(customer(), "/resellerId", json!("1234")),
            &Context::default(),
        );
    }

    #[test]
    fn what_only_create_takes_is_read_only_on_update() {
        let body = with(customer_update(), "/resellerId", json!("5556667778"));
        let found = [("resellerId", "field.read_only")];
        expect(UpdateCustomer, &body, &Context::default(), &found);
        let body = with(customer_update(), "/cotermDate", json!("2027-01-15"));
        let found = [("cotermDate", "field.read_only")];
        expect(UpdateCustomer, &body, &Context::default(), &found);
        let body = with(customer(), "/customerId", json!("1005"));
        let found = [("customerId", "field.read_only")];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn the_external_reference_holds_35_characters() {
        let at_max = with(customer(), "/externalReferenceId", json!(letters(35)));
        valid(CreateCustomer, &at_max, &Context::default());
        let over = with(customer(), "/externalReferenceId", json!(letters(36)));
        let found = [("externalReferenceId", "string.too_long")];
        expect(CreateCustomer, &over, &Context::default(), &found);
    }

    #[test]
    fn global_sales_are_for_com_customers_only() {
        let body = with(customer(), "/globalSalesEnabled", json!(true));
        valid(CreateCustomer, &body, &Context::default());
        let edu = with(body.clone(), "/companyProfile/marketSegment", json!("EDU"));
        let found = [("globalSalesEnabled", "global_sales.segment_not_allowed")];
        expect(CreateCustomer, &edu, &Context::default(), &found);
        let off = with(edu, "/globalSalesEnabled", json!(false));
        valid(CreateCustomer, &off, &Context::default());
        let text = with(body, "/globalSalesEnabled", json!("yes"));
        let found = [("globalSalesEnabled", "type.invalid")];
        expect(CreateCustomer, &text, &Context::default(), &found);
    }

    #[test]
    fn global_sales_fall_back_to_the_stored_segment() {
        let mut body = with(customer_update(), "/globalSalesEnabled", json!(true));
        body["companyProfile"]
            .as_object_mut()
            .expect("a profile")
            .remove("marketSegment");
        let stored = json!({ "customer": { "companyProfile": { "marketSegment": "GOV" } } });
        let found = [("globalSalesEnabled", "global_sales.segment_not_allowed")];
        expect(UpdateCustomer, &body, &context(stored), &found);
        valid(UpdateCustomer, &body, &Context::default());
    }

    #[test]
    fn the_segment_must_be_one_the_reseller_sells_into() {
        let sells = |segments: serde_json::Value| {
            context(json!({ "reseller": { "companyProfile": { "marketSegments": segments } } }))
        };
        let edu = with(customer(), "/companyProfile/marketSegment", json!("EDU"));
        let found = [("companyProfile.marketSegment", "market_segment.not_enabled")];
        expect(CreateCustomer, &edu, &sells(json!(["COM"])), &found);
        valid(CreateCustomer, &edu, &sells(json!(["COM", "EDU"])));
    }

    #[test]
    fn the_segment_is_locked_while_subscriptions_are_active() {
        let edu = with(
            customer_update(),
            "/companyProfile/marketSegment",
            json!("EDU"),
        );
        let state = |active: bool| {
            context(json!({
                "customer": { "companyProfile": { "marketSegment": "COM" } },
                "hasActiveSubscriptions": active
            }))
        };
        let found = [("companyProfile.marketSegment", "market_segment.locked")];
        expect(UpdateCustomer, &edu, &state(true), &found);
        valid(UpdateCustomer, &edu, &state(false));
        valid(UpdateCustomer, &customer_update(), &state(true));
    }

    #[test]
    fn an_extended_term_ends_one_to_three_years_ahead() {
        let coterm = |date: &str| with(customer(), "/cotermDate", json!(date));
        let out = [("cotermDate", "date.out_of_range")];
        valid(CreateCustomer, &coterm("2027-01-15"), &today());
        valid(CreateCustomer, &coterm("2029-01-15"), &today());
        expect(CreateCustomer, &coterm("2027-01-14"), &today(), &out);
        expect(CreateCustomer, &coterm("2029-01-16"), &today(), &out);
        valid(CreateCustomer, &coterm("2029-01-16"), &Context::default());
    }

    #[test]
    fn an_edu_extended_term_may_end_four_years_ahead() {
        let edu = with(customer(), "/companyProfile/marketSegment", json!("EDU"));
        let coterm = |date: &str| with(edu.clone(), "/cotermDate", json!(date));
        valid(CreateCustomer, &coterm("2030-01-15"), &today());
        let out = [("cotermDate", "date.out_of_range")];
        expect(CreateCustomer, &coterm("2030-01-16"), &today(), &out);
    }

    #[test]
    fn an_lga_coterm_date_is_at_most_23_months_ahead() {
        let mut lga = with(customer(), "/companyProfile/marketSegment", json!("GOV"));
        lga = with(lga, "/companyProfile/marketSubSegments", json!(["FEDERAL"]));
        lga = with(
            lga,
            "/benefits",
            json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]),
        );
        let coterm = |date: &str| with(lga.clone(), "/cotermDate", json!(date));
        let out = [("cotermDate", "date.out_of_range")];
        valid(CreateCustomer, &coterm("2026-01-16"), &today());
        valid(CreateCustomer, &coterm("2027-12-15"), &today());
        expect(CreateCustomer, &coterm("2026-01-15"), &today(), &out);
        expect(CreateCustomer, &coterm("2027-12-16"), &today(), &out);
    }

    #[test]
    fn a_coterm_date_is_empty_or_a_real_date() {
        let coterm = |date: &str| with(customer(), "/cotermDate", json!(date));
        valid(CreateCustomer, &coterm(""), &today());
        let found = [("cotermDate", "date.not_a_calendar_date")];
        expect(CreateCustomer, &coterm("2027-02-31"), &today(), &found);
        let found = [("cotermDate", "date.invalid_format")];
        expect(CreateCustomer, &coterm("15/01/2027"), &today(), &found);
    }

    #[test]
    fn a_linked_membership_has_a_type_and_a_name_of_80_characters() {
        let membership = |kind: &str, name: String| {
            with(
                customer_update(),
                "/linkedMembership",
                json!({ "type": kind, "name": name }),
            )
        };
        valid(
            UpdateCustomer,
            &membership("STANDARD", letters(80)),
            &Context::default(),
        );
        valid(
            UpdateCustomer,
            &membership("CONSORTIUM", letters(1)),
            &Context::default(),
        );
        let found = [("linkedMembership.name", "string.too_long")];
        let body = membership("STANDARD", letters(81));
        expect(UpdateCustomer, &body, &Context::default(), &found);
        let found = [("linkedMembership.type", "enum.invalid")];
        let body = membership("GOLD", letters(4));
        expect(UpdateCustomer, &body, &Context::default(), &found);
        let found = [("linkedMembership.name", "field.required")];
        let body = membership("STANDARD", String::new());
        expect(UpdateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn a_linked_membership_is_not_sent_on_create() {
        let body = with(
            customer(),
            "/linkedMembership",
            json!({ "type": "STANDARD" }),
        );
        let found = [("linkedMembership", "field.unknown")];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }
}
