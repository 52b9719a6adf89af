//! Create Subscription: a scheduled subscription (status 1009) that starts at
//! the customer's next anniversary through the renewal.
//!
//! Source: FACTS.md §1.2 (`POST /v3/customers/{customerId}/subscriptions`,
//! 2024-08-01: body `offerId`, `autoRenewal{enabled:true, renewalQuantity,
//! renewalCode?, flexDiscountCodes?}`, `currencyCode`/`deploymentId` for
//! global) and §3.5 ("`enabled` must be true; `renewalQuantity` mandatory; ...
//! not for consumables"); §4: 2147 (one flexible discount code) applies to
//! Create Subscription. What needs Adobe's state (the window AD-30..AD-3, an
//! active subscription already held, a product new to the customer) is not
//! checked here.

use super::json::Object;
use super::offer_line;
use super::profile::check_free_text;
use super::subscription::{AUTO_RENEWAL_KEYS, READ_ONLY, check_flex_codes, check_renewal_code};
use crate::field::currency;
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const KEYS: &[&str] = &["offerId", "autoRenewal", "currencyCode", "deploymentId"];
/// IDs are at most 40 characters (Resources table; FACTS.md §2.2).
const ID_MAX: usize = 40;

/// `POST /v3/customers/{id}/subscriptions`.
pub(super) fn check_create(body: &Json<'_>, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(KEYS, READ_ONLY, report);
    let offer = offer_line::offer(&object, report);
    if offer.and_then(crate::offer::is_consumable) == Some(true) {
        let reason = "a scheduled subscription is not for consumables";
        let finding = Finding::new(Code::FieldNotAllowed).with("reason", reason);
        report.add(&object.at("offerId"), finding);
    }
    if let Some(auto_renewal) = object.required_object("autoRenewal", report) {
        check_auto_renewal(&auto_renewal, offer, report);
    }
    if let Some(code) = object.optional_str("currencyCode", report) {
        object.apply("currencyCode", currency::check(code), report);
    }
    check_free_text(&object, "deploymentId", ID_MAX, false, report);
}

/// A scheduled subscription renews: `enabled` is required and true, the
/// quantity to renew required; codes as on an update.
fn check_auto_renewal(auto_renewal: &Object<'_, '_>, offer: Option<&str>, report: &mut Report) {
    auto_renewal.check_keys(AUTO_RENEWAL_KEYS, &[], report);
    let path = auto_renewal.at("enabled");
    match auto_renewal.get("enabled") {
        None => report.add(&path, Finding::new(Code::FieldRequired)),
        Some(_) if auto_renewal.optional_bool("enabled", report) == Some(false) => {
            report.add(
                &path,
                Finding::new(Code::EnumInvalid).with("allowed", "true"),
            );
        }
        Some(_) => {}
    }
    offer_line::quantity(auto_renewal, "renewalQuantity", offer, report);
    check_renewal_code(auto_renewal, report);
    check_flex_codes(auto_renewal, report);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{expect, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::CreateSubscription;
    use serde_json::{Value, json};

    fn body() -> Value {
        json!({ "offerId": "30001558CA01A12", "autoRenewal": { "enabled": true, "renewalQuantity": 10 } })
    }

    fn refused(body: &Value, path: &str, code: &str) {
        expect(
            CreateSubscription,
            body,
            &Context::default(),
            &[(path, code)],
        );
    }

    #[test]
    fn an_offer_with_renewal_on_and_a_quantity_files_nothing() {
        valid(CreateSubscription, &body(), &Context::default());
        let global = with(body(), "/currencyCode", json!("EUR"));
        valid(
            CreateSubscription,
            &with(global, "/deploymentId", json!("8000000001")),
            &Context::default(),
        );
        let moq = with(body(), "/autoRenewal/renewalCode", json!("MOQ_100"));
        valid(
            CreateSubscription,
            &with(moq, "/autoRenewal/flexDiscountCodes", json!(["SPRING"])),
            &Context::default(),
        );
    }

    #[test]
    fn renewal_must_be_on_with_a_quantity() {
        refused(
            &with(body(), "/autoRenewal/enabled", json!(false)),
            "autoRenewal.enabled",
            "enum.invalid",
        );
        refused(
            &without(body(), "/autoRenewal/enabled"),
            "autoRenewal.enabled",
            "field.required",
        );
        refused(
            &without(body(), "/autoRenewal/renewalQuantity"),
            "autoRenewal.renewalQuantity",
            "field.required",
        );
        refused(
            &without(body(), "/autoRenewal"),
            "autoRenewal",
            "field.required",
        );
    }

    #[test]
    fn the_quantity_is_within_the_products_line_limit() {
        valid(
            CreateSubscription,
            &with(body(), "/autoRenewal/renewalQuantity", json!(10_000)),
            &Context::default(),
        );
        for quantity in [0, 10_001] {
            let body = with(body(), "/autoRenewal/renewalQuantity", json!(quantity));
            refused(&body, "autoRenewal.renewalQuantity", "number.out_of_range");
        }
    }

    #[test]
    fn the_offer_is_required_well_formed_and_not_a_consumable() {
        refused(&without(body(), "/offerId"), "offerId", "field.required");
        refused(
            &with(body(), "/offerId", json!("bad id")),
            "offerId",
            "offer_id.invalid_format",
        );
        refused(
            &with(body(), "/offerId", json!("30001704CAT1A12")),
            "offerId",
            "field.not_allowed",
        );
    }

    #[test]
    fn codes_currency_and_what_adobe_sets() {
        refused(
            &with(body(), "/autoRenewal/renewalCode", json!("MOQ_50")),
            "autoRenewal.renewalCode",
            "enum.invalid",
        );
        let two = with(body(), "/autoRenewal/flexDiscountCodes", json!(["A", "B"]));
        refused(&two, "autoRenewal.flexDiscountCodes", "array.too_many");
        refused(
            &with(body(), "/currencyCode", json!("usd")),
            "currencyCode",
            "currency.invalid_format",
        );
        refused(
            &with(body(), "/status", json!("1009")),
            "status",
            "field.read_only",
        );
        refused(
            &with(body(), "/quantity", json!(3)),
            "quantity",
            "field.unknown",
        );
    }
}
