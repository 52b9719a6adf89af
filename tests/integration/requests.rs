//! The spec's example bodies through the request builders and the response
//! parser: every request is built, validated again and read back equal; every
//! response is parsed into its resource (or typed error) and written back equal.

use serde_json::{Value, json};
use std::path::PathBuf;
use vipmp::request::{self, BuildInput, Endpoint, Ids, Method};
use vipmp::resource::{
    Customer, Order, Reseller, ResellerChange, Subscription, VipTransferRequest,
};
use vipmp::response::{self, Body, ErrorShape};
use vipmp::validate::{self, Context, Operation};

const CUSTOMER: &str = "9876543210";
const SUBSCRIPTION: &str = "8675309a8675309b8675309c8675309d";

/// The spec's printed examples of one kind (`requests`, `responses`) by file
/// stem, sorted.
pub(crate) fn fixtures(kind: &str) -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spec")
        .join(kind);
    let mut all: Vec<(String, Value)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let stem = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("read");
            (stem, serde_json::from_str(&text).expect("json"))
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

/// The endpoint and path parameters of a request example, by file name.
pub(crate) fn request_for(stem: &str) -> (Endpoint, Value) {
    let customer = json!({ "customerId": CUSTOMER });
    let table = [
        ("create-reseller", Endpoint::CreateReseller, json!({})),
        (
            "update-reseller",
            Endpoint::UpdateReseller,
            json!({ "resellerId": "5556667778" }),
        ),
        ("create-customer", Endpoint::CreateCustomer, json!({})),
        (
            "update-customer",
            Endpoint::UpdateCustomer,
            customer.clone(),
        ),
        ("create-order", Endpoint::CreateOrder, customer.clone()),
        (
            "update-order",
            Endpoint::UpdateOrder,
            json!({ "customerId": CUSTOMER, "orderId": "0123456789" }),
        ),
        (
            "update-subscription",
            Endpoint::UpdateSubscription,
            json!({ "customerId": CUSTOMER, "subscriptionId": SUBSCRIPTION }),
        ),
        (
            "reseller-change-preview",
            Endpoint::PreviewResellerChange,
            json!({}),
        ),
        (
            "reseller-change-commit",
            Endpoint::CommitResellerChange,
            json!({}),
        ),
        (
            "vip-transfer",
            Endpoint::VipTransfer,
            json!({ "membershipId": "12345678" }),
        ),
    ];
    table
        .into_iter()
        .find(|(prefix, ..)| stem.starts_with(prefix))
        .map(|(_, endpoint, params)| (endpoint, params))
        .unwrap_or_else(|| panic!("no endpoint for {stem}"))
}

pub(crate) fn input(params: &Value, body: Option<Value>) -> BuildInput {
    BuildInput {
        params: params.as_object().cloned().unwrap_or_default(),
        body,
        ids: Ids {
            correlation_id: "c-1".into(),
            request_id: "r-1".into(),
        },
        ..BuildInput::default()
    }
}

/// The operation whose validator checks an endpoint's body.
fn operation_of(endpoint: Endpoint) -> Operation {
    match endpoint.body() {
        request::BodyRule::Validated(operation) => operation,
        other => panic!("{} has {other:?}", endpoint.name()),
    }
}

/// The body read into its resource type and written back.
fn typed_round_trip(operation: Operation, body: &Value) -> Value {
    fn via<T: serde::de::DeserializeOwned + serde::Serialize>(body: &Value) -> Value {
        let typed: T = serde_json::from_value(body.clone()).expect("typed");
        serde_json::to_value(typed).expect("serialized")
    }
    match operation {
        Operation::CreateReseller | Operation::UpdateReseller => via::<Reseller>(body),
        Operation::CreateCustomer | Operation::UpdateCustomer => via::<Customer>(body),
        Operation::CreateOrder | Operation::UpdateOrder => via::<Order>(body),
        Operation::UpdateSubscription => via::<Subscription>(body),
        Operation::ResellerChange => via::<ResellerChange>(body),
        _ => via::<VipTransferRequest>(body),
    }
}

/// Every field of `original` with a value is in `back`, equal.
fn assert_same_fields(name: &str, original: &Value, back: &Value, unmodelled: &[&str]) {
    for (key, value) in original.as_object().expect("object") {
        if value == "" || value == &json!([]) || unmodelled.contains(&key.as_str()) {
            continue;
        }
        assert_eq!(back.get(key), Some(value), "{name}: field {key}");
    }
}

#[test]
fn every_spec_request_is_built_validated_and_read_back_equal() {
    let mut count = 0;
    for (stem, body) in fixtures("requests") {
        let (endpoint, params) = request_for(&stem);
        let spec = request::build(endpoint, &input(&params, Some(body.clone())))
            .unwrap_or_else(|report| panic!("{stem}:\n{report}"));
        assert_eq!(spec.method, endpoint.method(), "{stem}");
        assert_eq!(spec.header("X-Correlation-Id"), Some("c-1"));
        let sent = spec.body.expect("a body");
        assert_eq!(sent, body, "{stem}: the body is sent as given");
        let operation = operation_of(endpoint);
        assert!(
            validate::run(operation, &sent, &Context::default()).is_valid(),
            "{stem}"
        );
        assert_same_fields(&stem, &body, &typed_round_trip(operation, &sent), &[]);
        count += 1;
    }
    assert_eq!(count, 15, "every printed request example");
}

/// The endpoint, HTTP status and fields the core does not model, per response example.
pub(crate) fn response_for(stem: &str) -> (Endpoint, u16, &'static [&'static str]) {
    match stem {
        "customer-created" => (Endpoint::CreateCustomer, 201, &[]),
        "customer" | "customer-3yc" => (Endpoint::GetCustomer, 200, &[]),
        "reseller" => (Endpoint::GetReseller, 200, &[]),
        "order-new" | "order-preview" | "order-preview-renewal" | "order-return" => {
            (Endpoint::CreateOrder, 201, &[])
        }
        "order-details" => (Endpoint::GetOrder, 200, &[]),
        "order-history" => (Endpoint::GetOrderHistory, 200, &[]),
        "reseller-change-preview" => (
            Endpoint::PreviewResellerChange,
            200,
            &["approvalCode", "approval"],
        ),
        "reseller-change-get" => (
            Endpoint::GetResellerChange,
            200,
            &["approvalCode", "approval"],
        ),
        "vip-transfer" => (Endpoint::VipTransfer, 202, &[]),
        "error-1117" => (Endpoint::CreateCustomer, 400, &[]),
        "error-partial-return" => (Endpoint::CreateOrder, 422, &[]),
        other => panic!("no endpoint for {other}"),
    }
}

#[test]
fn every_spec_response_is_parsed_and_written_back_equal() {
    let mut count = 0;
    for (stem, original) in fixtures("responses") {
        let (endpoint, status, unmodelled) = response_for(&stem);
        let parsed = response::parse(endpoint, status, &original.to_string());
        if stem.starts_with("error") {
            let error = parsed.error.expect("an error");
            assert_eq!(error.shape, ErrorShape::Envelope);
            assert_eq!(Some(&json!(error.code)), original.get("code"), "{stem}");
            assert_eq!(
                Some(&json!(error.message)),
                original.get("message"),
                "{stem}"
            );
            assert!(error.known.is_some(), "{stem}: a documented code");
        } else {
            assert!(parsed.ok, "{stem}: {:?}", parsed.error);
            let written = serde_json::to_value(parsed.body.expect("body")).expect("json");
            assert_same_fields(&stem, &original, &written["value"], unmodelled);
            if original.get("status").is_some_and(|status| status != "") {
                assert!(
                    parsed.resource_status.is_some(),
                    "{stem}: status has a meaning"
                );
            }
        }
        count += 1;
    }
    assert_eq!(count, 15, "every printed response example");
}

#[test]
fn the_history_example_pages_through_its_links() {
    let (_, history) = fixtures("responses")
        .into_iter()
        .find(|(stem, _)| stem == "order-history")
        .expect("history");
    let parsed = response::parse(Endpoint::GetOrderHistory, 200, &history.to_string());
    let Some(Body::Orders(page)) = parsed.body else {
        panic!("a page of orders")
    };
    let links = page.links.expect("links");
    let ids = Ids {
        correlation_id: "c-2".into(),
        request_id: "r-2".into(),
    };
    let next = request::next_page(&links, &ids, &request::Auth::default())
        .expect("a next link")
        .expect("followable");
    assert_eq!(next.method, Method::Get);
    assert!(next.url().contains("offset=6"), "{}", next.url());
    assert!(request::prev_page(&links, &ids, &request::Auth::default()).is_some());
}

#[test]
fn the_spec_query_example_is_built_as_written() {
    let mut history = input(&json!({ "customerId": CUSTOMER }), None);
    history.query = json!("status=1000&status=1002");
    let spec = request::build(Endpoint::GetOrderHistory, &history).expect("valid");
    assert_eq!(
        spec.url(),
        "/v3/customers/9876543210/orders?status=1000&status=1002"
    );
}

#[test]
fn every_endpoint_builds_from_minimal_valid_input() {
    let params = json!({
        "customerId": CUSTOMER, "resellerId": "5556667778", "orderId": "0123456789",
        "subscriptionId": SUBSCRIPTION, "membershipId": "12345678",
        "transferId": "5555luaigdfads555", "deploymentId": "d-1", "linkedMembershipId": "lm-1"
    });
    let mut built = 0;
    for &endpoint in Endpoint::ALL {
        let names = endpoint.parameters();
        let own: serde_json::Map<String, Value> = params
            .as_object()
            .expect("object")
            .iter()
            .filter(|(name, _)| names.contains(&name.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let body = match endpoint.body() {
            request::BodyRule::None => None,
            request::BodyRule::Object => Some(json!({})),
            request::BodyRule::Validated(_) => continue,
        };
        let spec = request::build(endpoint, &input(&Value::Object(own), body))
            .unwrap_or_else(|report| panic!("{}:\n{report}", endpoint.name()));
        assert!(!spec.path.contains('{'), "{}", spec.path);
        built += 1;
    }
    assert!(built >= 22, "{built}");
}
