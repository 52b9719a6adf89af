//! Large Government Agency and 3-year commitment exclude each other, also when
//! one of them is already on the customer Adobe holds (issue 15, item 8).
//!
//! Source: FACTS.md §4.2 (S1 `lga/error-codes.md`): 1147 "3YC Customer not
//! allowed for LGA"; §2.7: "LGA: … not combinable with 3YC (1147)"; §3.5:
//! "LGA ≠ 3YC". The body-only case (both benefits in one request) is
//! `benefits::check_lga`'s; this module reads the stored customer in the
//! context (`context.customer`, as Get Customer returns it), so an update that
//! asks for LGA is refused when the customer is already in 3YC, and a 3YC
//! request is refused when the customer is already an LGA. Its own code,
//! `lga.three_year_commit`, lets a storefront (and the sandbox) tell 1147
//! from the other LGA conditions of `lga.not_eligible`.
//!
//! What counts as "in 3YC": a `commitment` that is COMMITTED, ACCEPTED or
//! NONCOMPLIANT (the commitment still runs), or a `commitmentRequest` /
//! `recommitmentRequest` that is REQUESTED or ACCEPTED (Adobe has it). An
//! EXPIRED or DECLINED commitment no longer binds the customer (*assumed*: the
//! LGA page does not list statuses; FACTS.md §3.2 says levels reset on expiry).

use super::Context;
use crate::report::{Code, Finding, Loc, Report};
use crate::resource::{Benefit, CommitmentRequest};

/// The body asks for LGA (its benefit's `type` at `path`): refused when the
/// stored customer is in 3YC.
pub(super) fn check_lga_asked(path: &Loc<'_>, context: &Context, report: &mut Report) {
    if stored(context).any(in_three_year_commit) {
        report.add(
            path,
            Finding::new(Code::LgaThreeYearCommit).with(
                "reason",
                "the customer has a 3-year commitment, and a Large Government Agency cannot have one",
            ),
        );
    }
}

/// The body asks for a 3YC commitment (its benefit's `type` at `path`):
/// refused when the stored customer is an LGA.
pub(super) fn check_commitment_asked(path: &Loc<'_>, context: &Context, report: &mut Report) {
    if stored(context).any(Benefit::is_lga) {
        report.add(
            path,
            Finding::new(Code::LgaThreeYearCommit).with(
                "reason",
                "the customer is a Large Government Agency, which cannot take a 3-year commitment",
            ),
        );
    }
}

fn stored(context: &Context) -> impl Iterator<Item = &Benefit> {
    context
        .customer
        .iter()
        .flat_map(|customer| customer.benefits.iter())
}

fn status(request: Option<&CommitmentRequest>) -> Option<&str> {
    request.and_then(|r| r.status.as_deref())
}

fn in_three_year_commit(benefit: &Benefit) -> bool {
    benefit.is_three_year_commit()
        && (matches!(
            status(benefit.commitment.as_ref()),
            Some("COMMITTED" | "ACCEPTED" | "NONCOMPLIANT")
        ) || matches!(
            status(benefit.commitment_request.as_ref()),
            Some("REQUESTED" | "ACCEPTED")
        ) || matches!(
            status(benefit.recommitment_request.as_ref()),
            Some("REQUESTED" | "ACCEPTED")
        ))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, customer_update, expect, valid, with};
    use crate::validate::Operation::UpdateCustomer;
    use serde_json::{Value, json};

    /// An update asking for LGA as a federal agency in the US.
    fn asks_lga() -> Value {
        let body = with(
            customer_update(),
            "/companyProfile/marketSegment",
            json!("GOV"),
        );
        let body = with(
            body,
            "/companyProfile/marketSubSegments",
            json!(["FEDERAL"]),
        );
        with(
            body,
            "/benefits",
            json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]),
        )
    }

    fn stored_3yc(commitment_status: &str) -> crate::validate::Context {
        context(json!({ "customer": { "benefits": [{
            "type": "THREE_YEAR_COMMIT",
            "commitment": { "status": commitment_status, "minimumQuantities": [] }
        }] } }))
    }

    #[test]
    fn lga_is_refused_for_a_customer_in_3yc() {
        let found = [("benefits[0].type", "lga.three_year_commit")];
        for status in ["COMMITTED", "ACCEPTED", "NONCOMPLIANT"] {
            expect(UpdateCustomer, &asks_lga(), &stored_3yc(status), &found);
        }
    }

    #[test]
    fn lga_is_allowed_once_the_commitment_ended() {
        for status in ["EXPIRED", "DECLINED"] {
            valid(UpdateCustomer, &asks_lga(), &stored_3yc(status));
        }
    }

    #[test]
    fn a_pending_3yc_request_also_blocks_lga() {
        let stored = context(json!({ "customer": { "benefits": [{
            "type": "THREE_YEAR_COMMIT",
            "commitmentRequest": { "status": "REQUESTED", "minimumQuantities": [] }
        }] } }));
        let found = [("benefits[0].type", "lga.three_year_commit")];
        expect(UpdateCustomer, &asks_lga(), &stored, &found);
    }

    #[test]
    fn a_3yc_request_is_refused_for_an_lga_customer() {
        let body = with(
            customer_update(),
            "/benefits",
            json!([{ "type": "THREE_YEAR_COMMIT", "commitmentRequest": {
                "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 10 }] } }]),
        );
        let lga =
            context(json!({ "customer": { "benefits": [{ "type": "LARGE_GOVERNMENT_AGENCY" }] } }));
        let found = [("benefits[0].type", "lga.three_year_commit")];
        expect(UpdateCustomer, &body, &lga, &found);
        valid(UpdateCustomer, &body, &crate::validate::Context::default());
    }
}
