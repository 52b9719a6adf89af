//! Transfers: a customer changing reseller, and a VIP customer moving to VIPMP.

use super::Links;
use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// The body of Preview / Commit Transfer for a reseller change (`POST /v3/transfers`).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct ResellerChange {
    /// Always `RESELLER_CHANGE`.
    #[serde(rename = "type")]
    pub transfer_type: String,
    /// `PREVIEW` or `COMMIT`.
    pub action: String,
    /// The code the customer's admin generated in the Admin Console.
    pub approval_code: String,
    /// The reseller taking the customer over.
    pub reseller_id: String,
    /// Email of the person asking.
    pub requested_by: String,
}

/// The body of Transfer Subscriptions (`POST /v3/memberships/{id}/transfers`).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct VipTransferRequest {
    /// The reseller the VIP customer moves under.
    pub reseller_id: String,
}

/// One subscription carried over by a transfer.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct TransferItem {
    /// Position in the transfer.
    pub line_item_number: u32,
    /// The offer transferred.
    pub offer_id: String,
    /// Quantity transferred.
    pub quantity: u64,
    /// The subscription created, once the transfer completes.
    pub subscription_id: String,
    /// Renewal date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<String>,
}

/// A transfer resource, either kind. Reseller changes list `items`, VIP
/// transfers `lineItems`.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Transfer {
    /// Adobe's ID of the transfer (empty on preview).
    pub transfer_id: String,
    /// The customer moved.
    pub customer_id: String,
    /// The new reseller.
    pub reseller_id: String,
    /// VIP transfers: the VIP membership moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub membership_id: Option<String>,
    /// Reseller change: `PREVIEW` or `COMMIT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Creation time in UTC.
    pub creation_date: String,
    /// Status code (absent on preview).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Number of items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    /// Reseller change items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<TransferItem>,
    /// VIP transfer items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub line_items: Vec<TransferItem>,
    /// Deep links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}
