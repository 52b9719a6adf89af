//! Subscriptions and their auto-renewal preferences.

use super::Links;
use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// Auto-renewal preferences of a subscription.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct AutoRenewal {
    /// Whether the subscription renews on the coterm date.
    pub enabled: bool,
    /// How many licences renew; absent = all purchased licences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_quantity: Option<u64>,
}

/// A subscription (top-level Subscription resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Subscription {
    /// Adobe's ID of the subscription.
    pub subscription_id: String,
    /// The base-level offer ID.
    pub offer_id: String,
    /// Licences the customer holds now.
    pub current_quantity: u64,
    /// Licences or consumables used.
    pub used_quantity: u64,
    /// Auto-renewal preferences.
    pub auto_renewal: AutoRenewal,
    /// Creation time in UTC.
    pub creation_date: String,
    /// Next renewal date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<String>,
    /// Status code such as `1000`.
    pub status: String,
    /// Deep links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}
