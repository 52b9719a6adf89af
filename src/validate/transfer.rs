//! Transfers: reseller change (preview and commit) and VIP→VIPMP.
//!
//! Source: Partner API reference (Feb 2024), "Reseller Change Process" and "VIP
//! to VIPMP Seamless Move"; FACTS.md §1.2 (approval code: "8-digit" in the text,
//! 7 digits in every example).

use super::Context;
use super::json::{Object, apply};
use crate::field::{account_id, approval_code, email, membership_id};
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const RESELLER_CHANGE_KEYS: &[&str] = &[
    "type",
    "action",
    "approvalCode",
    "resellerId",
    "requestedBy",
];

/// `POST /v3/transfers` with `type: RESELLER_CHANGE`.
pub(super) fn check_reseller_change(body: &Json<'_>, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(
        RESELLER_CHANGE_KEYS,
        &["transferId", "customerId", "creationDate", "status"],
        report,
    );
    check_enum(&object, "type", &["RESELLER_CHANGE"], report);
    check_enum(&object, "action", &["PREVIEW", "COMMIT"], report);
    if let Some(code) = object.required_str("approvalCode", report) {
        object.apply("approvalCode", approval_code::check(code), report);
    }
    if let Some(id) = object.required_str("resellerId", report) {
        object.apply("resellerId", account_id::check(id), report);
    }
    if let Some(address) = object.required_str("requestedBy", report) {
        object.apply("requestedBy", email::check(address), report);
    }
}

fn check_enum(object: &Object<'_, '_>, key: &str, allowed: &[&str], report: &mut Report) {
    let Some(value) = object.required_str(key, report) else {
        return;
    };
    if !allowed.contains(&value) {
        report.add(
            &object.at(key),
            Finding::new(Code::EnumInvalid).with("allowed", allowed.join(" or ")),
        );
    }
}

/// `POST /v3/memberships/{membershipId}/transfers`: `{ resellerId }`, with the
/// membership ID (a path parameter) taken from the context when given.
pub(super) fn check_vip_transfer(body: &Json<'_>, context: &Context, report: &mut Report) {
    if let Some(membership) = &context.membership_id {
        apply(
            report,
            &Loc::Root.key("membershipId"),
            membership_id::check(membership),
        );
    }
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(
        &["resellerId"],
        &[
            "transferId",
            "customerId",
            "membershipId",
            "creationDate",
            "status",
            "lineItems",
            "links",
        ],
        report,
    );
    if let Some(id) = object.required_str("resellerId", report) {
        object.apply("resellerId", account_id::check(id), report);
    }
}
