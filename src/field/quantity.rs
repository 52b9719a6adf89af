//! Whole-number ranges, and the per-line quantity limit of orders and renewals.
//!
//! FACTS.md §3.5: the Create Order "Restrictions" (S1 `order-scenarios.md`, same
//! in the Feb-2024 PDF) allow "10,000 for Team products / 200,000 for Enterprise
//! products" per line. `resources.md` says 599,000 for Enterprise (lineItem
//! quantity, currentQuantity, renewalQuantity) and the OpenAPI spec 1–999999 —
//! the sources conflict; this rule takes the stricter 200,000, and 10,000 for
//! Team, the figure every source agrees on. When the product kind is unknown
//! (an offer missing from the catalogue), the Enterprise limit applies and no
//! Team cap is assumed: better to let Adobe refuse than to refuse a valid order.

use crate::offer::ProductKind;
use crate::{Code, Finding};

/// The least quantity of a line (FACTS.md §2.2, `OrderLineItemDto.quantity` 1–999999).
pub const LINE_MIN: i64 = 1;
/// The most units of a Team product on one line (FACTS.md §3.5).
pub const TEAM_LINE_MAX: i64 = 10_000;
/// The most units of an Enterprise product on one line (FACTS.md §3.5, Create
/// Order "Restrictions"; `resources.md` says 599,000).
pub const ENTERPRISE_LINE_MAX: i64 = 200_000;

/// Checks that `value` lies in `min..=max`: `number.out_of_range` with `min`
/// and `max` otherwise.
pub fn check(value: i64, min: i64, max: i64) -> Vec<Finding> {
    out_of_range(value, min, max).into_iter().collect()
}

/// Checks a line-item or renewal quantity against the limit of the product's
/// kind (`None` = unknown: the Enterprise limit, FACTS.md §3.5). The finding
/// carries a `reason` naming the kind, e.g. "for Team products".
pub fn check_line(value: i64, kind: Option<ProductKind>) -> Vec<Finding> {
    let (max, reason) = line_limit(kind);
    let finding = out_of_range(value, LINE_MIN, max);
    finding
        .map(|finding| finding.with("reason", reason))
        .into_iter()
        .collect()
}

/// [`check_line`] for a line of `offer`: the catalogue is asked for the
/// product's kind only when the quantity is outside what every kind allows
/// (1 to 10,000). Nearly no line is, and the lookup (a binary search of the
/// 1,787 partial SKUs, once per line) was 16 % of the instructions of
/// validating a 499-line order.
#[inline]
pub fn check_line_of_offer(value: i64, offer: Option<&str>) -> Vec<Finding> {
    if (LINE_MIN..=TEAM_LINE_MAX).contains(&value) {
        return Vec::new();
    }
    check_line(value, offer.and_then(crate::offer::product_kind))
}

/// The most units on one line, and the words naming whose limit it is.
pub fn line_limit(kind: Option<ProductKind>) -> (i64, &'static str) {
    match kind {
        Some(ProductKind::Team) => (TEAM_LINE_MAX, "for Team products"),
        Some(ProductKind::Enterprise) => (ENTERPRISE_LINE_MAX, "for Enterprise products"),
        None => (ENTERPRISE_LINE_MAX, "per line"),
    }
}

/// `number.out_of_range` when `value` is outside `min..=max`.
fn out_of_range(value: i64, min: i64, max: i64) -> Option<Finding> {
    let inside = (min..=max).contains(&value);
    (!inside).then(|| {
        Finding::new(Code::NumberOutOfRange)
            .with("min", min)
            .with("max", max)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Param;
    use proptest::prelude::*;

    fn reason(findings: &[Finding]) -> Option<String> {
        findings.first()?.params.get("reason").map(Param::to_string)
    }

    #[test]
    fn checks_plain_ranges() {
        assert!(check(1, 1, 499).is_empty());
        assert!(check(499, 1, 499).is_empty());
        let findings = check(500, 1, 499);
        assert_eq!(findings[0].code, Code::NumberOutOfRange);
        assert_eq!(findings[0].params.get("max"), Some(&Param::Number(499)));
        assert_eq!(check(0, 1, 499).len(), 1);
    }

    #[test]
    fn team_lines_stop_at_ten_thousand() {
        assert!(check_line(10_000, Some(ProductKind::Team)).is_empty());
        let findings = check_line(10_001, Some(ProductKind::Team));
        assert_eq!(findings[0].params.get("max"), Some(&Param::Number(10_000)));
        assert_eq!(reason(&findings).as_deref(), Some("for Team products"));
    }

    #[test]
    fn enterprise_and_unknown_lines_stop_at_two_hundred_thousand() {
        assert!(check_line(200_000, Some(ProductKind::Enterprise)).is_empty());
        assert!(check_line(10_001, None).is_empty());
        assert!(check_line(200_000, None).is_empty());
        assert_eq!(check_line(200_001, None).len(), 1);
        let findings = check_line(200_001, Some(ProductKind::Enterprise));
        assert_eq!(
            reason(&findings).as_deref(),
            Some("for Enterprise products")
        );
    }

    #[test]
    fn lines_need_at_least_one_unit() {
        assert_eq!(
            check_line(0, Some(ProductKind::Team))[0].code,
            Code::NumberOutOfRange
        );
        assert_eq!(check_line(-5, None).len(), 1);
    }

    /// Offer IDs of each kind, unknown to the catalogue, and malformed.
    const OFFERS: &[&str] = &[
        "30001468CB01A12",
        "65304479CA01A12",
        "65322651CA01A12",
        "99999999CA01A12",
        "6530",
    ];

    proptest! {
        #[test]
        fn the_kind_is_looked_up_only_when_it_changes_the_answer(
            value in prop_oneof![-3_i64..=3, 9_990_i64..=10_010, 199_990_i64..=200_010, any::<i64>()],
            offer in proptest::option::of(proptest::sample::select(OFFERS)),
        ) {
            let eager = check_line(value, offer.and_then(crate::offer::product_kind));
            prop_assert_eq!(check_line_of_offer(value, offer), eager);
        }

        #[test]
        fn never_panics(value in any::<i64>(), min in any::<i64>(), max in any::<i64>()) {
            let _ = check(value, min, max);
            let _ = check_line(value, None);
        }
    }
}
