//! The partner's IMS access token (OAuth server-to-server, client
//! credentials; FACTS.md §6), held server-side so the browser never sees it.
//!
//! One token is cached and replaced before it expires (`expires_in` is in
//! seconds for `/ims/token/v3`; a safety margin of 5 minutes, or a tenth of
//! a short lifetime). The cache sits behind an async mutex held across the
//! fetch, so however many requests wait, one fetch is made, and its outcome
//! is theirs: a failure is kept with the time of the next attempt, so the
//! waiters queued behind the failed fetch, and every request until then,
//! get the same failure without asking IMS again. While IMS keeps failing
//! the pause doubles from [`FIRST_PAUSE`] to [`LONGEST_PAUSE`] (each up to a
//! quarter longer at random); a token not yet expired is used meanwhile.
//! After an upstream 401 the caller asks for [`TokenCache::refresh`] with
//! the token that failed: only the first such caller fetches a new one.
//!
//! IMS's answer is read up to [`MAX_ANSWER_BYTES`]; an `expires_in` that is
//! negative, fractional, huge or not a number is clamped to
//! [`SHORTEST_LIFETIME`]..=[`LONGEST_LIFETIME`]. A failure is logged with
//! IMS's status and error code, never a secret, a token or IMS's free text.

use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The longest safety margin before expiry (Adobe's reference app uses 5 min).
const MARGIN: Duration = Duration::from_secs(300);

/// The largest IMS answer read (a token answer is about 2 KB).
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// The shortest lifetime a token is used for, whatever `expires_in` says:
/// a zero or negative one would make every request fetch a token.
pub const SHORTEST_LIFETIME: Duration = Duration::from_secs(60);

/// The longest lifetime a token is used for (IMS's are 24 h).
pub const LONGEST_LIFETIME: Duration = Duration::from_secs(86_400);

/// The pause after a first failed fetch.
pub const FIRST_PAUSE: Duration = Duration::from_millis(500);

/// The longest pause between fetches while IMS keeps failing.
pub const LONGEST_PAUSE: Duration = Duration::from_secs(30);

/// An access token and when to stop using it.
#[derive(Clone)]
struct Token {
    value: SecretString,
    renew_at: Instant,
    expires_at: Instant,
}

/// The last fetch's failure, while IMS is not asked again.
struct Failure {
    error: ImsError,
    retry_at: Instant,
    in_a_row: u32,
}

/// The token, and the failure being backed off from.
#[derive(Default)]
struct State {
    token: Option<Token>,
    failure: Option<Failure>,
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
    state: Mutex<State>,
}

impl TokenCache {
    /// An empty cache.
    pub fn new(client: ImsClient, http: reqwest::Client) -> Self {
        Self {
            client,
            http,
            state: Mutex::new(State::default()),
        }
    }

    /// The current token, fetched when there is none or it is due.
    ///
    /// # Errors
    /// When IMS cannot be reached or refuses, now or at the last fetch
    /// (while backing off), and no unexpired token is held.
    pub async fn token(&self) -> Result<SecretString, ImsError> {
        let mut state = self.state.lock().await;
        let now = Instant::now();
        if let Some(token) = state.token.as_ref().filter(|t| now < t.renew_at) {
            return Ok(token.value.clone());
        }
        self.renew(&mut state).await
    }

    /// A new token unless another caller already replaced `failed`.
    ///
    /// # Errors
    /// As [`TokenCache::token`].
    pub async fn refresh(&self, failed: &SecretString) -> Result<SecretString, ImsError> {
        let mut state = self.state.lock().await;
        if let Some(token) = state.token.as_ref() {
            if token.value.expose_secret() != failed.expose_secret() {
                return Ok(token.value.clone());
            }
        }
        state.token = None;
        self.renew(&mut state).await
    }

    /// One fetch unless backing off; on failure, the pause before the next
    /// and the token held if it has not expired.
    async fn renew(&self, state: &mut State) -> Result<SecretString, ImsError> {
        let backing_off = state
            .failure
            .as_ref()
            .filter(|failure| Instant::now() < failure.retry_at)
            .map(|failure| failure.error.clone());
        let result = match backing_off {
            Some(error) => Err(error),
            None => self.fetch_and_record(state).await,
        };
        result.or_else(|error| {
            let now = Instant::now();
            let held = state.token.as_ref().filter(|t| now < t.expires_at);
            held.map(|token| token.value.clone()).ok_or(error)
        })
    }

    /// A fetch whose outcome is kept: the token, or the failure and when to
    /// try again.
    async fn fetch_and_record(&self, state: &mut State) -> Result<SecretString, ImsError> {
        match self.fetch().await {
            Ok(token) => {
                state.failure = None;
                let value = token.value.clone();
                state.token = Some(token);
                Ok(value)
            }
            Err(error) => {
                let in_a_row = state.failure.as_ref().map_or(0, |f| f.in_a_row) + 1;
                let pause = crate::reconcile::jittered(pause_after(in_a_row));
                tracing::warn!(
                    reason = error.0.as_str(),
                    failures_in_a_row = in_a_row,
                    retry_in_ms = crate::millis::millis(pause),
                    "IMS token fetch failed"
                );
                state.failure = Some(Failure {
                    error: error.clone(),
                    retry_at: Instant::now() + pause,
                    in_a_row,
                });
                Err(error)
            }
        }
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
        let bytes = read_capped(response).await?;
        if !status.is_success() {
            return Err(ImsError(refusal(status.as_u16(), &bytes)));
        }
        let answer: Value = serde_json::from_slice(&bytes)
            .map_err(|_| ImsError(format!("IMS answered {status} with unreadable JSON")))?;
        let value = answer
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|token| !token.is_empty())
            .ok_or_else(|| ImsError(format!("IMS answered {status} without access_token")))?;
        let full = clamped_lifetime(answer.get("expires_in"));
        tracing::info!(expires_in_secs = full.as_secs(), "IMS token fetched");
        let now = Instant::now();
        Ok(Token {
            value: value.to_owned().into(),
            renew_at: now + lifetime(full),
            expires_at: now + full,
        })
    }
}

/// The answer's body, at most [`MAX_ANSWER_BYTES`].
async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, ImsError> {
    let too_large = || ImsError(format!("IMS answer over {MAX_ANSWER_BYTES} bytes"));
    if response
        .content_length()
        .is_some_and(|length| length > MAX_ANSWER_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    loop {
        let chunk = response
            .chunk()
            .await
            .map_err(|_| ImsError("IMS answer broke off".into()))?;
        let Some(chunk) = chunk else {
            return Ok(bytes);
        };
        if bytes.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
}

/// Why IMS refused, for the log: the status and IMS's `error` code when it
/// is a plain code (never `error_description`, which is free text).
fn refusal(status: u16, body: &[u8]) -> String {
    let code = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|answer| {
            answer
                .get("error")
                .and_then(Value::as_str)
                .filter(|code| is_plain_code(code))
                .map(str::to_owned)
        });
    match code {
        Some(code) => format!("IMS answered {status} with error code {code}"),
        None => format!("IMS answered {status}"),
    }
}

/// A short code of letters, digits, `_`, `-` or `.`.
fn is_plain_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The pause after `in_a_row` failed fetches: doubling from
/// [`FIRST_PAUSE`] up to [`LONGEST_PAUSE`].
fn pause_after(in_a_row: u32) -> Duration {
    let doublings = in_a_row.saturating_sub(1).min(16);
    FIRST_PAUSE
        .saturating_mul(1 << doublings)
        .min(LONGEST_PAUSE)
}

/// A token's lifetime from `expires_in` (seconds, any JSON), within
/// [`SHORTEST_LIFETIME`]..=[`LONGEST_LIFETIME`]; a value out of that range
/// or not a number is logged.
fn clamped_lifetime(expires_in: Option<&Value>) -> Duration {
    let seconds = expires_in.and_then(Value::as_f64).filter(|s| s.is_finite());
    let (shortest, longest) = (
        SHORTEST_LIFETIME.as_secs_f64(),
        LONGEST_LIFETIME.as_secs_f64(),
    );
    match seconds {
        Some(seconds) if (shortest..=longest).contains(&seconds) => {
            Duration::from_secs_f64(seconds)
        }
        _ => {
            let clamped = match seconds {
                Some(seconds) if seconds > longest => LONGEST_LIFETIME,
                _ => SHORTEST_LIFETIME,
            };
            let given = expires_in.map_or_else(|| "none".to_owned(), Value::to_string);
            tracing::warn!(
                expires_in = given.get(..40).unwrap_or(&given),
                used_secs = clamped.as_secs(),
                "IMS expires_in out of range; clamped"
            );
            clamped
        }
    }
}

/// How long a token living `full` is used before it is renewed.
fn lifetime(full: Duration) -> Duration {
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
    use serde_json::json;

    #[test]
    fn renews_before_expiry() {
        assert_eq!(
            lifetime(Duration::from_secs(86_399)),
            Duration::from_secs(86_099)
        );
        assert_eq!(lifetime(Duration::from_secs(100)), Duration::from_secs(90));
        assert_eq!(lifetime(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn any_expires_in_is_clamped() {
        let of = |value: Value| clamped_lifetime(Some(&value));
        assert_eq!(of(json!(3600)), Duration::from_secs(3600));
        assert_eq!(of(json!(u64::MAX)), LONGEST_LIFETIME);
        assert_eq!(of(json!(1e300)), LONGEST_LIFETIME);
        assert_eq!(of(json!(i64::MIN)), SHORTEST_LIFETIME);
        assert_eq!(of(json!(0)), SHORTEST_LIFETIME);
        assert_eq!(of(json!("3600")), SHORTEST_LIFETIME);
        assert_eq!(clamped_lifetime(None), SHORTEST_LIFETIME);
    }

    #[test]
    fn pauses_double_up_to_the_longest() {
        assert_eq!(pause_after(1), FIRST_PAUSE);
        assert_eq!(pause_after(2), FIRST_PAUSE * 2);
        assert_eq!(pause_after(3), FIRST_PAUSE * 4);
        assert_eq!(pause_after(40), LONGEST_PAUSE);
        assert_eq!(pause_after(u32::MAX), LONGEST_PAUSE);
    }

    #[test]
    fn a_refusal_names_the_status_and_code_never_the_description() {
        let body = json!({ "error": "invalid_client", "error_description": "secret=hunter2" });
        let reason = refusal(401, body.to_string().as_bytes());
        assert_eq!(reason, "IMS answered 401 with error code invalid_client");
        let odd = json!({ "error": "not a code: hunter2" });
        assert_eq!(refusal(400, odd.to_string().as_bytes()), "IMS answered 400");
        assert_eq!(refusal(500, b"<html>"), "IMS answered 500");
    }

    #[test]
    fn form_values_are_encoded() {
        assert_eq!(
            form_encode(&[("scope", "a,b c"), ("x", "é")]),
            "scope=a%2Cb+c&x=%C3%A9"
        );
    }
}
