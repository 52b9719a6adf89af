//! Sync latency through the connector against the in-process sandbox, per
//! store: `cargo test -p vipmp-connector --release --test latency -- --ignored --nocapture`.
//! A measurement, not a check: ignored by default.

mod common;

use common::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use vipmp_connector::store::{Kind, Mapping};

const RECORDS: usize = 200;

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// Creates `RECORDS` resellers, then syncs each again; prints p50/p99 of both.
async fn measure(label: &str, store: &str) {
    let sandbox = sandbox().await;
    let connector = connector(&sandbox, store, &[]).await;
    for (phase, _) in [("create", ()), ("repeat", ())] {
        let mut times = Vec::with_capacity(RECORDS);
        for i in 0..RECORDS {
            let record = reseller(&format!("{}", 7_000_000 + i));
            let start = Instant::now();
            let (status, answer) = sync(&connector, &record).await;
            times.push(start.elapsed());
            assert_eq!(status, StatusCode::OK, "{answer}");
        }
        times.sort();
        println!(
            "{label} {phase}: p50 {:.2} ms, p99 {:.2} ms ({RECORDS} syncs)",
            percentile(&times, 50).as_secs_f64() * 1000.0,
            percentile(&times, 99).as_secs_f64() * 1000.0
        );
    }
}

/// The store alone: a first claim and its completion, then a repeat's claim.
async fn measure_store(label: &str, url: &str) {
    let store = vipmp_connector::store::open(url).await.expect("store");
    let lease = Duration::from_secs(30);
    let (mut first, mut repeat) = (Vec::new(), Vec::new());
    for i in 0..RECORDS {
        let id = format!("s{i}");
        let start = Instant::now();
        store
            .claim(&id, Kind::Reseller, "me", lease, "c")
            .await
            .expect("claim");
        let mapping = Mapping {
            platform_id: id.clone(),
            kind: Kind::Reseller,
            adobe_id: format!("5{i:09}"),
            parent_id: String::new(),
            status: "1002".into(),
        };
        store.complete(&mapping).await.expect("complete");
        first.push(start.elapsed());
        let start = Instant::now();
        store
            .claim(&id, Kind::Reseller, "me", lease, "c")
            .await
            .expect("claim");
        repeat.push(start.elapsed());
    }
    for (phase, mut times) in [("claim+complete", first), ("repeat claim", repeat)] {
        times.sort();
        println!(
            "{label} store {phase}: p50 {:.3} ms, p99 {:.3} ms ({RECORDS} records)",
            percentile(&times, 50).as_secs_f64() * 1000.0,
            percentile(&times, 99).as_secs_f64() * 1000.0
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement"]
async fn sync_latency_per_store() {
    let dir = TempDir::new("latency");
    let store_dir = TempDir::new("latency-store");
    measure_store("sqlite", &store_dir.sqlite()).await;
    measure("sqlite", &dir.sqlite()).await;
    if let Some(postgres) = Postgres::start().await {
        measure_store("postgres", &postgres.url).await;
        measure("postgres", &postgres.url).await;
    }
}
