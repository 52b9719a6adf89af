//! The customer's newer read-mostly resources: deployments (worldwide
//! "global sales" addresses), licences pending a partner order (open
//! acquisitions) and the reusable flexible discounts a customer has used.
//! Thin on purpose: enough for a storefront and the proxy to exercise the
//! routes, every shape *assumed* from FACTS.md §1.2's one-line descriptions.

use super::accounts::customer;
use super::call::{Call, page};
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use serde_json::{Value, json};

/// `POST /v3/customers/{customerId}/deployments`: a deployment address in
/// another country than the customer's (1141 otherwise).
///
/// *Assumed*: deployment IDs are 10 digits starting with 8; global-sales
/// enablement (1139/1140) is not checked; the deployment is active (1000) at
/// once.
pub(super) fn create_deployment(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let home = customer(store, call)?
        .company_profile
        .address
        .country
        .clone();
    let country = call.body["companyProfile"]["address"]["country"]
        .as_str()
        .ok_or_else(|| error(adobe::SOME_FIELDS_INVALID))?;
    if country == home {
        return Err(error(adobe::DEPLOYMENT_SAME_COUNTRY));
    }
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
) -> &'a std::collections::BTreeMap<String, Value> {
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
