//! Against a real server on port 0: the connection-reset faults drop the
//! connection before any status line, the truncate fault after half the
//! body; asynchronous order failures and the
//! order-history query check (through the router in memory).

mod support;

use serde_json::json;
use support::Demo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use vipmp::request::Endpoint;
use vipmp::response::Body;

/// What a raw HTTP/1.1 `GET /ping` reads back from the server.
async fn raw_ping(address: std::net::SocketAddr) -> String {
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    let request = "GET /ping HTTP/1.1\r\nhost: sandbox\r\nx-api-key: sandbox-client\r\n\
                   x-correlation-id: raw-1\r\nconnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut read = Vec::new();
    let _ = stream.read_to_end(&mut read).await;
    String::from_utf8_lossy(&read).into_owned()
}

/// The demo's sandbox served on a free loopback port, and its server task.
async fn serve_on_loopback(
    demo: &Demo,
) -> (
    std::net::SocketAddr,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let app = vipmp_sandbox::app(demo.sandbox.clone());
    (
        address,
        tokio::spawn(axum::serve(listener, app).into_future()),
    )
}

#[tokio::test]
async fn a_reset_fault_drops_the_connection_without_a_status_line() {
    let demo = Demo::new(|_| {}).await;
    let (address, server) = serve_on_loopback(&demo).await;
    for kind in ["resetBefore", "resetAfter"] {
        let armed = json!({ "route": "ping", "fault": { "kind": kind } });
        assert_eq!(demo.admin("/admin/faults", armed).await.0, 200);
        let read = raw_ping(address).await;
        assert!(!read.starts_with("HTTP/"), "{kind}: {read:?}");
    }
    assert!(raw_ping(address).await.starts_with("HTTP/1.1 200"));
    server.abort();
}

#[tokio::test]
async fn a_truncate_fault_sends_the_head_and_half_the_body_then_drops() {
    let demo = Demo::new(|_| {}).await;
    let (address, server) = serve_on_loopback(&demo).await;
    let armed = json!({ "route": "ping", "fault": { "kind": "truncate" } });
    assert_eq!(demo.admin("/admin/faults", armed).await.0, 200);
    let read = raw_ping(address).await;
    assert!(read.starts_with("HTTP/1.1 200"), "{read:?}");
    assert!(read.contains("content-length: 4"), "{read:?}");
    assert!(read.ends_with("\r\n\r\npo"), "half of `pong`: {read:?}");
    server.abort();
}

#[tokio::test]
async fn orders_of_a_failing_customer_settle_to_the_seeded_failure() {
    let demo = Demo::new(|seed| {
        seed["store"]["failingOrders"] = json!({ "6000000201": "1024" });
    })
    .await;
    let order = json!({ "params": { "customerId": "6000000201" }, "body": { "orderType": "NEW",
        "currencyCode": "USD", "lineItems": [{ "extLineItemNumber": 1,
        "offerId": "65304479CA01A12", "quantity": 2 }] } });
    let Some(Body::Order(placed)) = demo.call(Endpoint::CreateOrder, order).await.body else {
        panic!("order")
    };
    assert_eq!(placed.status.as_deref(), Some("1002"));
    demo.advance(60).await;
    let get = json!({ "params": { "customerId": "6000000201", "orderId": placed.order_id } });
    let parsed = demo.call(Endpoint::GetOrder, get).await;
    let meaning = parsed.resource_status.map(|m| m.text);
    let Some(Body::Order(order)) = parsed.body else {
        panic!("order")
    };
    assert_eq!(order.status.as_deref(), Some("1024"));
    assert_eq!(meaning, Some("Order failed: customer is inactive"));
    let subscriptions = json!({ "params": { "customerId": "6000000201" } });
    let Some(Body::Subscriptions(list)) = demo
        .call(Endpoint::ListSubscriptions, subscriptions)
        .await
        .body
    else {
        panic!("subscriptions")
    };
    assert!(list.items.is_empty());
}

#[tokio::test]
async fn a_bad_order_history_query_is_refused_by_the_cores_rules() {
    let demo = Demo::new(|_| {}).await;
    let request = axum::http::Request::get("/v3/customers/6000000201/orders?status=abc")
        .header("x-api-key", "sandbox-client")
        .header("authorization", format!("Bearer {}", demo.token))
        .header("x-correlation-id", "h-1")
        .body(axum::body::Body::empty())
        .expect("request");
    let (status, text) = support::send(&demo.sandbox, request).await;
    let error = vipmp::response::parse(Endpoint::GetOrderHistory, status, &text).error;
    assert_eq!(error.map(|e| e.code).as_deref(), Some("1117"), "{text}");
}
