//! Renewals a partner asks for: the manual (late) RENEWAL order and the
//! PREVIEW_RENEWAL built from the auto-renewal preferences.
//!
//! A RENEWAL names one subscription per line (the core's validator requires
//! `subscriptionId`); it renews a subscription that lapsed on its renewal
//! date, within the grace period after it (FACTS.md §3.5: "after AD within
//! grace period (typically 14 days); same products only; quantity ≤ prior
//! term"), or an active one early, from 30 days to 1 day before its renewal
//! date ("RENEWAL, early (since 2026-03-30): AD-30..AD-1"), up to its current
//! quantity and never in the final 3YC term unless recommitted (3133, the
//! core's rule). While an early renewal is pending (1002), other orders
//! answer 3131 ([`early_renewal_pending`]). A PREVIEW_RENEWAL answers what the RENEWAL order would be from
//! `autoRenewal.enabled` and `renewalQuantity` (reference, Create Order,
//! PREVIEW_RENEWAL), at the levels the core's `discount_level` gives a
//! renewal, or 2136 when nothing renews.

use super::call::{Call, answer, checked};
use super::levels;
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use vipmp::date::Date;
use vipmp::pricing::{OfferId, Quantities};
use vipmp::resource::{Customer, LineItem, Order, Subscription};
// The late-renewal grace and the early-renewal reach are the core's (the
// grace *assumed* 14 days, as S8's `MANUAL_RENEWAL_WINDOW_DAYS`).
use vipmp::validate::{
    Context, Operation, RENEWAL_EARLY_DAYS as EARLY_DAYS, RENEWAL_GRACE_DAYS as GRACE_DAYS,
};

/// Checks every line of a RENEWAL order against the subscription it names.
///
/// Refusals: 3115 unknown subscription; 3121 a subscription still active;
/// 3122 outside the renewal window (*assumed*: the renewal date up to
/// [`GRACE_DAYS`] after it, the clock's date); 2122 an offer of another
/// product and 2120 more than the prior term's quantity (*assumed* codes:
/// Adobe names none).
pub(super) fn check(store: &mut Store, order: &Order, today: Date) -> Result<(), Answer> {
    let customer = order.customer_id.clone().unwrap_or_default();
    for line in &order.line_items {
        let id = line.subscription_id.as_deref().unwrap_or("");
        let subscription = store
            .subscriptions_of(&customer)
            .get(id)
            .ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_SUBSCRIPTION))?;
        check_line(line, subscription, today)?;
    }
    Ok(())
}

/// One line against its subscription (see [`check`]).
fn check_line(line: &LineItem, subscription: &Subscription, today: Date) -> Result<(), Answer> {
    let renewal = subscription
        .renewal_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok());
    if subscription.status == adobe::ACTIVE {
        return check_early(line, subscription, renewal, today);
    }
    let open = renewal.is_some_and(|d| d <= today && today.days_until(d) >= -GRACE_DAYS);
    if !open {
        return Err(error(adobe::OUTSIDE_RENEWAL_WINDOW));
    }
    if !same_product(&line.offer_id, &subscription.offer_id) {
        return Err(error(adobe::INVALID_OFFER_ID));
    }
    if line.quantity
        > subscription
            .current_quantity
            .max(last_quantity(subscription))
    {
        return Err(error(adobe::QUANTITY_OUT_OF_RANGE));
    }
    Ok(())
}

/// An active subscription renewed early: only from [`EARLY_DAYS`] to one
/// day before its renewal date (else 3121, as before early renewals), the
/// same product, at most its current quantity (2120, *assumed*: "existing
/// products up to current quantity"; seats beyond it are a NEW order).
fn check_early(
    line: &LineItem,
    subscription: &Subscription,
    renewal: Option<Date>,
    today: Date,
) -> Result<(), Answer> {
    let early = renewal.is_some_and(|d| (1..=EARLY_DAYS).contains(&today.days_until(d)));
    if !early {
        return Err(error(adobe::SUBSCRIPTION_ACTIVE_NO_RENEWAL));
    }
    if !same_product(&line.offer_id, &subscription.offer_id) {
        return Err(error(adobe::INVALID_OFFER_ID));
    }
    if line.quantity > subscription.current_quantity {
        return Err(error(adobe::QUANTITY_OUT_OF_RANGE));
    }
    Ok(())
}

/// The core's renewal rules for the lines renewing the customer's
/// subscriptions, with those subscriptions and the customer in the context
/// (one validation, each line against its own subscription's window): 3133
/// in the final 3YC term without a recommitment.
pub(super) fn check_early_commitment(
    store: &mut Store,
    call: &Call,
    order: &Order,
    holder: &Customer,
) -> Result<(), Answer> {
    let customer = order.customer_id.clone().unwrap_or_default();
    let held = store.subscriptions_of(&customer);
    let subscriptions: Vec<_> = order
        .line_items
        .iter()
        .filter_map(|line| held.get(line.subscription_id.as_deref()?).cloned())
        .collect();
    if subscriptions.is_empty() {
        return Ok(());
    }
    let context = Context {
        customer: Some(holder.clone()),
        subscriptions,
        ..call.context()
    };
    let _: serde_json::Value = checked(Operation::CreateOrder, call, &context)?;
    Ok(())
}

/// Whether a RENEWAL of an active subscription (an early renewal) is still
/// pending for the customer.
pub(super) fn early_renewal_pending(store: &mut Store, customer: &str) -> bool {
    let pending: Vec<String> = store
        .orders
        .values()
        .filter(|o| o.customer_id.as_deref() == Some(customer))
        .filter(|o| o.order_type == Some(vipmp::resource::OrderType::Renewal))
        .filter(|o| o.status.as_deref() == Some(adobe::PENDING))
        .flat_map(|o| {
            o.line_items
                .iter()
                .filter_map(|l| l.subscription_id.clone())
        })
        .collect();
    let subscriptions = store.subscriptions_of(customer);
    pending.iter().any(|id| {
        subscriptions
            .get(id)
            .is_some_and(|s| s.status == adobe::ACTIVE)
    })
}

/// The quantity the subscription held in its last term: its renewal
/// quantity when auto-renewal was set, else its current quantity.
fn last_quantity(subscription: &Subscription) -> u64 {
    subscription
        .auto_renewal
        .renewal_quantity
        .unwrap_or(subscription.current_quantity)
}

/// Whether two offer IDs are the same product at any level.
fn same_product(offer: &str, held: &str) -> bool {
    let (Ok(offer), Ok(held)) = (OfferId::parse(offer), OfferId::parse(held)) else {
        return false;
    };
    offer
        .at_level(held.level())
        .is_ok_and(|offer| offer.to_string() == held.to_string())
}

/// Reactivates the subscriptions a settled RENEWAL renews, with the line's
/// quantity, to the customer's next coterm date.
///
/// *Assumed*: auto-renewal is left as it was (a lapsed subscription had it
/// off).
pub(super) fn complete(store: &mut Store, order: &Order, coterm: Option<Date>) {
    let customer = order.customer_id.clone().unwrap_or_default();
    for line in &order.line_items {
        let id = line.subscription_id.as_deref().unwrap_or("");
        if let Some(subscription) = store.subscriptions_of(&customer).get_mut(id) {
            subscription.status = adobe::ACTIVE.into();
            subscription.current_quantity = line.quantity;
            subscription.renewal_date = coterm.map(|d| d.to_string());
        }
    }
}

/// A PREVIEW_RENEWAL: the lines given, each held to the rules of the RENEWAL
/// it previews ([`check`]: the subscription it names, the renewal window, the
/// product and quantity; [`check_early_commitment`]: the final 3YC term), or
/// one line per active subscription with auto-renewal on and a renewal
/// quantity above 0, each offer at the renewal level.
///
/// *Assumed*: answered 200 like a PREVIEW, with no orderId and no status; the
/// window applies to a preview with lines as to the renewal itself (FACTS.md
/// §4.4: implementations meet 3122 on PREVIEW_RENEWAL).
pub(super) fn preview(store: &mut Store, call: &Call, mut order: Order) -> Result<Answer, Answer> {
    let customer_id = order.customer_id.clone().unwrap_or_default();
    let holder = store
        .customers
        .get(&customer_id)
        .cloned()
        .unwrap_or_default();
    if order.line_items.is_empty() {
        let subscriptions: Vec<Subscription> = store
            .subscriptions_of(&customer_id)
            .values()
            .cloned()
            .collect();
        order.line_items = from_preferences(&subscriptions);
    } else {
        check(store, &order, call.today)?;
        check_early_commitment(store, call, &order, &holder)?;
    }
    if order.line_items.is_empty() {
        return Err(error(adobe::AUTO_RENEWAL_REQUIRED));
    }
    at_renewal_level(&holder, &mut order);
    order.creation_date = Some(call.timestamp.clone());
    Ok(answer(200, &order))
}

/// The lines auto-renewal would order.
fn from_preferences(subscriptions: &[Subscription]) -> Vec<LineItem> {
    subscriptions
        .iter()
        .filter(|s| s.status == adobe::ACTIVE && s.auto_renewal.enabled)
        .filter(|s| last_quantity(s) > 0)
        .zip(1_u32..)
        .map(|(s, number)| LineItem {
            ext_line_item_number: number,
            offer_id: s.offer_id.clone(),
            quantity: last_quantity(s),
            subscription_id: Some(s.subscription_id.clone()),
            ..LineItem::default()
        })
        .collect()
}

/// Sets each line's offer at the level the renewal quantities earn.
fn at_renewal_level(customer: &Customer, order: &mut Order) {
    let renewed: Quantities = levels::ordered_quantities(order);
    let outcome = levels::renewal_levels(customer, renewed);
    levels::offers_at_levels(order, &outcome);
}
