//! A response, by endpoint: the typed resource of a success, the typed error
//! of a failure.
//!
//! Which resource each endpoint answers with comes from the reference's
//! "RESPONSE BODY" of each endpoint; the newer endpoints of FACTS.md §1.2 have
//! no resource type in the core yet and answer their JSON as it came.

use super::error::{ApiError, ErrorShape, parse_error};
use super::status::{ResourceKind, StatusMeaning, meaning};
use crate::input::{FromJson, Json};
use crate::request::Endpoint;
use crate::resource::{Collection, Customer, Order, Reseller, Subscription, Transfer};
use serde_json::Value;

/// The body of a successful response.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Body {
    /// `pong`, from the two pings.
    Pong(String),
    /// A reseller account.
    Reseller(Reseller),
    /// A customer account.
    Customer(Customer),
    /// An order.
    Order(Order),
    /// A page of orders (order history).
    Orders(Collection<Order>),
    /// A subscription.
    Subscription(Subscription),
    /// A page of subscriptions.
    Subscriptions(Collection<Subscription>),
    /// A transfer: reseller change, VIP→VIPMP transfer or its offer preview.
    Transfer(Transfer),
    /// JSON of an endpoint without a resource type in the core.
    Json(#[cfg_attr(feature = "tsify", tsify(type = "unknown"))] Value),
    /// No body (empty text).
    Empty,
}

/// A response read for an endpoint.
#[derive(Clone, Debug, PartialEq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    /// `true` for a 2xx whose body was read.
    pub ok: bool,
    /// The HTTP status.
    pub http_status: u16,
    /// The body of a success.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub body: Option<Body>,
    /// What the resource's `status` means, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub resource_status: Option<StatusMeaning>,
    /// The error of a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub error: Option<ApiError>,
}

/// Reads a response of an endpoint; never fails: a body that cannot be read
/// becomes an [`ApiError`] of shape [`ErrorShape::Unparsed`].
pub fn parse(endpoint: Endpoint, http_status: u16, body: &str) -> Parsed {
    if !(200..300).contains(&http_status) {
        return failure(parse_error(http_status, body));
    }
    match success_body(endpoint, body) {
        Ok(body) => Parsed {
            ok: true,
            http_status,
            resource_status: status_of(&body),
            body: Some(body),
            error: None,
        },
        Err(reason) => failure(unreadable(http_status, &reason)),
    }
}

/// A failed response.
fn failure(error: ApiError) -> Parsed {
    Parsed {
        ok: false,
        http_status: error.http_status,
        body: None,
        resource_status: None,
        error: Some(error),
    }
}

/// The error for a 2xx body that is not the endpoint's resource.
fn unreadable(http_status: u16, reason: &str) -> ApiError {
    let mut error = parse_error(http_status, "");
    error.shape = ErrorShape::Unparsed;
    error.message = format!("the response body is not the expected resource: {reason}");
    error
}

/// The typed body of a success.
fn success_body(endpoint: Endpoint, text: &str) -> Result<Body, String> {
    use Endpoint as E;
    if text.trim().is_empty() {
        return Ok(Body::Empty);
    }
    match endpoint {
        E::Ping | E::AuthenticatedPing => Ok(Body::Pong(text.trim().to_owned())),
        E::CreateReseller | E::GetReseller | E::UpdateReseller => typed(text).map(Body::Reseller),
        E::CreateCustomer | E::GetCustomer | E::UpdateCustomer => typed(text).map(Body::Customer),
        E::CreateOrder | E::GetOrder | E::UpdateOrder => typed(text).map(Body::Order),
        E::GetOrderHistory => typed(text).map(Body::Orders),
        E::GetSubscription | E::UpdateSubscription | E::CreateSubscription => {
            typed(text).map(Body::Subscription)
        }
        E::ListSubscriptions => typed(text).map(Body::Subscriptions),
        E::PreviewResellerChange
        | E::CommitResellerChange
        | E::GetResellerChange
        | E::PreviewOffers
        | E::VipTransfer
        | E::GetVipTransfer => typed(text).map(Body::Transfer),
        _ => typed(text).map(Body::Json),
    }
}

/// JSON text as a type; objects only, so `"x"` is never a resource.
fn typed<T: FromJson>(text: &str) -> Result<T, String> {
    let arena = crate::input::Arena::new();
    let json = Json::parse(text, &arena).map_err(|e| e.to_string())?;
    if !matches!(json, Json::Object(_)) {
        return Err("not a JSON object".to_owned());
    }
    T::from_json(&json).map_err(|e| e.to_string())
}

/// The meaning of the resource's `status`, for resources that have one.
fn status_of(body: &Body) -> Option<StatusMeaning> {
    let (kind, code) = match body {
        Body::Reseller(r) => (ResourceKind::Reseller, r.status.as_deref()?),
        Body::Customer(c) => (ResourceKind::Customer, c.status.as_deref()?),
        Body::Order(o) => (ResourceKind::Order, o.status.as_deref()?),
        Body::Subscription(s) => (ResourceKind::Subscription, s.status.as_str()),
        Body::Transfer(t) => (ResourceKind::Transfer, t.status.as_deref()?),
        _ => return None,
    };
    meaning(kind, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pong() {
        let parsed = parse(Endpoint::Ping, 200, "pong");
        assert_eq!(parsed.body, Some(Body::Pong("pong".into())));
    }

    #[test]
    fn an_order_with_its_status_meaning() {
        let parsed = parse(
            Endpoint::GetOrder,
            200,
            r#"{"orderId":"5120008001","status":"1024","lineItems":[]}"#,
        );
        assert!(parsed.ok);
        assert_eq!(
            parsed.resource_status.map(|s| s.text),
            Some("Order failed: customer is inactive")
        );
    }

    #[test]
    fn errors_are_typed() {
        let parsed = parse(
            Endpoint::GetCustomer,
            404,
            r#"{"code":"1116","message":"Invalid Customer"}"#,
        );
        assert!(!parsed.ok);
        assert_eq!(parsed.error.map(|e| e.code), Some("1116".into()));
    }

    #[test]
    fn a_success_of_the_wrong_shape_is_an_unparsed_error() {
        for body in ["[]", "\"x\"", "{", r#"{"lineItems":"no"}"#] {
            let parsed = parse(Endpoint::GetOrder, 200, body);
            assert!(!parsed.ok, "{body}");
            assert_eq!(parsed.error.map(|e| e.shape), Some(ErrorShape::Unparsed));
        }
    }

    #[test]
    fn newer_endpoints_answer_json() {
        let parsed = parse(Endpoint::ListFlexDiscounts, 200, r#"{"flexDiscounts":[]}"#);
        assert!(matches!(parsed.body, Some(Body::Json(_))));
    }
}
