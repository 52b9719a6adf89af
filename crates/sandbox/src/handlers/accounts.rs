//! Reseller and customer accounts: create, read, update, list.
//!
//! Accounts are created in status 1002 (pending) and settle to 1000 when the
//! clock reaches them (reference, Create Customer Account: "1002 Pending").
//! A pending reseller may create customers but not be updated (1125;
//! create-reseller-account.txt); any other status than active or pending
//! refuses new customers (1126). The core's validators decide both from the
//! stored accounts in their context.

use super::call::{Call, answer, checked, page};
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use serde_json::Value;
use vipmp::resource::{Customer, Reseller};
use vipmp::validate::{Context, Operation};

/// Merges a partial body into a resource's JSON, objects key by key and
/// everything else replaced.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                merge(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

/// A resource with a partial body applied.
fn patched<T: serde::Serialize + serde::de::DeserializeOwned>(
    resource: &T,
    body: &Value,
) -> Result<T, Answer> {
    let mut value =
        serde_json::to_value(resource).map_err(|_| error(adobe::INTERNAL_SERVER_ERROR))?;
    merge(&mut value, body);
    serde_json::from_value(value).map_err(|_| error(adobe::SOME_FIELDS_INVALID))
}

/// `POST /v3/resellers`.
pub(super) fn create_reseller(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let mut reseller: Reseller = checked(Operation::CreateReseller, call, &call.context())?;
    if !store.distributors.contains_key(&reseller.distributor_id) {
        return Err(error(adobe::INVALID_DISTRIBUTOR));
    }
    let id = store.next_id(5);
    reseller.reseller_id = Some(id.clone());
    reseller.status = Some(adobe::PENDING.into());
    reseller.creation_date = Some(call.timestamp.clone());
    store.schedule("reseller", &id, call.now + call.settle_after);
    let answer = answer(201, &reseller);
    store.resellers.insert(id, reseller);
    Ok(answer)
}

/// The reseller named by the path.
fn reseller<'a>(store: &'a mut Store, call: &Call) -> Result<&'a mut Reseller, Answer> {
    store
        .resellers
        .get_mut(call.param("resellerId"))
        .ok_or_else(|| error(adobe::INVALID_RESELLER))
}

/// `GET /v3/resellers/{resellerId}`.
pub(super) fn get_reseller(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    Ok(answer(200, reseller(store, call)?))
}

/// `PATCH /v3/resellers/{resellerId}`. The core's validator, given the
/// stored reseller, refuses a pending or blocked one (1125) and a changed
/// `distributorId` (1119).
pub(super) fn update_reseller(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let current = reseller(store, call)?;
    let context = Context {
        reseller: Some(current.clone()),
        ..call.context()
    };
    let report = vipmp::validate::run(Operation::UpdateReseller, &call.body, &context);
    if !report.is_valid() {
        return Err(crate::envelope::from_report(&report));
    }
    *current = patched(current, &call.body)?;
    Ok(answer(200, current))
}

/// Whether an account's company name contains a `company-name` filter
/// (*assumed*: a case-insensitive substring match).
fn name_matches(name: &str, call: &Call) -> bool {
    call.query("company-name")
        .is_none_or(|filter| name.to_lowercase().contains(&filter.to_lowercase()))
}

/// Whether an account's status is among the `status` filters.
fn status_matches(status: Option<&str>, call: &Call) -> bool {
    let wanted: Vec<&str> = call
        .query
        .iter()
        .filter(|(key, _)| key == "status")
        .map(|(_, value)| value.as_str())
        .collect();
    wanted.is_empty() || status.is_some_and(|status| wanted.contains(&status))
}

/// `GET /v3/resellers`.
pub(super) fn list_resellers(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let items = store
        .resellers
        .values()
        .filter(|r| name_matches(&r.company_profile.company_name, call))
        .filter(|r| status_matches(r.status.as_deref(), call))
        .filter_map(|r| serde_json::to_value(r).ok())
        .collect();
    page(items, call)
}

/// `POST /v3/customers`. The core's validator, given the reseller, refuses
/// one that is neither active nor pending (1126).
pub(super) fn create_customer(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let reseller_id = call.body.get("resellerId").and_then(Value::as_str);
    let reseller = reseller_id.and_then(|id| store.resellers.get(id)).cloned();
    let known = reseller.is_some();
    let context = Context {
        reseller,
        ..call.context()
    };
    let mut customer: Customer = checked(Operation::CreateCustomer, call, &context)?;
    if !known {
        return Err(error(adobe::INVALID_RESELLER));
    }
    customer.benefits.clear();
    super::three_year::request(&mut customer, &call.body["benefits"]);
    let id = store.next_id(6);
    customer.customer_id = Some(id.clone());
    customer.status = Some(adobe::PENDING.into());
    customer.creation_date = Some(call.timestamp.clone());
    store.schedule("customer", &id, call.now + call.settle_after);
    let answer = answer(201, &customer);
    store.customers.insert(id, customer);
    Ok(answer)
}

/// The customer named by the path.
pub(super) fn customer<'a>(store: &'a mut Store, call: &Call) -> Result<&'a mut Customer, Answer> {
    store
        .customers
        .get_mut(call.param("customerId"))
        .ok_or_else(|| error(adobe::INVALID_CUSTOMER))
}

/// `GET /v3/customers/{customerId}`.
pub(super) fn get_customer(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    Ok(answer(200, customer(store, call)?))
}

/// `PATCH /v3/customers/{customerId}`: profile, 3YC request, global sales.
///
/// The core's validator judges the body against the stored customer (a
/// pending or blocked one cannot be updated, 1125; its `resellerId` cannot
/// change, 1119; its 3YC state: the mutual exclusions of commitment and
/// recommitment requests); a
/// 3YC request is stored REQUESTED beside the commitment in force.
pub(super) fn update_customer(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let id = call.param("customerId").to_owned();
    let active = store
        .subscriptions_of(&id)
        .values()
        .any(|s| s.status == adobe::ACTIVE);
    let renewing = super::levels::renewing_quantities(store, &id);
    let current = customer(store, call)?;
    let context = Context {
        customer: Some(current.clone()),
        has_active_subscriptions: Some(active),
        renewal_quantities: Some(renewing),
        ..call.context()
    };
    let report = vipmp::validate::run(Operation::UpdateCustomer, &call.body, &context);
    if !report.is_valid() {
        return Err(crate::envelope::from_report(&report));
    }
    let mut profile = call.body.clone();
    if let Some(body) = profile.as_object_mut() {
        body.remove("benefits");
    }
    *current = patched(current, &profile)?;
    super::three_year::request(current, &call.body["benefits"]);
    Ok(answer(200, current))
}

/// `GET /v3/resellers/{resellerId}/customers`.
pub(super) fn list_customers(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let reseller_id = call.param("resellerId").to_owned();
    reseller(store, call)?;
    let items = store
        .customers
        .values()
        .filter(|c| c.reseller_id == reseller_id)
        .filter(|c| name_matches(&c.company_profile.company_name, call))
        .filter(|c| status_matches(c.status.as_deref(), call))
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    page(items, call)
}
