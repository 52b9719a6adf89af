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

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid, with, without};
    use super::*;
    use crate::validate::Operation::{ResellerChange, VipTransfer};
    use serde_json::{Value, json};

    fn change() -> Value {
        json!({
            "type": "RESELLER_CHANGE",
            "action": "PREVIEW",
            "approvalCode": "8318322",
            "resellerId": "1000177552",
            "requestedBy": "customer-admin@email.com"
        })
    }

    #[test]
    fn a_valid_reseller_change_files_nothing() {
        valid(ResellerChange, &change(), &Context::default());
        let commit = with(change(), "/action", json!("COMMIT"));
        valid(ResellerChange, &commit, &Context::default());
    }

    #[test]
    fn type_and_action_take_only_their_values() {
        let found = [("type", "enum.invalid")];
        let body = with(change(), "/type", json!("RESELLER_MOVE"));
        expect(ResellerChange, &body, &Context::default(), &found);
        let found = [("action", "enum.invalid")];
        let body = with(change(), "/action", json!("preview"));
        expect(ResellerChange, &body, &Context::default(), &found);
        let found = [("action", "field.required")];
        let body = without(change(), "/action");
        expect(ResellerChange, &body, &Context::default(), &found);
    }

    #[test]
    fn an_approval_code_is_seven_or_eight_digits() {
        let code = |text: &str| with(change(), "/approvalCode", json!(text));
        valid(ResellerChange, &code("83183221"), &Context::default());
        let found = [("approvalCode", "approval_code.invalid_format")];
        expect(ResellerChange, &code("831832"), &Context::default(), &found);
        expect(
            ResellerChange,
            &code("831832210"),
            &Context::default(),
            &found,
        );
        let found = [("approvalCode", "field.required")];
        expect(ResellerChange, &code(""), &Context::default(), &found);
    }

    #[test]
    fn the_new_reseller_and_the_requester_are_checked() {
        let found = [("resellerId", "id.invalid_format")];
        let body = with(change(), "/resellerId", json!("100"));
        expect(ResellerChange, &body, &Context::default(), &found);
        let found = [("requestedBy", "email.invalid_format")];
        let body = with(change(), "/requestedBy", json!("admin"));
        expect(ResellerChange, &body, &Context::default(), &found);
        let found = [("transferId", "field.read_only")];
        let body = with(change(), "/transferId", json!("T1"));
        expect(ResellerChange, &body, &Context::default(), &found);
    }

    #[test]
    fn a_vip_transfer_is_a_reseller_id_and_a_membership_of_40_characters() {
        let body = json!({ "resellerId": "1000177552" });
        valid(VipTransfer, &body, &Context::default());
        let membership = |id: String| context(json!({ "membershipId": id }));
        valid(VipTransfer, &body, &membership("M".repeat(40)));
        let found = [("membershipId", "membership_id.invalid_format")];
        expect(VipTransfer, &body, &membership("M".repeat(41)), &found);
        let found = [("resellerId", "field.required")];
        expect(VipTransfer, &json!({}), &Context::default(), &found);
        let found = [("lineItems", "field.read_only")];
        let body = with(body, "/lineItems", json!([]));
        expect(VipTransfer, &body, &Context::default(), &found);
    }

    #[test]
    fn a_membership_is_checked_even_when_the_body_is_not_an_object() {
        let found = [
            ("membershipId", "membership_id.invalid_format"),
            ("", "type.invalid"),
        ];
        let membership = context(json!({ "membershipId": "ABC_123" }));
        expect(VipTransfer, &json!([]), &membership, &found);
    }
}
