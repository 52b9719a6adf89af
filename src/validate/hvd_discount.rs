//! A line's `discountCode` is an HVD code, for customers migrated from VIP's
//! High Volume Discount levels 17–22 (5135).
//!
//! Source: FACTS.md §1 (2025-01-23 release: migration of VIP HVD 3YC Acrobat
//! customers, levels 17–22 → 13/14, `discountCode` `HVD_L17_PRE`…
//! `HVD_L22_POST`, customer `tags: ["HVD_MIGRATED_CUSTOMER"]`, lineItem
//! `discountCode`); §3.5: "`discountCode` only for migrated HVD customers (VIP
//! levels 17–22)"; §4: 5135 "Invalid Discount Code", Create Order. The codes
//! are read as `HVD_L` + a level 17–22 + `_PRE` or `_POST` (the two ends the
//! release names). The customer's tags come from the context (Get Customer);
//! without it only the code's form is checked. An empty code is no code.

use super::Context;
use crate::report::{Code, Finding, Loc, Report};

const MIGRATED: &str = "HVD_MIGRATED_CUSTOMER";

/// Checks the `discountCode` of the line at `path`.
pub(super) fn check(code: Option<&str>, context: &Context, path: &Loc<'_>, report: &mut Report) {
    let Some(code) = code.filter(|code| !code.is_empty()) else {
        return;
    };
    let reason = if !is_hvd_code(code) {
        "it is not an HVD code (HVD_L17_PRE to HVD_L22_POST)"
    } else if context
        .customer
        .as_ref()
        .is_some_and(|customer| !customer.tags.iter().any(|tag| tag == MIGRATED))
    {
        "only customers migrated from VIP's High Volume Discount levels use one"
    } else {
        return;
    };
    report.add(
        &path.key("discountCode"),
        Finding::new(Code::OrderDiscountCodeInvalid).with("reason", reason),
    );
}

/// `HVD_L17_PRE` … `HVD_L22_POST`.
fn is_hvd_code(code: &str) -> bool {
    let Some(rest) = code.strip_prefix("HVD_L") else {
        return false;
    };
    // Checked: what follows the prefix may be any text, and byte 2 need not
    // be a character boundary ("HVD_Lé…").
    let Some((level, end)) = rest.split_at_checked(2) else {
        return false;
    };
    matches!(level.parse::<u8>(), Ok(17..=22)) && matches!(end, "_PRE" | "_POST")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn order(code: &str) -> Value {
        json!({ "orderType": "NEW", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA14A12", "quantity": 100,
              "discountCode": code }] })
    }

    #[test]
    fn hvd_codes_17_to_22_for_migrated_customers() {
        let migrated = context(json!({ "customer": { "tags": ["HVD_MIGRATED_CUSTOMER"] } }));
        let unknown = crate::validate::Context::default();
        for code in ["HVD_L17_PRE", "HVD_L22_POST", ""] {
            valid(CreateOrder, &order(code), &migrated);
            valid(CreateOrder, &order(code), &unknown);
        }
        let found = [("lineItems[0].discountCode", "order.discount_code_invalid")];
        for code in [
            "HVD_L16_PRE",
            "HVD_L23_PRE",
            "HVD_L17_MID",
            "HVD_L1_PRE",
            "CA01V12",
            "HVD_Lé7_PRE",
            "HVD_L1é_PRE",
            "HVD_L\u{fffd}23_POST",
        ] {
            expect(CreateOrder, &order(code), &unknown, &found);
        }
        let regular = context(json!({ "customer": { "tags": [] } }));
        expect(CreateOrder, &order("HVD_L17_PRE"), &regular, &found);
    }
}
