//! The IMS token client against the sandbox's IMS endpoint and its faults:
//! one fetch for every waiter, failures shared and backed off, a bounded
//! answer, and any `expires_in` taken without a panic.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// Arms a fault on the sandbox's IMS token endpoint for `times` calls.
async fn arm_ims(h: &Harness, fault: Value, times: u32) {
    let body = json!({ "route": "imsToken", "fault": fault, "times": times });
    h.admin(reqwest::Method::POST, "faults", &body).await;
}

fn reseller_path() -> String {
    format!("/v3/resellers/{OWN}")
}

#[tokio::test]
async fn waiters_share_one_failed_fetch_and_the_client_backs_off() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    arm_ims(&h, json!({ "kind": "serverError", "status": 500 }), 1000).await;
    let path = reseller_path();
    let calls: Vec<_> = (0..20).map(|_| h.get(&path, &token)).collect();
    let results = join_all(calls).await;
    for (status, body) in &results {
        assert_eq!(*status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert_eq!(body["code"], "no_upstream_token", "{body}");
    }
    assert_eq!(h.seen().ims_calls, 1, "one fetch for twenty waiters");
    // While IMS is down, the client waits before asking again.
    let (status, _) = h.get(&reseller_path(), &token).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(h.seen().ims_calls, 1, "backing off");
    // IMS is back; after the back-off one fetch serves again.
    h.admin(reqwest::Method::DELETE, "faults", &Value::Null)
        .await;
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let (status, body) = h.get(&reseller_path(), &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(h.seen().ims_calls, 2);
}

#[tokio::test]
async fn consecutive_failures_back_off_longer() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    arm_ims(&h, json!({ "kind": "serverError", "status": 503 }), 1000).await;
    let mut fetches = Vec::new();
    for _ in 0..12 {
        h.get(&reseller_path(), &token).await;
        fetches.push(h.seen().ims_calls);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // Twelve calls 250 ms apart (3 s and their own latency): pauses of 0.5,
    // 1, 2, 4 s (each up to a quarter longer) allow three fetches, four on a
    // slow machine; without a back-off, twelve.
    let last = *fetches.last().unwrap_or(&0);
    assert!((2..=4).contains(&last), "{fetches:?}");
}

#[tokio::test]
async fn absurd_token_lifetimes_are_clamped_not_a_panic() {
    for expires_in in [json!(u64::MAX), json!(-5), json!(1e300), json!(0)] {
        let h = start().await;
        let token = jwt("alice", &[OWN]);
        arm_ims(&h, json!({ "kind": "expiresIn", "value": expires_in }), 1).await;
        let (status, body) = h.get(&reseller_path(), &token).await;
        assert_eq!(status, StatusCode::OK, "expires_in {expires_in}: {body}");
        // The next call still has a token (no fetch storm for a zero lifetime).
        let (status, _) = h.get(&reseller_path(), &token).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(h.seen().ims_calls, 1, "expires_in {expires_in}");
    }
}

#[tokio::test]
async fn an_oversized_ims_answer_is_refused() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    arm_ims(&h, json!({ "kind": "hugeBody", "bytes": 4_000_000 }), 1).await;
    let (status, body) = h.get(&reseller_path(), &token).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["code"], "no_upstream_token");
    assert_eq!(h.seen().api_calls, 0);
}
