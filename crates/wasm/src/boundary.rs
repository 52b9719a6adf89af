//! Crossing the JavaScript boundary: reading bodies and options, writing answers.
//!
//! Bodies arrive as arbitrary JS values. They are read with `JSON.stringify` and
//! parsed in Rust: measured faster than walking the object through
//! `serde-wasm-bindgen` (see BENCHMARKS in the README), and it accepts every JS
//! value a form could hand over. What JSON cannot express (`undefined`, a
//! function, a cycle, a `BigInt`) becomes `null`, which the validators report as
//! a missing body rather than throwing.
//!
//! Options are the caller's, not the user's: options of the wrong shape throw.
//! Options and answers cross as JSON text too, so serde-wasm-bindgen is linked
//! only into the boundary benchmark's build.

use serde_json::Value;
use vipmp::Report;
use vipmp::input::{FromJson, FromJsonError, Json, with_arena};
use vipmp::output::{ToJson, to_json_string};
use vipmp::report::ValidationResult;
use vipmp::validate::FromCommonText;
use wasm_bindgen::prelude::*;

/// A JS value as JSON, through `JSON.stringify`.
pub(crate) fn body_from_value(input: &JsValue) -> Value {
    body_from_json_text(&body_text(input))
}

/// A JS value as JSON text, through `JSON.stringify`; `null` for what JSON
/// cannot express (`undefined`, a function, a cycle, a `BigInt`).
pub(crate) fn body_text(input: &JsValue) -> String {
    js_sys::JSON::stringify(input)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "null".to_owned())
}

/// Options as JSON text, as `door.js` writes them: `None` for none
/// (`undefined`, `null`: the defaults, or the error a required option
/// gives); `"!"`, which no options type reads, for options JSON cannot express.
pub(crate) fn options_text(options: Option<&JsValue>) -> Option<String> {
    let options = options.filter(|value| !value.is_undefined() && !value.is_null())?;
    let text = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|text| text.as_string());
    Some(text.unwrap_or_else(|| "!".to_owned()))
}

/// JSON text as a value; text that is not JSON is `null`.
pub(crate) fn body_from_json_text(text: &str) -> Value {
    with_arena(|arena| Json::parse(text, arena).map_or(Value::Null, |json| json.to_value()))
}

/// A JS value as a JSON value, walked by `serde-wasm-bindgen`: the other way
/// across the boundary, built only for the boundary benchmark.
#[cfg(feature = "boundary-bench")]
pub(crate) fn body_walked(input: JsValue) -> Value {
    serde_wasm_bindgen::from_value(input).unwrap_or(Value::Null)
}

/// Options of the caller; absent, `undefined` and `null` mean the defaults.
pub(crate) fn options_from<T: FromJson + Default + FromCommonText>(
    value: Option<JsValue>,
) -> Result<T, JsError> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => required_options_from(value),
        _ => Ok(T::default()),
    }
}

/// Options the caller must give (e.g. `{ op: "create" }`), read as JSON like
/// bodies: one deserializer for every type instead of a second one from
/// serde-wasm-bindgen. What JSON cannot express reads as `null`, which no
/// options type accepts, so it throws.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the exported functions receive options by value"
)]
pub(crate) fn required_options_from<T: FromJson + FromCommonText>(
    value: JsValue,
) -> Result<T, JsError> {
    required_options_from_text(&body_text(&value))
}

/// Options given as JSON text; `None` (the caller gave none) means the defaults.
pub(crate) fn options_from_text<T: FromJson + Default + FromCommonText>(
    text: Option<&str>,
) -> Result<T, JsError> {
    match text {
        Some(text) if text != "null" => required_options_from_text(text),
        _ => Ok(T::default()),
    }
}

/// Options the caller must give, as JSON text.
pub(crate) fn required_options_from_text<T: FromJson + FromCommonText>(
    text: &str,
) -> Result<T, JsError> {
    if let Some(common) = T::from_common_text(text) {
        return Ok(common);
    }
    typed_from_text(text).map_err(invalid_options)
}

/// Options the caller gave, already read (from a packed body).
pub(crate) fn read_options<T: FromJson>(json: &Json<'_>) -> Result<T, JsError> {
    T::from_json(json).map_err(invalid_options)
}

#[expect(
    clippy::needless_pass_by_value,
    reason = "called by map_err with the error it owns"
)]
fn invalid_options(error: FromJsonError) -> JsError {
    JsError::new(&format!("invalid options: {error}"))
}

/// Options or a builder's input read from JSON text; text that is not JSON
/// (what `JSON.stringify` could not write) reads as `null`, like a body.
pub(crate) fn typed_from_text<T: FromJson>(text: &str) -> Result<T, FromJsonError> {
    with_arena(|arena| T::from_json(&Json::parse(text, arena).unwrap_or(Json::Null)))
}

/// A Rust answer as a plain JS value: objects, not `Map`s; `null`, not
/// `undefined`. Written as JSON text by `vipmp::output::ToJson` (serde_json's
/// text, without its serializer in the module) and read with `JSON.parse`,
/// like bodies on the way in: smaller than serde-wasm-bindgen's serializer,
/// which would be instantiated again for every answer type.
pub(crate) fn answer<T: ToJson + ?Sized>(value: &T) -> JsValue {
    crate::js::parse_json(&to_json_string(value))
}

/// A validator's answer. A valid one is the same frozen object every time
/// (`{ valid: true, violations: [] }`): it costs no serialization, no parse
/// and no allocation on either side. Only violations are written out.
pub(crate) fn answer_report(report: Report) -> JsValue {
    if report.is_valid() {
        return VALID.with(JsValue::clone);
    }
    answer(&ValidationResult::from(report))
}

thread_local! {
    /// The one answer every valid input gets.
    static VALID: JsValue = frozen_valid_answer();
}

fn frozen_valid_answer() -> JsValue {
    let violations = crate::js::parse_json("[]");
    js_sys::Object::freeze(violations.unchecked_ref::<js_sys::Object>());
    let answer = crate::js::parse_json(r#"{"valid":true}"#);
    crate::js::set_member(&answer, "violations", &violations);
    js_sys::Object::freeze(answer.unchecked_ref::<js_sys::Object>());
    answer
}

/// The report for a field value that is not a string; an unknown field name is
/// the caller's mistake, as for a string value.
pub(crate) fn not_text(name: &str) -> Result<Report, vipmp::Error> {
    vipmp::validate::validate_field_not_text(name)
}

/// A parameter TypeScript declares as a string, read from whatever the caller
/// passed. wasm-bindgen's own `&str` and `String` parameters copy the argument
/// as if it were a string: a number or an object has no length there, and the
/// module trapped ("memory access out of bounds") instead of answering. Such a
/// parameter is taken as a `JsValue` and read here; anything but a string
/// throws an `Error` that names the parameter.
pub(crate) fn text_argument(value: &JsValue, parameter: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| JsError::new(&format!("{parameter} must be a string")))
}

/// An optional parameter declared as a string: `undefined` and `null` are
/// none; anything else but a string throws, as [`text_argument`].
#[cfg(feature = "commerce")]
pub(crate) fn optional_text_argument(
    value: Option<JsValue>,
    parameter: &str,
) -> Result<Option<String>, JsError> {
    value
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(|value| text_argument(&value, parameter))
        .transpose()
}

/// An HTTP status given by the caller: a whole number from 100 to 599 (RFC
/// 9110 §15: other values are not status codes). wasm-bindgen's own `u16`
/// parameter wrapped anything else around silently (65,736 read as 200, `NaN`
/// or `undefined` as 0), so a wrong status could parse as a success. Anything
/// else throws an `Error` that names the parameter.
#[cfg(feature = "commerce")]
pub(crate) fn status_argument(value: &JsValue) -> Result<u16, JsError> {
    let status = value
        .as_f64()
        .filter(|status| status.fract() == 0.0 && (100.0..=599.0).contains(status))
        .ok_or_else(|| {
            JsError::new("status must be an HTTP status: a whole number from 100 to 599")
        })?;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a whole number from 100 to 599"
    )]
    Ok(status as u16)
}
