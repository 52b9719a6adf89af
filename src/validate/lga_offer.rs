//! Offers at the LGA levels 06–09 are sold only to Large Government Agency
//! customers (2129).
//!
//! Source: FACTS.md §4.2 (S1 `lga/error-codes.md`): "2129 (06–09 offer for
//! non-LGA customer)"; §4.1: the LGA pages give 2129 the free-text reason
//! "Reason: Not an LGA Customer"; §3.2: the LGA licence levels are 06–09.
//!
//! The reference says a PREVIEW lowers a level the customer is not eligible
//! for to the best one it is (Feb 2024, "Volume Discounting"), while the LGA
//! error page names 2129 for these offers without exempting PREVIEW. The LGA
//! page is followed for every order type that buys (NEW, PREVIEW, RENEWAL,
//! SWITCH and their previews): the LGA levels are a programme the customer
//! must be enrolled in, not a volume level it could reach, and a storefront
//! that sends one for another customer has the wrong offer. RETURN and
//! reverts give back what was bought and are not checked. The customer comes
//! from the context (Get Customer: its `benefits`); without it nothing is
//! checked.

use super::Context;
use crate::pricing::{OfferId, lga_minimum};
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::{Customer, OrderType};

/// Checks each line's offer (its index in `lineItems` and its ID) at `path`.
pub(super) fn check<'a>(
    order_type: Option<OrderType>,
    lines: impl Iterator<Item = (usize, Option<&'a str>)>,
    context: &Context,
    path: &Loc<'_>,
    report: &mut Report,
) {
    if order_type.is_none_or(OrderType::needs_reference_order) {
        return;
    }
    if context.customer.as_ref().is_none_or(Customer::is_lga) {
        return;
    }
    for (index, offer) in lines {
        let Some(offer) = offer.and_then(|id| OfferId::parse(id).ok()) else {
            continue;
        };
        if lga_minimum::is_lga_level(offer.level()) {
            report.add(
                &path.index(index).key("offerId"),
                Finding::new(Code::OrderLgaOfferNotEligible).with("offerId", offer.as_str()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn order(order_type: &str, offer: &str) -> Value {
        json!({ "orderType": order_type, "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": offer, "quantity": 100 }] })
    }

    fn customer(benefits: &Value) -> crate::validate::Context {
        context(json!({ "customer": { "benefits": benefits } }))
    }

    #[test]
    fn lga_levels_are_for_lga_customers() {
        let plain = customer(&json!([]));
        let found = [("lineItems[0].offerId", "order.lga_offer_not_eligible")];
        for level in ["06", "07", "08", "09"] {
            let offer = format!("65304479CC{level}A12");
            expect(CreateOrder, &order("NEW", &offer), &plain, &found);
            expect(CreateOrder, &order("PREVIEW", &offer), &plain, &found);
        }
        valid(CreateOrder, &order("NEW", "65304479CC05A12"), &plain);
        valid(CreateOrder, &order("NEW", "65304479CC10A12"), &plain);
        let lga = customer(&json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]));
        valid(CreateOrder, &order("NEW", "65304479CC06A12"), &lga);
        let unknown = crate::validate::Context::default();
        valid(CreateOrder, &order("NEW", "65304479CC06A12"), &unknown);
    }
}
