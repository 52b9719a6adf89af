//! Three-Year Commit (3YC) on customers: requests, their decisions, the
//! commitment, and what it does to discount levels.
//!
//! Adobe's lifecycle (reference, "3YC Flow Diagrams"): a partner's
//! `commitmentRequest` (or `recommitmentRequest`) is REQUESTED; the customer
//! accepts it in the Admin Console (ACCEPTED, or COMMITTED at once when the
//! customer already holds the quantities), declines it (DECLINED) or lets it
//! expire (EXPIRED); an order reaching the accepted quantities makes it
//! COMMITTED and creates the `commitment`. The customer's side is played by
//! `POST /admin/commitments` (see [`decide`]); the mutual exclusions are the
//! core's validator's, given the stored customer.
//!
//! *Assumed* where Adobe is silent: see the crate README.

use super::commitment::{accepted, benefit};
use super::levels;
use crate::store::Store;
use serde_json::Value;
use vipmp::date::Date;
use vipmp::resource::{Benefit, CommitmentRequest, Customer, THREE_YEAR_COMMIT};

/// Days after acceptance within which the order must reach the request
/// (FACTS.md §3.5: "compliance window 30 days after acceptance").
const COMPLIANCE_DAYS: i64 = 30;

/// Which request a decision is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// `commitmentRequest`.
    Commitment,
    /// `recommitmentRequest`.
    Recommitment,
}

/// What the customer does with a REQUESTED request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Accepts the terms in the Admin Console.
    Accept,
    /// Declines them.
    Decline,
    /// Lets the request expire.
    Expire,
}

/// The customer's 3YC benefit, created empty when missing.
fn benefit_mut(customer: &mut Customer) -> &mut Benefit {
    let index = customer
        .benefits
        .iter()
        .position(Benefit::is_three_year_commit);
    let index = index.unwrap_or_else(|| {
        customer.benefits.push(Benefit {
            benefit_type: THREE_YEAR_COMMIT.into(),
            ..Benefit::default()
        });
        customer.benefits.len() - 1
    });
    &mut customer.benefits[index]
}

/// Stores the 3YC requests of a create or update body as REQUESTED, keeping
/// the commitment in force; the other benefits of the body replace those of
/// the same type.
///
/// A new `commitmentRequest` overwrites the previous one, a new
/// `recommitmentRequest` the previous one (reference, "3YC API Changes").
pub(super) fn request(customer: &mut Customer, benefits: &Value) {
    let Some(list) = benefits.as_array() else {
        return;
    };
    for value in list {
        let Ok(incoming) = serde_json::from_value::<Benefit>(value.clone()) else {
            continue;
        };
        if incoming.is_three_year_commit() {
            stamp(benefit_mut(customer), incoming);
        } else {
            customer
                .benefits
                .retain(|b| b.benefit_type != incoming.benefit_type);
            customer.benefits.push(incoming);
        }
    }
}

/// Records the requests of an incoming 3YC benefit, REQUESTED and undated.
fn stamp(current: &mut Benefit, incoming: Benefit) {
    let fresh = |request: CommitmentRequest| CommitmentRequest {
        status: Some("REQUESTED".into()),
        start_date: None,
        end_date: None,
        minimum_quantities: request.minimum_quantities,
    };
    if let Some(request) = incoming.commitment_request {
        current.commitment_request = Some(fresh(request));
    }
    if let Some(request) = incoming.recommitment_request {
        current.recommitment_request = Some(fresh(request));
    }
}

/// Applies the customer's decision on a REQUESTED request; answers the
/// updated customer, or why not.
///
/// *Assumed*: accepting a `commitmentRequest` dates it from today to two years
/// after the coterm date, or, with no coterm date yet, to three years from
/// today (the coterm date is then set one year from today); a recommitment
/// runs three years from the day after the commitment ends. A request whose
/// quantities the customer already holds is COMMITTED at once (reference,
/// diagram: "Customer has already purchased requested quantities").
pub fn decide(
    store: &mut Store,
    customer_id: &str,
    (which, decision): (Which, Decision),
    today: Date,
) -> Result<Customer, &'static str> {
    let customer = store
        .customers
        .get_mut(customer_id)
        .ok_or("unknown customer")?;
    let request = request_mut(customer, which).ok_or("no such request")?;
    if request.status.as_deref() != Some("REQUESTED") {
        return Err("the request is not REQUESTED");
    }
    request.status = Some(status_of(decision).into());
    if decision == Decision::Accept {
        date_request(customer, which, today);
        commit_if_reached(store, customer_id);
    }
    store.customers.get(customer_id).cloned().ok_or("gone")
}

/// The status a decision leaves.
fn status_of(decision: Decision) -> &'static str {
    match decision {
        Decision::Accept => "ACCEPTED",
        Decision::Decline => "DECLINED",
        Decision::Expire => "EXPIRED",
    }
}

/// One of the customer's requests.
fn request_mut(customer: &mut Customer, which: Which) -> Option<&mut CommitmentRequest> {
    let benefit = customer
        .benefits
        .iter_mut()
        .find(|b| b.is_three_year_commit())?;
    match which {
        Which::Commitment => benefit.commitment_request.as_mut(),
        Which::Recommitment => benefit.recommitment_request.as_mut(),
    }
}

/// Sets an accepted request's start and end dates (see [`decide`]).
fn date_request(customer: &mut Customer, which: Which, today: Date) {
    let coterm = customer
        .coterm_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok());
    let (start, end) = match which {
        Which::Commitment => match coterm {
            Some(coterm) => (Some(today), coterm.add_years(2)),
            None => {
                customer.coterm_date = today.add_years(1).map(|d| d.to_string());
                (Some(today), today.add_years(3))
            }
        },
        Which::Recommitment => {
            let ends = benefit(customer)
                .and_then(|b| b.commitment.as_ref())
                .and_then(|c| Date::parse(c.end_date.as_deref()?).ok());
            let start = ends.and_then(|end| end.add_days(1));
            (start, start.and_then(|s| s.add_years(3)))
        }
    };
    if let Some(request) = request_mut(customer, which) {
        request.start_date = start.map(|d| d.to_string());
        request.end_date = end.map(|d| d.to_string());
    }
}

/// Makes an ACCEPTED `commitmentRequest` COMMITTED when the customer's active
/// subscriptions reach its minimums, creating (or raising) the commitment and
/// re-evaluating the levels ("Discount levels will be updated whenever the
/// commitment status changes").
///
/// *Assumed*: a raised commitment keeps the dates of the one it replaces.
pub(super) fn commit_if_reached(store: &mut Store, customer_id: &str) {
    let held = levels::held_quantities(store, customer_id);
    let Some(customer) = store.customers.get_mut(customer_id) else {
        return;
    };
    let Some(wanted) = accepted(customer) else {
        return;
    };
    if held.license < wanted.license || held.consumables < wanted.consumables {
        return;
    }
    let benefit = benefit_mut(customer);
    let Some(request) = benefit.commitment_request.as_mut() else {
        return;
    };
    request.status = Some("COMMITTED".into());
    let mut commitment = request.clone();
    if let Some(previous) = &benefit.commitment {
        commitment.start_date.clone_from(&previous.start_date);
        commitment.end_date.clone_from(&previous.end_date);
    }
    benefit.commitment = Some(commitment);
    levels::refresh_levels(store, customer_id);
}

/// The clock's part: an ACCEPTED request not reached within the compliance
/// window expires; a commitment past its end date is replaced by an ACCEPTED
/// recommitment, or expires.
///
/// *Assumed*: the window counts from the acceptance date (`startDate`); the
/// levels an expired commitment gave are kept until the next renewal.
pub(super) fn run_clock(store: &mut Store, today: Date) {
    for customer in store.customers.values_mut() {
        let Some(index) = customer
            .benefits
            .iter()
            .position(Benefit::is_three_year_commit)
        else {
            continue;
        };
        let benefit = &mut customer.benefits[index];
        if let Some(request) = benefit.commitment_request.as_mut() {
            lapse(request, today);
        }
        end_commitment(benefit, today);
    }
}

/// Expires an ACCEPTED request whose compliance window has closed.
fn lapse(request: &mut CommitmentRequest, today: Date) {
    let accepted_on = request
        .start_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok());
    let closes = accepted_on.and_then(|d| d.add_days(COMPLIANCE_DAYS));
    if request.status.as_deref() == Some("ACCEPTED") && closes.is_some_and(|c| c < today) {
        request.status = Some("EXPIRED".into());
    }
}

/// Ends a commitment past its end date (see [`run_clock`]).
fn end_commitment(benefit: &mut Benefit, today: Date) {
    let Some(commitment) = benefit.commitment.as_mut() else {
        return;
    };
    let ended = commitment
        .end_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok())
        .is_some_and(|end| end < today);
    if commitment.status.as_deref() != Some("COMMITTED") || !ended {
        return;
    }
    let renewal = benefit
        .recommitment_request
        .as_mut()
        .filter(|r| r.status.as_deref() == Some("ACCEPTED"));
    match renewal {
        Some(request) => {
            request.status = Some("COMMITTED".into());
            *commitment = request.clone();
        }
        None => commitment.status = Some("EXPIRED".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handlers::commitment::quantities;
    use serde_json::json;

    #[test]
    fn requests_are_stored_requested_and_keep_the_commitment() {
        let mut customer = Customer::default();
        let body = json!([{ "type": "THREE_YEAR_COMMIT", "commitmentRequest": {
            "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 10 }] } }]);
        request(&mut customer, &body);
        benefit_mut(&mut customer).commitment = Some(CommitmentRequest::default());
        request(&mut customer, &body);
        let stored = benefit(&customer).expect("3YC");
        assert!(stored.commitment.is_some());
        let pending = stored.commitment_request.as_ref().expect("request");
        assert_eq!(pending.status.as_deref(), Some("REQUESTED"));
        assert_eq!(quantities(pending).license, 10);
        assert_eq!(accepted(&customer), None);
    }

    #[test]
    fn an_accepted_request_lapses_after_the_window() {
        let today = Date::new(2024, 3, 1).expect("date");
        let mut request = CommitmentRequest {
            status: Some("ACCEPTED".into()),
            start_date: Some("2024-01-31".into()),
            ..CommitmentRequest::default()
        };
        lapse(&mut request, today);
        assert_eq!(request.status.as_deref(), Some("ACCEPTED"));
        lapse(&mut request, today.add_days(1).expect("date"));
        assert_eq!(request.status.as_deref(), Some("EXPIRED"));
    }
}
