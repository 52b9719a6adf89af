//! Create and Update Customer Account.
//!
//! Source: Partner API reference (Feb 2024), "Customer Account Management",
//! "Market Segment", "Three Year Commit"; FACTS.md §1.2 (globalSalesEnabled,
//! linkedMembership, LGA), §2.7 (extended term, market segment rules).

use super::Context;
use super::benefits::{self, Stage};
use super::json::Object;
use super::profile::{Owner, check_free_text, check_profile_value, segments_of};
use super::reseller::EXTERNAL_REFERENCE_MAX;
use crate::date::Date;
use crate::field::account_id;
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
    check_common(&object, body, context, Stage::Create, report);
    check_coterm_date(&object, body, context, report);
}

/// `PATCH /v3/customers/{id}`: "update replaces existing data".
pub(super) fn check_update(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    let mut read_only = READ_ONLY.to_vec();
    read_only.extend(["resellerId", "cotermDate"]);
    object.check_keys(UPDATE_KEYS, &read_only, report);
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
    let edu = segments_of(body).first().is_some_and(|s| s == "EDU");
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
