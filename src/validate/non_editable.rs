//! Fields an update repeats but may not change.
//!
//! Source: reference (Feb 2024), Update Reseller Account and Update Customer
//! Account, Assumptions: "Non-editable fields (in red) need to be passed in but
//! need to match the original values. Otherwise, an error is returned"; FACTS.md
//! §4: 1119 "Some fields are not editable" (Update Customer, Update Reseller).
//! The text does not survive with its colours, so the fields are those the
//! Resources table lists without "(read only)" and that only creation sets:
//! the reseller's `distributorId` and the customer's `resellerId` (a customer
//! changes reseller through a transfer). Read-only fields (IDs, status, dates)
//! stay `field.read_only`.
//!
//! With the account in the context, the value it holds is accepted and any
//! other is `field.not_editable`; without it nothing can be compared, and the
//! field stays refused as read-only, as before (the value is never needed).

use super::json::Object;
use crate::report::{Code, Finding, Report};

/// Checks an update's keys (`known`, `read_only`, the rest unknown) with
/// `key` among the known ones when its stored value can be compared and among
/// the read-only ones otherwise, then files `field.not_editable` when the
/// body's `key` differs from `stored`.
pub(super) fn check_update_keys(
    object: &Object<'_, '_>,
    (key, stored): (&str, Option<&str>),
    known: &[&str],
    read_only: &[&[&str]],
    report: &mut Report,
) {
    let held = stored.is_some();
    object.check_keys_by(
        |name| known.contains(&name) || (held && name == key),
        |name| read_only.iter().any(|list| list.contains(&name)) || (!held && name == key),
        report,
    );
    check(object, key, stored, report);
}

/// Files `field.not_editable` when the body's `key` differs from `stored`.
fn check(object: &Object<'_, '_>, key: &str, stored: Option<&str>, report: &mut Report) {
    let Some(stored) = stored else { return };
    match object.optional_str(key, report) {
        Some(sent) if sent != stored => report.add(
            &object.at(key),
            Finding::new(Code::FieldNotEditable).with("value", stored),
        ),
        _ => {}
    }
}

/// A stored ID, unless it is empty (a context that left it out).
pub(super) fn known(id: &str) -> Option<&str> {
    Some(id).filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context, customer, expect, reseller, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::{UpdateCustomer, UpdateReseller};
    use serde_json::json;

    fn held(account: &str, key: &str, id: &str) -> Context {
        context(json!({ account: { key: id, "status": "1000", "companyProfile": {} } }))
    }

    #[test]
    fn a_resellers_distributor_may_be_repeated_not_changed() {
        let stored = held("reseller", "distributorId", "345434543");
        valid(UpdateReseller, &reseller(), &stored);
        let moved = with(reseller(), "/distributorId", json!("345434544"));
        expect(
            UpdateReseller,
            &moved,
            &stored,
            &[("distributorId", "field.not_editable")],
        );
        let unknown = [("distributorId", "field.read_only")];
        expect(UpdateReseller, &reseller(), &Context::default(), &unknown);
        valid(
            UpdateReseller,
            &without(reseller(), "/distributorId"),
            &stored,
        );
    }

    #[test]
    fn a_customers_reseller_may_be_repeated_not_changed() {
        let stored = held("customer", "resellerId", "5556667778");
        valid(UpdateCustomer, &customer(), &stored);
        let moved = with(customer(), "/resellerId", json!("5556667779"));
        expect(
            UpdateCustomer,
            &moved,
            &stored,
            &[("resellerId", "field.not_editable")],
        );
        let unknown = [("resellerId", "field.read_only")];
        expect(UpdateCustomer, &customer(), &Context::default(), &unknown);
    }
}
