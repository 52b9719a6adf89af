//! Credentials: the IMS-like client-credentials token endpoint and the checks
//! every Partner API call passes (FACTS.md §6).
//!
//! `X-Api-Key` must be a configured client ID (4115 when missing or unknown);
//! `Authorization: Bearer <token>` must be a token this sandbox issued and the
//! clock has not expired (4117 when missing, 4116 when invalid or expired).

use crate::adobe;
use crate::envelope::{Answer, error};
use serde_json::json;
use std::collections::HashMap;

/// The lifetime of an access token, as `/ims/token/v3` reports it (seconds).
pub const TOKEN_LIFETIME: i64 = 86_399;

/// Configured clients and the tokens issued to them.
#[derive(Debug, Default)]
pub struct Credentials {
    clients: HashMap<String, String>,
    tokens: HashMap<String, (String, i64)>,
}

/// The form of a client-credentials token request.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    /// The client ID (the API key).
    pub client_id: String,
    /// The client secret.
    pub client_secret: String,
    /// The requested scopes (*assumed*: not checked).
    pub scope: String,
}

impl Credentials {
    /// Adds a client.
    pub fn add_client(&mut self, client_id: &str, client_secret: &str) {
        self.clients
            .insert(client_id.to_owned(), client_secret.to_owned());
    }

    /// Issues a token for a client-credentials request.
    ///
    /// *Assumed*: errors use IMS's `{error, error_description}` shape with 400
    /// for a wrong grant type and 401 for unknown credentials.
    pub fn issue(&mut self, request: &TokenRequest, now: i64) -> Answer {
        if request.grant_type != "client_credentials" {
            return ims_error(400, "unsupported_grant_type");
        }
        if self.clients.get(&request.client_id) != Some(&request.client_secret) {
            return ims_error(401, "invalid_client");
        }
        let token = random_token();
        self.tokens.insert(
            token.clone(),
            (request.client_id.clone(), now + TOKEN_LIFETIME),
        );
        Answer::ok(
            200,
            json!({ "access_token": token, "token_type": "bearer", "expires_in": TOKEN_LIFETIME }),
        )
    }

    /// Checks the API key.
    ///
    /// # Errors
    /// 4115 when it is missing or unknown.
    pub fn check_key(&self, api_key: Option<&str>) -> Result<(), Answer> {
        match api_key {
            Some(key) if self.clients.contains_key(key) => Ok(()),
            _ => Err(error(adobe::INVALID_API_KEY)),
        }
    }

    /// Checks the bearer token of an `Authorization` header.
    ///
    /// # Errors
    /// 4117 when missing, 4116 when not issued here or expired.
    pub fn check_token(&self, authorization: Option<&str>, now: i64) -> Result<(), Answer> {
        let authorization = authorization.ok_or_else(|| error(adobe::MISSING_TOKEN))?;
        let token = authorization
            .strip_prefix("Bearer ")
            .ok_or_else(|| error(adobe::INVALID_TOKEN))?;
        match self.tokens.get(token.trim()) {
            Some((_, expiry)) if now < *expiry => Ok(()),
            _ => Err(error(adobe::INVALID_TOKEN)),
        }
    }
}

/// An IMS error answer.
pub(crate) fn ims_error(status: u16, code: &str) -> Answer {
    Answer::ok(status, json!({ "error": code, "error_description": code }))
}

/// 32 random bytes as hex; falls back to a clock-based value if the system
/// has no randomness.
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes[..16].copy_from_slice(&nanos.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(secret: &str) -> TokenRequest {
        TokenRequest {
            grant_type: "client_credentials".into(),
            client_id: "key".into(),
            client_secret: secret.into(),
            scope: String::new(),
        }
    }

    #[test]
    fn tokens_expire_with_the_clock() {
        let mut credentials = Credentials::default();
        credentials.add_client("key", "secret");
        assert_eq!(credentials.issue(&request("wrong"), 0).status, 401);
        let answer = credentials.issue(&request("secret"), 0);
        let token = answer.body["access_token"].as_str().unwrap_or_default();
        let header = format!("Bearer {token}");
        assert!(
            credentials
                .check_token(Some(&header), TOKEN_LIFETIME - 1)
                .is_ok()
        );
        let expired = credentials.check_token(Some(&header), TOKEN_LIFETIME);
        assert_eq!(expired.map_err(|a| a.status), Err(401));
        assert_eq!(
            credentials.check_token(None, 0).map_err(|a| a.status),
            Err(403)
        );
        assert_eq!(
            credentials.check_key(Some("nope")).map_err(|a| a.status),
            Err(403)
        );
    }
}
