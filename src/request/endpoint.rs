//! Every endpoint of the Partner API as data: method, path template, body and
//! query parameters.
//!
//! One table instead of one hand-written function per endpoint, so that the
//! builder, the proxy's allow-list and the response parser read the same facts.
//! Sources: Partner API reference (Feb 2024), each endpoint's section; FACTS.md
//! §1.1 (the Feb-2024 baseline) and §1.2 (endpoints and query parameters added
//! since).

use crate::validate::Operation;

/// The HTTP method of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// `GET`: reads; no body.
    Get,
    /// `POST`: creates; a JSON body.
    Post,
    /// `PATCH`: updates; a JSON body.
    Patch,
}

impl Method {
    /// The method as written on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
        }
    }
}

/// How a query parameter's values are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryKind {
    /// One value of free text.
    Text,
    /// Free text, may repeat (values are OR-ed).
    Many,
    /// `true` or `false`.
    Bool,
    /// A whole number of ASCII digits (`limit`, `offset`).
    Number,
    /// A page size: a whole number from 1 to [`PAGE_LIMIT_MAX`] (`limit` of the
    /// reseller, customer and flex-discount lists).
    PageLimit,
    /// An ISO country code Adobe sells into (`recommendation-country`).
    Country,
    /// `EN` or `MULT`: the Recommendations API's language (FACTS.md §2.5;
    /// `recommendation-language`).
    RecommendationLanguage,
}

/// The largest page the reseller, customer and flex-discount lists serve:
/// FACTS.md §1.2 gives `limit(1–50)` for `GET /v3/resellers` and
/// `GET /v3/resellers/{resellerId}/customers`, and `limit(≤50)` for
/// `GET /v3/flex-discounts` (its lower bound of 1 is *assumed*, as for the
/// other two: a page of nothing is not a page).
pub const PAGE_LIMIT_MAX: u32 = 50;

/// The body an endpoint takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyRule {
    /// No body (every `GET`, and enrolment into a linked membership).
    None,
    /// A body checked by [`crate::validate::run`] for this operation.
    Validated(Operation),
    /// A JSON object the core has no validator for yet (newer endpoints of
    /// FACTS.md §1.2); it must at least be an object.
    Object,
}

/// The query parameters of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryRule {
    /// Parameters checked one by one against a list.
    List(&'static [(&'static str, QueryKind)]),
    /// Get Order History: checked by [`crate::validate::order_history_query`].
    OrderHistory,
}

macro_rules! endpoints {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal,
        $method:ident $template:literal, $body:expr, $query:expr; )+) => {
        /// An endpoint of the Partner API. See each variant for its source.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Endpoint {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Endpoint {
            /// Every endpoint, in table order.
            pub const ALL: &'static [Endpoint] = &[$(Endpoint::$variant),+];

            /// The camelCase name the npm package uses (`createOrder`).
            pub const fn name(self) -> &'static str {
                match self { $( Endpoint::$variant => $name, )+ }
            }

            /// The HTTP method.
            pub const fn method(self) -> Method {
                match self { $( Endpoint::$variant => Method::$method, )+ }
            }

            /// The path template, parameters in braces: `/v3/customers/{customerId}`.
            pub const fn template(self) -> &'static str {
                match self { $( Endpoint::$variant => $template, )+ }
            }

            /// The body the endpoint takes.
            pub const fn body(self) -> BodyRule {
                match self { $( Endpoint::$variant => $body, )+ }
            }

            /// The query parameters the endpoint takes.
            pub const fn query(self) -> QueryRule {
                match self { $( Endpoint::$variant => $query, )+ }
            }
        }
    };
}

use BodyRule::{None as NoBody, Validated};
use QueryKind::{Bool, Country, Many, Number, PageLimit, RecommendationLanguage, Text};
use QueryRule::{List, OrderHistory};

const NO_QUERY: QueryRule = List(&[]);
const PAGE: &[(&str, QueryKind)] = &[("limit", Number), ("offset", Number)];
const TRANSFER_FLAGS: &[(&str, QueryKind)] =
    &[("ignore-order-return", Bool), ("expire-open-pas", Bool)];
const RECOMMENDATIONS: &[(&str, QueryKind)] = &[
    ("fetch-recommendations", Bool),
    ("recommendation-country", Country),
    ("recommendation-language", RecommendationLanguage),
];
const ORDER_PREVIEW: &[(&str, QueryKind)] = &[
    ("fetch-price", Bool),
    ("fetch-recommendations", Bool),
    ("recommendation-country", Country),
    ("recommendation-language", RecommendationLanguage),
    ("reassign-users", Bool),
];
const GET_ORDER: &[(&str, QueryKind)] = &[
    ("fetch-price", Bool),
    ("fetch-recommendations", Bool),
    ("recommendation-country", Country),
    ("recommendation-language", RecommendationLanguage),
];
const SUBSCRIPTION_UPDATE: &[(&str, QueryKind)] = &[
    ("reset-renewal-code", Bool),
    ("reset-flex-discount-codes", Bool),
];
const RESELLER_LIST: &[(&str, QueryKind)] = &[
    ("status", Many),
    ("company-name", Text),
    ("sort-by", Text),
    ("order-by", Text),
    ("limit", PageLimit),
    ("offset", Number),
];
const CUSTOMER_LIST: &[(&str, QueryKind)] = &[
    ("status", Many),
    ("from-created-date", Text),
    ("to-created-date", Text),
    ("company-name", Text),
    ("sort-by", Text),
    ("order-by", Text),
    ("limit", PageLimit),
    ("offset", Number),
];
const NOTIFICATIONS: &[(&str, QueryKind)] = &[
    ("notification-type", Text),
    ("reseller-id", Text),
    ("limit", Number),
    ("offset", Number),
];
const GROUP_SEARCH: &[(&str, QueryKind)] = &[("country", Text), ("name", Text)];
const FLEX_DISCOUNTS: &[(&str, QueryKind)] = &[
    ("market-segment", Text),
    ("country", Text),
    ("offer-ids", Many),
    ("categories", Many),
    ("flex-discount-id", Text),
    ("flex-discount-code", Text),
    ("include-eligible-reusable-discounts", Bool),
    ("start-date", Text),
    ("end-date", Text),
    ("limit", PageLimit),
    ("offset", Number),
];
const SWITCH_PATHS: &[(&str, QueryKind)] = &[
    ("market-segment", Text),
    ("country", Text),
    ("offer-id", Many),
    ("subscription-id", Text),
    ("customer-id", Text),
    ("language", Text),
    ("limit", Number),
    ("offset", Number),
];

endpoints! {
    /// `GET /ping`, health check with the API key only (reference, Health Check).
    Ping = "ping", Get "/ping", NoBody, NO_QUERY;
    /// `GET /partnerservice/ping`, checks key and token (reference, Authenticated Ping).
    AuthenticatedPing = "authenticatedPing", Get "/partnerservice/ping", NoBody, NO_QUERY;
    /// `POST /v3/resellers` (reference, Create Reseller Account).
    CreateReseller = "createReseller", Post "/v3/resellers",
        Validated(Operation::CreateReseller), NO_QUERY;
    /// `GET /v3/resellers/{resellerId}` (reference, Get Reseller Account).
    GetReseller = "getReseller", Get "/v3/resellers/{resellerId}", NoBody, NO_QUERY;
    /// `PATCH /v3/resellers/{resellerId}` (reference, Update Reseller Account).
    UpdateReseller = "updateReseller", Patch "/v3/resellers/{resellerId}",
        Validated(Operation::UpdateReseller), NO_QUERY;
    /// `GET /v3/resellers`, the distributor's resellers (FACTS.md §1.2, 2025-08-22).
    ListResellers = "listResellers", Get "/v3/resellers", NoBody, List(RESELLER_LIST);
    /// `GET /v3/resellers/{resellerId}/customers` (FACTS.md §1.2, 2025-08-22).
    ListResellerCustomers = "listResellerCustomers", Get "/v3/resellers/{resellerId}/customers",
        NoBody, List(CUSTOMER_LIST);
    /// `POST /v3/customers` (reference, Create Customer Account).
    CreateCustomer = "createCustomer", Post "/v3/customers",
        Validated(Operation::CreateCustomer), NO_QUERY;
    /// `GET /v3/customers/{customerId}` (reference, Get Customer Account).
    GetCustomer = "getCustomer", Get "/v3/customers/{customerId}", NoBody, NO_QUERY;
    /// `PATCH /v3/customers/{customerId}` (reference, Update Customer Account; 3YC,
    /// linked membership, global sales per FACTS.md §1.2).
    UpdateCustomer = "updateCustomer", Patch "/v3/customers/{customerId}",
        Validated(Operation::UpdateCustomer), NO_QUERY;
    /// `POST /v3/customers/{customerId}/orders`, every order type (reference,
    /// Create Order; FACTS.md §1.2 for `fetch-price`, recommendations, `reassign-users`).
    CreateOrder = "createOrder", Post "/v3/customers/{customerId}/orders",
        Validated(Operation::CreateOrder), List(ORDER_PREVIEW);
    /// `GET /v3/customers/{customerId}/orders/{orderId}` (reference, Get Order Details).
    GetOrder = "getOrder", Get "/v3/customers/{customerId}/orders/{orderId}",
        NoBody, List(GET_ORDER);
    /// `PATCH /v3/customers/{customerId}/orders/{orderId}` (reference, Update Order
    /// ExternalReferenceId).
    UpdateOrder = "updateOrder", Patch "/v3/customers/{customerId}/orders/{orderId}",
        Validated(Operation::UpdateOrder), NO_QUERY;
    /// `GET /v3/customers/{customerId}/orders` (reference, Get Order History).
    GetOrderHistory = "getOrderHistory", Get "/v3/customers/{customerId}/orders",
        NoBody, OrderHistory;
    /// `GET /v3/customers/{customerId}/subscriptions/{subscriptionId}` (reference,
    /// Get Subscription Details).
    GetSubscription = "getSubscription",
        Get "/v3/customers/{customerId}/subscriptions/{subscriptionId}",
        NoBody, List(RECOMMENDATIONS);
    /// `GET /v3/customers/{customerId}/subscriptions` (reference, Get All Subscriptions).
    ListSubscriptions = "listSubscriptions", Get "/v3/customers/{customerId}/subscriptions",
        NoBody, List(RECOMMENDATIONS);
    /// `PATCH /v3/customers/{customerId}/subscriptions/{subscriptionId}` (reference,
    /// Update Subscription Auto-Renewal; reset flags per FACTS.md §1.2).
    UpdateSubscription = "updateSubscription",
        Patch "/v3/customers/{customerId}/subscriptions/{subscriptionId}",
        Validated(Operation::UpdateSubscription), List(SUBSCRIPTION_UPDATE);
    /// `POST /v3/customers/{customerId}/subscriptions`, a scheduled subscription
    /// (FACTS.md §1.2, 2024-08-01).
    CreateSubscription = "createSubscription", Post "/v3/customers/{customerId}/subscriptions",
        Validated(Operation::CreateSubscription), NO_QUERY;
    /// `POST /v3/transfers` with `action: "PREVIEW"` (reference, Reseller Change
    /// Process, Preview Transfer).
    PreviewResellerChange = "previewResellerChange", Post "/v3/transfers",
        Validated(Operation::ResellerChange), NO_QUERY;
    /// `POST /v3/transfers` with `action: "COMMIT"` (reference, Commit Transfer).
    CommitResellerChange = "commitResellerChange", Post "/v3/transfers",
        Validated(Operation::ResellerChange), NO_QUERY;
    /// `GET /v3/transfers/{transferId}` (reference, Get Transfer).
    GetResellerChange = "getResellerChange", Get "/v3/transfers/{transferId}", NoBody, NO_QUERY;
    /// `GET /v3/memberships/{membershipId}/offers` (reference, VIP to VIPMP, Preview Offers).
    PreviewOffers = "previewOffers", Get "/v3/memberships/{membershipId}/offers",
        NoBody, List(TRANSFER_FLAGS);
    /// `POST /v3/memberships/{membershipId}/transfers` (reference, Transfer Subscriptions).
    VipTransfer = "vipTransfer", Post "/v3/memberships/{membershipId}/transfers",
        Validated(Operation::VipTransfer), List(TRANSFER_FLAGS);
    /// `GET /v3/memberships/{membershipId}/transfers/{transferId}` (reference, Get
    /// Transfer Details).
    GetVipTransfer = "getVipTransfer",
        Get "/v3/memberships/{membershipId}/transfers/{transferId}", NoBody, NO_QUERY;
    /// `GET /v3/notifications` (FACTS.md §1.2, 2024-06-10).
    GetNotifications = "getNotifications", Get "/v3/notifications", NoBody, List(NOTIFICATIONS);
    /// `GET /v3/customers/{customerId}/open-acquisitions` (FACTS.md §1.2, 2024-06-10).
    GetOpenAcquisitions = "getOpenAcquisitions",
        Get "/v3/customers/{customerId}/open-acquisitions", NoBody, NO_QUERY;
    /// `POST /v3/customers/{customerId}/deployments` (FACTS.md §1.2, 2024-08-20).
    CreateDeployment = "createDeployment", Post "/v3/customers/{customerId}/deployments",
        Validated(Operation::CreateDeployment), NO_QUERY;
    /// `GET /v3/customers/{customerId}/deployments` (FACTS.md §1.2).
    ListDeployments = "listDeployments", Get "/v3/customers/{customerId}/deployments",
        NoBody, NO_QUERY;
    /// `GET /v3/customers/{customerId}/deployments/{deploymentId}` (FACTS.md §1.2).
    GetDeployment = "getDeployment",
        Get "/v3/customers/{customerId}/deployments/{deploymentId}", NoBody, NO_QUERY;
    /// `PATCH /v3/customers/{customerId}/deployments/{deploymentId}` (FACTS.md §1.2).
    UpdateDeployment = "updateDeployment",
        Patch "/v3/customers/{customerId}/deployments/{deploymentId}",
        Validated(Operation::UpdateDeployment), NO_QUERY;
    /// `GET /v3/linked_membership_groups` (FACTS.md §1.2, LGA, docs 2025-03).
    SearchLinkedMembershipGroups = "searchLinkedMembershipGroups",
        Get "/v3/linked_membership_groups", NoBody, List(GROUP_SEARCH);
    /// `POST /v3/customers/{customerId}/linked_membership/enroll/{linkedMembershipId}`
    /// (FACTS.md §1.2, LGA, docs 2025-03).
    EnrollLinkedMembership = "enrollLinkedMembership",
        Post "/v3/customers/{customerId}/linked_membership/enroll/{linkedMembershipId}",
        NoBody, NO_QUERY;
    /// `GET /v3/flex-discounts` (FACTS.md §1.2, 2025-05-09).
    ListFlexDiscounts = "listFlexDiscounts", Get "/v3/flex-discounts",
        NoBody, List(FLEX_DISCOUNTS);
    /// `GET /v3/customers/{customerId}/flex-discounts` (FACTS.md §1.2, docs 2026-03-25).
    ListCustomerFlexDiscounts = "listCustomerFlexDiscounts",
        Get "/v3/customers/{customerId}/flex-discounts", NoBody, List(PAGE);
    /// `POST /v3/recommendations` (FACTS.md §1.2, 2025-05-09).
    FetchRecommendations = "fetchRecommendations", Post "/v3/recommendations",
        Validated(Operation::FetchRecommendations), NO_QUERY;
    /// `POST /v3/pricelist` (FACTS.md §1.2, 2025-06-19).
    FetchPriceList = "fetchPriceList", Post "/v3/pricelist",
        Validated(Operation::FetchPriceList), List(PAGE);
    /// `GET /v3/offer-switch-paths` (FACTS.md §1.2, 2025-12-11).
    ListOfferSwitchPaths = "listOfferSwitchPaths", Get "/v3/offer-switch-paths",
        NoBody, List(SWITCH_PATHS);
}

impl Endpoint {
    /// The endpoint with this name.
    ///
    /// # Errors
    /// [`crate::Error`] when no endpoint has the name.
    pub fn from_name(name: &str) -> Result<Self, crate::Error> {
        Self::ALL
            .iter()
            .copied()
            .find(|endpoint| endpoint.name() == name)
            .ok_or_else(|| crate::Error::unknown_operation(name))
    }

    /// The names of the path parameters, in order (`["customerId", "orderId"]`).
    pub fn parameters(self) -> Vec<&'static str> {
        self.template()
            .split('/')
            .filter_map(|part| part.strip_prefix('{')?.strip_suffix('}'))
            .collect()
    }

    /// The path parameters of `path` (no query) when it has this endpoint's
    /// shape, segment by segment, values as given (not decoded or checked);
    /// `None` otherwise. A parameter never matches an empty segment. What a
    /// server routing inbound calls by the table needs (the proxy, the
    /// sandbox).
    pub fn path_params(self, path: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
        let mut wanted = self.template().split('/');
        let mut given = path.split('/');
        let mut params = serde_json::Map::new();
        loop {
            match (wanted.next(), given.next()) {
                (None, None) => return Some(params),
                (Some(want), Some(got)) => {
                    match want.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                        Some(name) if !got.is_empty() => {
                            params
                                .insert(name.to_owned(), serde_json::Value::String(got.to_owned()));
                        }
                        None if want == got => {}
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn paths_give_their_parameters_by_the_template() {
        let params = Endpoint::GetOrder
            .path_params("/v3/customers/6000000201/orders/7000000001")
            .expect("matches");
        assert_eq!(params["customerId"], "6000000201");
        assert_eq!(params["orderId"], "7000000001");
        assert_eq!(
            Endpoint::GetOrder.path_params("/v3/customers/6000000201/orders/"),
            None
        );
        assert_eq!(
            Endpoint::GetOrder.path_params("/v3/customers/1/orders/2/x"),
            None
        );
        assert_eq!(Endpoint::GetCustomer.path_params("/v3/resellers/1"), None);
        assert_eq!(
            Endpoint::ListResellers
                .path_params("/v3/resellers")
                .map(|p| p.len()),
            Some(0)
        );
    }

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for &endpoint in Endpoint::ALL {
            assert!(seen.insert(endpoint.name()));
            assert_eq!(Endpoint::from_name(endpoint.name()).ok(), Some(endpoint));
        }
        assert!(Endpoint::from_name("deleteCustomer").is_err());
    }

    #[test]
    fn gets_take_no_body() {
        for &endpoint in Endpoint::ALL {
            if endpoint.method() == Method::Get {
                assert_eq!(endpoint.body(), BodyRule::None, "{}", endpoint.name());
            }
        }
    }

    #[test]
    fn parameters_come_from_the_template() {
        assert_eq!(
            Endpoint::GetSubscription.parameters(),
            ["customerId", "subscriptionId"]
        );
        assert!(Endpoint::CreateCustomer.parameters().is_empty());
    }
}
