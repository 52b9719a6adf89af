//! The Partner API dispatcher: route, faults, credentials, idempotency, the
//! handler, and the recorded answer, in that order.
//!
//! *Assumed* order of checks: credentials before the correlation ID, so an
//! unauthenticated call is never recorded or replayed.

use crate::adobe;
use crate::envelope::{Answer, error};
use crate::fault::{Fault, IMS_ROUTE};
use crate::handlers::{self, Call};
use crate::{Inner, Sandbox, auth, idempotency};
use axum::body::{Body, Bytes};
use axum::extract::{Form, State};
use axum::http::{HeaderMap, Method as HttpMethod, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use vipmp::request::Endpoint;

/// `POST /ims/token/v3`, with the faults armed for [`IMS_ROUTE`]: IMS down
/// (`serverError`, `tooManyRequests`, `resetBefore`), slow (`delay`), or
/// answering oddly (`expiresIn`, `hugeBody`, `truncate`, `resetAfter`).
pub async fn token(
    State(sandbox): State<Sandbox>,
    Form(form): Form<auth::TokenRequest>,
) -> Response {
    let fault = sandbox.lock().faults.take_exact(IMS_ROUTE);
    if let Some(Fault::Delay { ms }) = fault {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
    match fault {
        Some(Fault::ServerError { status, .. } | Fault::ServerErrorAfter { status }) => {
            return respond(&auth::ims_error(status, "server_error"));
        }
        Some(Fault::TooManyRequests) => return respond(&auth::ims_error(429, "too_many_requests")),
        Some(Fault::ResetBefore) => return reset(),
        _ => {}
    }
    let now = sandbox.clock.now();
    let mut answer = sandbox.lock().credentials.issue(&form, now);
    match fault {
        Some(Fault::ExpiresIn { value }) if answer.status == 200 => {
            answer.body["expires_in"] = Value::Number(value);
        }
        Some(Fault::HugeBody { bytes }) if answer.status == 200 => {
            answer.body["padding"] = Value::String("x".repeat(bytes));
        }
        Some(Fault::ResetAfter) => return reset(),
        Some(Fault::Truncate) => return truncated(&answer.text()),
        _ => {}
    }
    respond(&answer)
}

/// Every Partner API route.
pub async fn dispatch(
    State(sandbox): State<Sandbox>,
    method: HttpMethod,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some((endpoint, params)) = route(method.as_str(), uri.path(), &body) else {
        return respond(&error(adobe::INVALID_OPERATION));
    };
    let fault = sandbox.lock().faults.take(endpoint.name());
    if let Some(Fault::Delay { ms }) = fault {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
    match fault {
        Some(Fault::ServerError { status, recorded }) => {
            let mut answer = error(adobe::INTERNAL_SERVER_ERROR);
            answer.status = status;
            if recorded {
                record_injected(&sandbox, endpoint, &headers, &answer);
            }
            return respond(&answer);
        }
        Some(Fault::TooManyRequests) => return respond(&error(adobe::TOO_MANY_REQUESTS)),
        Some(Fault::ResetBefore) => return reset(),
        _ => {}
    }
    let call = call_of(&sandbox, endpoint, params, uri.query().unwrap_or(""), body);
    if let Some(Fault::LateCreate { status, ms }) = fault {
        process_later(&sandbox, call, headers, ms);
        return with_status(error(adobe::INTERNAL_SERVER_ERROR), status);
    }
    let answer = process_racing(&sandbox, &call, &headers).await;
    match fault {
        Some(Fault::ResetAfter) => reset(),
        Some(Fault::Truncate) => truncated(&answer.text()),
        Some(Fault::ServerErrorAfter { status }) => {
            with_status(error(adobe::INTERNAL_SERVER_ERROR), status)
        }
        _ => respond(&answer),
    }
}

/// Processes a call `ms` milliseconds from now in a task of its own, so that
/// no request waits for it (the lock is taken only for the processing).
fn process_later(sandbox: &Sandbox, call: Call, headers: HeaderMap, ms: u64) {
    let sandbox = sandbox.clone();
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
        process(&mut sandbox.lock(), &call, &headers);
    });
}

/// Stores an injected answer under the call's correlation ID, as Adobe
/// stores each of its answers.
fn record_injected(sandbox: &Sandbox, endpoint: Endpoint, headers: &HeaderMap, answer: &Answer) {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let correlation_id = text("x-correlation-id").unwrap_or("");
    if idempotency::is_valid_correlation_id(correlation_id) {
        let ids = (correlation_id, text("x-request-id").unwrap_or(""));
        let now = sandbox.clock.now();
        sandbox
            .lock()
            .ledger
            .record(endpoint.name(), ids, answer, now);
    }
}

/// The endpoint and path parameters of a request, from the core's table.
/// `POST /v3/transfers` is a preview or a commit by its `action`.
fn route(method: &str, path: &str, body: &Value) -> Option<(Endpoint, Map<String, Value>)> {
    let (endpoint, params) = Endpoint::ALL.iter().find_map(|&endpoint| {
        let matched = endpoint.method().as_str() == method;
        matched.then(|| Some((endpoint, endpoint.path_params(path)?)))?
    })?;
    let commit = body.get("action").and_then(Value::as_str) == Some("COMMIT");
    if endpoint == Endpoint::PreviewResellerChange && commit {
        return Some((Endpoint::CommitResellerChange, params));
    }
    Some((endpoint, params))
}

/// The call a handler receives.
fn call_of(
    sandbox: &Sandbox,
    endpoint: Endpoint,
    params: Map<String, Value>,
    query: &str,
    body: Value,
) -> Call {
    let now = sandbox.clock.now();
    let unlisted = sandbox.lock().history.unlisted_now();
    Call {
        endpoint,
        params,
        query: vipmp::validate::parse_query_string(query),
        body,
        now,
        today: sandbox.clock.today(),
        timestamp: sandbox.clock.timestamp(),
        settle_after: sandbox.config.settle_after,
        start: sandbox.clock.start(),
        unlisted,
    }
}

/// A call processed under the lock, or, with a race window set (the
/// concurrent mode, `POST /admin/concurrency`), admitted under the lock,
/// then after the window processed under it again: calls that overlap in
/// the window all pass the replay check, as in a backend whose idempotency
/// check is not transactional.
async fn process_racing(sandbox: &Sandbox, call: &Call, headers: &HeaderMap) -> Answer {
    let window = sandbox.lock().race_window;
    if window.is_zero() {
        return process(&mut sandbox.lock(), call, headers);
    }
    let admitted = admit(&sandbox.lock(), call, headers);
    let ids = match admitted {
        Ok(ids) => ids,
        Err(answer) => return answer,
    };
    tokio::time::sleep(window).await;
    let ids = (ids.0.as_str(), ids.1.as_str());
    run(&mut sandbox.lock(), call, ids)
}

/// Credentials, idempotency, the handler, and the record, in one step.
fn process(inner: &mut Inner, call: &Call, headers: &HeaderMap) -> Answer {
    match admit(inner, call, headers) {
        Ok((correlation_id, request_id)) => run(inner, call, (&correlation_id, &request_id)),
        Err(answer) => answer,
    }
}

/// Credentials, the correlation ID's format and the replay: the call's
/// (correlation ID, request ID) when it is to run, else the answer.
fn admit(inner: &Inner, call: &Call, headers: &HeaderMap) -> Result<(String, String), Answer> {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    authenticate(inner, call, &text)?;
    let correlation_id = text("x-correlation-id").unwrap_or("");
    let request_id = text("x-request-id").unwrap_or("");
    if !idempotency::is_valid_correlation_id(correlation_id) {
        return Err(error(adobe::INVALID_CORRELATION_ID));
    }
    let api = call.endpoint.name();
    if let Some(answer) = inner.ledger.replay(api, correlation_id, call.now) {
        return Err(answer);
    }
    Ok((correlation_id.to_owned(), request_id.to_owned()))
}

/// The handler and the record, for an admitted call.
fn run(inner: &mut Inner, call: &Call, (correlation_id, request_id): (&str, &str)) -> Answer {
    let api = call.endpoint.name();
    let answer = if inner.ledger.seen_request(request_id, call.now) {
        error(adobe::DUPLICATE_REQUEST_ID)
    } else {
        handlers::settle(&mut inner.store, call.now, call.today);
        let answer = handlers::handle(&mut inner.store, call);
        hide_if_created(inner, call, &answer);
        answer
    };
    inner
        .ledger
        .record(api, (correlation_id, request_id), &answer, call.now);
    answer
}

/// A new order is left out of the history for the configured lag.
fn hide_if_created(inner: &mut Inner, call: &Call, answer: &Answer) {
    if call.endpoint == Endpoint::CreateOrder && answer.status == 201 {
        if let Some(id) = answer.body.get("orderId").and_then(Value::as_str) {
            inner.history.hide(id);
        }
    }
}

/// The key for every call; the token too, except for `GET /ping`.
fn authenticate<'a>(
    inner: &Inner,
    call: &Call,
    text: &impl Fn(&str) -> Option<&'a str>,
) -> Result<(), Answer> {
    inner.credentials.check_key(text("x-api-key"))?;
    if call.endpoint != Endpoint::Ping {
        inner
            .credentials
            .check_token(text("authorization"), call.now)?;
    }
    Ok(())
}

/// An answer as an HTTP response.
pub fn respond(answer: &Answer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let kind = if answer.body.is_string() {
        "text/plain"
    } else {
        "application/json"
    };
    (status, [(header::CONTENT_TYPE, kind)], answer.text()).into_response()
}

/// An answer with another HTTP status.
fn with_status(mut answer: Answer, status: u16) -> Response {
    answer.status = status;
    respond(&answer)
}

/// A response whose body fails at once: nothing reaches the client (hyper
/// drops the connection before its buffered head is written).
fn reset() -> Response {
    Response::new(Body::from_stream(HalfThenReset::new(None)))
}

/// A response with the full `Content-Length` whose body stops at half of
/// `text`: the status line, the headers and the half are written, then the
/// connection drops.
fn truncated(text: &str) -> Response {
    let half = text.as_bytes()[..text.len() / 2].to_vec();
    let mut response = Response::new(Body::from_stream(HalfThenReset::new(Some(half))));
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, text.len().into());
    response
}

/// A body: an optional first chunk, then (after a pause, so that the server
/// writes out what it holds) an error that makes hyper drop the connection.
struct HalfThenReset {
    half: Option<Vec<u8>>,
    pause: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl HalfThenReset {
    /// How long the written half stands before the connection drops.
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(100);

    fn new(half: Option<Vec<u8>>) -> Self {
        let pause = half
            .is_some()
            .then(|| Box::pin(tokio::time::sleep(Self::PAUSE)));
        Self { half, pause }
    }
}

impl futures_core::Stream for HalfThenReset {
    type Item = Result<Vec<u8>, std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        if let Some(half) = self.half.take() {
            return std::task::Poll::Ready(Some(Ok(half)));
        }
        if let Some(pause) = self.pause.as_mut() {
            if std::future::Future::poll(pause.as_mut(), context).is_pending() {
                return std::task::Poll::Pending;
            }
            self.pause = None;
        }
        let reset = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "fault");
        std::task::Poll::Ready(Some(Err(reset)))
    }
}
