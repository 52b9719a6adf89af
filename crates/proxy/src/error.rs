//! The proxy's own refusals, in Adobe's envelope shape (`code`, `message`,
//! `additionalDetails`) with a stable lowercase `code` (also as `error`), so
//! the storefront parses one shape yet can tell "you may not" from "Adobe
//! said no" (Adobe's codes are numeric; its answers are forwarded as they are). Nothing internal (URLs, tokens, upstream
//! messages) is put in a body.
//!
//! Every refusal also carries the request's correlation ID, as
//! `correlationId` in the body and in the `X-Correlation-Id` header: the
//! response keeps its body as an [`Envelope`] extension, which
//! [`crate::ingress::guard`] completes with the ID, whichever layer refused.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
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
    /// Every slot for work upstream is taken: the request is shed (503).
    Overloaded,
    /// The body is larger than `max_body_bytes` (413).
    TooLarge,
    /// The body did not arrive within `body_read_timeout` (408).
    BodyTimeout,
    /// The whole request took longer than `request_timeout` (504).
    RequestTimeout,
    /// An order creation without the `X-Intent-Id` header (400).
    IntentRequired,
    /// The proxy failed on this request (500): a bug, caught.
    Internal,
    /// The caller or its reseller is over its share (429); retry after
    /// this many seconds (`Retry-After`).
    OverShare(u64),
}

/// The name of the intent key header, as the storefront sends it.
const INTENT_HEADER_NAME: &str = "X-Intent-Id";

impl ProxyError {
    /// The HTTP status of the refusal.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadRequest(_) | Self::IntentRequired => StatusCode::BAD_REQUEST,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadGateway => StatusCode::BAD_GATEWAY,
            Self::GatewayTimeout | Self::RequestTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::NoToken | Self::Busy | Self::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            Self::OverShare(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
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
            Self::Overloaded => {
                "The proxy is serving as many requests as it can; try again shortly."
            }
            Self::TooLarge => "The request body is too large.",
            Self::BodyTimeout => "The request body did not arrive in time.",
            Self::RequestTimeout => {
                "The request took too long; a call it sent may have taken effect: repeat it with the same X-Intent-Id."
            }
            Self::Internal => {
                "The proxy failed on this request; a call it sent may have taken effect: repeat it with the same X-Intent-Id."
            }
            Self::IntentRequired => {
                "An order creation needs an X-Intent-Id header: one key per purchase, reused for its retries."
            }
            Self::OverShare(_) => {
                "This caller or its reseller has used its share of the proxy; retry after Retry-After seconds."
            }
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
            Self::Overloaded => "overloaded",
            Self::TooLarge => "body_too_large",
            Self::BodyTimeout => "body_timeout",
            Self::RequestTimeout => "request_timeout",
            Self::IntentRequired => "intent_required",
            Self::Internal => "internal_error",
            Self::OverShare(_) => "over_share",
        }
    }

    /// Adobe's `additionalDetails`: the header an intent refusal is about.
    fn details(&self) -> Vec<&'static str> {
        match self {
            Self::IntentRequired => vec![INTENT_HEADER_NAME],
            _ => Vec::new(),
        }
    }
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = json!({
            "code": self.code(),
            "message": self.message(),
            "additionalDetails": self.details(),
            "error": self.code(),
        });
        if let Self::Invalid(report) | Self::BadRequest(Some(report)) = &self {
            body["violations"] = json!(report.violations);
        }
        if let Self::OverShare(seconds) = self {
            body["retryAfterSeconds"] = json!(seconds);
        }
        let mut response = (status, Json(body.clone())).into_response();
        response.extensions_mut().insert(Envelope(body));
        if let Self::OverShare(seconds) = self {
            response
                .headers_mut()
                .insert("retry-after", axum::http::HeaderValue::from(seconds));
        }
        response
    }
}

/// A refusal's body, kept on its response until the correlation ID is
/// known (see the module docs).
#[derive(Clone, Debug)]
pub struct Envelope(Value);

impl Envelope {
    /// The body with `correlationId`, as JSON text.
    pub fn with_correlation_id(mut self, id: &str) -> String {
        self.0["correlationId"] = Value::String(id.to_owned());
        self.0.to_string()
    }
}
