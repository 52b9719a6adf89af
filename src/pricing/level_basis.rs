//! Which quantity a mid-term volume discount level counts: this order's, or
//! everything held in the term with it (issue 15, item 2).
//!
//! The seeds agree on the order:
//! - partner-api-reference-2024-02.txt, "Volume Discounting": "A customer's
//!   volume discount level will be evaluated after each order. It is based on
//!   the customer's current level and the cumulative quantity of
//!   volume-discount-eligible products in that order";
//! - storefront-ordering-rules.txt, "Calculation of Volume Discount Level":
//!   "calculated based on the total quantity of all add-ons per order", and
//!   the informative message: "the end customer's current level in Adobe,
//!   along with the add-on quantity of the new Adobe order".
//!
//! So [`LevelBasis::Order`] is the default: the level is the better of the
//! customer's current level and the level this order's qualifying quantity
//! reaches. FACTS.md §3.2 reads "cumulative" across the term instead (S11, the
//! Linked Membership page: "determined based on the number of licenses
//! purchased during a license term"), and says the wording is ambiguous; that
//! reading stays available as [`LevelBasis::Term`] for a storefront whose
//! previews show Adobe counting that way. The current level already carries
//! what earlier orders earned, so the two differ only when earlier orders of
//! the term together crossed a threshold that none of them crossed alone.

use super::level::Quantities;
use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// The quantity a mid-term level is computed from.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    FromJson,
    crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelBasis {
    /// The qualifying quantity of this order, with the customer's current
    /// level (Partner API reference and storefront text).
    #[default]
    Order,
    /// What the customer holds in the term plus this order (FACTS.md §3.2's
    /// reading of "cumulative").
    Term,
}

/// The quantities counted under `basis`.
pub fn counted(basis: LevelBasis, owned: Quantities, order: Quantities) -> Quantities {
    match basis {
        LevelBasis::Order => order,
        LevelBasis::Term => owned.plus(order),
    }
}

/// Where the counted quantity comes from, in words for the explanation.
pub fn counted_where(basis: LevelBasis) -> &'static str {
    match basis {
        LevelBasis::Order => "in this order",
        LevelBasis::Term => "held in this term with this order",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWNED: Quantities = Quantities {
        license: 7,
        consumables: 900,
    };
    const ORDER: Quantities = Quantities {
        license: 3,
        consumables: 100,
    };

    #[test]
    fn the_order_reading_ignores_what_is_held() {
        assert_eq!(counted(LevelBasis::Order, OWNED, ORDER), ORDER);
    }

    #[test]
    fn the_term_reading_adds_what_is_held() {
        let both = counted(LevelBasis::Term, OWNED, ORDER);
        assert_eq!((both.license, both.consumables), (10, 1000));
    }

    #[test]
    fn the_basis_is_read_in_camel_case_and_defaults_to_the_order() {
        let read: LevelBasis = serde_json::from_str("\"term\"").expect("term");
        assert_eq!(read, LevelBasis::Term);
        assert_eq!(LevelBasis::default(), LevelBasis::Order);
    }
}
