//! Sans-IO request builders for every endpoint of the Partner API.
//!
//! A storefront should never hand-assemble a call. A call is two halves:
//! its [`address`] (method, path with its checked parameters, query, validated
//! body: a [`RequestAddress`], all the browser needs to call the proxy) and the
//! headers of one try, [`attempt`] (correlation ID, request ID, credentials:
//! what the proxy adds, anew for every try). [`build`] joins both for callers
//! that hold everything, turning an [`Endpoint`] and a [`BuildInput`] into a
//! [`RequestSpec`] — method, path, query, headers and body — that any HTTP
//! client can send. Nothing here sends anything, reads a clock or draws a
//! random number: the IDs come from the caller, chosen by [`Intent`] /
//! [`Correlator`] under the reference's Idempotency rules.
//!
//! A builder refuses invalid input with the [`Report`] of every problem: the
//! body through [`crate::validate::run`] (paths as in the body:
//! `lineItems[0].quantity`), path parameters at `params.<name>` through the ID
//! rules of [`crate::field`], query parameters at `query.<name>`, IDs and
//! credentials at `ids.…` / `auth.…`.
//!
//! ```
//! use vipmp::request::{self, BuildInput, Endpoint, Ids};
//! let input = BuildInput {
//!     params: [("customerId".to_owned(), "9876543210".into())].into_iter().collect(),
//!     query: serde_json::json!({ "status": ["1000", "1002"] }),
//!     ids: Ids { correlation_id: "c-1".into(), request_id: "r-1".into() },
//!     ..BuildInput::default()
//! };
//! let spec = request::build(Endpoint::GetOrderHistory, &input).unwrap();
//! assert_eq!(spec.url(), "/v3/customers/9876543210/orders?status=1000&status=1002");
//! ```

mod address;
mod encode;
mod endpoint;
mod headers;
mod idempotency;
mod page;
mod params;
mod payload;
mod query;

pub use address::{AddressInput, AddressResult, Part, Refused, RequestAddress, address, attempt};
pub use encode::{encode, query_string};
pub use endpoint::{BodyRule, Endpoint, Method, PAGE_LIMIT_MAX, QueryKind, QueryRule};
pub use headers::{Auth, Ids, JSON};
pub use idempotency::{Correlator, IdempotencyError, Intent, Outcome};
pub use page::{follow, next_page, prev_page};
pub use payload::Fingerprint;
pub use query::check_pairs as check_query;
pub use query::order_history_of as order_history_query_of;
pub use query::pairs_of as query_pairs;

use crate::input::FromJson;
use crate::report::{Code, Finding, Path, Report};
use crate::validate::{self, Context, Operation};
use serde::Deserialize;
use serde_json::{Map, Value};

/// A request ready to send: what the HTTP client needs, nothing more.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct RequestSpec {
    /// The HTTP method.
    pub method: Method,
    /// The path, parameters percent-encoded: `/v3/customers/9876543210`.
    pub path: String,
    /// Query parameters in wire order, decoded; a repeated parameter appears once
    /// per value.
    pub query: Vec<(String, String)>,
    /// Headers in a stable order (reference Appendix 1).
    pub headers: Vec<(String, String)>,
    /// The JSON body, already validated; `None` for endpoints without one.
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub body: Option<Value>,
}

/// What the package's `buildRequest` answers: the request when the input is
/// valid, else every violation.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct BuildResult {
    /// `true` when there is no violation and `request` is set.
    pub valid: bool,
    /// The violations; empty when valid.
    pub violations: Vec<crate::Violation>,
    /// The request, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub request: Option<RequestSpec>,
    /// The request's path and encoded query ([`RequestSpec::url`]), when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub url: Option<String>,
}

impl From<Result<RequestSpec, Report>> for BuildResult {
    fn from(result: Result<RequestSpec, Report>) -> Self {
        match result {
            Ok(request) => Self {
                valid: true,
                violations: Vec::new(),
                url: Some(request.url()),
                request: Some(request),
            },
            Err(report) => Self {
                valid: false,
                violations: report.violations,
                request: None,
                url: None,
            },
        }
    }
}

impl RequestSpec {
    /// The path with its encoded query string, relative to the API base URL.
    pub fn url(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, query_string(&self.query))
        }
    }

    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Everything a builder needs besides the endpoint.
#[derive(Clone, Debug, Default, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct BuildInput {
    /// Path parameters by name (`customerId`, `orderId`, `subscriptionId`,
    /// `membershipId`, `transferId`, `deploymentId`, `linkedMembershipId`).
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, string>"))]
    pub params: Map<String, Value>,
    /// Query parameters: an object of values (arrays for repeated ones) or a
    /// query string.
    #[cfg_attr(
        feature = "tsify",
        tsify(
            optional,
            type = "string | Record<string, string | number | boolean | (string | number)[]>"
        )
    )]
    pub query: Value,
    /// The request body, for endpoints that take one.
    #[cfg_attr(feature = "tsify", tsify(optional, type = "unknown"))]
    pub body: Option<Value>,
    /// The IDs of this attempt.
    pub ids: Ids,
    /// Credentials, when not added by the proxy.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub auth: Auth,
    /// State for the body rules that need it.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub context: Context,
}

/// Builds the request for an endpoint: its [`address`] with the headers of
/// the [`attempt`] the IDs name.
///
/// # Errors
/// The [`Report`] of every problem with the input (path parameters, query,
/// body, then IDs and credentials); nothing is built then.
pub fn build(endpoint: Endpoint, input: &BuildInput) -> Result<RequestSpec, Report> {
    let built = address(endpoint, &input.address_input());
    let headers = attempt(&input.ids, &input.auth);
    match (built, headers) {
        (Ok(address), Ok(headers)) => Ok(address.with_headers(headers)),
        (built, headers) => {
            let mut report = built
                .err()
                .map(|refused| refused.report)
                .unwrap_or_default();
            if let Err(more) = headers {
                report.violations.extend(more.violations);
            }
            Err(report)
        }
    }
}

impl BuildInput {
    /// The parts of this input a [`RequestAddress`] is built from.
    pub fn address_input(&self) -> AddressInput<'_> {
        AddressInput {
            params: &self.params,
            query: &self.query,
            body: self.body.as_ref(),
            context: &self.context,
        }
    }
}

/// Checks the body against the endpoint's rule.
fn check_body(endpoint: Endpoint, input: &AddressInput<'_>, report: &mut Report) {
    let body = input.body.filter(|body| !body.is_null());
    match (endpoint.body(), body) {
        (BodyRule::None, None) => {}
        (BodyRule::None, Some(_)) => report.add(
            &Path::root().key("body"),
            Finding::new(Code::FieldNotAllowed).with("reason", "this endpoint takes no body"),
        ),
        (BodyRule::Object, Some(Value::Object(_))) => {}
        (BodyRule::Object, _) => report.add(
            &Path::root().key("body"),
            Finding::new(Code::TypeInvalid).with("expected", "a JSON object"),
        ),
        (BodyRule::Validated(operation), body) => {
            let body = body.unwrap_or(&Value::Null);
            let context = context_for(operation, input);
            report
                .violations
                .extend(validate::run(operation, body, &context).violations);
            check_action(endpoint, body, report);
        }
    }
}

/// The validator's context, with the membership ID of a VIP transfer taken
/// from the path when the caller did not set it.
fn context_for(operation: Operation, input: &AddressInput<'_>) -> Context {
    let mut context = input.context.clone();
    if operation == Operation::VipTransfer && context.membership_id.is_none() {
        context.membership_id = input
            .params
            .get("membershipId")
            .and_then(Value::as_str)
            .map(str::to_owned);
    }
    context
}

/// A reseller-change preview must say `PREVIEW`, a commit `COMMIT` (reference,
/// Reseller Change Process; FACTS.md §1.2).
fn check_action(endpoint: Endpoint, body: &Value, report: &mut Report) {
    let expected = match endpoint {
        Endpoint::PreviewResellerChange => "PREVIEW",
        Endpoint::CommitResellerChange => "COMMIT",
        _ => return,
    };
    let action = body.get("action").and_then(Value::as_str);
    if action.is_some_and(|action| action != expected) {
        report.add(
            &Path::root().key("action"),
            Finding::new(Code::EnumInvalid).with("allowed", expected),
        );
    }
}

#[cfg(test)]
mod tests;
