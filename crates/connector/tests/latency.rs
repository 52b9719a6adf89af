//! Sync latency through the connector against the in-process sandbox, per
//! store: `cargo test -p vipmp-connector --release --test latency -- --ignored --nocapture`.
//! A measurement, not a check: ignored by default.

mod common;

use common::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement"]
async fn sync_latency_per_store() {
    let dir = TempDir::new("latency");
    measure("sqlite", &dir.sqlite()).await;
    if let Some(postgres) = Postgres::start().await {
        measure("postgres", &postgres.url).await;
    }
}
