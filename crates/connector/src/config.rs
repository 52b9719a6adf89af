//! The connector's settings, from `VIPMP_*` variables, checked once at start.
//!
//! The outbound settings are the proxy's (same names, same meaning:
//! `VIPMP_UPSTREAM`, `VIPMP_CLIENT_ID`, `VIPMP_CLIENT_SECRET`, `VIPMP_API_KEY`,
//! `VIPMP_IMS_URL`, `VIPMP_IMS_SCOPE`, `VIPMP_UPSTREAM_RATE`, `VIPMP_INSTANCES`,
//! `VIPMP_REDIS_URL`, `VIPMP_UPSTREAM_TIMEOUT_MS`), so a connector beside a
//! proxy shares its rate through the same Redis key. The platform's
//! credential is the connector's own (`VIPMP_CONNECTOR_SECRET`, at least
//! [`MIN_KEY_BYTES`]): a storefront caller's JWT never reaches this endpoint,
//! and the platform's secret never signs a storefront token.

use secrecy::{ExposeSecret, SecretString};
use std::net::SocketAddr;
use std::time::Duration;
use vipmp_proxy::config::{ConfigError, DEFAULT_RATE, DEFAULT_SCOPE, MIN_KEY_BYTES};

/// The checked settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the connector listens (`VIPMP_CONNECTOR_LISTEN`, 127.0.0.1:8090).
    pub listen: SocketAddr,
    /// The platform's bearer secret (`VIPMP_CONNECTOR_SECRET`).
    pub platform_secret: SecretString,
    /// `sqlite:PATH` or `postgres://…` (`VIPMP_CONNECTOR_STORE`,
    /// `sqlite:vipmp-connector.db`).
    pub store: SecretString,
    /// This instance's name in leases (`VIPMP_CONNECTOR_INSTANCE`, random).
    pub instance: String,
    /// How long a claim is held before another instance may take it over
    /// (`VIPMP_CLAIM_LEASE_MS`, 30 s).
    pub claim_lease: Duration,
    /// How long a busy record is waited for (`VIPMP_CLAIM_WAIT_MS`, 10 s).
    pub claim_wait: Duration,
    /// How long a 5xx's account is searched for (`VIPMP_RECONCILE_WINDOW_MS`, 5 s).
    pub reconcile_window: Duration,
    /// The distributor resellers are created under (`VIPMP_DISTRIBUTOR_ID`).
    pub distributor_id: String,
    /// The distributor's own reseller, for direct customers (`VIPMP_OWN_RESELLER_ID`).
    pub own_reseller_id: Option<String>,
    /// The endpoint's "Reseller Support" option (`VIPMP_RESELLER_SUPPORT`, true).
    pub reseller_support: bool,
    /// The Partner API base URL.
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
    /// Upstream calls per second, all instances.
    pub upstream_rate: u32,
    /// Instances sharing the rate.
    pub instances: u32,
    /// Redis for the shared pacer.
    pub redis_url: Option<SecretString>,
    /// Timeout of one upstream attempt.
    pub upstream_timeout: Duration,
}

fn fail<T>(message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(message.into()))
}

impl Config {
    /// Reads the settings that `var` finds.
    ///
    /// # Errors
    /// The first missing or malformed setting, by name (secrets never echoed).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let listen = var("VIPMP_CONNECTOR_LISTEN").unwrap_or_else(|| "127.0.0.1:8090".into());
        let listen = listen.parse().or_else(|_| {
            fail(format!(
                "VIPMP_CONNECTOR_LISTEN: `{listen}` is not an address:port"
            ))
        })?;
        let name = var("VIPMP_UPSTREAM").unwrap_or_else(|| "local".into());
        let upstream = vipmp_proxy::config::upstream_url(&name)?;
        let ims_url = var("VIPMP_IMS_URL")
            .unwrap_or_else(|| vipmp_proxy::config::default_ims(&name, &upstream));
        let client_id = required(&var, "VIPMP_CLIENT_ID")?;
        let instance = var("VIPMP_CONNECTOR_INSTANCE")
            .unwrap_or_else(|| format!("connector-{}", vipmp_proxy::ids::random_hex()));
        Ok(Self {
            listen,
            platform_secret: long_key(&var, "VIPMP_CONNECTOR_SECRET")?,
            store: var("VIPMP_CONNECTOR_STORE")
                .unwrap_or_else(|| "sqlite:vipmp-connector.db".into())
                .into(),
            instance,
            claim_lease: millis(&var, "VIPMP_CLAIM_LEASE_MS", 30_000)?,
            claim_wait: millis(&var, "VIPMP_CLAIM_WAIT_MS", 10_000)?,
            reconcile_window: millis(&var, "VIPMP_RECONCILE_WINDOW_MS", 5_000)?,
            distributor_id: required(&var, "VIPMP_DISTRIBUTOR_ID")?,
            own_reseller_id: var("VIPMP_OWN_RESELLER_ID").filter(|id| !id.is_empty()),
            reseller_support: match var("VIPMP_RESELLER_SUPPORT").as_deref() {
                None | Some("true" | "1") => true,
                Some("false" | "0") => false,
                Some(other) => {
                    return fail(format!(
                        "VIPMP_RESELLER_SUPPORT: `{other}` is not true or false"
                    ));
                }
            },
            upstream,
            ims_url,
            ims_scope: var("VIPMP_IMS_SCOPE").unwrap_or_else(|| DEFAULT_SCOPE.into()),
            client_secret: required(&var, "VIPMP_CLIENT_SECRET")?.into(),
            api_key: var("VIPMP_API_KEY").unwrap_or_else(|| client_id.clone()),
            client_id,
            upstream_rate: number(&var, "VIPMP_UPSTREAM_RATE", DEFAULT_RATE)?.max(1),
            instances: number(&var, "VIPMP_INSTANCES", 1)?.max(1),
            redis_url: var("VIPMP_REDIS_URL")
                .filter(|u| !u.is_empty())
                .map(Into::into),
            upstream_timeout: millis(&var, "VIPMP_UPSTREAM_TIMEOUT_MS", 10_000)?,
        })
    }

    /// Reads the process environment.
    ///
    /// # Errors
    /// As [`Config::from_vars`].
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_vars(|name| std::env::var(name).ok())
    }
}

fn required(var: &impl Fn(&str) -> Option<String>, name: &str) -> Result<String, ConfigError> {
    match var(name) {
        Some(value) if !value.is_empty() => Ok(value),
        _ => fail(format!("{name} is required")),
    }
}

/// A secret of at least [`MIN_KEY_BYTES`] bytes.
fn long_key(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
) -> Result<SecretString, ConfigError> {
    let key: SecretString = required(var, name)?.into();
    let length = key.expose_secret().len();
    if length < MIN_KEY_BYTES {
        return fail(format!(
            "{name} is {length} bytes long; at least {MIN_KEY_BYTES} are required"
        ));
    }
    Ok(key)
}

fn number<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
) -> Result<T, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .or_else(|_| fail(format!("{name}: `{text}` is not a number"))),
    }
}

fn millis(
    var: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: u64,
) -> Result<Duration, ConfigError> {
    Ok(Duration::from_millis(number(var, name, default)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let base = [
            ("VIPMP_CLIENT_ID", "id"),
            ("VIPMP_CLIENT_SECRET", "secret"),
            ("VIPMP_DISTRIBUTOR_ID", "1000000001"),
            (
                "VIPMP_CONNECTOR_SECRET",
                "a-platform-secret-of-32-bytes-min",
            ),
        ];
        Config::from_vars(|name| {
            pairs
                .iter()
                .chain(base.iter())
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_platform_secret_must_be_long() {
        let short = with(&[("VIPMP_CONNECTOR_SECRET", "short-secret")]);
        assert!(short.is_err_and(|e| e.0.contains("at least 32") && !e.0.contains("short-secret")));
        let config = with(&[]).expect("valid");
        assert!(config.reseller_support);
        assert_eq!(config.upstream, vipmp_proxy::config::LOCAL_SANDBOX);
        assert!(!format!("{config:?}").contains("a-platform-secret"));
        let off = with(&[("VIPMP_RESELLER_SUPPORT", "false")]).expect("valid");
        assert!(!off.reseller_support);
        assert!(with(&[("VIPMP_RESELLER_SUPPORT", "maybe")]).is_err());
    }
}
