//! The built `vipmp-proxy` binary, as a deployment runs it: SIGTERM (what
//! `docker stop`, systemd and Kubernetes send) closes the listener, lets the
//! request in flight finish, and exits 0.

#![cfg(unix)]

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::process::Stdio;
use std::time::Duration;

/// A loopback port nobody listens on right now.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// The proxy binary in front of `sandbox`, listening on `port`.
fn spawn_proxy(sandbox: &str, port: u16) -> tokio::process::Child {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_vipmp-proxy"))
        .env_clear()
        .env("VIPMP_LISTEN", format!("127.0.0.1:{port}"))
        .env("VIPMP_UPSTREAM", sandbox)
        .env("VIPMP_CLIENT_ID", "sandbox-client")
        .env("VIPMP_CLIENT_SECRET", "sandbox-secret")
        .env("VIPMP_JWT_SECRET", SECRET)
        .env(
            "VIPMP_CORRELATION_KEY",
            "test-correlation-key-of-32-bytes-min",
        )
        .env("VIPMP_UPSTREAM_RATE", "1000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn the proxy binary")
}

async fn wait_until_up(http: &reqwest::Client, base: &str) {
    for _ in 0..200 {
        if http.get(format!("{base}/healthz")).send().await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the proxy binary did not come up on {base}");
}

#[tokio::test]
async fn sigterm_lets_the_request_in_flight_finish_then_exits_cleanly() {
    let h = start().await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = spawn_proxy(&h.sandbox, port);
    let http = reqwest::Client::new();
    wait_until_up(&http, &base).await;
    h.arm("getCustomer", json!({ "kind": "delay", "ms": 1200 }))
        .await;
    let token = jwt("alice", &[OWN]);
    let slow = tokio::spawn({
        let request = http
            .get(format!("{base}/v3/customers/{DEMO_CUSTOMER}"))
            .bearer_auth(&token);
        async move { request.send().await }
    });
    // Let the request reach the sandbox's delay, then ask the proxy to stop.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let pid = child.id().expect("pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        reqwest::Client::new()
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_err(),
        "the listener is closed once SIGTERM arrives"
    );
    let response = slow
        .await
        .expect("task")
        .expect("the slow request got an answer");
    assert_eq!(response.status(), StatusCode::OK);
    let exit = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("exits after the request in flight")
        .expect("wait");
    assert!(exit.success(), "{exit:?}");
    let output = child.wait_with_output().await.expect("output");
    let logs = String::from_utf8_lossy(&output.stdout);
    assert!(logs.contains("\"signal\":\"SIGTERM\""), "{logs}");
}

#[tokio::test]
async fn a_short_jwt_secret_stops_the_start_with_a_message_naming_it() {
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_vipmp-proxy"))
        .env_clear()
        .env("VIPMP_LISTEN", format!("127.0.0.1:{}", free_port()))
        .env("VIPMP_CLIENT_ID", "sandbox-client")
        .env("VIPMP_CLIENT_SECRET", "sandbox-secret")
        .env("VIPMP_JWT_SECRET", "short")
        .env(
            "VIPMP_CORRELATION_KEY",
            "test-correlation-key-of-32-bytes-min",
        )
        .output();
    let output = tokio::time::timeout(Duration::from_secs(30), output)
        .await
        .expect("exits")
        .expect("runs");
    assert!(!output.status.success());
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("jwt_secret"), "{errors}");
    assert!(
        !errors.contains("short"),
        "the secret is not echoed: {errors}"
    );
}
