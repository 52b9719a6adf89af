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
//! instance; a call Redis does not answer in time uses this instance's
//! memory instead (logged). Without Redis, memory only: one instance.

use axum::body::Bytes;
use redis::aio::MultiplexedConnection;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long an outcome is kept: as long as Adobe replays a correlation ID.
const KEPT: Duration = Duration::from_secs(10 * 86_400);

/// The most outcomes or claims one instance keeps in memory before starting
/// over.
const BOUND: usize = 100_000;

/// How often a request waiting for another's claim looks again.
const POLL: Duration = Duration::from_millis(50);

/// How long one Redis call may take before memory is used instead.
const REDIS_TIMEOUT: Duration = Duration::from_millis(250);

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
    client: redis::Client,
    prefix: String,
    release: redis::Script,
    connection: tokio::sync::Mutex<Option<MultiplexedConnection>>,
}

impl Redis {
    async fn connection(&self) -> redis::RedisResult<MultiplexedConnection> {
        let mut slot = self.connection.lock().await;
        if let Some(connection) = slot.as_ref() {
            return Ok(connection.clone());
        }
        let connection = self.client.get_multiplexed_async_connection().await?;
        *slot = Some(connection.clone());
        Ok(connection)
    }

    /// Runs one command within [`REDIS_TIMEOUT`]; `None` when Redis failed
    /// (the connection is dropped, to be made again next time).
    async fn run<T: redis::FromRedisValue>(&self, command: &redis::Cmd) -> Option<T> {
        let call = async {
            let mut connection = self.connection().await?;
            command.query_async::<T>(&mut connection).await
        };
        match tokio::time::timeout(REDIS_TIMEOUT, call).await {
            Ok(Ok(value)) => Some(value),
            _ => {
                tracing::warn!("redis unreachable: intent outcomes kept in this instance's memory");
                *self.connection.lock().await = None;
                None
            }
        }
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

/// Why the store could not be set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeError(pub String);

impl Outcomes {
    /// A store in memory, or in Redis at `redis_url` (keys per `client_id`);
    /// a claim lasts `claim_ttl` unless released.
    ///
    /// # Errors
    /// When `redis_url` is not a Redis URL (its text is never echoed).
    pub fn new(
        redis_url: Option<&SecretString>,
        client_id: &str,
        claim_ttl: Duration,
    ) -> Result<Self, OutcomeError> {
        let redis = redis_url
            .map(|url| {
                let client = redis::Client::open(url.expose_secret())
                    .map_err(|_| OutcomeError("redis_url: not a redis:// URL".into()))?;
                Ok(Redis {
                    client,
                    prefix: client_id.to_owned(),
                    release: redis::Script::new(RELEASE),
                    connection: tokio::sync::Mutex::new(None),
                })
            })
            .transpose()?;
        Ok(Self {
            memory: Memory::default(),
            redis,
            claim_ttl,
        })
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
            let millis = u64::try_from(KEPT.as_millis()).unwrap_or(u64::MAX);
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
            let mut invocation = redis.release.key(redis.key("claim", intent));
            invocation.arg(token);
            let call = async {
                let mut connection = redis.connection().await?;
                invocation.invoke_async::<i64>(&mut connection).await
            };
            if matches!(tokio::time::timeout(REDIS_TIMEOUT, call).await, Ok(Ok(_))) {
                return;
            }
        }
        self.memory.release(intent, token);
    }

    async fn try_claim(&self, intent: &str, token: &str) -> bool {
        if let Some(redis) = &self.redis {
            let millis = u64::try_from(self.claim_ttl.as_millis()).unwrap_or(u64::MAX);
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
        let store = Outcomes::new(None, "client", Duration::from_secs(60)).expect("store");
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

    #[test]
    fn a_bad_url_is_refused_without_echoing_it() {
        let url: SecretString = "nonsense://user:hunter2@x".to_owned().into();
        let error = Outcomes::new(Some(&url), "c", Duration::from_secs(1)).err();
        assert!(error.is_some_and(|e| !e.0.contains("hunter2")));
    }
}
