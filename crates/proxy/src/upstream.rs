//! Sending one intent to the Partner API, with the retries its idempotency
//! contract allows (FACTS.md §6).
//!
//! Every attempt gets a new `X-Request-Id`; all attempts of one intent share
//! its correlation ID. A retry happens only when it cannot duplicate work:
//! after no response at all (timeout, connection lost: Adobe replays the
//! stored answer if the first attempt did land), after a 429 (with jittered
//! backoff), and once after a 401 with a freshly fetched IMS token. A 5xx is
//! returned as it is, never retried blindly. The upstream host is fixed by
//! configuration and redirects are never followed (see [`client`]).
//!
//! What a call needs (base URL, API key, HTTP client, IMS token, pacer) is one
//! [`Link`], so every server of the workspace that talks to Adobe (the proxy,
//! the account-sync connector) sends through the same pacing, token cache and
//! retry rules instead of a copy of them.

use crate::error::ProxyError;
use crate::ids::random_hex;
use crate::{ims, pacer};
use axum::body::Bytes;
use secrecy::ExposeSecret;
use std::time::Duration;

/// The outbound side of a server: everything [`send`] needs.
pub struct Link {
    /// The Partner API base URL, without a trailing slash.
    pub base: String,
    /// The `X-Api-Key` value.
    pub api_key: String,
    /// The largest upstream body read.
    pub max_body_bytes: usize,
    /// The HTTP client (see [`client`]).
    pub http: reqwest::Client,
    /// The partner's IMS token.
    pub tokens: ims::TokenCache,
    /// Paces every attempt below Adobe's rate limit.
    pub pacer: pacer::Pacer,
}

/// Attempts made for one intent, all causes together.
const ATTEMPTS: u32 = 3;

/// One call, ready to send.
pub struct Outbound {
    /// The method.
    pub method: reqwest::Method,
    /// The path and query, relative to the upstream base URL.
    pub url: String,
    /// The body, when the endpoint takes one.
    pub body: Option<Bytes>,
    /// The intent's correlation ID.
    pub correlation_id: String,
}

/// What the upstream answered.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body, at most the configured size.
    pub body: Bytes,
    /// The request ID of the attempt that got the answer.
    pub request_id: String,
}

/// The HTTP client: rustls, no redirects, connect and whole-attempt timeouts.
///
/// # Errors
/// When the TLS backend cannot be set up.
pub fn client(timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout.min(Duration::from_secs(5)))
        .timeout(timeout)
        .use_rustls_tls()
        .build()
}

/// Sends the intent, retrying as the contract allows.
///
/// # Errors
/// 503 when the pacer sheds the call, 504 when no attempt got an answer, 502 for an answer whose body broke off
/// or exceeded the cap (not retried: the call may have taken effect), 503
/// without a token.
pub async fn send(link: &Link, outbound: &Outbound) -> Result<Answer, ProxyError> {
    let mut token = link.tokens.token().await.map_err(|_| ProxyError::NoToken)?;
    let mut refreshed = false;
    for attempt in 0..ATTEMPTS {
        link.pacer.acquire().await.map_err(|_| ProxyError::Busy)?;
        let request_id = random_hex();
        let request = build(link, outbound, &request_id, token.expose_secret())?;
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => {
                tracing::warn!(
                    attempt,
                    timeout = error.is_timeout(),
                    "upstream gave no response"
                );
                continue;
            }
        };
        match response.status().as_u16() {
            401 if !refreshed => {
                refreshed = true;
                token = link
                    .tokens
                    .refresh(&token)
                    .await
                    .map_err(|_| ProxyError::NoToken)?;
            }
            429 if attempt + 1 < ATTEMPTS => tokio::time::sleep(backoff(attempt)).await,
            status => {
                // An answer did arrive: whatever its body, no blind retry.
                let body = read_capped(response, link.max_body_bytes).await;
                return body
                    .map(|body| Answer {
                        status,
                        body,
                        request_id,
                    })
                    .ok_or(ProxyError::BadGateway);
            }
        }
    }
    Err(ProxyError::GatewayTimeout)
}

/// One attempt's request: exactly the headers the core's
/// [`vipmp::request::attempt`] gives for this try's IDs and credentials.
fn build(
    link: &Link,
    outbound: &Outbound,
    request_id: &str,
    token: &str,
) -> Result<reqwest::RequestBuilder, ProxyError> {
    let ids = vipmp::request::Ids {
        correlation_id: outbound.correlation_id.clone(),
        request_id: request_id.to_owned(),
    };
    let auth = vipmp::request::Auth {
        api_key: Some(link.api_key.clone()),
        access_token: Some(token.to_owned()),
    };
    let headers = vipmp::request::attempt(&ids, &auth).map_err(|report| {
        // Only a credential that cannot be a header value gets here (the IDs
        // are made by this proxy): the configuration's fault, not the caller's.
        tracing::error!(
            violations = report.violations.len(),
            "upstream credentials are not sendable as headers"
        );
        ProxyError::BadGateway
    })?;
    let url = format!("{}{}", link.base, outbound.url);
    let mut request = link.http.request(outbound.method.clone(), url);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    if let Some(body) = &outbound.body {
        request = request.body(body.clone());
    }
    Ok(request)
}

/// The body, or `None` when it breaks off or exceeds `cap`.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Option<Bytes> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.ok()? {
        if body.len() + chunk.len() > cap {
            tracing::warn!(cap, "upstream body over the cap");
            return None;
        }
        body.extend_from_slice(&chunk);
    }
    Some(body.into())
}

/// 200 ms, 400 ms, … plus up to 100 ms of jitter.
fn backoff(attempt: u32) -> Duration {
    let jitter = random_hex()
        .get(..2)
        .and_then(|hex| u64::from_str_radix(hex, 16).ok())
        .unwrap_or(0)
        % 100;
    Duration::from_millis(200 * 2u64.pow(attempt.min(4)) + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter() {
        let first = backoff(0);
        assert!(first >= Duration::from_millis(200) && first < Duration::from_millis(300));
        assert!(backoff(1) >= Duration::from_millis(400));
        assert!(backoff(40) < Duration::from_secs(4));
    }
}
