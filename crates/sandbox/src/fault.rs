//! Fault modes per route, for reliability tests: a delay, a 5xx before or
//! after the state change, a gateway's 5xx answered before the backend
//! processes the call, a 429, a connection reset before or after the state
//! change, a truncated body; and one mode for the whole sandbox, an order
//! history that lists new orders late.
//!
//! Faults are armed through the admin route for an endpoint name
//! (`createOrder`, or `imsToken` for the IMS token endpoint) and fire a
//! given number of times.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// What goes wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Fault {
    /// The answer waits this many milliseconds (real time, not the clock).
    Delay {
        /// Milliseconds.
        ms: u64,
    },
    /// A server error with this status (500, 502, 503, 504), 1124 envelope,
    /// before any state change.
    ServerError {
        /// The HTTP status.
        status: u16,
        /// Whether the 5xx consumes the correlation ID like any answer of
        /// Adobe's (FACTS.md §6: replayed to a retry with the same ID). When
        /// false (the default) it plays a gateway's error in front of Adobe:
        /// nothing is recorded and a retry runs.
        #[serde(default)]
        recorded: bool,
    },
    /// The request is processed and recorded, then a server error with this
    /// status (1124 envelope) is answered instead of the result: the case a
    /// client must reconcile before it retries.
    ServerErrorAfter {
        /// The HTTP status.
        status: u16,
    },
    /// A gateway's server error (`status`, 504 by default; 1124 envelope,
    /// not recorded) answered at once, while the call is processed and
    /// recorded `ms` milliseconds later (real time) in the background: what
    /// the client was told failed comes to exist afterwards.
    LateCreate {
        /// The HTTP status answered at once.
        #[serde(default = "gateway_timeout")]
        status: u16,
        /// Milliseconds before the call is processed.
        ms: u64,
    },
    /// 429 with the 4118 envelope.
    TooManyRequests,
    /// The connection drops before the request is processed: no state change.
    ResetBefore,
    /// The request is processed and recorded, then the connection drops.
    ResetAfter,
    /// The request is processed; the body is cut in half and the connection
    /// drops.
    Truncate,
    /// IMS token route only: the token is issued with this `expires_in`
    /// (any JSON number: huge, negative, fractional).
    ExpiresIn {
        /// The `expires_in` answered.
        value: serde_json::Number,
    },
    /// IMS token route only: the token answer is padded with a field of
    /// this many bytes.
    HugeBody {
        /// Bytes of padding.
        bytes: usize,
    },
}

/// The route name of the IMS token endpoint for faults. A fault armed for
/// `*` does not fire there: `*` means every Partner API route.
pub const IMS_ROUTE: &str = "imsToken";

/// A fault armed for an endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Armed {
    /// The endpoint's name in the core's table (`createOrder`), or `*` for all.
    pub route: String,
    /// The fault.
    pub fault: Fault,
    /// How many calls it fires for (default 1).
    #[serde(default = "one")]
    pub times: u32,
}

/// The default count.
fn one() -> u32 {
    1
}

/// The default status of [`Fault::LateCreate`].
fn gateway_timeout() -> u16 {
    504
}

/// The order history's lag: while set, an order created is left out of the
/// history for that long (real time), as a backend whose history is
/// eventually consistent would do. Reads of the order itself are not
/// affected.
#[derive(Debug, Default)]
pub struct HistoryLag {
    lag: Duration,
    unlisted: HashMap<String, Instant>,
}

impl HistoryLag {
    /// Sets the lag for orders created from now on (zero turns it off).
    pub fn set(&mut self, lag: Duration) {
        self.lag = lag;
    }

    /// Leaves a new order out of the history for the lag, if one is set.
    pub fn hide(&mut self, order_id: &str) {
        if !self.lag.is_zero() {
            let listed_from = Instant::now() + self.lag;
            self.unlisted.insert(order_id.to_owned(), listed_from);
        }
    }

    /// The orders the history does not list yet; forgets those now due.
    pub fn unlisted_now(&mut self) -> Vec<String> {
        let now = Instant::now();
        self.unlisted.retain(|_, listed_from| *listed_from > now);
        self.unlisted.keys().cloned().collect()
    }
}

/// The armed faults by route, each route's in the order they were armed.
#[derive(Debug, Default)]
pub struct Faults {
    armed: HashMap<String, VecDeque<Armed>>,
}

impl Faults {
    /// Arms a fault after any already armed on the same route: it fires once
    /// those are spent (a 5xx, then a reset on the retry, …).
    pub fn arm(&mut self, armed: Armed) {
        self.armed
            .entry(armed.route.clone())
            .or_default()
            .push_back(armed);
    }

    /// Disarms everything.
    pub fn clear(&mut self) {
        self.armed.clear();
    }

    /// The fault for this call of a Partner API route (armed for it or for
    /// `*`), if one is armed; counts it.
    pub fn take(&mut self, route: &str) -> Option<Fault> {
        let key = [route, "*"]
            .into_iter()
            .find(|key| self.armed.contains_key(*key))?;
        self.take_key(key)
    }

    /// The fault armed for exactly this route (the IMS token route), if any;
    /// counts it.
    pub fn take_exact(&mut self, route: &str) -> Option<Fault> {
        self.take_key(route)
    }

    fn take_key(&mut self, key: &str) -> Option<Fault> {
        let queue = self.armed.get_mut(key)?;
        let armed = queue.front_mut()?;
        let fault = armed.fault.clone();
        armed.times = armed.times.saturating_sub(1);
        if armed.times == 0 {
            queue.pop_front();
        }
        if queue.is_empty() {
            self.armed.remove(key);
        }
        Some(fault)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_on_one_route_fire_in_the_order_armed() {
        let mut faults = Faults::default();
        for fault in [Fault::TooManyRequests, Fault::ResetBefore] {
            faults.arm(Armed {
                route: "createOrder".into(),
                fault,
                times: 1,
            });
        }
        assert_eq!(faults.take("createOrder"), Some(Fault::TooManyRequests));
        assert_eq!(faults.take("createOrder"), Some(Fault::ResetBefore));
        assert_eq!(faults.take("createOrder"), None);
    }

    #[test]
    fn the_history_lag_hides_new_orders_until_due() {
        let mut history = HistoryLag::default();
        history.hide("7000000001");
        assert!(history.unlisted_now().is_empty(), "no lag, nothing hidden");
        history.set(Duration::from_secs(3600));
        history.hide("7000000002");
        assert_eq!(history.unlisted_now(), vec!["7000000002".to_owned()]);
        history.set(Duration::ZERO);
        history.unlisted.insert("7000000003".into(), Instant::now());
        assert_eq!(history.unlisted_now(), vec!["7000000002".to_owned()]);
    }

    #[test]
    fn a_fault_for_every_route_does_not_fire_on_the_ims_route() {
        let mut faults = Faults::default();
        faults.arm(Armed {
            route: "*".into(),
            fault: Fault::TooManyRequests,
            times: 1,
        });
        assert_eq!(faults.take_exact(IMS_ROUTE), None);
        faults.arm(Armed {
            route: IMS_ROUTE.into(),
            fault: Fault::ResetBefore,
            times: 1,
        });
        assert_eq!(faults.take_exact(IMS_ROUTE), Some(Fault::ResetBefore));
        assert_eq!(faults.take("getReseller"), Some(Fault::TooManyRequests));
    }

    #[test]
    fn fires_the_given_number_of_times() {
        let mut faults = Faults::default();
        let fault = Fault::TooManyRequests;
        faults.arm(Armed {
            route: "ping".into(),
            fault: fault.clone(),
            times: 2,
        });
        assert_eq!(faults.take("ping"), Some(fault.clone()));
        assert_eq!(faults.take("getOrder"), None);
        assert_eq!(faults.take("ping"), Some(fault));
        assert_eq!(faults.take("ping"), None);
    }
}
