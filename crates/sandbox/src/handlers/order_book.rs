//! The steps the order types share: store an order in 1002 and schedule its
//! completion, answer a preview at the best offers, take seats off a
//! subscription.
//!
//! It sits below [`super::orders`] (which dispatches on the order type and
//! handles NEW, PREVIEW and RETURN with these steps) and [`super::switch`]
//! (which places and reverts switches with them), so that neither imports
//! the other.

use super::call::{Call, answer};
use super::levels;
use crate::adobe;
use crate::envelope::Answer;
use crate::store::Store;
use vipmp::resource::{Customer, Order};

/// A PREVIEW (or PREVIEW_SWITCH) answered with the best offer IDs.
pub(super) fn preview(store: &mut Store, call: &Call, order: Order) -> Result<Answer, Answer> {
    let customer_id = call.param("customerId").to_owned();
    let holder = store
        .customers
        .get(&customer_id)
        .cloned()
        .unwrap_or_default();
    Ok(answer(200, &best_offers(store, &holder, order)))
}

/// A PREVIEW answered with the best volume-discount offer IDs (reference,
/// "Volume Discounting"): each line's offer at the level the core's
/// `discount_level` gives this order on top of what the customer holds.
///
/// The customer's COMMITTED 3YC commitment sets a level, and an ACCEPTED
/// `commitmentRequest` this order reaches lifts it (reference, "3YC API
/// Changes"). *Assumed*: a line whose offer cannot take the level keeps its
/// offer ID.
fn best_offers(store: &mut Store, holder: &Customer, mut order: Order) -> Order {
    let customer_id = holder.customer_id.clone().unwrap_or_default();
    let owned = levels::held_quantities(store, &customer_id);
    let outcome = levels::levels_for(holder, owned, levels::ordered_quantities(&order));
    levels::offers_at_levels(&mut order, &outcome);
    order
}

/// Stores an order in 1002 and schedules its completion.
pub(super) fn place(store: &mut Store, call: &Call, mut order: Order) -> Answer {
    let id = store.next_id(7);
    order.order_id = Some(id.clone());
    order.status = Some(adobe::PENDING.into());
    order.creation_date = Some(call.timestamp.clone());
    for line in &mut order.line_items {
        line.status = Some(adobe::PENDING.into());
    }
    store.schedule("order", &id, call.now + call.settle_after);
    let answer = answer(201, &order);
    store.orders.insert(id, order);
    answer
}

/// Takes seats off a subscription; one without seats becomes inactive (1004).
pub(super) fn reduce(store: &mut Store, order: &Order, subscription: Option<&str>, quantity: u64) {
    let customer = order.customer_id.clone().unwrap_or_default();
    let Some(subscription) =
        subscription.and_then(|id| store.subscriptions_of(&customer).get_mut(id))
    else {
        return;
    };
    subscription.current_quantity = subscription.current_quantity.saturating_sub(quantity);
    if subscription.current_quantity == 0 {
        subscription.status = adobe::INACTIVE.into();
    }
}
