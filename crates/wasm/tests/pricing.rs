//! The pricing bindings in `wasm-bindgen-test`: the conversions across the
//! boundary (handles, optional arguments, thrown errors); the rules are tested
//! in the core.

#![cfg(all(target_arch = "wasm32", feature = "commerce"))]

use js_sys::Array;
use vipmp_wasm::pricing::{
    PriceListHandle, check_basket_js, classify_account, discount_level, load_price_list,
    parse_offer_id, quote,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::*;

const LIST: &str = "Offer ID,Product Type Detail,Partner Price\n\
65304479CA01A12,Annual,173.28\n65304479CA02A12,Annual,164.62\n";

/// A handle made on the Rust side (a handle held by JS cannot be borrowed
/// back as `&PriceListHandle` in a test).
fn handle() -> PriceListHandle {
    let list = vipmp::pricing::price_list::load(LIST, Some("USD")).expect("list");
    PriceListHandle::from(list)
}

#[wasm_bindgen_test]
fn parses_offer_ids() {
    let answer = parse_offer_id(&string("65304479CA14X12"));
    assert_eq!(get(&answer, "valid"), JsValue::TRUE);
    let offer = get(&answer, "offer");
    assert_eq!(text(&offer, "marketSegment").as_deref(), Some("COM"));
    assert_eq!(get(&offer, "minimumOrderQuantity").as_f64(), Some(100.0));
    assert_eq!(
        codes(&parse_offer_id(&string("nope"))),
        ["offer_id.invalid_format"]
    );
}

#[wasm_bindgen_test]
fn discount_level_reads_partial_input_and_throws_on_a_bad_shape() {
    let outcome = discount_level(js(r#"{"order":{"license":50}}"#)).expect("outcome");
    assert_eq!(
        text(&get(&outcome, "license"), "level").as_deref(),
        Some("03")
    );
    assert_eq!(
        text(&outcome, "message").as_deref(),
        Some("Volume Discount Level: 03")
    );
    assert!(discount_level(js(r#"{"order":"many"}"#)).is_err());
}

#[wasm_bindgen_test]
fn the_level_basis_is_an_option_and_is_echoed() {
    let by_order =
        discount_level(js(r#"{"owned":{"license":7},"order":{"license":3}}"#)).expect("outcome");
    assert_eq!(
        text(&get(&by_order, "license"), "level").as_deref(),
        Some("01")
    );
    assert_eq!(text(&by_order, "basis").as_deref(), Some("order"));
    let by_term = discount_level(js(
        r#"{"basis":"term","owned":{"license":7},"order":{"license":3}}"#,
    ))
    .expect("outcome");
    assert_eq!(
        text(&get(&by_term, "license"), "level").as_deref(),
        Some("02")
    );
    assert_eq!(text(&by_term, "basis").as_deref(), Some("term"));
    assert!(discount_level(js(r#"{"basis":"year"}"#)).is_err());
    let handle = handle();
    let basket = js(r#"{"lines":[{"offerId":"65304479CA01A12","quantity":3}]}"#);
    let context = js(r#"{"currency":"USD","owned":{"license":7},"levelBasis":"term"}"#);
    let answer = quote(&basket, &handle, context).expect("quote");
    let line = Array::from(&get(&answer, "lines")).get(0);
    assert_eq!(text(&line, "offerId").as_deref(), Some("65304479CA02A12"));
}

#[wasm_bindgen_test]
fn loads_a_price_list_or_reports_line_and_column() {
    let loaded = load_price_list(&string(LIST), Some(string("USD"))).expect("answer");
    let list = get(&loaded, "priceList");
    assert!(list.is_object());
    let bad = load_price_list(
        &string("Offer ID,Partner Price\nX,1\n"),
        Some(string("USD")),
    )
    .expect("answer");
    assert_eq!(get(&bad, "valid"), JsValue::FALSE);
    assert!(get(&bad, "priceList").is_undefined());
    let violation = Array::from(&get(&bad, "violations")).get(0);
    assert_eq!(get(&get(&violation, "params"), "line").as_f64(), Some(2.0));
    let handle = handle();
    assert_eq!(handle.length(), 2);
    assert_eq!(handle.currency(), "USD");
    let row = handle.find(&string("65304479CA02A12"), None).expect("row");
    assert_eq!(
        text(&get(&row, "partnerPrice"), "amount").as_deref(),
        Some("164.62")
    );
    assert!(
        handle
            .find(&string("65304479CA03A12"), None)
            .expect("none")
            .is_undefined()
    );
    assert!(
        handle
            .find(&string("65304479CA02A12"), Some(string("2024-13-01")))
            .is_err()
    );
}

#[wasm_bindgen_test]
fn quotes_a_basket() {
    let handle = handle();
    let basket = js(
        r#"{"lines":[{"kind":"container","quantity":1},{"offerId":"65304479CA01A12","quantity":1}]}"#,
    );
    let context = js(r#"{"today":"2022-07-25","cotermDate":"2023-03-10","currency":"USD"}"#);
    let answer = quote(&basket, &handle, context).expect("quote");
    assert_eq!(get(&answer, "valid"), JsValue::TRUE);
    assert_eq!(
        text(&get(&answer, "total"), "amount").as_deref(),
        Some("108.24")
    );
    assert_eq!(
        get(&get(&answer, "total"), "minorUnits").as_f64(),
        Some(10824.0)
    );
    let rejected =
        quote(&JsValue::UNDEFINED, &handle, js(r#"{"currency":"USD"}"#)).expect("answer");
    assert_eq!(codes(&rejected), ["type.invalid"]);
    assert!(quote(&basket, &handle, js(r#"{"today":"someday"}"#)).is_err());
}

#[wasm_bindgen_test]
fn checks_baskets_with_and_without_a_price_list() {
    let basket = js(r#"{"lines":[{"offerId":"65304479CA01A12","quantity":1}]}"#);
    let answer = check_basket_js(&basket, None).expect("check");
    assert_eq!(codes(&answer), ["basket.container_missing"]);
    let handle = handle();
    let with_list = handle
        .check_basket(
            &basket,
            Some(js(r#"{"existingSubscription":true,"currency":"EUR"}"#)),
        )
        .expect("check");
    assert_eq!(codes(&with_list), ["currency.mismatch"]);
    assert_eq!(
        codes(&check_basket_js(&js("[]"), None).expect("check")),
        ["type.invalid"]
    );
}

#[wasm_bindgen_test]
fn classifies_accounts() {
    let answer = classify_account(&js(
        r#"{"ID":"1082733","Role":"Reseller","ResellerID":"1082733"}"#,
    ));
    assert_eq!(text(&answer, "class").as_deref(), Some("reseller"));
    let end = classify_account(&js(r#"{"ID":"2","Role":"User","ResellerID":"1082733"}"#));
    assert_eq!(text(&end, "class").as_deref(), Some("endCustomer"));
    assert_eq!(codes(&classify_account(&JsValue::NULL)), ["type.invalid"]);
}
