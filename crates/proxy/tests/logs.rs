//! The captured logs: one `request` span per call with its route and
//! reseller, the access-log line inside it, no secret anywhere.
//! Alone in its test binary, so that no other test's thread caches the
//! `tracing` callsites as uninteresting while this one's subscriber is set.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::sync::{Arc, Mutex};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("lock")).into_owned()
    }
}

// One thread: the subscriber set for this thread sees the proxy's tasks too.
#[tokio::test(flavor = "current_thread")]
async fn logs_carry_the_reseller_and_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let (status, _, _) = h
        .post(
            &format!("/v3/customers/{DEMO_CUSTOMER}/orders"),
            &token,
            "log-1",
            &order_body(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let mut bad = customer_body(OWN);
    bad["companyProfile"]["address"]["postalCode"] = json!("nope");
    h.post("/v3/customers", &token, "log-2", &bad).await;
    h.get("/v3/customers/6000000201", "not-a-jwt").await;
    let bearer = h
        .seen()
        .last_headers
        .iter()
        .find(|(k, _)| k == "authorization")
        .map(|(_, v)| v.trim_start_matches("Bearer ").to_owned())
        .expect("upstream bearer");
    let logs = captured.text();
    assert!(logs.contains("\"reseller\":\"5000000101\""), "{logs}");
    let access = |message: &str, route: &str| {
        logs.lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find(|line| line["fields"]["message"] == message && line["span"]["route"] == route)
            .unwrap_or_else(|| panic!("no `{message}` line for {route}: {logs}"))
    };
    let created = access("forwarded", "createOrder");
    assert_eq!(created["span"]["name"], "request");
    assert_eq!(created["span"]["method"], "POST");
    assert_eq!(created["span"]["reseller"], OWN);
    assert_eq!(created["fields"]["status"], 201);
    let correlation = created["span"]["correlation_id"].as_str().unwrap_or("");
    assert!(correlation.starts_with("vipmp-"), "{created}");
    assert!(created["span"]["request_id"].is_string(), "{created}");
    assert_eq!(access("refused", "createCustomer")["fields"]["status"], 422);
    assert_eq!(access("refused", "getCustomer")["fields"]["status"], 401);
    assert!(
        logs.contains("forwarded") && logs.contains("refused"),
        "{logs}"
    );
    for secret in [
        "sandbox-secret",
        SECRET,
        "test-correlation-key",
        token.as_str(),
        bearer.as_str(),
    ] {
        assert!(!logs.contains(secret), "a secret in the logs: {secret}");
    }
}
