//! Who is calling: the storefront's JWT, issued by the marketplace's own
//! backend, verified here before anything else happens.
//!
//! The algorithm is never taken from the token: HS256 is accepted only when a
//! shared secret is configured, RS256/ES256 only with the key of the token's
//! `kid` from the configured JWKS, and only with that key's own algorithm
//! (a JWK whose `use` is not `sig`, or whose `alg` names another algorithm,
//! is not loaded). So `alg: none` and algorithm confusion (an HS256 token
//! signed with a public key) are refused. `sub`, `resellers`, `role`, `exp`
//! and `aud` are required; `nbf` is checked when present, `iss` when an
//! issuer is configured (then required). A stolen token is bounded too: one
//! that expires further away than the maximum lifetime (24 h by default), or
//! whose `exp - iat` exceeds it, is refused.

use crate::config::JwtKeys;
use jsonwebtoken::jwk::{AlgorithmParameters, Jwk, JwkSet, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Seconds of clock skew allowed on `exp`, `nbf` and the lifetime cap.
const LEEWAY: u64 = 30;

/// The longest token lifetime accepted when none is configured: 24 hours.
pub const DEFAULT_MAX_LIFETIME: Duration = Duration::from_secs(86_400);

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

/// The claims as decoded, with the issue time the lifetime cap reads.
#[derive(Deserialize)]
struct Stamped {
    #[serde(flatten)]
    claims: Claims,
    #[serde(default)]
    iat: Option<u64>,
}

/// Verifies callers' JWTs.
pub struct Verifier {
    keys: Keys,
    audience: String,
    issuer: Option<String>,
    max_lifetime: u64,
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
            issuer: None,
            max_lifetime: DEFAULT_MAX_LIFETIME.as_secs(),
        })
    }

    /// Requires this `iss` (when `Some`).
    #[must_use]
    pub fn with_issuer(mut self, issuer: Option<String>) -> Self {
        self.issuer = issuer;
        self
    }

    /// Refuses tokens that live longer than this.
    #[must_use]
    pub fn with_max_lifetime(mut self, max_lifetime: Duration) -> Self {
        self.max_lifetime = max_lifetime.as_secs();
        self
    }

    /// The claims of a valid token; `None` for anything else.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        let (algorithm, key) = self.key_for(&header)?;
        let validation = self.validation(algorithm);
        let stamped = jsonwebtoken::decode::<Stamped>(token, key, &validation)
            .ok()?
            .claims;
        let Stamped { claims, iat } = stamped;
        let usable = !claims.sub.is_empty() && !claims.resellers.is_empty();
        (usable && self.lifetime_allowed(claims.exp, iat)).then_some(claims)
    }

    /// The checks the library makes: signature, `exp`, `nbf`, `aud`, `iss`.
    fn validation(&self, algorithm: Algorithm) -> Validation {
        let mut validation = Validation::new(algorithm);
        validation.set_audience(&[&self.audience]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY;
        let mut required = vec!["exp", "aud", "sub"];
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            required.push("iss");
        }
        validation.set_required_spec_claims(&required);
        validation
    }

    /// Whether a token expiring at `exp` (issued at `iat`, if said) lives no
    /// longer than the maximum.
    fn lifetime_allowed(&self, exp: u64, iat: Option<u64>) -> bool {
        let left = exp.saturating_sub(now());
        let whole = iat.map_or(0, |iat| exp.saturating_sub(iat));
        left <= self.max_lifetime + LEEWAY && whole <= self.max_lifetime + LEEWAY
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
            let algorithm = signing_algorithm(jwk)?;
            let key = DecodingKey::from_jwk(jwk).ok()?;
            Some((jwk.common.key_id.clone(), algorithm, key))
        })
        .collect();
    if keys.is_empty() {
        return Err(KeyError("jwks: no RS256 or ES256 key".into()));
    }
    Ok(keys)
}

/// The algorithm a JWK verifies signatures with: RS256 for an RSA key,
/// ES256 for an EC key; `None` for another kind, for a key whose `use` is not
/// `sig`, or whose `alg` names another algorithm.
fn signing_algorithm(jwk: &Jwk) -> Option<Algorithm> {
    let (algorithm, named) = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => (Algorithm::RS256, KeyAlgorithm::RS256),
        AlgorithmParameters::EllipticCurve(_) => (Algorithm::ES256, KeyAlgorithm::ES256),
        _ => return None,
    };
    let common = &jwk.common;
    let for_signing = common
        .public_key_use
        .as_ref()
        .is_none_or(|key_use| *key_use == PublicKeyUse::Signature);
    let same_algorithm = common.key_algorithm.is_none_or(|alg| alg == named);
    (for_signing && same_algorithm).then_some(algorithm)
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

    /// Signs arbitrary claims with the test secret.
    fn signed(claims: &serde_json::Value) -> String {
        let key = EncodingKey::from_secret(b"s3cret");
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &key).expect("encode")
    }

    fn raw_claims() -> serde_json::Value {
        serde_json::to_value(claims()).expect("claims")
    }

    #[test]
    fn a_token_not_yet_valid_is_refused() {
        let mut early = raw_claims();
        early["nbf"] = (now() + 3600).into();
        assert!(verifier().verify(&signed(&early)).is_none());
        early["nbf"] = (now() - 10).into();
        assert!(verifier().verify(&signed(&early)).is_some());
    }

    #[test]
    fn a_configured_issuer_is_required() {
        let strict = verifier().with_issuer(Some("https://shop.example".into()));
        assert!(strict.verify(&signed(&raw_claims())).is_none(), "no iss");
        let mut other = raw_claims();
        other["iss"] = "https://evil.example".into();
        assert!(strict.verify(&signed(&other)).is_none());
        let mut right = raw_claims();
        right["iss"] = "https://shop.example".into();
        assert!(strict.verify(&signed(&right)).is_some());
    }

    #[test]
    fn tokens_living_longer_than_the_maximum_are_refused() {
        let mut forever = raw_claims();
        forever["exp"] = (now() + 30 * 86_400).into();
        assert!(verifier().verify(&signed(&forever)).is_none());
        let mut long = raw_claims();
        long["iat"] = (now() - 2 * 86_400).into();
        assert!(verifier().verify(&signed(&long)).is_none(), "exp - iat");
        let short = verifier().with_max_lifetime(Duration::from_secs(60));
        assert!(
            short.verify(&signed(&raw_claims())).is_none(),
            "600 s > 60 s"
        );
    }

    /// A JWKS with one EC key, its `use` and `alg` as given.
    fn ec_jwks(extra: &str) -> String {
        format!(
            r#"{{"keys":[{{"kty":"EC","crv":"P-256","kid":"k1",{extra}
            "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}}]}}"#
        )
    }

    #[test]
    fn a_jwk_for_another_use_or_algorithm_is_not_loaded() {
        assert!(jwks_keys(&ec_jwks("")).is_ok());
        assert!(jwks_keys(&ec_jwks(r#""use":"sig","alg":"ES256","#)).is_ok());
        assert!(jwks_keys(&ec_jwks(r#""use":"enc","#)).is_err());
        assert!(jwks_keys(&ec_jwks(r#""alg":"RS256","#)).is_err());
    }

    #[test]
    fn a_jwks_without_usable_keys_is_an_error() {
        assert!(jwks_keys(r#"{"keys":[]}"#).is_err());
        assert!(jwks_keys("nope").is_err());
    }
}
