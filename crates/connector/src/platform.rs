//! The platform's side of the Account Synchronize call: the account record it
//! sends and the answer it reads.
//!
//! reseller-provisioning.txt fixes the fields that say who the account is
//! (`ID`, `Role`, `ExternalID`, `ResellerID`, `ResellerExternalID`) and the
//! `SyncOptions` map (`MPNID`). The profile fields (company, contact,
//! address, segments, terms) are *assumed*: the documents show none, so they
//! are named in the same PascalCase and mapped onto Adobe's `companyProfile`
//! here, in one place.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use vipmp::provisioning::{AccountIdentity, SyncAccount};
use vipmp::resource::{Address, CompanyProfile, Contact};

/// The address of an account record.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PlatformAddress {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Adobe's region code (ISO 3166-2 subdivision, without the country).
    pub state: String,
    /// The city.
    pub city: String,
    /// The first address line.
    pub street1: String,
    /// The second address line.
    pub street2: String,
    /// The postal code.
    pub post_code: String,
    /// The address phone.
    pub phone: String,
}

/// An account record as the platform sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AccountRecord {
    /// The account's ID in the platform.
    #[serde(rename = "ID")]
    pub id: String,
    /// `Reseller` or `User`.
    #[serde(rename = "Role")]
    pub role: String,
    /// The ID this connector answered on an earlier sync (empty before).
    #[serde(rename = "ExternalID")]
    pub external_id: String,
    /// The reseller's account ID in the platform.
    #[serde(rename = "ResellerID")]
    pub reseller_id: String,
    /// The ID this connector answered when the reseller was synced.
    #[serde(rename = "ResellerExternalID")]
    pub reseller_external_id: String,
    /// The endpoint's sync options (`MPNID` when Reseller Support is off).
    #[serde(rename = "SyncOptions")]
    pub sync_options: Map<String, Value>,
    /// The company name.
    #[serde(rename = "CompanyName")]
    pub company_name: String,
    /// The account's email (the contact's).
    #[serde(rename = "Email")]
    pub email: String,
    /// The contact's first name.
    #[serde(rename = "FirstName")]
    pub first_name: String,
    /// The contact's last name.
    #[serde(rename = "LastName")]
    pub last_name: String,
    /// The contact's phone.
    #[serde(rename = "Phone")]
    pub phone: String,
    /// The address.
    #[serde(rename = "Address")]
    pub address: PlatformAddress,
    /// BCP 47 language (en-US by default).
    #[serde(rename = "PreferredLanguage")]
    pub preferred_language: String,
    /// A reseller's market segments (COM when none, create-reseller-account.txt).
    #[serde(rename = "MarketSegments")]
    pub market_segments: Vec<String>,
    /// A customer's market segment (COM when empty).
    #[serde(rename = "MarketSegment")]
    pub market_segment: String,
    /// Whether the reseller accepted Adobe's terms on its account page.
    #[serde(rename = "TermsAccepted")]
    pub terms_accepted: bool,
}

impl AccountRecord {
    /// The fields the core classifies by.
    pub fn identity(&self) -> AccountIdentity {
        AccountIdentity {
            id: self.id.clone(),
            role: self.role.clone(),
            reseller_id: self.reseller_id.clone(),
        }
    }

    /// The fields the core's pre-sync checks read.
    pub fn sync_account(&self) -> SyncAccount {
        SyncAccount {
            email: self.email.clone(),
            city: self.address.city.clone(),
            postal_code: self.address.post_code.clone(),
            country: self.address.country.clone(),
        }
    }

    /// The `MPNID` sync option, as text (the platform may send a number).
    pub fn mpn_id(&self) -> Option<String> {
        match self.sync_options.get("MPNID")? {
            Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    /// Adobe's `companyProfile` for a reseller (`marketSegments`) or a
    /// customer (`marketSegment`).
    pub fn company_profile(&self, reseller: bool) -> CompanyProfile {
        let optional = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_owned());
        let language = optional(&self.preferred_language).unwrap_or_else(|| "en-US".into());
        let (market_segment, market_segments) = if reseller {
            let segments = if self.market_segments.is_empty() {
                vec!["COM".to_owned()]
            } else {
                self.market_segments.clone()
            };
            (None, Some(segments))
        } else {
            let segment = optional(&self.market_segment).unwrap_or_else(|| "COM".into());
            (Some(segment), None)
        };
        CompanyProfile {
            company_name: self.company_name.clone(),
            preferred_language: language,
            market_segment,
            market_segments,
            market_sub_segments: None,
            address: Address {
                country: self.address.country.clone(),
                region: self.address.state.clone(),
                city: self.address.city.clone(),
                address_line1: self.address.street1.clone(),
                address_line2: optional(&self.address.street2),
                postal_code: self.address.post_code.clone(),
                phone_number: optional(&self.address.phone),
            },
            contacts: vec![Contact {
                first_name: self.first_name.clone(),
                last_name: self.last_name.clone(),
                email: self.email.clone(),
                phone_number: optional(&self.phone),
            }],
        }
    }
}

/// What the platform is answered on success.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct Synced {
    /// Always `Synced` (a refusal's is `Failed`).
    pub status: String,
    /// The Adobe ID, which the platform keeps as the account's external ID.
    #[serde(rename = "ExternalID")]
    pub external_id: String,
    /// `Reseller` or `Customer`.
    pub kind: String,
    /// Adobe's account status (`1002` pending, `1000` active, …).
    pub adobe_status: String,
    /// What this sync did: `Created`, `Updated` or `Unchanged`.
    pub action: String,
}
