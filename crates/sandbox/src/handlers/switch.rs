//! Mid-term switches: PREVIEW_SWITCH and SWITCH with `cancellingItems`, and
//! PREVIEW_REVERT_SWITCH and REVERT_SWITCH within 14 days (FACTS.md §1.2,
//! §3.5).
//!
//! The core's validator refuses a cancelling quantity different from the
//! line's (2149) and more than one item (2152); the sandbox checks the
//! cancelled subscription (3115, 2151). A settled SWITCH takes the seats off
//! the cancelled subscription and provisions the new line like a NEW order; a
//! REVERT_SWITCH gives them back at once, like a RETURN.

use super::call::{Call, answer};
use super::order_book;
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::{Store, SwitchRecord};
use vipmp::date::Date;
use vipmp::resource::{Order, OrderType};

/// Days after a SWITCH during which it can be reverted.
const REVERT_DAYS: i64 = 14;
/// The status of a reverted switch, its lines too (*assumed*, as a return).
const REVERTED: &str = adobe::CANCELLED;

/// The cancelling item of a switch body, checked against the customer's
/// subscriptions: 3115 unknown or inactive, 2151 more than it holds.
fn cancelling(store: &mut Store, call: &Call) -> Result<SwitchRecord, Answer> {
    let item = &call.body["cancellingItems"][0];
    let id = item["subscriptionId"].as_str().unwrap_or("").to_owned();
    let quantity = item["quantity"].as_u64().unwrap_or(0);
    let customer = call.param("customerId").to_owned();
    let subscription = store
        .subscriptions_of(&customer)
        .get(&id)
        .filter(|s| s.status == adobe::ACTIVE)
        .ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_SUBSCRIPTION))?;
    if quantity > subscription.current_quantity {
        return Err(error(adobe::QUANTITY_ABOVE_SUBSCRIPTION));
    }
    Ok(SwitchRecord {
        subscription_id: id,
        quantity,
        reverted: false,
    })
}

/// PREVIEW_SWITCH: the checks of a SWITCH, answered like a PREVIEW.
pub(super) fn preview(store: &mut Store, call: &Call, order: Order) -> Result<Answer, Answer> {
    cancelling(store, call)?;
    order_book::preview(store, call, order)
}

/// SWITCH: stored in 1002 with what it cancels.
pub(super) fn place(store: &mut Store, call: &Call, order: Order) -> Result<Answer, Answer> {
    let record = cancelling(store, call)?;
    let placed = order_book::place(store, call, order);
    if let Some(id) = placed.body["orderId"].as_str() {
        store.switches.insert(id.to_owned(), record);
    }
    Ok(placed)
}

/// Completes a settled SWITCH: the cancelled seats leave their subscription.
pub(super) fn complete(store: &mut Store, order: &Order) {
    let id = order.order_id.clone().unwrap_or_default();
    let Some(record) = store.switches.get(&id).cloned() else {
        return;
    };
    order_book::reduce(store, order, Some(&record.subscription_id), record.quantity);
}

/// The SWITCH a revert refers to, checked: 2115 unknown, 2127 not a SWITCH,
/// 2116 still pending, 2134 older than 14 days, 2118 already reverted
/// (*assumed* codes but 2115: Adobe names none for reverts).
fn reverted(store: &Store, call: &Call) -> Result<(Order, SwitchRecord), Answer> {
    let id = call.body["referenceOrderId"].as_str().unwrap_or("");
    let customer = call.param("customerId");
    let switch = store
        .orders
        .get(id)
        .filter(|o| o.customer_id.as_deref() == Some(customer))
        .ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_ORDER))?;
    if switch.order_type != Some(OrderType::Switch) {
        return Err(error(adobe::CANCELLATION_NOT_ALLOWED));
    }
    if switch.status.as_deref() == Some(adobe::PENDING) {
        return Err(error(adobe::INVALID_STATUS));
    }
    let ordered = switch
        .creation_date
        .as_deref()
        .and_then(|d| Date::parse(d.get(..10)?).ok());
    if ordered.and_then(|d| d.add_days(REVERT_DAYS)) < Some(call.today) {
        return Err(error(adobe::RETURN_WINDOW_CLOSED));
    }
    let record = store.switches.get(id).cloned().unwrap_or_default();
    if record.reverted {
        return Err(error(adobe::ORDER_ALREADY_CANCELLED));
    }
    Ok((switch.clone(), record))
}

/// The revert order: the switch's lines, in full (*assumed*: lines sent
/// with a revert are ignored, a switch is reverted whole).
fn revert_order(mut order: Order, switch: &Order) -> Order {
    order.line_items.clone_from(&switch.line_items);
    for line in &mut order.line_items {
        line.status = None;
    }
    order
}

/// PREVIEW_REVERT_SWITCH: the revert that would be placed.
pub(super) fn preview_revert(store: &Store, call: &Call, order: Order) -> Result<Answer, Answer> {
    let (switch, _) = reverted(store, call)?;
    let mut order = revert_order(order, &switch);
    order.creation_date = Some(call.timestamp.clone());
    Ok(answer(200, &order))
}

/// REVERT_SWITCH: the new seats leave, the cancelled seats come back, the
/// switch and its lines become 1008, and the revert is stored in 1002.
pub(super) fn revert(store: &mut Store, call: &Call, order: Order) -> Result<Answer, Answer> {
    let (mut switch, record) = reverted(store, call)?;
    for line in &switch.line_items {
        order_book::reduce(
            store,
            &switch,
            line.subscription_id.as_deref(),
            line.quantity,
        );
    }
    restore(store, &switch, &record);
    switch.status = Some(REVERTED.into());
    for line in &mut switch.line_items {
        line.status = Some(REVERTED.into());
    }
    let id = switch.order_id.clone().unwrap_or_default();
    if let Some(stored) = store.switches.get_mut(&id) {
        stored.reverted = true;
    }
    let order = revert_order(order, &switch);
    store.orders.insert(id, switch);
    Ok(order_book::place(store, call, order))
}

/// Gives the cancelled seats back to their subscription, active again.
fn restore(store: &mut Store, switch: &Order, record: &SwitchRecord) {
    let customer = switch.customer_id.clone().unwrap_or_default();
    if let Some(subscription) = store
        .subscriptions_of(&customer)
        .get_mut(&record.subscription_id)
    {
        subscription.current_quantity += record.quantity;
        subscription.status = adobe::ACTIVE.into();
    }
}
