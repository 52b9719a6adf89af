//! The allow-list: which (method, path template) pairs the proxy forwards,
//! taken from the core's endpoint table, and how an inbound path is matched
//! against them. There is no generic pass-through: a path that matches no
//! allowed template is 404, a matching path with another method is 405.
//!
//! Every path parameter is checked here before anything else, whatever the
//! core's rule for it (Adobe publishes none for deployment, transfer and
//! linked-membership IDs): 1 to 100 ASCII letters, digits, `-`, `_` or `.`,
//! and not only dots. So `.` and `..` (which an HTTP client resolves as dot
//! segments, turning `deployments/..` into the customer itself), empty
//! segments, slashes and any percent-encoding (`%2e%2e`, `%2f`) never reach
//! the builder. The forwarder also checks the upstream URL as it will be
//! sent against the route's template ([`sent_as_built`]).
//!
//! Left out on purpose: endpoints a reseller-scoped caller has no business
//! calling or whose scope the proxy cannot check (reseller creation and
//! lists, distributor-wide notifications, flex discounts and price list,
//! reseller changes, VIP transfers, linked-membership groups).

use serde_json::{Map, Value};
use vipmp::report::{Code, Finding, Path, Report};
use vipmp::request::{Endpoint, Method};

/// The longest path parameter accepted.
const MAX_PARAM: usize = 100;

/// The endpoints forwarded.
pub const ALLOWED: &[Endpoint] = &[
    Endpoint::GetReseller,
    Endpoint::ListResellerCustomers,
    Endpoint::CreateCustomer,
    Endpoint::GetCustomer,
    Endpoint::UpdateCustomer,
    Endpoint::CreateOrder,
    Endpoint::GetOrder,
    Endpoint::UpdateOrder,
    Endpoint::GetOrderHistory,
    Endpoint::GetSubscription,
    Endpoint::ListSubscriptions,
    Endpoint::UpdateSubscription,
    Endpoint::GetOpenAcquisitions,
    Endpoint::ListCustomerFlexDiscounts,
    Endpoint::CreateDeployment,
    Endpoint::ListDeployments,
    Endpoint::GetDeployment,
];

/// The outcome of matching a method and path.
#[derive(Debug, PartialEq)]
pub enum Match {
    /// An allowed endpoint, with its path parameters (raw, still to be checked).
    Found(Endpoint, Map<String, Value>),
    /// The path is allowed for other methods.
    WrongMethod,
    /// No allowed template has this shape.
    NotFound,
}

/// Finds the allowed endpoint for a method and path.
pub fn find(method: &str, path: &str) -> Match {
    let mut shape_matched = false;
    for &endpoint in ALLOWED {
        if let Some(params) = endpoint.path_params(path) {
            if endpoint.method().as_str() == method {
                return Match::Found(endpoint, params);
            }
            shape_matched = true;
        }
    }
    if shape_matched {
        Match::WrongMethod
    } else {
        Match::NotFound
    }
}

/// Whether a raw path parameter is safe to put in an upstream path: see the
/// module docs.
pub fn safe_param(value: &str) -> bool {
    let allowed = |byte: u8| byte.is_ascii_alphanumeric() || b"-_.".contains(&byte);
    !value.is_empty()
        && value.len() <= MAX_PARAM
        && value.bytes().all(allowed)
        && !value.bytes().all(|byte| byte == b'.')
}

/// Refuses the path parameters that are not [`safe_param`], one violation
/// each (`params.<name>`, `id.invalid_format`).
///
/// # Errors
/// The report of the unsafe parameters.
pub fn check_params(params: &Map<String, Value>) -> Result<(), Report> {
    let mut report = Report::new();
    for (name, value) in params {
        if !value.as_str().is_some_and(safe_param) {
            let place = Path::root().key("params").key(name);
            report.add(&place, Finding::new(Code::IdInvalidFormat));
        }
    }
    if report.violations.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// Whether `sent_path`, the path of the upstream URL as the HTTP client will
/// send it (after its own parsing and dot-segment resolution, without the
/// upstream's base path), is still the endpoint's template filled with
/// exactly the inbound `params`.
pub fn sent_as_built(endpoint: Endpoint, params: &Map<String, Value>, sent_path: &str) -> bool {
    endpoint
        .path_params(sent_path)
        .is_some_and(|sent| &sent == params)
}

/// Whether the endpoint changes state (a CSRF check and a write role apply).
pub fn is_write(endpoint: Endpoint) -> bool {
    endpoint.method() != Method::Get
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_with_parameters() {
        let Match::Found(endpoint, params) =
            find("GET", "/v3/customers/6000000201/orders/7000000001")
        else {
            panic!("no match")
        };
        assert_eq!(endpoint, Endpoint::GetOrder);
        assert_eq!(params["customerId"], "6000000201");
        assert_eq!(params["orderId"], "7000000001");
    }

    #[test]
    fn dot_segments_separators_and_encodings_are_unsafe() {
        for bad in [
            "", ".", "..", "...", "a/b", "%2e%2e", "%2F", "a b", "a\\b", "é",
        ] {
            assert!(!safe_param(bad), "{bad:?}");
        }
        for good in ["6000000201", "dep-1_a.b", "A1B2"] {
            assert!(safe_param(good), "{good:?}");
        }
        let params = Map::from_iter([("deploymentId".to_owned(), Value::from(".."))]);
        let report = check_params(&params).expect_err("refused");
        assert_eq!(report.violations[0].path.to_string(), "params.deploymentId");
    }

    #[test]
    fn the_sent_path_must_keep_the_template_and_the_parameters() {
        let Match::Found(endpoint, params) =
            find("GET", "/v3/customers/6000000201/deployments/d-1")
        else {
            panic!("no match")
        };
        let path = "/v3/customers/6000000201/deployments/d-1";
        assert!(sent_as_built(endpoint, &params, path));
        assert!(!sent_as_built(
            endpoint,
            &params,
            "/v3/customers/6000000201"
        ));
        assert!(!sent_as_built(
            endpoint,
            &params,
            "/v3/customers/6000000202/deployments/d-1"
        ));
    }

    #[test]
    fn methods_and_unknown_paths() {
        assert_eq!(
            find("DELETE", "/v3/customers/6000000201"),
            Match::WrongMethod
        );
        assert_eq!(find("GET", "/v3/resellers"), Match::NotFound);
        assert_eq!(find("GET", "/v3/customers//orders"), Match::NotFound);
        assert_eq!(find("GET", "/v3/customers/1/orders/2/x"), Match::NotFound);
        assert_eq!(find("POST", "/v3/transfers"), Match::NotFound);
        assert!(matches!(
            find("POST", "/v3/customers"),
            Match::Found(Endpoint::CreateCustomer, _)
        ));
    }
}
