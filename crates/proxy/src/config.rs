//! Configuration: a TOML file and/or environment variables, checked once at
//! start-up so that a missing or malformed setting stops the proxy with a
//! message naming it, instead of failing on the first request.
//!
//! Secrets (client secret, JWT secret, correlation key, Redis URL) are held
//! as [`SecretString`]: their `Debug` output is redacted, so logging a
//! [`Config`] never leaks them. None may be empty, and the keys this proxy
//! signs or derives with (the JWT secret, the correlation key) must be at
//! least [`MIN_KEY_BYTES`] long: a short HMAC key can be guessed offline from
//! one token or one correlation ID. Every setting can come from the file named by
//! `VIPMP_PROXY_CONFIG` or from its `VIPMP_*` variable; the variable wins.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The local sandbox (`cargo run -p vipmp-sandbox`), the default upstream.
pub const LOCAL_SANDBOX: &str = "http://127.0.0.1:8787";

/// The scopes every known implementation requests (FACTS.md §6).
pub const DEFAULT_SCOPE: &str = "openid,AdobeID,read_organizations";

/// Upstream calls per second when `upstream_rate` is not set (*assumed*:
/// below Adobe's per-credential limit, which its documents do not state).
pub const DEFAULT_RATE: u32 = 10;

/// The shortest JWT secret or correlation key accepted (256 bits, the
/// HMAC-SHA256 output size).
pub const MIN_KEY_BYTES: usize = 32;

/// How long the order history is polled after a 5xx to an order creation
/// when nothing is configured (*assumed* long enough for Adobe to settle;
/// it must stay under the whole-request timeout, 30 s by default).
pub const DEFAULT_RECONCILE_WINDOW_MS: u64 = 20_000;

/// The time a body has to arrive when nothing is configured: as long as a
/// head has, and well under the whole-request timeout.
pub const DEFAULT_BODY_READ_TIMEOUT_MS: u64 = 10_000;

/// Settings as read from the file or the environment, before checking.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawConfig {
    /// `listen`, `VIPMP_LISTEN`.
    pub listen: Option<String>,
    /// `upstream`, `VIPMP_UPSTREAM`: `local`, `adobe-sandbox`, `adobe-production` or a URL.
    pub upstream: Option<String>,
    /// `ims_url`, `VIPMP_IMS_URL`: the full token endpoint URL.
    pub ims_url: Option<String>,
    /// `ims_scope`, `VIPMP_IMS_SCOPE`.
    pub ims_scope: Option<String>,
    /// `client_id`, `VIPMP_CLIENT_ID`.
    pub client_id: Option<String>,
    /// `client_secret`, `VIPMP_CLIENT_SECRET`.
    pub client_secret: Option<SecretString>,
    /// `api_key`, `VIPMP_API_KEY` (defaults to the client ID, as Adobe uses it).
    pub api_key: Option<String>,
    /// `allowed_origins`, `VIPMP_ALLOWED_ORIGINS` (comma-separated in the variable).
    pub allowed_origins: Option<Vec<String>>,
    /// `jwt_secret`, `VIPMP_JWT_SECRET`: HS256 shared secret.
    pub jwt_secret: Option<SecretString>,
    /// `jwks_file`, `VIPMP_JWKS_FILE`: RS256/ES256 public keys.
    pub jwks_file: Option<PathBuf>,
    /// `jwt_audience`, `VIPMP_JWT_AUDIENCE`.
    pub jwt_audience: Option<String>,
    /// `jwt_issuer`, `VIPMP_JWT_ISSUER`: the `iss` callers' JWTs must carry.
    pub jwt_issuer: Option<String>,
    /// `jwt_max_lifetime_secs`, `VIPMP_JWT_MAX_LIFETIME_SECS`.
    pub jwt_max_lifetime_secs: Option<u64>,
    /// `correlation_key`, `VIPMP_CORRELATION_KEY`.
    pub correlation_key: Option<SecretString>,
    /// `upstream_timeout_ms`, `VIPMP_UPSTREAM_TIMEOUT_MS`.
    pub upstream_timeout_ms: Option<u64>,
    /// `request_timeout_ms`, `VIPMP_REQUEST_TIMEOUT_MS`.
    pub request_timeout_ms: Option<u64>,
    /// `max_body_bytes`, `VIPMP_MAX_BODY_BYTES`.
    pub max_body_bytes: Option<usize>,
    /// `max_concurrency`, `VIPMP_MAX_CONCURRENCY`.
    pub max_concurrency: Option<usize>,
    /// `header_read_timeout_ms`, `VIPMP_HEADER_READ_TIMEOUT_MS`.
    pub header_read_timeout_ms: Option<u64>,
    /// `body_read_timeout_ms`, `VIPMP_BODY_READ_TIMEOUT_MS`: the time an
    /// authenticated request's body has to arrive once its head is in.
    pub body_read_timeout_ms: Option<u64>,
    /// `upstream_rate`, `VIPMP_UPSTREAM_RATE`: calls per second, all instances.
    pub upstream_rate: Option<u32>,
    /// `instances`, `VIPMP_INSTANCES`: how many proxies share the rate.
    pub instances: Option<u32>,
    /// `redis_url`, `VIPMP_REDIS_URL`: the shared pacer (may hold a password).
    pub redis_url: Option<SecretString>,
    /// `ownership_ttl_ms`, `VIPMP_OWNERSHIP_TTL_MS`: how long a learnt
    /// customer → reseller fact is trusted for reads.
    pub ownership_ttl_ms: Option<u64>,
    /// `reconcile_window_ms`, `VIPMP_RECONCILE_WINDOW_MS`: how long the
    /// order history is polled after a 5xx to an order creation.
    pub reconcile_window_ms: Option<u64>,
    /// `pacer_without_redis`, `VIPMP_PACER_WITHOUT_REDIS`: `share` (pace at
    /// this instance's share in memory) or `refuse` (send nothing) while a
    /// configured Redis cannot be used.
    pub pacer_without_redis: Option<String>,
    /// `redis_timeout_ms`, `VIPMP_REDIS_TIMEOUT_MS`: the longest one Redis
    /// call may take before its use's fallback applies.
    pub redis_timeout_ms: Option<u64>,
    /// `absent_ttl_ms`, `VIPMP_ABSENT_TTL_MS`: how long "this customer is
    /// not known upstream" (or "not the caller's") is trusted.
    pub absent_ttl_ms: Option<u64>,
    /// `caller_rate`, `VIPMP_CALLER_RATE`: requests per second one caller
    /// (`sub`) may make, sustained; 0 turns the share off.
    pub caller_rate: Option<f64>,
    /// `caller_burst`, `VIPMP_CALLER_BURST`: requests one caller may make at
    /// once.
    pub caller_burst: Option<u32>,
    /// `reseller_rate`, `VIPMP_RESELLER_RATE`: requests per second charged to
    /// one reseller, all its callers together; 0 turns the share off.
    pub reseller_rate: Option<f64>,
    /// `reseller_burst`, `VIPMP_RESELLER_BURST`: requests one reseller may be
    /// charged at once.
    pub reseller_burst: Option<u32>,
}

/// How callers' JWTs are verified.
#[derive(Debug, Clone)]
pub enum JwtKeys {
    /// HS256 with a shared secret.
    Hs256(SecretString),
    /// RS256 / ES256 public keys from a JWKS file.
    Jwks(PathBuf),
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the proxy listens (127.0.0.1:8080 by default).
    pub listen: SocketAddr,
    /// The Partner API base URL, without a trailing slash.
    pub upstream: String,
    /// The IMS token endpoint.
    pub ims_url: String,
    /// The IMS scopes.
    pub ims_scope: String,
    /// The integration's client ID.
    pub client_id: String,
    /// The integration's client secret.
    pub client_secret: SecretString,
    /// The `X-Api-Key` value.
    pub api_key: String,
    /// Storefront origins allowed by CORS, matched exactly.
    pub allowed_origins: Vec<String>,
    /// How callers' JWTs are verified.
    pub jwt_keys: JwtKeys,
    /// The `aud` callers' JWTs must carry.
    pub jwt_audience: String,
    /// The `iss` callers' JWTs must carry, when set.
    pub jwt_issuer: Option<String>,
    /// The longest lifetime of a caller's JWT (`exp` from now, and from `iat`).
    pub jwt_max_lifetime: Duration,
    /// The key of derived correlation IDs.
    pub correlation_key: SecretString,
    /// Timeout of one upstream attempt (connect included).
    pub upstream_timeout: Duration,
    /// Timeout of a whole inbound request.
    pub request_timeout: Duration,
    /// Largest inbound or upstream body.
    pub max_body_bytes: usize,
    /// Authenticated requests forwarded at once (body read); more are shed
    /// with 503.
    pub max_concurrency: usize,
    /// The time a connection has to send a complete request head.
    pub header_read_timeout: Duration,
    /// The time an authenticated request's body has to arrive (then 408).
    pub body_read_timeout: Duration,
    /// Upstream calls per second, all instances together.
    pub upstream_rate: u32,
    /// Proxies sharing the rate (each takes its share without Redis).
    pub instances: u32,
    /// Redis for the shared pacer, if any.
    pub redis_url: Option<SecretString>,
    /// How long a learnt customer → reseller fact is trusted for reads
    /// (writes always prove the owner again).
    pub ownership_ttl: Duration,
    /// How long the order history is polled after a 5xx to an order
    /// creation before the order is taken as absent.
    pub reconcile_window: Duration,
    /// The longest one Redis call may take.
    pub redis_timeout: Duration,
    /// What the pacer does while a configured Redis cannot be used.
    pub pacer_without_redis: crate::pacer::WithoutRedis,
    /// How long a refusing ownership fact (no such customer, or another
    /// reseller's) is trusted, for reads and writes alike.
    pub absent_ttl: Duration,
    /// One caller's share of the proxy, `None` when off.
    pub caller_share: Option<crate::fairness::Share>,
    /// One reseller's share of the proxy, `None` when off.
    pub reseller_share: Option<crate::fairness::Share>,
}

impl Config {
    /// The serving timeouts: the header-read timeout, and a shutdown grace
    /// as long as the whole-request timeout.
    pub fn timeouts(&self) -> crate::serve::Timeouts {
        crate::serve::Timeouts {
            header_read: self.header_read_timeout,
            grace: self.request_timeout,
        }
    }
}

/// A setting that is missing or malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

fn fail<T>(message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(message.into()))
}

impl RawConfig {
    /// Reads a TOML file.
    ///
    /// # Errors
    /// When the file cannot be read or is not valid TOML of known keys.
    pub fn from_file(path: &std::path::Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
        toml::from_str(&text).map_err(|e| ConfigError(format!("{}: {e}", path.display())))
    }

    /// Overlays the `VIPMP_*` variables found by `var`.
    ///
    /// # Errors
    /// When a numeric variable is not a number.
    pub fn overlay(mut self, var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let text = |name: &str, slot: &mut Option<String>| {
            if let Some(value) = var(name) {
                *slot = Some(value);
            }
        };
        text("VIPMP_LISTEN", &mut self.listen);
        text("VIPMP_UPSTREAM", &mut self.upstream);
        text("VIPMP_IMS_URL", &mut self.ims_url);
        text("VIPMP_IMS_SCOPE", &mut self.ims_scope);
        text("VIPMP_CLIENT_ID", &mut self.client_id);
        text("VIPMP_API_KEY", &mut self.api_key);
        text("VIPMP_JWT_AUDIENCE", &mut self.jwt_audience);
        text("VIPMP_JWT_ISSUER", &mut self.jwt_issuer);
        number(
            &var,
            "VIPMP_JWT_MAX_LIFETIME_SECS",
            &mut self.jwt_max_lifetime_secs,
        )?;
        let secret = |name: &str, slot: &mut Option<SecretString>| {
            if let Some(value) = var(name) {
                *slot = Some(value.into());
            }
        };
        secret("VIPMP_CLIENT_SECRET", &mut self.client_secret);
        secret("VIPMP_JWT_SECRET", &mut self.jwt_secret);
        secret("VIPMP_CORRELATION_KEY", &mut self.correlation_key);
        secret("VIPMP_REDIS_URL", &mut self.redis_url);
        number(&var, "VIPMP_UPSTREAM_RATE", &mut self.upstream_rate)?;
        number(&var, "VIPMP_INSTANCES", &mut self.instances)?;
        if let Some(path) = var("VIPMP_JWKS_FILE") {
            self.jwks_file = Some(path.into());
        }
        if let Some(list) = var("VIPMP_ALLOWED_ORIGINS") {
            self.allowed_origins = Some(split_list(&list));
        }
        number(
            &var,
            "VIPMP_UPSTREAM_TIMEOUT_MS",
            &mut self.upstream_timeout_ms,
        )?;
        number(
            &var,
            "VIPMP_REQUEST_TIMEOUT_MS",
            &mut self.request_timeout_ms,
        )?;
        number(&var, "VIPMP_MAX_BODY_BYTES", &mut self.max_body_bytes)?;
        number(&var, "VIPMP_MAX_CONCURRENCY", &mut self.max_concurrency)?;
        number(
            &var,
            "VIPMP_HEADER_READ_TIMEOUT_MS",
            &mut self.header_read_timeout_ms,
        )?;
        number(
            &var,
            "VIPMP_BODY_READ_TIMEOUT_MS",
            &mut self.body_read_timeout_ms,
        )?;
        number(&var, "VIPMP_OWNERSHIP_TTL_MS", &mut self.ownership_ttl_ms)?;
        number(
            &var,
            "VIPMP_RECONCILE_WINDOW_MS",
            &mut self.reconcile_window_ms,
        )?;
        number(&var, "VIPMP_REDIS_TIMEOUT_MS", &mut self.redis_timeout_ms)?;
        text("VIPMP_PACER_WITHOUT_REDIS", &mut self.pacer_without_redis);
        number(&var, "VIPMP_ABSENT_TTL_MS", &mut self.absent_ttl_ms)?;
        number(&var, "VIPMP_CALLER_RATE", &mut self.caller_rate)?;
        number(&var, "VIPMP_CALLER_BURST", &mut self.caller_burst)?;
        number(&var, "VIPMP_RESELLER_RATE", &mut self.reseller_rate)?;
        number(&var, "VIPMP_RESELLER_BURST", &mut self.reseller_burst)?;
        Ok(self)
    }

    /// Checks every setting and fills the defaults.
    ///
    /// # Errors
    /// The first missing or malformed setting, by name.
    pub fn check(self) -> Result<Config, ConfigError> {
        let listen = self.listen.as_deref().unwrap_or("127.0.0.1:8080");
        let listen = listen
            .parse()
            .or_else(|_| fail(format!("listen: `{listen}` is not an address:port")))?;
        let upstream = upstream_url(self.upstream.as_deref().unwrap_or("local"))?;
        let ims_url = match self.ims_url {
            Some(url) => checked_url("ims_url", &url)?,
            None => default_ims(self.upstream.as_deref().unwrap_or("local"), &upstream),
        };
        let client_id = required("client_id", self.client_id)?;
        let client_secret = not_empty(
            "client_secret",
            required("client_secret", self.client_secret)?,
        )?;
        let api_key = self.api_key.unwrap_or_else(|| client_id.clone());
        let jwt_keys = match (self.jwt_secret, self.jwks_file) {
            (Some(secret), None) => JwtKeys::Hs256(long_key("jwt_secret", secret)?),
            (None, Some(path)) => JwtKeys::Jwks(path),
            (None, None) => return fail("one of jwt_secret or jwks_file is required"),
            (Some(_), Some(_)) => return fail("set jwt_secret or jwks_file, not both"),
        };
        let request_timeout = millis(self.request_timeout_ms, 30_000);
        let reconcile_window = millis(self.reconcile_window_ms, DEFAULT_RECONCILE_WINDOW_MS);
        if reconcile_window >= request_timeout {
            return fail("reconcile_window_ms must be shorter than request_timeout_ms");
        }
        let upstream_rate = self.upstream_rate.unwrap_or(DEFAULT_RATE).max(1);
        let caller_share = share(
            "caller_rate",
            self.caller_rate,
            self.caller_burst,
            crate::fairness::caller_default(upstream_rate),
        )?;
        let reseller_share = share(
            "reseller_rate",
            self.reseller_rate,
            self.reseller_burst,
            crate::fairness::reseller_default(upstream_rate),
        )?;
        let allowed_origins = self.allowed_origins.unwrap_or_default();
        for origin in &allowed_origins {
            checked_url("allowed_origins", origin)?;
        }
        Ok(Config {
            listen,
            upstream,
            ims_url,
            ims_scope: self.ims_scope.unwrap_or_else(|| DEFAULT_SCOPE.to_owned()),
            client_id,
            client_secret,
            api_key,
            allowed_origins,
            jwt_keys,
            jwt_audience: self
                .jwt_audience
                .unwrap_or_else(|| "vipmp-proxy".to_owned()),
            correlation_key: long_key(
                "correlation_key",
                required("correlation_key", self.correlation_key)?,
            )?,
            upstream_timeout: millis(self.upstream_timeout_ms, 10_000),
            request_timeout,
            max_body_bytes: self.max_body_bytes.unwrap_or(64 * 1024),
            max_concurrency: self.max_concurrency.unwrap_or(256).max(1),
            header_read_timeout: millis(self.header_read_timeout_ms, 10_000),
            body_read_timeout: millis(self.body_read_timeout_ms, DEFAULT_BODY_READ_TIMEOUT_MS),
            upstream_rate,
            instances: self.instances.unwrap_or(1).max(1),
            redis_url: self
                .redis_url
                .map(|url| not_empty("redis_url", url))
                .transpose()?,
            jwt_issuer: self.jwt_issuer.filter(|issuer| !issuer.is_empty()),
            jwt_max_lifetime: self
                .jwt_max_lifetime_secs
                .map_or(crate::caller::DEFAULT_MAX_LIFETIME, Duration::from_secs),
            ownership_ttl: millis(self.ownership_ttl_ms, crate::ownership::DEFAULT_TTL_MS),
            reconcile_window,
            redis_timeout: millis(self.redis_timeout_ms, crate::redis_link::DEFAULT_TIMEOUT_MS)
                .max(Duration::from_millis(1)),
            pacer_without_redis: match self.pacer_without_redis.as_deref() {
                None | Some("share") => crate::pacer::WithoutRedis::Share,
                Some("refuse") => crate::pacer::WithoutRedis::Refuse,
                Some(other) => {
                    return fail(format!(
                        "pacer_without_redis: `{other}` is not `share` or `refuse`"
                    ));
                }
            },
            absent_ttl: millis(self.absent_ttl_ms, crate::ownership::DEFAULT_ABSENT_TTL_MS),
            caller_share,
            reseller_share,
        })
    }
}

/// A share from its rate and burst, the default filling what is not set;
/// `None` when the rate is 0 (the share is off).
fn share(
    name: &str,
    rate: Option<f64>,
    burst: Option<u32>,
    default: crate::fairness::Share,
) -> Result<Option<crate::fairness::Share>, ConfigError> {
    let rate = rate.unwrap_or(default.per_second);
    if !rate.is_finite() || rate < 0.0 {
        return fail(format!(
            "{name}: must be a number of requests per second, 0 or more"
        ));
    }
    if rate == 0.0 {
        return Ok(None);
    }
    Ok(Some(crate::fairness::Share {
        per_second: rate,
        burst: burst.unwrap_or(default.burst).max(1),
    }))
}

impl Config {
    /// Reads `VIPMP_PROXY_CONFIG` (if set) and the environment, and checks them.
    ///
    /// # Errors
    /// A [`ConfigError`] naming the bad setting.
    pub fn from_env() -> Result<Self, ConfigError> {
        let raw = match std::env::var_os("VIPMP_PROXY_CONFIG") {
            Some(path) => RawConfig::from_file(std::path::Path::new(&path))?,
            None => RawConfig::default(),
        };
        raw.overlay(|name| std::env::var(name).ok())?.check()
    }
}

fn split_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

fn number<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    slot: &mut Option<T>,
) -> Result<(), ConfigError> {
    if let Some(text) = var(name) {
        let value = text.trim().parse();
        *slot = Some(value.or_else(|_| fail(format!("{name}: `{text}` is not a number")))?);
    }
    Ok(())
}

fn required<T>(name: &str, value: Option<T>) -> Result<T, ConfigError> {
    value.map_or_else(|| fail(format!("{name} is required")), Ok)
}

/// A secret that must not be empty.
fn not_empty(name: &str, secret: SecretString) -> Result<SecretString, ConfigError> {
    if secret.expose_secret().is_empty() {
        return fail(format!("{name} is empty"));
    }
    Ok(secret)
}

/// A key that must hold at least [`MIN_KEY_BYTES`] bytes (its text is never
/// echoed).
fn long_key(name: &str, key: SecretString) -> Result<SecretString, ConfigError> {
    let length = key.expose_secret().len();
    if length < MIN_KEY_BYTES {
        return fail(format!(
            "{name} is {length} bytes long; at least {MIN_KEY_BYTES} are required"
        ));
    }
    Ok(key)
}

fn millis(value: Option<u64>, default: u64) -> Duration {
    Duration::from_millis(value.unwrap_or(default).max(1))
}

/// The upstream base URL for a name or a URL.
pub fn upstream_url(name: &str) -> Result<String, ConfigError> {
    let url = match name {
        "local" => LOCAL_SANDBOX,
        "adobe-sandbox" => "https://partners-stage.adobe.io",
        "adobe-production" => "https://partners.adobe.io",
        url => url,
    };
    Ok(checked_url("upstream", url)?
        .trim_end_matches('/')
        .to_owned())
}

/// The IMS endpoint matching the upstream: stg1 for Adobe's sandbox, the
/// production host for production, the sandbox's own emulator otherwise.
pub fn default_ims(name: &str, upstream: &str) -> String {
    match name {
        "adobe-sandbox" => "https://ims-na1-stg1.adobelogin.com/ims/token/v3".to_owned(),
        "adobe-production" => "https://ims-na1.adobelogin.com/ims/token/v3".to_owned(),
        _ => format!("{upstream}/ims/token/v3"),
    }
}

/// An `http(s)://` URL without spaces.
fn checked_url(name: &str, url: &str) -> Result<String, ConfigError> {
    let scheme = url.starts_with("http://") || url.starts_with("https://");
    if scheme && url.len() > "https://".len() && !url.contains(char::is_whitespace) {
        Ok(url.to_owned())
    } else {
        fail(format!("{name}: `{url}` is not an http(s) URL"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    const MINIMAL: &[(&str, &str)] = &[
        ("VIPMP_CLIENT_ID", "id"),
        ("VIPMP_CLIENT_SECRET", "very-secret"),
        ("VIPMP_JWT_SECRET", "a-jwt-secret-of-at-least-32-bytes"),
        ("VIPMP_CORRELATION_KEY", "a-correlation-key-of-32-bytes-min"),
    ];

    /// The minimal settings with one changed.
    fn with(name: &str, value: &str) -> Result<Config, ConfigError> {
        let mut settings: Vec<(&str, &str)> = MINIMAL
            .iter()
            .copied()
            .filter(|(k, _)| *k != name)
            .collect();
        settings.push((name, value));
        RawConfig::default()
            .overlay(env(&settings))
            .and_then(RawConfig::check)
    }

    #[test]
    fn short_or_empty_secrets_stop_the_start() {
        let short = "x".repeat(MIN_KEY_BYTES - 1);
        for name in ["VIPMP_JWT_SECRET", "VIPMP_CORRELATION_KEY"] {
            for value in ["", short.as_str()] {
                let error = with(name, value).err().map(|e| e.0);
                assert!(
                    error.as_ref().is_some_and(|e| e.contains("at least 32")),
                    "{name}: {error:?}"
                );
                assert!(!error.is_some_and(|e| !value.is_empty() && e.contains(value)));
            }
            assert!(with(name, &"x".repeat(MIN_KEY_BYTES)).is_ok());
        }
        for name in ["VIPMP_CLIENT_SECRET", "VIPMP_REDIS_URL"] {
            let error = with(name, "").err().map(|e| e.0);
            assert!(error.is_some_and(|e| e.ends_with("is empty")), "{name}");
        }
    }

    #[test]
    fn the_body_read_timeout_is_read_with_a_default() {
        let config = with("VIPMP_CLIENT_ID", "id").expect("valid");
        assert_eq!(config.body_read_timeout, Duration::from_secs(10));
        let config = with("VIPMP_BODY_READ_TIMEOUT_MS", "2500").expect("valid");
        assert_eq!(config.body_read_timeout, Duration::from_millis(2500));
        assert!(with("VIPMP_BODY_READ_TIMEOUT_MS", "soon").is_err());
    }

    #[test]
    fn the_issuer_and_the_token_lifetime_are_read() {
        let config = with("VIPMP_JWT_ISSUER", "https://shop.example").expect("valid");
        assert_eq!(config.jwt_issuer.as_deref(), Some("https://shop.example"));
        assert_eq!(config.jwt_max_lifetime, Duration::from_secs(86_400));
        let config = with("VIPMP_JWT_MAX_LIFETIME_SECS", "3600").expect("valid");
        assert_eq!(config.jwt_max_lifetime, Duration::from_secs(3600));
        assert_eq!(config.jwt_issuer, None);
    }

    #[test]
    fn defaults_point_at_the_local_sandbox_on_loopback() {
        let config = RawConfig::default()
            .overlay(env(MINIMAL))
            .and_then(RawConfig::check);
        let config = config.expect("valid");
        assert_eq!(config.upstream, LOCAL_SANDBOX);
        assert_eq!(config.ims_url, format!("{LOCAL_SANDBOX}/ims/token/v3"));
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.api_key, "id");
        assert!(!format!("{config:?}").contains("very-secret"));
    }

    #[test]
    fn a_missing_or_malformed_setting_is_named() {
        let error = RawConfig::default()
            .overlay(env(&MINIMAL[..1]))
            .and_then(RawConfig::check);
        assert_eq!(
            error.err().map(|e| e.0),
            Some("client_secret is required".into())
        );
        let mut bad = MINIMAL.to_vec();
        bad.push(("VIPMP_MAX_BODY_BYTES", "lots"));
        let error = RawConfig::default().overlay(env(&bad)).err();
        assert!(error.is_some_and(|e| e.0.starts_with("VIPMP_MAX_BODY_BYTES")));
        let mut bad = MINIMAL.to_vec();
        bad.push(("VIPMP_UPSTREAM", "ftp://x"));
        let error = RawConfig::default()
            .overlay(env(&bad))
            .and_then(RawConfig::check);
        assert!(error.is_err_and(|e| e.0.starts_with("upstream")));
        let mut bad = MINIMAL.to_vec();
        bad.push(("VIPMP_RECONCILE_WINDOW_MS", "30000"));
        let error = RawConfig::default()
            .overlay(env(&bad))
            .and_then(RawConfig::check);
        assert!(error.is_err_and(|e| e.0.starts_with("reconcile_window_ms")));
    }

    #[test]
    fn shares_default_to_parts_of_the_upstream_rate_and_0_turns_them_off() {
        let config = with("VIPMP_UPSTREAM_RATE", "20").expect("valid");
        let caller = config.caller_share.expect("on by default");
        assert_eq!((caller.per_second, caller.burst), (10.0, 20));
        let reseller = config.reseller_share.expect("on by default");
        assert_eq!((reseller.per_second, reseller.burst), (15.0, 40));
        let config = with("VIPMP_CALLER_RATE", "0").expect("valid");
        assert_eq!(config.caller_share, None);
        let error = with("VIPMP_RESELLER_RATE", "-1").err();
        assert!(error.is_some_and(|e| e.0.starts_with("reseller_rate")));
        let config = with("VIPMP_REDIS_TIMEOUT_MS", "40").expect("valid");
        assert_eq!(config.redis_timeout, Duration::from_millis(40));
    }

    #[test]
    fn toml_keys_are_checked() {
        let parsed: Result<RawConfig, _> = toml::from_str("upstreem = \"local\"");
        assert!(parsed.is_err());
        let parsed: Result<RawConfig, _> = toml::from_str(
            "upstream = \"adobe-sandbox\"\nallowed_origins = [\"https://shop.example\"]",
        );
        assert!(parsed.is_ok());
    }
}
