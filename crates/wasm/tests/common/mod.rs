//! Reading JS values in the wasm-bindgen tests: JSON in, properties out.

#![allow(dead_code, reason = "each test file uses its own part")]

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::JsValue;

/// A JS value from JSON text.
pub(crate) fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

/// A JS string, for the parameters the typings declare as strings.
pub(crate) fn string(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// A property of a JS object.
pub(crate) fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

/// A string property, if it is one.
pub(crate) fn text(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

/// The codes of an answer's `violations`.
pub(crate) fn codes(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "violations"))
        .iter()
        .map(|v| text(&v, "code").expect("code"))
        .collect()
}
