//! `subscriptionId`: exactly 32 ASCII letters and digits.
//!
//! FACTS.md §2.2: `SubscriptionDto.subscriptionId` `^[\p{Alnum}]{32}$`. Java's
//! `\p{Alnum}` is POSIX ASCII `[0-9A-Za-z]` (FACTS.md §2.3 item 6).

use crate::{Code, Finding};

/// The length of every subscription ID (FACTS.md §2.2).
pub const LENGTH: usize = 32;

/// Checks a subscription ID: required, exactly 32 ASCII alphanumerics.
pub fn check(value: &str) -> Vec<Finding> {
    if value.is_empty() {
        vec![Finding::new(Code::FieldRequired)]
    } else if value.len() == LENGTH && value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Vec::new()
    } else {
        vec![Finding::new(Code::SubscriptionIdInvalidFormat)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_32_alphanumerics() {
        assert!(check("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5NA").is_empty());
        assert!(check(&"Z".repeat(32)).is_empty());
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for id in [
            "a".repeat(31),
            "a".repeat(33),
            format!("{}-", "a".repeat(31)),
            "é".repeat(16),
        ] {
            assert_eq!(
                check(&id)[0].code,
                Code::SubscriptionIdInvalidFormat,
                "{id}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
