//! Callers' shares: a flood of random customer IDs from one token is refused
//! with 429 and `Retry-After` once over its share, and leaves room in the
//! outbound pacer for everyone else; two proxies sharing one Redis refuse the
//! flooder alike; a customer ID Adobe does not know is refused without a
//! second upstream call.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const OTHER: &str = "5000000102";

/// A small partner: 10 upstream calls a second, waits of at most 2 s (the
/// upstream timeout), one caller allowed 3 at once then 1 a second.
const SHARES: &[(&str, &str)] = &[
    ("VIPMP_UPSTREAM_RATE", "10"),
    ("VIPMP_UPSTREAM_TIMEOUT_MS", "2000"),
    ("VIPMP_CALLER_RATE", "1"),
    ("VIPMP_CALLER_BURST", "3"),
    ("VIPMP_RESELLER_RATE", "5"),
    ("VIPMP_RESELLER_BURST", "10"),
];

/// A customer ID nobody has: `6` and nine digits from a counter.
fn random_customer(n: usize) -> String {
    format!("6{:09}", 500_000_000 + n)
}

/// One refused or answered call of the flood: status, `Retry-After`,
/// `X-Correlation-Id`, body.
async fn flood_call(
    http: &reqwest::Client,
    url: String,
    token: &str,
) -> (StatusCode, String, String, Value) {
    let response = http.get(url).bearer_auth(token).send().await.expect("send");
    let retry_after = header(&response, "retry-after");
    let correlation = header(&response, "x-correlation-id");
    let (status, body) = read(response).await;
    (status, retry_after, correlation, body)
}

/// `count` lookups of customer IDs nobody has, all at once, through `proxy`.
async fn flood(
    http: &reqwest::Client,
    proxy: &str,
    token: &str,
    count: usize,
) -> Vec<(StatusCode, String, String, Value)> {
    let calls: Vec<_> = (0..count)
        .map(|n| {
            let url = format!("{proxy}/v3/customers/{}", random_customer(n));
            async move {
                let (status, retry_after, correlation, body) = flood_call(http, url, token).await;
                (status, json!([retry_after, correlation, body]))
            }
        })
        .collect();
    join_all(calls)
        .await
        .into_iter()
        .map(|(status, parts)| {
            let text = |i: usize| parts[i].as_str().unwrap_or_default().to_owned();
            (status, text(0), text(1), parts[2].clone())
        })
        .collect()
}

/// Every 429 carries the envelope, whole seconds of `Retry-After` and a
/// correlation ID; answers how many there were.
fn check_refusals(answers: &[(StatusCode, String, String, Value)]) -> usize {
    let refused: Vec<_> = answers
        .iter()
        .filter(|(status, ..)| *status == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    for (_, retry_after, correlation, body) in &refused {
        let seconds: u64 = retry_after.parse().expect("Retry-After in seconds");
        assert!((1..=60).contains(&seconds), "{retry_after}");
        assert!(!correlation.is_empty(), "a correlation ID");
        assert_eq!(body["correlationId"], json!(correlation), "{body}");
        assert_eq!(body["code"], "over_share", "{body}");
        assert_eq!(body["retryAfterSeconds"], json!(seconds), "{body}");
    }
    refused.len()
}

#[tokio::test]
async fn a_flood_from_one_caller_leaves_another_callers_get_a_2xx() {
    let h = start_with(SHARES).await;
    let flooder = jwt("mallory", &[OWN]);
    let other = jwt("bob", &[OTHER]);
    // 60 lookups at 10 a second would fill the pacer for 6 s, past its 2 s
    // wait: without shares, everyone else is shed with 503 meanwhile.
    let flooding = flood(&h.http, &h.proxy, &flooder, 60);
    let other_call = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let started = Instant::now();
        let (status, body) = h.get(&format!("/v3/resellers/{OTHER}"), &other).await;
        (status, body, started.elapsed())
    };
    let (answers, (status, body, took)) = tokio::join!(flooding, other_call);
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(took < Duration::from_secs(1), "answered in {took:?}");
    let refused = check_refusals(&answers);
    assert!(refused >= 55, "{refused} of 60 refused");
    let not_found = answers
        .iter()
        .filter(|(status, ..)| *status == StatusCode::NOT_FOUND)
        .count();
    assert_eq!(refused + not_found, 60);
}

#[tokio::test]
async fn two_proxies_on_one_redis_share_the_callers_shares() {
    let Some(redis) = Redis::start().await else {
        eprintln!("redis-server not installed: skipped");
        return;
    };
    let mut settings = SHARES.to_vec();
    settings.push(("VIPMP_REDIS_URL", redis.url.as_str()));
    let h = start_with(&settings).await;
    let (second, _stop, _served) = proxy_to(&h.sandbox, &settings).await;
    let flooder = jwt("mallory", &[OWN]);
    let answers = flood(&h.http, &h.proxy, &flooder, 10).await;
    assert!(check_refusals(&answers) >= 6, "the first proxy refuses");
    // The second proxy has seen nothing of the flood, yet knows the share
    // is spent.
    let answers = flood(&h.http, &second, &flooder, 1).await;
    assert_eq!(check_refusals(&answers), 1, "{:?}", answers[0]);
    let other = jwt("bob", &[OTHER]);
    let url = format!("{second}/v3/resellers/{OTHER}");
    let response = h.http.get(url).bearer_auth(&other).send().await;
    assert_eq!(response.expect("send").status(), StatusCode::OK);
    let response = h.http.get(format!("{second}/healthz")).send().await;
    let (_, health) = read(response.expect("healthz")).await;
    assert_eq!(health["fairness"]["mode"], "redis", "{health}");
}

#[tokio::test]
async fn an_unknown_customer_is_refused_without_asking_again() {
    let h = start().await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{}", random_customer(1));
    let (status, body) = h.get(&path, &token).await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::NOT_FOUND, &json!("not_found"))
    );
    let calls = h.seen().api_calls;
    for _ in 0..5 {
        let (status, body) = h.get(&path, &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        assert_eq!(body["code"], "not_found");
    }
    let orders = format!("{path}/orders");
    let (status, body, _) = h.post(&orders, &token, "absent-1", &order_body()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(
        h.seen().api_calls,
        calls,
        "no upstream call for a known absence"
    );
}

#[tokio::test]
async fn an_absence_is_asked_again_once_it_expires() {
    let h = start_with(&[("VIPMP_ABSENT_TTL_MS", "200")]).await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{}", random_customer(2));
    assert_eq!(h.get(&path, &token).await.0, StatusCode::NOT_FOUND);
    let calls = h.seen().api_calls;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(h.get(&path, &token).await.0, StatusCode::NOT_FOUND);
    assert_eq!(h.seen().api_calls, calls + 1, "asked Adobe again");
}

#[tokio::test]
async fn two_proxies_on_one_redis_share_what_they_learnt_of_customers() {
    let Some(redis) = Redis::start().await else {
        eprintln!("redis-server not installed: skipped");
        return;
    };
    let settings = [("VIPMP_REDIS_URL", redis.url.as_str())];
    let h = start_with(&settings).await;
    let (second, _stop, _served) = proxy_to(&h.sandbox, &settings).await;
    let token = jwt("alice", &[OWN]);
    let path = format!("/v3/customers/{}", random_customer(3));
    assert_eq!(h.get(&path, &token).await.0, StatusCode::NOT_FOUND);
    let calls = h.seen().api_calls;
    let response = h
        .http
        .get(format!("{second}{path}"))
        .bearer_auth(&token)
        .send()
        .await;
    let (status, body) = read(response.expect("send")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["code"], "not_found");
    assert_eq!(
        h.seen().api_calls,
        calls,
        "the second proxy knew the absence"
    );
}
