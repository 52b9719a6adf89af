//! `offerId` on line items: a shape check only.
//!
//! Adobe's offer IDs are ASCII letters and digits such as `65304479CA01A12`
//! (Feb-2024 reference examples); FACTS.md §2.2 caps IDs at 40. This rule checks
//! only that shape, 1–40 ASCII alphanumerics; parsing an offer ID into its parts
//! (product, market segment, level, …) is a separate, later rule.

use crate::{Code, Finding};

/// The longest offer ID accepted (FACTS.md §2.1: "IDs ≤40").
pub const MAX_LENGTH: usize = 40;

/// Checks an offer ID: required, 1–40 ASCII letters and digits. Inline, as
/// the shared shape check it calls is: an order checks up to 499 of them.
#[inline]
pub fn check(value: &str) -> Vec<Finding> {
    let fits = |value: &str| value.len() <= MAX_LENGTH && super::all_ascii_alphanumeric(value);
    super::required_shape(value, fits, Code::OfferIdInvalidFormat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_offer_ids() {
        for id in ["65304479CA01A12", "80004567EA01A12", "X"] {
            assert!(check(id).is_empty(), "{id}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for id in [
            "65304479-CA01A12",
            "65304479CA01A12 ",
            &"A".repeat(41),
            "６５",
        ] {
            assert_eq!(check(id)[0].code, Code::OfferIdInvalidFormat, "{id}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
