//! When a RENEWAL may be ordered: early from 30 days before the anniversary
//! date, late up to 14 days after it; never early in the final term of a
//! 3-year commitment (3133); and while an early renewal is in progress, no
//! other order (3131).
//!
//! Source: FACTS.md §3.5 (S1, since 2026-03-30): "RENEWAL, late: after AD
//! within grace period (typically 14 days)"; "RENEWAL, early: AD-30..AD-1";
//! "not allowed in final 3YC term unless recommitted (3133)"; "while an early
//! renewal is in progress other order types fail (3131)"; §4: 3122 "Not
//! within Renewal Window", 3131 "Early renewal in progress. Invalid order
//! type." (Create Order, switches and reverts), 3133 "Early renewal is not
//! allowed for customers in final 3YC term". 3122's own text says "30 days
//! after Anniversary Date"; the grace period of 14 days (FACTS.md, and the
//! sandbox's) is followed, as the newer renewal pages give it.
//!
//! The anniversary date is the renewal date of the subscription a line renews
//! (the context's `subscription` or one of its `subscriptions`, Get
//! Subscription; the rule applies to the lines that name one), not the
//! customer's `cotermDate`: a lapsed subscription's date stays behind while
//! the others renew. Each subscription renewed out of its window is one
//! finding at `lineItems`, with its own window. The final 3YC term is the one in
//! which the COMMITTED commitment ends: its `endDate` falls before the
//! anniversary date. "Recommitted" is read as a recommitment request ACCEPTED
//! or COMMITTED. Whether an early renewal is in progress is not in any
//! resource the context holds, so the caller says so
//! (`Context::early_renewal_in_progress`, from its order history: a RENEWAL
//! placed before the anniversary date and not yet complete).

use super::Context;
use super::json::Object;
use crate::date::Date;
use crate::report::{Code, Finding, Report};
use crate::resource::{Benefit, OrderType, Subscription};

/// Days before the anniversary date from which an early renewal is possible
/// (FACTS.md §3.5, AD-30..AD-1).
pub const EARLY_DAYS: i64 = 30;
/// Days after the anniversary date during which a late renewal is possible
/// (FACTS.md §3.5 "typically 14 days"; Adobe's 3122 text says 30).
pub const GRACE_DAYS: i64 = 14;

/// Checks an order of `order_type` whose lines renew `renewed` subscription IDs.
pub(super) fn check<'a>(
    order: &Object<'_, '_>,
    order_type: Option<OrderType>,
    renewed: impl Iterator<Item = Option<&'a str>>,
    context: &Context,
    report: &mut Report,
) {
    let Some(order_type) = order_type else { return };
    let renewal = matches!(order_type, OrderType::Renewal | OrderType::PreviewRenewal);
    if !renewal && context.early_renewal_in_progress == Some(true) {
        report.add(
            &order.at("orderType"),
            Finding::new(Code::OrderEarlyRenewalInProgress).with("value", order_type.as_str()),
        );
    }
    let Some(today) = context.today else { return };
    if !renewal {
        return;
    }
    let mut held = HeldSubscriptions::of(context);
    for id in renewed.flatten() {
        let anniversary = held
            .take(id)
            .and_then(|subscription| subscription.renewal_date.as_deref())
            .and_then(super::date_of);
        if let Some(anniversary) = anniversary {
            check_window(order, today, anniversary, context, report);
        }
    }
}

/// The context's subscriptions (`subscription` first, then `subscriptions`;
/// the first of an ID counts), each given out once: a line renewing a
/// subscription another line renews is checked once. Found by a scan, not
/// sorted: a context holds a few subscriptions, and the sort's code cost the
/// npm package 0.7 KB gzip; the scan of the lines already given out it
/// replaces made 499 lines naming 499 subscriptions take 0.8 ms natively.
struct HeldSubscriptions<'c> {
    held: Vec<(&'c Subscription, bool)>,
}

impl<'c> HeldSubscriptions<'c> {
    fn of(context: &'c Context) -> Self {
        let held = context
            .subscription
            .iter()
            .chain(&context.subscriptions)
            .map(|subscription| (subscription, false))
            .collect();
        Self { held }
    }

    /// The subscription `id`, unless given out before.
    fn take(&mut self, id: &str) -> Option<&'c Subscription> {
        let (subscription, given) = self
            .held
            .iter_mut()
            .find(|(held, _)| held.subscription_id == id)?;
        (!std::mem::replace(given, true)).then_some(*subscription)
    }
}

fn check_window(
    order: &Object<'_, '_>,
    today: Date,
    anniversary: Date,
    context: &Context,
    report: &mut Report,
) {
    let days_before = today.days_until(anniversary);
    let (Some(opens), Some(closes)) = (
        anniversary.add_days(-EARLY_DAYS),
        anniversary.add_days(GRACE_DAYS),
    ) else {
        return;
    };
    let path = order.at("lineItems");
    if days_before > EARLY_DAYS || -days_before > GRACE_DAYS {
        let finding = Finding::new(Code::RenewalOutsideWindow)
            .with("from", opens.to_string())
            .with("until", closes.to_string());
        report.add(&path, finding);
    } else if days_before > 0 && in_final_commitment_term(context, anniversary) {
        report.add(&path, Finding::new(Code::RenewalFinalCommitmentTerm));
    }
}

/// A COMMITTED 3YC commitment ending before `anniversary`, without an
/// accepted recommitment.
fn in_final_commitment_term(context: &Context, anniversary: Date) -> bool {
    let Some(customer) = &context.customer else {
        return false;
    };
    customer.benefits.iter().any(|benefit| {
        let ends = benefit
            .committed()
            .and_then(|c| c.end_date.as_deref())
            .and_then(super::date_of);
        ends.is_some_and(|end| end < anniversary) && !recommitted(benefit)
    })
}

fn recommitted(benefit: &Benefit) -> bool {
    benefit
        .recommitment_request
        .as_ref()
        .is_some_and(|r| matches!(r.status.as_deref(), Some("ACCEPTED" | "COMMITTED")))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, expect, valid};
    use crate::validate::Operation::CreateOrder;
    use serde_json::{Value, json};

    const SUB: &str = "3C8F3A1B9E2D4F6A8B0C1D2E3F4A5BNA";

    fn renewal() -> Value {
        json!({ "orderType": "RENEWAL", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 5,
              "subscriptionId": SUB }] })
    }

    fn on(today: &str, commitment: &Value) -> crate::validate::Context {
        context(json!({ "today": today,
            "subscription": { "subscriptionId": SUB, "offerId": "65304479CA01A12",
                "renewalDate": "2026-06-30", "status": "1000" },
            "customer": { "benefits": [commitment] } }))
    }

    #[test]
    fn renewals_from_30_days_before_to_14_days_after() {
        let none = json!({ "type": "THREE_YEAR_COMMIT" });
        let found = [("lineItems", "renewal.outside_window")];
        expect(CreateOrder, &renewal(), &on("2026-05-30", &none), &found);
        valid(CreateOrder, &renewal(), &on("2026-05-31", &none));
        valid(CreateOrder, &renewal(), &on("2026-07-14", &none));
        expect(CreateOrder, &renewal(), &on("2026-07-15", &none), &found);
    }

    #[test]
    fn no_early_renewal_in_the_final_commitment_term() {
        let last = json!({ "type": "THREE_YEAR_COMMIT",
            "commitment": { "status": "COMMITTED", "endDate": "2026-06-29" } });
        let found = [("lineItems", "renewal.final_commitment_term")];
        expect(CreateOrder, &renewal(), &on("2026-06-29", &last), &found);
        valid(CreateOrder, &renewal(), &on("2026-06-30", &last));
        let mut recommitted = last.clone();
        recommitted["recommitmentRequest"] = json!({ "status": "ACCEPTED" });
        valid(CreateOrder, &renewal(), &on("2026-06-29", &recommitted));
        let longer = json!({ "type": "THREE_YEAR_COMMIT",
            "commitment": { "status": "COMMITTED", "endDate": "2027-06-29" } });
        valid(CreateOrder, &renewal(), &on("2026-06-29", &longer));
    }

    #[test]
    fn each_line_is_held_to_its_own_subscriptions_window() {
        const OTHER: &str = "9D8F3A1B9E2D4F6A8B0C1D2E3F4A5BNA";
        let both = json!({ "orderType": "RENEWAL", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 5,
              "subscriptionId": SUB },
            { "extLineItemNumber": 2, "offerId": "65304479CA01A12", "quantity": 2,
              "subscriptionId": OTHER },
            { "extLineItemNumber": 3, "offerId": "65304479CA01A12", "quantity": 1,
              "subscriptionId": OTHER }] });
        let subscription = |id: &str, renews: &str| {
            json!({ "subscriptionId": id, "offerId": "65304479CA01A12",
                "renewalDate": renews, "status": "1000" })
        };
        let on = |today: &str, other_renews: &str| {
            context(json!({ "today": today,
                "subscriptions": [subscription(SUB, "2026-06-30"), subscription(OTHER, other_renews)] }))
        };
        valid(CreateOrder, &both, &on("2026-06-15", "2026-07-10"));
        let found = [("lineItems", "renewal.outside_window")];
        expect(CreateOrder, &both, &on("2026-06-15", "2026-09-30"), &found);
        let twice = [found[0], found[0]];
        expect(CreateOrder, &both, &on("2026-01-15", "2026-09-30"), &twice);
        // `subscription` is one of them; a subscription no line names is not checked.
        let split = context(json!({ "today": "2026-06-15",
            "subscription": subscription(SUB, "2026-06-30"),
            "subscriptions": [subscription(OTHER, "2026-09-30"), subscription("X", "2020-01-01")] }));
        expect(CreateOrder, &both, &split, &found);
        // Of two with one ID, `subscription` counts.
        let first = context(json!({ "today": "2026-06-15",
            "subscription": subscription(OTHER, "2026-07-10"),
            "subscriptions": [subscription(OTHER, "2026-09-30"), subscription(SUB, "2026-06-30")] }));
        valid(CreateOrder, &both, &first);
    }

    #[test]
    fn only_renewals_while_an_early_renewal_is_in_progress() {
        let busy = context(json!({ "earlyRenewalInProgress": true }));
        let new = json!({ "orderType": "NEW", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 5 }] });
        expect(
            CreateOrder,
            &new,
            &busy,
            &[("orderType", "order.early_renewal_in_progress")],
        );
        valid(CreateOrder, &renewal(), &busy);
        valid(CreateOrder, &new, &crate::validate::Context::default());
    }
}
