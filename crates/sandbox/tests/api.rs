//! End-to-end tests: every call is built by the core's request builders and
//! every answer read by the core's parser, against the router in memory.

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use vipmp::request::Endpoint;
use vipmp::response::{Body as Parsed, parse};
use vipmp_sandbox::{Config, Sandbox, seed};

mod support;

/// A demo sandbox with the admin routes on and a token.
async fn demo() -> (Sandbox, String) {
    let config = Config {
        admin: true,
        ..Config::default()
    };
    let sandbox = seed::sandbox(config, seed::parse(seed::DEMO).expect("seed")).expect("date");
    let token = support::token(&sandbox).await;
    (sandbox, token)
}

/// Builds a call with the core and sends it.
async fn call(
    sandbox: &Sandbox,
    token: &str,
    endpoint: Endpoint,
    input: Value,
    ids: (&str, &str),
) -> (u16, String) {
    support::send_built(sandbox, token, endpoint, input, ids).await
}

/// Advances the sandbox clock through the admin route.
async fn advance(sandbox: &Sandbox, seconds: i64) {
    let request = Request::post("/admin/clock")
        .header("content-type", "application/json")
        .body(Body::from(json!({ "seconds": seconds }).to_string()))
        .expect("request");
    assert_eq!(support::send(sandbox, request).await.0, 200);
}

/// Arms a fault through the admin route.
async fn arm(sandbox: &Sandbox, fault: Value) {
    let request = Request::post("/admin/faults")
        .header("content-type", "application/json")
        .body(Body::from(fault.to_string()))
        .expect("request");
    assert_eq!(support::send(sandbox, request).await.0, 200);
}

fn order_body(order_type: &str, quantity: u64) -> Value {
    json!({ "orderType": order_type, "currencyCode": "USD",
            "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": quantity }] })
}

/// Places a NEW order and lets it settle; answers its ID.
async fn settled_order(sandbox: &Sandbox, token: &str, tag: &str) -> String {
    let input = json!({ "params": { "customerId": "6000000201" }, "body": order_body("NEW", 5) });
    let (status, text) = call(sandbox, token, Endpoint::CreateOrder, input, (tag, tag)).await;
    assert_eq!(status, 201, "{text}");
    let Some(Parsed::Order(order)) = parse(Endpoint::CreateOrder, status, &text).body else {
        panic!("{text}")
    };
    assert_eq!(order.status.as_deref(), Some("1002"));
    advance(sandbox, 60).await;
    order.order_id.expect("id")
}

#[tokio::test]
async fn a_new_order_settles_with_the_clock_and_creates_subscriptions() {
    let (sandbox, token) = demo().await;
    let id = settled_order(&sandbox, &token, "o1").await;
    let input = json!({ "params": { "customerId": "6000000201", "orderId": id } });
    let (status, text) = call(&sandbox, &token, Endpoint::GetOrder, input, ("g1", "g1")).await;
    let parsed = parse(Endpoint::GetOrder, status, &text);
    let Some(Parsed::Order(order)) = parsed.body else {
        panic!("{text}")
    };
    assert_eq!(order.status.as_deref(), Some("1000"));
    assert!(order.line_items[0].subscription_id.is_some());
    let input = json!({ "params": { "customerId": "6000000201" } });
    let (status, text) = call(
        &sandbox,
        &token,
        Endpoint::GetCustomer,
        input.clone(),
        ("g2", "g2"),
    )
    .await;
    let Some(Parsed::Customer(customer)) = parse(Endpoint::GetCustomer, status, &text).body else {
        panic!("{text}")
    };
    assert_eq!(customer.coterm_date.as_deref(), Some("2025-02-01"));
    assert!(!customer.discounts.is_empty());
    let (status, text) = call(
        &sandbox,
        &token,
        Endpoint::ListSubscriptions,
        input,
        ("g3", "g3"),
    )
    .await;
    let Some(Parsed::Subscriptions(list)) = parse(Endpoint::ListSubscriptions, status, &text).body
    else {
        panic!("{text}")
    };
    assert_eq!(list.items[0].current_quantity, 5);
}

#[tokio::test]
async fn replay_4119_and_4120() {
    let (sandbox, token) = demo().await;
    let input = json!({ "params": { "customerId": "6000000201" }, "body": order_body("NEW", 1) });
    let first = call(
        &sandbox,
        &token,
        Endpoint::CreateOrder,
        input.clone(),
        ("c1", "r1"),
    )
    .await;
    let again = call(
        &sandbox,
        &token,
        Endpoint::CreateOrder,
        input.clone(),
        ("c1", "r2"),
    )
    .await;
    assert_eq!(first, again, "the stored response is replayed");
    let duplicate = call(&sandbox, &token, Endpoint::CreateOrder, input, ("c2", "r1")).await;
    let error = parse(Endpoint::CreateOrder, duplicate.0, &duplicate.1)
        .error
        .expect("error");
    assert_eq!((error.http_status, error.code.as_str()), (400, "4120"));
    let request = Request::get("/v3/customers/6000000201")
        .header("x-api-key", "sandbox-client")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .expect("request");
    let (status, text) = support::send(&sandbox, request).await;
    assert_eq!(
        parse(Endpoint::GetCustomer, status, &text)
            .error
            .map(|e| e.code),
        Some("4119".into())
    );
}

#[tokio::test]
async fn errors_are_replayed_too_and_auth_is_checked() {
    let (sandbox, token) = demo().await;
    let input = json!({ "params": { "customerId": "6000000999" } });
    let (status, text) = call(
        &sandbox,
        &token,
        Endpoint::GetCustomer,
        input.clone(),
        ("e1", "e1"),
    )
    .await;
    assert_eq!(
        parse(Endpoint::GetCustomer, status, &text)
            .error
            .map(|e| e.code),
        Some("1116".into())
    );
    assert_eq!(
        call(
            &sandbox,
            &token,
            Endpoint::GetCustomer,
            input.clone(),
            ("e1", "e2")
        )
        .await
        .0,
        404
    );
    let (status, text) = call(
        &sandbox,
        "forged",
        Endpoint::GetCustomer,
        input,
        ("e3", "e3"),
    )
    .await;
    assert_eq!(
        parse(Endpoint::GetCustomer, status, &text)
            .error
            .map(|e| e.code),
        Some("4116".into())
    );
}

#[tokio::test]
async fn a_return_within_14_days_flips_lines_to_1008_and_later_is_refused() {
    let (sandbox, token) = demo().await;
    let first = settled_order(&sandbox, &token, "n1").await;
    let mut body = order_body("RETURN", 5);
    body["referenceOrderId"] = json!(first);
    let input = json!({ "params": { "customerId": "6000000201" }, "body": body });
    let (status, text) = call(&sandbox, &token, Endpoint::CreateOrder, input, ("r1", "r1")).await;
    assert_eq!(status, 201, "{text}");
    let get = json!({ "params": { "customerId": "6000000201", "orderId": first } });
    let (status, text) = call(&sandbox, &token, Endpoint::GetOrder, get, ("r2", "r2")).await;
    let Some(Parsed::Order(order)) = parse(Endpoint::GetOrder, status, &text).body else {
        panic!("{text}")
    };
    assert_eq!(order.status.as_deref(), Some("1008"));

    let second = settled_order(&sandbox, &token, "n2").await;
    advance(&sandbox, 15 * 86_400).await;
    let token = support::token(&sandbox).await;
    let mut body = order_body("RETURN", 5);
    body["referenceOrderId"] = json!(second);
    let input = json!({ "params": { "customerId": "6000000201" }, "body": body });
    let (status, text) = call(&sandbox, &token, Endpoint::CreateOrder, input, ("r3", "r3")).await;
    assert_eq!(
        parse(Endpoint::CreateOrder, status, &text)
            .error
            .map(|e| e.code),
        Some("2134".into())
    );
}

/// A RETURN of `quantity` units of line 1 of `reference`; answers Adobe's
/// code on a refusal, else the status.
async fn return_of(
    sandbox: &Sandbox,
    token: &str,
    reference: &str,
    quantity: u64,
    id: &str,
) -> String {
    let mut body = order_body("RETURN", quantity);
    body["referenceOrderId"] = json!(reference);
    let input = json!({ "params": { "customerId": "6000000201" }, "body": body });
    let (status, text) = call(sandbox, token, Endpoint::CreateOrder, input, (id, id)).await;
    let parsed = parse(Endpoint::CreateOrder, status, &text);
    parsed.error.map_or_else(|| status.to_string(), |e| e.code)
}

#[tokio::test]
async fn partial_returns_are_capped_by_what_is_left_on_the_line() {
    let (sandbox, token) = demo().await;
    let bought = settled_order(&sandbox, &token, "p1").await;
    assert_eq!(return_of(&sandbox, &token, &bought, 3, "p2").await, "201");
    assert_eq!(
        return_of(&sandbox, &token, &bought, 3, "p3").await,
        "RETURN_QTY_EXCEEDS_REMAINING"
    );
    assert_eq!(return_of(&sandbox, &token, &bought, 2, "p4").await, "201");
    assert_eq!(return_of(&sandbox, &token, &bought, 1, "p5").await, "2133");
}

#[tokio::test]
async fn fault_modes() {
    let (sandbox, token) = demo().await;
    let input = json!({ "params": { "customerId": "6000000201" } });
    arm(
        &sandbox,
        json!({ "route": "getCustomer", "fault": { "kind": "serverError", "status": 503 } }),
    )
    .await;
    let (status, text) = call(
        &sandbox,
        &token,
        Endpoint::GetCustomer,
        input.clone(),
        ("f1", "f1"),
    )
    .await;
    assert!(
        parse(Endpoint::GetCustomer, status, &text)
            .error
            .is_some_and(|e| e.retryable && e.http_status == 503)
    );
    arm(
        &sandbox,
        json!({ "route": "getCustomer", "fault": { "kind": "tooManyRequests" } }),
    )
    .await;
    let (status, _) = call(
        &sandbox,
        &token,
        Endpoint::GetCustomer,
        input.clone(),
        ("f1", "f1"),
    )
    .await;
    assert_eq!(status, 429);
    arm(
        &sandbox,
        json!({ "route": "getCustomer", "fault": { "kind": "truncate" } }),
    )
    .await;
    assert_eq!(
        call(
            &sandbox,
            &token,
            Endpoint::GetCustomer,
            input.clone(),
            ("f2", "f2")
        )
        .await
        .0,
        0
    );
    // Reset before: nothing recorded, the retry with the same IDs runs.
    let order = json!({ "params": { "customerId": "6000000201" }, "body": order_body("NEW", 1) });
    arm(
        &sandbox,
        json!({ "route": "createOrder", "fault": { "kind": "resetBefore" } }),
    )
    .await;
    assert_eq!(
        call(
            &sandbox,
            &token,
            Endpoint::CreateOrder,
            order.clone(),
            ("f3", "f3")
        )
        .await
        .0,
        0
    );
    assert_eq!(
        call(
            &sandbox,
            &token,
            Endpoint::CreateOrder,
            order.clone(),
            ("f3", "f3")
        )
        .await
        .0,
        201
    );
    // Reset after: the order exists; the retry replays the stored 201.
    arm(
        &sandbox,
        json!({ "route": "createOrder", "fault": { "kind": "resetAfter" } }),
    )
    .await;
    assert_eq!(
        call(
            &sandbox,
            &token,
            Endpoint::CreateOrder,
            order.clone(),
            ("f4", "f4")
        )
        .await
        .0,
        0
    );
    let (status, text) = call(&sandbox, &token, Endpoint::CreateOrder, order, ("f4", "f5")).await;
    assert_eq!(status, 201, "{text}");
    let history = json!({ "params": { "customerId": "6000000201" } });
    let (status, text) = call(
        &sandbox,
        &token,
        Endpoint::GetOrderHistory,
        history,
        ("f6", "f6"),
    )
    .await;
    let Some(Parsed::Orders(orders)) = parse(Endpoint::GetOrderHistory, status, &text).body else {
        panic!("{text}")
    };
    assert_eq!(orders.total_count, Some(2));
}

#[tokio::test(start_paused = true)]
async fn a_delay_holds_the_answer() {
    let (sandbox, token) = demo().await;
    arm(
        &sandbox,
        json!({ "route": "ping", "fault": { "kind": "delay", "ms": 5000 } }),
    )
    .await;
    let started = tokio::time::Instant::now();
    let (status, text) = call(&sandbox, &token, Endpoint::Ping, json!({}), ("p1", "p1")).await;
    assert_eq!((status, text.as_str()), (200, "pong"));
    assert!(started.elapsed() >= std::time::Duration::from_secs(5));
}

#[tokio::test]
async fn the_admin_route_is_off_unless_enabled() {
    let sandbox =
        seed::sandbox(Config::default(), seed::parse(seed::DEMO).expect("seed")).expect("date");
    let request = Request::get("/admin/clock")
        .body(Body::empty())
        .expect("request");
    assert_ne!(support::send(&sandbox, request).await.0, 200);
}

/// How many orders the history of the demo customer lists.
async fn listed(sandbox: &Sandbox, token: &str, tag: &str) -> usize {
    let input = json!({ "params": { "customerId": "6000000201" } });
    let (status, text) = call(sandbox, token, Endpoint::GetOrderHistory, input, (tag, tag)).await;
    assert_eq!(status, 200, "{text}");
    let page: Value = serde_json::from_str(&text).expect("json");
    page["items"].as_array().map_or(0, Vec::len)
}

/// Waits (real time, generously) until the history lists `count` orders.
async fn until_listed(sandbox: &Sandbox, token: &str, count: usize) {
    for n in 0..200 {
        if listed(sandbox, token, &format!("poll-{n}")).await == count {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the history never listed {count} orders");
}

#[tokio::test]
async fn a_late_create_answers_504_at_once_and_creates_the_order_later() {
    let (sandbox, token) = demo().await;
    arm(
        &sandbox,
        json!({ "route": "createOrder", "fault": { "kind": "lateCreate", "ms": 100 } }),
    )
    .await;
    let input = json!({ "params": { "customerId": "6000000201" }, "body": order_body("NEW", 1) });
    let (status, _) = call(&sandbox, &token, Endpoint::CreateOrder, input, ("lc", "lc")).await;
    assert_eq!(status, 504);
    until_listed(&sandbox, &token, 1).await;
}

#[tokio::test]
async fn the_history_lag_lists_new_orders_late() {
    let (sandbox, token) = demo().await;
    let request = Request::post("/admin/history-lag")
        .header("content-type", "application/json")
        .body(Body::from(json!({ "ms": 1500 }).to_string()))
        .expect("request");
    assert_eq!(support::send(&sandbox, request).await.0, 200);
    let input = json!({ "params": { "customerId": "6000000201" }, "body": order_body("NEW", 1) });
    let (status, _) = call(&sandbox, &token, Endpoint::CreateOrder, input, ("hl", "hl")).await;
    assert_eq!(status, 201);
    assert_eq!(listed(&sandbox, &token, "at-once").await, 0);
    until_listed(&sandbox, &token, 1).await;
}
