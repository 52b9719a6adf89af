//! Resource status codes and what each means for each resource.
//!
//! Source: reference (Feb 2024), "Status Codes & Error Handling", Resource
//! Status Codes (1000–1026, with their applicable resources); FACTS.md §1.2 for
//! 1009 (subscription scheduled, since 2024-08-01). The same code means
//! different things per resource: 1004 is an inactive account, a failed order,
//! an inactive subscription.
//!
//! The rows live in `data/statuses.json` (see data/README.md) and are generated
//! into `generated.rs`; the first row that matches a code and a resource wins.

#[rustfmt::skip]
mod generated;

/// The kind of resource a status belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    /// A reseller account.
    Reseller,
    /// A customer account.
    Customer,
    /// An order (and its line items).
    Order,
    /// A subscription.
    Subscription,
    /// A transfer (reseller change or VIP→VIPMP).
    Transfer,
}

/// The colour the reference gives a status: green, yellow, red.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Health {
    /// Active, complete.
    Green,
    /// Pending, open, scheduled: wait and read again.
    Yellow,
    /// Inactive, failed, cancelled.
    Red,
}

/// What a status code means for a resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StatusMeaning {
    /// The code, e.g. `1004`.
    pub code: &'static str,
    /// Green, yellow or red.
    pub health: Health,
    /// The meaning for this resource, e.g. "Order failed: customer is inactive".
    pub text: &'static str,
}

use generated::ROWS;

/// What a status code means for a kind of resource; `None` when the reference
/// does not apply the code to that resource (or does not know the code).
pub fn meaning(kind: ResourceKind, code: &str) -> Option<StatusMeaning> {
    ROWS.iter()
        .find(|(row_code, kinds, _, _)| *row_code == code && kinds.contains(&kind))
        .map(|&(code, _, health, text)| StatusMeaning { code, health, text })
}

/// Every status code the reference and FACTS.md document.
pub fn codes() -> Vec<&'static str> {
    let mut codes: Vec<&str> = ROWS.iter().map(|(code, ..)| *code).collect();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use Health::{Red, Yellow};
    use ResourceKind::{Customer, Order, Reseller, Subscription, Transfer};

    fn text(kind: ResourceKind, code: &str) -> Option<&'static str> {
        meaning(kind, code).map(|m| m.text)
    }

    #[test]
    fn every_documented_code_has_a_meaning() {
        assert_eq!(
            codes(),
            [
                "1000", "1002", "1004", "1008", "1009", "1010", "1012", "1014", "1020", "1022",
                "1024", "1026"
            ]
        );
    }

    #[test]
    fn the_same_code_reads_per_resource() {
        assert_eq!(text(Customer, "1004"), Some("Account inactive"));
        assert_eq!(text(Order, "1004"), Some("Order failed"));
        assert_eq!(text(Subscription, "1004"), Some("Subscription inactive"));
        assert_eq!(text(Transfer, "1000"), Some("Transfer complete"));
        assert_eq!(text(Reseller, "1002"), Some("Account pending"));
    }

    #[test]
    fn codes_apply_only_to_their_resources() {
        assert_eq!(meaning(Order, "1008").map(|m| m.health), Some(Red));
        assert_eq!(meaning(Customer, "1008"), None);
        assert_eq!(meaning(Reseller, "1014"), None);
        assert!(text(Customer, "1014").is_some());
        assert_eq!(
            meaning(Subscription, "1009").map(|m| m.health),
            Some(Yellow)
        );
        for code in ["1020", "1022", "1024", "1026"] {
            assert!(text(Order, code).is_some_and(|t| t.starts_with("Order failed")));
            assert_eq!(meaning(Customer, code), None);
        }
        for code in ["1010", "1012"] {
            assert!(meaning(Reseller, code).is_some() && meaning(Customer, code).is_some());
        }
        assert_eq!(meaning(Order, "9999"), None);
    }
}
