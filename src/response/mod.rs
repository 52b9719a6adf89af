//! Reading what the Partner API answers: typed resources, status codes with
//! their meaning per resource, and errors as typed values.
//!
//! The proxy forwards Adobe's answer untouched; the storefront hands it here
//! with the endpoint it called. [`parse`] gives the typed resource of a 2xx
//! (with what its `status` means, [`status`]) or an [`ApiError`] for anything
//! else: the code looked up in the [`catalogue`] (every documented code, with
//! its source), the 2129 / 5117 (and newer) reason codes with their "Action
//! Required" text ([`reasons`]), and the field paths a form can mark.
//! [`describe_error`] answers for a code alone.
//!
//! Sources: reference (Feb 2024), "Status Codes & Error Handling" and the
//! REASON_CODE lists; FACTS.md §1.2 (status 1009) and §4 (current error table,
//! reason codes, partial-return codes, gateway shapes).
//!
//! ```
//! use vipmp::request::Endpoint;
//! use vipmp::response;
//! let parsed = response::parse(
//!     Endpoint::CreateCustomer,
//!     400,
//!     r#"{"code":"1117","message":"Some fields are invalid","additionalDetails":["companyProfile.companyName"]}"#,
//! );
//! let error = parsed.error.unwrap();
//! assert_eq!(error.field_paths, ["companyProfile.companyName"]);
//! assert_eq!(error.known.unwrap().http_status, Some(400));
//! ```

pub mod catalogue;
mod error;
mod parse;
pub mod reasons;
pub mod status;

pub use catalogue::{ERRORS, ErrorEntry, Source};
pub use error::{ApiError, ErrorShape, Reason, parse_error};
pub use parse::{Body, Parsed, parse};
pub use reasons::{REASONS, ReasonEntry};
pub use status::{Health, ResourceKind, StatusMeaning};

/// A documented code with its reason codes, for `describeError`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ErrorDescription {
    /// The catalogue row.
    #[serde(flatten)]
    pub entry: ErrorEntry,
    /// The reason codes documented for it (2129, 5117, 2127, 2141, 2146, 1134).
    pub reasons: Vec<ReasonEntry>,
}

/// What a code means, when it is documented.
pub fn describe_error(code: &str) -> Option<ErrorDescription> {
    let entry = *catalogue::lookup(code.trim())?;
    Some(ErrorDescription {
        entry,
        reasons: reasons::reasons_of(entry.code).copied().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_a_code_with_its_reasons() {
        let description = describe_error("5117").expect("documented");
        assert_eq!(description.entry.http_status, Some(400));
        assert_eq!(description.reasons.len(), 11 + 21);
        assert_eq!(describe_error("2129").map(|d| d.reasons.len()), Some(5));
        assert!(describe_error("9999").is_none());
    }
}
