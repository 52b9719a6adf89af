//! The proxy's own refusals, in Adobe's envelope shape (`code`, `message`,
//! `additionalDetails`) with a stable lowercase `code` (also as `error`), so
//! the storefront parses one shape yet can tell "you may not" from "Adobe
//! said no" (Adobe's codes are numeric; its answers are forwarded as they are). Nothing internal (URLs, tokens, upstream
//! messages) is put in a body.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vipmp::Report;

/// Why the proxy answered itself.
#[derive(Debug)]
pub enum ProxyError {
    /// No or an invalid caller JWT (401).
    Unauthenticated,
    /// The caller may not do this (403): a viewer writing, a foreign origin.
    Forbidden(&'static str),
    /// No such route, or a resource outside the caller's resellers (404).
    NotFound,
    /// The path is allowed with other methods (405).
    MethodNotAllowed,
    /// Malformed path parameters, query, intent key or JSON (400).
    BadRequest(Option<Report>),
    /// The body breaks the core's rules (422), with every violation.
    Invalid(Report),
    /// The upstream could not be reached or answered nonsense (502).
    BadGateway,
    /// The upstream did not answer in time (504).
    GatewayTimeout,
    /// IMS gave no token (503).
    NoToken,
    /// The outbound pacer had no slot soon enough (503).
    Busy,
}

impl ProxyError {
    /// The HTTP status of the refusal.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadGateway => StatusCode::BAD_GATEWAY,
            Self::GatewayTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::NoToken | Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A sentence for people; never upstream text or internal detail.
    fn message(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "A valid caller token is required.",
            Self::Forbidden(_) => "The caller may not do this.",
            Self::NotFound => "No such resource.",
            Self::MethodNotAllowed => "The method is not allowed on this path.",
            Self::BadRequest(_) => "The path, query, intent key or JSON is malformed.",
            Self::Invalid(_) => "The body breaks the Partner API's rules.",
            Self::BadGateway => {
                "The Partner API's answer was broken or too large; the call may have taken effect."
            }
            Self::GatewayTimeout => "The Partner API did not answer in time.",
            Self::NoToken => "No Partner API token could be obtained.",
            Self::Busy => "Too many calls to the Partner API right now; try again shortly.",
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden(why) => why,
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::BadRequest(_) => "bad_request",
            Self::Invalid(_) => "invalid_body",
            Self::BadGateway => "bad_gateway",
            Self::GatewayTimeout => "gateway_timeout",
            Self::NoToken => "no_upstream_token",
            Self::Busy => "upstream_busy",
        }
    }
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = json!({
            "code": self.code(),
            "message": self.message(),
            "additionalDetails": [],
            "error": self.code(),
        });
        if let Self::Invalid(report) | Self::BadRequest(Some(report)) = &self {
            body["violations"] = json!(report.violations);
        }
        (status, Json(body)).into_response()
    }
}
