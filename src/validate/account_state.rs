//! Account status gates: what Adobe refuses because of the state an account
//! is in, not because of the body.
//!
//! Sources: FACTS.md §4 (1125 "Account cannot be updated while status is
//! pending or blocked", Update Reseller and Update Customer; 1126 "Customer
//! cannot be created because reseller account is inactive", Create Customer);
//! the reference (Feb 2024), Create Customer Account: "Pending customers ...
//! may not update their account ... until the account becomes active or
//! inactive", and create-reseller-account.txt: "Pending resellers can create
//! customers, but not update the reseller account". So an update is refused
//! in 1002 (pending) and 1012 (blocked) only, and a customer may be created
//! under an active or a pending reseller; every other reseller status (1004
//! and the inactive reasons 1010, 1012, 1014) is inactive. The rules apply
//! only when the context carries the account's status.

use crate::report::{AsPath, Code, Finding, Report};

const ACTIVE: &str = "1000";
const PENDING: &str = "1002";
const BLOCKED: &str = "1012";

/// An update of an account in `status` (1125).
pub(super) fn check_updatable(status: Option<&str>, path: &impl AsPath, report: &mut Report) {
    if let Some(status @ (PENDING | BLOCKED)) = status {
        report.add(
            path,
            Finding::new(Code::AccountNotUpdatable).with("status", status),
        );
    }
}

/// A customer created under a reseller in `status` (1126).
pub(super) fn check_reseller_active(status: Option<&str>, path: &impl AsPath, report: &mut Report) {
    match status {
        None | Some(ACTIVE | PENDING) => {}
        Some(status) => report.add(
            path,
            Finding::new(Code::AccountResellerInactive).with("status", status),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{
        context, customer, customer_update, expect, reseller, valid, without,
    };
    use crate::validate::Operation::{CreateCustomer, UpdateCustomer, UpdateReseller};
    use serde_json::json;

    fn holding(account: &str, status: &str) -> crate::validate::Context {
        context(json!({ account: { "status": status, "companyProfile": {} } }))
    }

    #[test]
    fn pending_and_blocked_accounts_cannot_be_updated() {
        let update = without(reseller(), "/distributorId");
        for status in ["1002", "1012"] {
            let found = [("", "account.not_updatable")];
            expect(
                UpdateReseller,
                &update,
                &holding("reseller", status),
                &found,
            );
            expect(
                UpdateCustomer,
                &customer_update(),
                &holding("customer", status),
                &found,
            );
        }
        for status in ["1000", "1004", "1010"] {
            valid(UpdateReseller, &update, &holding("reseller", status));
            valid(
                UpdateCustomer,
                &customer_update(),
                &holding("customer", status),
            );
        }
    }

    #[test]
    fn customers_are_created_under_active_or_pending_resellers_only() {
        for status in ["1000", "1002"] {
            valid(CreateCustomer, &customer(), &holding("reseller", status));
        }
        for status in ["1004", "1012"] {
            let found = [("resellerId", "account.reseller_inactive")];
            expect(
                CreateCustomer,
                &customer(),
                &holding("reseller", status),
                &found,
            );
        }
    }
}
