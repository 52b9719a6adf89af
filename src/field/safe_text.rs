//! Free text fields under Adobe's XSS rule: address lines, city, phone number,
//! external reference ID.
//!
//! FACTS.md §2.1 publishes XSS_REGEX `^[^<>[\"]]*$`; FACTS.md §2.2 applies it to
//! `addressLine1`/`addressLine2` (0–60), `city` (0–40), `Address.phoneNumber`
//! (0–40) and `externalReferenceId` (0–35). The class is a negated class holding
//! a nested class: "anything except `<`, `>` and `"`". `[` and `]` are allowed
//! (FACTS.md §2.3 item 7). Empty text passes: whether a field is required is the
//! caller's decision.

use super::text;
use crate::{Code, Finding};

use crate::field_registry::free_text_max;

// The caps are the field registry's (`src/field_registry.rs`), read here by name
// so that the request validators and `validate_field` share one number.

/// The longest address line (FACTS.md §2.2).
pub const ADDRESS_LINE_MAX: usize = free_text_max("addressLine1");
/// The longest city (FACTS.md §2.2).
pub const CITY_MAX: usize = free_text_max("city");
/// The longest address phone number (FACTS.md §2.2). A contact's phone number
/// is not free text under this rule: see [`contact_phone`](super::contact_phone).
pub const PHONE_NUMBER_MAX: usize = free_text_max("phoneNumber");
/// The longest external reference ID of a reseller, customer or order
/// (FACTS.md §2.2; Restrictions, error 2126).
pub const EXTERNAL_REFERENCE_ID_MAX: usize = free_text_max("externalReferenceId");

/// The characters XSS_REGEX forbids (FACTS.md §2.3 item 7).
const FORBIDDEN: [char; 3] = ['<', '>', '"'];

/// Checks free text: at most `max` characters, none of `<`, `>`, `"`. Reports
/// the length violation and the first forbidden character together.
pub fn check(value: &str, max: usize) -> Vec<Finding> {
    text::both(text::length(value, 0, max), forbidden(value))
}

/// `text.forbidden_character` for the first of `<`, `>`, `"` in `value`.
fn forbidden(value: &str) -> Option<Finding> {
    // The forbidden characters are ASCII, and an ASCII byte in UTF-8 is always
    // that character (never part of a longer one): a byte scan finds it.
    let at = value
        .bytes()
        .position(|byte| FORBIDDEN.iter().any(|&c| u32::from(byte) == u32::from(c)))?;
    let found = value.get(at..=at)?;
    Some(Finding::new(Code::TextForbiddenCharacter).with("character", found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Param;
    use proptest::prelude::*;

    fn codes(value: &str, max: usize) -> Vec<Code> {
        crate::field::testing::codes(check(value, max))
    }

    #[test]
    fn accepts_ordinary_text_brackets_and_empty() {
        for value in [
            "",
            "1 Main St.",
            "Apt [4B]",
            "+1 (408) 555-0100",
            "東京都港区",
            "a&b; c'd #5",
        ] {
            assert!(check(value, ADDRESS_LINE_MAX).is_empty(), "{value}");
        }
    }

    #[test]
    fn rejects_angle_brackets_and_double_quotes() {
        for (value, c) in [("<script>", "<"), ("a > b", ">"), ("say \"hi\"", "\"")] {
            let findings = check(value, ADDRESS_LINE_MAX);
            assert_eq!(findings.len(), 1);
            assert_eq!(findings[0].code, Code::TextForbiddenCharacter);
            assert_eq!(
                findings[0].params.get("character").map(Param::to_string),
                Some(c.into())
            );
        }
    }

    #[test]
    fn checks_length_in_characters() {
        assert!(check(&"ü".repeat(35), EXTERNAL_REFERENCE_ID_MAX).is_empty());
        assert_eq!(
            codes(&"ü".repeat(36), EXTERNAL_REFERENCE_ID_MAX),
            vec![Code::StringTooLong]
        );
        assert_eq!(
            codes(&format!("<{}", "a".repeat(40)), CITY_MAX),
            vec![Code::StringTooLong, Code::TextForbiddenCharacter]
        );
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>(), max in 0usize..100) {
            let _ = check(&value, max);
        }

        #[test]
        fn agrees_with_the_published_pattern(value in "[a-z<>\"\\[\\] ]{0,20}") {
            // XSS_REGEX verbatim (FACTS.md §2.1), nested class and all.
            let oracle = regex::Regex::new(r#"^[^<>[\"]]*$"#).expect("compiles");
            prop_assert_eq!(check(&value, 60).is_empty(), oracle.is_match(&value));
        }
    }
}
