//! Reseller provisioning: who an account is, whether it can be synced, and
//! what Adobe's sync errors point at.
//!
//! Before the first order the platform synchronizes the reseller and the end
//! customer with Adobe (reseller-provisioning.txt, "Step #2"); the storefront
//! shows why a sync failed (storefront-ordering-rules.txt, "Error Messages
//! During the Account Synchronization"). This module classifies the account
//! ([`classify_account`]), runs the checks that would fail the sync before it
//! is tried ([`pre_sync_checks`], with the storefront's error names), and turns
//! Adobe's "Invalid Address (field)" / "Some Fields are Invalid (a, b)" texts
//! into field paths ([`invalid_fields`]).

use crate::input::{FromJson, Json};
use crate::{Code, Finding, Path, Report};
use serde::{Deserialize, Serialize};

/// What an account is to the platform (reseller-provisioning.txt, Step #2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AccountClass {
    /// ResellerID empty or equal to ID, Role "Reseller".
    Reseller,
    /// ResellerID different from ID, Role "User".
    EndCustomer,
    /// ResellerID empty or equal to ID, Role "User".
    DirectCustomer,
}

/// The fields of an Account Synchronize call that say who the account is.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(default)]
pub struct AccountIdentity {
    /// The account's ID in the platform.
    #[serde(rename = "ID")]
    pub id: String,
    /// `Reseller` or `User`.
    #[serde(rename = "Role")]
    pub role: String,
    /// The reseller's account ID; empty or equal to `ID` for a reseller or a
    /// direct customer.
    #[serde(rename = "ResellerID")]
    pub reseller_id: String,
}

/// The answer of [`classify_account`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Classification {
    /// The class, when the three fields agree with one of the three cases.
    pub class: Option<AccountClass>,
    /// Why no class fits.
    pub violations: Vec<crate::Violation>,
}

/// Classifies an account by `ID`, `ResellerID` and `Role`
/// (reseller-provisioning.txt, Step #2, the three cases). A Role of "Reseller"
/// with a different ResellerID fits no case, nor does any other Role
/// (`provisioning.role_mismatch`). Role is compared exactly as written.
pub fn classify_account(account: &AccountIdentity) -> Classification {
    let own = account.reseller_id.is_empty() || account.reseller_id == account.id;
    let class = match (account.role.as_str(), own) {
        ("Reseller", true) => Some(AccountClass::Reseller),
        ("User", true) => Some(AccountClass::DirectCustomer),
        ("User", false) => Some(AccountClass::EndCustomer),
        _ => None,
    };
    let mut report = Report::new();
    if class.is_none() {
        let reason = if account.role == "Reseller" {
            "a reseller's ResellerID must be empty or its own ID"
        } else {
            "Role must be Reseller or User"
        };
        report.add(
            &Path::root().key("Role"),
            Finding::new(Code::ProvisioningRoleMismatch).with("reason", reason),
        );
    }
    Classification {
        class,
        violations: report.violations,
    }
}

/// Classifies an account given as JSON (`{ "ID", "Role", "ResellerID" }`);
/// JSON of another shape is a `type.invalid` violation.
pub fn classify_account_json(value: &serde_json::Value) -> Classification {
    crate::input::with_arena(|arena| classify_account_read(&Json::from_value(value, arena)))
}

/// [`classify_account_json`] of JSON already read (the npm package reads
/// the account from its text; serde's reader from a `Value` is not in the
/// wasm).
pub fn classify_account_read(json: &Json<'_>) -> Classification {
    let account = matches!(json, Json::Object(_))
        .then(|| AccountIdentity::from_json(json).ok())
        .flatten();
    match account {
        Some(account) => classify_account(&account),
        None => {
            let mut report = Report::new();
            report.add(
                &Path::root(),
                Finding::new(Code::TypeInvalid)
                    .with("expected", "an object with ID, Role and ResellerID texts"),
            );
            Classification {
                class: None,
                violations: report.violations,
            }
        }
    }
}

/// The account data the pre-sync checks read.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct SyncAccount {
    /// The account's email.
    pub email: String,
    /// The address city.
    pub city: String,
    /// The address postal code.
    pub postal_code: String,
    /// The address country, ISO 3166-1 alpha-2.
    pub country: String,
}

/// The storefront's internal sync errors that data can predict
/// (storefront-ordering-rules.txt, "Error Messages During the Account
/// Synchronization"). The others (CustomerIsNotActive, DistributorIdNotValid,
/// Request…Rejected, …) need Adobe's or the platform's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// "No city was specified inside the address of the account."
    NoCitySpecified,
    /// "No postcode was specified inside the address of the account."
    NoPostCodeSpecified,
    /// "No account email was specified."
    NotAccountEmailSpecified,
    /// "The postcode is not valid."
    PostCodeNotValid,
    /// "The country is not valid."
    CountryNotValid,
}

impl SyncError {
    /// The storefront's error name, e.g. `NoCitySpecified`.
    pub fn name(self) -> &'static str {
        match self {
            SyncError::NoCitySpecified => "NoCitySpecified",
            SyncError::NoPostCodeSpecified => "NoPostCodeSpecified",
            SyncError::NotAccountEmailSpecified => "NotAccountEmailSpecified",
            SyncError::PostCodeNotValid => "PostCodeNotValid",
            SyncError::CountryNotValid => "CountryNotValid",
        }
    }

    /// The storefront's message for the error.
    pub fn message(self) -> &'static str {
        match self {
            SyncError::NoCitySpecified => {
                "No city was specified inside the address of the account."
            }
            SyncError::NoPostCodeSpecified => {
                "No postcode was specified inside the address of the account."
            }
            SyncError::NotAccountEmailSpecified => "No account email was specified.",
            SyncError::PostCodeNotValid => "The postcode is not valid.",
            SyncError::CountryNotValid => "The country is not valid.",
        }
    }

    fn field(self) -> &'static str {
        match self {
            SyncError::NoCitySpecified => "city",
            SyncError::NoPostCodeSpecified | SyncError::PostCodeNotValid => "postalCode",
            SyncError::NotAccountEmailSpecified => "email",
            SyncError::CountryNotValid => "country",
        }
    }
}

/// The sync errors an account would meet: missing city, postcode or email; a
/// country Adobe does not sell into or that does not exist; a postcode that
/// does not match the country's published pattern (FACTS.md §2.6).
pub fn sync_errors(account: &SyncAccount) -> Vec<SyncError> {
    let mut errors = Vec::new();
    if account.email.trim().is_empty() {
        errors.push(SyncError::NotAccountEmailSpecified);
    }
    if account.city.trim().is_empty() {
        errors.push(SyncError::NoCitySpecified);
    }
    let country = crate::country::lookup(&account.country).filter(|c| c.is_supported());
    if country.is_none() {
        errors.push(SyncError::CountryNotValid);
    }
    if account.postal_code.trim().is_empty() {
        errors.push(SyncError::NoPostCodeSpecified);
    } else if let Some(rule) = country.and_then(crate::country::Country::postal_rule) {
        if !rule.is_match(&account.postal_code) {
            errors.push(SyncError::PostCodeNotValid);
        }
    }
    errors
}

/// [`sync_errors`] as a report: `provisioning.sync_error` at each field, with
/// the error's `name` and the storefront's `message`.
pub fn pre_sync_checks(account: &SyncAccount) -> Report {
    let mut report = Report::new();
    for error in sync_errors(account) {
        report.add(
            &Path::root().key(error.field()),
            Finding::new(Code::ProvisioningSyncError)
                .with("name", error.name())
                .with("text", error.message()),
        );
    }
    report
}

/// The field names in Adobe's sync messages: `Invalid Address (field)` and
/// `Some Fields are Invalid (a, b, …)` (case of "invalid" ignored, as the
/// storefront's own examples differ). Any other text yields no field.
pub fn invalid_fields(message: &str) -> Vec<String> {
    let text = message.trim();
    let lower = text.to_ascii_lowercase();
    let prefix = ["invalid address (", "some fields are invalid ("]
        .iter()
        .find(|prefix| lower.starts_with(**prefix));
    let Some(prefix) = prefix else {
        return Vec::new();
    };
    let inner = &text[prefix.len()..];
    let inner = inner.trim_end_matches('.').trim_end();
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    inner
        .split(',')
        .map(str::trim)
        .filter(|field| !field.is_empty())
        .map(str::to_owned)
        .collect()
}

/// [`invalid_fields`] as a report: `provisioning.invalid_field` at each field's
/// path (dots kept as written, e.g. `companyProfile.address.region`).
pub fn adobe_message_report(message: &str) -> Report {
    let mut report = Report::new();
    for field in invalid_fields(message) {
        let path = field
            .split('.')
            .fold(Path::root(), |path, key| path.key(key));
        report.add(
            &path,
            Finding::new(Code::ProvisioningInvalidField).with("field", field.as_str()),
        );
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(id: &str, role: &str, reseller_id: &str) -> AccountIdentity {
        AccountIdentity {
            id: id.into(),
            role: role.into(),
            reseller_id: reseller_id.into(),
        }
    }

    #[test]
    fn classifies_the_three_cases() {
        let class = |a: &AccountIdentity| classify_account(a).class;
        assert_eq!(
            class(&identity("1082733", "Reseller", "1082733")),
            Some(AccountClass::Reseller)
        );
        assert_eq!(
            class(&identity("1082733", "Reseller", "")),
            Some(AccountClass::Reseller)
        );
        assert_eq!(
            class(&identity("2000001", "User", "1082733")),
            Some(AccountClass::EndCustomer)
        );
        assert_eq!(
            class(&identity("2000001", "User", "")),
            Some(AccountClass::DirectCustomer)
        );
        assert_eq!(
            class(&identity("2000001", "User", "2000001")),
            Some(AccountClass::DirectCustomer)
        );
    }

    #[test]
    fn classifies_json() {
        let json = serde_json::json!({"ID": "1082733", "Role": "Reseller", "ResellerID": "1082733", "ExternalID": ""});
        assert_eq!(
            classify_account_json(&json).class,
            Some(AccountClass::Reseller)
        );
        assert!(
            classify_account_json(&serde_json::json!([]))
                .class
                .is_none()
        );
        let bad = classify_account_json(&serde_json::json!([1]));
        assert_eq!(bad.violations[0].code, Code::TypeInvalid);
    }

    #[test]
    fn inconsistent_identities_are_violations() {
        let answer = classify_account(&identity("2000001", "Reseller", "1082733"));
        assert_eq!(answer.class, None);
        assert_eq!(answer.violations[0].code, Code::ProvisioningRoleMismatch);
        assert!(
            classify_account(&identity("1", "Admin", ""))
                .class
                .is_none()
        );
    }

    #[test]
    fn pre_sync_checks_name_the_storefront_errors() {
        let account = SyncAccount {
            email: String::new(),
            city: " ".into(),
            postal_code: "9511".into(),
            country: "US".into(),
        };
        let names: Vec<&str> = sync_errors(&account).iter().map(|e| e.name()).collect();
        assert_eq!(
            names,
            [
                "NotAccountEmailSpecified",
                "NoCitySpecified",
                "PostCodeNotValid"
            ]
        );
        let report = pre_sync_checks(&account);
        assert_eq!(report.violations[2].path.to_string(), "postalCode");
        assert_eq!(report.violations[2].message, "The postcode is not valid.");
        let nowhere = SyncAccount {
            email: "a@b.com".into(),
            city: "X".into(),
            postal_code: String::new(),
            country: "ZZ".into(),
        };
        let names: Vec<&str> = sync_errors(&nowhere).iter().map(|e| e.name()).collect();
        assert_eq!(names, ["CountryNotValid", "NoPostCodeSpecified"]);
        let fine = SyncAccount {
            email: "a@b.com".into(),
            city: "San Jose".into(),
            postal_code: "95110".into(),
            country: "US".into(),
        };
        assert!(sync_errors(&fine).is_empty());
    }

    #[test]
    fn parses_adobe_messages_into_paths() {
        assert_eq!(
            invalid_fields("Invalid Address (companyProfile.address.region)."),
            ["companyProfile.address.region"]
        );
        assert_eq!(
            invalid_fields(
                "Some Fields are invalid (companyProfile.contacts.firstname, companyProfile.contacts.email)"
            ),
            [
                "companyProfile.contacts.firstname",
                "companyProfile.contacts.email"
            ]
        );
        assert!(invalid_fields("Something else").is_empty());
        assert!(invalid_fields("Invalid Address (").is_empty());
        let report = adobe_message_report("Invalid Address (companyProfile.address.region)");
        assert_eq!(
            report.violations[0].path.to_string(),
            "companyProfile.address.region"
        );
        assert_eq!(report.codes(), ["provisioning.invalid_field"]);
    }
}
