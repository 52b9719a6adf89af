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
        let kind = offer.and_then(crate::offer::product_kind);
        object.apply(key, quantity::check_line(value, kind), report);
    }
}
