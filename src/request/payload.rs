//! An intent carries one payload: the fingerprint that binds a correlation ID
//! to what it sends (issue 15, item 13).
//!
//! Source: reference Appendix 2 "Idempotency – Correlation ID Header" and
//! FACTS.md §6 (S1 `references/idempotency.md`): `X-Correlation-Id` is unique
//! per *intent*, "the data and the action"; it is reused only "when retrying
//! after no response (timeout)", and Adobe then "replays the stored response".
//! A retry that carried other data under the same ID would get the stored
//! answer of the first payload (or run the first one) while the caller
//! believes the second was sent: a silent wrong order. So an [`Intent`] is
//! bound to the fingerprint of its first attempt's payload, and a later
//! attempt with another fingerprint is refused
//! ([`IdempotencyError::PayloadChanged`]) instead of sent.
//!
//! The fingerprint is FNV-1a, 64 bits, over the bytes the caller names as the
//! payload (say the method, the URL and the body text of a built request). It
//! guards against a caller's mistake, not an adversary, so a keyed or
//! cryptographic hash would buy nothing; it keeps the core free of a hashing
//! dependency and identical in Rust and in the wasm package.
//!
//! [`Intent`]: super::Intent
//! [`IdempotencyError::PayloadChanged`]: super::IdempotencyError::PayloadChanged

/// The fingerprint of a payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(u64);

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

impl Fingerprint {
    /// The FNV-1a fingerprint of `payload`.
    pub fn of(payload: &[u8]) -> Fingerprint {
        let hash = payload.iter().fold(OFFSET_BASIS, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        });
        Fingerprint(hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published FNV-1a 64 test vectors: "" and "a".
    #[test]
    fn matches_the_fnv_1a_reference_values() {
        assert_eq!(Fingerprint::of(b""), Fingerprint(0xcbf2_9ce4_8422_2325));
        assert_eq!(Fingerprint::of(b"a"), Fingerprint(0xaf63_dc4c_8601_ec8c));
    }

    #[test]
    fn one_changed_byte_changes_it() {
        let first = Fingerprint::of(br#"{"quantity":10}"#);
        assert_ne!(first, Fingerprint::of(br#"{"quantity":11}"#));
        assert_eq!(first, Fingerprint::of(br#"{"quantity":10}"#));
    }
}
