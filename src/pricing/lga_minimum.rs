//! A Large Government Agency orders at least 100 licences: the first LGA level
//! (06) starts there, and Adobe refuses fewer with 1170 (issue 15, item 7).
//!
//! Sources, and where they disagree:
//! - FACTS.md §3.2 (S1 `lga/index.md`): LGA levels "06 100–999, 07 1000–4999,
//!   08 5000–9999, 09 9999+" — there is no LGA level below 100;
//! - FACTS.md §4.2 (S1 `lga/error-codes.md`): 1170 "Invalid quantity for LGA";
//!   §4.1 (5117 transfer reasons): `INSUFFICIENT_LGA_MOQ`, `LGA_QTY_LEVEL_MISMATCH`;
//! - FACTS.md §2.7: "renewalQuantity > 100 to convert; S5 rejects LGA
//!   quantities ≤ 100 ('must be greater than 100')".
//!
//! The S1 band and S5's check differ by one licence (100 is in level 06, but
//! S5 refuses it). Adobe's own band decides: at least 100 is accepted, 99 is
//! refused; S5 is an implementation and its "> 100" is read as its own margin.
//!
//! Before this rule a quote for an LGA customer ordering 5 licences priced them
//! at level 06, a level Adobe would not give. The minimum applies to the
//! quantity the level counts ([`super::LevelBasis`]; a renewal's quantity at
//! renewal) unless the customer already holds an LGA level (06–09): an LGA
//! customer adding a few seats mid-term keeps its level, as every customer
//! does (*assumed*: Adobe's LGA pages speak of the MOQ for becoming and
//! renewing as an LGA, not of each later order).

use super::level::{LICENSE_LGA, LevelInput, OfferType, find_tier};
use super::level_basis;
use crate::{Code, Finding};

/// The least number of licences an LGA customer orders (level 06).
pub const MIN_LICENSES: u64 = LICENSE_LGA[0].min;

/// Whether `level` is one of the LGA levels 06–09.
pub fn is_lga_level(level: &str) -> bool {
    LICENSE_LGA.iter().any(|tier| tier.level == level)
}

/// Whether `licences` (none: nothing to check) are too few for an LGA
/// customer at the `current` level; at renewal the level is recounted.
pub fn below_minimum(licences: u64, current: Option<&str>, renewal: bool) -> bool {
    let holds_lga_level = !renewal && current.is_some_and(is_lga_level);
    licences > 0 && licences < MIN_LICENSES && !holds_lga_level
}

/// The violation for a quote or an order: `quantity` licences, fewer than 100.
pub fn finding(quantity: u64) -> Finding {
    let whole = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    Finding::new(Code::LgaQuantityBelowMinimum)
        .with("min", whole(MIN_LICENSES))
        .with("quantity", whole(quantity))
}

/// The check on a level's input: `None` unless the customer is an LGA whose
/// counted licences are below the minimum.
pub fn check_level_input(input: &LevelInput) -> Option<Finding> {
    if !input.lga {
        return None;
    }
    let counted = if input.renewal {
        input.order
    } else {
        level_basis::counted(input.basis, input.owned, input.order)
    };
    let licences = counted.of(OfferType::License);
    let current = input.current.license.as_deref();
    let current = current.filter(|code| find_tier(OfferType::License, code).is_some());
    below_minimum(licences, current, input.renewal).then(|| finding(licences))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::level::Quantities;

    fn lga(licences: u64) -> LevelInput {
        LevelInput {
            lga: true,
            order: Quantities {
                license: licences,
                consumables: 0,
            },
            ..LevelInput::default()
        }
    }

    #[test]
    fn ninety_nine_is_refused_and_a_hundred_accepted() {
        let refused = check_level_input(&lga(99)).expect("99 is below");
        assert_eq!(refused.code, Code::LgaQuantityBelowMinimum);
        assert!(check_level_input(&lga(100)).is_none());
    }

    #[test]
    fn a_customer_at_an_lga_level_adds_a_few_seats_mid_term() {
        let mut input = lga(5);
        input.current.license = Some("06".into());
        assert!(check_level_input(&input).is_none());
        input.renewal = true;
        assert!(check_level_input(&input).is_some(), "a renewal recounts");
    }

    #[test]
    fn only_lga_customers_and_only_licences_count() {
        let mut input = lga(5);
        input.lga = false;
        assert!(check_level_input(&input).is_none());
        let consumables_only = LevelInput {
            lga: true,
            order: Quantities {
                license: 0,
                consumables: 50,
            },
            ..LevelInput::default()
        };
        assert!(check_level_input(&consumables_only).is_none());
    }

    #[test]
    fn the_term_reading_counts_what_is_held() {
        let mut input = lga(40);
        input.owned.license = 60;
        assert!(check_level_input(&input).is_some());
        input.basis = super::super::LevelBasis::Term;
        assert!(check_level_input(&input).is_none());
    }
}
