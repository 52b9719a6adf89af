//! Before the pipeline: a caller is authenticated from the request head,
//! before its body is read; a body has a bounded time to arrive; slots go to
//! authenticated callers with a complete body; and every refusal on the way
//! (401, 408, 413, 503 shed, 504 timeout, a missing intent key) is the
//! proxy's error envelope with its correlation ID, in the body and in the
//! `X-Correlation-Id` header. Slow clients are played over raw TCP.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A raw answer: status, head (lowercase) and body.
struct RawAnswer {
    status: u16,
    head: String,
    body: Value,
}

impl RawAnswer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim() == name).then(|| value.trim())
        })
    }
}

/// A POST head announcing a body of `length` bytes, and its first bytes.
fn slow_post(path: &str, token: Option<&str>, length: usize) -> String {
    let auth = token.map_or(String::new(), |t| format!("authorization: Bearer {t}\r\n"));
    format!(
        "POST {path} HTTP/1.1\r\nhost: proxy\r\ncontent-type: application/json\r\n\
         x-intent-id: slow-1\r\n{auth}content-length: {length}\r\n\r\n{{\"companyProfile\":"
    )
}

async fn connect(h: &Harness) -> TcpStream {
    TcpStream::connect(h.proxy.trim_start_matches("http://"))
        .await
        .expect("connect")
}

/// Reads one answer (head, then `content-length` bytes of body).
async fn read_answer(socket: &mut TcpStream) -> RawAnswer {
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 4096];
    let split = loop {
        if let Some(at) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = socket.read(&mut buffer).await.expect("read");
        assert!(n > 0, "closed before an answer: {bytes:?}");
        bytes.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&bytes[..split]).to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let mut answer = RawAnswer {
        status,
        head,
        body: Value::Null,
    };
    let length: usize = answer
        .header("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = bytes[split + 4..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut buffer).await.expect("read body");
        assert!(n > 0, "body cut");
        body.extend_from_slice(&buffer[..n]);
    }
    answer.body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    answer
}

/// The proxy's envelope: code, message, details, and one correlation ID in
/// the body and the header.
fn assert_envelope(status: u16, code: &str, body: &Value, header: &str) {
    assert_eq!(body["code"], code, "{status}: {body}");
    assert_eq!(body["error"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(body["additionalDetails"].is_array(), "{body}");
    assert!(header.starts_with("vipmp-"), "header {header:?}");
    assert_eq!(body["correlationId"], header, "{body}");
}

async fn assert_reqwest_envelope(response: reqwest::Response, status: StatusCode, code: &str) {
    let id = header(&response, "x-correlation-id");
    let (got, body) = read(response).await;
    assert_eq!(got, status, "{body}");
    assert_envelope(got.as_u16(), code, &body, &id);
}

#[tokio::test]
async fn fifty_slow_bodies_do_not_stop_an_authenticated_get() {
    // Fewer slots than slow sockets: before, each slow body held one.
    let h = start_with(&[("VIPMP_MAX_CONCURRENCY", "16")]).await;
    let token = jwt("alice", &[OWN]);
    let mut sockets = Vec::new();
    for n in 0..50 {
        let mut socket = connect(&h).await;
        let bearer = (n % 2 == 0).then_some(token.as_str());
        let head = slow_post("/v3/customers", bearer, 4000);
        socket.write_all(head.as_bytes()).await.expect("head");
        sockets.push(socket);
    }
    // They keep trickling, one byte now and then.
    let trickle = tokio::spawn(async move {
        for _ in 0..20 {
            for socket in &mut sockets {
                let _ = socket.write_all(b" ").await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        sockets
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let path = format!("/v3/resellers/{OWN}");
    let get = h.get(&path, &token);
    let (status, answer) = tokio::time::timeout(Duration::from_secs(2), get)
        .await
        .expect("answered within 2 s");
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(started.elapsed() < Duration::from_secs(2));
    drop(trickle);
}

#[tokio::test]
async fn an_unauthenticated_slow_body_is_refused_without_waiting_for_it() {
    let h = start().await;
    let mut socket = connect(&h).await;
    let head = slow_post("/v3/customers", None, 4000);
    socket.write_all(head.as_bytes()).await.expect("head");
    let answer = tokio::time::timeout(Duration::from_secs(1), read_answer(&mut socket))
        .await
        .expect("refused before the body came");
    assert_eq!(answer.status, 401, "{}", answer.head);
    let id = answer.header("x-correlation-id").unwrap_or("").to_owned();
    assert_envelope(401, "unauthenticated", &answer.body, &id);
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn a_body_slower_than_its_timeout_is_a_structured_408() {
    let h = start_with(&[("VIPMP_BODY_READ_TIMEOUT_MS", "300")]).await;
    let token = jwt("alice", &[OWN]);
    let mut socket = connect(&h).await;
    let head = slow_post("/v3/customers", Some(&token), 4000);
    socket.write_all(head.as_bytes()).await.expect("head");
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(3), read_answer(&mut socket))
        .await
        .expect("answered after the body timeout");
    assert!(started.elapsed() >= Duration::from_millis(250));
    assert_eq!(answer.status, 408, "{}", answer.head);
    let id = answer.header("x-correlation-id").unwrap_or("").to_owned();
    assert_envelope(408, "body_timeout", &answer.body, &id);
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn a_body_over_the_cap_is_a_413_in_the_envelope() {
    let h = start_with(&[("VIPMP_MAX_BODY_BYTES", "1024")]).await;
    let token = jwt("alice", &[OWN]);
    let mut body = customer_body(OWN);
    body["externalReferenceId"] = json!("x".repeat(2048));
    let response = h
        .call(reqwest::Method::POST, "/v3/customers", &token)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("send");
    assert_reqwest_envelope(response, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large").await;
    assert_eq!(h.seen().api_calls, 0);
}

#[tokio::test]
async fn a_shed_request_is_a_503_in_the_envelope() {
    let h = start_with(&[("VIPMP_MAX_CONCURRENCY", "1")]).await;
    let token = jwt("alice", &[OWN]);
    h.arm("getReseller", json!({ "kind": "delay", "ms": 600 }))
        .await;
    let path = format!("/v3/resellers/{OWN}");
    let slow = h.call(reqwest::Method::GET, &path, &token).send();
    let slow = tokio::spawn(slow);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let shed = h
        .call(reqwest::Method::GET, &path, &token)
        .send()
        .await
        .expect("send");
    assert_reqwest_envelope(shed, StatusCode::SERVICE_UNAVAILABLE, "overloaded").await;
    let first = slow.await.expect("join").expect("answered");
    assert_eq!(first.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_request_over_its_time_is_a_504_in_the_envelope_naming_the_call() {
    let h = start_with(&[
        ("VIPMP_REQUEST_TIMEOUT_MS", "400"),
        ("VIPMP_RECONCILE_WINDOW_MS", "100"),
        ("VIPMP_UPSTREAM_TIMEOUT_MS", "5000"),
    ])
    .await;
    let token = jwt("alice", &[OWN]);
    let (status, _) = h
        .get(&format!("/v3/customers/{DEMO_CUSTOMER}"), &token)
        .await;
    assert_eq!(status, StatusCode::OK, "ownership learnt");
    h.arm("createOrder", json!({ "kind": "delay", "ms": 1500 }))
        .await;
    let response = h
        .call(
            reqwest::Method::POST,
            &format!("/v3/customers/{DEMO_CUSTOMER}/orders"),
            &token,
        )
        .header("x-intent-id", "late-1")
        .header("content-type", "application/json")
        .body(order_body().to_string())
        .send()
        .await
        .expect("send");
    let id = header(&response, "x-correlation-id");
    assert_reqwest_envelope(response, StatusCode::GATEWAY_TIMEOUT, "request_timeout").await;
    // The ID is the one the POST went out with: a repeat of the intent
    // (same caller, intent and body) is sent under it again.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (status, _, again) = h
        .post(
            &format!("/v3/customers/{DEMO_CUSTOMER}/orders"),
            &token,
            "late-1",
            &order_body(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again, id, "the 504 named the intent's correlation ID");
}

#[tokio::test]
async fn an_order_creation_without_an_intent_key_is_refused_naming_the_header() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{DEMO_CUSTOMER}/orders");
    let orders = h.orders_of(DEMO_CUSTOMER).await;
    let response = h
        .call(reqwest::Method::POST, &path, &token)
        .header("content-type", "application/json")
        .body(order_body().to_string())
        .send()
        .await
        .expect("send");
    let id = header(&response, "x-correlation-id");
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_envelope(400, "intent_required", &body, &id);
    assert!(body.to_string().contains("X-Intent-Id"), "{body}");
    assert_eq!(h.seen().posts, 0, "nothing sent upstream");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, orders);
    // A preview creates nothing and needs no intent key.
    let mut preview = order_body();
    preview["orderType"] = json!("PREVIEW");
    let response = h
        .call(reqwest::Method::POST, &path, &token)
        .header("content-type", "application/json")
        .body(preview.to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_refusal_carries_a_correlation_id() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let cases = [
        (h.get("/v3/customers/6000000201", "not-a-jwt"), 401),
        (h.get("/v3/nowhere", &token), 404),
        (h.get("/v3/customers/not-an-id!", &token), 400),
    ];
    for (call, want) in cases {
        let (status, body) = call.await;
        assert_eq!(status.as_u16(), want, "{body}");
        let id = body["correlationId"].as_str().unwrap_or("");
        assert!(id.starts_with("vipmp-"), "{status}: {body}");
    }
}

/// A handler with a bug.
async fn buggy() -> &'static str {
    panic!("a bug while handling a request")
}

#[tokio::test]
async fn a_panic_is_a_500_in_the_envelope_not_a_dropped_connection() {
    let settings = |name: &str| {
        let value = match name {
            "VIPMP_CLIENT_ID" => "sandbox-client",
            "VIPMP_CLIENT_SECRET" => "sandbox-secret",
            "VIPMP_JWT_SECRET" => SECRET,
            "VIPMP_CORRELATION_KEY" => "test-correlation-key-of-32-bytes-min",
            _ => return None,
        };
        Some(value.to_owned())
    };
    let config = vipmp_proxy::config::RawConfig::default()
        .overlay(settings)
        .and_then(vipmp_proxy::config::RawConfig::check)
        .expect("config");
    let shared = std::sync::Arc::new(vipmp_proxy::Shared::new(config).expect("shared"));
    // A route with a bug, behind the layers every route of the proxy has.
    let routes = axum::Router::new().route("/bug", axum::routing::get(buggy));
    let url = serve(vipmp_proxy::guarded(routes, shared)).await;
    let response = reqwest::get(format!("{url}/bug"))
        .await
        .expect("an answer, not a dropped connection");
    assert_reqwest_envelope(
        response,
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
    )
    .await;
}
