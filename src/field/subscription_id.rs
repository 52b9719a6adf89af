//! `subscriptionId`: 1 to 40 ASCII letters and digits.
//!
//! The reference's Resources tables give the length, and only the length:
//! "subscriptionId string Unique identifier of the subscription resource Max: 40
//! characters" (partner-api-reference-2024-02.txt, Resources, Subscription and
//! Order LineItem). Its own examples use short IDs — `86756309` (Get Order),
//! `8675309` (VIP transfer), `abcdefg` and `hijklmnop` (transfer line items) —
//! so the 32-character pattern of Adobe's Swagger spec
//! (`SubscriptionDto.subscriptionId` `^[\p{Alnum}]{32}$`, FACTS.md §2.2), which
//! matches the IDs production hands out, would refuse IDs the reference itself
//! writes; it is not applied. What every source agrees on is kept: letters and
//! digits only (Java's `\p{Alnum}` is POSIX ASCII `[0-9A-Za-z]`, FACTS.md §2.3
//! item 6; every example fits), at most 40 of them.

use crate::{Code, Finding};

/// The longest subscription ID (Resources: "Max: 40 characters").
pub const MAX_LENGTH: usize = 40;

/// Checks a subscription ID: required, 1 to [`MAX_LENGTH`] ASCII letters and
/// digits.
pub fn check(value: &str) -> Vec<Finding> {
    let fits = |value: &str| value.len() <= MAX_LENGTH && super::all_ascii_alphanumeric(value);
    super::required_shape(value, fits, Code::SubscriptionIdInvalidFormat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_the_references_examples_and_production_ids() {
        for id in ["86756309", "8675309", "abcdefg", "hijklmnop", "a"] {
            assert!(check(id).is_empty(), "{id}");
        }
        assert!(check("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5NA").is_empty());
        assert!(check(&"Z".repeat(40)).is_empty());
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for id in [
            "a".repeat(41),
            format!("{}-", "a".repeat(31)),
            "abc def".to_owned(),
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
