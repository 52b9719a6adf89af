//! Why a sync failed, in the names the storefront shows
//! (storefront-ordering-rules.txt, "Error Messages During the Account
//! Synchronization") and with Adobe's field paths, so the platform's
//! "Provisioning Sync Status" can say what to fix.
//!
//! Adobe's answer is read by the core's parser (`vipmp::response::parse_error`):
//! its field paths come from `additionalDetails`, `invalidFields` and the
//! storefront's message forms (`Invalid Address (…)`, `Some Fields are
//! Invalid (…)`); [`Refusal::text`] writes them back in that form.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vipmp::Violation;
use vipmp::response::ApiError;

/// A refusal's name, from the storefront's table, plus the connector's own
/// few that the table has no row for (marked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// "The account is not defined as a reseller."
    AccountIsNotDefinedAsReseller,
    /// "The customer is not active."
    CustomerIsNotActive,
    /// "The customer does not belong to the reseller."
    CustomerNotBelongToReseller,
    /// "The distributor id is not Valid."
    DistributorIdNotValid,
    /// "The request to create a customer has been rejected by Adobe."
    RequestCreateCustomerRejected,
    /// "The request to create a reseller has been rejected by Adobe."
    RequestCreateResellerRejected,
    /// "The reseller is not active."
    ResellerIsNotActive,
    /// A pre-sync check of the core (`NoCitySpecified`, `PostCodeNotValid`, …).
    Core(&'static str, &'static str),
    /// Adobe refused an update (not in the storefront's table).
    RequestUpdateRejected,
    /// The reseller has not accepted Adobe's terms (not in the table).
    TermsNotAccepted,
    /// The record fits none of the three cases (not in the table).
    InvalidAccountRecord,
    /// Another instance is syncing the record right now (not in the table).
    SyncInProgress,
    /// Adobe or the store could not be reached; retry later (not in the table).
    Unavailable,
    /// No or a wrong platform credential (not in the table).
    Unauthenticated,
}

impl Name {
    /// The name as the platform shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccountIsNotDefinedAsReseller => "AccountIsNotDefinedAsReseller",
            Self::CustomerIsNotActive => "CustomerIsNotActive",
            Self::CustomerNotBelongToReseller => "CustomerNotBelongToReseller",
            Self::DistributorIdNotValid => "DistributorIdNotValid",
            Self::RequestCreateCustomerRejected => "RequestCreateCustomerRejected",
            Self::RequestCreateResellerRejected => "RequestCreateResellerRejected",
            Self::ResellerIsNotActive => "ResellerIsNotActive",
            Self::Core(name, _) => name,
            Self::RequestUpdateRejected => "RequestUpdateRejected",
            Self::TermsNotAccepted => "TermsNotAccepted",
            Self::InvalidAccountRecord => "InvalidAccountRecord",
            Self::SyncInProgress => "SyncInProgress",
            Self::Unavailable => "Unavailable",
            Self::Unauthenticated => "Unauthenticated",
        }
    }

    /// The sentence shown with the name.
    pub fn message(self) -> &'static str {
        match self {
            Self::AccountIsNotDefinedAsReseller => "The account is not defined as a reseller.",
            Self::CustomerIsNotActive => "The customer is not active.",
            Self::CustomerNotBelongToReseller => "The customer does not belong to the reseller.",
            Self::DistributorIdNotValid => "The distributor id is not Valid.",
            Self::RequestCreateCustomerRejected => {
                "The request to create a customer has been rejected by Adobe."
            }
            Self::RequestCreateResellerRejected => {
                "The request to create a reseller has been rejected by Adobe."
            }
            Self::ResellerIsNotActive => "The reseller is not active.",
            Self::Core(_, message) => message,
            Self::RequestUpdateRejected => {
                "The request to update the account was rejected by Adobe."
            }
            Self::TermsNotAccepted => "The reseller has not accepted Adobe's terms and conditions.",
            Self::InvalidAccountRecord => {
                "The account record is neither a reseller nor a customer."
            }
            Self::SyncInProgress => "The account is being synchronized; try again shortly.",
            Self::Unavailable => "Adobe could not be reached; try again later.",
            Self::Unauthenticated => "A valid platform credential is required.",
        }
    }

    /// The HTTP status: 401, 409 (in progress), 503 (try later), 422 otherwise.
    fn status(self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::SyncInProgress => StatusCode::CONFLICT,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// A failed sync.
#[derive(Clone, Debug)]
pub struct Refusal {
    /// The storefront's name.
    pub name: Name,
    /// Adobe's error, when Adobe refused (boxed: a refusal travels in
    /// `Result`s, and most carry none).
    pub adobe: Option<Box<ApiError>>,
    /// The core's violations, when the record itself is wrong.
    pub violations: Vec<Violation>,
}

impl Refusal {
    /// A refusal of the connector's own.
    pub fn new(name: Name) -> Self {
        Self {
            name,
            adobe: None,
            violations: Vec::new(),
        }
    }

    /// A refusal carrying Adobe's parsed error.
    pub fn adobe(name: Name, error: ApiError) -> Self {
        Self {
            adobe: Some(Box::new(error)),
            ..Self::new(name)
        }
    }

    /// The field paths: Adobe's, else the core's violation paths.
    pub fn fields(&self) -> Vec<String> {
        match &self.adobe {
            Some(error) => error.field_paths.clone(),
            None => self.violations.iter().map(|v| v.path.to_string()).collect(),
        }
    }

    /// Adobe's text in the storefront's form: `Invalid Address (a)` for
    /// 1118, `Some Fields are Invalid (a, b)` for 1117, the message otherwise.
    pub fn text(&self) -> Option<String> {
        let error = self.adobe.as_ref()?;
        let fields = error.field_paths.join(", ");
        Some(match error.code.as_str() {
            "1118" if !fields.is_empty() => format!("Invalid Address ({fields})"),
            "1117" if !fields.is_empty() => format!("Some Fields are Invalid ({fields})"),
            _ => error.message.clone(),
        })
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let adobe = self.adobe.as_ref().map(|error| {
            json!({ "code": error.code, "message": error.message, "httpStatus": error.http_status })
        });
        let body = json!({
            "Status": "Failed",
            "Error": {
                "Name": self.name.as_str(),
                "Message": self.name.message(),
                "Fields": self.fields(),
                "Text": self.text(),
                "Adobe": adobe,
                "Violations": self.violations,
            }
        });
        (self.name.status(), Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adobe_errors_are_written_in_the_storefront_form() {
        let body = r#"{"code":"1118","message":"Invalid Address","additionalDetails":["companyProfile.address.region"]}"#;
        let refusal = Refusal::adobe(
            Name::RequestCreateResellerRejected,
            vipmp::response::parse_error(400, body),
        );
        assert_eq!(refusal.fields(), ["companyProfile.address.region"]);
        assert_eq!(
            refusal.text().as_deref(),
            Some("Invalid Address (companyProfile.address.region)")
        );
        let body = r#"{"code":"1117","message":"Some fields are invalid","additionalDetails":["companyProfile.companyName","companyProfile.contacts[0].email"]}"#;
        let refusal = Refusal::adobe(
            Name::RequestCreateCustomerRejected,
            vipmp::response::parse_error(400, body),
        );
        assert_eq!(
            refusal.text().as_deref(),
            Some(
                "Some Fields are Invalid (companyProfile.companyName, companyProfile.contacts[0].email)"
            )
        );
        assert_eq!(Refusal::new(Name::SyncInProgress).text(), None);
    }
}
