//! The builders over whole inputs: bodies, parameters, headers together.

use super::*;
use serde_json::json;

fn ids() -> Ids {
    Ids {
        correlation_id: "c-1".into(),
        request_id: "r-1".into(),
    }
}

fn input(params: &Value, body: Option<Value>) -> BuildInput {
    BuildInput {
        params: params.as_object().cloned().unwrap_or_default(),
        body,
        ids: ids(),
        ..BuildInput::default()
    }
}

#[test]
fn a_get_has_no_body_and_the_required_headers() {
    let spec = build(
        Endpoint::GetCustomer,
        &input(&json!({ "customerId": "9876543210" }), None),
    )
    .expect("valid");
    assert_eq!(spec.method, Method::Get);
    assert_eq!(spec.path, "/v3/customers/9876543210");
    assert_eq!(spec.body, None);
    assert_eq!(spec.header("x-correlation-id"), Some("c-1"));
    assert_eq!(spec.header("X-Request-Id"), Some("r-1"));
    assert_eq!(spec.header("Accept"), Some(JSON));
}

#[test]
fn an_invalid_body_is_refused_with_its_report() {
    let order = json!({
        "orderType": "NEW",
        "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 0 }]
    });
    let report = build(
        Endpoint::CreateOrder,
        &input(&json!({ "customerId": "9876543210" }), Some(order)),
    )
    .expect_err("quantity 0");
    assert_eq!(
        report.violations[0].path.to_string(),
        "lineItems[0].quantity"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut bad = input(&json!({ "customerId": "x" }), Some(json!({})));
    bad.ids.request_id.clear();
    let report = build(Endpoint::GetCustomer, &bad).expect_err("three problems");
    let paths: Vec<String> = report
        .violations
        .iter()
        .map(|v| v.path.to_string())
        .collect();
    assert_eq!(paths, ["params.customerId", "body", "ids.requestId"]);
}

#[test]
fn a_post_without_body_is_refused() {
    let report = build(Endpoint::CreateCustomer, &input(&json!({}), None)).expect_err("no body");
    assert!(!report.is_valid());
}

#[test]
fn newer_endpoints_validate_their_bodies() {
    let params = json!({ "customerId": "9876543210" });
    let report =
        build(Endpoint::CreateDeployment, &input(&params, Some(json!([])))).expect_err("array");
    assert_eq!(report.codes(), ["type.invalid"]);
    let report =
        build(Endpoint::CreateDeployment, &input(&params, Some(json!({})))).expect_err("empty");
    assert_eq!(report.codes(), ["field.required"]);
    let address = json!({ "country": "CA", "region": "ON", "city": "Ottawa",
        "addressLine1": "1 Bank St", "postalCode": "K1A 0B1" });
    let body = json!({ "companyProfile": { "address": address } });
    assert!(build(Endpoint::CreateDeployment, &input(&params, Some(body))).is_ok());
    let body = json!({ "offerId": "65304479CA01A12",
        "autoRenewal": { "enabled": false, "renewalQuantity": 5 } });
    let report = build(Endpoint::CreateSubscription, &input(&params, Some(body))).expect_err("off");
    assert_eq!(report.codes(), ["enum.invalid"]);
    let body = json!({ "region": "NA", "marketSegment": "COM", "currency": "USD",
        "priceListMonth": "202402" });
    assert!(build(Endpoint::FetchPriceList, &input(&json!({}), Some(body))).is_ok());
}

#[test]
fn a_reseller_change_commit_must_say_commit() {
    let body = json!({
        "type": "RESELLER_CHANGE", "action": "PREVIEW", "approvalCode": "8318322",
        "resellerId": "1000177552", "requestedBy": "customer-admin@email.com"
    });
    let report = build(
        Endpoint::CommitResellerChange,
        &input(&json!({}), Some(body.clone())),
    )
    .expect_err("preview body on commit");
    assert_eq!(report.codes(), ["enum.invalid"]);
    assert!(
        build(
            Endpoint::PreviewResellerChange,
            &input(&json!({}), Some(body))
        )
        .is_ok()
    );
}

#[test]
fn transfer_flags_and_membership_in_the_path() {
    let mut vip = input(
        &json!({ "membershipId": "12345678" }),
        Some(json!({ "resellerId": "999888777" })),
    );
    vip.query = json!({ "ignore-order-return": true, "expire-open-pas": false });
    let spec = build(Endpoint::VipTransfer, &vip).expect("valid");
    assert_eq!(
        spec.url(),
        "/v3/memberships/12345678/transfers?ignore-order-return=true&expire-open-pas=false"
    );
}

#[test]
fn no_input_panics_any_endpoint() {
    let shapes = [
        json!(null),
        json!(1),
        json!("x"),
        json!([]),
        json!({}),
        json!({ "a": [1, {}] }),
    ];
    for &endpoint in Endpoint::ALL {
        for shape in &shapes {
            let mut odd = input(shape, Some(shape.clone()));
            odd.query = shape.clone();
            let _ = build(endpoint, &odd);
        }
    }
}

fn address_of(endpoint: Endpoint, input: &BuildInput) -> Result<RequestAddress, Refused> {
    address(endpoint, &input.address_input())
}

#[test]
fn an_address_needs_no_ids_and_joins_an_attempt_into_the_same_request() {
    let mut given = input(&json!({ "customerId": "9876543210" }), None);
    given.ids = Ids::default();
    let address = address_of(Endpoint::GetCustomer, &given).expect("no IDs needed");
    assert_eq!(address.url(), "/v3/customers/9876543210");
    assert_eq!(address.param("customerId"), Some("9876543210"));
    assert_eq!(address.param("orderId"), None);
    let headers = attempt(&ids(), &Auth::default()).expect("valid IDs");
    given.ids = ids();
    assert_eq!(
        address.with_headers(headers),
        build(Endpoint::GetCustomer, &given).expect("valid")
    );
}

#[test]
fn a_refused_address_names_its_parts() {
    let bad_path = address_of(
        Endpoint::CreateOrder,
        &input(&json!({ "customerId": "98/76" }), Some(json!({}))),
    )
    .expect_err("refused");
    assert_eq!(bad_path.parts, [Part::Path, Part::Body]);
    assert!(!bad_path.body_only());
    let bad_body = address_of(
        Endpoint::CreateOrder,
        &input(&json!({ "customerId": "9876543210" }), Some(json!({}))),
    )
    .expect_err("refused");
    assert_eq!(bad_body.parts, [Part::Body]);
    assert!(bad_body.body_only());
    let mut bad_query = input(&json!({ "customerId": "9876543210" }), None);
    bad_query.query = json!({ "status": "nope", "unknown": "1" });
    let refused = address_of(Endpoint::GetOrderHistory, &bad_query).expect_err("refused");
    assert_eq!(refused.parts, [Part::Query]);
}

#[test]
fn build_reports_the_address_then_the_attempt() {
    let mut given = input(&json!({ "customerId": "98/76" }), None);
    given.ids = Ids::default();
    let report = build(Endpoint::GetCustomer, &given).expect_err("refused");
    let paths: Vec<String> = report
        .violations
        .iter()
        .map(|v| v.path.to_string())
        .collect();
    assert_eq!(
        paths,
        ["params.customerId", "ids.correlationId", "ids.requestId"]
    );
}

#[test]
fn attempt_refuses_ids_that_cannot_be_headers() {
    let bad = Ids {
        correlation_id: "c 1".into(),
        request_id: String::new(),
    };
    let report = attempt(&bad, &Auth::default()).expect_err("refused");
    assert_eq!(report.codes(), ["type.invalid", "field.required"]);
}
