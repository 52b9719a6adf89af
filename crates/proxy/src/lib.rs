//! The vipmp proxy: the thin server between a storefront and Adobe's Partner
//! API. The browser never holds the partner's API key or IMS token, and a
//! caller acting for one reseller never reaches another's customers.
//!
//! A call goes through [`ingress::guard`] (a correlation ID for every
//! answer, the whole-request timeout) and [`forward::handle`]: the caller's
//! JWT is verified from the request head ([`caller`]) before the body is
//! read, bounded in size and time, and a slot taken ([`ingress`]); the
//! method and path must match the allow-list taken from the
//! core's endpoint table ([`routes`]), path and reseller scope are checked
//! ([`ownership`]), the body is re-validated and the call's address rebuilt
//! by the core (`vipmp::request::address`: 400 or 422 with the Report), the
//! IDs are derived server-side ([`ids`]), and [`upstream`] sends each attempt
//! with the core's headers (`vipmp::request::attempt`) and the cached IMS
//! token ([`ims`]), paced by [`pacer`]; an order creation
//! is sent once per intent ([`outcomes`]) and reconciled after a 5xx
//! ([`reconcile`]). Each caller and reseller has its share of the proxy
//! ([`fairness`]); what several instances must agree on goes through one
//! bounded link to Redis when configured ([`redis_link`]). Configuration is
//! read and checked once ([`config`]);
//! [`serve`] serves the router with a header-read timeout and a graceful
//! shutdown.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = vipmp_proxy::config::Config::from_env()?;
//! let (listen, timeouts) = (config.listen, config.timeouts());
//! let app = vipmp_proxy::app(vipmp_proxy::Shared::new(config)?.into());
//! let listener = tokio::net::TcpListener::bind(listen).await?;
//! vipmp_proxy::serve::serve(listener, app, timeouts, async {
//!     let _ = tokio::signal::ctrl_c().await;
//! })
//! .await;
//! # Ok(()) }
//! ```

pub mod caller;
pub mod config;
pub mod error;
pub mod fairness;
pub mod forward;
pub mod ids;
pub mod ims;
pub mod ingress;
pub mod millis;
pub mod outcomes;
pub mod ownership;
pub mod pacer;
pub mod reconcile;
pub mod redis_link;
pub mod routes;
pub mod serve;
pub mod state;
pub mod upstream;

pub use state::{SetupError, Shared};

use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, Method};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The router: `/healthz` and the forwarder, [`guarded`]; the body cap,
/// the body-read timeout and the slots that shed load with 503 are the
/// forwarder's, after authentication (see [`ingress`]).
pub fn app(shared: Arc<Shared>) -> Router {
    let routes = Router::new()
        .route("/healthz", get(health))
        .fallback(forward::handle);
    guarded(routes, shared)
}

/// `routes` behind CORS, [`ingress::guard`] (correlation ID, whole-request
/// timeout) and [`ingress::after_panic`] (a panic is a 500 in the envelope,
/// not a dropped connection).
pub fn guarded(routes: Router<Arc<Shared>>, shared: Arc<Shared>) -> Router {
    let cors = cors(&shared.config.allowed_origins);
    routes
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            ingress::after_panic,
        ))
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            ingress::guard,
        ))
        .layer(cors)
        .with_state(shared)
}

/// `/healthz`: `ok`, or `degraded` with the reason when a configured Redis
/// cannot be used (the proxy still serves, on each use's fallback); where
/// the pacer and the shares are kept (`memory`, `redis`, `fallback`).
/// Answers within one Redis timeout.
async fn health(State(shared): State<Arc<Shared>>) -> Json<Value> {
    let redis = match &shared.redis {
        None => json!({ "state": "none" }),
        Some(link) => match link.health().await {
            redis_link::Health::Up => json!({ "state": "up" }),
            redis_link::Health::Down(reason) => json!({ "state": "down", "reason": reason }),
        },
    };
    let degraded = redis["state"] == "down";
    let mut answer = json!({
        "status": if degraded { "degraded" } else { "ok" },
        "redis": redis,
        "pacer": { "mode": shared.link.pacer.mode().name(), "ratePerSecond": shared.link.pacer.rate() },
        "fairness": { "mode": shared.fairness.mode().name() },
    });
    if degraded {
        answer["reason"] = answer["redis"]["reason"].clone();
    }
    Json(answer)
}

/// CORS for the configured origins, matched exactly.
fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PATCH])
        .allow_headers([
            HeaderName::from_static("authorization"),
            HeaderName::from_static("content-type"),
            HeaderName::from_static(forward::INTENT_HEADER),
        ])
        .expose_headers([
            HeaderName::from_static("x-correlation-id"),
            HeaderName::from_static("x-request-id"),
            HeaderName::from_static(reconcile::HEADER),
            HeaderName::from_static("retry-after"),
        ])
}
