//! What a customer's Three-Year Commit (3YC) benefit says, read only: the
//! benefit, the minimums of a request or commitment, and which of them count.
//!
//! It sits below [`super::three_year`], which changes the benefit, and
//! [`super::levels`], which prices with it, so that those two do not import
//! each other.

use vipmp::pricing::Quantities;
use vipmp::resource::{Benefit, CommitmentRequest, Customer};

/// The customer's 3YC benefit, if any.
pub(super) fn benefit(customer: &Customer) -> Option<&Benefit> {
    customer.three_year_commit()
}

/// The minimum quantities of a request or commitment as the core's pricing
/// reads them (an offer type not committed to counts 0).
pub(super) fn quantities(request: &CommitmentRequest) -> Quantities {
    let mut total = Quantities::default();
    for minimum in &request.minimum_quantities {
        match minimum.offer_type.as_str() {
            "LICENSE" => total.license = minimum.quantity,
            "CONSUMABLES" => total.consumables = minimum.quantity,
            _ => {}
        }
    }
    total
}

/// The minimums of the customer's COMMITTED commitment.
pub(super) fn committed(customer: &Customer) -> Option<Quantities> {
    let commitment = benefit(customer)?.commitment.as_ref()?;
    (commitment.status.as_deref() == Some("COMMITTED")).then(|| quantities(commitment))
}

/// The minimums of the customer's ACCEPTED `commitmentRequest`.
pub(super) fn accepted(customer: &Customer) -> Option<Quantities> {
    let request = benefit(customer)?.commitment_request.as_ref()?;
    (request.status.as_deref() == Some("ACCEPTED")).then(|| quantities(request))
}
