//! The price-list endpoint and PREVIEW's best offer IDs, driven through the
//! core's request builders and read with the core's parser and price-list
//! loader.

mod support;

use serde_json::json;
use support::Demo;
use vipmp::request::Endpoint;
use vipmp::response::Body;

#[tokio::test]
async fn the_seeded_price_list_is_served_filtered_and_paged() {
    let demo = Demo::new(|_| {}).await;
    let request = json!({ "body": { "region": "NA", "marketSegment": "COM", "currency": "USD",
        "priceListMonth": "202402" }, "query": { "limit": 3 } });
    let parsed = demo.call(Endpoint::FetchPriceList, request).await;
    let Some(Body::Json(list)) = parsed.body else {
        panic!("{:?}", parsed.error)
    };
    assert_eq!(
        (list["totalCount"].as_u64(), list["count"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(list["priceListType"], "STANDARD");
    let loaded = vipmp::pricing::price_list::load(&list.to_string(), Some("USD"));
    let loaded = loaded.expect("the core reads the answer as a price list");
    assert!(loaded.find("65304479CA01A12", None).is_some());

    let filtered = json!({ "body": { "region": "NA", "marketSegment": "COM", "currency": "USD",
        "priceListMonth": "202402", "filters": { "offerId": "65304386CA02A12" },
        "includeOfferAttributes": ["duration"] } });
    let Some(Body::Json(list)) = demo.call(Endpoint::FetchPriceList, filtered).await.body else {
        panic!("filtered")
    };
    assert_eq!(list["offers"].as_array().map(Vec::len), Some(1));
    assert!(list["offers"][0].get("productType").is_none());
    assert_eq!(list["offers"][0]["duration"], "12 Months");

    let missing = json!({ "body": { "region": "JP", "marketSegment": "COM", "currency": "JPY",
        "priceListMonth": "202402" } });
    assert_eq!(demo.code(Endpoint::FetchPriceList, missing).await, "1162");
}

#[tokio::test]
async fn a_preview_answers_the_best_offer_ids() {
    let demo = Demo::new(|_| {}).await;
    let order = |quantity: u64| {
        json!({ "params": { "customerId": "6000000201" }, "body": { "orderType": "PREVIEW",
            "currencyCode": "USD", "lineItems": [{ "extLineItemNumber": 1,
            "offerId": "65304479CA01A12", "quantity": quantity }] } })
    };
    let offer_of = |parsed: vipmp::response::Parsed| match parsed.body {
        Some(Body::Order(order)) => order.line_items[0].offer_id.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        offer_of(demo.call(Endpoint::CreateOrder, order(12)).await),
        "65304479CA02A12"
    );
    assert_eq!(
        offer_of(demo.call(Endpoint::CreateOrder, order(1)).await),
        "65304479CA01A12"
    );
}
