//! The two IDs of every upstream call, made here and never taken from the
//! browser (FACTS.md §6, idempotency contract).
//!
//! `X-Correlation-Id` names an *intent*: it is an HMAC-SHA256, keyed by the
//! configured secret, of the caller (`sub`), the endpoint, the path, the
//! storefront's intent key (`X-Intent-Id`) and the body. The same caller
//! retrying the same intent gets the same ID (Adobe replays the stored
//! answer, so a retry never orders twice); another caller, another intent or
//! a changed body gets another. Nothing is stored, so any number of proxy
//! instances sharing the key agree. Without an intent key, a random one is
//! used: the call is then not retry-safe across browser attempts.
//! `X-Request-Id` is random per attempt.

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

/// The longest intent key accepted from the storefront.
pub const MAX_INTENT: usize = 100;

/// What one intent is made of.
pub struct IntentParts<'a> {
    /// The caller's `sub`.
    pub caller: &'a str,
    /// The endpoint's name (`createOrder`).
    pub endpoint: &'a str,
    /// The upstream path with its query.
    pub url: &'a str,
    /// The storefront's intent key.
    pub intent: &'a str,
    /// The body as forwarded.
    pub body: &'a [u8],
}

/// The correlation ID of an intent: `vipmp-` and 32 hex digits.
pub fn correlation_id(key: &SecretString, parts: &IntentParts<'_>) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.expose_secret().as_bytes()) else {
        return format!("vipmp-{}", random_hex());
    };
    for field in [
        parts.caller.as_bytes(),
        parts.endpoint.as_bytes(),
        parts.url.as_bytes(),
        parts.intent.as_bytes(),
        parts.body,
    ] {
        mac.update(&(field.len() as u64).to_be_bytes());
        mac.update(field);
    }
    let digest = mac.finalize().into_bytes();
    format!("vipmp-{}", hex(&digest[..16]))
}

/// A second correlation ID for the same intent, for `purpose` (an attempt
/// that must not replay the first one's stored answer); deterministic, so a
/// repeat of the intent derives the same one.
pub fn derived(key: &SecretString, base: &str, purpose: &str) -> String {
    let parts = IntentParts {
        caller: "",
        endpoint: purpose,
        url: "",
        intent: base,
        body: &[],
    };
    correlation_id(key, &parts)
}

/// Whether a storefront intent key is acceptable: visible ASCII, bounded.
pub fn valid_intent(intent: &str) -> bool {
    !intent.is_empty() && intent.len() <= MAX_INTENT && intent.bytes().all(|b| b.is_ascii_graphic())
}

/// 16 random bytes as hex: a request ID, or an intent key when none was sent.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes.copy_from_slice(&nanos.to_le_bytes());
    }
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(caller: &'a str, body: &'a [u8]) -> IntentParts<'a> {
        IntentParts {
            caller,
            endpoint: "createOrder",
            url: "/v3/customers/6000000201/orders",
            intent: "cart-1",
            body,
        }
    }

    #[test]
    fn stable_per_caller_and_intent() {
        let key: SecretString = "k".to_owned().into();
        let first = correlation_id(&key, &parts("u1", b"{}"));
        assert_eq!(first, correlation_id(&key, &parts("u1", b"{}")));
        assert_ne!(first, correlation_id(&key, &parts("u2", b"{}")));
        assert_ne!(first, correlation_id(&key, &parts("u1", b"{ }")));
        assert_ne!(
            first,
            correlation_id(&"k2".to_owned().into(), &parts("u1", b"{}"))
        );
        assert_eq!(first.len(), 6 + 32);
    }

    #[test]
    fn field_boundaries_matter() {
        let key: SecretString = "k".to_owned().into();
        let a = IntentParts {
            caller: "ab",
            endpoint: "c",
            ..parts("", b"")
        };
        let b = IntentParts {
            caller: "a",
            endpoint: "bc",
            ..parts("", b"")
        };
        assert_ne!(correlation_id(&key, &a), correlation_id(&key, &b));
    }

    #[test]
    fn intent_keys_are_bounded() {
        assert!(valid_intent("cart-42"));
        assert!(!valid_intent(""));
        assert!(!valid_intent("has space"));
        assert!(!valid_intent(&"x".repeat(101)));
        assert_ne!(random_hex(), random_hex());
    }
}
