//! Which reseller each customer belongs to, so that a caller acting for one
//! reseller never reaches another's customers.
//!
//! Filled from the answers that carry it (created or fetched customers,
//! customer lists) and, on a miss, by a GET of the customer (done by the
//! forwarder). A customer can change reseller behind this proxy's back (a
//! reseller change made elsewhere, Adobe's support), so a fact is only
//! trusted for a bounded time (`ownership_ttl_ms`): a read may rely on a
//! fact younger than that, a write never does (the forwarder proves the
//! owner again with a fresh GET first), and an upstream 403/404 on a
//! customer's path drops the fact at once. The map is also cleared when it
//! reaches its bound instead of growing without limit.
//!
//! Each instance has its own cache: a stale fact costs at most one TTL of
//! reads, never a write, so nothing here needs sharing.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The most customers remembered before the cache starts over.
const BOUND: usize = 100_000;

/// How long a fact is trusted when nothing is configured, in milliseconds:
/// five minutes.
pub const DEFAULT_TTL_MS: u64 = 300_000;

/// One customer's reseller, and when it was learnt.
#[derive(Debug)]
struct Fact {
    reseller_id: String,
    learnt: Instant,
}

/// Customer → reseller, each fact trusted for `ttl`.
#[derive(Debug)]
pub struct Ownership {
    owners: Mutex<HashMap<String, Fact>>,
    ttl: Duration,
}

impl Default for Ownership {
    fn default() -> Self {
        Self::new(Duration::from_millis(DEFAULT_TTL_MS))
    }
}

impl Ownership {
    /// An empty cache whose facts expire after `ttl`.
    pub fn new(ttl: Duration) -> Self {
        Self {
            owners: Mutex::new(HashMap::new()),
            ttl,
        }
    }

    /// The reseller of a known customer, while the fact is fresh; an expired
    /// fact is dropped.
    pub fn reseller_of(&self, customer_id: &str) -> Option<String> {
        let mut owners = self.lock();
        let fact = owners.get(customer_id)?;
        if fact.learnt.elapsed() < self.ttl {
            return Some(fact.reseller_id.clone());
        }
        owners.remove(customer_id);
        None
    }

    /// Remembers a customer's reseller, as of now.
    pub fn remember(&self, customer_id: &str, reseller_id: &str) {
        if customer_id.is_empty() || reseller_id.is_empty() {
            return;
        }
        let mut owners = self.lock();
        if owners.len() >= BOUND {
            owners.clear();
        }
        let fact = Fact {
            reseller_id: reseller_id.to_owned(),
            learnt: Instant::now(),
        };
        owners.insert(customer_id.to_owned(), fact);
    }

    /// Drops what is known of a customer (upstream said 403 or 404).
    pub fn forget(&self, customer_id: &str) {
        self.lock().remove(customer_id);
    }

    /// Remembers every `{customerId, resellerId}` in an answer: one customer or
    /// a list's `items`.
    pub fn learn(&self, answer: &serde_json::Value) {
        let items = answer.get("items").and_then(|i| i.as_array());
        for item in items.map_or(std::slice::from_ref(answer), Vec::as_slice) {
            let field = |name| item.get(name).and_then(serde_json::Value::as_str);
            if let (Some(customer), Some(reseller)) = (field("customerId"), field("resellerId")) {
                self.remember(customer, reseller);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Fact>> {
        self.owners
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn learns_from_one_customer_and_from_lists() {
        let cache = Ownership::default();
        cache.learn(&json!({ "customerId": "6000000201", "resellerId": "5000000101" }));
        cache.learn(
            &json!({ "items": [{ "customerId": "6000000202", "resellerId": "5000000102" }] }),
        );
        cache.learn(&json!({ "orderId": "7000000001" }));
        assert_eq!(
            cache.reseller_of("6000000201").as_deref(),
            Some("5000000101")
        );
        assert_eq!(
            cache.reseller_of("6000000202").as_deref(),
            Some("5000000102")
        );
        assert_eq!(cache.reseller_of("7000000001"), None);
    }

    #[test]
    fn facts_expire_and_can_be_forgotten() {
        let expired = Ownership::new(Duration::ZERO);
        expired.remember("6000000201", "5000000101");
        assert_eq!(expired.reseller_of("6000000201"), None);
        let cache = Ownership::default();
        cache.remember("6000000201", "5000000101");
        cache.forget("6000000201");
        assert_eq!(cache.reseller_of("6000000201"), None);
    }
}
