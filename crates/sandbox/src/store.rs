//! The in-memory state of the emulated Partner API.
//!
//! One [`Store`] behind one lock: accounts, orders, subscriptions and the
//! pending status changes that the clock releases. Handlers never read the
//! system clock; they are given the reading.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use vipmp::resource::{
    CompanyProfile, Customer, Discount, Order, Reseller, Subscription, Transfer, TransferItem,
};

/// A distributor configured by the seed (distributors are not created through
/// the API).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Distributor {
    /// The distributor ID resellers name.
    pub distributor_id: String,
    /// The currency its price list is in (`USD`).
    pub currency: String,
}

/// A reseller-change approval code, as a customer's admin generates it in the
/// Admin Console (seeded, or issued through `POST /admin/approval-codes`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ApprovalCode {
    /// The customer whose admin generated it.
    pub customer_id: String,
    /// The clock reading (seconds since the seed's first day) at which it
    /// expires.
    pub expires: i64,
    /// The reseller change committed with it, once committed.
    pub transfer_id: Option<String>,
}

/// A VIP membership that may move to VIPMP, configured by the seed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VipMembership {
    /// The customer's profile as it will be created in VIPMP; no contacts
    /// means no admin contacts (5120).
    pub company_profile: CompanyProfile,
    /// The 5117 REASON_CODEs the membership fails on (`OPEN_PURCHASE_AUTH`, …).
    pub problems: Vec<String>,
    /// The discount levels it keeps in VIPMP (FACTS.md §3.2: "Customers
    /// transferring their subscriptions from VIP will retain their existing
    /// discount level").
    pub discounts: Vec<Discount>,
    /// The subscriptions carried over: offer, quantity, renewal date.
    pub items: Vec<TransferItem>,
    /// The VIPMP customer created by its transfer, once transferred.
    pub customer_id: Option<String>,
}

/// A price list as `POST /v3/pricelist` answers it (FACTS.md §3.3), seeded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PriceListDoc {
    /// `YYYYMM`.
    pub price_list_month: String,
    /// `COM`, `EDU` or `GOV`.
    pub market_segment: String,
    /// `NA`, `WE`, … (the price region).
    pub region: String,
    /// `USD`, `EUR`, ….
    pub currency: String,
    /// `STANDARD`, `3YC` or `STD-LGA`.
    pub price_list_type: String,
    /// The offers, with Adobe's attribute names (`offerId`, `partnerPrice`, …).
    pub offers: Vec<serde_json::Value>,
}

/// What a SWITCH order cancels, kept for its completion and its revert (the
/// order resource does not echo `cancellingItems`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SwitchRecord {
    /// The subscription seats are taken from.
    pub subscription_id: String,
    /// How many seats.
    pub quantity: u64,
    /// Whether a REVERT_SWITCH has undone it.
    pub reverted: bool,
}

/// A resource waiting for its asynchronous status change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    /// `reseller`, `customer` or `order`.
    pub kind: String,
    /// The resource's ID.
    pub id: String,
    /// The clock reading at which it settles.
    pub due: i64,
}

/// Everything the sandbox holds; serialisable so that it can be dumped.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Store {
    /// Distributors by ID.
    pub distributors: BTreeMap<String, Distributor>,
    /// Resellers by ID.
    pub resellers: BTreeMap<String, Reseller>,
    /// Customers by ID.
    pub customers: BTreeMap<String, Customer>,
    /// Orders by ID (each carries its `customerId`).
    pub orders: BTreeMap<String, Order>,
    /// Subscriptions by customer ID, then subscription ID.
    pub subscriptions: BTreeMap<String, BTreeMap<String, Subscription>>,
    /// Reseller-change approval codes by code.
    pub approval_codes: BTreeMap<String, ApprovalCode>,
    /// VIP memberships by membership ID.
    pub memberships: BTreeMap<String, VipMembership>,
    /// Transfers (reseller changes and VIP transfers) by transfer ID.
    pub transfers: BTreeMap<String, Transfer>,
    /// Customers whose orders fail asynchronously, with the order status they
    /// settle to (`1024` customer inactive, `1022` reseller inactive, `1004`).
    pub failing_orders: BTreeMap<String, String>,
    /// Accounts (reseller or customer IDs) that settle to this status instead
    /// of 1000 (create-reseller-account.txt: a pending account "may then become
    /// Active or Inactive"; `1004` inactive, `1010` inactive, invalid address).
    pub failing_accounts: BTreeMap<String, String>,
    /// SWITCH orders by order ID: what each cancels.
    pub switches: BTreeMap<String, SwitchRecord>,
    /// Price lists (invented in the demo seed).
    pub price_lists: Vec<PriceListDoc>,
    /// Deployments by customer ID, then deployment ID.
    pub deployments: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    /// Status changes the clock has not reached yet.
    pub pending: Vec<Pending>,
    /// The last number used for an ID.
    pub last_id: u64,
}

impl Store {
    /// A new numeric ID with a prefix digit: resellers 5…, customers 6…,
    /// orders 7… (*assumed*: Adobe's IDs are 10 digits, their ranges are not
    /// documented).
    pub fn next_id(&mut self, prefix: u64) -> String {
        self.last_id += 1;
        format!("{}", prefix * 1_000_000_000 + self.last_id % 1_000_000_000)
    }

    /// A new 32-character alphanumeric subscription ID.
    pub fn next_subscription_id(&mut self) -> String {
        self.last_id += 1;
        format!("{:0>32}", format!("{:x}SUB", self.last_id)).to_uppercase()
    }

    /// Schedules a status change.
    pub fn schedule(&mut self, kind: &str, id: &str, due: i64) {
        self.pending.push(Pending {
            kind: kind.to_owned(),
            id: id.to_owned(),
            due,
        });
    }

    /// Takes the pending changes due at `now`, oldest first.
    pub fn take_due(&mut self, now: i64) -> Vec<Pending> {
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|pending| pending.due <= now);
        self.pending = later;
        due
    }

    /// The subscriptions of a customer.
    pub fn subscriptions_of(&mut self, customer_id: &str) -> &mut BTreeMap<String, Subscription> {
        self.subscriptions
            .entry(customer_id.to_owned())
            .or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_shapes() {
        let mut store = Store::default();
        assert_eq!(store.next_id(6), "6000000001");
        let id = store.next_subscription_id();
        assert!(vipmp::field::subscription_id::check(&id).is_empty(), "{id}");
    }

    #[test]
    fn due_changes_are_taken_once() {
        let mut store = Store::default();
        store.schedule("order", "1", 10);
        store.schedule("order", "2", 20);
        assert_eq!(store.take_due(15).len(), 1);
        assert_eq!(store.take_due(15).len(), 0);
        assert_eq!(store.take_due(20)[0].id, "2");
    }
}
