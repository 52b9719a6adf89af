//! Update Subscription Auto-Renewal.
//!
//! Source: Partner API reference (Feb 2024), "Update Subscription Auto-Renewal"
//! (enabled true/false, renewalQuantity min 1, max 10,000 Team / 200,000
//! Enterprise; only an active subscription); FACTS.md §1.2 (renewalCode for High
//! Growth offers, flexDiscountCodes on renewal).

use super::Context;
use super::json::Object;
use crate::field::quantity;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

pub(super) const AUTO_RENEWAL_KEYS: &[&str] = &[
    "enabled",
    "renewalQuantity",
    "renewalCode",
    "flexDiscountCodes",
];
/// What Adobe sets on a Subscription resource.
pub(super) const READ_ONLY: &[&str] = &[
    "subscriptionId",
    "currentQuantity",
    "usedQuantity",
    "creationDate",
    "renewalDate",
    "status",
    "links",
];
const RENEWAL_CODES: &[&str] = &["MOQ_100", "MOQ_250", "MOQ_500"];
const ACTIVE: &str = "1000";

/// `PATCH /v3/customers/{id}/subscriptions/{subscriptionId}`.
pub(super) fn check_update(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys_by(
        |key| key == "autoRenewal",
        |key| key == "offerId" || READ_ONLY.contains(&key),
        report,
    );
    let Some(auto_renewal) = object.required_object("autoRenewal", report) else {
        return;
    };
    auto_renewal.check_keys(AUTO_RENEWAL_KEYS, &[], report);
    if !auto_renewal.has("enabled") {
        report.add(
            &auto_renewal.at("enabled"),
            Finding::new(Code::FieldRequired),
        );
    }
    auto_renewal.optional_bool("enabled", report);
    check_renewal_quantity(&auto_renewal, context, report);
    check_renewal_code(&auto_renewal, report);
    super::moq_auto_renewal::check(&auto_renewal, context, report);
    check_introductory(&auto_renewal, context, report);
    check_flex_codes(&auto_renewal, report);
    check_active(&object, context, report);
}

fn check_renewal_quantity(auto_renewal: &Object<'_, '_>, context: &Context, report: &mut Report) {
    let Some(value) = auto_renewal.optional_int("renewalQuantity", report) else {
        return;
    };
    let offer = context.subscription.as_ref().map(|s| s.offer_id.as_str());
    auto_renewal.apply(
        "renewalQuantity",
        quantity::check_line_of_offer(value, offer),
        report,
    );
}

pub(super) fn check_renewal_code(auto_renewal: &Object<'_, '_>, report: &mut Report) {
    auto_renewal.one_of("renewalCode", RENEWAL_CODES, false, report);
}

/// `flexDiscountCodes` of an auto-renewal or an order line: texts, at most
/// one (2147).
pub(super) fn check_flex_codes(holder: &Object<'_, '_>, report: &mut Report) {
    check_flex_codes_of(holder, holder.get("flexDiscountCodes"), report);
}

/// [`check_flex_codes`] of the `flexDiscountCodes` member already found.
pub(super) fn check_flex_codes_of<'a>(
    holder: &Object<'a, '_>,
    codes: Option<&'a Json<'a>>,
    report: &mut Report,
) {
    let Some(codes) = holder.texts_of("flexDiscountCodes", codes, report) else {
        return;
    };
    let path = holder.at("flexDiscountCodes");
    if codes.len() > 1 {
        let finding = Finding::new(Code::ArrayTooMany)
            .with("max", 1_i64)
            .with("count", codes.len())
            .with("noun", "discount code");
        report.add(&path, finding);
    }
}

/// A Sign introductory offer does not renew: auto-renewal cannot be switched
/// on (reference, release notes 2023-11-14: "subscription is non-renewable
/// … Errors will be returned (existing error codes) if an attempt is made to
/// … enable autorenewal"; FACTS.md §2.7). No resource marks an offer as
/// introductory, so the caller says so (`Context::introductory_offer`).
fn check_introductory(auto_renewal: &Object<'_, '_>, context: &Context, report: &mut Report) {
    if context.introductory_offer == Some(true)
        && matches!(auto_renewal.get("enabled"), Some(Json::Bool(true)))
    {
        report.add(
            &auto_renewal.at("enabled"),
            Finding::new(Code::SubscriptionIntroductoryNoRenewal),
        );
    }
}

/// Auto-renewal can be changed only on an active subscription (3119).
fn check_active(object: &Object<'_, '_>, context: &Context, report: &mut Report) {
    let Some(subscription) = &context.subscription else {
        return;
    };
    if subscription.status != ACTIVE {
        let finding =
            Finding::new(Code::SubscriptionInactive).with("status", subscription.status.as_str());
        report.add(&object.at("autoRenewal"), finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid, with, without};
    use super::*;
    use crate::validate::Operation::UpdateSubscription;
    use serde_json::{Value, json};

    fn body() -> Value {
        json!({ "autoRenewal": { "enabled": true, "renewalQuantity": 7 } })
    }

    /// A subscription to a Team offer in `status`.
    fn team(status: &str) -> Context {
        context(json!({ "subscription": { "offerId": "30001558CA01A12", "status": status } }))
    }

    fn quantity(value: i64) -> Value {
        with(body(), "/autoRenewal/renewalQuantity", json!(value))
    }

    #[test]
    fn an_introductory_offer_does_not_renew() {
        let intro = context(json!({ "introductoryOffer": true }));
        let found = [(
            "autoRenewal.enabled",
            "subscription.introductory_no_renewal",
        )];
        expect(UpdateSubscription, &body(), &intro, &found);
        let off = json!({ "autoRenewal": { "enabled": false } });
        valid(UpdateSubscription, &off, &intro);
    }

    #[test]
    fn a_valid_update_files_nothing() {
        valid(UpdateSubscription, &body(), &Context::default());
        valid(UpdateSubscription, &body(), &team(ACTIVE));
    }

    #[test]
    fn auto_renewal_and_its_flag_are_required() {
        let found = [("autoRenewal", "field.required")];
        expect(UpdateSubscription, &json!({}), &Context::default(), &found);
        let found = [("autoRenewal.enabled", "field.required")];
        let body = without(body(), "/autoRenewal/enabled");
        expect(UpdateSubscription, &body, &Context::default(), &found);
        let found = [("autoRenewal.enabled", "type.invalid")];
        let body = with(body, "/autoRenewal/enabled", json!("true"));
        expect(UpdateSubscription, &body, &Context::default(), &found);
    }

    #[test]
    fn a_renewal_quantity_is_1_to_the_products_maximum() {
        let out = [("autoRenewal.renewalQuantity", "number.out_of_range")];
        valid(UpdateSubscription, &quantity(1), &Context::default());
        expect(UpdateSubscription, &quantity(0), &Context::default(), &out);
        valid(UpdateSubscription, &quantity(10_000), &team(ACTIVE));
        expect(UpdateSubscription, &quantity(10_001), &team(ACTIVE), &out);
        valid(UpdateSubscription, &quantity(200_000), &Context::default());
        expect(
            UpdateSubscription,
            &quantity(200_001),
            &Context::default(),
            &out,
        );
    }

    #[test]
    fn a_renewal_code_is_one_of_the_moq_levels() {
        let code = |text: &str| with(body(), "/autoRenewal/renewalCode", json!(text));
        valid(UpdateSubscription, &code("MOQ_100"), &Context::default());
        valid(UpdateSubscription, &code("MOQ_500"), &Context::default());
        let found = [("autoRenewal.renewalCode", "enum.invalid")];
        expect(
            UpdateSubscription,
            &code("MOQ_1000"),
            &Context::default(),
            &found,
        );
    }

    #[test]
    fn at_most_one_flex_discount_code_of_text() {
        let codes = |list: Value| with(body(), "/autoRenewal/flexDiscountCodes", list);
        valid(
            UpdateSubscription,
            &codes(json!(["ABC"])),
            &Context::default(),
        );
        let found = [("autoRenewal.flexDiscountCodes", "array.too_many")];
        expect(
            UpdateSubscription,
            &codes(json!(["A", "B"])),
            &Context::default(),
            &found,
        );
        let found = [("autoRenewal.flexDiscountCodes[0]", "type.invalid")];
        expect(
            UpdateSubscription,
            &codes(json!([7])),
            &Context::default(),
            &found,
        );
    }

    #[test]
    fn only_an_active_subscription_changes_its_renewal() {
        let found = [("autoRenewal", "subscription.inactive")];
        expect(UpdateSubscription, &body(), &team("1004"), &found);
    }

    #[test]
    fn what_adobe_sets_is_read_only_and_the_rest_unknown() {
        let found = [("offerId", "field.read_only")];
        let sent = with(body(), "/offerId", json!("30001558CA01A12"));
        expect(UpdateSubscription, &sent, &Context::default(), &found);
        let found = [("autoRenewal.quantity", "field.unknown")];
        let sent = with(body(), "/autoRenewal/quantity", json!(3));
        expect(UpdateSubscription, &sent, &Context::default(), &found);
    }
}
