//! Links: the deep links Adobe returns with each resource and page.

use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// One link: a URI with the method (and extra headers) to call it with.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Link {
    /// The URI, relative to the API base, e.g. `/v3/customers/9876543210`.
    pub uri: String,
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// Headers to send in addition to the required ones.
    #[cfg_attr(feature = "tsify", tsify(type = "unknown[]"))]
    pub headers: Vec<serde_json::Value>,
}

/// The links of a resource or of a page of results.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Links {
    /// The resource itself.
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_link: Option<Link>,
    /// The next page, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
    /// The previous page, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev: Option<Link>,
}
