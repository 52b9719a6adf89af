//! Breadth: every allow-listed route once, the two-reseller matrix on every
//! customer-scoped route (calls built by the core's request builders), the inbound body cap, one IMS fetch for 100
//! concurrent callers.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::Map;
use serde_json::{Value, json};
use vipmp::request::{self, BuildInput, Endpoint, RequestAddress};
use vipmp_proxy::routes::ALLOWED;

const OTHER: &str = "5000000102";

/// A customer of `reseller`, created through the proxy by its own caller.
async fn customer_of(h: &Harness, reseller: &str) -> String {
    let token = jwt(&format!("owner-{reseller}"), &[reseller]);
    let intent = format!("customer-{reseller}");
    let (status, body, _) = h
        .post("/v3/customers", &token, &intent, &customer_body(reseller))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["customerId"].as_str().expect("customerId").to_owned()
}

#[tokio::test]
async fn every_allowed_route_built_by_the_core_succeeds_through_the_proxy() {
    let h = start().await;
    let mine = owned_by(&h, OWN).await;
    let token = jwt("alice", &[OWN]);
    let mut failed = Vec::new();
    for (n, &endpoint) in ALLOWED.iter().enumerate() {
        let input = if endpoint.template().contains("{customerId}") {
            input_for(endpoint, &mine.customer, &mine, n)
        } else {
            reseller_input(endpoint)
        };
        let spec = request::address(endpoint, &input.address_input())
            .unwrap_or_else(|r| panic!("{}: {r:?}", endpoint.name()));
        let (status, answer, reached) = send_built(&h, &token, &spec, &format!("every-{n}")).await;
        if !(status.is_success() && reached) {
            failed.push(format!("{}: {status} {answer}", endpoint.name()));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// The builder's input for the routes that are not customer-scoped.
fn reseller_input(endpoint: Endpoint) -> BuildInput {
    let mut params = Map::new();
    if endpoint.template().contains("{resellerId}") {
        params.insert("resellerId".into(), json!(OWN));
    }
    let body = (endpoint == Endpoint::CreateCustomer).then(|| customer_body(OWN));
    built_by_the_proxy(params, body)
}

/// The IDs under one customer that the customer-scoped routes need.
struct Owned {
    customer: String,
    order: String,
    subscription: String,
    deployment: String,
}

/// A deployment address abroad (the demo customers are in the US).
fn deployment_body() -> Value {
    json!({ "companyProfile": { "address": { "country": "CA", "region": "ON", "city": "Ottawa",
        "addressLine1": "1 Bank St", "postalCode": "K1A 0B1", "phoneNumber": "6135550100" } } })
}

/// A customer of `reseller` with one settled order and its subscription,
/// all created through the proxy.
async fn owned_by(h: &Harness, reseller: &str) -> Owned {
    let customer = customer_of(h, reseller).await;
    let token = jwt(&format!("owner-{reseller}"), &[reseller]);
    let path = format!("/v3/customers/{customer}/orders");
    let (status, order, _) = h
        .post(&path, &token, &format!("order-{reseller}"), &order_body())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    // Let the sandbox settle the order into a subscription.
    h.admin(Method::POST, "clock", &json!({ "seconds": 120 }))
        .await;
    let (status, list) = h
        .get(&format!("/v3/customers/{customer}/subscriptions"), &token)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let subscription = list["items"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no subscription: {list}"))
        .to_owned();
    let path = format!("/v3/customers/{customer}/deployments");
    let (status, deployment, _) = h
        .post(
            &path,
            &token,
            &format!("deployment-{reseller}"),
            &deployment_body(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{deployment}");
    Owned {
        order: order["orderId"].as_str().expect("orderId").to_owned(),
        deployment: deployment["deploymentId"]
            .as_str()
            .expect("deploymentId")
            .to_owned(),
        customer,
        subscription,
    }
}

/// What the core's builder needs for a customer-scoped endpoint, with the
/// customer given and the other IDs and a valid body taken from `owned`.
fn input_for(endpoint: Endpoint, customer: &str, owned: &Owned, n: usize) -> BuildInput {
    let all = [
        ("customerId", customer),
        ("orderId", owned.order.as_str()),
        ("subscriptionId", owned.subscription.as_str()),
        ("deploymentId", owned.deployment.as_str()),
    ];
    let params: Map<String, Value> = all
        .into_iter()
        .filter(|(name, _)| endpoint.template().contains(&format!("{{{name}}}")))
        .map(|(name, value)| (name.to_owned(), json!(value)))
        .collect();
    let body = match endpoint {
        Endpoint::UpdateCustomer => {
            Some(json!({ "companyProfile": customer_body(OWN)["companyProfile"] }))
        }
        Endpoint::CreateOrder => Some(order_body()),
        Endpoint::UpdateOrder => Some(json!({ "externalReferenceId": format!("cart-{n}") })),
        Endpoint::UpdateSubscription => Some(json!({ "autoRenewal": { "enabled": false } })),
        Endpoint::CreateDeployment => Some(deployment_body()),
        _ => None,
    };
    built_by_the_proxy(params, body)
}

/// The address builder's input: no IDs, the proxy makes its own.
fn built_by_the_proxy(params: Map<String, Value>, body: Option<Value>) -> BuildInput {
    BuildInput {
        params,
        body,
        ..BuildInput::default()
    }
}

/// Sends what the core built through the proxy: status, answer, and whether
/// anything but the ownership lookup reached the sandbox.
async fn send_built(
    h: &Harness,
    token: &str,
    spec: &RequestAddress,
    intent: &str,
) -> (StatusCode, Value, bool) {
    let method = Method::from_bytes(spec.method.as_str().as_bytes()).expect("method");
    let before = h.seen().api_calls;
    let (status, answer) =
        send_raw(h, method, &spec.url(), token, spec.body.as_ref(), intent).await;
    (status, answer, h.seen().api_calls > before)
}

async fn send_raw(
    h: &Harness,
    method: Method,
    url: &str,
    token: &str,
    body: Option<&Value>,
    intent: &str,
) -> (StatusCode, Value) {
    let mut request = h.call(method, url, token).header("x-intent-id", intent);
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    read(request.send().await.expect("send")).await
}

/// Every allow-listed route whose path names a customer.
fn customer_scoped() -> Vec<Endpoint> {
    ALLOWED
        .iter()
        .copied()
        .filter(|e| e.template().contains("{customerId}"))
        .collect()
}

#[tokio::test]
async fn the_two_reseller_matrix_on_every_customer_scoped_route() {
    let h = start().await;
    let mine = owned_by(&h, OWN).await;
    let theirs = owned_by(&h, OTHER).await;
    let alice = jwt("alice", &[OWN]);
    let routes = customer_scoped();
    assert!(routes.len() >= 12, "{routes:?}");
    let mut wrong = Vec::new();
    for (n, endpoint) in routes.into_iter().enumerate() {
        let name = endpoint.name();
        // Own: through to the sandbox, which answers with success.
        let spec = request::address(
            endpoint,
            &input_for(endpoint, &mine.customer, &mine, n).address_input(),
        )
        .unwrap_or_else(|r| panic!("{name}: {r:?}"));
        let (status, answer, reached) = send_built(&h, &alice, &spec, &format!("own-{n}")).await;
        if !(status.is_success() && reached) {
            wrong.push(format!("{name} own: {status} {answer}"));
        }
        // Foreign and missing: 404 from the proxy, no write reaches the sandbox.
        for (who, customer) in [
            ("foreign", theirs.customer.as_str()),
            ("missing", "6999999999"),
        ] {
            let spec = request::address(
                endpoint,
                &input_for(endpoint, customer, &mine, n).address_input(),
            )
            .expect("spec");
            let posts = h.seen().posts;
            let (status, answer, _) = send_built(&h, &alice, &spec, &format!("{who}-{n}")).await;
            let proxys = answer["code"] == "not_found";
            if status != StatusCode::NOT_FOUND || !proxys || h.seen().posts != posts {
                wrong.push(format!("{name} {who}: {status} {answer}"));
            }
        }
        // Malformed: 400 with the Report, nothing sent.
        let url = spec.url().replace(&mine.customer, "not-an-id!");
        let before = h.seen().api_calls;
        let method = Method::from_bytes(spec.method.as_str().as_bytes()).expect("method");
        let (status, answer) = send_raw(&h, method, &url, &alice, spec.body.as_ref(), "bad").await;
        if status != StatusCode::BAD_REQUEST || h.seen().api_calls != before {
            wrong.push(format!("{name} malformed: {status} {answer}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The other reseller's caller sees the mirror image.
    let bob = jwt("bob", &[OTHER]);
    let path = |c: &str| format!("/v3/customers/{c}");
    assert_eq!(h.get(&path(&theirs.customer), &bob).await.0, StatusCode::OK);
    assert_eq!(
        h.get(&path(&mine.customer), &bob).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_body_over_the_cap_is_413() {
    let h = start_with(&[("VIPMP_MAX_BODY_BYTES", "1024")]).await;
    let token = jwt("alice", &[OWN]);
    let mut body = customer_body(OWN);
    body["externalReferenceId"] = json!("x".repeat(2048));
    let (status, _, _) = h.post("/v3/customers", &token, "big-1", &body).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn a_hundred_concurrent_callers_share_one_ims_fetch() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/resellers/{OWN}");
    let calls: Vec<_> = (0..100).map(|_| h.get(&path, &token)).collect();
    let results = join_all(calls).await;
    assert_eq!(results.len(), 100);
    assert!(results.iter().all(|(status, _)| *status == StatusCode::OK));
    assert_eq!(h.seen().ims_calls, 1);
}
