//! Lines a RETURN cannot take back, or not in part (issue 15, "Orders: the
//! RETURN exclusions").
//!
//! Source: FACTS.md §3.5 (S1 `order-scenarios.md`, partial returns since
//! 2026-08-13): "not returnable via RETURN: SWITCH orders (use
//! REVERT_SWITCH), Stock Credit Packs, Acrobat license packs, MOQ offers,
//! consumables (Sign transactions) — partial not allowed for those"; §4.3:
//! 422 `RETURN_NOT_SUPPORTED_MOQ_SKU`; §4.1: 2127 reason
//! `PARTIAL_CANCELLATION_NOT_ALLOWED_FOR_SCP_OR_CONSUMABLE`.
//!
//! The sentence can be read as "not returnable at all" or "not in part".
//! Adobe's codes decide each case: MOQ offers have a code refusing the return
//! itself (`RETURN_NOT_SUPPORTED_MOQ_SKU`), so they are refused outright;
//! stock credit packs and consumables have a code refusing only the *partial*
//! cancellation, so a full return of what is left stays allowed. FACTS.md
//! §3.2 notes that 5133 ("not allowed below MOQ quantity") implies MOQ
//! returns down to the MOQ; the newer symbolic code is followed. (SWITCH
//! orders are `return.not_returnable` already.)
//!
//! Known from the offer ID alone: an MOQ offer by its variant (`X`, `Y`,
//! `Z`), a consumable by the catalogue (`data/products.json`; stock credit
//! packs are consumables there) or its `T…` level. The 3YC minimum floor
//! (`RETURN_VIOLATES_3YC_MCQ`) is [`super::return_commitment`]'s. Acrobat
//! license packs are left to Adobe: no source says which offers they are
//! (the product catalogue `data/products.json` has no pack flag, and the offer
//! ID does not encode it).

use crate::pricing::OfferId;
use crate::pricing::offer_id::Variant;
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::LineItem;

/// Checks the return of `asked` units of the referenced `original` line.
pub(super) fn check(path: &Loc<'_>, asked: Option<i64>, original: &LineItem, report: &mut Report) {
    let Ok(offer) = OfferId::parse(&original.offer_id) else {
        return;
    };
    if offer.variant() != Variant::Standard {
        report.add(
            &path.key("offerId"),
            Finding::new(Code::ReturnMoqNotSupported).with("offerId", original.offer_id.as_str()),
        );
        return;
    }
    let left = original.remaining_quantity.unwrap_or(original.quantity);
    let whole = i64::try_from(left).unwrap_or(i64::MAX);
    let partial = asked.is_some_and(|asked| asked > 0 && asked < whole);
    if partial && offer.is_consumable() {
        report.add(
            &path.key("quantity"),
            Finding::new(Code::ReturnPartialNotAllowed).with("remaining", whole),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    fn returning(offer: &str, quantity: i64) -> Value {
        json!({ "orderType": "RETURN", "referenceOrderId": "5556667778",
            "lineItems": [{ "extLineItemNumber": 1, "offerId": offer, "quantity": quantity }] })
    }

    fn bought(offer: &str, quantity: u64) -> crate::validate::Context {
        context(
            json!({ "referenceOrder": { "orderType": "NEW", "lineItems": [
            { "extLineItemNumber": 1, "offerId": offer, "quantity": quantity }] } }),
        )
    }

    #[test]
    fn an_moq_offer_is_not_returned() {
        let found = [("lineItems[0].offerId", "return.moq_not_supported")];
        let offer = "65304479CA14X12";
        expect(
            CreateOrder,
            &returning(offer, 100),
            &bought(offer, 100),
            &found,
        );
        valid(
            CreateOrder,
            &returning("65304479CA14A12", 100),
            &bought("65304479CA14A12", 100),
        );
    }

    #[test]
    fn a_consumable_is_returned_whole_or_not_at_all() {
        let pack = "30001704CAT1A12";
        valid(CreateOrder, &returning(pack, 400), &bought(pack, 400));
        let found = [("lineItems[0].quantity", "return.partial_not_allowed")];
        expect(
            CreateOrder,
            &returning(pack, 399),
            &bought(pack, 400),
            &found,
        );
        valid(
            CreateOrder,
            &returning("65304479CA01A12", 3),
            &bought("65304479CA01A12", 10),
        );
    }
}
