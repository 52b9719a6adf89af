//! Discount levels: the quantities an order, a renewal or a customer's
//! subscriptions count, the levels the core's `discount_level` gives them,
//! the offers at those levels, and the levels stored on the customer.
//!
//! It sits below [`super::order_book`] (previews), [`super::renewal`]
//! (PREVIEW_RENEWAL), [`super::three_year`] (a commitment reached) and
//! [`super::settle`](mod@super::settle) (a settled order), which all price
//! with it, so that none of them imports another for it.

use super::commitment;
use crate::adobe;
use crate::store::Store;
use vipmp::pricing::level::{CurrentLevels, LevelOutcome};
use vipmp::pricing::{LevelInput, MarketSegment, OfferId, Quantities, discount_level};
use vipmp::resource::{Customer, Discount, Order, Subscription};

/// Licence and consumable quantities of offers.
fn quantities<'a>(items: impl Iterator<Item = (&'a str, u64)>) -> Quantities {
    let mut total = Quantities::default();
    for (offer, quantity) in items {
        match OfferId::parse(offer) {
            Ok(offer) if offer.is_consumable_level() => total.consumables += quantity,
            Ok(_) => total.license += quantity,
            Err(_) => {}
        }
    }
    total
}

/// What renews at the customer's next anniversary: each active
/// subscription with auto-renewal on, at its renewal quantity (else its
/// current quantity), for an LGA conversion (1170).
pub(super) fn renewing_quantities(store: &mut Store, customer_id: &str) -> Quantities {
    active_quantities(store, customer_id, |s| {
        let renewing = s
            .auto_renewal
            .renewal_quantity
            .unwrap_or(s.current_quantity);
        s.auto_renewal.enabled.then_some(renewing)
    })
}

/// The licence and consumable quantities of an order's lines.
pub(super) fn ordered_quantities(order: &Order) -> Quantities {
    quantities(
        order
            .line_items
            .iter()
            .map(|l| (l.offer_id.as_str(), l.quantity)),
    )
}

/// The quantities the customer's active subscriptions hold.
pub(super) fn held_quantities(store: &mut Store, customer_id: &str) -> Quantities {
    active_quantities(store, customer_id, |s| Some(s.current_quantity))
}

/// The quantities of the customer's active subscriptions, each counted as
/// `counted` says (`None` leaves it out).
fn active_quantities(
    store: &mut Store,
    customer_id: &str,
    counted: impl Fn(&Subscription) -> Option<u64>,
) -> Quantities {
    let subscriptions = store.subscriptions_of(customer_id);
    quantities(
        subscriptions
            .values()
            .filter(|s| s.status == adobe::ACTIVE)
            .filter_map(|s| Some((s.offer_id.as_str(), counted(s)?))),
    )
}

/// The levels the core's `discount_level` gives an order of `ordered` for a
/// customer already owning `owned`, with the minimums of its COMMITTED 3YC
/// commitment and of its ACCEPTED `commitmentRequest`.
pub(super) fn levels_for(
    customer: &Customer,
    owned: Quantities,
    ordered: Quantities,
) -> LevelOutcome {
    discount_level(&LevelInput {
        market_segment: segment_of(customer),
        current: current_levels(customer),
        owned,
        order: ordered,
        commitment: commitment::committed(customer),
        accepted_request: commitment::accepted(customer),
        ..LevelInput::default()
    })
}

/// Rewrites each line's offer to the level `outcome` gives its kind (licence or
/// consumable); a line whose offer cannot take the level keeps its offer ID.
pub(super) fn offers_at_levels(order: &mut Order, outcome: &LevelOutcome) {
    for line in &mut order.line_items {
        let Ok(offer) = OfferId::parse(&line.offer_id) else {
            continue;
        };
        let level = if offer.is_consumable_level() {
            &outcome.consumables.level
        } else {
            &outcome.license.level
        };
        if let Ok(best) = offer.at_level(level) {
            line.offer_id = best.to_string();
        }
    }
}

/// The levels the core's `discount_level` gives a renewal of `renewed`, with
/// the customer's COMMITTED 3YC commitment.
pub(super) fn renewal_levels(customer: &Customer, renewed: Quantities) -> LevelOutcome {
    discount_level(&LevelInput {
        market_segment: segment_of(customer),
        order: renewed,
        commitment: commitment::committed(customer),
        renewal: true,
        ..LevelInput::default()
    })
}

/// Re-evaluates the customer's discount levels after an order, with the core's
/// `discount_level`.
pub(super) fn evaluate_levels(store: &mut Store, customer_id: &str, order: &Order) {
    evaluate(store, customer_id, ordered_quantities(order));
}

/// Re-evaluates the customer's discount levels on what it holds (a commitment
/// changed, no order).
pub(super) fn refresh_levels(store: &mut Store, customer_id: &str) {
    evaluate(store, customer_id, Quantities::default());
}

/// Sets the customer's discount levels for an order of `ordered` on top of
/// the rest of what it holds.
fn evaluate(store: &mut Store, customer_id: &str, ordered: Quantities) {
    let held = held_quantities(store, customer_id);
    let Some(customer) = store.customers.get_mut(customer_id) else {
        return;
    };
    let owned = Quantities {
        license: held.license.saturating_sub(ordered.license),
        consumables: held.consumables.saturating_sub(ordered.consumables),
    };
    let outcome = levels_for(customer, owned, ordered);
    customer.discounts = vec![
        Discount {
            offer_type: "LICENSE".into(),
            level: outcome.license.level,
        },
        Discount {
            offer_type: "CONSUMABLES".into(),
            level: outcome.consumables.level,
        },
    ];
}

/// The customer's market segment (COM when unset).
fn segment_of(customer: &Customer) -> MarketSegment {
    match customer.company_profile.market_segment.as_deref() {
        Some("EDU") => MarketSegment::Edu,
        Some("GOV") => MarketSegment::Gov,
        _ => MarketSegment::Com,
    }
}

/// The levels the customer holds now.
fn current_levels(customer: &Customer) -> CurrentLevels {
    let level = |kind: &str| {
        customer
            .discounts
            .iter()
            .find(|d| d.offer_type == kind)
            .map(|d| d.level.clone())
    };
    CurrentLevels {
        license: level("LICENSE"),
        consumables: level("CONSUMABLES"),
    }
}
