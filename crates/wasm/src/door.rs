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

use crate::boundary::{options_from_text, read_options, required_options_from_text};
use crate::text;
use crate::verdict::{Verdict, answered, verdict};
use std::cell::RefCell;
use vipmp::Report;
use vipmp::input::{FromJson, Json, PackedError, PackedKeys, with_arena};
use vipmp::validate::{self, AccountOptions, Context, Operation, Options, transfer_operation};
use vipmp::validate::{FieldContext, FromCommonText, TransferKind};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The body's JSON text, written by `door.js`.
    static BODY: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The options' JSON text (empty when the caller gave none).
    static OPTIONS: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The keys `door.js` has numbered in packed bodies.
    static KEYS: RefCell<PackedKeys> = RefCell::new(PackedKeys::new());
}

/// Which validator a door call is for: the numbers `door.js` sends. The
/// package's wasm-bindgen exports (`validateCustomer` & co.) run through it
/// too, so that each maps its options to an operation in one place.
#[derive(Clone, Copy)]
pub(crate) enum Validator {
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

/// Runs `validator` on the first `body_len` bytes of the body buffer, JSON
/// text, with the first `options_len` bytes of the options buffer as its
/// options (none when 0). Bytes that are not UTF-8 (which `encodeInto` never
/// writes) read as a body that is not JSON. Answers a [`Verdict`]; the
/// violations are read through `crate::verdict`.
#[wasm_bindgen(js_name = __vipmpValidate, skip_typescript)]
pub fn validate_written(validator: u32, body_len: usize, options_len: usize) -> u32 {
    answered(run_written(validator, body_len, options_len))
}

fn run_written(validator: u32, body_len: usize, options_len: usize) -> Result<Verdict, JsError> {
    let validator = Validator::from_number(validator).ok_or_else(unknown_validator)?;
    let report = BODY.with_borrow(|body| {
        OPTIONS.with_borrow(|options| {
            let options = (options_len > 0).then(|| written_text(options, options_len));
            validator.run_text(written_text(body, body_len), options)
        })
    })?;
    Ok(verdict(&report))
}

/// Runs `validator` on the first `packed_len` bytes of the body buffer: a
/// list of the body and its options (`null` for none) that `door.js` packed
/// (`vipmp::input::PackedKeys` says how). Answers a [`Verdict`]:
/// `KeysOutOfStep` when the packer counts on keys this module does not hold
/// (it must forget its keys and pack again). Bytes that are not a packed pair
/// read as a missing body without options.
#[wasm_bindgen(js_name = __vipmpValidatePacked, skip_typescript)]
pub fn validate_packed(validator: u32, packed_len: usize) -> u32 {
    answered(run_packed(validator, packed_len))
}

fn run_packed(validator: u32, packed_len: usize) -> Result<Verdict, JsError> {
    let validator = Validator::from_number(validator).ok_or_else(unknown_validator)?;
    text::install();
    let read = BODY.with_borrow(|buffer| {
        let bytes = buffer.get(..packed_len).unwrap_or_default();
        with_arena(|arena| {
            KEYS.with_borrow_mut(|keys| {
                keys.read(bytes, arena, |pair| {
                    let (body, options) = match pair.as_array() {
                        Some([body, options]) => (body, options),
                        _ => (&Json::Null, &Json::Null),
                    };
                    let (planned, context) = validator.plan(GivenOptions::Read(options))?;
                    Ok::<_, JsError>(planned.run(body, &context))
                })
            })
        })
    });
    let verdict = match read {
        Ok(report) => verdict(&report?),
        Err(PackedError::KeysOutOfStep) => {
            KEYS.with_borrow_mut(PackedKeys::clear);
            Verdict::KeysOutOfStep
        }
        Err(PackedError::Malformed(_)) => {
            let (planned, context) = validator.plan(GivenOptions::Read(&Json::Null))?;
            verdict(&planned.run(&Json::Null, &context))
        }
    };
    Ok(verdict)
}

fn unknown_validator() -> JsError {
    JsError::new("vipmp: unknown validator number")
}

/// A door call's options: JSON text (`None`: not given), or read already
/// (`null`: not given).
#[derive(Clone, Copy)]
enum GivenOptions<'t, 'j> {
    Text(Option<&'t str>),
    Read(&'j Json<'j>),
}

impl GivenOptions<'_, '_> {
    /// Options whose absence means the defaults.
    fn optional<T: FromJson + Default + FromCommonText>(self) -> Result<T, JsError> {
        match self {
            GivenOptions::Text(text) => options_from_text(text),
            GivenOptions::Read(Json::Null) => Ok(T::default()),
            GivenOptions::Read(json) => read_options(json),
        }
    }

    /// Options the caller must give.
    fn required<T: FromJson + FromCommonText>(self) -> Result<T, JsError> {
        match self {
            GivenOptions::Text(text) => required_options_from_text(text.unwrap_or("null")),
            GivenOptions::Read(json) => read_options(json),
        }
    }
}

/// `validateField` for a string value: the value is the first `value_len`
/// bytes of the body buffer; the options buffer holds the field name
/// (`name_len` bytes) then the context's JSON text (`context_len` bytes, none
/// when 0). An unknown field name throws, as it does through wasm-bindgen.
#[wasm_bindgen(js_name = __vipmpValidateField, skip_typescript)]
pub fn validate_field_written(name_len: usize, value_len: usize, context_len: usize) -> u32 {
    answered(run_field(name_len, value_len, |options| {
        options_from_text(text_after_name(options, name_len, context_len))
    }))
}

/// `validateField` for a string value whose context is a country alone (what
/// a form sends for a postal code or a region): as `__vipmpValidateField`,
/// with the country's text (`country_len` bytes, none when 0) after the name
/// instead of JSON for the module to read.
#[wasm_bindgen(js_name = __vipmpValidateFieldIn, skip_typescript)]
pub fn validate_field_in(name_len: usize, value_len: usize, country_len: usize) -> u32 {
    answered(run_field(name_len, value_len, |options| {
        let country = text_after_name(options, name_len, country_len).map(str::to_owned);
        Ok(FieldContext { country })
    }))
}

/// The `len` bytes written after the field's name in the options buffer;
/// `None` when there are none.
fn text_after_name(options: &[u8], name_len: usize, len: usize) -> Option<&str> {
    options
        .get(name_len..)
        .filter(|_| len > 0)
        .map(|rest| written_text(rest, len))
}

/// Runs the field rule named by the options buffer's first `name_len` bytes
/// on the body buffer's first `value_len` bytes, in the context `context_of`
/// reads from the options buffer.
fn run_field(
    name_len: usize,
    value_len: usize,
    context_of: impl FnOnce(&[u8]) -> Result<FieldContext, JsError>,
) -> Result<Verdict, JsError> {
    BODY.with_borrow(|body| {
        OPTIONS.with_borrow(|options| {
            let name = written_text(options, name_len);
            let context = context_of(options)?;
            text::install();
            let report = validate::validate_field(name, written_text(body, value_len), &context)?;
            Ok(verdict(&report))
        })
    })
}

fn written_text(buffer: &[u8], len: usize) -> &str {
    buffer
        .get(..len)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .unwrap_or("\u{0}")
}

impl Validator {
    /// Runs the validator on a body's JSON text (text that is not JSON is a
    /// missing body) with its options' JSON text (`None`: not given).
    pub(crate) fn run_text(self, body: &str, options: Option<&str>) -> Result<Report, JsError> {
        text::install();
        let (planned, context) = self.plan(GivenOptions::Text(options))?;
        Ok(with_arena(|arena| {
            let body = Json::parse(body, arena).unwrap_or(Json::Null);
            planned.run(&body, &context)
        }))
    }

    /// What the validator runs, and in what context, from its options.
    fn plan(self, options: GivenOptions<'_, '_>) -> Result<(Planned, Context), JsError> {
        let with = |operation: Operation| -> Result<(Planned, Context), JsError> {
            let options: Options = options.optional()?;
            Ok((Planned::Run(operation), options.context))
        };
        Ok(match self {
            Validator::Reseller => {
                let options: AccountOptions = options.required()?;
                (Planned::Run(options.op.reseller()), options.context)
            }
            Validator::Customer => {
                let options: AccountOptions = options.required()?;
                (Planned::Run(options.op.customer()), options.context)
            }
            Validator::Order => with(Operation::CreateOrder)?,
            Validator::OrderUpdate => (Planned::Run(Operation::UpdateOrder), Context::default()),
            Validator::SubscriptionUpdate => with(Operation::UpdateSubscription)?,
            Validator::Transfer => {
                let options: Options = options.optional()?;
                (Planned::Transfer(options.kind), options.context)
            }
        })
    }
}

/// An operation, or a transfer whose kind the body may decide.
#[derive(Clone, Copy)]
enum Planned {
    Run(Operation),
    Transfer(Option<TransferKind>),
}

impl Planned {
    fn run(self, body: &Json<'_>, context: &Context) -> Report {
        let operation = match self {
            Planned::Run(operation) => operation,
            Planned::Transfer(kind) => transfer_operation(body, kind),
        };
        validate::run_json(operation, body, context)
    }
}
