//! The bindings, run by `wasm-bindgen-test` in Node and in headless Chromium
//! (scripts/test-js runs both). They check the conversions across the boundary;
//! the rules themselves are tested in the core.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object};
use vipmp_wasm::{
    countries, regions, validate_customer, validate_field, validate_order,
    validate_order_history_query, violation_codes,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::*;

const CUSTOMER: &str = r#"{"resellerId":"5556667778","companyProfile":{"companyName":"Fairmont",
 "preferredLanguage":"en-US","address":{"country":"US","region":"CA","city":"San Jose",
 "addressLine1":"200 Fairmont Ave","postalCode":"95110-1234"},
 "contacts":[{"firstName":"Donald","lastName":"Duck","email":"donald@duck.com"}]}}"#;

#[wasm_bindgen_test]
fn a_valid_customer_is_valid() {
    let result = validate_customer(&js(CUSTOMER), js(r#"{"op":"create"}"#)).expect("result");
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
    assert!(codes(&result).is_empty());
}

#[wasm_bindgen_test]
fn every_valid_answer_is_one_frozen_object() {
    let first = validate_customer(&js(CUSTOMER), js(r#"{"op":"create"}"#)).expect("result");
    let second = validate_field(
        &string("postalCode"),
        &JsValue::from_str("K1A 0B1"),
        Some(js(r#"{"country":"CA"}"#)),
    )
    .expect("result");
    assert!(
        Object::is(&first, &second),
        "the same object for every valid answer"
    );
    assert!(Object::is_frozen(first.unchecked_ref::<Object>()));
    assert!(Object::is_frozen(
        get(&first, "violations").unchecked_ref::<Object>()
    ));
    let invalid = validate_field(
        &string("postalCode"),
        &JsValue::from_str("K1A"),
        Some(js(r#"{"country":"CA"}"#)),
    )
    .expect("result");
    assert!(!Object::is(&first, &invalid));
    assert!(
        !Object::is_frozen(invalid.unchecked_ref::<Object>()),
        "violations are fresh objects"
    );
}

#[wasm_bindgen_test]
fn options_are_read_the_same_with_or_without_the_shortcut() {
    // `{"op":"create"}` takes the shortcut; the spaced-out text does not.
    let options = [
        js(r#"{"op":"create"}"#),
        js(r#"{ "op" : "create", "context": {} }"#),
    ];
    let body = CUSTOMER.replace("95110-1234", "9511");
    let answers: Vec<Vec<String>> = options
        .into_iter()
        .map(|options| codes(&validate_customer(&js(&body), options).expect("result")))
        .collect();
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0], ["postal_code.invalid_format"]);
}

#[wasm_bindgen_test]
fn params_arrive_as_a_plain_object_with_numbers() {
    let body = CUSTOMER.replace("Fairmont\"", "Fai\"");
    let result = validate_customer(&js(&body), js(r#"{"op":"create"}"#)).expect("result");
    assert_eq!(codes(&result), ["string.too_short"]);
    let violation = Array::from(&get(&result, "violations")).get(0);
    let params = get(&violation, "params");
    assert!(params.is_instance_of::<Object>() && !params.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&params, "min").as_f64(), Some(4.0));
    assert_eq!(
        get(&violation, "path").as_string().as_deref(),
        Some("companyProfile.companyName")
    );
}

#[wasm_bindgen_test]
fn any_js_value_is_an_answer_not_an_exception() {
    for body in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(42.0),
        JsValue::from_str("x"),
    ] {
        let result = validate_order(&body, None).expect("result");
        assert_eq!(codes(&result), ["type.invalid"]);
    }
}

#[wasm_bindgen_test]
fn misuse_throws() {
    assert!(
        validate_customer(&js(CUSTOMER), JsValue::UNDEFINED).is_err(),
        "op is required"
    );
    assert!(validate_customer(&js(CUSTOMER), js(r#"{"op":"delete"}"#)).is_err());
    assert!(validate_field(&string("favouriteColour"), &JsValue::from_str("red"), None).is_err());
}

#[wasm_bindgen_test]
fn fields_check_as_you_type() {
    let context = js(r#"{"country":"US"}"#);
    let result = validate_field(
        &string("postalCode"),
        &JsValue::from_str("9511"),
        Some(context),
    )
    .expect("result");
    assert_eq!(codes(&result), ["postal_code.invalid_format"]);
    let result = validate_field(&string("email"), &JsValue::from_f64(1.0), None).expect("result");
    assert_eq!(codes(&result), ["type.invalid"]);
}

/// NFC and grapheme clusters come from the JS engine (`normalize`,
/// `Intl.Segmenter`) here, from the crates natively: the answers must agree.
#[wasm_bindgen_test]
fn names_are_composed_and_segmented_by_the_engine() {
    let param = |value: &str, name: &str| {
        let result = validate_field(&string("companyName"), &JsValue::from_str(value), None)
            .expect("result");
        let violation = Array::from(&get(&result, "violations")).get(0);
        let code = get(&violation, "code").as_string().expect("code");
        (code, get(&get(&violation, "params"), name).as_string())
    };
    let nfd = param("Socie\u{301}te\u{301}", "suggestion");
    assert_eq!(nfd, ("text.not_normalized".into(), Some("Société".into())));
    let mark = param("हिंदी", "character");
    assert_eq!(mark, ("text.combining_mark".into(), Some("हिं".into())));
    let family = param(
        "Team \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}!",
        "character",
    );
    let cluster = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(
        family,
        ("text.invalid_character".into(), Some(cluster.into()))
    );
}

#[wasm_bindgen_test]
fn query_strings_and_objects_normalise() {
    let result =
        validate_order_history_query(&JsValue::from_str("status=1000&status=1002&limit=500"));
    assert_eq!(get(&result, "valid"), JsValue::TRUE);
    assert_eq!(get(&get(&result, "query"), "limit").as_f64(), Some(100.0));
    let result = validate_order_history_query(&js(r#"{"status":["1000","9"]}"#));
    assert_eq!(codes(&result), ["enum.invalid"]);
}

#[wasm_bindgen_test]
fn lookups_serve_a_form() {
    let list = Array::from(&countries());
    assert!(list.length() > 240);
    let aland = list
        .iter()
        .find(|c| get(c, "code").as_string().as_deref() == Some("AX"))
        .expect("AX");
    assert_eq!(get(&aland, "supported"), JsValue::FALSE);
    assert!(Array::from(&regions(&string("CA"))).length() >= 13);
    assert_eq!(Array::from(&regions(&string("ZZ"))).length(), 0);
    // Codes only: the package's vipmp.js adds the names from forms.json.
    let quebec = Array::from(&regions(&string("CA")))
        .iter()
        .find(|r| text(r, "code").as_deref() == Some("QC"))
        .expect("QC");
    assert!(get(&quebec, "name").is_undefined());
    assert!(
        Array::from(&violation_codes())
            .includes(&JsValue::from_str("postal_code.invalid_format"), 0)
    );
}
