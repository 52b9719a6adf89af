//! A failed IMS token fetch is logged with why (IMS's status and error
//! code, the failures in a row, the pause), and without a secret.
//! Alone in its test binary, as `logs.rs`, so that no other test's thread
//! caches the `tracing` callsites as uninteresting.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;
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

#[tokio::test(flavor = "current_thread")]
async fn a_refused_token_fetch_is_logged_with_status_and_code_but_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let wrong = "a-wrong-client-secret-0123456789";
    let h = start_with(&[("VIPMP_CLIENT_SECRET", wrong)]).await;
    let (status, body) = h
        .get(&format!("/v3/resellers/{OWN}"), &jwt("alice", &[OWN]))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let logs = String::from_utf8_lossy(&captured.0.lock().expect("lock")).into_owned();
    let failure = logs
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|line| line["fields"]["message"] == "IMS token fetch failed")
        .unwrap_or_else(|| panic!("no failure line: {logs}"));
    let reason = failure["fields"]["reason"].as_str().unwrap_or("");
    assert!(reason.contains("401"), "{failure}");
    assert!(reason.contains("invalid_client"), "{failure}");
    assert_eq!(failure["fields"]["failures_in_a_row"], 1, "{failure}");
    assert!(
        failure["fields"]["retry_in_ms"]
            .as_u64()
            .is_some_and(|ms| ms >= 500)
    );
    assert_eq!(failure["level"], "WARN");
    assert!(!logs.contains(wrong), "the secret in the logs");
}
