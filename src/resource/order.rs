//! Orders and their line items.

use super::Links;
use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// The kinds of order (FACTS.md §1.2 gives the current full enum).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum OrderType {
    /// A purchase.
    New,
    /// Asks Adobe which offer IDs (levels) and prices a NEW order would get.
    Preview,
    /// Asks what the next renewal order would hold.
    PreviewRenewal,
    /// Cancels lines of an earlier NEW or RENEWAL order within 14 days.
    Return,
    /// Created by Adobe for a VIP transfer; read-only.
    Transfer,
    /// A renewal, automatic or manual (late or early).
    Renewal,
    /// Previews a mid-term upgrade.
    PreviewSwitch,
    /// A mid-term upgrade.
    Switch,
    /// Previews undoing an upgrade.
    PreviewRevertSwitch,
    /// Undoes an upgrade within 14 days.
    RevertSwitch,
}

impl OrderType {
    /// Every order type, in the order the docs list them.
    pub const ALL: [OrderType; 10] = [
        Self::New,
        Self::Preview,
        Self::PreviewRenewal,
        Self::Return,
        Self::Transfer,
        Self::Renewal,
        Self::PreviewSwitch,
        Self::Switch,
        Self::PreviewRevertSwitch,
        Self::RevertSwitch,
    ];

    /// The wire name, e.g. `PREVIEW_RENEWAL`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::New => "NEW",
            Self::Preview => "PREVIEW",
            Self::PreviewRenewal => "PREVIEW_RENEWAL",
            Self::Return => "RETURN",
            Self::Transfer => "TRANSFER",
            Self::Renewal => "RENEWAL",
            Self::PreviewSwitch => "PREVIEW_SWITCH",
            Self::Switch => "SWITCH",
            Self::PreviewRevertSwitch => "PREVIEW_REVERT_SWITCH",
            Self::RevertSwitch => "REVERT_SWITCH",
        }
    }

    /// The order type with this wire name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|order_type| order_type.as_str() == name)
    }

    /// Whether a partner may send this type to Create Order (TRANSFER is Adobe's).
    pub const fn is_creatable(self) -> bool {
        !matches!(self, Self::Transfer)
    }

    /// Whether the type names the order it acts on in `referenceOrderId`.
    pub const fn needs_reference_order(self) -> bool {
        matches!(
            self,
            Self::Return | Self::RevertSwitch | Self::PreviewRevertSwitch
        )
    }
}

/// One line of an order.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct LineItem {
    /// The marketplace's number for the line, 0–999999, unique in the order.
    pub ext_line_item_number: u32,
    /// The offer bought, e.g. `65304479CA01A12`.
    pub offer_id: String,
    /// Quantity bought.
    pub quantity: u64,
    /// The subscription the line feeds (read-only, except RENEWAL lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    /// Line currency (FACTS.md §3.5; order-level currency is still accepted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Read-only: status code of the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Read-only: what is left to return on the line (FACTS.md §3.5, since
    /// 2026-08-13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining_quantity: Option<u64>,
}

/// An order (top-level Order resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Order {
    /// Reconciliation ID (PO number), at most 35 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_reference_id: Option<String>,
    /// Read-only: Adobe's order ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Read-only: the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The kind of order.
    pub order_type: Option<OrderType>,
    /// The order a RETURN (or revert) acts on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_order_id: Option<String>,
    /// ISO 4217 currency, e.g. `USD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Read-only: creation time in UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
    /// Read-only: status code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The lines, 1–499.
    pub line_items: Vec<LineItem>,
    /// Read-only: deep links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}
