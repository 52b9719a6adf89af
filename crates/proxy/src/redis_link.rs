//! The one connection to the configured Redis, shared by everything that
//! keeps state across instances (the pacer, the callers' shares, ownership
//! facts, intent outcomes and claims), with a bound on what a slow or silent
//! Redis can cost.
//!
//! Every call runs under `redis_timeout_ms` (connecting included). A call
//! that fails or times out marks the link down: for the next
//! [`RETRY_AFTER`] every call is answered [`Unavailable`] at once, without
//! touching the network, and then one call (the probe) tries again while the
//! others keep failing fast. So a Redis that answers in 300 ms, or swallows
//! every byte, adds at most one timeout to the probing request and nothing
//! to the rest; each user of the link decides what to do without it (see its
//! module). `/healthz` reads [`RedisLink::health`], which pings Redis
//! itself (within the same timeout, and only when a call may go).

use redis::aio::MultiplexedConnection;
use secrecy::{ExposeSecret, SecretString};
use std::future::Future;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// How long the link stays down after a failure before one call probes it.
pub const RETRY_AFTER: Duration = Duration::from_secs(1);

/// The timeout of one Redis call when nothing is configured, in ms.
pub const DEFAULT_TIMEOUT_MS: u64 = 250;

/// Redis could not be used for this call (down, slow, or refusing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

/// Where a state that instances share through Redis (the pacer's schedule,
/// the callers' shares) is kept right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// In this instance's memory: no Redis configured.
    Memory,
    /// In Redis, shared by every instance.
    Redis,
    /// Redis configured but not usable: in this instance's memory, on each
    /// use's fallback.
    Fallback,
}

impl Mode {
    /// The name reported on `/healthz`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Memory => "memory",
            Self::Redis => "redis",
            Self::Fallback => "fallback",
        }
    }
}

/// Why the link could not be set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError(pub String);

/// What the link knows of Redis now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// The last call succeeded.
    Up,
    /// The last call failed; why, in words fit for `/healthz`.
    Down(String),
}

#[derive(Debug)]
struct State {
    down: Option<Down>,
}

#[derive(Debug)]
struct Down {
    reason: String,
    retry_at: Instant,
    /// When the probe in flight started; a probe whose request was dropped
    /// never reports, so one older than the timeout no longer counts.
    probing_since: Option<Instant>,
}

/// The shared Redis connection; see the module docs.
pub struct RedisLink {
    client: redis::Client,
    connection: tokio::sync::Mutex<Option<MultiplexedConnection>>,
    timeout: Duration,
    state: Mutex<State>,
}

impl std::fmt::Debug for RedisLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisLink")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl RedisLink {
    /// A link to `url`, each call bounded by `timeout`. Nothing is
    /// connected until the first call.
    ///
    /// # Errors
    /// When `url` is not a Redis URL (its text is never echoed).
    pub fn new(url: &SecretString, timeout: Duration) -> Result<Self, LinkError> {
        let client = redis::Client::open(url.expose_secret())
            .map_err(|_| LinkError("redis_url: not a redis:// URL".into()))?;
        Ok(Self {
            client,
            connection: tokio::sync::Mutex::new(None),
            timeout,
            state: Mutex::new(State { down: None }),
        })
    }

    /// Runs one command.
    ///
    /// # Errors
    /// [`Unavailable`] when the link is down or the call fails or times out.
    pub async fn query<T: redis::FromRedisValue>(
        &self,
        command: &redis::Cmd,
    ) -> Result<T, Unavailable> {
        self.guarded(|mut connection| async move { command.query_async(&mut connection).await })
            .await
    }

    /// Runs a pipeline (one round trip).
    ///
    /// # Errors
    /// [`Unavailable`] when the link is down or the call fails or times out.
    pub async fn pipeline<T: redis::FromRedisValue>(
        &self,
        pipeline: &redis::Pipeline,
    ) -> Result<T, Unavailable> {
        self.guarded(|mut connection| async move { pipeline.query_async(&mut connection).await })
            .await
    }

    /// What is known of Redis now, after a `PING` (within the timeout) when
    /// the link is up or a probe is due: a Redis that went silent, or came
    /// back, shows without other traffic.
    pub async fn health(&self) -> Health {
        let _ = self.query::<String>(&redis::cmd("PING")).await;
        match self.down_reason() {
            Some(reason) => Health::Down(reason),
            None => Health::Up,
        }
    }

    fn down_reason(&self) -> Option<String> {
        self.lock().down.as_ref().map(|down| down.reason.clone())
    }

    async fn guarded<T, F, Fut>(&self, call: F) -> Result<T, Unavailable>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        if !self.admit() {
            return Err(Unavailable);
        }
        let attempt = async {
            let connection = self.connection().await?;
            call(connection).await
        };
        match tokio::time::timeout(self.timeout, attempt).await {
            Ok(Ok(value)) => {
                self.mark_up();
                Ok(value)
            }
            Ok(Err(error)) => {
                self.mark_down(format!("redis call failed ({:?})", error.kind()))
                    .await;
                Err(Unavailable)
            }
            Err(_) => {
                let ms = self.timeout.as_millis();
                self.mark_down(format!("redis did not answer within {ms} ms"))
                    .await;
                Err(Unavailable)
            }
        }
    }

    async fn connection(&self) -> redis::RedisResult<MultiplexedConnection> {
        let mut slot = self.connection.lock().await;
        if let Some(connection) = slot.as_ref() {
            return Ok(connection.clone());
        }
        let connection = self.client.get_multiplexed_async_connection().await?;
        *slot = Some(connection.clone());
        Ok(connection)
    }

    /// Whether a call may go to Redis: always while up; while down, only
    /// the one probe once [`RETRY_AFTER`] has passed.
    fn admit(&self) -> bool {
        let now = Instant::now();
        let timeout = self.timeout;
        let mut state = self.lock();
        let Some(down) = state.down.as_mut() else {
            return true;
        };
        let probe_in_flight = down
            .probing_since
            .is_some_and(|since| now.duration_since(since) < timeout);
        if probe_in_flight || now < down.retry_at {
            return false;
        }
        down.probing_since = Some(now);
        true
    }

    fn mark_up(&self) {
        if self.lock().down.take().is_some() {
            tracing::info!("redis answers again");
        }
    }

    async fn mark_down(&self, reason: String) {
        // The connection may be stuck behind the silent call: start afresh.
        if let Ok(mut slot) = self.connection.try_lock() {
            *slot = None;
        }
        let mut state = self.lock();
        if state.down.is_none() {
            tracing::warn!(%reason, "redis unavailable: using each use's fallback");
        }
        state.down = Some(Down {
            reason,
            retry_at: Instant::now() + RETRY_AFTER,
            probing_since: None,
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A port nothing listens on (bound, then released).
    fn closed_port() -> u16 {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    }

    #[tokio::test]
    async fn a_failure_marks_the_link_down_and_later_calls_fail_fast() {
        let url: SecretString = format!("redis://127.0.0.1:{}", closed_port()).into();
        let link = RedisLink::new(&url, Duration::from_millis(250)).expect("link");
        let first = link.query::<String>(&redis::cmd("PING")).await;
        assert_eq!(first, Err(Unavailable));
        assert!(matches!(link.health().await, Health::Down(_)));
        let started = std::time::Instant::now();
        for _ in 0..100 {
            assert_eq!(
                link.query::<String>(&redis::cmd("PING")).await,
                Err(Unavailable)
            );
        }
        assert!(started.elapsed() < Duration::from_millis(50));
    }

    #[test]
    fn a_bad_url_is_refused_without_echoing_it() {
        let url: SecretString = "nonsense://user:hunter2@x".to_owned().into();
        let error = RedisLink::new(&url, Duration::from_secs(1)).err();
        assert!(error.is_some_and(|e| !e.0.contains("hunter2")));
    }
}
