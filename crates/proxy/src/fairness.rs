//! Each caller's and each reseller's share of the proxy, so that one token
//! cannot fill the outbound pacer (a few calls per second for the whole
//! partner) with lookups of random customer IDs and starve everyone else.
//!
//! Every authenticated request is charged to its caller (the JWT's `sub`)
//! and to one reseller: the path's `resellerId` when it is one of the
//! caller's, otherwise the caller's first reseller (the one bodies default
//! to). Never a reseller the caller does not hold, so nobody can spend
//! another reseller's share. Each share is a GCRA (generic cell rate
//! algorithm): a sustained rate and a burst. A request over either share is
//! refused with 429 and `Retry-After`, and charged to neither.
//!
//! Without Redis the shares are counted in this instance's memory. With
//! `redis_url` both are checked and charged by one Lua script, atomically,
//! in the Redis the pacer uses (`vipmp:share:<client id>:caller:<sub>`,
//! `…:reseller:<id>`), so every instance refuses an over-share caller. When
//! Redis cannot be used the shares fail *open to memory*: each instance
//! counts them on its own, so a caller may get up to its share per instance
//! for a while. That is safe for Adobe, whose rate the pacer guards on its
//! own (and fails safe), and keeps honest callers served.

use crate::redis_link::RedisLink;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// The most keys one instance counts in memory before dropping the idle ones.
const BOUND: usize = 100_000;

/// Checks every key's share and, only when all allow, charges them all.
/// `ARGV` holds each key's interval and tolerance in microseconds; answers
/// 0, or the microseconds until the request would be allowed.
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local wait = 0
local next = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[2 * i - 1])
  local tolerance = tonumber(ARGV[2 * i])
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  local over = tat - now - tolerance
  if over > wait then wait = over end
  next[i] = tat + interval
end
if wait > 0 then return math.ceil(wait) end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, string.format('%d', next[i]), 'PX', math.ceil((next[i] - now) / 1000) + 1000)
end
return 0
";

/// A sustained rate and a burst.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Requests per second, sustained.
    pub per_second: f64,
    /// Requests allowed at once (at least 1).
    pub burst: u32,
}

impl Share {
    /// The time one request costs.
    fn interval(self) -> Duration {
        Duration::from_secs_f64(1.0 / self.per_second)
    }

    /// How far ahead of now the schedule may run: `burst - 1` intervals.
    fn tolerance(self) -> Duration {
        self.interval() * self.burst.saturating_sub(1)
    }
}

/// One caller's share when nothing is configured: half the upstream rate,
/// sustained, and one second of it at once.
pub fn caller_default(upstream_rate: u32) -> Share {
    Share {
        per_second: f64::from(upstream_rate) / 2.0,
        burst: upstream_rate.max(1),
    }
}

/// One reseller's share when nothing is configured: three quarters of the
/// upstream rate, sustained, and two seconds of it at once.
pub fn reseller_default(upstream_rate: u32) -> Share {
    Share {
        per_second: f64::from(upstream_rate) * 0.75,
        burst: upstream_rate.saturating_mul(2).max(1),
    }
}

/// The request is over a share: retry after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverShare {
    /// How long until the request would be allowed.
    pub retry_after: Duration,
}

impl OverShare {
    /// `Retry-After` in whole seconds, rounded up, at least 1.
    pub fn seconds(self) -> u64 {
        let micros = self.retry_after.as_micros();
        u64::try_from(micros.div_ceil(1_000_000))
            .unwrap_or(u64::MAX)
            .max(1)
    }
}

/// Where the shares are counted right now.
pub use crate::redis_link::Mode;

/// The keys of one request and their shares.
struct Charge {
    keys: Vec<(String, Share)>,
}

/// Per-caller and per-reseller shares; see the module docs.
pub struct Fairness {
    caller: Option<Share>,
    reseller: Option<Share>,
    prefix: String,
    link: Option<Arc<RedisLink>>,
    memory: Mutex<HashMap<String, Instant>>,
    mode: AtomicU8,
}

impl Fairness {
    /// The shares (each `None` when off), counted in Redis through `link`
    /// when given, keys per `client_id`.
    pub fn new(
        caller: Option<Share>,
        reseller: Option<Share>,
        link: Option<Arc<RedisLink>>,
        client_id: &str,
    ) -> Self {
        let mode = if link.is_some() {
            Mode::Redis
        } else {
            Mode::Memory
        };
        Self {
            caller,
            reseller,
            prefix: format!("vipmp:share:{client_id}"),
            link,
            memory: Mutex::new(HashMap::new()),
            mode: AtomicU8::new(mode as u8),
        }
    }

    /// Where the shares are counted now.
    pub fn mode(&self) -> Mode {
        match self.mode.load(Ordering::Relaxed) {
            m if m == Mode::Redis as u8 => Mode::Redis,
            m if m == Mode::Fallback as u8 => Mode::Fallback,
            _ => Mode::Memory,
        }
    }

    /// Charges one request to `caller` and `reseller`.
    ///
    /// # Errors
    /// [`OverShare`] when either share is spent (nothing is charged then).
    pub async fn admit(&self, caller: &str, reseller: &str) -> Result<(), OverShare> {
        let charge = self.charge(caller, reseller);
        if charge.keys.is_empty() {
            return Ok(());
        }
        if let Some(link) = &self.link {
            match self.admit_shared(link, &charge).await {
                Some(answer) => {
                    self.switch(Mode::Redis);
                    return answer;
                }
                None => self.switch(Mode::Fallback),
            }
        }
        self.admit_local(&charge)
    }

    fn charge(&self, caller: &str, reseller: &str) -> Charge {
        let mut keys = Vec::with_capacity(2);
        if let Some(share) = self.caller {
            keys.push((format!("{}:caller:{caller}", self.prefix), share));
        }
        if let Some(share) = self.reseller {
            keys.push((format!("{}:reseller:{reseller}", self.prefix), share));
        }
        Charge { keys }
    }

    /// The script's answer, or `None` when Redis could not be used.
    async fn admit_shared(
        &self,
        link: &RedisLink,
        charge: &Charge,
    ) -> Option<Result<(), OverShare>> {
        let mut command = redis::cmd("EVAL");
        command.arg(SCRIPT).arg(charge.keys.len());
        for (key, _) in &charge.keys {
            command.arg(key);
        }
        for (_, share) in &charge.keys {
            command
                .arg(micros(share.interval()))
                .arg(micros(share.tolerance()));
        }
        let wait = link.query::<i64>(&command).await.ok()?;
        Some(match u64::try_from(wait) {
            Ok(0) | Err(_) => Ok(()),
            Ok(micros) => Err(OverShare {
                retry_after: Duration::from_micros(micros),
            }),
        })
    }

    /// The same rule in this instance's memory.
    fn admit_local(&self, charge: &Charge) -> Result<(), OverShare> {
        let mut memory = self.memory.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if memory.len() >= BOUND {
            // A key whose schedule is in the past counts as unseen.
            memory.retain(|_, tat| *tat > now);
        }
        if memory.len() >= BOUND {
            // Still full of live schedules: start over rather than grow
            // (every caller gets a fresh burst once).
            tracing::warn!("callers' shares over the bound: forgotten");
            memory.clear();
        }
        let mut wait = Duration::ZERO;
        let mut next = Vec::with_capacity(charge.keys.len());
        for (key, share) in &charge.keys {
            let tat = memory.get(key).map_or(now, |tat| (*tat).max(now));
            wait = wait.max((tat - now).saturating_sub(share.tolerance()));
            next.push((key, tat + share.interval()));
        }
        if !wait.is_zero() {
            return Err(OverShare { retry_after: wait });
        }
        for (key, tat) in next {
            memory.insert(key.clone(), tat);
        }
        Ok(())
    }

    /// Records the mode, logging a change.
    fn switch(&self, mode: Mode) {
        let before = self.mode.swap(mode as u8, Ordering::Relaxed);
        if before != mode as u8 {
            match mode {
                Mode::Fallback => {
                    tracing::warn!("redis unusable: callers' shares counted per instance");
                }
                _ => tracing::info!(mode = mode.name(), "fairness mode"),
            }
        }
    }
}

fn micros(duration: Duration) -> u64 {
    u64::try_from(duration.as_micros()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(per_second: f64, burst: u32) -> Option<Share> {
        Some(Share { per_second, burst })
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_gets_its_burst_then_its_rate() {
        let fairness = Fairness::new(share(10.0, 3), None, None, "c");
        for _ in 0..3 {
            assert_eq!(fairness.admit("flood", "r").await, Ok(()));
        }
        let over = fairness
            .admit("flood", "r")
            .await
            .expect_err("over the burst");
        assert_eq!(over.retry_after, Duration::from_millis(100));
        assert_eq!(over.seconds(), 1);
        assert_eq!(fairness.admit("other", "r").await, Ok(()), "another caller");
        tokio::time::advance(Duration::from_millis(100)).await;
        assert_eq!(fairness.admit("flood", "r").await, Ok(()));
        assert!(fairness.admit("flood", "r").await.is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn a_reseller_share_binds_all_its_callers_and_a_refusal_charges_nothing() {
        let fairness = Fairness::new(share(1.0, 1), share(1.0, 2), None, "c");
        assert_eq!(fairness.admit("a", "r").await, Ok(()));
        assert_eq!(fairness.admit("b", "r").await, Ok(()));
        assert!(
            fairness.admit("c", "r").await.is_err(),
            "the reseller's share"
        );
        assert_eq!(fairness.admit("c", "s").await, Ok(()), "c was not charged");
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        let over = |ms| OverShare {
            retry_after: Duration::from_millis(ms),
        };
        assert_eq!(over(1).seconds(), 1);
        assert_eq!(over(1000).seconds(), 1);
        assert_eq!(over(1001).seconds(), 2);
    }
}
