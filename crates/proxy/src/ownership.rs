//! Which reseller each customer belongs to, so that a caller acting for one
//! reseller never reaches another's customers.
//!
//! Filled from the answers that carry it (created or fetched customers,
//! customer lists) and, on a miss, by a GET of the customer (done by the
//! forwarder). A customer can change reseller behind this proxy's back (a
//! reseller change made elsewhere, Adobe's support), so a fact is only
//! trusted for a bounded time (`ownership_ttl_ms`): a read may rely on a
//! fact younger than that, a write never lets a caller through on one (the
//! forwarder proves the owner again with a fresh GET first), and an upstream
//! 403/404 on a customer's path drops the fact at once.
//!
//! A customer ID Adobe does not know is remembered too, as [`Owner::Absent`],
//! for the shorter `absent_ttl_ms`: a caller sending random customer IDs then
//! costs one upstream lookup per ID, not one per request. A refusing fact
//! (absent, or another reseller's and younger than `absent_ttl_ms`) refuses
//! writes as well as reads without asking Adobe: refusing is the safe side.
//!
//! With `redis_url` the facts live in Redis with their expiry
//! (`vipmp:owner:<client id>:<customer id>`), shared by every instance, and
//! are also kept in this instance's memory; when Redis cannot be used, the
//! memory answers (fail open to memory: a fact there is at most one TTL old,
//! and a write still proves its owner). Without Redis, memory only. The map
//! in memory is cleared when it reaches its bound instead of growing without
//! limit.

use crate::millis::millis;
use crate::redis_link::RedisLink;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The most customers remembered in memory before the cache starts over.
const BOUND: usize = 100_000;

/// How long a fact is trusted when nothing is configured, in milliseconds:
/// five minutes.
pub const DEFAULT_TTL_MS: u64 = 300_000;

/// How long a refusing fact is trusted when nothing is configured, in
/// milliseconds: thirty seconds.
pub const DEFAULT_ABSENT_TTL_MS: u64 = 30_000;

/// Who owns a customer, as far as the proxy knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// This reseller.
    Reseller(String),
    /// Nobody: Adobe does not know the customer (or refused to show it).
    Absent,
}

/// One customer's owner, and how old the knowledge is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The owner.
    pub owner: Owner,
    /// How long ago it was learnt.
    pub age: Duration,
}

/// Customer → reseller, each fact trusted for its TTL; see the module docs.
pub struct Ownership {
    memory: Mutex<HashMap<String, (Owner, u64)>>,
    link: Option<Arc<RedisLink>>,
    prefix: String,
    ttl: Duration,
    absent_ttl: Duration,
}

impl Default for Ownership {
    fn default() -> Self {
        Self::new(
            Duration::from_millis(DEFAULT_TTL_MS),
            Duration::from_millis(DEFAULT_ABSENT_TTL_MS),
            None,
            "",
        )
    }
}

impl Ownership {
    /// An empty cache whose facts expire after `ttl` (`absent_ttl` for
    /// absent customers), in Redis through `link` when given.
    pub fn new(
        ttl: Duration,
        absent_ttl: Duration,
        link: Option<Arc<RedisLink>>,
        client_id: &str,
    ) -> Self {
        Self {
            memory: Mutex::new(HashMap::new()),
            link,
            prefix: format!("vipmp:owner:{client_id}"),
            ttl,
            absent_ttl,
        }
    }

    /// How long a refusing fact is trusted.
    pub fn absent_ttl(&self) -> Duration {
        self.absent_ttl
    }

    /// What is known of a customer, while the fact is fresh.
    pub async fn fact(&self, customer_id: &str) -> Option<Fact> {
        let (owner, learnt) = match &self.link {
            Some(link) => match link
                .query::<Option<String>>(&redis::Cmd::get(self.key(customer_id)))
                .await
            {
                Ok(text) => text.as_deref().and_then(decode)?,
                Err(_) => self.recall(customer_id)?,
            },
            None => self.recall(customer_id)?,
        };
        let age = Duration::from_millis(now_ms().saturating_sub(learnt));
        (age < self.ttl_of(&owner)).then_some(Fact { owner, age })
    }

    /// The reseller of a known customer, while the fact is fresh.
    pub async fn reseller_of(&self, customer_id: &str) -> Option<String> {
        match self.fact(customer_id).await?.owner {
            Owner::Reseller(reseller) => Some(reseller),
            Owner::Absent => None,
        }
    }

    /// Remembers a customer's reseller, as of now.
    pub async fn remember(&self, customer_id: &str, reseller_id: &str) {
        if customer_id.is_empty() || reseller_id.is_empty() {
            return;
        }
        self.keep(customer_id, Owner::Reseller(reseller_id.to_owned()))
            .await;
    }

    /// Remembers that Adobe does not know a customer, as of now.
    pub async fn remember_absent(&self, customer_id: &str) {
        if !customer_id.is_empty() {
            self.keep(customer_id, Owner::Absent).await;
        }
    }

    /// Drops what is known of a customer (upstream said 403 or 404).
    pub async fn forget(&self, customer_id: &str) {
        self.lock().remove(customer_id);
        if let Some(link) = &self.link {
            let _ = link
                .query::<i64>(&redis::Cmd::del(self.key(customer_id)))
                .await;
        }
    }

    /// Remembers every `{customerId, resellerId}` in an answer: one customer or
    /// a list's `items`.
    pub async fn learn(&self, answer: &serde_json::Value) {
        let items = answer.get("items").and_then(|i| i.as_array());
        let facts: Vec<(&str, &str)> = items
            .map_or(std::slice::from_ref(answer), Vec::as_slice)
            .iter()
            .filter_map(|item| {
                let field = |name| item.get(name).and_then(serde_json::Value::as_str);
                Some((field("customerId")?, field("resellerId")?))
            })
            .filter(|(customer, reseller)| !customer.is_empty() && !reseller.is_empty())
            .collect();
        if facts.is_empty() {
            return;
        }
        let learnt = now_ms();
        let mut pipeline = redis::pipe();
        for (customer, reseller) in &facts {
            let owner = Owner::Reseller((*reseller).to_owned());
            pipeline
                .pset_ex(
                    self.key(customer),
                    encode(&owner, learnt),
                    self.ttl_ms(&owner),
                )
                .ignore();
            self.keep_in_memory(customer, owner, learnt);
        }
        if let Some(link) = &self.link {
            let _ = link.pipeline::<()>(&pipeline).await;
        }
    }

    async fn keep(&self, customer_id: &str, owner: Owner) {
        let learnt = now_ms();
        if let Some(link) = &self.link {
            let command = redis::Cmd::pset_ex(
                self.key(customer_id),
                encode(&owner, learnt),
                self.ttl_ms(&owner),
            );
            let _ = link.query::<()>(&command).await;
        }
        self.keep_in_memory(customer_id, owner, learnt);
    }

    fn keep_in_memory(&self, customer_id: &str, owner: Owner, learnt: u64) {
        let mut memory = self.lock();
        if memory.len() >= BOUND {
            memory.clear();
        }
        memory.insert(customer_id.to_owned(), (owner, learnt));
    }

    fn recall(&self, customer_id: &str) -> Option<(Owner, u64)> {
        let mut memory = self.lock();
        let (owner, learnt) = memory.get(customer_id)?.clone();
        if now_ms().saturating_sub(learnt) < millis(self.ttl_of(&owner)) {
            return Some((owner, learnt));
        }
        memory.remove(customer_id);
        None
    }

    fn ttl_of(&self, owner: &Owner) -> Duration {
        match owner {
            Owner::Reseller(_) => self.ttl,
            Owner::Absent => self.absent_ttl,
        }
    }

    fn ttl_ms(&self, owner: &Owner) -> u64 {
        millis(self.ttl_of(owner)).max(1)
    }

    fn key(&self, customer_id: &str) -> String {
        format!("{}:{customer_id}", self.prefix)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Owner, u64)>> {
        self.memory.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// `<learnt ms> <reseller>`, or `<learnt ms> -` for an absent customer.
fn encode(owner: &Owner, learnt: u64) -> String {
    match owner {
        Owner::Reseller(reseller) => format!("{learnt} {reseller}"),
        Owner::Absent => format!("{learnt} -"),
    }
}

fn decode(text: &str) -> Option<(Owner, u64)> {
    let (learnt, owner) = text.split_once(' ')?;
    let owner = match owner {
        "-" => Owner::Absent,
        "" => return None,
        reseller => Owner::Reseller(reseller.to_owned()),
    };
    Some((owner, learnt.parse().ok()?))
}

/// Milliseconds since the Unix epoch: facts are shared between instances,
/// so their age is counted on the wall clock (a skew between hosts shifts
/// it by as much).
fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    millis(since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[tokio::test]
    async fn learns_from_one_customer_and_from_lists() {
        let cache = Ownership::default();
        cache
            .learn(&json!({ "customerId": "6000000201", "resellerId": "5000000101" }))
            .await;
        cache
            .learn(
                &json!({ "items": [{ "customerId": "6000000202", "resellerId": "5000000102" }] }),
            )
            .await;
        cache.learn(&json!({ "orderId": "7000000001" })).await;
        assert_eq!(
            cache.reseller_of("6000000201").await.as_deref(),
            Some("5000000101")
        );
        assert_eq!(
            cache.reseller_of("6000000202").await.as_deref(),
            Some("5000000102")
        );
        assert_eq!(cache.reseller_of("7000000001").await, None);
    }

    #[tokio::test]
    async fn facts_expire_and_can_be_forgotten() {
        let expired = Ownership::new(Duration::ZERO, Duration::ZERO, None, "c");
        expired.remember("6000000201", "5000000101").await;
        assert_eq!(expired.reseller_of("6000000201").await, None);
        let cache = Ownership::default();
        cache.remember("6000000201", "5000000101").await;
        cache.forget("6000000201").await;
        assert_eq!(cache.reseller_of("6000000201").await, None);
    }

    #[tokio::test]
    async fn an_absent_customer_is_remembered_for_its_own_ttl() {
        let cache = Ownership::new(Duration::from_secs(60), Duration::ZERO, None, "c");
        cache.remember_absent("6999999999").await;
        assert_eq!(cache.fact("6999999999").await, None, "expired at once");
        let cache = Ownership::default();
        cache.remember_absent("6999999999").await;
        let fact = cache.fact("6999999999").await.expect("fresh");
        assert_eq!(fact.owner, Owner::Absent);
    }

    #[test]
    fn facts_survive_their_text_form() {
        let owner = Owner::Reseller("5000000101".into());
        assert_eq!(decode(&encode(&owner, 42)), Some((owner, 42)));
        assert_eq!(decode(&encode(&Owner::Absent, 7)), Some((Owner::Absent, 7)));
        assert_eq!(decode("nonsense"), None);
    }
}
