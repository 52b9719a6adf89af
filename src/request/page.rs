//! Following the `next` and `prev` links of a page of results.
//!
//! Source: reference, Get Order History ("Links to next and prev will be
//! included in the response if there is a valid next or previous page"); the
//! links are relative URIs with their query (`/v3/customers/<id>/orders?offset=6&limit=3`).
//! A link is followed only when it stays on the Partner API (`/v3/…`, a `GET`),
//! so a tampered response cannot send the caller's credentials elsewhere.

use super::{Auth, Ids, Method, RequestSpec, headers};
use crate::report::{Code, Finding, Path, Report};
use crate::resource::{Link, Links};
use crate::validate::parse_query_string;

/// The request for a link, with this attempt's IDs.
///
/// # Errors
/// A [`Report`] at `link.uri` when the link leaves the API or is not a `GET`,
/// and at `ids.…`/`auth.…` as [`super::build`].
pub fn follow(link: &Link, ids: &Ids, auth: &Auth) -> Result<RequestSpec, Report> {
    let mut report = Report::new();
    let (path, query) = link.uri.split_once('?').unwrap_or((&link.uri, ""));
    if !is_api_path(path) {
        let reason = "the link does not stay on the Partner API";
        report.add(
            &Path::root().key("link").key("uri"),
            Finding::new(Code::FieldNotAllowed).with("reason", reason),
        );
    }
    if !link.method.is_empty() && !link.method.eq_ignore_ascii_case("GET") {
        report.add(
            &Path::root().key("link").key("method"),
            Finding::new(Code::EnumInvalid).with("allowed", "GET"),
        );
    }
    headers::check(ids, auth, &mut report);
    report.into_result()?;
    Ok(RequestSpec {
        method: Method::Get,
        path: path.to_owned(),
        query: parse_query_string(query),
        headers: headers::headers(ids, auth),
        body: None,
    })
}

/// Whether a path is a plain path under `/v3/`: no scheme, no host, no dot
/// segments, no fragment, nothing that is not already URL-safe.
fn is_api_path(path: &str) -> bool {
    path.starts_with("/v3/")
        && path
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'#' && b != b'\\')
        && !path
            .split('/')
            .any(|segment| segment == "." || segment == "..")
}

/// The request for the next page, when there is one.
///
/// # Errors
/// As [`follow`].
pub fn next_page(links: &Links, ids: &Ids, auth: &Auth) -> Option<Result<RequestSpec, Report>> {
    links.next.as_ref().map(|link| follow(link, ids, auth))
}

/// The request for the previous page, when there is one.
///
/// # Errors
/// As [`follow`].
pub fn prev_page(links: &Links, ids: &Ids, auth: &Auth) -> Option<Result<RequestSpec, Report>> {
    links.prev.as_ref().map(|link| follow(link, ids, auth))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Ids {
        Ids {
            correlation_id: "c".into(),
            request_id: "r".into(),
        }
    }

    fn link(uri: &str) -> Link {
        Link {
            uri: uri.into(),
            method: "GET".into(),
            headers: Vec::new(),
        }
    }

    #[test]
    fn the_spec_next_link_is_followed() {
        let links = Links {
            next: Some(link("/v3/customers/9876543210/orders?offset=6&limit=3")),
            ..Links::default()
        };
        let spec = next_page(&links, &ids(), &Auth::default())
            .expect("a next page")
            .expect("valid");
        assert_eq!(spec.path, "/v3/customers/9876543210/orders");
        assert_eq!(
            spec.query,
            [
                ("offset".to_owned(), "6".to_owned()),
                ("limit".to_owned(), "3".to_owned())
            ]
        );
        assert_eq!(
            spec.url(),
            "/v3/customers/9876543210/orders?offset=6&limit=3"
        );
        assert!(prev_page(&links, &ids(), &Auth::default()).is_none());
    }

    #[test]
    fn links_off_the_api_are_refused() {
        for uri in [
            "https://evil.example/v3/x",
            "//evil.example/v3/x",
            "/v3/../admin",
            "/v3/a b",
            "/ping",
        ] {
            let report = follow(&link(uri), &ids(), &Auth::default()).expect_err(uri);
            assert_eq!(report.codes(), ["field.not_allowed"], "{uri}");
        }
    }

    #[test]
    fn only_gets_are_followed() {
        let mut post = link("/v3/customers/1234/orders");
        post.method = "POST".into();
        let report = follow(&post, &ids(), &Auth::default()).expect_err("post");
        assert_eq!(report.codes(), ["enum.invalid"]);
    }
}
