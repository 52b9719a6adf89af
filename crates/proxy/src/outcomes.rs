//! What each order-creating intent came to, so that a repeat of the intent is
//! answered from it instead of being sent again.
//!
//! Adobe's idempotency replays a correlation ID's stored answer, but a
//! gateway's 5xx in front of Adobe is never stored: after such a 5xx, a
//! reconciliation that retried under a derived ID, and a 201 lost on its way
//! to the storefront, a repeat of the intent would send the first ID again,
//! and Adobe would run it again: a second order. So the proxy keeps, per
//! intent (its correlation ID, derived from the caller, the endpoint, the
//! path, the intent key and the body), the successful answer it gave, for as
//! long as Adobe keeps correlation IDs (10 days), and answers a repeat from
//! it.
//!
//! Two requests of one intent at once must not both be sent: the first takes
//! a claim on the intent (with an expiry, in case its holder dies), the
//! others wait for the claim's outcome, or for the claim to go (the first
//! failed without an outcome: one of them takes over).
//!
//! With `redis_url`, outcomes and claims live in Redis, shared by every
//! instance, through the proxy's one [`RedisLink`] (its timeout, and its
//! breaker: while Redis is down a call fails at once instead of waiting out
//! the timeout); a call Redis does not answer uses this instance's memory
//! instead (the link logs when Redis goes and comes back). Without Redis,
//! memory only: one instance.

use crate::redis_link::RedisLink;
use axum::body::Bytes;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long an outcome is kept: as long as Adobe replays a correlation ID.
const KEPT: Duration = Duration::from_secs(10 * 86_400);

/// The most outcomes or claims one instance keeps in memory before starting
/// over.
const BOUND: usize = 100_000;

/// How often a request waiting for another's claim looks again.
const POLL: Duration = Duration::from_millis(50);

/// Deletes a claim only if it is still the caller's.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

/// A successful answer given to an intent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Remembered {
    /// The HTTP status.
    pub status: u16,
    /// The body (JSON text).
    pub body: String,
    /// The request ID of the attempt that got it.
    pub request_id: String,
    /// The correlation ID it was got under (the intent's, or a derived one).
    pub correlation_id: String,
}

impl Remembered {
    /// The body as bytes.
    pub fn body_bytes(&self) -> Bytes {
        Bytes::from(self.body.clone())
    }
}

/// The result of claiming an intent.
#[derive(Debug)]
pub enum Claim {
    /// This request holds the claim (release it with this token).
    Mine(String),
    /// The intent already has an outcome.
    Answered(Remembered),
}

/// Outcomes and claims in this instance's memory.
#[derive(Debug, Default)]
struct Memory {
    outcomes: Mutex<HashMap<String, (Remembered, Instant)>>,
    claims: Mutex<HashMap<String, (String, Instant)>>,
}

impl Memory {
    fn recall(&self, key: &str) -> Option<Remembered> {
        let outcomes = self.outcomes.lock().unwrap_or_else(PoisonError::into_inner);
        let (outcome, until) = outcomes.get(key)?;
        (Instant::now() < *until).then(|| outcome.clone())
    }

    fn remember(&self, key: &str, outcome: &Remembered) {
        let mut outcomes = self.outcomes.lock().unwrap_or_else(PoisonError::into_inner);
        if outcomes.len() >= BOUND {
            let now = Instant::now();
            outcomes.retain(|_, (_, until)| now < *until);
        }
        if outcomes.len() >= BOUND {
            // Still full of live outcomes: start over rather than grow; a
            // repeat then relies on Adobe's replay, as after a restart.
            tracing::warn!("intent outcomes over the bound: forgotten");
            outcomes.clear();
        }
        outcomes.insert(key.to_owned(), (outcome.clone(), Instant::now() + KEPT));
    }

    fn try_claim(&self, key: &str, token: &str, ttl: Duration) -> bool {
        let mut claims = self.claims.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if claims.len() >= BOUND {
            claims.retain(|_, (_, until)| now < *until);
        }
        if claims.len() >= BOUND {
            return false;
        }
        if claims.get(key).is_some_and(|(_, until)| now < *until) {
            return false;
        }
        claims.insert(key.to_owned(), (token.to_owned(), now + ttl));
        true
    }

    fn release(&self, key: &str, token: &str) {
        let mut claims = self.claims.lock().unwrap_or_else(PoisonError::into_inner);
        if claims.get(key).is_some_and(|(holder, _)| holder == token) {
            claims.remove(key);
        }
    }
}

/// The Redis side: keys `vipmp:outcome:<client id>:<correlation id>` and
/// `vipmp:claim:<client id>:<correlation id>`.
struct Redis {
    link: Arc<RedisLink>,
    prefix: String,
}

impl Redis {
    /// Runs one command through the link; `None` when Redis could not be
    /// used for it (the caller then uses memory).
    async fn run<T: redis::FromRedisValue>(&self, command: &redis::Cmd) -> Option<T> {
        self.link.query(command).await.ok()
    }

    fn key(&self, kind: &str, intent: &str) -> String {
        format!("vipmp:{kind}:{}:{intent}", self.prefix)
    }
}

/// Intent outcomes and claims; see the module docs.
pub struct Outcomes {
    memory: Memory,
    redis: Option<Redis>,
    claim_ttl: Duration,
}

impl Outcomes {
    /// A store in memory, or in Redis through `link` (keys per `client_id`);
    /// a claim lasts `claim_ttl` unless released.
    pub fn new(link: Option<Arc<RedisLink>>, client_id: &str, claim_ttl: Duration) -> Self {
        Self {
            memory: Memory::default(),
            redis: link.map(|link| Redis {
                link,
                prefix: client_id.to_owned(),
            }),
            claim_ttl,
        }
    }

    /// The outcome of an intent, if it has one.
    pub async fn recall(&self, intent: &str) -> Option<Remembered> {
        if let Some(redis) = &self.redis {
            let command = redis::Cmd::get(redis.key("outcome", intent));
            if let Some(text) = redis.run::<Option<String>>(&command).await {
                return text.and_then(|text| serde_json::from_str(&text).ok());
            }
        }
        self.memory.recall(intent)
    }

    /// Keeps an intent's outcome.
    pub async fn remember(&self, intent: &str, outcome: &Remembered) {
        if let Some(redis) = &self.redis {
            let text = serde_json::to_string(outcome).unwrap_or_default();
            let millis = crate::millis::millis(KEPT);
            let command = redis::Cmd::pset_ex(redis.key("outcome", intent), text, millis);
            if redis.run::<()>(&command).await.is_some() {
                return;
            }
        }
        self.memory.remember(intent, outcome);
    }

    /// Waits until this request holds the intent's claim, or the intent has
    /// an outcome.
    pub async fn claim(&self, intent: &str) -> Claim {
        let token = crate::ids::random_hex();
        loop {
            if let Some(outcome) = self.recall(intent).await {
                return Claim::Answered(outcome);
            }
            if self.try_claim(intent, &token).await {
                // The holder before may have finished between the two looks.
                return match self.recall(intent).await {
                    Some(outcome) => {
                        self.release(intent, &token).await;
                        Claim::Answered(outcome)
                    }
                    None => Claim::Mine(token),
                };
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Gives a claim up (after the outcome, if any, was remembered).
    pub async fn release(&self, intent: &str, token: &str) {
        if let Some(redis) = &self.redis {
            let mut command = redis::cmd("EVAL");
            command
                .arg(RELEASE)
                .arg(1)
                .arg(redis.key("claim", intent))
                .arg(token);
            if redis.run::<i64>(&command).await.is_some() {
                return;
            }
        }
        self.memory.release(intent, token);
    }

    async fn try_claim(&self, intent: &str, token: &str) -> bool {
        if let Some(redis) = &self.redis {
            let millis = crate::millis::millis(self.claim_ttl);
            let mut command = redis::cmd("SET");
            command
                .arg(redis.key("claim", intent))
                .arg(token)
                .arg("NX")
                .arg("PX")
                .arg(millis);
            if let Some(set) = redis.run::<Option<String>>(&command).await {
                return set.is_some();
            }
        }
        self.memory.try_claim(intent, token, self.claim_ttl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome() -> Remembered {
        Remembered {
            status: 201,
            body: "{\"orderId\":\"7000000001\"}".into(),
            request_id: "r".into(),
            correlation_id: "c".into(),
        }
    }

    #[tokio::test]
    async fn a_claim_is_held_until_released_and_an_outcome_answers_later_claims() {
        let store = Outcomes::new(None, "client", Duration::from_secs(60));
        let Claim::Mine(token) = store.claim("intent").await else {
            panic!("the first claim is mine")
        };
        assert!(!store.try_claim("intent", "other").await);
        store.remember("intent", &outcome()).await;
        store.release("intent", &token).await;
        match store.claim("intent").await {
            Claim::Answered(remembered) => assert_eq!(remembered, outcome()),
            Claim::Mine(_) => panic!("answered from the outcome"),
        }
    }

    #[test]
    fn an_expired_claim_can_be_taken_over() {
        let memory = Memory::default();
        assert!(memory.try_claim("intent", "a", Duration::ZERO));
        assert!(memory.try_claim("intent", "b", Duration::from_secs(60)));
        memory.release("intent", "a");
        assert!(!memory.try_claim("intent", "c", Duration::from_secs(60)));
    }
}
