//! PREVIEW_RENEWAL from the auto-renewal preferences and the manual RENEWAL
//! of a lapsed subscription, driven through the core's request builders and
//! parser.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::resource::{Order, Subscription};
use vipmp::response::Body;

/// The demo's active customer.
const CUSTOMER: &str = "6000000201";
/// A Teams licence offer at level 01.
const OFFER: &str = "65304479CA01A12";
/// Seconds in a day.
const DAY: i64 = 86_400;

/// An order body of `order_type` with the given lines.
fn order(order_type: &str, lines: &Value) -> Value {
    json!({ "params": { "customerId": CUSTOMER }, "body": { "orderType": order_type,
        "currencyCode": "USD", "lineItems": lines } })
}

/// A RENEWAL of `quantity` seats of a subscription.
fn renewal(subscription: &str, quantity: u64) -> Value {
    order(
        "RENEWAL",
        &json!([{ "extLineItemNumber": 1, "offerId": OFFER, "quantity": quantity,
        "subscriptionId": subscription }]),
    )
}

/// A PREVIEW_RENEWAL of `quantity` seats of a subscription, its line given.
fn preview_renewal(subscription: &str, quantity: u64) -> Value {
    order(
        "PREVIEW_RENEWAL",
        &json!([{ "extLineItemNumber": 1, "offerId": OFFER, "quantity": quantity,
        "subscriptionId": subscription }]),
    )
}

/// The order an answer carries.
async fn placed(demo: &Demo, input: Value) -> Order {
    let parsed = demo.call(Endpoint::CreateOrder, input).await;
    match parsed.body {
        Some(Body::Order(order)) => order,
        _ => panic!("{:?}", parsed.error),
    }
}

/// Places a NEW order of `quantity` seats, lets it settle, answers the
/// subscription it opened.
async fn subscribed(demo: &Demo, quantity: u64) -> String {
    let line = json!([{ "extLineItemNumber": 1, "offerId": OFFER, "quantity": quantity }]);
    placed(demo, order("NEW", &line)).await;
    demo.advance(60).await;
    subscription(demo, None).await.subscription_id
}

/// The customer's (first) subscription, or the one named.
async fn subscription(demo: &Demo, id: Option<&str>) -> Subscription {
    let input = json!({ "params": { "customerId": CUSTOMER } });
    let Some(Body::Subscriptions(list)) = demo.call(Endpoint::ListSubscriptions, input).await.body
    else {
        panic!("subscriptions")
    };
    let found = list
        .items
        .into_iter()
        .find(|s| id.is_none_or(|id| s.subscription_id == id));
    found.expect("subscription")
}

/// Turns auto-renewal off.
async fn stop_auto_renewal(demo: &Demo, id: &str) {
    let input = json!({ "params": { "customerId": CUSTOMER, "subscriptionId": id },
        "body": { "autoRenewal": { "enabled": false } } });
    let parsed = demo.call(Endpoint::UpdateSubscription, input).await;
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
}

#[tokio::test]
async fn preview_renewal_follows_the_auto_renewal_preferences() {
    let demo = Demo::new(|_| {}).await;
    let preview = || {
        json!({ "params": { "customerId": CUSTOMER },
        "body": { "orderType": "PREVIEW_RENEWAL" } })
    };
    assert_eq!(demo.code(Endpoint::CreateOrder, preview()).await, "2136");
    let id = subscribed(&demo, 12).await;
    let renewing = placed(&demo, preview()).await;
    assert_eq!(renewing.order_id, None);
    assert_eq!(renewing.line_items.len(), 1);
    let line = &renewing.line_items[0];
    assert_eq!(line.subscription_id.as_deref(), Some(id.as_str()));
    assert_eq!(
        (line.offer_id.as_str(), line.quantity),
        ("65304479CA02A12", 12)
    );
    stop_auto_renewal(&demo, &id).await;
    assert_eq!(demo.code(Endpoint::CreateOrder, preview()).await, "2136");
}

#[tokio::test]
async fn a_lapsed_subscription_is_renewed_within_the_grace_period() {
    let mut demo = Demo::new(|_| {}).await;
    let id = subscribed(&demo, 5).await;
    assert_eq!(
        demo.code(Endpoint::CreateOrder, renewal(&id, 5)).await,
        "3121"
    );
    stop_auto_renewal(&demo, &id).await;
    demo.advance(366 * DAY).await;
    demo.refresh().await;
    let lapsed = subscription(&demo, Some(&id)).await;
    assert_eq!(lapsed.status, "1004");
    assert_eq!(lapsed.renewal_date.as_deref(), Some("2025-02-01"));
    assert_eq!(
        demo.code(Endpoint::CreateOrder, renewal(&id, 6)).await,
        "2120"
    );
    let unknown = renewal("0000000000000000000000000000NOPE", 5);
    assert_eq!(demo.code(Endpoint::CreateOrder, unknown).await, "3115");
    let renewed = placed(&demo, renewal(&id, 4)).await;
    assert_eq!(renewed.status.as_deref(), Some("1002"));
    demo.advance(60).await;
    let active = subscription(&demo, Some(&id)).await;
    assert_eq!(
        (active.status.as_str(), active.current_quantity),
        ("1000", 4)
    );
    assert_eq!(active.renewal_date.as_deref(), Some("2026-02-01"));
}

#[tokio::test]
async fn a_renewal_after_the_grace_period_is_outside_the_window() {
    let mut demo = Demo::new(|_| {}).await;
    let id = subscribed(&demo, 5).await;
    stop_auto_renewal(&demo, &id).await;
    demo.advance((366 + 15) * DAY).await;
    demo.refresh().await;
    assert_eq!(
        demo.code(Endpoint::CreateOrder, renewal(&id, 5)).await,
        "3122"
    );
}

#[tokio::test]
async fn a_preview_renewal_of_given_lines_is_held_to_the_renewal_window() {
    let mut demo = Demo::new(|_| {}).await;
    let id = subscribed(&demo, 5).await;
    // A year before the renewal date: too early even for an early renewal.
    assert_eq!(
        demo.code(Endpoint::CreateOrder, preview_renewal(&id, 5))
            .await,
        "3121"
    );
    let unknown = preview_renewal("0000000000000000000000000000NOPE", 5);
    assert_eq!(demo.code(Endpoint::CreateOrder, unknown).await, "3115");
    // Twenty days before it: within the early-renewal window.
    demo.advance((366 - 20) * DAY).await;
    demo.refresh().await;
    let previewed = placed(&demo, preview_renewal(&id, 5)).await;
    assert_eq!(previewed.order_id, None);
    assert_eq!(
        previewed.line_items[0].subscription_id.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(
        demo.code(Endpoint::CreateOrder, preview_renewal(&id, 6))
            .await,
        "2120"
    );
}
