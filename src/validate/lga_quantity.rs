//! A NEW or PREVIEW order of a Large Government Agency customer carries at
//! least 100 licences unless the customer already holds an LGA level (1170).
//!
//! The rule and its sources are [`crate::pricing::lga_minimum`]'s; this module
//! applies it to an order body when the context holds the customer (Get
//! Customer: its `benefits` name `LARGE_GOVERNMENT_AGENCY`, its `discounts`
//! the current `LICENSE` level). Licences are the lines whose offer is not a
//! consumable (the catalogue's word, else a `T…` level); lines without a
//! usable offer or quantity are other rules' findings and count for nothing.
//! Renewals are left to Adobe: a RENEWAL order may renew part of the seats,
//! and the level it gives is recomputed from every subscription's renewal.

use super::Context;
use crate::pricing::{OfferId, lga_minimum};
use crate::report::{Loc, Report};
use crate::resource::{Customer, OrderType};

/// Checks the licences of `lines` (offer ID and quantity of each) at `path`.
pub(super) fn check<'a>(
    order_type: Option<OrderType>,
    lines: impl Iterator<Item = (Option<&'a str>, Option<i64>)>,
    context: &Context,
    path: &Loc<'_>,
    report: &mut Report,
) {
    if !matches!(order_type, Some(OrderType::New | OrderType::Preview)) {
        return;
    }
    let Some(customer) = context.customer.as_ref().filter(|c| c.is_lga()) else {
        return;
    };
    let licences = lines
        .filter_map(|(offer, quantity)| Some((OfferId::parse(offer?).ok()?, quantity?)))
        .filter(|(offer, _)| !offer.is_consumable())
        .map(|(_, quantity)| u64::try_from(quantity).unwrap_or(0))
        .fold(0_u64, u64::saturating_add);
    if lga_minimum::below_minimum(licences, license_level(customer), false) {
        report.add(path, lga_minimum::finding(licences));
    }
}

fn license_level(customer: &Customer) -> Option<&str> {
    let discount = customer
        .discounts
        .iter()
        .find(|d| d.offer_type == "LICENSE");
    discount.map(|d| d.level.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn order(order_type: &str, quantity: i64) -> Value {
        json!({ "orderType": order_type, "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CC06A12", "quantity": quantity }] })
    }

    fn lga_customer(level: &str) -> crate::validate::Context {
        context(json!({ "customer": {
            "benefits": [{ "type": "LARGE_GOVERNMENT_AGENCY" }],
            "discounts": [{ "offerType": "LICENSE", "level": level }] } }))
    }

    #[test]
    fn a_first_lga_order_needs_100_licences() {
        let found = [("lineItems", "lga.quantity_below_minimum")];
        expect(CreateOrder, &order("NEW", 99), &lga_customer("01"), &found);
        expect(
            CreateOrder,
            &order("PREVIEW", 99),
            &lga_customer("01"),
            &found,
        );
        valid(CreateOrder, &order("NEW", 100), &lga_customer("01"));
    }

    #[test]
    fn an_lga_level_lets_a_few_seats_be_added() {
        valid(CreateOrder, &order("NEW", 5), &lga_customer("06"));
    }

    #[test]
    fn customers_without_lga_are_not_concerned() {
        let plain = context(json!({ "customer": { "benefits": [] } }));
        let level_01 = json!({ "orderType": "NEW", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CC01A12", "quantity": 5 }] });
        valid(CreateOrder, &level_01, &plain);
        valid(
            CreateOrder,
            &order("NEW", 5),
            &crate::validate::Context::default(),
        );
    }
}
