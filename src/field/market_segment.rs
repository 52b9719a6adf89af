//! The `companyProfile.marketSegment` rule: `COM`, `EDU` or `GOV`.
//!
//! Adobe's spec publishes the pattern `COM|EDU|GOV` unanchored (FACTS.md §2.2 (b)),
//! but Java bean validation matches the whole value, so only the three exact
//! values pass (FACTS.md §2.3 item 3, §2.7). The segments themselves are the
//! [`MarketSegment`] type, the one home the pricing and the offer IDs read too.

use crate::input::FromJson;
use crate::report::{Code, Finding};
use serde::{Deserialize, Serialize};

/// The market segments Adobe accepts (FACTS.md §2.7), as text.
pub const ALL: [&str; 3] = [
    MarketSegment::Com.as_str(),
    MarketSegment::Edu.as_str(),
    MarketSegment::Gov.as_str(),
];

/// A customer's market segment (FACTS.md §2.7); offer IDs carry it as `A`/`B`/`C`.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    FromJson,
    crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
pub enum MarketSegment {
    /// Commercial, offer letter `A`.
    #[default]
    Com,
    /// Education, offer letter `B`.
    Edu,
    /// Government, offer letter `C`.
    Gov,
}

impl MarketSegment {
    /// The segment of an offer ID's 10th character (FACTS.md §3.1).
    pub fn from_offer_byte(byte: u8) -> Option<MarketSegment> {
        Some(match byte {
            b'A' => MarketSegment::Com,
            b'B' => MarketSegment::Edu,
            b'C' => MarketSegment::Gov,
            _ => return None,
        })
    }

    /// Every segment, in Adobe's order.
    pub const ALL: [MarketSegment; 3] =
        [MarketSegment::Com, MarketSegment::Edu, MarketSegment::Gov];

    /// The segment a value names exactly (`"COM"`, not `"com"` nor `"COMX"`).
    pub fn parse(value: &str) -> Option<MarketSegment> {
        MarketSegment::ALL
            .into_iter()
            .find(|segment| segment.as_str() == value)
    }

    /// `COM`, `EDU` or `GOV`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MarketSegment::Com => "COM",
            MarketSegment::Edu => "EDU",
            MarketSegment::Gov => "GOV",
        }
    }
}

/// Findings for a market segment; empty when it is one of [`ALL`].
pub fn check(value: &str) -> Vec<Finding> {
    if MarketSegment::parse(value).is_some() {
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
