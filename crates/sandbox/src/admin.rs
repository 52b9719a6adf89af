//! Test controls, served under `/admin` only when [`crate::Config::admin`] is
//! on: advance the clock, arm or clear faults, dump the state.
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

/// `GET /admin/state`: the store as a seed file reads it.
async fn dump(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(serde_json::to_value(&sandbox.lock().store).unwrap_or(Value::Null))
}
