//! Asynchronous status changes, released by the clock.
//!
//! Accounts and orders wait in 1002 until the clock reaches them, then settle
//! to 1000; a settled NEW order creates (or adds seats to) one subscription per
//! line, sets the customer's coterm date if it is the first order, and
//! re-evaluates the discount levels with the core's pricing. Renewals run when
//! the clock passes the coterm date.

use super::levels;
use crate::adobe;
use crate::store::{Pending, Store};
use vipmp::date::Date;
use vipmp::resource::{AutoRenewal, Order, OrderType, Subscription};

/// Releases every change due at `now` (`today` is its date).
pub fn settle(store: &mut Store, now: i64, today: Date) {
    for pending in store.take_due(now) {
        settle_one(store, &pending, today);
    }
    renew(store, today);
    super::three_year::run_clock(store, today);
}

/// Settles one resource.
fn settle_one(store: &mut Store, pending: &Pending, today: Date) {
    let done = store
        .failing_accounts
        .get(&pending.id)
        .cloned()
        .or_else(|| Some(adobe::ACTIVE.to_owned()));
    match pending.kind.as_str() {
        "reseller" => store
            .resellers
            .get_mut(&pending.id)
            .map(|r| r.status = done),
        "customer" => store
            .customers
            .get_mut(&pending.id)
            .map(|c| c.status = done),
        "order" => store
            .orders
            .get(&pending.id)
            .cloned()
            .map(|o| complete(store, o, today)),
        "resellerChange" => {
            super::reseller_change::complete(store, &pending.id);
            None
        }
        "vipTransfer" => {
            super::vip::complete(store, &pending.id, today);
            None
        }
        _ => None,
    };
}

/// Completes an order: 1000, subscriptions, coterm date and levels.
fn complete(store: &mut Store, mut order: Order, today: Date) {
    let customer_id = order.customer_id.clone().unwrap_or_default();
    if let Some(status) = store.failing_orders.get(&customer_id).cloned() {
        fail(store, order, &status);
        return;
    }
    let coterm = coterm_of(store, &customer_id, today);
    order.status = Some(adobe::ACTIVE.into());
    for line in &mut order.line_items {
        if line.status.as_deref() == Some(adobe::PENDING) {
            line.status = Some(adobe::ACTIVE.into());
        }
    }
    if order.order_type == Some(OrderType::Switch) {
        super::switch::complete(store, &order);
    }
    if matches!(order.order_type, Some(OrderType::New | OrderType::Switch)) {
        for line in &mut order.line_items {
            let id = provision(
                store,
                &customer_id,
                &line.offer_id,
                line.quantity,
                (today, coterm),
            );
            line.subscription_id = Some(id);
        }
        super::three_year::commit_if_reached(store, &customer_id);
        levels::evaluate_levels(store, &customer_id, &order);
    }
    if order.order_type == Some(OrderType::Renewal) {
        super::renewal::complete(store, &order, coterm);
    }
    if let Some(id) = order.order_id.clone() {
        store.orders.insert(id, order);
    }
}

/// Settles an order to a failure status, lines too, with no subscription
/// (reference, Create Order: "Order may fail asynchronously, and status will be
/// updated to reflect the failure").
///
/// *Assumed*: the failure is driven by the seed's `failingOrders` (customer ID
/// to status) and applies to every order type the customer places.
fn fail(store: &mut Store, mut order: Order, status: &str) {
    order.status = Some(status.to_owned());
    for line in &mut order.line_items {
        line.status = Some(status.to_owned());
    }
    if let Some(id) = order.order_id.clone() {
        store.orders.insert(id, order);
    }
}

/// The customer's coterm date, set to one year from today by the first order.
fn coterm_of(store: &mut Store, customer_id: &str, today: Date) -> Option<Date> {
    let customer = store.customers.get_mut(customer_id)?;
    if customer.coterm_date.is_none() {
        customer.coterm_date = today.add_years(1).map(|date| date.to_string());
    }
    customer
        .coterm_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok())
}

/// Adds seats to the customer's active subscription of the offer, or opens
/// one; answers its ID.
///
/// *Assumed*: seats of an offer the customer already holds are added to that
/// subscription rather than to a new one.
fn provision(
    store: &mut Store,
    customer: &str,
    offer: &str,
    quantity: u64,
    (today, coterm): (Date, Option<Date>),
) -> String {
    let existing = store
        .subscriptions_of(customer)
        .values_mut()
        .find(|s| s.offer_id == offer && s.status == adobe::ACTIVE);
    if let Some(subscription) = existing {
        subscription.current_quantity += quantity;
        return subscription.subscription_id.clone();
    }
    let id = store.next_subscription_id();
    let subscription = Subscription {
        subscription_id: id.clone(),
        offer_id: offer.to_owned(),
        current_quantity: quantity,
        auto_renewal: AutoRenewal {
            enabled: true,
            renewal_quantity: Some(quantity),
        },
        creation_date: today.to_string(),
        renewal_date: coterm.map(|date| date.to_string()),
        status: adobe::ACTIVE.into(),
        ..Subscription::default()
    };
    store
        .subscriptions_of(customer)
        .insert(id.clone(), subscription);
    id
}

/// Renews every customer whose coterm date the clock has reached: each active
/// subscription with auto-renewal on takes its renewal quantity (0 makes it
/// inactive), one with auto-renewal off becomes inactive, and the coterm date
/// moves one year.
///
/// *Assumed*: the renewal happens at midnight UTC of the coterm date and no
/// RENEWAL order is recorded.
fn renew(store: &mut Store, today: Date) {
    let due: Vec<(String, Date)> = store
        .customers
        .iter()
        .filter_map(|(id, c)| Some((id.clone(), Date::parse(c.coterm_date.as_deref()?).ok()?)))
        .filter(|(_, coterm)| *coterm <= today)
        .collect();
    for (id, coterm) in due {
        let next = coterm.add_years(1);
        for subscription in store.subscriptions_of(&id).values_mut() {
            renew_one(subscription, next);
        }
        if let Some(customer) = store.customers.get_mut(&id) {
            customer.coterm_date = next.map(|date| date.to_string());
        }
    }
}

/// Renews one subscription to the next coterm date.
fn renew_one(subscription: &mut Subscription, next: Option<Date>) {
    if subscription.status != adobe::ACTIVE {
        return;
    }
    let quantity = subscription
        .auto_renewal
        .renewal_quantity
        .unwrap_or(subscription.current_quantity);
    if !subscription.auto_renewal.enabled || quantity == 0 {
        subscription.status = adobe::INACTIVE.into();
        return;
    }
    subscription.current_quantity = quantity;
    subscription.renewal_date = next.map(|date| date.to_string());
}
