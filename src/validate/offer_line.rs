//! An offer and its quantity, as the newer bodies name them: Create
//! Subscription's `offerId` with `autoRenewal.renewalQuantity`, and each of
//! Fetch Recommendations' `offers[{offerId, quantity}]`. The rules are the
//! order line's (offer ID format; quantity 1 to the product's line limit,
//! FACTS.md §3.5), so an offer a storefront could order is one it can name here.

use super::json::Object;
use crate::field::{offer_id, quantity};
use crate::report::Report;

/// A required, well-formed `offerId`.
pub(super) fn offer<'a>(object: &Object<'a, '_>, report: &mut Report) -> Option<&'a str> {
    let id = object.required_str("offerId", report)?;
    let findings = offer_id::check(id);
    let valid = findings.is_empty();
    object.apply("offerId", findings, report);
    valid.then_some(id)
}

/// A required whole quantity at `key`, within the line limit of the offer's product.
pub(super) fn quantity(
    object: &Object<'_, '_>,
    key: &str,
    offer: Option<&str>,
    report: &mut Report,
) {
    if let Some(value) = object.required_int(key, report) {
        object.apply(key, quantity::check_line_of_offer(value, offer), report);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{expect, found, valid, with};
    use crate::field::quantity::{LINE_MIN, line_limit};
    use crate::validate::Context;
    use crate::validate::Operation::FetchRecommendations;
    use serde_json::{Value, json};

    const OFFER: &str = "65304479CA01A12";

    fn offers(offer: &str, quantity: i64) -> Value {
        let body = json!({ "recommendationContext": "ORDER_PREVIEW", "customerId": "9876543210",
            "offers": [{ "offerId": OFFER, "quantity": 1 }], "country": "US", "language": "EN" });
        let body = with(body, "/offers/0/offerId", json!(offer));
        with(body, "/offers/0/quantity", json!(quantity))
    }

    #[test]
    fn the_quantity_runs_from_one_to_the_product_s_line_limit() {
        let (max, _) = line_limit(crate::offer::product_kind(OFFER));
        let none = Context::default();
        valid(FetchRecommendations, &offers(OFFER, LINE_MIN), &none);
        valid(FetchRecommendations, &offers(OFFER, max), &none);
        let out = [("offers[0].quantity", "number.out_of_range")];
        expect(
            FetchRecommendations,
            &offers(OFFER, LINE_MIN - 1),
            &none,
            &out,
        );
        expect(FetchRecommendations, &offers(OFFER, max + 1), &none, &out);
    }

    #[test]
    fn a_malformed_offer_is_filed_and_its_quantity_takes_the_general_limit() {
        let (general, _) = line_limit(None);
        let none = Context::default();
        let at_limit = found(
            FetchRecommendations,
            &offers("65304479-CA01A12", general),
            &none,
        );
        let paths: Vec<&str> = at_limit.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(paths, ["offers[0].offerId"]);
        let over = found(
            FetchRecommendations,
            &offers("65304479-CA01A12", general + 1),
            &none,
        );
        assert_eq!(
            over.last().map(|(path, _)| path.as_str()),
            Some("offers[0].quantity")
        );
    }
}
