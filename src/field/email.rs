//! `contacts[].email`: Adobe's EMAIL regex, run as Java runs it.
//!
//! FACTS.md §2.1 publishes EMAIL_REGEX (the emailregex.com RFC 5322 pattern). It
//! is unanchored; Java's `matches()` requires the whole text to match, so it is
//! wrapped as `^(?:…)$` (FACTS.md §2.3 item 3: unanchored, "x y@duck.com" would
//! pass). It runs on `regex-lite`, which is linear-time, after the 240-character
//! cap (FACTS.md §2.2, `Contact.email` 0–240) so no pattern ever sees long input.
//! The pattern is ASCII-only: an internationalized address such as
//! "josé@x.com" or a Unicode domain is rejected, as Adobe rejects it. The
//! overlapping range `\x21-\x5a\x53-\x7f` is the original's harmless quirk
//! (§2.3 item 11), kept verbatim.

use crate::{Code, Finding};
use std::sync::LazyLock;

/// The longest email address, in characters (FACTS.md §2.2).
pub const MAX_LENGTH: usize = 240;

/// EMAIL_REGEX, un-escaped as in FACTS.md §2.1, inside `^(?:` … `)$`.
const PATTERN: &str = concat!(
    r#"^(?:(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*"#,
    r#"|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")"#,
    r#"@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"#,
    r#"|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?"#,
    r#"|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]"#,
    r#"|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\]))$"#,
);

/// The compiled pattern; `None` only if the constant above failed to compile,
/// which the tests rule out.
static EMAIL: LazyLock<Option<regex_lite::Regex>> =
    LazyLock::new(|| regex_lite::Regex::new(PATTERN).ok());

/// Checks an email address: required, at most 240 characters, Adobe's pattern.
pub fn check(value: &str) -> Vec<Finding> {
    if value.is_empty() {
        return vec![Finding::new(Code::FieldRequired)];
    }
    if let Some(too_long) = super::text::length(value, 0, MAX_LENGTH) {
        return vec![too_long];
    }
    if matches(value) {
        Vec::new()
    } else {
        vec![Finding::new(Code::EmailInvalidFormat)]
    }
}

/// Whether the whole of `value` matches EMAIL_REGEX.
fn matches(value: &str) -> bool {
    EMAIL.as_ref().is_some_and(|regex| regex.is_match(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(value: &str) -> Vec<Code> {
        crate::field::testing::codes(check(value))
    }

    #[test]
    fn the_pattern_compiles() {
        regex_lite::Regex::new(PATTERN).expect("EMAIL_REGEX compiles in regex-lite");
    }

    #[test]
    fn accepts_the_spec_examples_and_rfc_forms() {
        for email in [
            "mickey@mouse.com",
            "customer-admin@email.com",
            "first.last+tag@sub.example.co.uk",
            "o'brien@example.ie",
            "\"john..doe\"@example.com",
            "\"john\\ doe\"@example.com",
            "\"a\\\"b\"@example.com",
            "user@[192.168.0.1]",
            "x@a.b",
        ] {
            assert!(check(email).is_empty(), "{email}");
        }
    }

    #[test]
    fn rejects_what_java_matches_rejects() {
        for email in [
            "x y@duck.com",
            "mickey@mouse.com ",
            " mickey@mouse.com",
            "mickey@mouse.com\n",
            "mickey@mouse.com.",
            "mickey.@mouse.com",
            ".mickey@mouse.com",
            "mickey@@mouse.com",
            "mickey@localhost",
            "mickey@-mouse.com",
            "mickey",
            "user@[256.1.1.1]",
            "\"john doe\"@example.com",
            // The pattern's address literal needs three dotted octets first.
            "user@[IPv6:2001:db8::1]",
            "josé@x.com",
            "jose@bücher.de",
        ] {
            assert_eq!(codes(email), vec![Code::EmailInvalidFormat], "{email:?}");
        }
    }

    #[test]
    fn checks_length_before_the_pattern() {
        assert_eq!(codes(""), vec![Code::FieldRequired]);
        let local = "a".repeat(64);
        let at_cap = format!("{local}@{}.com", "b".repeat(240 - 64 - 5));
        assert_eq!(at_cap.len(), 240);
        assert!(check(&at_cap).is_empty());
        let over = format!("{local}@{}.com", "b".repeat(241 - 64 - 5));
        assert_eq!(codes(&over), vec![Code::StringTooLong]);
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }

        #[test]
        fn regex_lite_agrees_with_regex(value in "[a-z. \"\\\\@\\[\\]0-9:-]{0,24}") {
            let oracle = regex::Regex::new(PATTERN).expect("compiles in regex");
            prop_assert_eq!(matches(&value), oracle.is_match(&value));
        }

        #[test]
        fn simple_addresses_pass(local in "[a-z0-9]{1,20}", domain in "[a-z0-9]{1,20}") {
            let address = [local.as_str(), "@", domain.as_str(), ".com"].concat();
            prop_assert!(check(&address).is_empty());
        }
    }
}
