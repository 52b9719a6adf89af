//! A Redis that answers late (300 ms) or swallows every byte costs callers a
//! bounded wait, and `/healthz` says the proxy is degraded and why. The
//! proxy talks to a real `redis-server` through a relay in this test that
//! passes, delays or swallows the bytes on command.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the relay does with the bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Relay {
    Pass = 0,
    Delay = 1,
    Swallow = 2,
}

/// A TCP relay to `target` on a loopback port; the returned switch sets
/// what it does with the bytes of every connection, new and open.
async fn relay(target: String) -> (String, Arc<AtomicU8>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let mode = Arc::new(AtomicU8::new(Relay::Pass as u8));
    let switch = mode.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(&target).await else {
                continue;
            };
            let (client_read, client_write) = client.into_split();
            let (server_read, server_write) = server.into_split();
            tokio::spawn(pump(client_read, server_write, mode.clone()));
            tokio::spawn(pump(server_read, client_write, mode.clone()));
        }
    });
    (format!("redis://{address}"), switch)
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mode: Arc<AtomicU8>,
) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        let Ok(read) = from.read(&mut buffer).await else {
            return;
        };
        if read == 0 {
            return;
        }
        match mode.load(Ordering::Relaxed) {
            m if m == Relay::Swallow as u8 => continue,
            m if m == Relay::Delay as u8 => tokio::time::sleep(Duration::from_millis(300)).await,
            _ => {}
        }
        if to.write_all(&buffer[..read]).await.is_err() {
            return;
        }
    }
}

async fn health(h: &Harness) -> (Value, Duration) {
    let started = Instant::now();
    let response = h
        .http
        .get(format!("{}/healthz", h.proxy))
        .send()
        .await
        .expect("healthz");
    let (_, body) = read(response).await;
    (body, started.elapsed())
}

/// The latencies of `count` customer reads one after another, sorted.
async fn reads(h: &Harness, count: usize) -> Vec<Duration> {
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{DEMO_CUSTOMER}");
    let mut latencies = Vec::with_capacity(count);
    for _ in 0..count {
        let started = Instant::now();
        let (status, body) = h.get(&path, &token).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        latencies.push(started.elapsed());
    }
    latencies.sort();
    latencies
}

/// A proxy whose Redis (a real `redis-server`, kept running while the
/// returned guard lives) is reached through [`relay`], with callers' shares
/// high enough to stay out of the way; `None` without `redis-server`.
async fn behind_relay() -> Option<(Harness, Arc<AtomicU8>, Redis)> {
    let redis = Redis::start().await?;
    let (url, switch) = relay(redis.url.trim_start_matches("redis://").to_owned()).await;
    let h = start_with(&[
        ("VIPMP_REDIS_URL", url.as_str()),
        ("VIPMP_CALLER_RATE", "1000"),
        ("VIPMP_RESELLER_RATE", "1000"),
    ])
    .await;
    Some((h, switch, redis))
}

/// Reads stay fast through a silent or slow Redis (one call in a while
/// pays one Redis timeout, 250 ms), `/healthz` answers within that timeout
/// and says `degraded` with the reason, and all is well again once Redis is.
#[tokio::test]
async fn a_silent_or_slow_redis_costs_a_bounded_wait_and_shows_on_healthz() {
    let Some((h, switch, _redis)) = behind_relay().await else {
        eprintln!("redis-server not installed: skipped");
        return;
    };
    // Up first: a link that stumbled while the machine was busy starting
    // everything recovers within its 1 s breaker (seen once in CI: one
    // `ParseError` on the first call through the relay).
    let mut body = Value::Null;
    for _ in 0..40 {
        reads(&h, 1).await;
        body = health(&h).await.0;
        if body["status"] == "ok" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(body["status"], "ok", "{body}");

    for mode in [Relay::Swallow, Relay::Delay] {
        switch.store(mode as u8, Ordering::Relaxed);
        let latencies = reads(&h, 30).await;
        let (median, slowest) = (latencies[15], latencies[29]);
        assert!(median < Duration::from_millis(100), "median {median:?}");
        assert!(slowest < Duration::from_millis(800), "slowest {slowest:?}");
        let (body, took) = health(&h).await;
        assert!(took < Duration::from_millis(600), "healthz took {took:?}");
        assert_eq!(body["status"], "degraded", "{body}");
        assert_eq!(body["redis"]["state"], "down", "{body}");
        let reason = body["reason"].as_str().unwrap_or_default();
        assert!(reason.contains("did not answer within 250 ms"), "{body}");
        assert_eq!(body["pacer"]["mode"], "fallback", "{body}");
        assert_eq!(body["fairness"]["mode"], "fallback", "{body}");
        switch.store(Relay::Pass as u8, Ordering::Relaxed);
        // The link probes again after a second; the relay's old connection
        // may still hold swallowed bytes, so the probe reconnects.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let (body, _) = health(&h).await;
        assert_eq!(body["status"], "ok", "{body}");
        assert_eq!(body["redis"]["state"], "up", "{body}");
    }
}

/// Where Adobe must never see more than the rate, even when only some
/// instances lose Redis, the pacer can fail closed: no upstream call at all
/// while Redis cannot be used, a prompt 503, and `/healthz` says why.
#[tokio::test]
async fn a_pacer_set_to_refuse_sends_nothing_without_redis() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let url = format!("redis://{closed}");
    let h = start_with(&[
        ("VIPMP_REDIS_URL", url.as_str()),
        ("VIPMP_PACER_WITHOUT_REDIS", "refuse"),
    ])
    .await;
    let token = jwt("alice", &[OWN]);
    for _ in 0..3 {
        let started = Instant::now();
        let (status, body) = h.get(&format!("/v3/resellers/{OWN}"), &token).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert_eq!(body["code"], "upstream_busy", "{body}");
        assert!(started.elapsed() < Duration::from_millis(800));
    }
    assert_eq!(h.seen().api_calls, 0, "nothing reached the upstream");
    let (body, _) = health(&h).await;
    assert_eq!(body["status"], "degraded", "{body}");
    assert!(
        body["reason"].as_str().is_some_and(|r| r.contains("redis")),
        "{body}"
    );
}

/// An order through a silent Redis: the intent's outcome and claim fall back
/// to this instance's memory through the one Redis link, so the order is
/// placed once and the silence costs it one Redis timeout at most (the
/// link's breaker answers the intent's other Redis calls at once), not one
/// timeout for each of them.
#[tokio::test]
async fn an_order_through_a_silent_redis_is_placed_once_and_waits_one_timeout_at_most() {
    let Some((h, switch, _redis)) = behind_relay().await else {
        eprintln!("redis-server not installed: skipped");
        return;
    };
    let before = h.orders_of(DEMO_CUSTOMER).await;
    switch.store(Relay::Swallow as u8, Ordering::Relaxed);
    let path = format!("{}/v3/customers/{DEMO_CUSTOMER}/orders", h.proxy);
    for attempt in 0..2 {
        let started = Instant::now();
        let response = h
            .http
            .post(&path)
            .bearer_auth(jwt("alice", &[OWN]))
            .header("x-intent-id", "silent-redis-order")
            .header("content-type", "application/json")
            .body(order_body().to_string())
            .send()
            .await
            .expect("send");
        let reconciled = header(&response, "x-vipmp-reconciled");
        let (status, body) = read(response).await;
        let took = started.elapsed();
        assert_eq!(status, StatusCode::CREATED, "attempt {attempt}: {body}");
        assert!(
            took < Duration::from_millis(700),
            "attempt {attempt} took {took:?}"
        );
        if attempt == 1 {
            assert_eq!(reconciled, "remembered", "the repeat answered from memory");
        }
    }
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, before + 1);
}
