//! Correlation IDs per intent, request IDs per attempt.
//!
//! Source: reference Appendix 2 "Idempotency – Correlation ID Header" and
//! FACTS.md §6 (S1 `references/idempotency.md`). `X-Correlation-Id` is unique
//! per *intent* (the data and the action); after *any* response, success or
//! error, the intent is satisfied and its ID must not be used again; after no
//! response (a timeout) the retry of the same intent may reuse it, and Adobe
//! replays the stored response (for 10 days). `X-Request-Id` is unique per
//! request: a duplicate with a different correlation ID is error 4120.
//!
//! The core draws no random numbers: the caller supplies each new ID (a UUID
//! from `crypto.randomUUID()`, say) and [`Intent`] decides which one to send.
//! An intent given its payload is bound to it ([`super::payload`]): a retry
//! carrying anything else is refused.

use super::Ids;
use super::payload::Fingerprint;

/// Why an attempt was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdempotencyError {
    /// The intent already received a response: start a new [`Intent`] with a
    /// new correlation ID (reference Appendix 2, first bullet).
    Spent,
    /// This request ID was already sent; Adobe would answer 4120.
    DuplicateRequestId,
    /// An ID is empty.
    EmptyId,
    /// The attempt carries another payload than the intent's first attempt:
    /// a retry under the same correlation ID would replay or run the first
    /// one. Find out what became of it, or abandon it, then start a new intent.
    PayloadChanged,
}

impl std::fmt::Display for IdempotencyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Spent => "the intent already has a response; use a new correlation ID",
            Self::DuplicateRequestId => "the request ID was already used (Adobe error 4120)",
            Self::EmptyId => "an ID is empty",
            Self::PayloadChanged => {
                "the retry carries another payload than the intent it retries; a correlation ID belongs to one payload"
            }
        })
    }
}

impl std::error::Error for IdempotencyError {}

/// What happened to an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No response came back (timeout, connection lost): retry may reuse the
    /// correlation ID.
    NoResponse,
    /// Adobe answered with this HTTP status, success or error: the intent is spent.
    Response(u16),
}

/// One intent: a correlation ID and the attempts made under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intent {
    correlation_id: String,
    request_ids: Vec<String>,
    answered: Option<u16>,
    payload: Option<Fingerprint>,
}

impl Intent {
    /// A new intent under a fresh correlation ID from the caller.
    ///
    /// # Errors
    /// [`IdempotencyError::EmptyId`] for an empty ID.
    pub fn new(correlation_id: impl Into<String>) -> Result<Self, IdempotencyError> {
        let correlation_id = correlation_id.into();
        if correlation_id.is_empty() {
            return Err(IdempotencyError::EmptyId);
        }
        Ok(Self {
            correlation_id,
            request_ids: Vec::new(),
            answered: None,
            payload: None,
        })
    }

    /// The correlation ID of this intent.
    pub fn correlation_id(&self) -> &str {
        &self.correlation_id
    }

    /// How many attempts were made.
    pub fn attempts(&self) -> usize {
        self.request_ids.len()
    }

    /// Whether a response was received (the intent is satisfied).
    pub fn is_spent(&self) -> bool {
        self.answered.is_some()
    }

    /// The IDs of the next attempt, with a fresh request ID from the caller.
    ///
    /// # Errors
    /// [`IdempotencyError::Spent`] after a response; [`IdempotencyError::DuplicateRequestId`]
    /// when the request ID was used before; [`IdempotencyError::EmptyId`] when it is empty.
    pub fn attempt(&mut self, request_id: impl Into<String>) -> Result<Ids, IdempotencyError> {
        let request_id = request_id.into();
        if self.is_spent() {
            return Err(IdempotencyError::Spent);
        }
        if request_id.is_empty() {
            return Err(IdempotencyError::EmptyId);
        }
        if self.request_ids.contains(&request_id) {
            return Err(IdempotencyError::DuplicateRequestId);
        }
        self.request_ids.push(request_id.clone());
        Ok(Ids {
            correlation_id: self.correlation_id.clone(),
            request_id,
        })
    }

    /// [`Intent::attempt`] for an attempt carrying `payload`: the first one
    /// binds the intent to it, and every later one must carry the same bytes.
    ///
    /// # Errors
    /// As [`Intent::attempt`], and [`IdempotencyError::PayloadChanged`] when
    /// the payload differs from the bound one (nothing is recorded then).
    pub fn attempt_carrying(
        &mut self,
        request_id: impl Into<String>,
        payload: &[u8],
    ) -> Result<Ids, IdempotencyError> {
        let fingerprint = Fingerprint::of(payload);
        if self.payload.is_some_and(|bound| bound != fingerprint) && !self.is_spent() {
            return Err(IdempotencyError::PayloadChanged);
        }
        let ids = self.attempt(request_id)?;
        self.payload = Some(fingerprint);
        Ok(ids)
    }

    /// Records what happened to the last attempt.
    pub fn record(&mut self, outcome: Outcome) {
        if let Outcome::Response(status) = outcome {
            self.answered = Some(status);
        }
    }

    /// Whether the intent may be retried under the same correlation ID.
    pub fn may_retry(&self) -> bool {
        !self.is_spent()
    }
}

/// Hands out the correlation ID of the current intent, making a new intent
/// from the caller's `fresh` ID whenever the last one was answered.
#[derive(Clone, Debug, Default)]
pub struct Correlator {
    current: Option<Intent>,
}

impl Correlator {
    /// A correlator with no intent yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The IDs of the next attempt. `fresh_correlation` is called only when a
    /// new intent starts (first call, or after a response); `request_id` is
    /// always new.
    ///
    /// # Errors
    /// As [`Intent::attempt`] and [`Intent::new`].
    pub fn next_attempt(
        &mut self,
        fresh_correlation: impl FnOnce() -> String,
        request_id: impl Into<String>,
    ) -> Result<Ids, IdempotencyError> {
        let intent = match self.current.take() {
            Some(intent) if intent.may_retry() => intent,
            _ => Intent::new(fresh_correlation())?,
        };
        let intent = self.current.insert(intent);
        intent.attempt(request_id)
    }

    /// [`Correlator::next_attempt`] for an attempt carrying `payload`: a retry
    /// after no response must carry the same bytes as the intent's first
    /// attempt ([`Intent::attempt_carrying`]).
    ///
    /// # Errors
    /// As [`Correlator::next_attempt`], and [`IdempotencyError::PayloadChanged`]
    /// when an unanswered intent is retried with another payload; the intent
    /// is kept (see [`Correlator::abandon`]).
    pub fn next_attempt_carrying(
        &mut self,
        fresh_correlation: impl FnOnce() -> String,
        request_id: impl Into<String>,
        payload: &[u8],
    ) -> Result<Ids, IdempotencyError> {
        let intent = match self.current.take() {
            Some(intent) if intent.may_retry() => intent,
            _ => Intent::new(fresh_correlation())?,
        };
        let intent = self.current.insert(intent);
        intent.attempt_carrying(request_id, payload)
    }

    /// Gives up the unanswered intent (the caller settled what became of it,
    /// e.g. from the order history): the next attempt starts a new one.
    pub fn abandon(&mut self) {
        self.current = None;
    }

    /// Records what happened to the last attempt.
    pub fn record(&mut self, outcome: Outcome) {
        if let Some(intent) = &mut self.current {
            intent.record(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Where X-Request-Id should be unique per request, X-Correlation-Id should
    /// be unique per intent."
    #[test]
    fn request_id_is_new_for_every_attempt_of_one_intent() {
        let mut intent = Intent::new("c1").expect("id");
        let first = intent.attempt("r1").expect("first");
        intent.record(Outcome::NoResponse);
        let second = intent.attempt("r2").expect("retry");
        assert_eq!(first.correlation_id, second.correlation_id);
        assert_ne!(first.request_id, second.request_id);
        assert_eq!(intent.attempts(), 2);
    }

    /// "If no response is received from Adobe (in the case of a timeout), the
    /// same Correlation ID could be used again for the retry call."
    #[test]
    fn a_timeout_keeps_the_correlation_id() {
        let mut correlator = Correlator::new();
        let first = correlator
            .next_attempt(|| "c1".into(), "r1")
            .expect("first");
        correlator.record(Outcome::NoResponse);
        let retry = correlator
            .next_attempt(unreachable_fresh, "r2")
            .expect("retry");
        assert_eq!(retry.correlation_id, first.correlation_id);
    }

    fn unreachable_fresh() -> String {
        "never-used".into()
    }

    /// "Upon receiving some response from Adobe (success or failure), the intent
    /// has been satisfied and the Correlation ID should not be used again."
    #[test]
    fn any_response_spends_the_correlation_id() {
        for status in [200, 201, 202, 400, 404, 500] {
            let mut intent = Intent::new("c1").expect("id");
            intent.attempt("r1").expect("first");
            intent.record(Outcome::Response(status));
            assert!(intent.is_spent());
            assert_eq!(intent.attempt("r2"), Err(IdempotencyError::Spent));
        }
    }

    /// "If a call fails with a 400 Bad Request error and you try again after
    /// fixing the data, the new call must have a new Correlation ID."
    #[test]
    fn a_fixed_retry_after_400_gets_a_new_correlation_id() {
        let mut correlator = Correlator::new();
        let first = correlator
            .next_attempt(|| "c1".into(), "r1")
            .expect("first");
        correlator.record(Outcome::Response(400));
        let fixed = correlator.next_attempt(|| "c2".into(), "r2").expect("new");
        assert_eq!(first.correlation_id, "c1");
        assert_eq!(fixed.correlation_id, "c2");
    }

    /// "If the Correlation ID is different and Request ID is a duplicate, then a
    /// 400 error with status code 4120 … will be returned": never send one twice.
    #[test]
    fn a_request_id_is_never_sent_twice() {
        let mut intent = Intent::new("c1").expect("id");
        intent.attempt("r1").expect("first");
        intent.record(Outcome::NoResponse);
        assert_eq!(
            intent.attempt("r1"),
            Err(IdempotencyError::DuplicateRequestId)
        );
    }

    /// "If the Correlation ID header is not included, a 400 error with status
    /// code 4119 … will be returned": an empty ID is refused before sending.
    #[test]
    fn an_empty_id_is_refused() {
        assert_eq!(Intent::new(""), Err(IdempotencyError::EmptyId));
        let mut intent = Intent::new("c1").expect("id");
        assert_eq!(intent.attempt(""), Err(IdempotencyError::EmptyId));
    }

    /// A correlation ID belongs to one intent, "the data and the action": a
    /// retry after a timeout that carries another body is refused.
    #[test]
    fn a_retry_after_a_timeout_must_carry_the_same_payload() {
        let mut correlator = Correlator::new();
        let first = correlator
            .next_attempt_carrying(|| "c1".into(), "r1", br#"{"quantity":10}"#)
            .expect("first");
        correlator.record(Outcome::NoResponse);
        assert_eq!(
            correlator.next_attempt_carrying(unreachable_fresh, "r2", br#"{"quantity":11}"#),
            Err(IdempotencyError::PayloadChanged)
        );
        let retry = correlator
            .next_attempt_carrying(unreachable_fresh, "r2", br#"{"quantity":10}"#)
            .expect("the same payload");
        assert_eq!(retry.correlation_id, first.correlation_id);
    }

    #[test]
    fn after_a_response_or_an_abandon_another_payload_is_a_new_intent() {
        let mut correlator = Correlator::new();
        correlator
            .next_attempt_carrying(|| "c1".into(), "r1", b"one")
            .expect("first");
        correlator.record(Outcome::Response(400));
        let fixed = correlator
            .next_attempt_carrying(|| "c2".into(), "r2", b"two")
            .expect("after a response");
        assert_eq!(fixed.correlation_id, "c2");
        correlator.record(Outcome::NoResponse);
        correlator.abandon();
        let other = correlator
            .next_attempt_carrying(|| "c3".into(), "r3", b"three")
            .expect("after abandoning");
        assert_eq!(other.correlation_id, "c3");
    }

    /// "If a response was generated by Adobe for a given correlation ID, any
    /// subsequent requests … with the same Correlation ID will receive that same
    /// response": a retry after a timeout is safe because it is replayed, not redone.
    #[test]
    fn retries_after_timeouts_stay_one_intent() {
        let mut correlator = Correlator::new();
        let mut correlations = Vec::new();
        for (n, request) in ["r1", "r2", "r3"].into_iter().enumerate() {
            let ids = correlator
                .next_attempt(|| format!("c{n}"), request)
                .expect("attempt");
            correlator.record(Outcome::NoResponse);
            correlations.push(ids.correlation_id);
        }
        assert_eq!(correlations, ["c0", "c0", "c0"]);
    }
}
