//! Create and Update Reseller Account.
//!
//! Source: Partner API reference (Feb 2024), "Reseller Account Management" and
//! "Market Segment"; FACTS.md §2.7 (removing a segment → 5122 / 1134).

use super::Context;
use super::json::Object;
use super::non_editable;
use super::profile::{Owner, check_free_text, check_profile_value, segments_of};
use crate::field::account_id;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const CREATE_KEYS: &[&str] = &["distributorId", "externalReferenceId", "companyProfile"];
const UPDATE_KEYS: &[&str] = &["externalReferenceId", "companyProfile"];
const READ_ONLY: &[&str] = &["resellerId", "creationDate", "status", "links"];
/// `externalReferenceId` of resellers, customers and orders (the cap lives in
/// [`safe_text`](crate::field::safe_text) with the other free-text caps).
pub(crate) const EXTERNAL_REFERENCE_MAX: usize = crate::field::safe_text::EXTERNAL_REFERENCE_ID_MAX;

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
    let current = context.reseller.as_ref();
    let distributor = current.and_then(|r| non_editable::known(&r.distributor_id));
    let held = ("distributorId", distributor);
    non_editable::check_update_keys(&object, held, UPDATE_KEYS, &[READ_ONLY], report);
    let status = current.and_then(|r| r.status.as_deref());
    super::account_state::check_updatable(status, &Loc::Root, report);
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

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, letters, reseller, valid, with, without};
    use super::*;
    use crate::validate::Operation::{CreateReseller, UpdateReseller};
    use serde_json::json;

    fn update() -> serde_json::Value {
        without(reseller(), "/distributorId")
    }

    fn selling(segments: &serde_json::Value) -> Context {
        context(json!({ "reseller": { "companyProfile": { "marketSegments": segments } } }))
    }

    #[test]
    fn a_valid_reseller_files_nothing() {
        valid(CreateReseller, &reseller(), &Context::default());
        valid(UpdateReseller, &update(), &Context::default());
    }

    #[test]
    fn the_distributor_id_is_required_on_create_and_read_only_on_update() {
        let found = [("distributorId", "field.required")];
        let body = without(reseller(), "/distributorId");
        expect(CreateReseller, &body, &Context::default(), &found);
        let found = [("distributorId", "id.invalid_format")];
        let body = with(reseller(), "/distributorId", json!("345"));
        expect(CreateReseller, &body, &Context::default(), &found);
        let found = [("distributorId", "field.read_only")];
        expect(UpdateReseller, &reseller(), &Context::default(), &found);
    }

    #[test]
    fn adobe_sets_the_reseller_id() {
        let body = with(reseller(), "/resellerId", json!("1000177552"));
        let found = [("resellerId", "field.read_only")];
        expect(CreateReseller, &body, &Context::default(), &found);
        let body = with(reseller(), "/nickname", json!("F"));
        let found = [("nickname", "field.unknown")];
        expect(CreateReseller, &body, &Context::default(), &found);
    }

    #[test]
    fn the_external_reference_holds_35_characters() {
        let body = with(reseller(), "/externalReferenceId", json!(letters(35)));
        valid(CreateReseller, &body, &Context::default());
        let body = with(update(), "/externalReferenceId", json!(letters(36)));
        let found = [("externalReferenceId", "string.too_long")];
        expect(UpdateReseller, &body, &Context::default(), &found);
    }

    #[test]
    fn an_update_keeps_every_segment_the_reseller_sells_into() {
        let current = selling(&json!(["COM", "EDU"]));
        valid(UpdateReseller, &update(), &current);
        let more = with(
            update(),
            "/companyProfile/marketSegments",
            json!(["GOV", "EDU", "COM"]),
        );
        valid(UpdateReseller, &more, &current);
        let fewer = with(update(), "/companyProfile/marketSegments", json!(["COM"]));
        let found = [("companyProfile.marketSegments", "market_segment.removed")];
        expect(UpdateReseller, &fewer, &current, &found);
        valid(UpdateReseller, &fewer, &Context::default());
        let none = without(update(), "/companyProfile/marketSegments");
        valid(UpdateReseller, &none, &current);
    }

    #[test]
    fn every_dropped_segment_is_named() {
        let current = selling(&json!(["COM", "EDU", "GOV"]));
        let body = with(update(), "/companyProfile/marketSegments", json!(["EDU"]));
        let report = crate::validate::run(UpdateReseller, &body, &current);
        let dropped: Vec<String> = report
            .violations
            .iter()
            .map(|violation| violation.params.get("value").expect("value").to_string())
            .collect();
        assert_eq!(dropped, ["COM", "GOV"]);
    }
}
