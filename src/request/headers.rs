//! The headers every call carries.
//!
//! Source: reference Appendix 1 "Headers" and FACTS.md §1 (current
//! `references/api-headers.md`): `X-Api-Key`, `Authorization: Bearer <token>`,
//! `X-Correlation-Id` (required, idempotency), `Accept` and `Content-Type`
//! (`application/json`), and `X-Request-Id` (unique per request). The IDs come
//! from the caller, which owns the randomness (see [`super::Intent`]); the
//! credentials are optional because the proxy adds them server-side
//! (DESIGN.md, "Proxy").

use crate::input::FromJson;
use crate::report::{Code, Finding, Path, Report};
use serde::Deserialize;

/// The two IDs of one attempt.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Deserialize,
    serde::Serialize,
    FromJson,
    crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Ids {
    /// `X-Correlation-Id`: one per intent, reused only for a retry after a timeout.
    pub correlation_id: String,
    /// `X-Request-Id`: new for every attempt.
    pub request_id: String,
}

/// Credentials, when the caller (not the proxy) adds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Auth {
    /// `X-Api-Key`, the integration's client ID.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub api_key: Option<String>,
    /// The IMS access token, sent as `Authorization: Bearer <token>`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub access_token: Option<String>,
}

/// The media type of every body and answer (reference Appendix 1).
pub const JSON: &str = "application/json";

/// Whether text can be a header value as sent: visible ASCII, no spaces.
fn is_header_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_graphic())
}

/// Checks one ID or credential at its path.
fn check_token(text: &str, path: &Path, report: &mut Report) {
    if text.is_empty() {
        report.add(path, Finding::new(Code::FieldRequired));
    } else if !is_header_token(text) {
        let expected = "visible ASCII without spaces (an HTTP header value)";
        report.add(
            path,
            Finding::new(Code::TypeInvalid).with("expected", expected),
        );
    }
}

/// Checks the IDs and any credentials, each at `ids.…` or `auth.…`.
pub(crate) fn check(ids: &Ids, auth: &Auth, report: &mut Report) {
    let root = Path::root().key("ids");
    check_token(&ids.correlation_id, &root.key("correlationId"), report);
    check_token(&ids.request_id, &root.key("requestId"), report);
    let root = Path::root().key("auth");
    if let Some(key) = &auth.api_key {
        check_token(key, &root.key("apiKey"), report);
    }
    if let Some(token) = &auth.access_token {
        check_token(token, &root.key("accessToken"), report);
    }
}

/// The headers of one attempt, in a stable order.
pub(crate) fn headers(ids: &Ids, auth: &Auth) -> Vec<(String, String)> {
    let mut headers = vec![
        ("Accept".to_owned(), JSON.to_owned()),
        ("Content-Type".to_owned(), JSON.to_owned()),
        ("X-Correlation-Id".to_owned(), ids.correlation_id.clone()),
        ("X-Request-Id".to_owned(), ids.request_id.clone()),
    ];
    if let Some(key) = &auth.api_key {
        headers.push(("X-Api-Key".to_owned(), key.clone()));
    }
    if let Some(token) = &auth.access_token {
        headers.push(("Authorization".to_owned(), format!("Bearer {token}")));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Ids {
        Ids {
            correlation_id: "c-1".into(),
            request_id: "r-1".into(),
        }
    }

    #[test]
    fn the_required_set_without_credentials() {
        let names: Vec<String> = headers(&ids(), &Auth::default())
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(
            names,
            ["Accept", "Content-Type", "X-Correlation-Id", "X-Request-Id"]
        );
    }

    #[test]
    fn credentials_as_the_spec_writes_them() {
        let auth = Auth {
            api_key: Some("key".into()),
            access_token: Some("tok".into()),
        };
        let all = headers(&ids(), &auth);
        assert!(all.contains(&("X-Api-Key".into(), "key".into())));
        assert!(all.contains(&("Authorization".into(), "Bearer tok".into())));
    }

    #[test]
    fn missing_or_unsendable_ids_are_violations() {
        let mut report = Report::new();
        let bad = Ids {
            correlation_id: String::new(),
            request_id: "r 1\n".into(),
        };
        check(&bad, &Auth::default(), &mut report);
        let found: Vec<String> = report
            .violations
            .iter()
            .map(|v| format!("{} {}", v.path, v.code))
            .collect();
        assert_eq!(
            found,
            [
                "ids.correlationId field.required",
                "ids.requestId type.invalid"
            ]
        );
    }
}
