//! Test controls, served under `/admin` only when [`crate::Config::admin`] is
//! on: advance the clock, arm or clear faults, dump the state, issue approval
//! codes, decide 3YC requests, move a customer to another reseller, make the
//! order history list new orders late, let overlapping calls race.
//!
//! *Assumed*: Adobe has nothing like this; these routes take no credentials and
//! answer plain JSON, not the error envelope.

use crate::fault::Armed;
use crate::{Sandbox, handlers};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

/// The admin routes.
pub fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/clock", get(clock).post(advance))
        .route("/faults", post(arm))
        .route("/faults", delete(clear))
        .route("/state", get(dump))
        .route("/approval-codes", post(approval_code))
        .route("/commitments", post(commitment))
        .route("/reseller-moves", post(move_customer))
        .route("/account-outcomes", post(account_outcome))
        .route("/history-lag", post(history_lag))
        .route("/concurrency", post(concurrency))
}

/// The body of a concurrency setting.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Concurrency {
    /// Milliseconds (real time) a call waits, lock released, between its
    /// replay check and its processing; 0 serializes calls again.
    pub race_window_ms: u64,
}

/// `POST /admin/concurrency {raceWindowMs}`: the concurrent mode, in which
/// overlapping calls of one correlation ID all run (a race a client's own
/// de-duplication must win), or 0 for the default serialized mode.
async fn concurrency(State(sandbox): State<Sandbox>, Json(body): Json<Concurrency>) -> Json<Value> {
    sandbox.lock().race_window = std::time::Duration::from_millis(body.race_window_ms);
    Json(json!({ "raceWindowMs": body.race_window_ms }))
}

/// The body of a clock advance.
#[derive(serde::Deserialize)]
pub struct Advance {
    /// Seconds to move forward.
    #[serde(default)]
    pub seconds: i64,
    /// Days to move forward.
    #[serde(default)]
    pub days: i64,
}

/// `GET /admin/clock`: the current reading.
async fn clock(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(reading(&sandbox))
}

/// The clock as JSON.
fn reading(sandbox: &Sandbox) -> Value {
    json!({ "now": sandbox.clock.timestamp(), "seconds": sandbox.clock.now() })
}

/// `POST /admin/clock {seconds, days}`: moves the clock and releases what is
/// due.
async fn advance(State(sandbox): State<Sandbox>, Json(body): Json<Advance>) -> Json<Value> {
    let seconds = body
        .seconds
        .saturating_add(body.days.saturating_mul(86_400));
    let now = sandbox.clock.advance(seconds);
    handlers::settle(&mut sandbox.lock().store, now, sandbox.clock.today());
    Json(reading(&sandbox))
}

/// The body of a history lag.
#[derive(serde::Deserialize)]
pub struct Lag {
    /// Milliseconds (real time) before a new order is listed; 0 turns it off.
    pub ms: u64,
}

/// `POST /admin/history-lag {ms}`: orders created from now on are left out of
/// the order history for `ms` milliseconds.
async fn history_lag(State(sandbox): State<Sandbox>, Json(body): Json<Lag>) -> Json<Value> {
    let lag = std::time::Duration::from_millis(body.ms);
    sandbox.lock().history.set(lag);
    Json(json!({ "ms": body.ms }))
}

/// `POST /admin/faults`: arms a fault.
async fn arm(State(sandbox): State<Sandbox>, Json(armed): Json<Armed>) -> Json<Value> {
    sandbox.lock().faults.arm(armed);
    Json(json!({ "armed": true }))
}

/// `DELETE /admin/faults`: disarms every fault.
async fn clear(State(sandbox): State<Sandbox>) -> Json<Value> {
    sandbox.lock().faults.clear();
    Json(json!({ "armed": false }))
}

/// The body of an approval-code request.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeRequest {
    /// The customer whose admin "generates" the code.
    pub customer_id: String,
}

/// `POST /admin/approval-codes {customerId}`: what the customer's admin does in
/// the Admin Console; answers `{approvalCode, customerId, expires}`, or 404
/// for an unknown customer.
async fn approval_code(
    State(sandbox): State<Sandbox>,
    Json(body): Json<CodeRequest>,
) -> (StatusCode, Json<Value>) {
    let now = sandbox.clock.now();
    match handlers::issue_code(&mut sandbox.lock().store, &body.customer_id, now) {
        Some(code) => (StatusCode::OK, Json(code)),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": "unknown customer" })),
        ),
    }
}

/// The body of a 3YC decision.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentDecision {
    /// The customer deciding.
    pub customer_id: String,
    /// `ACCEPT`, `DECLINE` or `EXPIRE`.
    pub decision: String,
    /// `commitmentRequest` (the default) or `recommitmentRequest`.
    #[serde(default)]
    pub request: Option<String>,
}

impl CommitmentDecision {
    /// The request and decision named, if both are known.
    fn parts(&self) -> Option<(handlers::Which, handlers::Decision)> {
        let which = match self.request.as_deref() {
            None | Some("commitmentRequest") => handlers::Which::Commitment,
            Some("recommitmentRequest") => handlers::Which::Recommitment,
            Some(_) => return None,
        };
        let decision = match self.decision.as_str() {
            "ACCEPT" => handlers::Decision::Accept,
            "DECLINE" => handlers::Decision::Decline,
            "EXPIRE" => handlers::Decision::Expire,
            _ => return None,
        };
        Some((which, decision))
    }
}

/// `POST /admin/commitments {customerId, decision, request?}`: what the
/// customer does with a REQUESTED 3YC request in the Admin Console; answers
/// the customer, 400 for an unknown decision, 409 when there is nothing
/// REQUESTED to decide.
async fn commitment(
    State(sandbox): State<Sandbox>,
    Json(body): Json<CommitmentDecision>,
) -> (StatusCode, Json<Value>) {
    let Some(parts) = body.parts() else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "unknown decision or request" })),
        );
    };
    let today = sandbox.clock.today();
    let mut inner = sandbox.lock();
    match handlers::decide(&mut inner.store, &body.customer_id, parts, today) {
        Ok(customer) => (
            StatusCode::OK,
            Json(serde_json::to_value(customer).unwrap_or(Value::Null)),
        ),
        Err(why) => (StatusCode::CONFLICT, Json(json!({ "error": why }))),
    }
}

/// `GET /admin/state`: the store as a seed file reads it.
async fn dump(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(serde_json::to_value(&sandbox.lock().store).unwrap_or(Value::Null))
}

/// The body of a direct reseller move.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResellerMove {
    /// The customer that moves.
    pub customer_id: String,
    /// The reseller it moves to.
    pub reseller_id: String,
}

/// `POST /admin/reseller-moves {customerId, resellerId}`: the customer now
/// belongs to another reseller, at once, as if a reseller change had settled
/// behind the caller's back (for tests of callers that cache ownership).
/// Answers the customer; 404 for an unknown customer or reseller.
async fn move_customer(
    State(sandbox): State<Sandbox>,
    Json(body): Json<ResellerMove>,
) -> (StatusCode, Json<Value>) {
    let mut inner = sandbox.lock();
    let store = &mut inner.store;
    if !store.resellers.contains_key(&body.reseller_id) {
        return not_found("unknown reseller");
    }
    let Some(customer) = store.customers.get_mut(&body.customer_id) else {
        return not_found("unknown customer");
    };
    customer.reseller_id.clone_from(&body.reseller_id);
    let customer = serde_json::to_value(&*customer).unwrap_or(Value::Null);
    (StatusCode::OK, Json(customer))
}

/// The body of an account outcome.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountOutcome {
    /// A reseller or customer ID.
    pub id: String,
    /// The status it settles to (`1004`, `1010`, …).
    pub status: String,
}

/// `POST /admin/account-outcomes {id, status}`: Adobe's asynchronous
/// validation of a pending account fails; it settles to `status` instead of
/// 1000 when the clock reaches it (at once if it has settled already).
/// Answers the account; 404 for an unknown ID.
async fn account_outcome(
    State(sandbox): State<Sandbox>,
    Json(body): Json<AccountOutcome>,
) -> (StatusCode, Json<Value>) {
    let mut inner = sandbox.lock();
    let store = &mut inner.store;
    let pending = store.pending.iter().any(|p| p.id == body.id);
    let status = (!pending).then(|| body.status.clone());
    let account = if let Some(reseller) = store.resellers.get_mut(&body.id) {
        if status.is_some() {
            reseller.status.clone_from(&status);
        }
        serde_json::to_value(&*reseller)
    } else if let Some(customer) = store.customers.get_mut(&body.id) {
        if status.is_some() {
            customer.status.clone_from(&status);
        }
        serde_json::to_value(&*customer)
    } else {
        return not_found("unknown account");
    };
    store.failing_accounts.insert(body.id, body.status);
    (StatusCode::OK, Json(account.unwrap_or(Value::Null)))
}

/// A plain 404 with a reason.
fn not_found(why: &str) -> (StatusCode, Json<Value>) {
    (StatusCode::NOT_FOUND, Json(json!({ "error": why })))
}
