//! The outbound pacer, counted at the sandbox: one proxy in memory, and two
//! proxies sharing one Redis (started here on a free loopback port when
//! Debian's `redis-server` is installed; skipped otherwise) that keep
//! serving, at their fallback share, once Redis is stopped.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;
use std::time::{Duration, Instant};

/// The most calls a 20/s pacer may be seen to send in one second, measured
/// where they arrive: 20, one more at the window's edge, and two for calls
/// that left on time but arrived late (100 ms of scheduling delay on a busy
/// two-core machine shifts a window by two slots). An unpaced proxy sends all
/// its calls within a few milliseconds.
const SEEN_PER_SECOND_AT_20: usize = 23;

/// The most upstream calls the sandbox saw in any one-second window.
fn busiest_second(times: &[Instant]) -> usize {
    let mut times = times.to_vec();
    times.sort();
    (0..times.len())
        .map(|i| {
            times[i..]
                .iter()
                .take_while(|t| t.duration_since(times[i]) < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap_or(0)
}

async fn health(http: &reqwest::Client, proxy: &str) -> Value {
    let response = http
        .get(format!("{proxy}/healthz"))
        .send()
        .await
        .expect("healthz");
    serde_json::from_str(&response.text().await.expect("body")).expect("json")
}

/// `count` concurrent reseller lookups through `proxy`.
async fn drive(h: &Harness, proxy: &str, count: usize) -> Vec<StatusCode> {
    let token = jwt("alice", &[OWN]);
    let url = format!("{proxy}/v3/resellers/{OWN}");
    let calls: Vec<_> = (0..count)
        .map(|_| {
            let request = h.http.get(&url).bearer_auth(&token).send();
            async move { (request.await.expect("send").status(), Value::Null) }
        })
        .collect();
    join_all(calls).await.into_iter().map(|(s, _)| s).collect()
}

#[tokio::test]
async fn one_instance_paces_in_memory() {
    let h = start_with(&[("VIPMP_UPSTREAM_RATE", "20")]).await;
    assert_eq!(health(&h.http, &h.proxy).await["pacer"]["mode"], "memory");
    let started = Instant::now();
    let statuses = drive(&h, &h.proxy.clone(), 30).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert!(started.elapsed() >= Duration::from_millis(29 * 50));
    let busiest = busiest_second(&h.seen().api_times);
    assert!(
        busiest <= SEEN_PER_SECOND_AT_20,
        "{busiest} calls in one second at 20/s"
    );
}

#[tokio::test]
async fn two_instances_share_the_rate_through_redis_and_survive_its_loss() {
    let Some(mut redis) = Redis::start().await else {
        eprintln!("redis-server not installed: skipped");
        return;
    };
    // One instance's fallback share would be the whole rate: only the shared
    // schedule keeps two of them under it.
    let settings = [
        ("VIPMP_UPSTREAM_RATE", "20"),
        ("VIPMP_INSTANCES", "1"),
        ("VIPMP_REDIS_URL", redis.url.as_str()),
    ];
    let h = start_with(&settings).await;
    let (second, _stop, _served) = proxy_to(&h.sandbox, &settings).await;
    // Twice the rate for a second: 20 calls through each proxy at once.
    let (a, b) = tokio::join!(drive(&h, &h.proxy, 20), drive(&h, &second, 20));
    assert!(
        a.iter().chain(&b).all(|s| *s == StatusCode::OK),
        "{a:?} {b:?}"
    );
    let busiest = busiest_second(&h.seen().api_times);
    assert!(
        busiest <= SEEN_PER_SECOND_AT_20,
        "{busiest} calls in one second at 20/s"
    );
    assert_eq!(health(&h.http, &h.proxy).await["pacer"]["mode"], "redis");
    // Redis goes away: both keep serving at their share, and say so.
    redis.child.kill().await.expect("stop redis");
    let statuses = drive(&h, &second, 5).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert_eq!(health(&h.http, &second).await["pacer"]["mode"], "fallback");
}
