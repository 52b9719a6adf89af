//! A switch is reverted once, within 14 days (REVERT_SWITCH and its preview).
//!
//! Source: FACTS.md §3.5 (S1 mid-term pages): "revert within 14 days, full
//! quantity, once"; §1.2: REVERT_SWITCH / PREVIEW_REVERT_SWITCH name the
//! switch in `referenceOrderId`. The 14 days are the return window of
//! [`crate::return_window`] (14 × 24 h from the switch's `creationDate`),
//! refused as a closed return window (2134). A reverted switch is cancelled
//! (status 1008, as a returned order; *assumed*, Adobe does not say), so a
//! second revert is refused as the order already cancelled (2118); an order
//! that is not a SWITCH cannot be reverted (2127 "Order cancellation is not
//! allowed", its reason `SWITCH_ORDER_CANCELLATION_NOT_ALLOWED` being the
//! mirror case). Adobe names no code for reverts; these are the sandbox's.
//! The switch comes from the context (`referenceOrder`, Get Order).

use crate::report::{Code, Finding, Loc, Report};
use crate::resource::{Order, OrderType};

const CANCELLED: &str = "1008";

/// Checks the switch `reference` a revert names at `path` (`referenceOrderId`).
pub(super) fn check(reference: &Order, path: &Loc<'_>, report: &mut Report) {
    if reference.order_type != Some(OrderType::Switch) {
        let kind = reference.order_type.map_or("unknown", OrderType::as_str);
        report.add(
            path,
            Finding::new(Code::SwitchRevertNotSwitch).with("value", kind),
        );
    } else if reference.status.as_deref() == Some(CANCELLED) {
        report.add(path, Finding::new(Code::SwitchAlreadyReverted));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn revert() -> Value {
        json!({ "orderType": "REVERT_SWITCH", "referenceOrderId": "5556667778" })
    }

    fn switch(order_type: &str, status: &str, created: &str) -> crate::validate::Context {
        context(json!({ "today": "2026-03-15", "referenceOrder": {
            "orderType": order_type, "status": status, "creationDate": created } }))
    }

    #[test]
    fn a_switch_is_reverted_once_within_14_days() {
        valid(
            CreateOrder,
            &revert(),
            &switch("SWITCH", "1000", "2026-03-01T10:00:00Z"),
        );
        let late = [("referenceOrderId", "return.window_closed")];
        expect(
            CreateOrder,
            &revert(),
            &switch("SWITCH", "1000", "2026-03-01T00:00:00Z"),
            &late,
        );
        let again = [("referenceOrderId", "switch.already_reverted")];
        expect(
            CreateOrder,
            &revert(),
            &switch("SWITCH", "1008", "2026-03-10T00:00:00Z"),
            &again,
        );
        let new = [("referenceOrderId", "switch.revert_not_switch")];
        expect(
            CreateOrder,
            &revert(),
            &switch("NEW", "1000", "2026-03-10T00:00:00Z"),
            &new,
        );
    }
}
