//! The fast way across the boundary for request bodies: JSON text written by the
//! package's JavaScript straight into a buffer this module owns.
//!
//! wasm-bindgen passes a `&str` by copying it into wasm memory one UTF-16 unit
//! at a time in a JavaScript loop, and a body given as an object goes through an
//! imported `JSON.stringify` wrapped in an exception guard. Measured in Node on
//! the create-customer body, those two cost more than the validation itself.
//! Here the package's `door.js` stringifies the body and the options itself and
//! writes both with one `TextEncoder.encodeInto` each (native, no per-character
//! JavaScript) into two buffers whose addresses it asked for once; the exports
//! below only read them.
//!
//! The exports are hidden from the TypeScript declarations: the public names
//! (`validateCustomer`, …) keep their declared types, and `door.js` gives them
//! this implementation.

use crate::boundary::{answer_report, options_from_text, required_options_from_text};
use crate::text;
use std::cell::RefCell;
use vipmp::input::Json;
use vipmp::validate::FieldContext;
use vipmp::validate::{self, AccountOptions, Operation, Options, transfer_operation};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The body's JSON text, written by `door.js`.
    static BODY: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The options' JSON text (empty when the caller gave none).
    static OPTIONS: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Which validator a door call is for: the numbers `door.js` sends.
#[derive(Clone, Copy)]
enum Validator {
    Reseller,
    Customer,
    Order,
    OrderUpdate,
    SubscriptionUpdate,
    Transfer,
}

impl Validator {
    fn from_number(number: u32) -> Option<Self> {
        Some(match number {
            0 => Self::Reseller,
            1 => Self::Customer,
            2 => Self::Order,
            3 => Self::OrderUpdate,
            4 => Self::SubscriptionUpdate,
            5 => Self::Transfer,
            _ => return None,
        })
    }
}

/// The address of the body buffer, grown to hold at least `capacity` bytes.
/// The address stays valid until the next call of this function.
#[wasm_bindgen(js_name = __vipmpBodyBuffer, skip_typescript)]
pub fn body_buffer(capacity: usize) -> *mut u8 {
    BODY.with_borrow_mut(|buffer| reserve(buffer, capacity))
}

/// The address of the options buffer, grown to hold at least `capacity` bytes.
#[wasm_bindgen(js_name = __vipmpOptionsBuffer, skip_typescript)]
pub fn options_buffer(capacity: usize) -> *mut u8 {
    OPTIONS.with_borrow_mut(|buffer| reserve(buffer, capacity))
}

/// The module's memory, for `door.js` to write into.
#[wasm_bindgen(js_name = __vipmpMemory, skip_typescript)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

fn reserve(buffer: &mut Vec<u8>, capacity: usize) -> *mut u8 {
    if buffer.len() < capacity {
        buffer.resize(capacity, 0);
    }
    buffer.as_mut_ptr()
}

/// Runs `validator` on the first `body_len` bytes of the body buffer with the
/// first `options_len` bytes of the options buffer as its options (none when
/// 0). Bytes that are not UTF-8 (which `encodeInto` never writes) read as a
/// body that is not JSON.
#[wasm_bindgen(js_name = __vipmpValidate, skip_typescript)]
pub fn validate_written(
    validator: u32,
    body_len: usize,
    options_len: usize,
) -> Result<JsValue, JsError> {
    let validator = Validator::from_number(validator)
        .ok_or_else(|| JsError::new("vipmp: unknown validator number"))?;
    BODY.with_borrow(|body| {
        OPTIONS.with_borrow(|options| {
            let body = written_text(body, body_len);
            let options = (options_len > 0).then(|| written_text(options, options_len));
            run(validator, body, options)
        })
    })
}

/// `validateField` for a string value: the value is the first `value_len`
/// bytes of the body buffer; the options buffer holds the field name
/// (`name_len` bytes) then the context's JSON text (`context_len` bytes, none
/// when 0). An unknown field name throws, as it does through wasm-bindgen.
#[wasm_bindgen(js_name = __vipmpValidateField, skip_typescript)]
pub fn validate_field_written(
    name_len: usize,
    value_len: usize,
    context_len: usize,
) -> Result<JsValue, JsError> {
    BODY.with_borrow(|body| {
        OPTIONS.with_borrow(|options| {
            let name = written_text(options, name_len);
            let context = options
                .get(name_len..)
                .filter(|_| context_len > 0)
                .map(|rest| written_text(rest, context_len));
            let context: FieldContext = options_from_text(context)?;
            text::install();
            let report = validate::validate_field(name, written_text(body, value_len), &context)?;
            Ok(answer_report(report))
        })
    })
}

fn written_text(buffer: &[u8], len: usize) -> &str {
    buffer
        .get(..len)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .unwrap_or("\u{0}")
}

fn run(validator: Validator, body: &str, options: Option<&str>) -> Result<JsValue, JsError> {
    text::install();
    let report = match validator {
        Validator::Reseller => {
            let options: AccountOptions = required_options_from_text(options.unwrap_or("null"))?;
            validate::run_text(options.op.reseller(), body, &options.context)
        }
        Validator::Customer => {
            let options: AccountOptions = required_options_from_text(options.unwrap_or("null"))?;
            validate::run_text(options.op.customer(), body, &options.context)
        }
        Validator::Order => with_options(Operation::CreateOrder, body, options)?,
        Validator::OrderUpdate => {
            validate::run_text(Operation::UpdateOrder, body, &validate::Context::default())
        }
        Validator::SubscriptionUpdate => {
            with_options(Operation::UpdateSubscription, body, options)?
        }
        Validator::Transfer => {
            let options: Options = options_from_text(options)?;
            vipmp::input::with_arena(|arena| {
                let body = Json::parse(body, arena).unwrap_or(Json::Null);
                let operation = transfer_operation(&body, options.kind);
                validate::run_json(operation, &body, &options.context)
            })
        }
    };
    Ok(answer_report(report))
}

fn with_options(
    operation: Operation,
    body: &str,
    options: Option<&str>,
) -> Result<vipmp::Report, JsError> {
    let options: Options = options_from_text(options)?;
    Ok(validate::run_text(operation, body, &options.context))
}
