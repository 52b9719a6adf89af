//! An existing customer converts to Large Government Agency only with at
//! least 100 licences renewing (1170).
//!
//! Sources: FACTS.md §2.7 (S1 LGA pages): "renewalQuantity > 100 to
//! convert"; §3.2: the first LGA level 06 is 100–999; §4.2: 1170 "Invalid
//! quantity for LGA". "> 100" and the 100–999 band differ by one licence; as
//! for orders ([`crate::pricing::lga_minimum`]), the band decides: 100
//! renewing licences convert, 99 do not.
//!
//! The conversion is an Update Customer adding the LGA benefit to a stored
//! customer without it. The licences that renew are in no one resource (each
//! active subscription's `autoRenewal.renewalQuantity`, or its current
//! quantity when auto-renewal is on without one), so the caller sums them as
//! `Context::renewal_quantities`; without them, or without the stored
//! customer, nothing is checked.

use super::Context;
use crate::pricing::lga_minimum::MIN_LICENSES;
use crate::report::{Code, Finding, Loc, Report};

/// Checks an LGA benefit asked at `path` of an Update Customer body.
pub(super) fn check(path: &Loc<'_>, context: &Context, report: &mut Report) {
    let (Some(customer), Some(renewing)) = (&context.customer, context.renewal_quantities) else {
        return;
    };
    if !customer.is_lga() && renewing.license < MIN_LICENSES {
        let finding = Finding::new(Code::LgaConversionBelowMinimum)
            .with("min", MIN_LICENSES)
            .with("quantity", renewing.license);
        report.add(path, finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, customer_update, expect, valid, with};
    use crate::validate::Operation::UpdateCustomer;
    use serde_json::json;

    #[test]
    fn a_conversion_needs_100_licences_renewing() {
        let mut body = with(
            customer_update(),
            "/benefits",
            json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]),
        );
        body["companyProfile"]["marketSegment"] = json!("GOV");
        body["companyProfile"]["marketSubSegments"] = json!(["STATE"]);
        let renewing = |n: u64, benefits: serde_json::Value| {
            context(json!({ "renewalQuantities": { "license": n },
                "customer": { "benefits": benefits } }))
        };
        valid(UpdateCustomer, &body, &renewing(100, json!([])));
        let found = [("benefits[0]", "lga.conversion_below_minimum")];
        expect(UpdateCustomer, &body, &renewing(99, json!([])), &found);
        let already = json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]);
        valid(UpdateCustomer, &body, &renewing(5, already));
    }
}
