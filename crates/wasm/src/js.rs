//! The JavaScript built-ins the module calls to build answers, declared here
//! without `catch`.
//!
//! Why not js_sys's: wasm-bindgen writes the glue of a `catch` import as a
//! function of no declared parameters that forwards `arguments`, and V8
//! calls a JS function whose declared arity differs from the import's through
//! a wrapper it compiles when the module is instantiated, one per such
//! signature (the arity-matched wrappers are compiled with the module). Four
//! of those were most of instantiating the module in a cold start. None of
//! these calls can throw: the text parsed is written by `vipmp::output`'s
//! JSON writer, and the objects set are plain objects the module just made.
//! `JSON.stringify` of a caller's value can throw, and keeps js_sys's `catch`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of JSON text the module wrote.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    pub(crate) fn parse_json(text: &str) -> JsValue;

    /// `Reflect.set` of a member of a plain object the module made.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub(crate) fn set_member(target: &JsValue, key: &str, value: &JsValue) -> bool;
}
