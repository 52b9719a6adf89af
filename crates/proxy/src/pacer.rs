//! Outbound pacing below Adobe's per-credential rate limit.
//!
//! Every upstream attempt first reserves a slot: slots are `1 / rate` apart
//! (a GCRA without burst), and a caller waits for its slot before sending.
//! A slot further away than the longest wait is not reserved; the call is
//! shed (503) instead of queueing without bound.
//!
//! With one instance the schedule is held in memory. With `VIPMP_REDIS_URL`
//! it is one key in Redis (`vipmp:pacer:<client id>`), reserved atomically by
//! a Lua script, so all instances together stay under the limit. When Redis
//! cannot be reached, the instance falls back to its share of the rate
//! (`rate / instances`) in memory, logs it, reports it on `/healthz`, and
//! tries Redis again on later calls.

use redis::aio::MultiplexedConnection;
use secrecy::{ExposeSecret, SecretString};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// How long a Redis connection or reservation may take before the
/// instance uses its fallback share for this call.
const REDIS_TIMEOUT: Duration = Duration::from_millis(250);

/// Reserves the next slot; answers the wait in microseconds, or -1 when the
/// slot is further than `ARGV[2]` away (nothing is reserved then).
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
if wait > tonumber(ARGV[2]) then return -1 end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.floor((wait + interval) / 1000) + 1000)
return wait
";

/// Where the schedule is kept right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// In this instance's memory, at the full rate (no Redis configured).
    Memory,
    /// Shared through Redis.
    Redis,
    /// Redis configured but unreachable: this instance's share, in memory.
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

/// The call was not paced: its slot is too far away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shed;

/// A schedule in memory.
#[derive(Debug)]
struct Local {
    interval: Duration,
    next: Mutex<Option<Instant>>,
}

impl Local {
    fn new(per_second: u32) -> Self {
        Self {
            interval: Duration::from_secs(1) / per_second.max(1),
            next: Mutex::new(None),
        }
    }

    /// The wait before the reserved slot, or `None` past `max_wait`.
    fn reserve(&self, max_wait: Duration) -> Option<Duration> {
        let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let slot = next.map_or(now, |next| next.max(now));
        let wait = slot - now;
        if wait > max_wait {
            return None;
        }
        *next = Some(slot + self.interval);
        Some(wait)
    }
}

/// The shared schedule's connection details.
struct Shared {
    client: redis::Client,
    key: String,
    script: redis::Script,
    connection: tokio::sync::Mutex<Option<MultiplexedConnection>>,
}

/// The outbound pacer; see the module docs.
pub struct Pacer {
    rate: u32,
    max_wait: Duration,
    local: Local,
    redis: Option<Shared>,
    mode: AtomicU8,
}

/// Why the pacer could not be set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacerError(pub String);

impl Pacer {
    /// A pacer at `rate` calls per second; with `redis_url`, shared per
    /// `client_id` and falling back to `rate / instances` without Redis.
    ///
    /// # Errors
    /// When `redis_url` is not a Redis URL (its text is never echoed).
    pub fn new(
        rate: u32,
        instances: u32,
        max_wait: Duration,
        redis_url: Option<&SecretString>,
        client_id: &str,
    ) -> Result<Self, PacerError> {
        let rate = rate.max(1);
        let redis = redis_url.map(|url| shared(url, client_id)).transpose()?;
        let local_rate = if redis.is_some() {
            (rate / instances.max(1)).max(1)
        } else {
            rate
        };
        let mode = if redis.is_some() {
            Mode::Redis
        } else {
            Mode::Memory
        };
        Ok(Self {
            rate,
            max_wait,
            local: Local::new(local_rate),
            redis,
            mode: AtomicU8::new(mode as u8),
        })
    }

    /// The configured rate, calls per second, all instances together.
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// Where the schedule is kept now.
    pub fn mode(&self) -> Mode {
        match self.mode.load(Ordering::Relaxed) {
            m if m == Mode::Redis as u8 => Mode::Redis,
            m if m == Mode::Fallback as u8 => Mode::Fallback,
            _ => Mode::Memory,
        }
    }

    /// Waits for this call's slot.
    ///
    /// # Errors
    /// [`Shed`] when the slot is further away than the longest wait.
    pub async fn acquire(&self) -> Result<(), Shed> {
        let wait = match &self.redis {
            Some(shared) => match self.reserve_shared(shared).await {
                Some(wait) => wait,
                None => self.local.reserve(self.max_wait),
            },
            None => self.local.reserve(self.max_wait),
        };
        let wait = wait.ok_or(Shed)?;
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        Ok(())
    }

    /// `Some(Some(wait))` reserved in Redis, `Some(None)` shed by Redis,
    /// `None` when Redis failed (the fallback applies to this call).
    async fn reserve_shared(&self, shared: &Shared) -> Option<Option<Duration>> {
        let answer = tokio::time::timeout(REDIS_TIMEOUT, self.run_script(shared)).await;
        match answer {
            Ok(Ok(micros)) => {
                self.switch(Mode::Redis);
                Some(u64::try_from(micros).ok().map(Duration::from_micros))
            }
            Ok(Err(error)) => {
                tracing::debug!(kind = ?error.kind(), "redis pacer call failed");
                self.fail(shared).await
            }
            Err(_) => self.fail(shared).await,
        }
    }

    async fn fail(&self, shared: &Shared) -> Option<Option<Duration>> {
        *shared.connection.lock().await = None;
        self.switch(Mode::Fallback);
        None
    }

    async fn run_script(&self, shared: &Shared) -> redis::RedisResult<i64> {
        let mut slot = shared.connection.lock().await;
        if slot.is_none() {
            *slot = Some(shared.client.get_multiplexed_async_connection().await?);
        }
        let mut connection = slot
            .clone()
            .ok_or_else(|| redis::RedisError::from((redis::ErrorKind::IoError, "no connection")))?;
        drop(slot);
        let interval = 1_000_000 / u64::from(self.rate);
        let max_wait = u64::try_from(self.max_wait.as_micros()).unwrap_or(u64::MAX);
        shared
            .script
            .key(&shared.key)
            .arg(interval)
            .arg(max_wait)
            .invoke_async(&mut connection)
            .await
    }

    /// Records the mode, logging a change.
    fn switch(&self, mode: Mode) {
        let before = self.mode.swap(mode as u8, Ordering::Relaxed);
        if before != mode as u8 {
            match mode {
                Mode::Fallback => tracing::warn!(
                    "redis unreachable: pacing this instance at its share of the rate"
                ),
                _ => tracing::info!(mode = mode.name(), "pacer mode"),
            }
        }
    }
}

fn shared(url: &SecretString, client_id: &str) -> Result<Shared, PacerError> {
    let client = redis::Client::open(url.expose_secret())
        .map_err(|_| PacerError("redis_url: not a redis:// URL".into()))?;
    Ok(Shared {
        client,
        key: format!("vipmp:pacer:{client_id}"),
        script: redis::Script::new(SCRIPT),
        connection: tokio::sync::Mutex::new(None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_spaced_and_far_ones_shed() {
        let local = Local::new(10);
        let max = Duration::from_millis(250);
        let waits: Vec<_> = (0..4).map(|_| local.reserve(max)).collect();
        let ms = |n| Some(Duration::from_millis(n));
        assert_eq!(waits, vec![ms(0), ms(100), ms(200), None]);
        tokio::time::advance(Duration::from_millis(300)).await;
        assert_eq!(local.reserve(max), ms(0));
    }

    #[test]
    fn a_bad_url_is_refused_without_echoing_it() {
        let url: SecretString = "nonsense://user:hunter2@x".to_owned().into();
        let error = Pacer::new(10, 2, Duration::from_secs(1), Some(&url), "c").err();
        assert!(error.is_some_and(|e| !e.0.contains("hunter2")));
    }
}
