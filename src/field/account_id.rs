//! Account IDs: `customerId`, `resellerId`, `distributorId` (and order IDs,
//! which Adobe issues in the same shape).
//!
//! FACTS.md §2.1 / §2.2: ACCOUNT_ID_REGEX `^[\p{L}\d\-]{4,40}$`. In Java `\d` is
//! ASCII 0–9 only (FACTS.md §2.3 item 5), so Arabic-Indic digits are refused
//! while letters of any script pass. Counted in characters.

use crate::unicode::is_letter;
use crate::{Code, Finding};

/// The shortest account ID (FACTS.md §2.1).
pub const MIN_LENGTH: usize = 4;
/// The longest account ID (FACTS.md §2.1).
pub const MAX_LENGTH: usize = 40;

/// Checks an account ID: required, 4–40 letters, ASCII digits or hyphens.
pub fn check(value: &str) -> Vec<Finding> {
    super::required_shape(value, is_valid, Code::IdInvalidFormat)
}

/// Whether `value` matches ACCOUNT_ID_REGEX.
fn is_valid(value: &str) -> bool {
    let length = value.chars().count();
    (MIN_LENGTH..=MAX_LENGTH).contains(&length) && value.chars().all(admits)
}

/// `[\p{L}\d\-]` with Java's ASCII `\d`.
fn admits(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn codes(value: &str) -> Vec<Code> {
        crate::field::testing::codes(check(value))
    }

    #[test]
    fn accepts_adobe_shaped_ids() {
        for id in [
            "9876543210",
            "1000123456",
            "P1005053052",
            "abcd",
            "ab-12",
            "ÄÖÜß",
            &"7".repeat(40),
        ] {
            assert!(check(id).is_empty(), "{id}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(codes(""), vec![Code::FieldRequired]);
        for id in [
            "123",
            &"7".repeat(41),
            "12 34",
            "12_34",
            "٣٣٣٣",
            "1234\u{0301}",
            "1234😀",
            "1234\n",
        ] {
            assert_eq!(codes(id), vec![Code::IdInvalidFormat], "{id:?}");
        }
    }

    /// ACCOUNT_ID_REGEX with Java's ASCII `\d` spelled `0-9` (FACTS.md §2.3 item 5).
    static ORACLE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^[\p{L}0-9\-]{4,40}$").expect("compiles"));

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }

        #[test]
        fn agrees_with_java_reading(value in "[a-zé0-9٣\\- _]{0,45}") {
            prop_assert_eq!(check(&value).is_empty(), ORACLE.is_match(&value));
        }
    }
}
