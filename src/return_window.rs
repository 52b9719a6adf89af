//! The return window: one definition for a RETURN order and a storefront
//! cancellation.
//!
//! The sources word it two ways: the reference says "Orders can be cancelled
//! within 14 days of placing the order" (partner-api-reference-2024-02.txt,
//! Order Management), the storefront rules "Cancellation of the Adobe product
//! is only available during the first fourteen days (14) of an executed order"
//! (storefront-ordering-rules.txt, Ordering Rules 7), and FACTS.md §3.5 a
//! RETURN "within 14 days of the referenced NEW/RENEWAL order". Read
//! together: the window is the fourteen days (14 × 24 hours) that start when
//! the order is placed, its `creationDate` timestamp. It closes at the same
//! time of day, fourteen days later.
//!
//! The caller gives today as a UTC date, not an instant, so a request is
//! refused only when the whole of today is past the close: on the fourteenth
//! day after the order the window is still open until the order's time of
//! day (unless that is midnight, when it closed as the day began). When only
//! the day of the order is known, the latest time of that day is assumed, so
//! the window is open through the fourteenth day after it.

use crate::date::{Date, Timestamp};

/// Days of the return window, 14 × 24 hours from the order's creation
/// ("within 14 days of placing the order", partner-api-reference-2024-02.txt,
/// Order Management; storefront-ordering-rules.txt, Ordering Rules 7).
pub const RETURN_WINDOW_DAYS: i64 = 14;

/// When the order was placed, as precisely as it is known.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Placed {
    /// The order's `creationDate` timestamp.
    At(Timestamp),
    /// Only the day of the order (a storefront's order date).
    On(Date),
}

/// Where the window closes for an order placed at `placed`, as the text a
/// message shows, when the whole of `today` is past it; `None` while any of
/// today is still inside the window (or the dates overflow).
pub(crate) fn closed_before(placed: Placed, today: Date) -> Option<String> {
    match placed {
        Placed::At(instant) => {
            let closes = closing_instant(instant)?;
            (Timestamp::midnight(today) >= closes).then(|| closes.to_string())
        }
        Placed::On(day) => {
            let last_day = day.add_days(RETURN_WINDOW_DAYS)?;
            (today > last_day).then(|| last_day.to_string())
        }
    }
}

/// The instant 14 days after `placed`, at the same time of day.
fn closing_instant(placed: Timestamp) -> Option<Timestamp> {
    let (hour, minute, second) = placed.time();
    let day = placed.date().add_days(RETURN_WINDOW_DAYS)?;
    Timestamp::new(day, hour, minute, second, placed.nanosecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Placed {
        Placed::At(Timestamp::parse(text).expect("a timestamp"))
    }

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn the_fourteenth_day_is_open_until_the_time_of_the_order() {
        let placed = at("2026-03-01T10:00:00Z");
        assert_eq!(closed_before(placed, day("2026-03-01")), None);
        assert_eq!(closed_before(placed, day("2026-03-15")), None);
        assert_eq!(
            closed_before(placed, day("2026-03-16")).as_deref(),
            Some("2026-03-15T10:00:00Z")
        );
    }

    #[test]
    fn an_order_at_midnight_closes_as_the_fourteenth_day_begins() {
        let placed = at("2026-03-01T00:00:00Z");
        assert_eq!(closed_before(placed, day("2026-03-14")), None);
        assert_eq!(
            closed_before(placed, day("2026-03-15")).as_deref(),
            Some("2026-03-15T00:00:00Z")
        );
    }

    #[test]
    fn a_day_without_time_is_open_through_the_fourteenth_day() {
        let placed = Placed::On(day("2026-01-01"));
        assert_eq!(closed_before(placed, day("2026-01-15")), None);
        assert_eq!(
            closed_before(placed, day("2026-01-16")).as_deref(),
            Some("2026-01-15")
        );
    }
}
