//! The one handler behind every Partner API path: authenticate the caller,
//! match the allow-list, scope to the caller's resellers, re-validate and
//! rebuild the call with the core's builder, send it, learn ownership from
//! the answer, and hand Adobe's answer back unchanged.
//!
//! The outbound call is rebuilt from parts, never copied: no inbound header
//! (Authorization, cookies, `X-Forwarded-*`, hop-by-hop) can reach Adobe.
//!
//! Everything that can be judged from the request head (the caller, the
//! route, its parameters, the write checks) is judged before the body is
//! read ([`ingress::read_body`]), and a slot for the work upstream is taken
//! only once the body is in ([`ingress::Slots`]).

use crate::caller::{Claims, Role};
use crate::error::ProxyError;
use crate::ids::{self, IntentParts};
use crate::ingress::{self, Correlation};
use crate::outcomes::{Claim, Remembered};
use crate::ownership::Owner;
use crate::reconcile::{self, Outcome};
use crate::routes::{self, Match};
use crate::state::Shared;
use crate::upstream::{self, Answer, Outbound};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use std::sync::Arc;
use std::time::Instant;
use tracing::Instrument;
use vipmp::request::{self, AddressInput, Endpoint, Refused, RequestAddress};

/// The storefront's intent key header.
pub const INTENT_HEADER: &str = "x-intent-id";

/// Forwards one call; see the module docs. Everything it logs is inside one
/// `request` span carrying the method, the route (the endpoint's name in the
/// core's table, or `unmatched`) and, once known, the caller's resellers and
/// the IDs sent upstream.
pub async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let correlation = parts
        .extensions
        .get::<Correlation>()
        .cloned()
        .unwrap_or_default();
    let method = &parts.method;
    // Matched once: the span's route and the pipeline read the same match.
    let matched = routes::find(method.as_str(), parts.uri.path());
    let route = match &matched {
        Match::Found(endpoint, _) => endpoint.name(),
        Match::WrongMethod | Match::NotFound => "unmatched",
    };
    let span = tracing::info_span!(
        "request",
        %method,
        route,
        reseller = tracing::field::Empty,
        correlation_id = tracing::field::Empty,
        request_id = tracing::field::Empty,
    );
    handle_in_span(&shared, &parts, matched, body, &correlation)
        .instrument(span)
        .await
}

async fn handle_in_span(
    shared: &Shared,
    parts: &Parts,
    matched: Match,
    body: Body,
    correlation: &Correlation,
) -> Response {
    let started = Instant::now();
    let result = forward(shared, parts, matched, body, correlation).await;
    let latency_ms = crate::millis::millis(started.elapsed());
    match result {
        Ok(forwarded) => {
            let span = tracing::Span::current();
            span.record("correlation_id", forwarded.correlation_id.as_str());
            span.record("request_id", forwarded.answer.request_id.as_str());
            let status = forwarded.answer.status;
            tracing::info!(
                status,
                latency_ms,
                reconciled = forwarded.reconciled,
                "forwarded"
            );
            respond(forwarded)
        }
        Err(Refusal {
            error,
            correlation_id,
        }) => {
            let status = error.status().as_u16();
            let id = correlation_id.unwrap_or_else(|| correlation.get());
            tracing::Span::current().record("correlation_id", id.as_str());
            tracing::info!(status, latency_ms, "refused");
            let mut response = error.into_response();
            if let Ok(id) = HeaderValue::from_str(&id) {
                response
                    .headers_mut()
                    .insert(ingress::CORRELATION_HEADER, id);
            }
            response
        }
    }
}

/// A refusal of the proxy's own, with the correlation ID once one was used
/// upstream (a broken answer may have taken effect: the storefront can name
/// the call to support, and repeat the intent).
struct Refusal {
    error: ProxyError,
    correlation_id: Option<String>,
}

impl From<ProxyError> for Refusal {
    fn from(error: ProxyError) -> Self {
        Self {
            error,
            correlation_id: None,
        }
    }
}

/// What went back upstream and came back.
struct Forwarded {
    answer: Answer,
    correlation_id: String,
    /// The reconciliation's outcome after a 5xx, when one ran, or
    /// `remembered` for an intent answered from its outcome.
    reconciled: Option<&'static str>,
}

/// Adobe's answer, with the IDs used for it.
fn respond(forwarded: Forwarded) -> Response {
    let Forwarded {
        answer,
        correlation_id,
        reconciled,
    } = forwarded;
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = (status, answer.body).into_response();
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(request::JSON));
    for (name, value) in [
        ("x-correlation-id", Some(correlation_id.as_str())),
        ("x-request-id", Some(answer.request_id.as_str())),
        (reconcile::HEADER, reconciled),
    ] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(name, value);
        }
    }
    response
}

/// The pipeline, up to Adobe's answer and the correlation ID used; the
/// caller's resellers (comma-separated) are recorded in the span once the
/// caller is known.
async fn forward(
    shared: &Shared,
    parts: &Parts,
    matched: Match,
    body: Body,
    correlation: &Correlation,
) -> Result<Forwarded, Refusal> {
    let (uri, headers) = (&parts.uri, &parts.headers);
    let claims = authenticate(shared, headers)?;
    tracing::Span::current().record("reseller", claims.resellers.join(",").as_str());
    let (endpoint, params) = match matched {
        Match::Found(endpoint, params) => (endpoint, params),
        Match::WrongMethod => return Err(ProxyError::MethodNotAllowed.into()),
        Match::NotFound => return Err(ProxyError::NotFound.into()),
    };
    charge_share(shared, &claims, &params).await?;
    routes::check_params(&params).map_err(|report| ProxyError::BadRequest(Some(report)))?;
    if routes::is_write(endpoint) {
        check_write(shared, &claims, headers)?;
    }
    let body = ingress::read_body(shared, headers, body).await?;
    let _slot = shared.slots.take()?;
    let body = scoped_body(endpoint, &claims, parse_body(&body)?);
    let address = build(endpoint, &params, uri.query(), body.as_ref())?;
    check_sent_path(shared, endpoint, &params, &address)?;
    let creates_order = reconcile::creates_order(endpoint, address.body.as_ref());
    let intent = intent_key(headers, creates_order)?;
    check_scope(shared, &claims, &address).await?;
    let body = address.body.as_ref().map(|b| Bytes::from(b.to_string()));
    let correlation_id = ids::correlation_id(
        &shared.config.correlation_key,
        &IntentParts {
            caller: &claims.sub,
            endpoint: endpoint.name(),
            url: &address.url(),
            intent: &intent,
            body: body.as_deref().unwrap_or_default(),
        },
    );
    correlation.set(&correlation_id);
    let outbound = Outbound {
        method: reqwest_method(endpoint),
        url: address.url(),
        body,
        correlation_id: correlation_id.clone(),
    };
    let sent = if creates_order {
        once_per_intent(shared, &address, outbound).await
    } else {
        send_and_reconcile(shared, &address, outbound).await
    };
    let forwarded = sent.map_err(|error| Refusal {
        error,
        correlation_id: Some(correlation_id),
    })?;
    learn(shared, &forwarded.answer).await;
    forget_refused(shared, &address, forwarded.answer.status).await;
    Ok(forwarded)
}

/// Charges the request to the caller's share and its reseller's (see
/// [`crate::fairness`]): the path's `resellerId` when it is the caller's,
/// else the caller's first. Over either: 429 with `Retry-After`, before the
/// body is read or anything goes upstream.
async fn charge_share(
    shared: &Shared,
    claims: &Claims,
    params: &Map<String, Value>,
) -> Result<(), ProxyError> {
    let in_path = params.get("resellerId").and_then(Value::as_str);
    let reseller = in_path
        .filter(|id| claims.owns(id))
        .or_else(|| claims.resellers.first().map(String::as_str))
        .unwrap_or_default();
    shared
        .fairness
        .admit(&claims.sub, reseller)
        .await
        .map_err(|over| {
            let retry_after_ms = crate::millis::millis(over.retry_after);
            tracing::info!(retry_after_ms, "over its share");
            ProxyError::OverShare(over.seconds())
        })
}

/// Drops the cached owner of the path's customer when Adobe refused the
/// call as forbidden or unknown: the fact may be what is wrong.
async fn forget_refused(shared: &Shared, address: &RequestAddress, status: u16) {
    if matches!(status, 403 | 404) {
        if let Some(customer) = address.param("customerId") {
            shared.ownership.forget(customer).await;
        }
    }
}

/// Sends the call; a 5xx to an order creation is reconciled.
async fn send_and_reconcile(
    shared: &Shared,
    address: &RequestAddress,
    outbound: Outbound,
) -> Result<Forwarded, ProxyError> {
    let answer = upstream::send(&shared.link, &outbound).await?;
    if reconcile::applies(address.endpoint, answer.status, address.body.as_ref()) {
        return after_server_error(shared, address, outbound, answer).await;
    }
    Ok(Forwarded {
        answer,
        correlation_id: outbound.correlation_id,
        reconciled: None,
    })
}

/// An order creation, sent at most once per intent (see [`outcomes`]): a
/// repeat of an intent that succeeded is answered from its outcome, and a
/// request of an intent being sent waits for it.
async fn once_per_intent(
    shared: &Shared,
    address: &RequestAddress,
    outbound: Outbound,
) -> Result<Forwarded, ProxyError> {
    let intent = outbound.correlation_id.clone();
    let token = match shared.outcomes.claim(&intent).await {
        Claim::Answered(outcome) => return Ok(from_outcome(outcome)),
        Claim::Mine(token) => token,
    };
    let result = send_and_reconcile(shared, address, outbound).await;
    if let Ok(forwarded) = &result {
        if (200..300).contains(&forwarded.answer.status) {
            let outcome = Remembered {
                status: forwarded.answer.status,
                body: String::from_utf8_lossy(&forwarded.answer.body).into_owned(),
                request_id: forwarded.answer.request_id.clone(),
                correlation_id: forwarded.correlation_id.clone(),
            };
            shared.outcomes.remember(&intent, &outcome).await;
        }
    }
    shared.outcomes.release(&intent, &token).await;
    result
}

/// A remembered outcome as the answer, marked `remembered`.
fn from_outcome(outcome: Remembered) -> Forwarded {
    Forwarded {
        answer: Answer {
            status: outcome.status,
            body: outcome.body_bytes(),
            request_id: outcome.request_id,
        },
        correlation_id: outcome.correlation_id,
        reconciled: Some("remembered"),
    }
}

/// A 5xx to an order creation: the order history decides (see
/// [`reconcile`]) between the order found, one more attempt under a derived
/// correlation ID, and the 5xx as it came.
async fn after_server_error(
    shared: &Shared,
    address: &RequestAddress,
    outbound: Outbound,
    answer: Answer,
) -> Result<Forwarded, ProxyError> {
    let customer = address.param("customerId");
    let outcome = match (customer, address.body.as_ref()) {
        (Some(customer), Some(body)) => reconcile::await_order(shared, customer, body).await,
        _ => Outcome::Unknown("unknown"),
    };
    tracing::warn!(status = answer.status, outcome = ?outcome, "server error on an order creation reconciled");
    let (answer, correlation_id, reconciled) = match outcome {
        Outcome::Found(order) => (order, outbound.correlation_id, "found"),
        Outcome::Unknown(why) => (answer, outbound.correlation_id, why),
        Outcome::Absent => {
            let retry = Outbound {
                correlation_id: ids::derived(
                    &shared.config.correlation_key,
                    &outbound.correlation_id,
                    "retry-after-5xx",
                ),
                ..outbound
            };
            let answer = upstream::send(&shared.link, &retry).await?;
            let (answer, outcome) =
                checked_again(shared, customer, address.body.as_ref(), answer).await;
            (answer, retry.correlation_id, outcome)
        }
    };
    Ok(Forwarded {
        answer,
        correlation_id,
        reconciled: Some(reconciled),
    })
}

/// The caller's claims from `Authorization: Bearer <jwt>`.
fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<Claims, ProxyError> {
    let header = headers.get("authorization").and_then(|v| v.to_str().ok());
    let token = header
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim);
    token
        .and_then(|token| shared.verifier.verify(token))
        .ok_or(ProxyError::Unauthenticated)
}

/// A write needs the reseller role and passes the CSRF checks: an `Origin`,
/// when sent, must be allowed; a cross-site fetch must come from an allowed
/// origin (Fetch Metadata).
fn check_write(shared: &Shared, claims: &Claims, headers: &HeaderMap) -> Result<(), ProxyError> {
    if claims.role != Role::Reseller {
        return Err(ProxyError::Forbidden("read_only_role"));
    }
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let origin_allowed =
        text("origin").map(|o| shared.config.allowed_origins.iter().any(|a| a == o));
    let cross_site = text("sec-fetch-site") == Some("cross-site");
    match origin_allowed {
        Some(false) => Err(ProxyError::Forbidden("origin_not_allowed")),
        None if cross_site => Err(ProxyError::Forbidden("origin_not_allowed")),
        _ => Ok(()),
    }
}

/// The JSON body, or `None` when empty.
fn parse_body(body: &Bytes) -> Result<Option<Value>, ProxyError> {
    if body.is_empty() {
        return Ok(None);
    }
    serde_json::from_slice(body)
        .map(Some)
        .map_err(|_| ProxyError::BadRequest(None))
}

/// A body's `resellerId` forced to the caller's: kept when it is one of
/// theirs, else replaced by their first. A new customer always gets one.
fn scoped_body(endpoint: Endpoint, claims: &Claims, body: Option<Value>) -> Option<Value> {
    let mut body = body?;
    let Some(object) = body.as_object_mut() else {
        return Some(body);
    };
    let given = object.get("resellerId").and_then(Value::as_str);
    let keep = given.is_some_and(|id| claims.owns(id));
    let needed = object.contains_key("resellerId") || endpoint == Endpoint::CreateCustomer;
    if needed && !keep {
        let first = claims.resellers.first().cloned().unwrap_or_default();
        object.insert("resellerId".to_owned(), Value::String(first));
    }
    Some(body)
}

/// The call's address as the core builds it (the headers of each try are
/// added when it is sent); bad path parameters or query are 400, a body
/// breaking the rules 422, each with the Report.
fn build(
    endpoint: Endpoint,
    params: &Map<String, Value>,
    query: Option<&str>,
    body: Option<&Value>,
) -> Result<RequestAddress, ProxyError> {
    let query = query.map_or(Value::Null, |q| Value::String(q.to_owned()));
    let input = AddressInput {
        params,
        query: &query,
        body,
        context: &vipmp::validate::Context::default(),
    };
    request::address(endpoint, &input).map_err(classify)
}

/// 422 when only the body broke the rules, 400 when the request itself is
/// malformed (a path parameter or the query).
fn classify(refused: Refused) -> ProxyError {
    if refused.body_only() {
        ProxyError::Invalid(refused.report)
    } else {
        ProxyError::BadRequest(Some(refused.report))
    }
}

/// The upstream URL, parsed as the HTTP client will send it, must still be
/// the route's template with the inbound parameters (400 otherwise): no
/// dot segment, encoding or base path may turn it into another resource.
fn check_sent_path(
    shared: &Shared,
    endpoint: Endpoint,
    params: &Map<String, Value>,
    address: &RequestAddress,
) -> Result<(), ProxyError> {
    let base = reqwest::Url::parse(&shared.config.upstream).map_err(|_| ProxyError::BadGateway)?;
    let sent = reqwest::Url::parse(&format!("{}{}", shared.config.upstream, address.url()))
        .map_err(|_| ProxyError::BadRequest(None))?;
    let base_path = base.path().trim_end_matches('/');
    let path = sent.path().strip_prefix(base_path).unwrap_or("");
    if routes::sent_as_built(endpoint, params, path) {
        Ok(())
    } else {
        tracing::warn!("upstream path differs from the route's template");
        Err(ProxyError::BadRequest(None))
    }
}

/// Reseller and customer path parameters must be the caller's (404 otherwise).
async fn check_scope(
    shared: &Shared,
    claims: &Claims,
    address: &RequestAddress,
) -> Result<(), ProxyError> {
    if let Some(reseller) = address.param("resellerId") {
        if !claims.owns(reseller) {
            return Err(ProxyError::NotFound);
        }
    }
    if let Some(customer) = address.param("customerId") {
        let owner = if routes::is_write(address.endpoint) {
            owner_for_write(shared, claims, customer).await?
        } else {
            owner_of(shared, customer).await?
        };
        if !claims.owns(&owner) {
            return Err(ProxyError::NotFound);
        }
    }
    Ok(())
}

/// The retry's answer and the outcome to report; when the retry got a 5xx
/// too, the history is read once more, so that a `retried` 5xx always means
/// "no such order exists" (the storefront may then start a new intent).
async fn checked_again(
    shared: &Shared,
    customer: Option<&str>,
    body: Option<&Value>,
    answer: Answer,
) -> (Answer, &'static str) {
    let (Some(customer), Some(body), true) = (customer, body, answer.status >= 500) else {
        return (answer, "retried");
    };
    match reconcile::await_order(shared, customer, body).await {
        Outcome::Found(order) => (order, "found"),
        Outcome::Absent => (answer, "retried"),
        Outcome::Unknown(why) => (answer, why),
    }
}

/// The customer's reseller, from a fresh fact of the cache or a GET of the
/// customer (enough for a read); a customer known to be absent is 404
/// without asking Adobe.
async fn owner_of(shared: &Shared, customer_id: &str) -> Result<String, ProxyError> {
    match shared
        .ownership
        .fact(customer_id)
        .await
        .map(|fact| fact.owner)
    {
        Some(Owner::Reseller(owner)) => Ok(owner),
        Some(Owner::Absent) => Err(ProxyError::NotFound),
        None => proven_owner(shared, customer_id).await,
    }
}

/// The customer's reseller for a write: a recent fact that refuses the
/// caller (absent, or another reseller's, younger than `absent_ttl_ms`)
/// refuses at once; anything that would let the write through is proved
/// again with a fresh GET.
async fn owner_for_write(
    shared: &Shared,
    claims: &Claims,
    customer_id: &str,
) -> Result<String, ProxyError> {
    if let Some(fact) = shared.ownership.fact(customer_id).await {
        let refusing = match &fact.owner {
            Owner::Absent => true,
            Owner::Reseller(owner) => !claims.owns(owner),
        };
        if refusing && fact.age < shared.ownership.absent_ttl() {
            return Err(ProxyError::NotFound);
        }
    }
    proven_owner(shared, customer_id).await
}

/// The URL of a Get Customer call, built by the core like every other call;
/// `None` for an ID the core refuses.
fn customer_url(customer_id: &str) -> Option<String> {
    let params = Map::from_iter([(
        "customerId".to_owned(),
        Value::String(customer_id.to_owned()),
    )]);
    let input = AddressInput {
        params: &params,
        query: &Value::Null,
        body: None,
        context: &vipmp::validate::Context::default(),
    };
    request::address(Endpoint::GetCustomer, &input)
        .ok()
        .map(|address| address.url())
}

/// The customer's reseller as Adobe answers it now, whatever the cache
/// holds: a write is never let through on a fact that may have gone stale.
async fn proven_owner(shared: &Shared, customer_id: &str) -> Result<String, ProxyError> {
    let url = customer_url(customer_id).ok_or(ProxyError::NotFound)?;
    let outbound = Outbound {
        method: reqwest::Method::GET,
        url,
        body: None,
        correlation_id: format!("vipmp-{}", ids::random_hex()),
    };
    let answer = upstream::send(&shared.link, &outbound).await?;
    match answer.status {
        200 => {}
        400 | 403 | 404 => {
            shared.ownership.remember_absent(customer_id).await;
            return Err(ProxyError::NotFound);
        }
        _ => return Err(ProxyError::BadGateway),
    }
    learn(shared, &answer).await;
    owner_in(&answer, customer_id).ok_or(ProxyError::BadGateway)
}

/// The reseller a customer's answer names for `customer_id`.
fn owner_in(answer: &Answer, customer_id: &str) -> Option<String> {
    let value: Value = serde_json::from_slice(&answer.body).ok()?;
    let text = |name| value.get(name).and_then(Value::as_str);
    if text("customerId")? != customer_id {
        return None;
    }
    text("resellerId")
        .filter(|reseller| !reseller.is_empty())
        .map(str::to_owned)
}

/// Fills the ownership cache from a successful answer.
async fn learn(shared: &Shared, answer: &Answer) {
    if (200..300).contains(&answer.status) {
        if let Ok(value) = serde_json::from_slice::<Value>(&answer.body) {
            shared.ownership.learn(&value).await;
        }
    }
}

/// The storefront's intent key; a random one for a call that creates no
/// order, but an order creation must name its intent (400 otherwise): with
/// a random key, a repeat after a lost answer would be another order.
fn intent_key(headers: &HeaderMap, creates_order: bool) -> Result<String, ProxyError> {
    match headers.get(INTENT_HEADER) {
        None if creates_order => Err(ProxyError::IntentRequired),
        None => Ok(ids::random_hex()),
        Some(value) => value
            .to_str()
            .ok()
            .filter(|text| ids::valid_intent(text))
            .map(str::to_owned)
            .ok_or(ProxyError::BadRequest(None)),
    }
}

fn reqwest_method(endpoint: Endpoint) -> reqwest::Method {
    match endpoint.method() {
        request::Method::Get => reqwest::Method::GET,
        request::Method::Post => reqwest::Method::POST,
        request::Method::Patch => reqwest::Method::PATCH,
    }
}
