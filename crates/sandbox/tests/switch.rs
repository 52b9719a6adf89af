//! Mid-term switches and their reverts, driven through the core's request
//! builders and parser.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::resource::{Order, Subscription};
use vipmp::response::Body;

/// The demo's active customer.
const CUSTOMER: &str = "6000000201";
/// The offer switched from.
const FROM: &str = "65304479CA01A12";
/// The offer switched to.
const TO: &str = "65304386CA01A12";

/// A switch order of `quantity` seats away from a subscription.
fn switch(order_type: &str, subscription: &str, quantity: u64) -> Value {
    json!({ "params": { "customerId": CUSTOMER }, "body": { "orderType": order_type,
        "currencyCode": "USD",
        "lineItems": [{ "extLineItemNumber": 1, "offerId": TO, "quantity": quantity }],
        "cancellingItems": [{ "extLineItemNumber": 1, "referenceLineItemNumber": 1,
            "subscriptionId": subscription, "quantity": quantity }] } })
}

/// An order referring to another: RETURN, REVERT_SWITCH or its preview.
fn referring(order_type: &str, reference: &str) -> Value {
    let mut body = json!({ "orderType": order_type, "referenceOrderId": reference });
    if order_type == "RETURN" {
        body["currencyCode"] = json!("USD");
        body["lineItems"] = json!([{ "extLineItemNumber": 1, "offerId": TO, "quantity": 3 }]);
    }
    json!({ "params": { "customerId": CUSTOMER }, "body": body })
}

/// The order an answer carries.
async fn placed(demo: &Demo, input: Value) -> Order {
    let parsed = demo.call(Endpoint::CreateOrder, input).await;
    match parsed.body {
        Some(Body::Order(order)) => order,
        _ => panic!("{:?}", parsed.error),
    }
}

/// The customer's subscriptions.
async fn subscriptions(demo: &Demo) -> Vec<Subscription> {
    let input = json!({ "params": { "customerId": CUSTOMER } });
    match demo.call(Endpoint::ListSubscriptions, input).await.body {
        Some(Body::Subscriptions(list)) => list.items,
        other => panic!("{other:?}"),
    }
}

/// Seats and status of the subscription of an offer.
async fn holding(demo: &Demo, offer: &str) -> (u64, String) {
    let all = subscriptions(demo).await;
    let found = all.into_iter().find(|s| s.offer_id == offer);
    found.map_or((0, String::new()), |s| (s.current_quantity, s.status))
}

/// A settled NEW order of 5 seats of [`FROM`]; answers its subscription.
async fn five_seats(demo: &Demo) -> String {
    let order = json!({ "params": { "customerId": CUSTOMER }, "body": { "orderType": "NEW",
        "currencyCode": "USD",
        "lineItems": [{ "extLineItemNumber": 1, "offerId": FROM, "quantity": 5 }] } });
    placed(demo, order).await;
    demo.advance(60).await;
    subscriptions(demo).await[0].subscription_id.clone()
}

#[tokio::test]
async fn a_switch_moves_seats_and_a_revert_moves_them_back() {
    let demo = Demo::new(|_| {}).await;
    let from = five_seats(&demo).await;
    let preview = placed(&demo, switch("PREVIEW_SWITCH", &from, 3)).await;
    assert_eq!(preview.order_id, None);
    assert_eq!(
        demo.code(Endpoint::CreateOrder, switch("SWITCH", &from, 6))
            .await,
        "2151"
    );
    let unknown = switch("SWITCH", "0000000000000000000000000000NOPE", 3);
    assert_eq!(demo.code(Endpoint::CreateOrder, unknown).await, "3115");

    let switched = placed(&demo, switch("SWITCH", &from, 3)).await;
    let id = switched.order_id.expect("order id");
    assert_eq!(switched.status.as_deref(), Some("1002"));
    let early = referring("REVERT_SWITCH", &id);
    assert_eq!(demo.code(Endpoint::CreateOrder, early).await, "2116");
    demo.advance(60).await;
    assert_eq!(holding(&demo, FROM).await, (2, "1000".into()));
    assert_eq!(holding(&demo, TO).await, (3, "1000".into()));

    let returned = referring("RETURN", &id);
    assert_eq!(demo.code(Endpoint::CreateOrder, returned).await, "2127");
    let preview = placed(&demo, referring("PREVIEW_REVERT_SWITCH", &id)).await;
    assert_eq!(preview.line_items[0].offer_id, TO);
    let revert = placed(&demo, referring("REVERT_SWITCH", &id)).await;
    assert_eq!(revert.status.as_deref(), Some("1002"));
    assert_eq!(holding(&demo, FROM).await, (5, "1000".into()));
    assert_eq!(holding(&demo, TO).await, (0, "1004".into()));
    let again = referring("REVERT_SWITCH", &id);
    assert_eq!(demo.code(Endpoint::CreateOrder, again).await, "2118");
}

#[tokio::test]
async fn a_switch_is_reverted_within_fourteen_days_only() {
    let mut demo = Demo::new(|_| {}).await;
    let from = five_seats(&demo).await;
    let id = placed(&demo, switch("SWITCH", &from, 5)).await.order_id;
    let id = id.expect("order id");
    demo.advance(60).await;
    assert_eq!(holding(&demo, FROM).await, (0, "1004".into()));
    demo.advance(15 * 86_400).await;
    demo.refresh().await;
    let late = referring("REVERT_SWITCH", &id);
    assert_eq!(demo.code(Endpoint::CreateOrder, late).await, "2134");
    let new = json!({ "params": { "customerId": CUSTOMER }, "body": { "orderType": "NEW",
        "currencyCode": "USD",
        "lineItems": [{ "extLineItemNumber": 1, "offerId": FROM, "quantity": 1 }] } });
    let new = placed(&demo, new).await.order_id.expect("order id");
    let not_a_switch = referring("REVERT_SWITCH", &new);
    assert_eq!(demo.code(Endpoint::CreateOrder, not_a_switch).await, "2127");
}
