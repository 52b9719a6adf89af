//! Rules the core's validators decide from the state the sandbox holds, and
//! the bodies of the newer endpoints, answered with Adobe's codes end to end
//! (issue 15): account state gates (1125, 1126), non-editable fields (1119).

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU32, Ordering};
use vipmp::request::Endpoint;

mod support;
use support::Demo;

const RESELLER: &str = "5000000101";
const CUSTOMER: &str = "6000000201";

/// A demo whose reseller (or customer) is in `status`.
async fn with_status(account: &str, id: &str, status: &str) -> Demo {
    let (account, id, status) = (account.to_owned(), id.to_owned(), status.to_owned());
    Demo::new(move |seed| seed["store"][account][id]["status"] = json!(status)).await
}

/// The seeded account's profile as an update body, `extra` merged in.
fn update_of(accounts: &str, id: &str, extra: Value) -> Value {
    let seed: Value = serde_json::from_str(vipmp_sandbox::seed::DEMO).expect("seed");
    let mut body = json!({ "companyProfile": seed["store"][accounts][id]["companyProfile"] });
    if let (Value::Object(body), Value::Object(extra)) = (&mut body, extra) {
        body.extend(extra);
    }
    body
}

/// Sends a body as written (not through the core's builder, which would
/// refuse it first): Adobe's error code, or "" for a success.
async fn raw(demo: &Demo, method: &str, path: &str, body: &Value) -> String {
    static CALLS: AtomicU32 = AtomicU32::new(0);
    let id = format!("raw-{}", CALLS.fetch_add(1, Ordering::Relaxed));
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("x-api-key", "sandbox-client")
        .header("authorization", format!("Bearer {}", demo.token))
        .header("x-correlation-id", &id)
        .header("x-request-id", &id)
        .body(Body::from(body.to_string()))
        .expect("request");
    let (status, text) = support::send(&demo.sandbox, request).await;
    if (200..300).contains(&status) {
        return String::new();
    }
    let answer: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    answer["code"].as_str().unwrap_or("?").to_owned()
}

fn new_customer() -> Value {
    json!({ "body": { "resellerId": RESELLER, "companyProfile": {
        "companyName": "Gander Goods", "preferredLanguage": "en-US", "marketSegment": "COM",
        "address": { "country": "US", "region": "CA", "city": "San Jose",
            "addressLine1": "2 Pond Rd", "postalCode": "95110" },
        "contacts": [{ "firstName": "Gladstone", "lastName": "Gander", "email": "gladstone@example.com" }] } } })
}

#[tokio::test]
async fn pending_and_blocked_accounts_refuse_updates_with_1125() {
    for (status, code) in [
        ("1002", "1125"),
        ("1012", "1125"),
        ("1004", ""),
        ("1000", ""),
    ] {
        let demo = with_status("resellers", RESELLER, status).await;
        let update = json!({ "params": { "resellerId": RESELLER }, "body": update_of("resellers", RESELLER, json!({})) });
        assert_eq!(
            demo.code(Endpoint::UpdateReseller, update).await,
            code,
            "reseller {status}"
        );
        let demo = with_status("customers", CUSTOMER, status).await;
        let update = json!({ "params": { "customerId": CUSTOMER }, "body": update_of("customers", CUSTOMER, json!({})) });
        assert_eq!(
            demo.code(Endpoint::UpdateCustomer, update).await,
            code,
            "customer {status}"
        );
    }
}

#[tokio::test]
async fn an_inactive_reseller_gets_no_customer_with_1126() {
    for (status, code) in [
        ("1004", "1126"),
        ("1012", "1126"),
        ("1002", ""),
        ("1000", ""),
    ] {
        let demo = with_status("resellers", RESELLER, status).await;
        assert_eq!(
            demo.code(Endpoint::CreateCustomer, new_customer()).await,
            code,
            "{status}"
        );
    }
}

#[tokio::test]
async fn a_changed_distributor_or_reseller_is_1119_the_held_one_passes() {
    let demo = Demo::new(|_| {}).await;
    let path = format!("/v3/resellers/{RESELLER}");
    for (distributor, code) in [("1000000001", ""), ("1000000002", "1119")] {
        let update = update_of(
            "resellers",
            RESELLER,
            json!({ "distributorId": distributor }),
        );
        assert_eq!(
            raw(&demo, "PATCH", &path, &update).await,
            code,
            "{distributor}"
        );
    }
    let path = format!("/v3/customers/{CUSTOMER}");
    for (reseller, code) in [(RESELLER, ""), ("5000000102", "1119")] {
        let update = update_of("customers", CUSTOMER, json!({ "resellerId": reseller }));
        assert_eq!(
            raw(&demo, "PATCH", &path, &update).await,
            code,
            "{reseller}"
        );
    }
}

#[tokio::test]
async fn the_order_history_takes_the_price_and_recommendation_flags() {
    let demo = Demo::new(|_| {}).await;
    let history = |query: &str| format!("/v3/customers/{CUSTOMER}/orders?{query}");
    let accepted = "fetch-price=true&fetch-recommendations=true&recommendation-language=MULT";
    assert_eq!(
        raw(&demo, "GET", &history(accepted), &Value::Null).await,
        ""
    );
    for refused in [
        "fetch-price=yes",
        "recommendation-language=en",
        "fetch-price=true&fetch-price=true",
    ] {
        assert_eq!(
            raw(&demo, "GET", &history(refused), &Value::Null).await,
            "1117",
            "{refused}"
        );
    }
}

#[tokio::test]
async fn a_scheduled_subscription_needs_renewal_on_and_a_quantity() {
    let demo = Demo::new(|_| {}).await;
    let path = format!("/v3/customers/{CUSTOMER}/subscriptions");
    let body = json!({ "offerId": "30001558CA01A12",
        "autoRenewal": { "enabled": true, "renewalQuantity": 10 } });
    assert_eq!(raw(&demo, "POST", &path, &body).await, "");
    let mut off = body.clone();
    off["autoRenewal"]["enabled"] = json!(false);
    assert_eq!(raw(&demo, "POST", &path, &off).await, "1117");
    let mut over = body.clone();
    over["autoRenewal"]["renewalQuantity"] = json!(10_001);
    assert_eq!(raw(&demo, "POST", &path, &over).await, "1117");
    let scheduled = demo
        .call(
            Endpoint::ListSubscriptions,
            json!({ "params": { "customerId": CUSTOMER } }),
        )
        .await;
    let listed = serde_json::to_string(&scheduled.body).expect("json");
    assert!(listed.contains("\"1009\""), "{listed}");
}

#[tokio::test]
async fn a_deployment_is_abroad_and_its_address_valid() {
    let demo = Demo::new(|_| {}).await;
    let path = format!("/v3/customers/{CUSTOMER}/deployments");
    let address = json!({ "country": "CA", "region": "ON", "city": "Ottawa",
        "addressLine1": "1 Bank St", "postalCode": "K1A 0B1" });
    let body = json!({ "companyProfile": { "address": address } });
    assert_eq!(raw(&demo, "POST", &path, &body).await, "");
    let mut home = body.clone();
    home["companyProfile"]["address"] = json!({ "country": "US", "region": "CA",
        "city": "San Jose", "addressLine1": "1 Main St", "postalCode": "95110" });
    assert_eq!(raw(&demo, "POST", &path, &home).await, "1141");
    assert_eq!(raw(&demo, "POST", &path, &json!({})).await, "1117");
    let mut postal = body.clone();
    postal["companyProfile"]["address"]["postalCode"] = json!("K1A0B1X");
    assert_eq!(raw(&demo, "POST", &path, &postal).await, "1118");
    let listed = demo
        .call(
            Endpoint::ListDeployments,
            json!({ "params": { "customerId": CUSTOMER } }),
        )
        .await;
    let listed = serde_json::to_value(listed.body).expect("json");
    let id = listed["value"]["items"][0]["deploymentId"]
        .as_str()
        .expect("a deployment")
        .to_owned();
    let one = format!("{path}/{id}");
    assert_eq!(raw(&demo, "PATCH", &one, &body).await, "");
    assert_eq!(raw(&demo, "PATCH", &one, &home).await, "1141");
    assert_eq!(
        raw(&demo, "PATCH", &format!("{path}/8999999999"), &body).await,
        "2138"
    );
}

#[tokio::test]
async fn recommendations_and_price_lists_are_asked_for_in_full() {
    let demo = Demo::new(|_| {}).await;
    let ask = json!({ "recommendationContext": "GENERIC", "customerId": CUSTOMER,
        "offers": [{ "offerId": "65304479CA01A12", "quantity": 1 }], "country": "US", "language": "EN" });
    assert_eq!(raw(&demo, "POST", "/v3/recommendations", &ask).await, "");
    let mut english = ask.clone();
    english["language"] = json!("en-US");
    assert_eq!(
        raw(&demo, "POST", "/v3/recommendations", &english).await,
        "1117"
    );
    let list = json!({ "region": "NA", "marketSegment": "COM", "currency": "USD", "priceListMonth": "202402" });
    assert_eq!(raw(&demo, "POST", "/v3/pricelist", &list).await, "");
    let mut month = list.clone();
    month["priceListMonth"] = json!("202413");
    assert_eq!(raw(&demo, "POST", "/v3/pricelist", &month).await, "5122");
    let mut unnamed = list.clone();
    unnamed.as_object_mut().expect("object").remove("region");
    assert_eq!(raw(&demo, "POST", "/v3/pricelist", &unnamed).await, "5122");
}

#[tokio::test]
async fn reads_take_the_recommendation_query_by_the_cores_rules() {
    let demo = Demo::new(|_| {}).await;
    let list = format!("/v3/customers/{CUSTOMER}/subscriptions");
    let asked = "fetch-recommendations=true&recommendation-country=US&recommendation-language=MULT";
    assert_eq!(
        raw(&demo, "GET", &format!("{list}?{asked}"), &Value::Null).await,
        ""
    );
    for refused in [
        "recommendation-language=en",
        "recommendation-country=usa",
        "fetch-recommendations=yes",
        "fetch-price=true",
    ] {
        let code = raw(&demo, "GET", &format!("{list}?{refused}"), &Value::Null).await;
        assert_eq!(code, "1117", "{refused}");
    }
}
