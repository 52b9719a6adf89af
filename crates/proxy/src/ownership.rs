//! Which reseller each customer belongs to, so that a caller acting for one
//! reseller never reaches another's customers.
//!
//! Filled from the answers that carry it (created or fetched customers,
//! customer lists) and, on a miss, by a GET of the customer (done by the
//! forwarder). A customer's reseller changes only through a reseller change,
//! which this proxy does not forward, so entries are kept; the map is cleared
//! when it reaches its bound instead of growing without limit. Each instance
//! has its own cache: nothing here needs sharing.

use std::collections::HashMap;
use std::sync::Mutex;

/// The most customers remembered before the cache starts over.
const BOUND: usize = 100_000;

/// Customer → reseller.
#[derive(Debug, Default)]
pub struct Ownership {
    owners: Mutex<HashMap<String, String>>,
}

impl Ownership {
    /// The reseller of a known customer.
    pub fn reseller_of(&self, customer_id: &str) -> Option<String> {
        self.lock().get(customer_id).cloned()
    }

    /// Remembers a customer's reseller.
    pub fn remember(&self, customer_id: &str, reseller_id: &str) {
        if customer_id.is_empty() || reseller_id.is_empty() {
            return;
        }
        let mut owners = self.lock();
        if owners.len() >= BOUND {
            owners.clear();
        }
        owners.insert(customer_id.to_owned(), reseller_id.to_owned());
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

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
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
}
