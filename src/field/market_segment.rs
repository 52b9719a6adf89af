//! The `companyProfile.marketSegment` rule: `COM`, `EDU` or `GOV`.
//!
//! Adobe's spec publishes the pattern `COM|EDU|GOV` unanchored (FACTS.md §2.2 (b)),
//! but Java bean validation matches the whole value, so only the three exact
//! values pass (FACTS.md §2.3 item 3, §2.7).

use crate::report::{Code, Finding};

/// The market segments Adobe accepts (FACTS.md §2.7).
pub const ALL: [&str; 3] = ["COM", "EDU", "GOV"];

/// Findings for a market segment; empty when it is one of [`ALL`].
pub fn check(value: &str) -> Vec<Finding> {
    if ALL.contains(&value) {
        Vec::new()
    } else {
        vec![Finding::new(Code::EnumInvalid).with("allowed", "COM, EDU or GOV")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_segments() {
        for value in ALL {
            assert!(check(value).is_empty(), "{value}");
        }
    }

    #[test]
    fn rejects_partial_and_other_values() {
        // An unanchored `COM|EDU|GOV` would accept the first two (FACTS.md §2.3 item 3).
        for value in ["COMX", "xEDU", "com", "", "COM|EDU", "GOVT"] {
            let found = check(value);
            assert_eq!(found.len(), 1, "{value}");
            assert_eq!(found[0].code, Code::EnumInvalid);
        }
    }
}
