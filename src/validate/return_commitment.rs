//! A RETURN cannot take a 3YC customer below its committed minimum quantity
//! (422 `RETURN_VIOLATES_3YC_MCQ`, 2127 `THREE_YEAR_COMMIT`).
//!
//! Source: FACTS.md §3.5 (RETURN, since 2026-08-13): "3YC: cannot drop below
//! MCQ (`RETURN_VIOLATES_3YC_MCQ` / 2127 `THREE_YEAR_COMMIT`)"; §4.3 (422,
//! symbolic code, the newer form, followed). The minimum is the COMMITTED
//! commitment's `minimumQuantities` (the context's customer); what the
//! customer holds now is not in any one resource (it is the sum of its
//! active subscriptions' `currentQuantity`), so the caller gives it as
//! `Context::held_quantities`; without both nothing is checked. Licences and
//! consumables are counted apart, as the commitment counts them.

use super::Context;
use crate::pricing::{OfferId, Quantities};
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::Benefit;

/// Checks the `returned` (offer ID, quantity) lines of a RETURN at `path`.
pub(super) fn check<'a>(
    returned: impl Iterator<Item = (Option<&'a str>, Option<i64>)>,
    context: &Context,
    path: &Loc<'_>,
    report: &mut Report,
) {
    let (Some(held), Some(customer)) = (context.held_quantities, &context.customer) else {
        return;
    };
    let commitment = customer.benefits.iter().find_map(Benefit::committed);
    let Some(commitment) = commitment else { return };
    let mut back = Quantities::default();
    for (offer, quantity) in returned {
        let (Some(offer), Some(quantity)) = (offer.and_then(|o| OfferId::parse(o).ok()), quantity)
        else {
            continue;
        };
        let quantity = u64::try_from(quantity).unwrap_or(0);
        if offer.is_consumable() {
            back.consumables = back.consumables.saturating_add(quantity);
        } else {
            back.license = back.license.saturating_add(quantity);
        }
    }
    for minimum in &commitment.minimum_quantities {
        let (held, back) = match minimum.offer_type.as_str() {
            "LICENSE" => (held.license, back.license),
            "CONSUMABLES" => (held.consumables, back.consumables),
            _ => continue,
        };
        if back > 0 && held.saturating_sub(back) < minimum.quantity {
            let finding = Finding::new(Code::ReturnBelowCommitment)
                .with("offerType", minimum.offer_type.as_str())
                .with("committed", minimum.quantity);
            report.add(path, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn returning(quantity: i64) -> Value {
        json!({ "orderType": "RETURN", "referenceOrderId": "5556667778", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA12A12", "quantity": quantity }] })
    }

    fn holding(licences: u64) -> crate::validate::Context {
        context(json!({ "heldQuantities": { "license": licences },
            "customer": { "benefits": [{ "type": "THREE_YEAR_COMMIT", "commitment": {
                "status": "COMMITTED", "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 10 }] } }] },
            "referenceOrder": { "orderType": "NEW", "lineItems": [
                { "extLineItemNumber": 1, "offerId": "65304479CA12A12", "quantity": 5 }] } }))
    }

    #[test]
    fn a_return_keeps_the_committed_minimum() {
        valid(CreateOrder, &returning(5), &holding(15));
        let found = [("lineItems", "return.below_commitment")];
        expect(CreateOrder, &returning(5), &holding(14), &found);
    }
}
