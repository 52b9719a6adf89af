//! Accounts: the Reseller and Customer resources and the profile they share.

use super::{Benefit, Links};
use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// A postal address (Address resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// ISO 3166-2 subdivision code, only the part after the hyphen (`CA`).
    pub region: String,
    /// City, at most 40 characters.
    pub city: String,
    /// First address line, at most 60 characters.
    pub address_line1: String,
    /// Optional second address line, at most 60 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Postal code in the country's format.
    pub postal_code: String,
    /// Optional phone number, at most 40 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// A person Adobe writes to (Contact resource); customer contacts become admins.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    /// First name, 1–35 characters.
    pub first_name: String,
    /// Last name, 1–35 characters.
    pub last_name: String,
    /// Email address, at most 240 characters.
    pub email: String,
    /// Optional phone number, at most 40 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// Company details of a reseller or customer (CompanyProfile resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct CompanyProfile {
    /// Company name, 4–80 characters of the published class.
    pub company_name: String,
    /// One of Adobe's supported locales, e.g. `en-US`.
    pub preferred_language: String,
    /// Customer only: COM (default), EDU or GOV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_segment: Option<String>,
    /// Reseller only: the segments it sells into (default `["COM"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_segments: Option<Vec<String>>,
    /// Customer only, read-only: `K_12`, `HIGHER_ED`, `NON_PROFIT`, `FEDERAL`, `STATE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_sub_segments: Option<Vec<String>>,
    /// The company's address.
    pub address: Address,
    /// At least one contact.
    pub contacts: Vec<Contact>,
}

/// A reseller account (top-level Reseller resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Reseller {
    /// The marketplace's own ID for the reseller, at most 35 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_reference_id: Option<String>,
    /// The distributor the reseller belongs to.
    pub distributor_id: String,
    /// Read-only: Adobe's ID of the reseller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reseller_id: Option<String>,
    /// Company details.
    pub company_profile: CompanyProfile,
    /// Read-only: creation time in UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
    /// Read-only: status code such as `1000`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Read-only: deep links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// A discount level the customer holds for one offer type.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Discount {
    /// `LICENSE` or `CONSUMABLES`.
    pub offer_type: String,
    /// The level, e.g. `02` or `T1`.
    pub level: String,
}

/// A customer account (top-level Customer resource).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Customer {
    /// The marketplace's own ID for the customer, at most 35 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_reference_id: Option<String>,
    /// Read-only: Adobe's ID of the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The reseller the customer belongs to.
    pub reseller_id: String,
    /// Company details.
    pub company_profile: CompanyProfile,
    /// Read-only: discount levels per offer type.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub discounts: Vec<Discount>,
    /// Renewal date `YYYY-MM-DD`; sent on create only for an extended term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coterm_date: Option<String>,
    /// 3YC and LGA benefits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<Benefit>,
    /// Read-only: Adobe's tags, e.g. `HVD_MIGRATED_CUSTOMER` for a customer
    /// migrated from VIP's High Volume Discount (FACTS.md §1, 2025-01-23).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Worldwide purchasing enabled (FACTS.md §1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_sales_enabled: Option<bool>,
    /// Read-only: creation time in UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
    /// Read-only: status code such as `1002`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Read-only: deep links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

impl Customer {
    /// The customer's 3YC benefit, if it has one.
    pub fn three_year_commit(&self) -> Option<&Benefit> {
        self.benefits.iter().find(|b| b.is_three_year_commit())
    }

    /// Whether the customer is enrolled as a Large Government Agency.
    pub fn is_lga(&self) -> bool {
        self.benefits.iter().any(Benefit::is_lga)
    }
}
