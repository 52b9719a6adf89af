//! The address of a call: where it goes and what it carries, without the
//! headers of any one try.
//!
//! A call has two halves that live differently. The address (endpoint, path
//! parameters, query, body) is decided once per user action and checked once:
//! the browser needs nothing else to send it to the proxy, and the proxy
//! checks it again on arrival. The attempt (correlation ID, request ID,
//! credentials: [`attempt`]) is new for every try the proxy makes. Building
//! both in one step forced callers without IDs (the browser, the proxy before
//! it derives them) to invent placeholders; here each half is built by whoever
//! owns it, and [`super::build`] joins them for callers that have both.
//!
//! A refused address says which parts were wrong ([`Part`]): a bad path
//! parameter or query is the caller's malformed request (HTTP 400), a body
//! that breaks Adobe's rules is an unprocessable one (HTTP 422).

use super::headers::{self, Auth, Ids};
use super::{BodyRule, Endpoint, Method, RequestSpec, check_body, params, query};
use crate::report::Report;
use crate::validate::Context;
use serde_json::{Map, Value};

/// What an address is built from (borrowed: the proxy builds it from the
/// inbound request without copying it).
#[derive(Clone, Copy, Debug)]
pub struct AddressInput<'a> {
    /// Path parameters by name.
    pub params: &'a Map<String, Value>,
    /// Query parameters: an object of values (arrays for repeated ones), a
    /// query string, or `null`.
    pub query: &'a Value,
    /// The body, for endpoints that take one.
    pub body: Option<&'a Value>,
    /// State for the body rules that need it.
    pub context: &'a Context,
}

/// A checked address: everything a call needs but the headers of one try.
/// Not `Address`: that is the API's postal address.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestAddress {
    /// The endpoint (not serialized: the caller named it).
    #[serde(skip)]
    pub endpoint: Endpoint,
    /// The HTTP method.
    pub method: Method,
    /// The path parameters in the template's order, as given (not encoded).
    pub params: Vec<(String, String)>,
    /// The path, parameters percent-encoded: `/v3/customers/9876543210`.
    pub path: String,
    /// Query parameters in wire order, decoded.
    pub query: Vec<(String, String)>,
    /// The JSON body, already validated; `None` for endpoints without one.
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub body: Option<Value>,
}

impl RequestAddress {
    /// The path with its encoded query string, relative to the API base URL.
    pub fn url(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, super::query_string(&self.query))
        }
    }

    /// The value of a path parameter, by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The request of one try: this address with that try's headers.
    pub fn with_headers(self, headers: Vec<(String, String)>) -> RequestSpec {
        RequestSpec {
            method: self.method,
            path: self.path,
            query: self.query,
            headers,
            body: self.body,
        }
    }
}

/// A part of a request that a refused address was refused for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A path parameter (`params.<name>`).
    Path,
    /// The query (`query.<name>`).
    Query,
    /// The body (paths as in the body).
    Body,
}

/// Why an address was not built: every violation, and the parts they are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// Every violation, path parameters first, then the query, then the body.
    pub report: Report,
    /// The parts with at least one violation, in that order.
    pub parts: Vec<Part>,
}

impl Refused {
    /// Whether only the body was wrong: the request is well-formed, its content
    /// breaks the rules (HTTP 422 rather than 400).
    pub fn body_only(&self) -> bool {
        self.parts == [Part::Body]
    }
}

/// Checks and builds the address of a call.
///
/// # Errors
/// [`Refused`] with every problem of the path parameters, the query and the
/// body; nothing is built then.
pub fn address(endpoint: Endpoint, input: &AddressInput<'_>) -> Result<RequestAddress, Refused> {
    let mut report = Report::new();
    let mut parts = Vec::new();
    let mut part = |report: &Report, before: usize, part: Part| {
        if report.violations.len() > before {
            parts.push(part);
        }
    };
    let path = params::path(endpoint, input.params, &mut report);
    part(&report, 0, Part::Path);
    let before = report.violations.len();
    query::check_shape(input.query, &mut report);
    let query = query::pairs_of(input.query);
    query::check(endpoint.query(), &query, &mut report);
    part(&report, before, Part::Query);
    let before = report.violations.len();
    check_body(endpoint, input, &mut report);
    part(&report, before, Part::Body);
    if !parts.is_empty() {
        return Err(Refused { report, parts });
    }
    Ok(RequestAddress {
        endpoint,
        method: endpoint.method(),
        params: given_params(endpoint, input.params),
        path,
        query,
        body: input
            .body
            .filter(|_| endpoint.body() != BodyRule::None)
            .cloned(),
    })
}

/// The template's parameters with their (checked) values.
fn given_params(endpoint: Endpoint, params: &Map<String, Value>) -> Vec<(String, String)> {
    endpoint
        .parameters()
        .into_iter()
        .map(|name| {
            let value = params.get(name).and_then(Value::as_str).unwrap_or_default();
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

/// The headers of one try: the IDs the caller chose for it and any
/// credentials.
///
/// # Errors
/// The [`Report`] of IDs or credentials that are missing or cannot be sent as
/// header values (at `ids.…` / `auth.…`).
pub fn attempt(ids: &Ids, auth: &Auth) -> Result<Vec<(String, String)>, Report> {
    let mut report = Report::new();
    headers::check(ids, auth, &mut report);
    report.into_result()?;
    Ok(headers::headers(ids, auth))
}

/// What the package's `buildAddress` answers: the address when the input is
/// valid, else every violation.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct AddressResult {
    /// `true` when there is no violation and `address` is set.
    pub valid: bool,
    /// The violations; empty when valid.
    pub violations: Vec<crate::Violation>,
    /// The address, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub address: Option<RequestAddress>,
    /// The address's path and encoded query ([`RequestAddress::url`]), when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub url: Option<String>,
}

impl From<Result<RequestAddress, Refused>> for AddressResult {
    fn from(result: Result<RequestAddress, Refused>) -> Self {
        match result {
            Ok(address) => Self {
                valid: true,
                violations: Vec::new(),
                url: Some(address.url()),
                address: Some(address),
            },
            Err(refused) => Self {
                valid: false,
                violations: refused.report.violations,
                address: None,
                url: None,
            },
        }
    }
}
