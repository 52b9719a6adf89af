//! VIP `membershipId` (the source of a VIP → VIP Marketplace transfer).
//!
//! FACTS.md §2.2: `SubscriptionDto.membershipId` `^[\p{Alnum}\-]{1,40}$`, with
//! Java's ASCII `\p{Alnum}` (FACTS.md §2.3 item 6).

use crate::{Code, Finding};

/// The longest membership ID (FACTS.md §2.2).
pub const MAX_LENGTH: usize = 40;

/// Checks a membership ID: required, 1–40 ASCII letters, digits or hyphens.
pub fn check(value: &str) -> Vec<Finding> {
    let fits = |value: &str| value.len() <= MAX_LENGTH && value.bytes().all(admits);
    super::required_shape(value, fits, Code::MembershipIdInvalidFormat)
}

/// `[\p{Alnum}\-]`, ASCII.
fn admits(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_membership_ids() {
        for id in ["00000000000000000000", "ABC-123", "x", &"9".repeat(40)] {
            assert!(check(id).is_empty(), "{id}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for id in [
            "9".repeat(41),
            "ABC 123".into(),
            "ABC_123".into(),
            "Ä".into(),
        ] {
            assert_eq!(check(&id)[0].code, Code::MembershipIdInvalidFormat, "{id}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
