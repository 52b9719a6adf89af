//! `contacts[].email`: Adobe's EMAIL regex, run as Java runs it.
//!
//! FACTS.md §2.1 publishes EMAIL_REGEX (the emailregex.com RFC 5322 pattern),
//! copied verbatim into `data/patterns.json`. It is unanchored; Java's
//! `matches()` requires the whole text to match, so it is wrapped as `^(?:…)$`
//! (FACTS.md §2.3 item 3: unanchored, "x y@duck.com" would pass). `cargo xtask
//! codegen` compiles it into an automaton (`src/pattern/mod.rs`), walked in time
//! linear in the input after the 240-character cap (FACTS.md §2.2,
//! `Contact.email` 0–240). The pattern is ASCII-only: an internationalized
//! address such as "josé@x.com" or a Unicode domain is rejected, as Adobe
//! rejects it. The overlapping range `\x21-\x5a\x53-\x7f` is the original's
//! harmless quirk (§2.3 item 11), kept verbatim.

use crate::pattern::{Dense, generated};
use crate::{Code, Finding};
use std::sync::OnceLock;

/// The longest email address, in characters (FACTS.md §2.2).
pub const MAX_LENGTH: usize = 240;

/// EMAIL_REGEX, un-escaped as in FACTS.md §2.1, inside `^(?:` … `)$`: the text
/// the core's automaton was compiled from (it runs no regex engine).
pub const PATTERN: &str = generated::EMAIL_PATTERN;

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
    static DENSE: OnceLock<Dense> = OnceLock::new();
    DENSE
        .get_or_init(|| Dense::of(&generated::EMAIL))
        .matches(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::testing::edited;
    use proptest::prelude::*;
    use proptest::sample::Index;
    use std::sync::LazyLock;

    /// Addresses Adobe accepts: the spec's examples and the RFC 5322 forms.
    const ACCEPTED: &[&str] = &[
        "mickey@mouse.com",
        "customer-admin@email.com",
        "first.last+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "\"john..doe\"@example.com",
        "\"john\\ doe\"@example.com",
        "\"a\\\"b\"@example.com",
        "user@[192.168.0.1]",
        "x@a.b",
    ];

    /// Addresses Java's `matches()` rejects.
    const REJECTED: &[&str] = &[
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
    ];

    /// The oracle: the same text run by the full `regex` crate.
    static ORACLE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(PATTERN).expect("EMAIL_REGEX compiles in regex"));

    fn codes(value: &str) -> Vec<Code> {
        crate::field::testing::codes(check(value))
    }

    #[test]
    fn accepts_the_spec_examples_and_rfc_forms() {
        for email in ACCEPTED {
            assert!(check(email).is_empty(), "{email}");
        }
    }

    #[test]
    fn rejects_what_java_matches_rejects() {
        for email in REJECTED {
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

    #[test]
    fn the_pattern_is_adobes_as_published() {
        // FACTS.md §2.1 (un-escaped), wrapped for Java's full match.
        assert!(PATTERN.starts_with(r"^(?:(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#"));
        assert!(PATTERN.ends_with(r"|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\]))$"));
    }

    #[test]
    fn automaton_agrees_with_regex_on_the_test_inputs() {
        for email in ACCEPTED.iter().chain(REJECTED) {
            assert_eq!(matches(email), ORACLE.is_match(email), "{email:?}");
        }
    }

    #[test]
    fn automaton_agrees_with_regex_on_every_fixture_email() {
        let mut emails = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for path in json_files(std::path::Path::new(root)) {
            let text = std::fs::read_to_string(&path).expect("fixture readable");
            let fixture: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
            collect_emails(&fixture, &mut emails);
        }
        assert!(emails.len() > 30, "only {} emails found", emails.len());
        for email in &emails {
            assert_eq!(matches(email), ORACLE.is_match(email), "{email:?}");
        }
    }

    fn json_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let entries = std::fs::read_dir(dir).expect("fixtures directory");
        let mut files = Vec::new();
        for path in entries.map(|entry| entry.expect("directory entry").path()) {
            if path.is_dir() {
                files.extend(json_files(&path));
            } else if path.extension().is_some_and(|ext| ext == "json") {
                files.push(path);
            }
        }
        files
    }

    /// Every string under an `email` or `requestedBy` key, and every `value` of
    /// a field case named `email` or `requestedBy`.
    fn collect_emails(value: &serde_json::Value, into: &mut Vec<String>) {
        use serde_json::Value;
        let is_email_field = |name: &str| name == "email" || name == "requestedBy";
        match value {
            Value::Object(object) => {
                let named = object.get("name").and_then(Value::as_str);
                if named.is_some_and(is_email_field) {
                    into.extend(
                        object
                            .get("value")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                    );
                }
                for (key, inner) in object {
                    match inner {
                        Value::String(text) if is_email_field(key) => into.push(text.clone()),
                        _ => collect_emails(inner, into),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| collect_emails(item, into)),
            _ => {}
        }
    }

    /// Characters that steer the pattern's branches: atoms, dots, quotes,
    /// backslashes, address literals, controls, spaces and non-ASCII letters.
    const ALPHABET: &str = r#"[a-zA-Z0-9.@"\\\[\]:!#$%&'*+/=?^_`{|}~\x01\x0b\x0e\x7f\t éü中-]"#;

    /// Addresses the pattern accepts, generated from its own text.
    fn valid_address() -> impl Strategy<Value = String> {
        let body = PATTERN
            .strip_prefix("^(?:")
            .and_then(|p| p.strip_suffix(")$"))
            .expect("anchored");
        proptest::string::string_regex(body).expect("proptest reads the pattern")
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }

        #[test]
        fn automaton_agrees_with_regex_on_random_strings(
            value in proptest::string::string_regex(&format!("{ALPHABET}{{0,40}}")).expect("alphabet"),
        ) {
            prop_assert_eq!(matches(&value), ORACLE.is_match(&value));
        }

        #[test]
        fn automaton_agrees_with_regex_near_valid_addresses(
            value in valid_address(),
            at in any::<Index>(),
            edit in any::<u8>(),
            c in proptest::string::string_regex(ALPHABET).expect("alphabet"),
        ) {
            prop_assert!(matches(&value), "{:?}", value);
            let c = c.chars().next().unwrap_or('x');
            let near = edited(&value, at, edit, c);
            prop_assert_eq!(matches(&near), ORACLE.is_match(&near), "{:?}", near);
        }

        #[test]
        fn simple_addresses_pass(local in "[a-z0-9]{1,20}", domain in "[a-z0-9]{1,20}") {
            let address = [local.as_str(), "@", domain.as_str(), ".com"].concat();
            prop_assert!(check(&address).is_empty());
        }
    }
}
