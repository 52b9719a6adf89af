//! The customer's newer read-mostly resources: deployments (worldwide
//! "global sales" addresses), licences pending a partner order (open
//! acquisitions) and the reusable flexible discounts a customer has used.
//! Thin on purpose: enough for a storefront and the proxy to exercise the
//! routes, every shape *assumed* from FACTS.md §1.2's one-line descriptions.

use super::accounts::customer;
use super::call::{Call, checked, page};
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use serde_json::{Value, json};
use vipmp::validate::{Context, Operation};

/// `POST /v3/customers/{customerId}/deployments`: a deployment address in
/// another country than the customer's. The core's validator judges the
/// body against the stored customer (1141 in its own country; 1117, or 1118
/// when only the address is wrong).
///
/// *Assumed*: deployment IDs are 10 digits starting with 8; global-sales
/// enablement (1139/1140) is not checked; the deployment is active (1000) at
/// once.
pub(super) fn create_deployment(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let context = with_customer(store, call)?;
    let _: Value = checked(Operation::CreateDeployment, call, &context)?;
    let id = store.next_id(8);
    let deployment = json!({
        "deploymentId": id,
        "companyProfile": call.body["companyProfile"],
        "status": adobe::ACTIVE,
        "creationDate": call.timestamp,
        "links": { "self": { "uri": format!("/v3/customers/{}/deployments/{id}", call.param("customerId")), "method": "GET", "headers": [] } },
    });
    store
        .deployments
        .entry(call.param("customerId").to_owned())
        .or_default()
        .insert(id, deployment.clone());
    Ok(Answer::ok(201, deployment))
}

/// `PATCH /v3/customers/{customerId}/deployments/{deploymentId}`: the core's
/// validator judges the body as on create (the profile optional); an unknown
/// deployment is 2138. *Assumed*: the body's `companyProfile` replaces the
/// stored one, nothing else is kept.
pub(super) fn update_deployment(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let context = with_customer(store, call)?;
    let _: Value = checked(Operation::UpdateDeployment, call, &context)?;
    let deployment = deployments_of(store, call)
        .get_mut(call.param("deploymentId"))
        .ok_or_else(|| error(adobe::INVALID_DEPLOYMENT))?;
    if let Some(profile) = call.body.get("companyProfile") {
        deployment["companyProfile"] = profile.clone();
    }
    Ok(Answer::ok(200, deployment.clone()))
}

/// A validation context holding the customer of the path (1116 when unknown).
pub(super) fn with_customer(store: &mut Store, call: &Call) -> Result<Context, Answer> {
    Ok(Context {
        customer: Some(customer(store, call)?.clone()),
        ..call.context()
    })
}

/// `GET /v3/customers/{customerId}/deployments`, paged.
pub(super) fn list_deployments(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    customer(store, call)?;
    let items = deployments_of(store, call).values().cloned().collect();
    page(items, call)
}

/// `GET /v3/customers/{customerId}/deployments/{deploymentId}`; an unknown
/// one is 2138 "Invalid Deployment" (*assumed*: the code Create Order uses).
pub(super) fn get_deployment(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    customer(store, call)?;
    deployments_of(store, call)
        .get(call.param("deploymentId"))
        .map(|deployment| Answer::ok(200, deployment.clone()))
        .ok_or_else(|| error(adobe::INVALID_DEPLOYMENT))
}

fn deployments_of<'a>(
    store: &'a mut Store,
    call: &Call,
) -> &'a mut std::collections::BTreeMap<String, Value> {
    store
        .deployments
        .entry(call.param("customerId").to_owned())
        .or_default()
}

/// `GET /v3/customers/{customerId}/open-acquisitions`: the sandbox has no
/// licences pending a partner order, so the list is empty.
pub(super) fn open_acquisitions(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    customer(store, call)?;
    Ok(Answer::ok(
        200,
        json!({ "customerId": call.param("customerId"), "unpaidLicenses": [] }),
    ))
}

/// `GET /v3/customers/{customerId}/flex-discounts`: the sandbox grants no
/// flexible discounts, so the page is empty.
pub(super) fn customer_flex_discounts(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    customer(store, call)?;
    page(Vec::new(), call)
}
