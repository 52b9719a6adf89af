//! The partner's IMS access token (OAuth server-to-server, client
//! credentials; FACTS.md §6), held server-side so the browser never sees it.
//!
//! One token is cached and replaced before it expires (`expires_in` is in
//! seconds for `/ims/token/v3`; a safety margin of 5 minutes, or a tenth of
//! a short lifetime). The cache sits behind an async mutex held across the
//! fetch, so however many requests wait, one fetch is made. After an upstream
//! 401 the caller asks for [`TokenCache::refresh`] with the token that failed:
//! only the first such caller fetches a new one.

use secrecy::{ExposeSecret, SecretString};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The longest safety margin before expiry (Adobe's reference app uses 5 min).
const MARGIN: Duration = Duration::from_secs(300);

/// An access token and when to stop using it.
#[derive(Clone)]
struct Token {
    value: SecretString,
    renew_at: Instant,
}

/// Why no token could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsError(pub String);

/// How to ask IMS for a token.
pub struct ImsClient {
    /// The token endpoint.
    pub url: String,
    /// The client ID.
    pub client_id: String,
    /// The client secret.
    pub client_secret: SecretString,
    /// The scopes.
    pub scope: String,
}

/// The cached token.
pub struct TokenCache {
    client: ImsClient,
    http: reqwest::Client,
    current: Mutex<Option<Token>>,
}

#[derive(serde::Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: u64,
}

impl TokenCache {
    /// An empty cache.
    pub fn new(client: ImsClient, http: reqwest::Client) -> Self {
        Self {
            client,
            http,
            current: Mutex::new(None),
        }
    }

    /// The current token, fetched when there is none or it is due.
    ///
    /// # Errors
    /// When IMS cannot be reached or refuses.
    pub async fn token(&self) -> Result<SecretString, ImsError> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(token.value.clone());
        }
        let token = self.fetch().await?;
        *current = Some(token.clone());
        Ok(token.value)
    }

    /// A new token unless another caller already replaced `failed`.
    ///
    /// # Errors
    /// As [`TokenCache::token`].
    pub async fn refresh(&self, failed: &SecretString) -> Result<SecretString, ImsError> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref() {
            if token.value.expose_secret() != failed.expose_secret() {
                return Ok(token.value.clone());
            }
        }
        let token = self.fetch().await?;
        *current = Some(token.clone());
        Ok(token.value)
    }

    /// One client-credentials request.
    async fn fetch(&self) -> Result<Token, ImsError> {
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client.client_id.as_str()),
            ("client_secret", self.client.client_secret.expose_secret()),
            ("scope", self.client.scope.as_str()),
        ];
        let body = form_encode(&form);
        let response = self
            .http
            .post(&self.client.url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map_err(|e| ImsError(format!("IMS unreachable: {}", e.without_url())))?;
        let status = response.status();
        if !status.is_success() {
            return Err(ImsError(format!("IMS answered {status}")));
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|_| ImsError("IMS body".into()))?;
        let answer: TokenAnswer =
            serde_json::from_slice(&bytes).map_err(|_| ImsError("IMS answer unreadable".into()))?;
        tracing::info!(expires_in = answer.expires_in, "IMS token fetched");
        Ok(Token {
            value: answer.access_token.into(),
            renew_at: Instant::now() + lifetime(answer.expires_in),
        })
    }
}

/// How long a token of `expires_in` seconds is used.
fn lifetime(expires_in: u64) -> Duration {
    let full = Duration::from_secs(expires_in);
    full.saturating_sub(MARGIN.min(full / 10))
}

/// `application/x-www-form-urlencoded`.
fn form_encode(pairs: &[(&str, &str)]) -> String {
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    pairs.join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                char::from(byte).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renews_before_expiry() {
        assert_eq!(lifetime(86_399), Duration::from_secs(86_099));
        assert_eq!(lifetime(100), Duration::from_secs(90));
        assert_eq!(lifetime(0), Duration::ZERO);
    }

    #[test]
    fn form_values_are_encoded() {
        assert_eq!(
            form_encode(&[("scope", "a,b c"), ("x", "é")]),
            "scope=a%2Cb+c&x=%C3%A9"
        );
    }
}
