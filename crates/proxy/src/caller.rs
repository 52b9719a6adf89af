//! Who is calling: the storefront's JWT, issued by the marketplace's own
//! backend, verified here before anything else happens.
//!
//! The algorithm is never taken from the token: HS256 is accepted only when a
//! shared secret is configured, RS256/ES256 only with the key of the token's
//! `kid` from the configured JWKS, and only with that key's own algorithm. So
//! `alg: none` and algorithm confusion (an HS256 token signed with a public
//! key) are refused. `sub`, `resellers`, `role`, `exp` and `aud` are required.

use crate::config::JwtKeys;
use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// What a caller may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads and writes within the caller's resellers.
    Reseller,
    /// Reads only.
    Viewer,
}

/// The claims of a caller's JWT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user (or service) at the marketplace: keys correlation IDs.
    pub sub: String,
    /// The reseller IDs this caller acts for; the first is the default.
    pub resellers: Vec<String>,
    /// What the caller may do.
    pub role: Role,
    /// Expiry, seconds since the Unix epoch.
    pub exp: u64,
    /// The audience: the proxy's configured `jwt_audience`.
    pub aud: String,
}

impl Claims {
    /// Whether the caller acts for this reseller.
    pub fn owns(&self, reseller_id: &str) -> bool {
        self.resellers.iter().any(|id| id == reseller_id)
    }
}

/// Verifies callers' JWTs.
pub struct Verifier {
    keys: Keys,
    audience: String,
}

enum Keys {
    Hs256(DecodingKey),
    Jwks(Vec<(Option<String>, Algorithm, DecodingKey)>),
}

/// Why a JWKS could not be loaded.
#[derive(Debug)]
pub struct KeyError(pub String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Verifier {
    /// A verifier for the configured keys and audience.
    ///
    /// # Errors
    /// When the JWKS file cannot be read or holds no RS256/ES256 key.
    pub fn new(keys: &JwtKeys, audience: &str) -> Result<Self, KeyError> {
        let keys = match keys {
            JwtKeys::Hs256(secret) => {
                Keys::Hs256(DecodingKey::from_secret(secret.expose_secret().as_bytes()))
            }
            JwtKeys::Jwks(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| KeyError(format!("jwks_file {}: {e}", path.display())))?;
                Keys::Jwks(jwks_keys(&text)?)
            }
        };
        Ok(Self {
            keys,
            audience: audience.to_owned(),
        })
    }

    /// The claims of a valid token; `None` for anything else.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        let (algorithm, key) = self.key_for(&header)?;
        let mut validation = Validation::new(algorithm);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "aud", "sub"]);
        validation.leeway = 30;
        let claims = jsonwebtoken::decode::<Claims>(token, key, &validation).ok()?;
        Some(claims.claims).filter(|c| !c.sub.is_empty() && !c.resellers.is_empty())
    }

    /// The one key (and its algorithm) a token with this header may use.
    fn key_for(&self, header: &Header) -> Option<(Algorithm, &DecodingKey)> {
        match &self.keys {
            Keys::Hs256(key) => (header.alg == Algorithm::HS256).then_some((Algorithm::HS256, key)),
            Keys::Jwks(keys) => keys
                .iter()
                .find(|(kid, alg, _)| *alg == header.alg && (kid.is_none() || *kid == header.kid))
                .map(|(_, alg, key)| (*alg, key)),
        }
    }
}

/// The RS256 and ES256 keys of a JWKS document; other keys are skipped.
fn jwks_keys(text: &str) -> Result<Vec<(Option<String>, Algorithm, DecodingKey)>, KeyError> {
    let set: JwkSet = serde_json::from_str(text).map_err(|e| KeyError(format!("jwks: {e}")))?;
    let keys: Vec<_> = set
        .keys
        .iter()
        .filter_map(|jwk| {
            let algorithm = match &jwk.algorithm {
                AlgorithmParameters::RSA(_) => Algorithm::RS256,
                AlgorithmParameters::EllipticCurve(_) => Algorithm::ES256,
                _ => return None,
            };
            let key = DecodingKey::from_jwk(jwk).ok()?;
            Some((jwk.common.key_id.clone(), algorithm, key))
        })
        .collect();
    if keys.is_empty() {
        return Err(KeyError("jwks: no RS256 or ES256 key".into()));
    }
    Ok(keys)
}

/// Mints an HS256 token, for development and tests (the `mint-jwt` command).
///
/// # Errors
/// When encoding fails.
pub fn mint(claims: &Claims, secret: &SecretString) -> Result<String, jsonwebtoken::errors::Error> {
    let key = EncodingKey::from_secret(secret.expose_secret().as_bytes());
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &key)
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            sub: "u1".into(),
            resellers: vec!["5000000101".into()],
            role: Role::Reseller,
            exp: now() + 600,
            aud: "vipmp-proxy".into(),
        }
    }

    fn verifier() -> Verifier {
        let keys = JwtKeys::Hs256("s3cret".to_owned().into());
        Verifier::new(&keys, "vipmp-proxy").expect("keys")
    }

    #[test]
    fn a_minted_token_verifies() {
        let token = mint(&claims(), &"s3cret".to_owned().into()).expect("mint");
        assert_eq!(verifier().verify(&token), Some(claims()));
    }

    #[test]
    fn wrong_secret_audience_expiry_are_refused() {
        let token = mint(&claims(), &"other".to_owned().into()).expect("mint");
        assert!(verifier().verify(&token).is_none());
        let mut wrong = claims();
        wrong.aud = "someone-else".into();
        let token = mint(&wrong, &"s3cret".to_owned().into()).expect("mint");
        assert!(verifier().verify(&token).is_none());
        wrong = claims();
        wrong.exp = now() - 3600;
        let token = mint(&wrong, &"s3cret".to_owned().into()).expect("mint");
        assert!(verifier().verify(&token).is_none());
    }

    #[test]
    fn hs384_and_garbage_are_refused() {
        let key = EncodingKey::from_secret(b"s3cret");
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS384), &claims(), &key);
        assert!(verifier().verify(&token.expect("encode")).is_none());
        assert!(verifier().verify("not.a.jwt").is_none());
        assert!(verifier().verify("").is_none());
    }

    #[test]
    fn a_jwks_without_usable_keys_is_an_error() {
        assert!(jwks_keys(r#"{"keys":[]}"#).is_err());
        assert!(jwks_keys("nope").is_err());
    }
}
