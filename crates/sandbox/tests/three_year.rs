//! 3YC on customers (requests, decisions through the admin route, the
//! commitment an order creates, levels and PREVIEW) and the RETURN of a
//! pending order, driven through the core's request builders and parser.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::resource::{Customer, Order};
use vipmp::response::Body;

/// The demo's active customer.
const CUSTOMER: &str = "6000000201";
/// A Teams licence offer at level 01.
const OFFER: &str = "65304479CA01A12";

/// A PATCH of the demo customer's 3YC benefit: `key` is `commitmentRequest`
/// or `recommitmentRequest` (the profile is sent again: "Update replaces
/// existing data").
fn request_3yc(key: &str, licenses: u64) -> Value {
    let seed: Value = serde_json::from_str(vipmp_sandbox::seed::DEMO).expect("seed");
    let profile = &seed["store"]["customers"][CUSTOMER]["companyProfile"];
    json!({ "params": { "customerId": CUSTOMER }, "body": { "companyProfile": profile,
        "benefits": [{ "type": "THREE_YEAR_COMMIT",
        key: { "minimumQuantities": [{ "offerType": "LICENSE", "quantity": licenses }] } }] } })
}

/// An order of `quantity` seats of [`OFFER`].
fn order(order_type: &str, quantity: u64) -> Value {
    json!({ "params": { "customerId": CUSTOMER }, "body": { "orderType": order_type,
        "currencyCode": "USD", "lineItems": [{ "extLineItemNumber": 1, "offerId": OFFER,
        "quantity": quantity }] } })
}

/// The customer as Get Customer answers it.
async fn customer(demo: &Demo) -> Customer {
    let input = json!({ "params": { "customerId": CUSTOMER } });
    match demo.call(Endpoint::GetCustomer, input).await.body {
        Some(Body::Customer(customer)) => customer,
        other => panic!("{other:?}"),
    }
}

/// An order answer.
async fn placed(demo: &Demo, input: Value) -> Order {
    let parsed = demo.call(Endpoint::CreateOrder, input).await;
    match parsed.body {
        Some(Body::Order(order)) => order,
        _ => panic!("{:?}", parsed.error),
    }
}

/// The offer a PREVIEW of `quantity` seats answers.
async fn preview(demo: &Demo, quantity: u64) -> String {
    placed(demo, order("PREVIEW", quantity)).await.line_items[0]
        .offer_id
        .clone()
}

/// The customer's decision through the admin route.
async fn decide(demo: &Demo, decision: &str) -> (u16, Value) {
    let body = json!({ "customerId": CUSTOMER, "decision": decision });
    demo.admin("/admin/commitments", body).await
}

/// The 3YC benefit of a customer, as JSON.
fn three_year(customer: &Customer) -> Value {
    let benefit = customer
        .benefits
        .iter()
        .find(|b| b.benefit_type == "THREE_YEAR_COMMIT")
        .expect("3YC benefit");
    serde_json::to_value(benefit).expect("json")
}

#[tokio::test]
async fn an_accepted_request_lifts_preview_and_an_order_reaching_it_commits() {
    let demo = Demo::new(|_| {}).await;
    let parsed = demo
        .call(
            Endpoint::UpdateCustomer,
            request_3yc("commitmentRequest", 10),
        )
        .await;
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
    let stored = three_year(&customer(&demo).await);
    assert_eq!(stored["commitmentRequest"]["status"], "REQUESTED");
    assert_eq!(preview(&demo, 10).await, "65304479CA02A12");

    let (status, accepted) = decide(&demo, "ACCEPT").await;
    assert_eq!(status, 200, "{accepted}");
    let request = &accepted["benefits"][0]["commitmentRequest"];
    assert_eq!(request["status"], "ACCEPTED");
    assert_eq!(request["startDate"], "2024-02-01");
    assert_eq!(request["endDate"], "2027-02-01");
    assert_eq!(preview(&demo, 10).await, "65304479CA12A12");
    assert_eq!(preview(&demo, 9).await, "65304479CA01A12");

    placed(&demo, order("NEW", 10)).await;
    demo.advance(60).await;
    let after = customer(&demo).await;
    let benefit = three_year(&after);
    assert_eq!(benefit["commitmentRequest"]["status"], "COMMITTED");
    assert_eq!(benefit["commitment"]["status"], "COMMITTED");
    assert_eq!(
        benefit["commitment"]["minimumQuantities"][0]["quantity"],
        10
    );
    let license = after.discounts.iter().find(|d| d.offer_type == "LICENSE");
    assert_eq!(license.map(|d| d.level.as_str()), Some("12"));
    assert_eq!(preview(&demo, 1).await, "65304479CA12A12");
}

#[tokio::test]
async fn the_core_validator_enforces_the_mutual_exclusions_on_the_stored_customer() {
    let mut demo = Demo::new(commitment_ending("2024-02-20")).await;
    let recommit = request_3yc("recommitmentRequest", 10);
    let parsed = demo.call(Endpoint::UpdateCustomer, recommit).await;
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
    let commit = request_3yc("commitmentRequest", 20);
    assert_eq!(demo.code(Endpoint::UpdateCustomer, commit).await, "1117");
    let body = json!({ "customerId": CUSTOMER, "decision": "ACCEPT",
        "request": "recommitmentRequest" });
    let (status, accepted) = demo.admin("/admin/commitments", body).await;
    assert_eq!(status, 200, "{accepted}");
    let request = &accepted["benefits"][0]["recommitmentRequest"];
    assert_eq!(request["status"], "ACCEPTED");
    assert_eq!(request["startDate"], "2024-02-21");
    demo.advance(20 * 86_400).await;
    demo.refresh().await;
    let benefit = three_year(&customer(&demo).await);
    assert_eq!(benefit["commitment"]["status"], "COMMITTED");
    assert_eq!(benefit["commitment"]["startDate"], "2024-02-21");
    assert_eq!(benefit["commitment"]["endDate"], "2027-02-21");
}

#[tokio::test]
async fn lga_is_refused_with_1147_for_a_customer_in_3yc() {
    let demo = Demo::new(commitment_ending("2024-02-20")).await;
    let mut input = request_3yc("commitmentRequest", 10);
    let body = &mut input["body"];
    body["companyProfile"]["marketSegment"] = json!("GOV");
    body["companyProfile"]["marketSubSegments"] = json!(["FEDERAL"]);
    body["benefits"] = json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]);
    assert_eq!(demo.code(Endpoint::UpdateCustomer, input).await, "1147");
}

#[tokio::test]
async fn a_recommitment_needs_a_committed_commitment_and_a_lapsed_one_expires() {
    let mut demo = Demo::new(commitment_ending("2024-02-20")).await;
    demo.advance(20 * 86_400).await;
    demo.refresh().await;
    let benefit = three_year(&customer(&demo).await);
    assert_eq!(benefit["commitment"]["status"], "EXPIRED");
    let recommit = request_3yc("recommitmentRequest", 10);
    assert_eq!(demo.code(Endpoint::UpdateCustomer, recommit).await, "1117");
    let fresh = Demo::new(|_| {}).await;
    let recommit = request_3yc("recommitmentRequest", 10);
    assert_eq!(fresh.code(Endpoint::UpdateCustomer, recommit).await, "1117");
    assert!(three_year_of(&customer(&fresh).await).is_none());
}

/// A seed edit giving the demo customer a COMMITTED commitment of 10 licences
/// ending on `end`.
fn commitment_ending(end: &str) -> impl FnOnce(&mut Value) {
    let end = end.to_owned();
    move |seed| {
        seed["store"]["customers"][CUSTOMER]["benefits"] = json!([{
            "type": "THREE_YEAR_COMMIT", "commitment": { "startDate": "2021-02-21",
            "endDate": end, "status": "COMMITTED",
            "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 10 }] } }]);
    }
}

/// The 3YC benefit, if any.
fn three_year_of(customer: &Customer) -> Option<Value> {
    customer
        .benefits
        .iter()
        .find(|b| b.benefit_type == "THREE_YEAR_COMMIT")
        .and_then(|b| serde_json::to_value(b).ok())
}

#[tokio::test]
async fn requests_are_declined_or_expire_with_the_clock() {
    let mut demo = Demo::new(|_| {}).await;
    let ask = || request_3yc("commitmentRequest", 20);
    assert!(
        demo.call(Endpoint::UpdateCustomer, ask())
            .await
            .error
            .is_none()
    );
    assert_eq!(decide(&demo, "DECLINE").await.0, 200);
    assert_eq!(decide(&demo, "ACCEPT").await.0, 409);
    let declined = three_year(&customer(&demo).await);
    assert_eq!(declined["commitmentRequest"]["status"], "DECLINED");
    assert_eq!(decide(&demo, "MAYBE").await.0, 400);

    assert!(
        demo.call(Endpoint::UpdateCustomer, ask())
            .await
            .error
            .is_none()
    );
    assert_eq!(decide(&demo, "ACCEPT").await.0, 200);
    demo.advance(30 * 86_400).await;
    demo.refresh().await;
    let open = three_year(&customer(&demo).await);
    assert_eq!(open["commitmentRequest"]["status"], "ACCEPTED");
    demo.advance(86_400).await;
    demo.refresh().await;
    let lapsed = three_year(&customer(&demo).await);
    assert_eq!(lapsed["commitmentRequest"]["status"], "EXPIRED");
    assert_eq!(preview(&demo, 20).await, "65304479CA02A12");
}

#[tokio::test]
async fn accepting_quantities_already_held_commits_at_once() {
    let demo = Demo::new(|_| {}).await;
    placed(&demo, order("NEW", 12)).await;
    demo.advance(60).await;
    let ask = request_3yc("commitmentRequest", 10);
    assert!(
        demo.call(Endpoint::UpdateCustomer, ask)
            .await
            .error
            .is_none()
    );
    let (status, body) = decide(&demo, "ACCEPT").await;
    assert_eq!(status, 200, "{body}");
    let after = customer(&demo).await;
    let benefit = three_year(&after);
    assert_eq!(benefit["commitment"]["status"], "COMMITTED");
    assert_eq!(benefit["commitment"]["endDate"], "2027-02-01");
    let license = after.discounts.iter().find(|d| d.offer_type == "LICENSE");
    assert_eq!(license.map(|d| d.level.as_str()), Some("12"));
}

#[tokio::test]
async fn a_return_against_a_pending_order_is_refused() {
    let demo = Demo::new(|_| {}).await;
    let pending = placed(&demo, order("NEW", 3)).await;
    assert_eq!(pending.status.as_deref(), Some("1002"));
    let mut input = order("RETURN", 3);
    input["body"]["referenceOrderId"] = json!(pending.order_id);
    assert_eq!(
        demo.code(Endpoint::CreateOrder, input.clone()).await,
        "2116"
    );
    demo.advance(60).await;
    let parsed = demo.call(Endpoint::CreateOrder, input).await;
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
}
