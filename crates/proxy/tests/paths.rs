//! Path parameters that could change the resource called (dot segments,
//! separators, percent-encodings) are refused with 400 before anything
//! reaches the sandbox. Sent over a raw socket: an HTTP client would resolve
//! the dot segments itself before sending.

mod common;

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The status code the proxy answers to a raw `GET path`.
async fn raw_get(h: &Harness, path: &str) -> u16 {
    let address = h.proxy.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    let token = jwt("alice", &[OWN]);
    let request = format!(
        "GET {path} HTTP/1.1\r\nhost: proxy\r\nauthorization: Bearer {token}\r\n\
         connection: close\r\n\r\n"
    );
    socket.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    let read = socket.read_to_end(&mut answer);
    tokio::time::timeout(std::time::Duration::from_secs(20), read)
        .await
        .expect("answered")
        .expect("read");
    let text = String::from_utf8_lossy(&answer);
    let status = text.split(' ').nth(1).unwrap_or("");
    status.parse().unwrap_or_else(|_| panic!("{text}"))
}

#[tokio::test]
async fn dot_segments_and_encoded_separators_are_refused_before_upstream() {
    let h = start().await;
    let base = format!("/v3/customers/{DEMO_CUSTOMER}/deployments");
    for bad in ["..", ".", "%2e%2e", "%2E", "a%2Fb", "..%2f..", "%5c"] {
        let status = raw_get(&h, &format!("{base}/{bad}")).await;
        assert_eq!(status, 400, "{bad}");
    }
    assert_eq!(h.seen().api_calls, 0, "nothing reached the sandbox");
    // A plain deployment ID still goes through the usual checks.
    assert_ne!(raw_get(&h, &format!("{base}/dep-1")).await, 400);
}
