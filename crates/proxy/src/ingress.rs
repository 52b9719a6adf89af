//! What a request goes through before and around the pipeline, so that no
//! slow or unauthenticated client can take capacity from authenticated ones,
//! and every refusal names the call.
//!
//! - [`guard`] wraps every request: it gives it a correlation ID (a random
//!   one until the pipeline derives the intent's), bounds it by
//!   `request_timeout` (then a 504 `request_timeout`), and stamps the ID on
//!   every answer: the `X-Correlation-Id` header, and `correlationId` in the
//!   body of every refusal of the proxy's own ([`crate::error`]).
//! - The pipeline authenticates the caller from the request head, then reads
//!   the body with [`read_body`]: at most `max_body_bytes` (413
//!   `body_too_large`, from `Content-Length` before reading when it says so),
//!   within `body_read_timeout` (408 `body_timeout`). A caller without a
//!   valid JWT is refused (401) before a byte of its body is read.
//! - Only then does it take one of `max_concurrency` [`Slots`] for the work
//!   upstream (503 `overloaded` when none is free). A slow or half-sent body
//!   holds a connection and a small task, never a slot.
//! - [`after_panic`]: a bug that panics while handling a request answers a
//!   500 `internal_error` in the envelope instead of dropping the connection.

use crate::error::{Envelope, ProxyError};
use crate::ids;
use crate::state::Shared;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The header naming the call to Adobe and to support.
pub const CORRELATION_HEADER: &str = "x-correlation-id";

/// The correlation ID of one request: random until the pipeline derives the
/// intent's (then the one sent upstream). Shared by [`guard`] and the
/// pipeline through the request's extensions, so that a timeout's answer
/// names the ID a POST went out with.
#[derive(Clone, Debug)]
pub struct Correlation(Arc<Mutex<String>>);

impl Default for Correlation {
    fn default() -> Self {
        Self(Arc::new(Mutex::new(format!("vipmp-{}", ids::random_hex()))))
    }
}

impl Correlation {
    /// The ID now.
    pub fn get(&self) -> String {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Replaces the ID (by the one derived for the intent).
    pub fn set(&self, id: &str) {
        id.clone_into(
            &mut self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
    }
}

/// The slots for work upstream: one per request forwarded at once.
pub struct Slots(Arc<Semaphore>);

impl Slots {
    /// `count` slots (at least one).
    pub fn new(count: usize) -> Self {
        Self(Arc::new(Semaphore::new(count.max(1))))
    }

    /// A free slot, held until the permit is dropped.
    ///
    /// # Errors
    /// [`ProxyError::Overloaded`] when every slot is taken (the request is
    /// shed, not queued).
    pub fn take(&self) -> Result<OwnedSemaphorePermit, ProxyError> {
        self.0
            .clone()
            .try_acquire_owned()
            .map_err(|_| ProxyError::Overloaded)
    }
}

/// Every request: a correlation ID, the whole-request timeout, and the ID
/// stamped on the answer (see the module docs).
pub async fn guard(
    State(shared): State<Arc<Shared>>,
    mut request: Request,
    next: Next,
) -> Response {
    let correlation = Correlation::default();
    request.extensions_mut().insert(correlation.clone());
    let timeout = shared.config.request_timeout;
    let response = match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let id = correlation.get();
            tracing::info!(
                status = 504,
                correlation_id = id.as_str(),
                reason = "request_timeout",
                "refused"
            );
            ProxyError::RequestTimeout.into_response()
        }
    };
    stamp(response, &correlation.get())
}

/// The correlation ID on an answer: the header the pipeline set (the ID
/// used upstream), else `fallback`; and in the body of a proxy refusal.
fn stamp(mut response: Response, fallback: &str) -> Response {
    let id = response
        .headers()
        .get(CORRELATION_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(fallback)
        .to_owned();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(CORRELATION_HEADER, value);
    }
    match response.extensions_mut().remove::<Envelope>() {
        Some(envelope) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(envelope.with_correlation_id(&id)))
        }
        None => response,
    }
}

/// The answer to a request whose handling panicked: a 500 `internal_error`
/// in the envelope (the guard adds its correlation ID), logged without the
/// panic's message, which may hold request data.
pub fn after_panic(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!(status = 500, reason = "panic", "refused");
    ProxyError::Internal.into_response()
}

/// The body of an authenticated request: at most `max_body_bytes`, within
/// `body_read_timeout`.
///
/// # Errors
/// 413 over the cap (at once when `Content-Length` says so), 408 when the
/// body does not arrive in time, 400 when it breaks off.
pub async fn read_body(
    shared: &Shared,
    headers: &HeaderMap,
    body: Body,
) -> Result<Bytes, ProxyError> {
    let limit = shared.config.max_body_bytes;
    if declared_length(headers).is_some_and(|length| length > limit) {
        return Err(ProxyError::TooLarge);
    }
    let reading = Limited::new(body, limit).collect();
    match tokio::time::timeout(shared.config.body_read_timeout, reading).await {
        Err(_) => Err(ProxyError::BodyTimeout),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(error)) if error.is::<LengthLimitError>() => Err(ProxyError::TooLarge),
        Ok(Err(_)) => Err(ProxyError::BadRequest(None)),
    }
}

/// The `Content-Length` of a request, when it has a readable one.
fn declared_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(axum::http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}
