//! Create and Update Reseller Account.
//!
//! Source: Partner API reference (Feb 2024), "Reseller Account Management" and
//! "Market Segment"; FACTS.md §2.7 (removing a segment → 5122 / 1134).

use super::Context;
use super::json::Object;
use super::profile::{Owner, check_free_text, check_profile_value, segments_of};
use crate::field::account_id;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const CREATE_KEYS: &[&str] = &["distributorId", "externalReferenceId", "companyProfile"];
const UPDATE_KEYS: &[&str] = &["externalReferenceId", "companyProfile"];
const READ_ONLY: &[&str] = &["resellerId", "creationDate", "status", "links"];
/// `externalReferenceId`: at most 35 characters (Restrictions, error 2126).
pub(crate) const EXTERNAL_REFERENCE_MAX: usize = 35;

/// `POST /v3/resellers`: a Reseller resource without read-only fields.
pub(super) fn check_create(body: &Json<'_>, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(CREATE_KEYS, READ_ONLY, report);
    if let Some(id) = object.required_str("distributorId", report) {
        object.apply("distributorId", account_id::check(id), report);
    }
    check_free_text(
        &object,
        "externalReferenceId",
        EXTERNAL_REFERENCE_MAX,
        false,
        report,
    );
    check_profile_value(&object, Owner::Reseller, report);
}

/// `PATCH /v3/resellers/{id}`: the profile with an optional externalReferenceId.
/// "Update replaces existing data"; with the current reseller known, dropping one
/// of its market segments is reported (Adobe answers 5122).
pub(super) fn check_update(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(
        UPDATE_KEYS,
        &[
            "distributorId",
            "resellerId",
            "creationDate",
            "status",
            "links",
        ],
        report,
    );
    check_free_text(
        &object,
        "externalReferenceId",
        EXTERNAL_REFERENCE_MAX,
        false,
        report,
    );
    if check_profile_value(&object, Owner::Reseller, report) {
        check_segments_kept(&object, body, context, report);
    }
}

fn check_segments_kept(
    object: &Object<'_, '_>,
    body: &Json<'_>,
    context: &Context,
    report: &mut Report,
) {
    let Some(current) = &context.reseller else {
        return;
    };
    let Some(kept) = body["companyProfile"]
        .get("marketSegments")
        .map(|_| segments_of(body))
    else {
        return;
    };
    let profile_path = object.at("companyProfile");
    let path = profile_path.key("marketSegments");
    for segment in current.company_profile.market_segments.iter().flatten() {
        if !kept.contains(segment) {
            report.add(
                &path,
                Finding::new(Code::MarketSegmentRemoved).with("value", segment.as_str()),
            );
        }
    }
}
