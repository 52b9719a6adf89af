//! Orders: NEW, PREVIEW, RETURN, RENEWAL and PREVIEW_RENEWAL (see
//! [`super::renewal`]), reads, the externalReferenceId update and the order
//! history.
//!
//! NEW and RETURN orders are created in 1002 and settle to 1000 with the
//! clock (FACTS.md §3.5: "NEW returns 201; order may fail asynchronously");
//! a RETURN flips the referenced lines to 1008 at once, and the referenced
//! order to 1008 when every line is returned (FACTS.md §3.5, RETURN).

use super::accounts::customer;
use super::call::{Call, answer, checked, page};
use super::order_book::{place, preview, reduce};
use super::{renewal, switch};
use crate::adobe;
use crate::envelope::{Answer, error, failure};
use crate::store::Store;
use vipmp::pricing::OfferId;
use vipmp::resource::{Order, OrderType};
use vipmp::validate::{Context, Operation};

/// The status of a returned line and of a fully returned order.
const RETURNED: &str = adobe::CANCELLED;

/// `POST /v3/customers/{customerId}/orders`.
///
/// Every creatable order type is emulated; SWITCH and REVERT_SWITCH and their
/// previews in [`super::switch`]. The core's validator sees the customer, the
/// referenced order and the licences and consumables its active
/// subscriptions hold (the 3YC floor of a RETURN, 422
/// `RETURN_VIOLATES_3YC_MCQ`).
pub(super) fn create(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let holder = customer(store, call)?.clone();
    let reference = reference_order(store, call);
    let held = super::levels::held_quantities(store, call.param("customerId"));
    let early = renewal::early_renewal_pending(store, call.param("customerId"));
    let context = Context {
        customer: Some(holder.clone()),
        reference_order: reference.clone(),
        held_quantities: Some(held),
        early_renewal_in_progress: Some(early),
        ..call.context()
    };
    let mut order: Order = checked(Operation::CreateOrder, call, &context)?;
    check_segment(&order, holder.company_profile.market_segment.as_deref())?;
    order.customer_id = holder.customer_id.clone();
    match order.order_type {
        Some(OrderType::Preview) => preview(store, call, order),
        Some(OrderType::PreviewSwitch) => switch::preview(store, call, order),
        Some(OrderType::Switch) => switch::place(store, call, order),
        Some(OrderType::PreviewRevertSwitch) => switch::preview_revert(store, call, order),
        Some(OrderType::RevertSwitch) => switch::revert(store, call, order),
        Some(OrderType::New) => Ok(place(store, call, order)),
        Some(OrderType::PreviewRenewal) => renewal::preview(store, call, order),
        Some(OrderType::Renewal) => {
            renewal::check(store, &order, call.today)?;
            renewal::check_early_commitment(store, call, &order, &holder)?;
            Ok(place(store, call, order))
        }
        Some(OrderType::Return) => {
            let reference = reference.ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_ORDER))?;
            settled(&reference)?;
            give_back(store, &order, &reference)?;
            Ok(place(store, call, order))
        }
        _ => Err(error(adobe::INVALID_OPERATION)),
    }
}

/// A RETURN may only refer to an order that has settled.
///
/// *Assumed*: a RETURN against an order still pending (1002) answers 2116
/// "Invalid status"; Adobe does not say which code it sends.
fn settled(reference: &Order) -> Result<(), Answer> {
    if reference.status.as_deref() == Some(adobe::PENDING) {
        return Err(error(adobe::INVALID_STATUS));
    }
    Ok(())
}

/// The order a RETURN refers to, when it is this customer's.
fn reference_order(store: &Store, call: &Call) -> Option<Order> {
    let id = call.body.get("referenceOrderId")?.as_str()?;
    let order = store.orders.get(id)?;
    (order.customer_id.as_deref() == Some(call.param("customerId"))).then(|| order.clone())
}

/// Every line's offer must be of the customer's market segment: 2129 with
/// `INELIGIBLE_MARKET_SEGMENT` otherwise (FACTS.md §4.1; 2135 "Invalid market
/// segment used for customer" is about the account's own segment, on the
/// reseller and customer calls). The storefront's basket rule names the same.
fn check_segment(order: &Order, segment: Option<&str>) -> Result<(), Answer> {
    let segment = segment.unwrap_or("COM");
    for line in &order.line_items {
        let offer = OfferId::parse(&line.offer_id).map_err(|_| error(adobe::INVALID_OFFER_ID))?;
        if offer.market_segment().as_str() != segment {
            let reason = [adobe::INELIGIBLE_MARKET_SEGMENT.to_owned()];
            return Err(failure(adobe::INELIGIBLE_PURCHASE, &reason));
        }
    }
    Ok(())
}

/// Flips the returned lines of the reference order to 1008 and takes the seats
/// back from their subscriptions.
///
/// A partial return lowers the line's `remainingQuantity` (FACTS.md §3.5),
/// which caps the next return through the core's validator; the line is
/// returned (1008) when nothing is left. *Assumed*: a line already returned
/// answers 2133.
fn give_back(store: &mut Store, order: &Order, reference: &Order) -> Result<(), Answer> {
    let mut updated = reference.clone();
    for line in &order.line_items {
        let Some(original) = updated
            .line_items
            .iter_mut()
            .find(|l| l.ext_line_item_number == line.ext_line_item_number)
        else {
            return Err(error(adobe::LINE_NUMBER_MISMATCH));
        };
        if original.status.as_deref() == Some(RETURNED) {
            return Err(error(adobe::LINE_ALREADY_RETURNED));
        }
        let left = original
            .remaining_quantity
            .unwrap_or(original.quantity)
            .saturating_sub(line.quantity);
        original.remaining_quantity = Some(left);
        if left == 0 {
            original.status = Some(RETURNED.into());
        }
        reduce(
            store,
            order,
            original.subscription_id.as_deref(),
            line.quantity,
        );
    }
    if updated
        .line_items
        .iter()
        .all(|l| l.status.as_deref() == Some(RETURNED))
    {
        updated.status = Some(RETURNED.into());
    }
    if let Some(id) = updated.order_id.clone() {
        store.orders.insert(id, updated);
    }
    Ok(())
}

/// The order named by the path, when it is the customer's.
fn order<'a>(store: &'a mut Store, call: &Call) -> Result<&'a mut Order, Answer> {
    let customer = call.param("customerId").to_owned();
    store
        .orders
        .get_mut(call.param("orderId"))
        .filter(|order| order.customer_id.as_deref() == Some(customer.as_str()))
        .ok_or_else(|| error(adobe::INVALID_CUSTOMER_OR_ORDER))
}

/// `GET /v3/customers/{customerId}/orders/{orderId}`.
pub(super) fn get(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    Ok(answer(200, order(store, call)?))
}

/// `PATCH /v3/customers/{customerId}/orders/{orderId}`: externalReferenceId.
pub(super) fn update(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let patch: Order = checked(Operation::UpdateOrder, call, &call.context())?;
    let order = order(store, call)?;
    order.external_reference_id = patch.external_reference_id;
    Ok(answer(200, order))
}

/// `GET /v3/customers/{customerId}/orders`, filtered and paged.
///
/// The query is checked with the core's `order_history_query` (*assumed*: a
/// refused query answers 1117 with one `additionalDetails` entry per
/// parameter). Filters on order type, status and offer ID apply (*assumed*:
/// the other filters are accepted and ignored).
pub(super) fn history(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    customer(store, call)?;
    vipmp::validate::order_history_query(&call.query)
        .map_err(|report| crate::envelope::from_report(&report))?;
    let customer_id = call.param("customerId").to_owned();
    let values = |name: &str| -> Vec<String> {
        call.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let (types, statuses, offers) = (values("order-type"), values("status"), values("offer-id"));
    let keep =
        |wanted: &[String], value: &str| wanted.is_empty() || wanted.iter().any(|w| w == value);
    let items = store
        .orders
        .values()
        .filter(|o| o.customer_id.as_deref() == Some(customer_id.as_str()))
        .filter(|o| {
            !o.order_id
                .as_ref()
                .is_some_and(|id| call.unlisted.contains(id))
        })
        .filter(|o| keep(&types, o.order_type.map_or("", OrderType::as_str)))
        .filter(|o| keep(&statuses, o.status.as_deref().unwrap_or("")))
        .filter(|o| offers.is_empty() || o.line_items.iter().any(|l| keep(&offers, &l.offer_id)))
        .filter_map(|o| serde_json::to_value(o).ok())
        .collect();
    page(items, call)
}
