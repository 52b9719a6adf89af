//! Update Subscription Auto-Renewal.
//!
//! Source: Partner API reference (Feb 2024), "Update Subscription Auto-Renewal"
//! (enabled true/false, renewalQuantity min 1, max 10,000 Team / 200,000
//! Enterprise; only an active subscription); FACTS.md §1.2 (renewalCode for High
//! Growth offers, flexDiscountCodes on renewal).

use super::Context;
use super::json::{Object, text};
use crate::field::quantity;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const AUTO_RENEWAL_KEYS: &[&str] = &[
    "enabled",
    "renewalQuantity",
    "renewalCode",
    "flexDiscountCodes",
];
const RENEWAL_CODES: &[&str] = &["MOQ_100", "MOQ_250", "MOQ_500"];
const ACTIVE: &str = "1000";

/// `PATCH /v3/customers/{id}/subscriptions/{subscriptionId}`.
pub(super) fn check_update(body: &Json<'_>, context: &Context, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(
        &["autoRenewal"],
        &[
            "subscriptionId",
            "offerId",
            "currentQuantity",
            "usedQuantity",
            "creationDate",
            "renewalDate",
            "status",
            "links",
        ],
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
    check_flex_codes(&auto_renewal, report);
    check_active(&object, context, report);
}

fn check_renewal_quantity(auto_renewal: &Object<'_, '_>, context: &Context, report: &mut Report) {
    let Some(value) = auto_renewal.optional_int("renewalQuantity", report) else {
        return;
    };
    let kind = context
        .subscription
        .as_ref()
        .and_then(|s| crate::offer::product_kind(&s.offer_id));
    auto_renewal.apply("renewalQuantity", quantity::check_line(value, kind), report);
}

fn check_renewal_code(auto_renewal: &Object<'_, '_>, report: &mut Report) {
    let Some(code) = auto_renewal.optional_str("renewalCode", report) else {
        return;
    };
    if !RENEWAL_CODES.contains(&code) {
        let finding = Finding::new(Code::EnumInvalid).with("allowed", RENEWAL_CODES.join(", "));
        report.add(&auto_renewal.at("renewalCode"), finding);
    }
}

fn check_flex_codes(auto_renewal: &Object<'_, '_>, report: &mut Report) {
    let Some(codes) = auto_renewal.optional_array("flexDiscountCodes", report) else {
        return;
    };
    let path = auto_renewal.at("flexDiscountCodes");
    for (index, value) in codes.iter().enumerate() {
        text(value, &path.index(index), report);
    }
    if codes.len() > 1 {
        let finding = Finding::new(Code::ArrayTooMany)
            .with("max", 1_i64)
            .with("count", codes.len())
            .with("noun", "discount code");
        report.add(&path, finding);
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
