//! `buildRequest`, `parseResponse` and `describeError` across the boundary, run
//! by `wasm-bindgen-test`. The rules are tested in the core; these check that
//! JS values go in and plain JS objects come out.

#![cfg(all(target_arch = "wasm32", feature = "commerce"))]

use js_sys::Array;
use vipmp_wasm::request::{
    JsCorrelator, build_address, build_request, describe_error, parse_response,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::*;

const HISTORY: &str = r#"{"params":{"customerId":"9876543210"},
 "query":{"status":["1000","1002"],"limit":3},
 "ids":{"correlationId":"c-1","requestId":"r-1"}}"#;

#[wasm_bindgen_test]
fn builds_a_request_with_repeated_parameters() {
    let result = build_request(&string("getOrderHistory"), &js(HISTORY)).expect("result");
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
    assert_eq!(
        text(&result, "url").as_deref(),
        Some("/v3/customers/9876543210/orders?status=1000&status=1002&limit=3")
    );
    let request = get(&result, "request");
    assert_eq!(text(&request, "method").as_deref(), Some("GET"));
    assert_eq!(Array::from(&get(&request, "query")).length(), 3);
}

#[wasm_bindgen_test]
fn invalid_input_is_violations_not_an_exception() {
    let input = js(r#"{"params":{"customerId":"x"},"body":{"orderType":"NEW"}}"#);
    let result = build_request(&string("createOrder"), &input).expect("result");
    assert_eq!(get(&result, "valid"), JsValue::FALSE);
    let paths: Vec<String> = Array::from(&get(&result, "violations"))
        .iter()
        .filter_map(|v| text(&v, "path"))
        .collect();
    assert!(paths.contains(&"params.customerId".to_owned()));
    assert!(paths.contains(&"ids.correlationId".to_owned()));
}

#[wasm_bindgen_test]
fn an_address_needs_no_ids_and_lists_its_parameters() {
    let input = js(r#"{"params":{"customerId":"9876543210","orderId":"1234567890"}}"#);
    let result = build_address(&string("getOrder"), &input).expect("result");
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
    assert_eq!(
        text(&result, "url").as_deref(),
        Some("/v3/customers/9876543210/orders/1234567890")
    );
    let address = get(&result, "address");
    assert_eq!(text(&address, "method").as_deref(), Some("GET"));
    let first = Array::from(&Array::from(&get(&address, "params")).get(0));
    assert_eq!(first.get(0).as_string().as_deref(), Some("customerId"));
    let refused = build_address(
        &string("getOrder"),
        &js(r#"{"params":{"customerId":"x/y"}}"#),
    )
    .expect("result");
    assert_eq!(get(&refused, "valid"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn an_unknown_endpoint_throws() {
    assert!(build_request(&string("deleteEverything"), &js("{}")).is_err());
    assert!(
        parse_response(
            &string("deleteEverything"),
            &JsValue::from(200),
            &string("{}")
        )
        .is_err()
    );
}

#[wasm_bindgen_test]
fn parses_an_error_with_its_reason_and_action() {
    let body = r#"{"code":"5117","message":"Customer is not eligible for transfer","additionalDetails":["OPEN_PURCHASE_AUTH"]}"#;
    let parsed = parse_response(&string("previewOffers"), &JsValue::from(400), &string(body))
        .expect("parsed");
    assert_eq!(get(&parsed, "ok"), JsValue::FALSE);
    let error = get(&parsed, "error");
    assert_eq!(text(&error, "code").as_deref(), Some("5117"));
    let reason = Array::from(&get(&error, "reasons")).get(0);
    assert!(text(&reason, "action").is_some_and(|a| a.contains("expire-open-pas")));
}

#[wasm_bindgen_test]
fn parses_a_resource_with_its_status_meaning() {
    let parsed = parse_response(
        &string("getOrder"),
        &JsValue::from(200),
        &string(r#"{"orderId":"1","status":"1008"}"#),
    )
    .expect("parsed");
    assert_eq!(get(&parsed, "ok"), JsValue::TRUE);
    assert_eq!(
        text(&get(&parsed, "body"), "kind").as_deref(),
        Some("order")
    );
    let status = get(&parsed, "resourceStatus");
    assert_eq!(text(&status, "text").as_deref(), Some("Order cancelled"));
}

#[wasm_bindgen_test]
fn describes_documented_codes_only() {
    let description = describe_error(&string("2129")).expect("description");
    assert_eq!(get(&description, "httpStatus").as_f64(), Some(400.0));
    assert_eq!(Array::from(&get(&description, "reasons")).length(), 5);
    assert!(describe_error(&string("0000")).expect("answer").is_null());
}

#[wasm_bindgen_test]
fn the_correlator_keeps_the_id_across_a_timeout_only() {
    let mut correlator = JsCorrelator::new();
    let first = correlator
        .next_attempt(&string("c1"), &string("r1"), None)
        .expect("first");
    correlator.record_no_response();
    let retry = correlator
        .next_attempt(&string("c2"), &string("r2"), None)
        .expect("retry");
    assert_eq!(text(&retry, "correlationId").as_deref(), Some("c1"));
    assert_eq!(text(&first, "requestId").as_deref(), Some("r1"));
    correlator
        .record_response(&JsValue::from(400))
        .expect("a status");
    let fixed = correlator
        .next_attempt(&string("c3"), &string("r3"), None)
        .expect("new intent");
    assert_eq!(text(&fixed, "correlationId").as_deref(), Some("c3"));
    assert!(
        correlator
            .next_attempt(&string("c4"), &string("r3"), None)
            .is_err()
    );
}

#[wasm_bindgen_test]
fn the_correlator_binds_an_intent_to_its_payload() {
    let mut correlator = JsCorrelator::new();
    let body = || Some(string(r#"POST /v3/customers/1/orders {"quantity":10}"#));
    correlator
        .next_attempt(&string("c1"), &string("r1"), body())
        .expect("first");
    correlator.record_no_response();
    let changed = Some(string(r#"POST /v3/customers/1/orders {"quantity":11}"#));
    assert!(
        correlator
            .next_attempt(&string("c2"), &string("r2"), changed)
            .is_err()
    );
    let retry = correlator
        .next_attempt(&string("c2"), &string("r3"), body())
        .expect("the same payload");
    assert_eq!(text(&retry, "correlationId").as_deref(), Some("c1"));
    correlator.abandon();
    let next = correlator
        .next_attempt(&string("c4"), &string("r4"), None)
        .expect("a new intent");
    assert_eq!(text(&next, "correlationId").as_deref(), Some("c4"));
}
