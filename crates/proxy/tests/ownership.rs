//! Ownership facts go stale: a customer moved to another reseller behind the
//! proxy's back (here through the sandbox's admin route) is refused to its
//! old reseller, for writes at once and for reads once the fact expires or
//! Adobe refuses a call on its path.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

const OTHER: &str = "5000000102";

fn customer_path() -> String {
    format!("/v3/customers/{DEMO_CUSTOMER}")
}

/// Moves the demo customer to the other reseller on the sandbox only.
async fn move_behind_the_proxys_back(h: &Harness) {
    let body = json!({ "customerId": DEMO_CUSTOMER, "resellerId": OTHER });
    h.admin(reqwest::Method::POST, "reseller-moves", &body)
        .await;
}

#[tokio::test]
async fn a_moved_customer_is_refused_to_its_old_reseller() {
    let h = start_with(&[("VIPMP_OWNERSHIP_TTL_MS", "300")]).await;
    let old = jwt("alice", &[OWN]);
    assert_eq!(h.get(&customer_path(), &old).await.0, StatusCode::OK);
    move_behind_the_proxys_back(&h).await;
    let orders = h.orders_of(DEMO_CUSTOMER).await;
    let posts = h.seen().posts;
    // A write proves the owner again at once, whatever the cache says.
    let path = format!("{}/orders", customer_path());
    let (status, answer, _) = h.post(&path, &old, "moved-1", &order_body()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{answer}");
    assert_eq!(answer["code"], "not_found", "the proxy's own refusal");
    assert_eq!(h.seen().posts, posts, "nothing written upstream");
    assert_eq!(h.orders_of(DEMO_CUSTOMER).await, orders);
    // A read relies on the fact only until it expires.
    tokio::time::sleep(Duration::from_millis(900)).await;
    let (status, answer) = h.get(&customer_path(), &old).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{answer}");
    assert_eq!(answer["code"], "not_found");
    let new = jwt("bob", &[OTHER]);
    assert_eq!(h.get(&customer_path(), &new).await.0, StatusCode::OK);
}

#[tokio::test]
async fn an_upstream_404_on_a_customers_path_drops_the_fact() {
    // The default expiry (minutes): only the 404 can make the proxy ask again.
    let h = start().await;
    let old = jwt("alice", &[OWN]);
    assert_eq!(h.get(&customer_path(), &old).await.0, StatusCode::OK);
    move_behind_the_proxys_back(&h).await;
    let missing = format!("{}/orders/7999999999", customer_path());
    let (status, answer) = h.get(&missing, &old).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{answer}");
    assert_ne!(answer["code"], "not_found", "Adobe's answer, forwarded");
    let (status, answer) = h.get(&customer_path(), &old).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{answer}");
    assert_eq!(answer["code"], "not_found");
}
