//! Breadth: every allow-listed route once, the two-reseller matrix on the
//! customer-scoped routes, the inbound body cap, one IMS fetch for 100
//! concurrent callers.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
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

async fn send(
    h: &Harness,
    method: Method,
    path: &str,
    token: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = h.call(method, path, token).header("x-intent-id", "cover-1");
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    read(request.send().await.expect("send")).await
}

#[tokio::test]
async fn every_allowed_route_reaches_the_sandbox_once() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let c = DEMO_CUSTOMER;
    let (status, order, _) = h
        .post(
            &format!("/v3/customers/{c}/orders"),
            &token,
            "cover-order",
            &order_body(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    let o = order["orderId"].as_str().expect("orderId").to_owned();
    let update_customer = json!({ "companyProfile": customer_body(OWN)["companyProfile"] });
    let update_order = json!({ "externalReferenceId": "cart-43" });
    let update_subscription = json!({ "autoRenewal": { "enabled": false } });
    let calls: Vec<(&str, Method, String, Option<&Value>)> = vec![
        (
            "getReseller",
            Method::GET,
            format!("/v3/resellers/{OWN}"),
            None,
        ),
        (
            "listResellerCustomers",
            Method::GET,
            format!("/v3/resellers/{OWN}/customers"),
            None,
        ),
        (
            "getCustomer",
            Method::GET,
            format!("/v3/customers/{c}"),
            None,
        ),
        (
            "updateCustomer",
            Method::PATCH,
            format!("/v3/customers/{c}"),
            Some(&update_customer),
        ),
        (
            "getOrder",
            Method::GET,
            format!("/v3/customers/{c}/orders/{o}"),
            None,
        ),
        (
            "updateOrder",
            Method::PATCH,
            format!("/v3/customers/{c}/orders/{o}"),
            Some(&update_order),
        ),
        (
            "getOrderHistory",
            Method::GET,
            format!("/v3/customers/{c}/orders"),
            None,
        ),
        (
            "getSubscription",
            Method::GET,
            format!("/v3/customers/{c}/subscriptions/ABCDEF0123456789ABCDEF0123456789"),
            None,
        ),
        (
            "listSubscriptions",
            Method::GET,
            format!("/v3/customers/{c}/subscriptions"),
            None,
        ),
        (
            "updateSubscription",
            Method::PATCH,
            format!("/v3/customers/{c}/subscriptions/ABCDEF0123456789ABCDEF0123456789"),
            Some(&update_subscription),
        ),
        (
            "getOpenAcquisitions",
            Method::GET,
            format!("/v3/customers/{c}/open-acquisitions"),
            None,
        ),
        (
            "listCustomerFlexDiscounts",
            Method::GET,
            format!("/v3/customers/{c}/flex-discounts"),
            None,
        ),
        (
            "listDeployments",
            Method::GET,
            format!("/v3/customers/{c}/deployments"),
            None,
        ),
        (
            "getDeployment",
            Method::GET,
            format!("/v3/customers/{c}/deployments/1234567890"),
            None,
        ),
    ];
    let mut covered = vec!["createCustomer", "createOrder"];
    let mut report = Vec::new();
    for (name, method, path, body) in calls {
        let before = h.seen().api_calls;
        let (status, answer) = send(&h, method, &path, &token, body).await;
        let reached = h.seen().api_calls > before;
        let own_refusal = answer.get("error").is_some();
        if !reached || own_refusal {
            report.push(format!("{name}: {status} {answer}"));
        }
        covered.push(name);
    }
    assert!(report.is_empty(), "refused by the proxy: {report:#?}");
    for endpoint in ALLOWED {
        assert!(
            covered.contains(&endpoint.name()),
            "{} not covered",
            endpoint.name()
        );
    }
    // createCustomer, through the proxy too.
    customer_of(&h, OWN).await;
}

#[tokio::test]
async fn the_two_reseller_matrix_on_customer_scoped_routes() {
    let h = start().await;
    let mine = customer_of(&h, OWN).await;
    let theirs = customer_of(&h, OTHER).await;
    let alice = jwt("alice", &[OWN]);
    let templates = [
        "/v3/customers/{}",
        "/v3/customers/{}/orders",
        "/v3/customers/{}/subscriptions",
    ];
    let cases = [
        (mine.as_str(), StatusCode::OK),
        (theirs.as_str(), StatusCode::NOT_FOUND),
        ("6999999999", StatusCode::NOT_FOUND),
        ("not-an-id!", StatusCode::BAD_REQUEST),
    ];
    for template in templates {
        for (customer, expected) in cases {
            let path = template.replace("{}", customer);
            let (status, body) = h.get(&path, &alice).await;
            assert_eq!(status, expected, "{path}: {body}");
        }
    }
    // The other reseller's caller sees the mirror image.
    let bob = jwt("bob", &[OTHER]);
    assert_eq!(
        h.get(&format!("/v3/customers/{theirs}"), &bob).await.0,
        StatusCode::OK
    );
    assert_eq!(
        h.get(&format!("/v3/customers/{mine}"), &bob).await.0,
        StatusCode::NOT_FOUND
    );
    // Writes too: an order on a foreign customer never reaches the sandbox.
    let posts = h.seen().posts;
    let path = format!("/v3/customers/{theirs}/orders");
    assert_eq!(
        h.post(&path, &alice, "x-1", &order_body()).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(h.seen().posts, posts);
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
