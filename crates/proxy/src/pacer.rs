//! Outbound pacing below Adobe's per-credential rate limit.
//!
//! Every upstream attempt first reserves a slot: slots are `1 / rate` apart
//! (a GCRA without burst), and a caller waits for its slot before sending.
//! A slot further away than the longest wait is not reserved; the call is
//! shed (503) instead of queueing without bound.
//!
//! With one instance the schedule is held in memory. With `VIPMP_REDIS_URL`
//! it is one key in Redis (`vipmp:pacer:<client id>`), reserved atomically by
//! a Lua script, so all instances together stay under the limit.
//!
//! When Redis cannot be used (down, or slower than `redis_timeout_ms`: see
//! [`crate::redis_link`]) the pacer fails *safe*, not open: the instance
//! paces at its share of the rate (`rate / instances`) in memory, so with
//! `instances` set to the number of proxies sharing the Redis, Adobe still
//! sees at most the configured rate when Redis is lost to all of them. It
//! logs the switch, reports `fallback` on `/healthz`, and goes back to the
//! shared schedule once Redis answers a probe again. (A reservation Redis
//! made after the timeout only makes the schedule more cautious.) When only
//! some instances lose Redis, the others still fill the shared schedule, so
//! the sum can pass the rate by the lost instances' shares; where that must
//! never happen, `pacer_without_redis = "refuse"` fails *closed* instead:
//! no upstream call (503) while Redis cannot be used.

use crate::redis_link::RedisLink;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

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
pub use crate::redis_link::Mode;

/// What the pacer does while a configured Redis cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WithoutRedis {
    /// Pace at this instance's share of the rate, in memory (fail safe).
    #[default]
    Share,
    /// Send nothing: every call is shed (fail closed).
    Refuse,
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

/// The shared schedule: its key and the link to Redis.
struct Shared {
    link: Arc<RedisLink>,
    key: String,
}

/// The outbound pacer; see the module docs.
pub struct Pacer {
    rate: u32,
    max_wait: Duration,
    local: Local,
    redis: Option<Shared>,
    without_redis: WithoutRedis,
    mode: AtomicU8,
}

impl Pacer {
    /// A pacer at `rate` calls per second; with a Redis `link`, shared per
    /// `client_id` and falling back to `rate / instances` without Redis.
    pub fn new(
        rate: u32,
        instances: u32,
        max_wait: Duration,
        link: Option<Arc<RedisLink>>,
        client_id: &str,
    ) -> Self {
        let rate = rate.max(1);
        let redis = link.map(|link| Shared {
            link,
            key: format!("vipmp:pacer:{client_id}"),
        });
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
        Self {
            rate,
            max_wait,
            local: Local::new(local_rate),
            redis,
            without_redis: WithoutRedis::Share,
            mode: AtomicU8::new(mode as u8),
        }
    }

    /// The same pacer, doing `choice` while a configured Redis cannot be used.
    #[must_use]
    pub fn without_redis(mut self, choice: WithoutRedis) -> Self {
        self.without_redis = choice;
        self
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
                None if self.without_redis == WithoutRedis::Refuse => None,
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
    /// `None` when Redis could not be used (the fallback applies).
    async fn reserve_shared(&self, shared: &Shared) -> Option<Option<Duration>> {
        let interval = 1_000_000 / u64::from(self.rate);
        let max_wait = u64::try_from(self.max_wait.as_micros()).unwrap_or(u64::MAX);
        let mut command = redis::cmd("EVAL");
        command
            .arg(SCRIPT)
            .arg(1)
            .arg(&shared.key)
            .arg(interval)
            .arg(max_wait);
        match shared.link.query::<i64>(&command).await {
            Ok(micros) => {
                self.switch(Mode::Redis);
                Some(u64::try_from(micros).ok().map(Duration::from_micros))
            }
            Err(_) => {
                self.switch(Mode::Fallback);
                None
            }
        }
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
}
