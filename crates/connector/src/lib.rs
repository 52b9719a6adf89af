//! The vipmp connector: the commerce platform's **Account Synchronize**
//! endpoint, which provisions resellers and their customers at Adobe
//! (reseller-provisioning.txt, create-reseller-account.txt).
//!
//! # Why a sibling binary, not a route of the proxy
//! The proxy is a thin, stateless forwarder for browsers: caller JWTs, CORS,
//! an allow-list of Adobe routes. Account sync is a server-to-server call
//! from the platform with its own credential, and it is stateful: it needs a
//! durable platform ID → Adobe ID mapping and a claim so that one record makes
//! one account however many instances run. Putting that in the proxy would
//! give every proxy a database and a second authentication scheme. Instead the
//! proxy's outbound side is a library ([`vipmp_proxy::upstream::Link`]:
//! pacer, IMS token cache, retry rules) that this binary links, so both
//! servers send to Adobe the same way and, with `VIPMP_REDIS_URL`, under one
//! shared rate.
//!
//! # Parts
//! [`config`] reads the settings; [`platform`] is the record and the answer;
//! [`sync`] is the flow (classify with the core, check, claim, create or
//! update, reconcile); [`adobe`] the Partner API calls; [`store`] the mapping
//! (SQLite by default, PostgreSQL for several instances); [`refusal`] the
//! storefront's error names with Adobe's field paths.

pub mod adobe;
pub mod config;
pub mod platform;
pub mod refusal;
pub mod store;
pub mod sync;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use refusal::{Name, Refusal};
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use vipmp::{Code, Finding, Path, Report};

/// The largest record accepted.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Everything a sync needs.
pub struct Connector {
    /// The checked settings.
    pub config: config::Config,
    /// The outbound side, shared with the proxy's code.
    pub link: vipmp_proxy::upstream::Link,
    /// The mapping and the claims.
    pub store: Arc<dyn store::SyncStore>,
}

/// Why the connector could not start.
#[derive(Debug)]
pub struct SetupError(pub String);

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SetupError {}

impl Connector {
    /// Builds the outbound link and opens the store.
    ///
    /// # Errors
    /// When the HTTP client, the pacer or the store cannot be set up.
    pub async fn new(config: config::Config) -> Result<Self, SetupError> {
        let http = vipmp_proxy::upstream::client(config.upstream_timeout)
            .map_err(|_| SetupError("the HTTP client could not be built".into()))?;
        let ims = vipmp_proxy::ims::ImsClient {
            url: config.ims_url.clone(),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            scope: config.ims_scope.clone(),
        };
        // The proxy's bounded Redis link (timeout and breaker): with the same
        // URL, the connector paces within the proxies' shared rate.
        let redis = config
            .redis_url
            .as_ref()
            .map(|url| vipmp_proxy::redis_link::RedisLink::new(url, REDIS_TIMEOUT).map(Arc::new))
            .transpose()
            .map_err(|e| SetupError(e.0))?;
        let pacer = vipmp_proxy::pacer::Pacer::new(
            config.upstream_rate,
            config.instances,
            config.upstream_timeout,
            redis,
            &config.client_id,
        );
        let store = store::open(config.store.expose_secret())
            .await
            .map_err(|e| SetupError(e.to_string()))?;
        Ok(Self {
            link: vipmp_proxy::upstream::Link {
                base: config.upstream.clone(),
                api_key: config.api_key.clone(),
                max_body_bytes: 1024 * 1024,
                tokens: vipmp_proxy::ims::TokenCache::new(ims, http.clone()),
                http,
                pacer,
            },
            store,
            config,
        })
    }
}

/// How long one Redis call of the pacer may take (the proxy's default).
const REDIS_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(250);

/// The router: `POST /account-synchronize` and `GET /healthz`.
pub fn app(connector: Arc<Connector>) -> Router {
    Router::new()
        .route("/account-synchronize", post(synchronize))
        .route("/healthz", get(health))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(connector)
}

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The endpoint: authenticate, read the record, sync it.
async fn synchronize(
    State(connector): State<Arc<Connector>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !authorized(&connector, &headers) {
        return Refusal::new(Name::Unauthenticated).into_response();
    }
    let record = match read_record(&body) {
        Ok(record) => record,
        Err(refusal) => return refusal.into_response(),
    };
    match sync::synchronize(&connector, &record).await {
        Ok(synced) => (StatusCode::OK, Json(synced)).into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

/// Whether the call carries `Authorization: Bearer <platform secret>`. The
/// SHA-256 digests are compared, so the comparison's time says nothing about
/// the secret's bytes.
fn authorized(connector: &Connector, headers: &HeaderMap) -> bool {
    let Some(given) = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let expected = connector.config.platform_secret.expose_secret();
    Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes())
}

/// The record, or `InvalidAccountRecord` with a `type.invalid` violation.
fn read_record(body: &[u8]) -> Result<platform::AccountRecord, Refusal> {
    let value: Option<Value> = serde_json::from_slice(body).ok();
    let record = value
        .filter(Value::is_object)
        .and_then(|value| serde_json::from_value(value).ok());
    record.ok_or_else(|| {
        let mut report = Report::new();
        report.add(
            &Path::root(),
            Finding::new(Code::TypeInvalid).with("expected", "an account record object"),
        );
        Refusal {
            violations: report.violations,
            ..Refusal::new(Name::InvalidAccountRecord)
        }
    })
}
