//! How many units a RETURN line may take back: what is left to return on the
//! referenced line, not only what that line bought (issue 15, item 3).
//!
//! Source: FACTS.md §3.5 and §4.3. Since 2026-08-13 a NEW or RENEWAL line may
//! be returned in part, several times, each time for at most its
//! `remainingQuantity` ("partial quantity ≤ `remainingQuantity`, multiple
//! partial returns allowed"; "a later switch reduces the source line's
//! `remainingQuantity`"); Adobe answers HTTP 422 `RETURN_QTY_EXCEEDS_REMAINING`
//! ("Requested return quantity 60 exceeds remaining returnable quantity 55 for
//! line item 4"). A line with nothing left, or cancelled (status 1008), is
//! "already returned" (2133, partner-api-reference-2024-02.txt error table).
//!
//! The referenced order comes from the context as Get Order returns it; when it
//! carries no `remainingQuantity` (an answer from before that field, or a
//! caller that dropped it) the line's bought quantity is the cap, as before.

use crate::report::{Code, Finding, Loc, Report};
use crate::resource::LineItem;

/// A returned line's status once Adobe cancelled it (FACTS.md §3.5: "returned
/// line status 1000→1008").
const CANCELLED: &str = "1008";

/// Checks the quantity asked on the returned line at `path` against the
/// referenced `original` line.
pub(super) fn check(path: &Loc<'_>, asked: Option<i64>, original: &LineItem, report: &mut Report) {
    let remaining = original.remaining_quantity.unwrap_or(original.quantity);
    if remaining == 0 || original.status.as_deref() == Some(CANCELLED) {
        report.add(
            &path.key("extLineItemNumber"),
            Finding::new(Code::ReturnAlreadyReturned),
        );
        return;
    }
    let Some(asked) = asked else { return };
    let bought = i64::try_from(original.quantity).unwrap_or(i64::MAX);
    let left = i64::try_from(remaining).unwrap_or(i64::MAX);
    if asked > bought {
        let finding = Finding::new(Code::NumberOutOfRange)
            .with("min", 1_i64)
            .with("max", bought)
            .with("reason", "(the quantity bought on that line)");
        report.add(&path.key("quantity"), finding);
    } else if asked > left {
        let finding = Finding::new(Code::ReturnExceedsRemaining)
            .with("quantity", asked)
            .with("remaining", left);
        report.add(&path.key("quantity"), finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    /// A RETURN of `quantity` units of line 1.
    fn returning(quantity: i64) -> Value {
        json!({
            "orderType": "RETURN",
            "referenceOrderId": "5556667778",
            "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": quantity }]
        })
    }

    /// The referenced NEW order: line 1 bought 60, `remaining` left.
    fn reference(remaining: Option<u64>, status: Option<&str>) -> crate::validate::Context {
        let mut line =
            json!({ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 60 });
        if let Some(remaining) = remaining {
            line["remainingQuantity"] = json!(remaining);
        }
        if let Some(status) = status {
            line["status"] = json!(status);
        }
        context(json!({ "referenceOrder": { "orderType": "NEW", "lineItems": [line] } }))
    }

    #[test]
    fn what_is_left_caps_a_partial_return() {
        valid(CreateOrder, &returning(55), &reference(Some(55), None));
        let found = [("lineItems[0].quantity", "return.exceeds_remaining")];
        expect(
            CreateOrder,
            &returning(56),
            &reference(Some(55), None),
            &found,
        );
    }

    #[test]
    fn without_remaining_quantity_the_bought_quantity_caps_it() {
        valid(CreateOrder, &returning(60), &reference(None, None));
        let found = [("lineItems[0].quantity", "number.out_of_range")];
        expect(CreateOrder, &returning(61), &reference(None, None), &found);
        expect(
            CreateOrder,
            &returning(61),
            &reference(Some(55), None),
            &found,
        );
    }

    #[test]
    fn a_line_with_nothing_left_is_already_returned() {
        let found = [("lineItems[0].extLineItemNumber", "return.already_returned")];
        expect(
            CreateOrder,
            &returning(1),
            &reference(Some(0), None),
            &found,
        );
        expect(
            CreateOrder,
            &returning(1),
            &reference(None, Some("1008")),
            &found,
        );
        valid(CreateOrder, &returning(1), &reference(None, Some("1000")));
    }
}
