//! A quote for an extended-term customer: its first term ends 1–3 years (EDU:
//! up to 4) ahead, so the one-year proration does not apply (issue 15, item 6).
//!
//! Sources: partner-api-reference-2024-02.txt, "Create Customer Account":
//! "cotermDate can be sent in the request to create an Extended Term customer";
//! FACTS.md §2.7: "`cotermDate` on create = extended term: COM/GOV 1–3 years
//! ahead, EDU up to 4 years". Adobe's proration worksheet (FACTS.md §3.4)
//! prorates inside one anniversary year ("Number of days in year" 365 or 366);
//! no source says how an order spanning several years is invoiced.
//!
//! So the quote does not invent a price: a prorated line of such a customer is
//! shown at one year's price (unit price × quantity, `prorated: false`) with a
//! `quote.extended_term` *warning* that says to price the order through
//! PREVIEW, which returns Adobe's own figures. The quote stays valid; before
//! issue 15 it failed with `proration.invalid_term`. A coterm date in the past
//! is still that error: the context is stale, not extended.

use crate::date::Date;
use crate::pricing::proration::days_in_anniversary_year;
use crate::{Code, Finding};

/// Whether an order placed `today` falls before the last anniversary year
/// ending at `coterm`, i.e. the customer is in an extended first term.
pub fn applies(today: Date, coterm: Date) -> bool {
    days_in_anniversary_year(coterm).is_some_and(|year| today.days_until(coterm) > year)
}

/// The warning for a line priced at one year's price.
pub fn warning(coterm: Date) -> Finding {
    Finding::new(Code::QuoteExtendedTerm).with("cotermDate", coterm.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn one_year_ahead_is_an_ordinary_term() {
        assert!(!applies(day("2026-01-15"), day("2027-01-15")));
        assert!(!applies(day("2026-01-15"), day("2026-01-16")));
    }

    #[test]
    fn a_day_past_one_year_is_an_extended_term() {
        assert!(applies(day("2026-01-15"), day("2027-01-16")));
        assert!(applies(day("2026-01-15"), day("2029-01-15")));
    }

    #[test]
    fn a_coterm_date_in_the_past_is_not_an_extended_term() {
        assert!(!applies(day("2026-01-15"), day("2025-06-01")));
    }
}
