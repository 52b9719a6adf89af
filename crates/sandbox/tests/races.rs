//! The concurrent mode: with a race window, a call's replay check and its
//! processing are two steps with the lock released between them, as in a
//! backend without a transactional idempotency check, so two calls under one
//! correlation ID that overlap both run. Off (the default), every call is
//! checked and processed under one lock and the second is a replay.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::{self, Auth, BuildInput, Endpoint, Ids};

/// The demo customer's order, built by the core under `correlation_id`
/// (a fresh request ID each).
fn order_request(
    demo: &Demo,
    correlation_id: &str,
    n: u32,
) -> axum::http::Request<axum::body::Body> {
    let input = json!({ "params": { "customerId": "6000000201" }, "body": { "orderType": "NEW",
        "currencyCode": "USD", "lineItems": [{ "extLineItemNumber": 1,
        "offerId": "65304479CA01A12", "quantity": 1 }] } });
    let mut input: BuildInput = serde_json::from_value(input).expect("input");
    input.ids = Ids {
        correlation_id: correlation_id.into(),
        request_id: format!("{correlation_id}-{n}"),
    };
    input.auth = Auth {
        api_key: Some("sandbox-client".into()),
        access_token: Some(demo.token.clone()),
    };
    let spec = request::build(Endpoint::CreateOrder, &input).expect("valid");
    let mut builder = axum::http::Request::builder()
        .method(spec.method.as_str())
        .uri(spec.url());
    for (name, value) in &spec.headers {
        builder = builder.header(name, value);
    }
    let body = spec.body.map(|b| b.to_string()).unwrap_or_default();
    builder.body(axum::body::Body::from(body)).expect("request")
}

/// Two overlapping calls under one correlation ID: their order IDs.
async fn two_at_once(demo: &Demo, correlation_id: &str) -> Vec<String> {
    let first = support::send(&demo.sandbox, order_request(demo, correlation_id, 1));
    let second = support::send(&demo.sandbox, order_request(demo, correlation_id, 2));
    let (first, second) = tokio::join!(first, second);
    [first, second]
        .into_iter()
        .map(|(status, text)| {
            assert_eq!(status, 201, "{text}");
            let body: Value = serde_json::from_str(&text).expect("json");
            body["orderId"].as_str().expect("orderId").to_owned()
        })
        .collect()
}

#[tokio::test]
async fn serialized_by_default_an_overlapping_repeat_is_a_replay() {
    let demo = Demo::new(|_| {}).await;
    let ids = two_at_once(&demo, "race-off").await;
    assert_eq!(ids[0], ids[1]);
}

#[tokio::test]
async fn with_a_race_window_overlapping_calls_of_one_id_both_run() {
    let demo = Demo::new(|_| {}).await;
    let (status, answer) = demo
        .admin("/admin/concurrency", json!({ "raceWindowMs": 200 }))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["raceWindowMs"], 200);
    let ids = two_at_once(&demo, "race-on").await;
    assert_ne!(ids[0], ids[1], "the race is visible: two orders");
    // A call after the window still replays the recorded answer.
    let (status, text) = support::send(&demo.sandbox, order_request(&demo, "race-on", 3)).await;
    assert_eq!(status, 201);
    assert!(ids.iter().any(|id| text.contains(id.as_str())), "{text}");
    // Off again: serialized.
    let (status, _) = demo
        .admin("/admin/concurrency", json!({ "raceWindowMs": 0 }))
        .await;
    assert_eq!(status, 200);
    let ids = two_at_once(&demo, "race-off-again").await;
    assert_eq!(ids[0], ids[1]);
}
