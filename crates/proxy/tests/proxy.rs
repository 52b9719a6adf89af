//! End to end: authentication, the allow-list, reseller scope, headers,
//! the IMS token and derived correlation IDs, through the proxy to the sandbox.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use vipmp_proxy::caller::{self, Claims, Role};

#[tokio::test]
async fn creates_a_customer_then_an_order_with_the_reseller_forced() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let foreign = customer_body("5999999999");
    let (status, customer, _) = h.post("/v3/customers", &token, "c-1", &foreign).await;
    assert_eq!(status, StatusCode::CREATED, "{customer}");
    assert_eq!(customer["resellerId"], OWN);
    let id = customer["customerId"].as_str().expect("id").to_owned();
    let path = format!("/v3/customers/{id}/orders");
    let (status, order, _) = h.post(&path, &token, "o-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(order["customerId"], id.as_str());
    let (status, _) = h.get(&format!("/v3/customers/{id}"), &token).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn callers_without_a_valid_jwt_are_refused() {
    let h = start().await;
    let path = format!("{}/v3/customers/{DEMO_CUSTOMER}", h.proxy);
    let none = h.http.get(&path).send().await.expect("send");
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    let forged = caller::mint(
        &Claims {
            sub: "x".into(),
            resellers: vec![OWN.into()],
            role: Role::Reseller,
            exp: caller::now() + 60,
            aud: "vipmp-proxy".into(),
        },
        &"wrong-secret".to_owned().into(),
    )
    .expect("mint");
    assert_eq!(
        h.get(&format!("/v3/customers/{DEMO_CUSTOMER}"), &forged)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    let alg_none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ1MSIsInJlc2VsbGVycyI6WyI1MDAwMDAwMTAxIl0sInJvbGUiOiJyZXNlbGxlciIsImV4cCI6NDEwMjQ0NDgwMCwiYXVkIjoidmlwbXAtcHJveHkifQ.";
    assert_eq!(
        h.get(&format!("/v3/customers/{DEMO_CUSTOMER}"), alg_none)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn an_invalid_body_is_422_without_reaching_upstream() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let mut body = customer_body(OWN);
    body["companyProfile"]["address"]["postalCode"] = json!("not a zip");
    let (status, answer, _) = h.post("/v3/customers", &token, "bad-1", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer["violations"][0]["path"],
        "companyProfile.address.postalCode"
    );
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn scope_and_allow_list() {
    let h = start().await;
    let other = jwt("bob", &["5000000102"]);
    let own = jwt("alice", &[OWN]);
    assert_eq!(
        h.get(&format!("/v3/customers/{DEMO_CUSTOMER}"), &other)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get(
            &format!("/v3/customers/{DEMO_CUSTOMER}/subscriptions"),
            &other
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get(&format!("/v3/customers/{DEMO_CUSTOMER}"), &own)
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        h.get("/v3/customers/6999999999", &own).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/v3/customers/x!y", &own).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        h.get(&format!("/v3/resellers/{OWN}/customers"), &other)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(h.get("/v3/resellers", &own).await.0, StatusCode::NOT_FOUND);
    assert_eq!(h.get("/admin/state", &own).await.0, StatusCode::NOT_FOUND);
    let delete = h.call(
        reqwest::Method::DELETE,
        &format!("/v3/customers/{DEMO_CUSTOMER}"),
        &own,
    );
    assert_eq!(
        delete.send().await.expect("send").status(),
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn inbound_credentials_and_forwarding_headers_stay_behind() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let response = h
        .call(
            reqwest::Method::GET,
            &format!("/v3/customers/{DEMO_CUSTOMER}"),
            &token,
        )
        .header("cookie", "session=browser-secret")
        .header("x-forwarded-for", "10.0.0.1")
        .header("x-correlation-id", "chosen-by-browser")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    let seen = h.seen();
    let get = |name: &str| {
        seen.last_headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert!(get("cookie").is_none());
    assert!(get("x-forwarded-for").is_none());
    assert_ne!(
        get("x-correlation-id").as_deref(),
        Some("chosen-by-browser")
    );
    let authorization = get("authorization").expect("bearer");
    assert!(
        !authorization.contains(&token),
        "the caller's JWT is not forwarded"
    );
    assert_eq!(get("x-api-key").as_deref(), Some("sandbox-client"));
}

#[tokio::test]
async fn one_ims_token_for_many_callers_refreshed_after_a_401() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{DEMO_CUSTOMER}/subscriptions");
    let calls: Vec<_> = (0..20).map(|_| h.get(&path, &token)).collect();
    for (status, _) in join_all(calls).await {
        assert_eq!(status, StatusCode::OK);
    }
    assert_eq!(h.seen().ims_calls, 1);
    // A day later on the sandbox's clock, its token has expired: 401, one refresh, retry.
    let advance = h
        .http
        .post(format!("{}/admin/clock", h.sandbox))
        .header("content-type", "application/json")
        .body(json!({ "seconds": 86_400 }).to_string())
        .send()
        .await
        .expect("advance");
    assert_eq!(advance.status(), StatusCode::OK);
    assert_eq!(h.get(&path, &token).await.0, StatusCode::OK);
    assert_eq!(h.seen().ims_calls, 2);
}

#[tokio::test]
async fn a_retried_intent_keeps_its_correlation_id_per_caller() {
    let h = start().await;
    let alice = jwt("alice", &[OWN]);
    let carol = jwt("carol", &[OWN]);
    let path = format!("/v3/customers/{DEMO_CUSTOMER}/orders");
    let (s1, first, c1) = h.post(&path, &alice, "cart-7", &order_body()).await;
    let (s2, again, c2) = h.post(&path, &alice, "cart-7", &order_body()).await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(c1, c2);
    assert_eq!(
        first["orderId"], again["orderId"],
        "the sandbox replayed the intent"
    );
    let (_, other, c3) = h.post(&path, &carol, "cart-7", &order_body()).await;
    assert_ne!(c1, c3);
    assert_ne!(first["orderId"], other["orderId"]);
    let (_, _, c4) = h.post(&path, &alice, "cart-8", &order_body()).await;
    assert_ne!(c1, c4);
}
