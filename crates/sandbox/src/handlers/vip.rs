//! VIP→VIPMP transfers (reference, "VIP to VIPMP Seamless Move"): preview the
//! offers of a VIP membership, transfer it, read the transfer.
//!
//! The VIP memberships are configured by the seed, each with the 5117
//! REASON_CODEs it fails on; `OPEN_PURCHASE_AUTH` is waived by
//! `expire-open-pas=true` and `RETURNABLE_PURCHASE` by
//! `ignore-order-return=true`, as the reference says. A transfer is created in
//! 1002; the clock completes it: the VIPMP customer and its subscriptions are
//! created then.

use super::call::{Call, answer, checked};
use crate::adobe;
use crate::envelope::{Answer, error, failure};
use crate::store::{Store, VipMembership};
use vipmp::date::Date;
use vipmp::resource::{
    AutoRenewal, Customer, Subscription, Transfer, TransferItem, VipTransferRequest,
};
use vipmp::validate::{Context, Operation};

/// `GET /v3/memberships/{membershipId}/offers`.
pub(super) fn preview_offers(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let membership = eligible(store, call)?;
    let transfer = Transfer {
        membership_id: Some(call.param("membershipId").to_owned()),
        creation_date: call.timestamp.clone(),
        total_count: Some(membership.items.len() as u64),
        line_items: numbered(&membership.items),
        ..Transfer::default()
    };
    Ok(answer(200, &transfer))
}

/// `POST /v3/memberships/{membershipId}/transfers`: 202 with a transfer in
/// 1002.
///
/// *Assumed*: the transfer ID is 10 digits starting with 8; the customer ID
/// stays empty until the transfer completes (as the reference's example).
pub(super) fn transfer(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let membership = eligible(store, call)?;
    let context = Context {
        membership_id: Some(call.param("membershipId").to_owned()),
        ..call.context()
    };
    let request: VipTransferRequest = checked(Operation::VipTransfer, call, &context)?;
    let reseller = store
        .resellers
        .get(&request.reseller_id)
        .ok_or_else(|| error(adobe::INVALID_RESELLER))?;
    if reseller.status.as_deref() != Some(adobe::ACTIVE) {
        return Err(error(adobe::TRANSFER_RESELLER_INACTIVE));
    }
    let id = store.next_id(8);
    let transfer = Transfer {
        transfer_id: id.clone(),
        membership_id: Some(call.param("membershipId").to_owned()),
        reseller_id: request.reseller_id,
        creation_date: call.timestamp.clone(),
        status: Some(adobe::PENDING.into()),
        line_items: numbered(&membership.items),
        ..Transfer::default()
    };
    store.schedule("vipTransfer", &id, call.now + call.settle_after);
    let answer = answer(202, &transfer);
    store.transfers.insert(id, transfer);
    Ok(answer)
}

/// `GET /v3/memberships/{membershipId}/transfers/{transferId}`; 5116 when the
/// pair is unknown.
pub(super) fn get(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let membership = call.param("membershipId");
    store
        .transfers
        .get(call.param("transferId"))
        .filter(|transfer| transfer.membership_id.as_deref() == Some(membership))
        .map(|transfer| answer(200, transfer))
        .ok_or_else(|| error(adobe::INVALID_MEMBERSHIP_OR_TRANSFER))
}

/// The membership of the path if it may be transferred now: 5115 unknown,
/// 5118 already transferred, 5121 a transfer in progress, 5120 no admin
/// contacts, 5117 with its remaining REASON_CODEs.
///
/// *Assumed*: the checks run in that order and 5117 lists every remaining
/// reason, one per `additionalDetails` entry.
fn eligible(store: &Store, call: &Call) -> Result<VipMembership, Answer> {
    let id = call.param("membershipId");
    let membership = store
        .memberships
        .get(id)
        .ok_or_else(|| error(adobe::INVALID_MEMBERSHIP))?;
    if membership.customer_id.is_some() {
        return Err(error(adobe::ALREADY_TRANSFERRED));
    }
    let in_progress = store.transfers.values().any(|transfer| {
        transfer.membership_id.as_deref() == Some(id)
            && transfer.status.as_deref() == Some(adobe::PENDING)
    });
    if in_progress {
        return Err(error(adobe::TRANSFER_IN_PROGRESS));
    }
    if membership.company_profile.contacts.is_empty() {
        return Err(error(adobe::TRANSFER_NO_ADMIN));
    }
    let reasons = remaining_problems(membership, call);
    if !reasons.is_empty() {
        return Err(failure(adobe::NOT_ELIGIBLE_FOR_TRANSFER, &reasons));
    }
    Ok(membership.clone())
}

/// The membership's problems the query flags do not waive.
fn remaining_problems(membership: &VipMembership, call: &Call) -> Vec<String> {
    let waived = |reason: &str| match reason {
        "OPEN_PURCHASE_AUTH" => call.flag("expire-open-pas"),
        "RETURNABLE_PURCHASE" => call.flag("ignore-order-return"),
        _ => false,
    };
    membership
        .problems
        .iter()
        .filter(|reason| !waived(reason))
        .cloned()
        .collect()
}

/// The membership's items numbered from 1, subscription IDs blank.
fn numbered(items: &[TransferItem]) -> Vec<TransferItem> {
    items
        .iter()
        .zip(1..)
        .map(|(item, number)| TransferItem {
            line_item_number: number,
            subscription_id: String::new(),
            ..item.clone()
        })
        .collect()
}

/// Completes a VIP transfer: creates the VIPMP customer (1000) under the
/// transfer's reseller with the membership's profile and discounts, one
/// subscription per item, and marks the membership transferred.
///
/// The reference: subscriptions get auto-renewal on; an item whose renewal
/// date has passed becomes an inactive subscription. *Assumed*: the coterm
/// date is the earliest renewal date still ahead (else the earliest).
pub(super) fn complete(store: &mut Store, transfer_id: &str, today: Date) {
    let Some(mut transfer) = store.transfers.get(transfer_id).cloned() else {
        return;
    };
    let membership_id = transfer.membership_id.clone().unwrap_or_default();
    let Some(membership) = store.memberships.get(&membership_id).cloned() else {
        return;
    };
    let customer_id = store.next_id(6);
    let customer = Customer {
        customer_id: Some(customer_id.clone()),
        reseller_id: transfer.reseller_id.clone(),
        company_profile: membership.company_profile.clone(),
        discounts: membership.discounts.clone(),
        coterm_date: coterm_of(&membership.items, today),
        creation_date: Some(transfer.creation_date.clone()),
        status: Some(adobe::ACTIVE.into()),
        ..Customer::default()
    };
    store.customers.insert(customer_id.clone(), customer);
    for item in &mut transfer.line_items {
        item.subscription_id = open_subscription(store, &customer_id, item, today);
    }
    transfer.customer_id = customer_id.clone();
    transfer.status = Some(adobe::ACTIVE.into());
    store.transfers.insert(transfer_id.to_owned(), transfer);
    if let Some(membership) = store.memberships.get_mut(&membership_id) {
        membership.customer_id = Some(customer_id);
    }
}

/// The coterm date of a transferred customer.
fn coterm_of(items: &[TransferItem], today: Date) -> Option<String> {
    let mut dates: Vec<Date> = items
        .iter()
        .filter_map(|item| Date::parse(item.renewal_date.as_deref()?).ok())
        .collect();
    dates.sort();
    let ahead = dates.iter().find(|date| **date >= today);
    ahead.or(dates.first()).map(ToString::to_string)
}

/// Opens the subscription of one transferred item; answers its ID.
fn open_subscription(
    store: &mut Store,
    customer: &str,
    item: &TransferItem,
    today: Date,
) -> String {
    let id = store.next_subscription_id();
    let renewal = item.renewal_date.clone();
    let lapsed = renewal
        .as_deref()
        .and_then(|date| Date::parse(date).ok())
        .is_some_and(|date| date < today);
    let subscription = Subscription {
        subscription_id: id.clone(),
        offer_id: item.offer_id.clone(),
        current_quantity: item.quantity,
        auto_renewal: AutoRenewal {
            enabled: true,
            renewal_quantity: Some(item.quantity),
        },
        creation_date: today.to_string(),
        renewal_date: renewal,
        status: if lapsed {
            adobe::INACTIVE
        } else {
            adobe::ACTIVE
        }
        .into(),
        ..Subscription::default()
    };
    store
        .subscriptions_of(customer)
        .insert(id.clone(), subscription);
    id
}
