//! Idempotency as the reference's "Idempotency – Correlation ID Header"
//! section and FACTS.md §6 describe it.
//!
//! A response generated for a correlation ID is stored per API and replayed,
//! errors included, for ten days; a missing correlation ID is 4119; a request
//! ID seen before under another correlation ID is 4120 (a repeated correlation
//! ID skips the request-ID check).

use crate::envelope::Answer;
use std::collections::HashMap;

/// How long a response is replayed: ten days, in seconds.
pub const MEMORY: i64 = 10 * 86_400;

/// What was answered, and when.
#[derive(Clone, Debug)]
struct Stored {
    answer: Answer,
    at: i64,
}

/// The responses and request IDs the sandbox remembers.
#[derive(Debug, Default)]
pub struct Ledger {
    responses: HashMap<(String, String), Stored>,
    request_ids: HashMap<String, i64>,
}

impl Ledger {
    /// The stored answer of an API for a correlation ID, if still remembered.
    pub fn replay(&self, api: &str, correlation_id: &str, now: i64) -> Option<Answer> {
        let stored = self
            .responses
            .get(&(api.to_owned(), correlation_id.to_owned()))?;
        (now - stored.at < MEMORY).then(|| stored.answer.clone())
    }

    /// Whether a request ID was already processed within the memory.
    pub fn seen_request(&self, request_id: &str, now: i64) -> bool {
        self.request_ids
            .get(request_id)
            .is_some_and(|at| now - at < MEMORY)
    }

    /// Remembers an answer and the request ID that produced it.
    pub fn record(&mut self, api: &str, ids: (&str, &str), answer: &Answer, now: i64) {
        let (correlation_id, request_id) = ids;
        let stored = Stored {
            answer: answer.clone(),
            at: now,
        };
        self.responses
            .insert((api.to_owned(), correlation_id.to_owned()), stored);
        if !request_id.is_empty() {
            self.request_ids.insert(request_id.to_owned(), now);
        }
    }
}

/// Whether a correlation ID is usable: present, visible ASCII.
///
/// *Assumed*: Adobe documents no format; at most 100 characters here.
pub fn is_valid_correlation_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 100 && id.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::error;

    #[test]
    fn replays_for_ten_days_only() {
        let mut ledger = Ledger::default();
        ledger.record("getCustomer", ("c", "r"), &error("1116"), 0);
        assert!(ledger.replay("getCustomer", "c", MEMORY - 1).is_some());
        assert!(ledger.replay("getOrder", "c", 0).is_none());
        assert!(ledger.replay("getCustomer", "c", MEMORY).is_none());
        assert!(ledger.seen_request("r", 5));
        assert!(!ledger.seen_request("r", MEMORY));
    }
}
