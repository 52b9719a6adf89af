//! The subscription and order rules of issue 15 end to end: the demo seed's
//! Large Government Agency (6000000202) and its 3YC customer holding a High
//! Growth (MOQ) subscription (6000000203), driven through the core's request
//! builders and parser. Each refusal carries Adobe's code.

mod support;

use serde_json::{Value, json};
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::response::Body;

/// A customer that is neither LGA nor 3YC.
const PLAIN: &str = "6000000201";
/// The LGA customer (GOV, FEDERAL, level 01: no LGA level yet).
const LGA: &str = "6000000202";
/// The 3YC customer committed to 100 licences, holding 100 seats of the
/// Acrobat Pro MOQ 100 offer.
const COMMITTED: &str = "6000000203";
const MOQ_SUBSCRIPTION: &str = "5A0C7E2B9D4F6A8B0C1D2E3F4A5B6C7D";

fn order(customer: &str, order_type: &str, line: &Value) -> Value {
    json!({ "params": { "customerId": customer }, "body": { "orderType": order_type,
        "currencyCode": "USD", "lineItems": [line] } })
}

fn line(offer: &str, quantity: u64) -> Value {
    json!({ "extLineItemNumber": 1, "offerId": offer, "quantity": quantity })
}

#[tokio::test]
async fn an_lga_customer_orders_at_least_100_licences() {
    let demo = Demo::new(|_| {}).await;
    for order_type in ["PREVIEW", "NEW"] {
        let few = order(LGA, order_type, &line("65304479CC06A12", 99));
        assert_eq!(demo.code(Endpoint::CreateOrder, few).await, "1170");
    }
    let enough = order(LGA, "NEW", &line("65304479CC06A12", 100));
    assert_eq!(demo.code(Endpoint::CreateOrder, enough).await, "");
}

#[tokio::test]
async fn lga_offers_are_refused_to_other_customers() {
    let demo = Demo::new(|_| {}).await;
    let lga_offer = order(PLAIN, "NEW", &line("65304479CA06A12", 100));
    assert_eq!(demo.code(Endpoint::CreateOrder, lga_offer).await, "2129");
    let standard = order(PLAIN, "NEW", &line("65304479CA04A12", 100));
    assert_eq!(demo.code(Endpoint::CreateOrder, standard).await, "");
}

#[tokio::test]
async fn an_offer_of_another_market_segment_is_an_ineligible_purchase() {
    let demo = Demo::new(|_| {}).await;
    for order_type in ["PREVIEW", "NEW"] {
        let education = order(PLAIN, order_type, &line("65304479CB01A12", 1));
        let parsed = demo.call(Endpoint::CreateOrder, education).await;
        let error = parsed.error.expect("refused");
        assert_eq!(error.code, "2129", "{order_type}");
        let reasons: Vec<&str> = error.reasons.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(reasons, ["INELIGIBLE_MARKET_SEGMENT"], "{order_type}");
    }
}

#[tokio::test]
async fn an_hvd_discount_code_needs_a_migrated_customer() {
    let demo = Demo::new(|_| {}).await;
    let mut with_code = line("65304479CA14A12", 100);
    with_code["discountCode"] = json!("HVD_L17_PRE");
    let input = order(PLAIN, "NEW", &with_code);
    assert_eq!(
        demo.code(Endpoint::CreateOrder, input.clone()).await,
        "5135"
    );
    let migrated = Demo::new(|seed| {
        seed["store"]["customers"][PLAIN]["tags"] = json!(["HVD_MIGRATED_CUSTOMER"]);
    })
    .await;
    assert_eq!(migrated.code(Endpoint::CreateOrder, input).await, "");
}

#[tokio::test]
async fn an_moq_subscription_keeps_auto_renewal_on() {
    let demo = Demo::new(|_| {}).await;
    let update = |enabled: bool| {
        json!({ "params": { "customerId": COMMITTED, "subscriptionId": MOQ_SUBSCRIPTION },
            "body": { "autoRenewal": { "enabled": enabled } } })
    };
    assert_eq!(
        demo.code(Endpoint::UpdateSubscription, update(false)).await,
        "5134"
    );
    assert_eq!(
        demo.code(Endpoint::UpdateSubscription, update(true)).await,
        ""
    );
}

/// Buys 5 seats of Acrobat Pro for the committed customer, settled; its ID.
async fn five_more(demo: &Demo) -> String {
    let input = order(COMMITTED, "NEW", &line("65304479CA14A12", 5));
    let Some(Body::Order(placed)) = demo.call(Endpoint::CreateOrder, input).await.body else {
        panic!("no order")
    };
    demo.advance(60).await;
    placed.order_id.expect("id")
}

fn give_back(reference: &str, quantity: u64) -> Value {
    json!({ "params": { "customerId": COMMITTED }, "body": { "orderType": "RETURN",
        "referenceOrderId": reference, "lineItems": [line("65304479CA14A12", quantity)] } })
}

#[tokio::test]
async fn a_return_keeps_the_committed_minimum() {
    let demo = Demo::new(|_| {}).await;
    let bought = five_more(&demo).await;
    assert_eq!(
        demo.code(Endpoint::CreateOrder, give_back(&bought, 5))
            .await,
        ""
    );
    let tighter = Demo::new(|seed| {
        let benefit = &mut seed["store"]["customers"][COMMITTED]["benefits"][0];
        benefit["commitment"]["minimumQuantities"][0]["quantity"] = json!(104);
    })
    .await;
    let bought = five_more(&tighter).await;
    let back = |n| give_back(&bought, n);
    assert_eq!(tighter.code(Endpoint::CreateOrder, back(1)).await, "");
    tighter.advance(60).await;
    assert_eq!(
        tighter.code(Endpoint::CreateOrder, back(1)).await,
        "RETURN_VIOLATES_3YC_MCQ"
    );
}

/// An early RENEWAL of the MOQ subscription (renewal date 2024-03-01; the
/// seed's day is 2024-02-01, 29 days before).
fn early_renewal() -> Value {
    let mut renewing = line("65304479CA14X12", 100);
    renewing["subscriptionId"] = json!(MOQ_SUBSCRIPTION);
    order(COMMITTED, "RENEWAL", &renewing)
}

#[tokio::test]
async fn an_early_renewal_holds_other_orders_until_it_completes() {
    let demo = Demo::new(|_| {}).await;
    let Some(Body::Order(renewing)) = demo.call(Endpoint::CreateOrder, early_renewal()).await.body
    else {
        panic!("no early renewal")
    };
    assert_eq!(renewing.status.as_deref(), Some("1002"));
    let more = || order(COMMITTED, "NEW", &line("65304479CA14A12", 5));
    assert_eq!(demo.code(Endpoint::CreateOrder, more()).await, "3131");
    demo.advance(60).await;
    assert_eq!(demo.code(Endpoint::CreateOrder, more()).await, "");
}

#[tokio::test]
async fn no_early_renewal_in_the_final_3yc_term() {
    let ending = |recommitted: bool| {
        move |seed: &mut Value| {
            let benefit = &mut seed["store"]["customers"][COMMITTED]["benefits"][0];
            benefit["commitment"]["endDate"] = json!("2024-02-29");
            if recommitted {
                benefit["recommitmentRequest"] = json!({ "status": "ACCEPTED",
                    "minimumQuantities": [{ "offerType": "LICENSE", "quantity": 100 }] });
            }
        }
    };
    let last_term = Demo::new(ending(false)).await;
    assert_eq!(
        last_term.code(Endpoint::CreateOrder, early_renewal()).await,
        "3133"
    );
    let recommitted = Demo::new(ending(true)).await;
    assert_eq!(
        recommitted
            .code(Endpoint::CreateOrder, early_renewal())
            .await,
        ""
    );
}

/// An Update Customer of the LGA seed customer asking the LGA benefit.
fn convert() -> Value {
    let seed: Value = serde_json::from_str(vipmp_sandbox::seed::DEMO).expect("seed");
    let profile = &seed["store"]["customers"][LGA]["companyProfile"];
    json!({ "params": { "customerId": LGA }, "body": { "companyProfile": profile,
        "benefits": [{ "type": "LARGE_GOVERNMENT_AGENCY" }] } })
}

#[tokio::test]
async fn a_conversion_to_lga_needs_100_licences_renewing() {
    let renewing = |quantity: u64| {
        move |seed: &mut Value| {
            let customer = &mut seed["store"]["customers"][LGA];
            customer["benefits"] = json!([]);
            seed["store"]["subscriptions"][LGA] = json!({ "7B1D": {
                "subscriptionId": "7B1D", "offerId": "65304479CC01A12", "currentQuantity": 120,
                "usedQuantity": 90, "autoRenewal": { "enabled": true, "renewalQuantity": quantity },
                "creationDate": "2023-06-01T10:00:00Z", "renewalDate": "2024-06-01", "status": "1000" } });
        }
    };
    let short = Demo::new(renewing(99)).await;
    assert_eq!(
        short.code(Endpoint::UpdateCustomer, convert()).await,
        "1170"
    );
    let enough = Demo::new(renewing(100)).await;
    assert_eq!(enough.code(Endpoint::UpdateCustomer, convert()).await, "");
}
