//! The vipmp sandbox: a local, stateful emulator of the Partner API and of the
//! IMS token endpoint, so the proxy, the package and the demo run offline.
//!
//! [`app`] builds the axum [`Router`] over a [`Sandbox`]; every Partner API
//! route is matched against the core's endpoint table
//! ([`vipmp::request::Endpoint`]), bodies are judged by the core's validators,
//! and refusals are Adobe's error envelope built from the core's catalogue.
//! Behaviour that Adobe's documents do not settle is marked *assumed* here and
//! in the crate's README.

pub mod admin;
pub mod adobe;
pub mod api;
pub mod auth;
pub mod clock;
pub mod envelope;
pub mod fault;
pub mod handlers;
pub mod idempotency;
pub mod seed;
pub mod store;

use axum::Router;
use axum::routing::{any, post};
use std::sync::{Arc, Mutex, MutexGuard};

/// How the sandbox behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Whether `/admin/*` (clock, faults, dump) is served. Off by default.
    pub admin: bool,
    /// Seconds a created account or order stays in 1002 before it settles.
    ///
    /// *Assumed*: Adobe gives no figure (S1 suggests polling every 30 s up to
    /// 10 min); 60 s here.
    pub settle_after: i64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            admin: false,
            settle_after: 60,
        }
    }
}

/// The mutable parts behind one lock.
#[derive(Debug, Default)]
pub struct Inner {
    /// The resources.
    pub store: store::Store,
    /// Stored responses and request IDs.
    pub ledger: idempotency::Ledger,
    /// Clients and tokens.
    pub credentials: auth::Credentials,
    /// Armed faults.
    pub faults: fault::Faults,
    /// How late the order history lists new orders.
    pub history: fault::HistoryLag,
    /// The concurrent mode: how long a call waits, lock released, between
    /// its replay check and its processing (zero: serialized, the default).
    pub race_window: std::time::Duration,
}

/// A running sandbox's shared state; cheap to clone.
#[derive(Clone, Debug)]
pub struct Sandbox {
    /// The configuration.
    pub config: Config,
    /// The injectable clock.
    pub clock: Arc<clock::Clock>,
    inner: Arc<Mutex<Inner>>,
}

impl Sandbox {
    /// A sandbox with an empty store and a clock at `today`.
    pub fn new(config: Config, today: vipmp::date::Date) -> Self {
        Self {
            config,
            clock: Arc::new(clock::Clock::new(today)),
            inner: Arc::new(Mutex::new(Inner::default())),
        }
    }

    /// The state, locked (a poisoned lock is recovered: the state stays usable).
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The router: the IMS token endpoint, the admin routes when enabled, and the
/// Partner API.
pub fn app(sandbox: Sandbox) -> Router {
    let mut router = Router::new().route("/ims/token/v3", post(api::token));
    if sandbox.config.admin {
        router = router.nest("/admin", admin::routes());
    }
    router
        .route("/{*path}", any(api::dispatch))
        .with_state(sandbox)
}
