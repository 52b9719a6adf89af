//! Subscriptions: list, read, the auto-renewal update, and scheduled ones.

use super::call::{Call, answer, checked};
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use vipmp::resource::{Collection, Subscription};
use vipmp::validate::{Context, Operation};

/// The subscription named by the path.
fn subscription<'a>(store: &'a mut Store, call: &Call) -> Result<&'a mut Subscription, Answer> {
    let customer = call.param("customerId").to_owned();
    if !store.customers.contains_key(&customer) {
        return Err(error(adobe::INVALID_CUSTOMER_OR_SUBSCRIPTION));
    }
    store
        .subscriptions_of(&customer)
        .get_mut(call.param("subscriptionId"))
        .ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_SUBSCRIPTION))
}

/// `GET /v3/customers/{customerId}/subscriptions`.
pub(super) fn list(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let customer = call.param("customerId").to_owned();
    if !store.customers.contains_key(&customer) {
        return Err(error(adobe::INVALID_CUSTOMER));
    }
    let items: Vec<Subscription> = store
        .subscriptions_of(&customer)
        .values()
        .cloned()
        .collect();
    let count = items.len() as u64;
    let collection = Collection {
        total_count: Some(count),
        count: Some(count),
        items,
        ..Collection::default()
    };
    Ok(answer(200, &collection))
}

/// `GET /v3/customers/{customerId}/subscriptions/{subscriptionId}`.
pub(super) fn get(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    Ok(answer(200, subscription(store, call)?))
}

/// `PATCH /v3/customers/{customerId}/subscriptions/{subscriptionId}`.
///
/// An inactive subscription is not editable (3119).
pub(super) fn update(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let current = subscription(store, call)?;
    if current.status != adobe::ACTIVE {
        return Err(error(adobe::SUBSCRIPTION_INACTIVE));
    }
    let context = Context {
        subscription: Some(current.clone()),
        ..call.context()
    };
    let patch: UpdateBody = checked(Operation::UpdateSubscription, call, &context)?;
    current.auto_renewal = patch.auto_renewal;
    Ok(answer(200, current))
}

/// `POST /v3/customers/{customerId}/subscriptions`: a scheduled subscription
/// (1009) of the body's offer and renewal preferences, after the core's
/// validator (1117 otherwise).
///
/// *Assumed*: no quantity is held until the anniversary (`currentQuantity`
/// 0), and the renewal date is the customer's coterm date; the window
/// AD-30..AD-3 and the other conditions on the customer's subscriptions are
/// not checked.
pub(super) fn create(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let context = super::global::with_customer(store, call)?;
    let body: CreateBody = checked(Operation::CreateSubscription, call, &context)?;
    let id = store.next_subscription_id();
    let subscription = Subscription {
        subscription_id: id.clone(),
        offer_id: body.offer_id,
        auto_renewal: body.auto_renewal,
        creation_date: call.timestamp.clone(),
        renewal_date: context.customer.and_then(|c| c.coterm_date),
        status: adobe::SCHEDULED.into(),
        ..Subscription::default()
    };
    let answer = answer(201, &subscription);
    store
        .subscriptions_of(call.param("customerId"))
        .insert(id, subscription);
    Ok(answer)
}

/// The body of a scheduled subscription.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    offer_id: String,
    auto_renewal: vipmp::resource::AutoRenewal,
}

/// The body of an auto-renewal update.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct UpdateBody {
    auto_renewal: vipmp::resource::AutoRenewal,
}
