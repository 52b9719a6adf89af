//! Fetch Recommendations: upsell, cross-sell and add-on offers for a customer.
//!
//! Source: FACTS.md §1.2 (`POST /v3/recommendations`, 2025-05-09: body
//! `{recommendationContext: GENERIC / ORDER_PREVIEW / RENEWAL_ORDER_PREVIEW,
//! customerId, offers[{offerId,quantity}], country, language: EN / MULT,
//! includePropensity?}`) and §2.5 ("The Recommendations API uses a different
//! language field: `EN` or `MULT` only"). That row marks only
//! `includePropensity` optional (`?`, as the Create Subscription row marks its
//! optional fields), so every other field is required. Whether Adobe serves
//! a country or a language (5136, 5137) is Adobe's to say; the country must
//! be an ISO code Adobe sells into.

use super::json::Object;
use super::offer_line;
use crate::field::{account_id, country};
use crate::input::Json;
use crate::report::{Loc, Report};

const KEYS: &[&str] = &[
    "recommendationContext",
    "customerId",
    "offers",
    "country",
    "language",
    "includePropensity",
];
const CONTEXTS: &[&str] = &["GENERIC", "ORDER_PREVIEW", "RENEWAL_ORDER_PREVIEW"];
/// The languages Adobe recommends in (FACTS.md §2.5: EN or MULT only), for
/// this body and for the `recommendation-language` query parameter.
pub(crate) const LANGUAGES: &[&str] = &["EN", "MULT"];

/// `POST /v3/recommendations`.
pub(super) fn check(body: &Json<'_>, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(KEYS, &[], report);
    object.one_of("recommendationContext", CONTEXTS, true, report);
    if let Some(id) = object.required_str("customerId", report) {
        object.apply("customerId", account_id::check(id), report);
    }
    if let Some(offers) = object.required_array("offers", report) {
        let path = object.at("offers");
        for (index, value) in offers.iter().enumerate() {
            if let Some(offer) = Object::new(value, path.index(index), report) {
                offer.check_keys(&["offerId", "quantity"], &[], report);
                let id = offer_line::offer(&offer, report);
                offer_line::quantity(&offer, "quantity", id, report);
            }
        }
    }
    if let Some(code) = object.required_str("country", report)
        && let Err(finding) = country::check(code)
    {
        report.add(&object.at("country"), finding);
    }
    object.one_of("language", LANGUAGES, true, report);
    object.optional_bool("includePropensity", report);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{expect, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::FetchRecommendations;
    use serde_json::{Value, json};

    fn body() -> Value {
        json!({ "recommendationContext": "ORDER_PREVIEW", "customerId": "9876543210",
            "offers": [{ "offerId": "65304479CA01A12", "quantity": 5 }],
            "country": "US", "language": "EN" })
    }

    fn refused(body: &Value, path: &str, code: &str) {
        expect(
            FetchRecommendations,
            body,
            &Context::default(),
            &[(path, code)],
        );
    }

    #[test]
    fn a_full_request_files_nothing() {
        valid(FetchRecommendations, &body(), &Context::default());
        let body = with(body(), "/language", json!("MULT"));
        let body = with(
            body,
            "/recommendationContext",
            json!("RENEWAL_ORDER_PREVIEW"),
        );
        valid(
            FetchRecommendations,
            &with(body, "/includePropensity", json!(true)),
            &Context::default(),
        );
    }

    #[test]
    fn each_field_but_propensity_is_required() {
        for key in [
            "recommendationContext",
            "customerId",
            "offers",
            "country",
            "language",
        ] {
            refused(&without(body(), &format!("/{key}")), key, "field.required");
        }
    }

    #[test]
    fn context_and_language_take_their_values() {
        refused(
            &with(body(), "/recommendationContext", json!("PREVIEW")),
            "recommendationContext",
            "enum.invalid",
        );
        refused(
            &with(body(), "/language", json!("en")),
            "language",
            "enum.invalid",
        );
        refused(
            &with(body(), "/language", json!("en-US")),
            "language",
            "enum.invalid",
        );
        refused(
            &with(body(), "/includePropensity", json!("yes")),
            "includePropensity",
            "type.invalid",
        );
    }

    #[test]
    fn offers_customer_and_country_are_checked() {
        refused(
            &with(body(), "/offers/0/quantity", json!(0)),
            "offers[0].quantity",
            "number.out_of_range",
        );
        refused(
            &with(body(), "/offers/0/offerId", json!("x!")),
            "offers[0].offerId",
            "offer_id.invalid_format",
        );
        refused(
            &without(body(), "/offers/0/quantity"),
            "offers[0].quantity",
            "field.required",
        );
        refused(
            &with(body(), "/offers/0/price", json!(1)),
            "offers[0].price",
            "field.unknown",
        );
        refused(
            &with(body(), "/customerId", json!("98 76")),
            "customerId",
            "id.invalid_format",
        );
        refused(
            &with(body(), "/country", json!("USA")),
            "country",
            "country.invalid_format",
        );
    }
}
