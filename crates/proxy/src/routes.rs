//! The allow-list: which (method, path template) pairs the proxy forwards,
//! taken from the core's endpoint table, and how an inbound path is matched
//! against them. There is no generic pass-through: a path that matches no
//! allowed template is 404, a matching path with another method is 405.
//!
//! Left out on purpose: endpoints a reseller-scoped caller has no business
//! calling or whose scope the proxy cannot check (reseller creation and
//! lists, distributor-wide notifications, flex discounts and price list,
//! reseller changes, VIP transfers, linked-membership groups).

use serde_json::{Map, Value};
use vipmp::request::{Endpoint, Method};

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
