//! The Partner API calls a sync makes, each through the proxy's
//! [`vipmp_proxy::upstream::send`]: the same pacer (and Redis key), IMS token
//! cache and retry rules as every storefront call.
//!
//! Create bodies are judged by the core's validator before they leave
//! (`vipmp::validate::run`), so a record Adobe would refuse is refused here
//! with the same field paths and no call spent. Reconciliation after a 5xx
//! pages through the reseller's (or distributor's) account list for the
//! `externalReferenceId` the create carried, the platform's ID.

use crate::store::Kind;
use axum::body::Bytes;
use serde_json::Value;
use std::time::Duration;
use tokio::time::Instant;
use vipmp::validate::{Context, Operation};
use vipmp_proxy::error::ProxyError;
use vipmp_proxy::ids::random_hex;
use vipmp_proxy::upstream::{Answer, Link, Outbound, send};

/// Page size of the reconciliation lists (Adobe's maximum for these lists).
const PAGE: usize = 50;

/// A body that fails the core's rules: their report.
pub fn check(kind: Kind, create: bool, body: &Value, context: &Context) -> vipmp::Report {
    let operation = match (kind, create) {
        (Kind::Reseller, true) => Operation::CreateReseller,
        (Kind::Reseller, false) => Operation::UpdateReseller,
        (Kind::Customer, true) => Operation::CreateCustomer,
        (Kind::Customer, false) => Operation::UpdateCustomer,
    };
    vipmp::validate::run(operation, body, context)
}

/// Sends a call; a fresh correlation ID unless one is given.
///
/// # Errors
/// As [`send`]: no answer, no token, or shed by the pacer.
pub async fn call(
    link: &Link,
    method: reqwest::Method,
    url: String,
    body: Option<&Value>,
    correlation_id: Option<&str>,
) -> Result<Answer, ProxyError> {
    let outbound = Outbound {
        method,
        url,
        body: body.map(|b| Bytes::from(b.to_string())),
        correlation_id: correlation_id
            .map_or_else(|| format!("vipmp-{}", random_hex()), str::to_owned),
    };
    send(link, &outbound).await
}

/// The path that creates an account of `kind`.
pub fn create_path(kind: Kind) -> &'static str {
    match kind {
        Kind::Reseller => "/v3/resellers",
        Kind::Customer => "/v3/customers",
    }
}

/// The path of one account.
pub fn account_path(kind: Kind, id: &str) -> String {
    format!("{}/{id}", create_path(kind))
}

/// The account's ID in a create or get answer.
pub fn id_of(kind: Kind, body: &Value) -> Option<String> {
    let key = match kind {
        Kind::Reseller => "resellerId",
        Kind::Customer => "customerId",
    };
    body.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The account's status in an answer (`1002`, `1000`, …).
pub fn status_of(body: &Value) -> String {
    body.get("status")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Reads an account; `None` unless Adobe answered 200 with JSON.
pub async fn read(link: &Link, kind: Kind, id: &str) -> Result<Value, Option<Answer>> {
    let answer = call(
        link,
        reqwest::Method::GET,
        account_path(kind, id),
        None,
        None,
    )
    .await
    .map_err(|_| None)?;
    if answer.status != 200 {
        return Err(Some(answer));
    }
    serde_json::from_slice(&answer.body).map_err(|_| None)
}

/// Searches for the account created with `reference` as its
/// `externalReferenceId` until `window` has passed: under `parent` for a
/// customer, among the distributor's resellers otherwise.
pub async fn find_by_reference(
    link: &Link,
    kind: Kind,
    parent: &str,
    reference: &str,
    window: Duration,
) -> Option<Value> {
    let deadline = Instant::now() + window;
    loop {
        if let Some(found) = scan(link, kind, parent, reference).await {
            return Some(found);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// One pass over the list.
async fn scan(link: &Link, kind: Kind, parent: &str, reference: &str) -> Option<Value> {
    let base = match kind {
        Kind::Reseller => "/v3/resellers".to_owned(),
        Kind::Customer => format!("/v3/resellers/{parent}/customers"),
    };
    let mut offset = 0;
    loop {
        let url = format!("{base}?limit={PAGE}&offset={offset}");
        let answer = call(link, reqwest::Method::GET, url, None, None)
            .await
            .ok()?;
        if answer.status != 200 {
            return None;
        }
        let page: Value = serde_json::from_slice(&answer.body).ok()?;
        let items = page.get("items").and_then(Value::as_array)?;
        let found = items.iter().find(|item| {
            item.get("externalReferenceId").and_then(Value::as_str) == Some(reference)
        });
        if let Some(found) = found {
            return Some(found.clone());
        }
        let total = page.get("totalCount").and_then(Value::as_u64).unwrap_or(0);
        offset += items.len();
        if items.is_empty() || offset as u64 >= total {
            return None;
        }
    }
}
