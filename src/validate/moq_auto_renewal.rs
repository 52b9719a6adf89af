//! A High Growth (MOQ) offer cannot have auto-renewal switched off (5134).
//!
//! Source: FACTS.md §3.2 (S1 `customer-account/high-growth.md`): Acrobat Pro
//! MOQ offers for 3YC customers, opted into with `autoRenewal.renewalCode`
//! `MOQ_100`/`MOQ_250`/`MOQ_500`; "cannot turn off auto-renew for MOQ (5134)";
//! FACTS.md §4: 5134 "Could not turn off Auto Renewal for MOQ offer", Update
//! Subscriptions. An MOQ offer is known by its variant letter (position 13:
//! `X` 100, `Y` 250, `Z` 500; FACTS.md §3.1).
//!
//! Two cases are refused: `enabled: false` on a subscription whose offer (the
//! context's `subscription`, as Get Subscription returns it) is an MOQ offer,
//! and `enabled: false` sent together with an MOQ `renewalCode` (opting into
//! an MOQ renewal while switching renewal off). Without the subscription in
//! the context only the second can be seen.

use super::Context;
use super::json::Object;
use crate::input::Json;
use crate::pricing::OfferId;
use crate::pricing::offer_id::Variant;
use crate::report::{Code, Finding, Report};

/// Checks `autoRenewal` of an Update Subscription body.
pub(super) fn check(auto_renewal: &Object<'_, '_>, context: &Context, report: &mut Report) {
    if !matches!(auto_renewal.get("enabled"), Some(Json::Bool(false))) {
        return;
    }
    let held = context
        .subscription
        .as_ref()
        .and_then(|s| OfferId::parse(&s.offer_id).ok())
        .is_some_and(|offer| offer.variant() != Variant::Standard);
    let asked = auto_renewal
        .get("renewalCode")
        .and_then(Json::as_str)
        .is_some_and(|code| code.starts_with("MOQ_"));
    if held || asked {
        report.add(
            &auto_renewal.at("enabled"),
            Finding::new(Code::SubscriptionMoqAutoRenewal),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::UpdateSubscription;
    use serde_json::json;

    fn holding(offer: &str) -> crate::validate::Context {
        context(
            json!({ "subscription": { "subscriptionId": "3C8F3A1B9E2D4F6A8B0C1D2E3F4A5BNA",
            "offerId": offer, "status": "1000" } }),
        )
    }

    #[test]
    fn an_moq_subscription_keeps_auto_renewal_on() {
        let off = json!({ "autoRenewal": { "enabled": false } });
        let found = [("autoRenewal.enabled", "subscription.moq_auto_renewal")];
        for offer in ["65304479CA14X12", "65304479CA14Y12", "65304479CA14Z12"] {
            expect(UpdateSubscription, &off, &holding(offer), &found);
        }
        valid(UpdateSubscription, &off, &holding("65304479CA14A12"));
        let on = json!({ "autoRenewal": { "enabled": true, "renewalQuantity": 100 } });
        valid(UpdateSubscription, &on, &holding("65304479CA14X12"));
    }

    #[test]
    fn an_moq_renewal_code_with_auto_renewal_off_is_refused() {
        let body = json!({ "autoRenewal": { "enabled": false, "renewalCode": "MOQ_250" } });
        let found = [("autoRenewal.enabled", "subscription.moq_auto_renewal")];
        expect(
            UpdateSubscription,
            &body,
            &crate::validate::Context::default(),
            &found,
        );
    }
}
