//! Reseller change: a customer moving to another reseller with the approval
//! code its admin generated (reference, "Reseller Change Process"; FACTS.md
//! §1.2: the code is valid 7 days since 2025-11-11).
//!
//! Preview answers what would move; commit records a transfer in 1002 and
//! uses the code up; the clock settles the transfer to 1000, and only then
//! does the customer change reseller.

use super::call::{Call, answer, checked};
use crate::adobe;
use crate::envelope::{Answer, error, failure};
use crate::store::{ApprovalCode, Store};
use serde_json::{Value, json};
use vipmp::resource::{ResellerChange, Transfer, TransferItem};
use vipmp::validate::Operation;

/// How long an approval code is valid: 7 days (FACTS.md §1.2), in seconds.
pub(super) const CODE_LIFETIME: i64 = 7 * 86_400;

/// `POST /v3/transfers` with `action: PREVIEW`.
///
/// *Assumed*: answered with HTTP 200 (the reference shows no status).
pub(super) fn preview(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let request: ResellerChange = checked(Operation::ResellerChange, call, &call.context())?;
    let code = usable(store, &request, call)?;
    let mut transfer = draft(store, &code.customer_id, &request, call);
    transfer.action = Some("PREVIEW".into());
    let mut body =
        serde_json::to_value(&transfer).map_err(|_| error(adobe::INTERNAL_SERVER_ERROR))?;
    body["approvalCode"] = json!(request.approval_code);
    body["approval"] = json!({
        "code": request.approval_code,
        "expiry": call.timestamp_at(code.expires),
    });
    Ok(Answer::ok(200, body))
}

/// `POST /v3/transfers` with `action: COMMIT`: a transfer in 1002, the code
/// used up.
///
/// *Assumed*: answered with HTTP 201; the transfer ID is 10 digits starting
/// with 8.
pub(super) fn commit(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let request: ResellerChange = checked(Operation::ResellerChange, call, &call.context())?;
    let code = usable(store, &request, call)?;
    let mut transfer = draft(store, &code.customer_id, &request, call);
    let id = store.next_id(8);
    transfer.transfer_id = id.clone();
    transfer.status = Some(adobe::PENDING.into());
    if let Some(code) = store.approval_codes.get_mut(&request.approval_code) {
        code.transfer_id = Some(id.clone());
    }
    store.schedule("resellerChange", &id, call.now + call.settle_after);
    let answer = answer(201, &transfer);
    store.transfers.insert(id, transfer);
    Ok(answer)
}

/// `GET /v3/transfers/{transferId}`.
///
/// *Assumed*: an unknown ID (or a VIP transfer's) answers 5116 "Invalid
/// Membership or Transfer ID", the code documented for Get Transfer Details.
pub(super) fn get(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    store
        .transfers
        .get(call.param("transferId"))
        .filter(|transfer| transfer.membership_id.is_none())
        .map(|transfer| answer(200, transfer))
        .ok_or_else(|| error(adobe::INVALID_MEMBERSHIP_OR_TRANSFER))
}

/// The approval code of a request, if it can still be used by this reseller:
/// 1128 unknown, 1129 expired, 1131 already used, 1115 unknown reseller, 1134
/// `INVALID_RESELLER_ID` for the customer's own reseller.
///
/// *Assumed*: an expired code that was used answers 1131 (checked first).
fn usable(store: &Store, request: &ResellerChange, call: &Call) -> Result<ApprovalCode, Answer> {
    let code = store
        .approval_codes
        .get(&request.approval_code)
        .ok_or_else(|| error(adobe::INVALID_RESELLER_CHANGE_CODE))?;
    if code.transfer_id.is_some() {
        return Err(error(adobe::RESELLER_CHANGE_COMPLETE));
    }
    if code.expires <= call.now {
        return Err(error(adobe::RESELLER_CHANGE_CODE_EXPIRED));
    }
    let customer = store
        .customers
        .get(&code.customer_id)
        .ok_or_else(|| error(adobe::INVALID_RESELLER_CHANGE_CODE))?;
    if !store.resellers.contains_key(&request.reseller_id) {
        return Err(error(adobe::INVALID_RESELLER));
    }
    if customer.reseller_id == request.reseller_id {
        return Err(failure(
            adobe::INVALID_OPERATION,
            &["INVALID_RESELLER_ID".to_owned()],
        ));
    }
    Ok(code.clone())
}

/// The transfer a request describes: the customer's active subscriptions, their
/// subscription IDs blank until the transfer completes (as the reference's
/// examples show).
fn draft(store: &mut Store, customer_id: &str, request: &ResellerChange, call: &Call) -> Transfer {
    let items: Vec<TransferItem> = store
        .subscriptions_of(customer_id)
        .values()
        .filter(|subscription| subscription.status == adobe::ACTIVE)
        .zip(1..)
        .map(|(subscription, number)| TransferItem {
            line_item_number: number,
            offer_id: subscription.offer_id.clone(),
            quantity: subscription.current_quantity,
            subscription_id: String::new(),
            renewal_date: subscription.renewal_date.clone(),
        })
        .collect();
    Transfer {
        customer_id: customer_id.to_owned(),
        reseller_id: request.reseller_id.clone(),
        creation_date: call.timestamp.clone(),
        total_count: Some(items.len() as u64),
        items,
        ..Transfer::default()
    }
}

/// Completes a committed reseller change: the customer moves to the new
/// reseller and the items show their subscription IDs.
///
/// *Assumed*: the subscriptions keep their IDs across the change.
pub(super) fn complete(store: &mut Store, transfer_id: &str) {
    let Some(mut transfer) = store.transfers.get(transfer_id).cloned() else {
        return;
    };
    let held: Vec<(String, String)> = store
        .subscriptions_of(&transfer.customer_id)
        .values()
        .map(|s| (s.offer_id.clone(), s.subscription_id.clone()))
        .collect();
    for item in &mut transfer.items {
        if let Some((_, id)) = held.iter().find(|(offer, _)| *offer == item.offer_id) {
            item.subscription_id = id.clone();
        }
    }
    if let Some(customer) = store.customers.get_mut(&transfer.customer_id) {
        customer.reseller_id = transfer.reseller_id.clone();
    }
    transfer.status = Some(adobe::ACTIVE.into());
    store.transfers.insert(transfer_id.to_owned(), transfer);
}

/// Issues a new approval code for a customer, valid 7 days from `now`, as the
/// Admin Console's "Generate Code" does; `None` for an unknown customer.
///
/// *Assumed*: codes are 8 digits (the reference's text; its examples show 7).
pub fn issue_code(store: &mut Store, customer_id: &str, now: i64) -> Option<Value> {
    store.customers.get(customer_id)?;
    store.last_id += 1;
    let code = format!("{:08}", 40_000_000 + store.last_id % 10_000_000);
    let entry = ApprovalCode {
        customer_id: customer_id.to_owned(),
        expires: now + CODE_LIFETIME,
        transfer_id: None,
    };
    store.approval_codes.insert(code.clone(), entry);
    Some(json!({ "approvalCode": code, "customerId": customer_id, "expires": now + CODE_LIFETIME }))
}
