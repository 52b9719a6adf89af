//! A contact's phone number: at most 40 characters, and no character rule.
//!
//! The reference's Contact table reads "phoneNumber string Optional. Phone
//! number of the contact Max: 40 characters" and gives no pattern
//! (partner-api-reference-2024-02.txt, Resources, Contact). Adobe's Swagger
//! spec agrees: `Contact.phoneNumber` has no pattern and length 0–40, while
//! `Address.phoneNumber` carries the XSS pattern (FACTS.md §2.2). So a
//! contact's phone is not held to the address phone's rule
//! ([`safe_text`](super::safe_text)): only its length is checked. Empty text
//! passes; the field is optional.

use super::text;
use crate::Finding;

/// The longest contact phone number (Resources, Contact: "Max: 40").
pub const MAX: usize = 40;

/// Checks a contact's phone number: `string.too_long` past [`MAX`] characters.
pub fn check(value: &str) -> Vec<Finding> {
    text::length(value, 0, MAX).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    fn codes(value: &str) -> Vec<Code> {
        crate::field::testing::codes(check(value))
    }

    #[test]
    fn any_character_up_to_40_passes() {
        for value in [
            "",
            "+1 (408) 555-0100",
            "<ext. 12>",
            "\"main\" line",
            &"1".repeat(40),
        ] {
            assert_eq!(codes(value), [], "{value:?}");
        }
    }

    #[test]
    fn the_41st_character_is_too_long() {
        assert_eq!(codes(&"1".repeat(41)), [Code::StringTooLong]);
        assert_eq!(codes(&"☎".repeat(41)), [Code::StringTooLong]);
        assert_eq!(codes(&"☎".repeat(40)), []);
    }
}
