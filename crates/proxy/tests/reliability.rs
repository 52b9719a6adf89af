//! The retry contract against the sandbox's injected faults: an order is
//! created exactly once whatever goes wrong between the proxy and Adobe.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn orders_path() -> String {
    format!("/v3/customers/{DEMO_CUSTOMER}/orders")
}

/// The harness, with the customer's ownership already learnt so that only
/// the order itself reaches the faulty route afterwards.
async fn warmed(extra: &[(&str, &str)]) -> (Harness, String, usize) {
    let h = start_with(extra).await;
    let token = jwt("alice", &[OWN]);
    let (status, _) = h
        .get(&format!("/v3/customers/{DEMO_CUSTOMER}"), &token)
        .await;
    assert_eq!(status, StatusCode::OK);
    let before = h.orders_of(DEMO_CUSTOMER).await;
    (h, token, before)
}

#[tokio::test]
async fn a_timeout_is_retried_with_the_same_correlation_id_creating_one_order() {
    let (h, token, before) = warmed(&[("VIPMP_UPSTREAM_TIMEOUT_MS", "300")]).await;
    h.arm("createOrder", json!({ "kind": "delay", "ms": 800 }))
        .await;
    let (status, order, _) = h.post(&orders_path(), &token, "t-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(h.seen().posts, 2, "one timed-out attempt, one retry");
    // Let the delayed first attempt finish: it must replay, not order again.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_reset_after_the_order_is_reconciled_by_the_replay() {
    let (h, token, before) = warmed(&[]).await;
    h.arm("createOrder", json!({ "kind": "resetAfter" })).await;
    let (status, order, _) = h.post(&orders_path(), &token, "r-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(h.seen().posts, 2);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
    let (status, again, _) = h.post(&orders_path(), &token, "r-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again["orderId"], order["orderId"]);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_reset_before_the_order_is_retried_once_into_one_order() {
    let (h, token, before) = warmed(&[]).await;
    h.arm("createOrder", json!({ "kind": "resetBefore" })).await;
    let (status, _, _) = h.post(&orders_path(), &token, "rb-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_429_is_retried_after_a_backoff() {
    let (h, token, before) = warmed(&[]).await;
    h.arm("createOrder", json!({ "kind": "tooManyRequests" }))
        .await;
    let started = Instant::now();
    let (status, _, _) = h.post(&orders_path(), &token, "b-1", &order_body()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "backed off"
    );
    assert_eq!(h.seen().posts, 2);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

/// An order with a reference the reconciliation can look for.
fn referenced_order(reference: &str) -> serde_json::Value {
    let mut body = order_body();
    body["externalReferenceId"] = json!(reference);
    body
}

/// Posts an order; the status, the answer and the `X-Vipmp-Reconciled` header.
async fn post_order(
    h: &Harness,
    token: &str,
    intent: &str,
    body: &serde_json::Value,
) -> (StatusCode, serde_json::Value, String) {
    let (status, answer, (_, reconciled)) = h
        .post_with_headers(&orders_path(), token, intent, body)
        .await;
    (status, answer, reconciled)
}

#[tokio::test]
async fn a_5xx_after_the_order_was_created_is_reconciled_from_the_history() {
    let (h, token, before) = warmed(&[]).await;
    h.arm(
        "createOrder",
        json!({ "kind": "serverErrorAfter", "status": 500 }),
    )
    .await;
    let body = referenced_order("cart-5xx-after");
    let (status, order, reconciled) = post_order(&h, &token, "s-after", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(reconciled, "found");
    assert_eq!(order["externalReferenceId"], "cart-5xx-after");
    assert!(order["orderId"].is_string(), "{order}");
    assert_eq!(h.seen().posts, 1, "no second POST");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn the_reconciliation_reads_past_the_first_page_of_the_history() {
    let (h, token, _) = warmed(&[]).await;
    for n in 0..120 {
        let body = referenced_order(&format!("earlier-{n}"));
        let (status, answer, _) = post_order(&h, &token, &format!("earlier-{n}"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
    }
    let before = h.orders_of(DEMO_CUSTOMER).await;
    assert!(before > 100, "{before} orders: more than one page");
    h.arm(
        "createOrder",
        json!({ "kind": "serverErrorAfter", "status": 502 }),
    )
    .await;
    let (status, order, reconciled) =
        post_order(&h, &token, "late", &referenced_order("the-late-one")).await;
    assert_eq!(
        (status, reconciled.as_str()),
        (StatusCode::CREATED, "found"),
        "{order}"
    );
    assert_eq!(order["externalReferenceId"], "the-late-one");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_5xx_before_the_order_was_created_is_retried_once_after_the_history_shows_none() {
    let (h, token, before) = warmed(&[]).await;
    // Adobe's own 5xx, stored and replayed to the same correlation ID.
    h.arm(
        "createOrder",
        json!({ "kind": "serverError", "status": 503, "recorded": true }),
    )
    .await;
    let body = referenced_order("cart-5xx-before");
    let (status, order, reconciled) = post_order(&h, &token, "s-before", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(reconciled, "retried");
    assert_eq!(h.seen().posts, 2, "the first attempt and one retry");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
    // The storefront repeats the intent: the proxy answers from the outcome.
    let (status, again, reconciled) = post_order(&h, &token, "s-before", &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(reconciled, "remembered");
    assert_eq!(again["orderId"], order["orderId"]);
    // A proxy that never saw it (a restart, memory only): the first ID
    // replays its stored 5xx, the history shows the order, the storefront
    // gets it: no second order.
    let (fresh, _stop, _served) = proxy_to(&h.sandbox, &[]).await;
    let response = h
        .http
        .post(format!("{fresh}{}", orders_path()))
        .bearer_auth(&token)
        .header("x-intent-id", "s-before")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(header(&response, "x-vipmp-reconciled"), "found");
    let (status, again) = read(response).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again["orderId"], order["orderId"]);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_5xx_to_the_retry_after_it_created_the_order_is_reconciled_too() {
    let (h, token, before) = warmed(&[]).await;
    h.arm(
        "createOrder",
        json!({ "kind": "serverError", "status": 503, "recorded": true }),
    )
    .await;
    h.arm(
        "createOrder",
        json!({ "kind": "serverErrorAfter", "status": 500 }),
    )
    .await;
    let body = referenced_order("cart-twice-after");
    let (status, order, reconciled) = post_order(&h, &token, "s-twice-after", &body).await;
    assert_eq!(
        (status, reconciled.as_str()),
        (StatusCode::CREATED, "found"),
        "{order}"
    );
    assert_eq!(order["externalReferenceId"], "cart-twice-after");
    assert_eq!(h.seen().posts, 2);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_5xx_is_returned_when_the_retry_fails_too_or_nothing_identifies_the_order() {
    let (h, token, before) = warmed(&[]).await;
    let body = json!({ "route": "createOrder", "fault": { "kind": "serverError", "status": 503 }, "times": 2 });
    h.admin(reqwest::Method::POST, "faults", &body).await;
    let (status, answer, reconciled) =
        post_order(&h, &token, "s-twice", &referenced_order("cart-twice")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        answer["code"], "1124",
        "Adobe's envelope forwarded: {answer}"
    );
    assert_eq!(reconciled, "retried");
    assert_eq!(h.seen().posts, 2, "one retry, no more");
    // Without an externalReferenceId the history cannot tell: no retry.
    h.arm(
        "createOrder",
        json!({ "kind": "serverError", "status": 502 }),
    )
    .await;
    let (status, _, reconciled) = post_order(&h, &token, "s-anon", &order_body()).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(reconciled, "no-reference");
    assert_eq!(h.seen().posts, 3);
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before);
}

/// The harness with a reconciliation window far longer than the sandbox's
/// late creations and listings (400 ms).
async fn patient() -> (Harness, String, usize) {
    warmed(&[("VIPMP_RECONCILE_WINDOW_MS", "8000")]).await
}

#[tokio::test]
async fn a_gateway_504_before_the_backend_creates_the_order_gives_one_order() {
    let (h, token, before) = patient().await;
    h.arm(
        "createOrder",
        json!({ "kind": "lateCreate", "status": 504, "ms": 400 }),
    )
    .await;
    let body = referenced_order("cart-late-create");
    let (status, order, reconciled) = post_order(&h, &token, "late-create", &body).await;
    assert_eq!(
        (status, reconciled.as_str()),
        (StatusCode::CREATED, "found"),
        "{order}"
    );
    assert_eq!(order["externalReferenceId"], "cart-late-create");
    assert_eq!(h.seen().posts, 1, "no second POST");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn an_order_the_history_lists_late_is_found_not_ordered_again() {
    let (h, token, before) = patient().await;
    h.admin(reqwest::Method::POST, "history-lag", &json!({ "ms": 400 }))
        .await;
    h.arm(
        "createOrder",
        json!({ "kind": "serverErrorAfter", "status": 500 }),
    )
    .await;
    let body = referenced_order("cart-listed-late");
    let (status, order, reconciled) = post_order(&h, &token, "listed-late", &body).await;
    assert_eq!(
        (status, reconciled.as_str()),
        (StatusCode::CREATED, "found"),
        "{order}"
    );
    assert_eq!(h.seen().posts, 1, "no second POST");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

#[tokio::test]
async fn a_history_unreadable_for_the_whole_window_is_unknown_and_not_retried() {
    let (h, token, before) = warmed(&[]).await;
    h.arm(
        "createOrder",
        json!({ "kind": "serverError", "status": 503 }),
    )
    .await;
    let unreadable = json!({ "route": "getOrderHistory",
        "fault": { "kind": "serverError", "status": 500 }, "times": 1000 });
    h.admin(reqwest::Method::POST, "faults", &unreadable).await;
    let body = referenced_order("cart-unreadable");
    let (status, _, reconciled) = post_order(&h, &token, "unreadable", &body).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reconciled, "unknown");
    assert_eq!(h.seen().posts, 1, "no retry on an unproven absence");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before);
}

/// A call that must answer: a hang would fail the test, not stall it.
async fn answered(request: reqwest::RequestBuilder) -> reqwest::Response {
    tokio::time::timeout(Duration::from_secs(30), request.send())
        .await
        .expect("answered in time")
        .expect("answered")
}

/// The proxy's own 502 for a broken answer: Adobe's envelope shape, the
/// correlation ID used upstream in the headers.
async fn assert_structured_502(response: reqwest::Response) -> String {
    let correlation_id = header(&response, "x-correlation-id");
    let (status, answer) = read(response).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{answer}");
    assert_eq!(answer["code"], "bad_gateway", "{answer}");
    assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(answer["additionalDetails"].is_array());
    assert!(correlation_id.starts_with("vipmp-"), "{correlation_id:?}");
    correlation_id
}

#[tokio::test]
async fn a_truncated_answer_from_the_sandbox_is_a_structured_502_not_retried() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    h.arm("getReseller", json!({ "kind": "truncate" })).await;
    let request = h.call(
        reqwest::Method::GET,
        &format!("/v3/resellers/{OWN}"),
        &token,
    );
    assert_structured_502(answered(request).await).await;
    assert_eq!(h.seen().api_calls, 1, "an answer arrived: no retry");
}

#[tokio::test]
async fn a_truncated_201_is_a_502_and_the_repeated_intent_gets_the_one_order() {
    let (h, token, before) = warmed(&[]).await;
    h.arm("createOrder", json!({ "kind": "truncate" })).await;
    let post = |intent: &str| {
        h.call(reqwest::Method::POST, &orders_path(), &token)
            .header("x-intent-id", intent)
            .header("content-type", "application/json")
            .body(order_body().to_string())
    };
    let first = assert_structured_502(answered(post("tr-1")).await).await;
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
    // The same intent: Adobe replays the 201 it recorded.
    let response = answered(post("tr-1")).await;
    assert_eq!(header(&response, "x-correlation-id"), first);
    let (status, order) = read(response).await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert!(order["orderId"].is_string(), "{order}");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}

/// An upstream that sends a status line, a `Content-Length` of 100 and 14
/// bytes of body, then closes; it counts the requests it got.
async fn truncating_upstream() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let head =
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n";
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(b"{\"resellerId\":").await;
            let _ = socket.shutdown().await;
        }
    });
    (format!("http://{address}"), count)
}

#[tokio::test]
async fn a_truncated_body_is_a_clear_502_in_adobes_envelope() {
    let sandbox = start().await.sandbox;
    let (upstream, count) = truncating_upstream().await;
    let ims = format!("{sandbox}/ims/token/v3");
    let h = start_with(&[("VIPMP_UPSTREAM", &upstream), ("VIPMP_IMS_URL", &ims)]).await;
    let token = jwt("alice", &[OWN]);
    let (status, answer) = h.get(&format!("/v3/resellers/{OWN}"), &token).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{answer}");
    assert_eq!(answer["code"], "bad_gateway");
    assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(answer["additionalDetails"].is_array());
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "an answer arrived: no retry"
    );
}

#[tokio::test]
async fn a_half_sent_request_is_closed_by_the_header_timeout() {
    let h = start_with(&[("VIPMP_HEADER_READ_TIMEOUT_MS", "200")]).await;
    let address = h.proxy.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    socket
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: proxy\r\nx-slow: ")
        .await
        .expect("write");
    let started = Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the connection was closed");
    assert!(started.elapsed() < Duration::from_secs(2));
    let text = String::from_utf8_lossy(&answer);
    assert!(!text.contains("200 OK"), "{text}");
    // A complete request on a new connection is still served.
    let ok = h.http.get(format!("{}/healthz", h.proxy)).send().await;
    assert_eq!(ok.expect("healthz").status(), StatusCode::OK);
}

#[tokio::test]
async fn graceful_shutdown_finishes_requests_in_flight() {
    let mut h = start().await;
    let token = jwt("alice", &[OWN]);
    h.arm("getReseller", json!({ "kind": "delay", "ms": 400 }))
        .await;
    let request = h
        .call(
            reqwest::Method::GET,
            &format!("/v3/resellers/{OWN}"),
            &token,
        )
        .send();
    let in_flight = tokio::spawn(request);
    tokio::time::sleep(Duration::from_millis(100)).await;
    h.shutdown
        .take()
        .expect("shutdown")
        .send(())
        .expect("signal");
    let response = in_flight.await.expect("join").expect("answered");
    assert_eq!(response.status(), StatusCode::OK);
    let served = h.served.take().expect("served");
    tokio::time::timeout(Duration::from_secs(5), served)
        .await
        .expect("stopped")
        .expect("join");
    let after = reqwest::Client::new()
        .get(format!("{}/healthz", h.proxy))
        .send()
        .await;
    assert!(after.is_err(), "no longer listening");
}
