//! WebAssembly bindings of the `vipmp` core, published to npm as `vipmp`.
//!
//! Every function here converts its arguments, calls the core, and converts the
//! answer: nothing here decides anything, so nothing here needs a unit test of
//! its own (the wasm-bindgen tests check the conversions). The TypeScript types
//! of the data come from the core's types through `tsify`.
//!
//! Two rules hold across the boundary:
//! - whatever the *user* typed, however malformed, comes back as violations in a
//!   `ValidationResult`, never as an exception;
//! - a thrown `Error` means the *caller* misused the API (an unknown field name,
//!   options of the wrong shape).

mod boundary;
pub mod door;
mod js;
#[cfg(feature = "commerce")]
pub mod pricing;
#[cfg(feature = "commerce")]
pub mod request;
mod text;
pub mod verdict;

use boundary::{answer, answer_report, body_text, options_from, options_text, text_argument};
use door::Validator;
use vipmp::country;
use vipmp::validate::{self, FieldContext, QueryValidation};
use wasm_bindgen::prelude::*;

/// Runs a body validator the way `door.js`'s doors do (`door::Validator`),
/// on the body's JSON text and the options' JSON text.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the exported functions receive options by value"
)]
fn run(validator: Validator, body: &str, options: Option<JsValue>) -> Result<JsValue, JsError> {
    let options = options_text(options.as_ref());
    Ok(answer_report(validator.run_text(body, options.as_deref())?))
}

/// Validates a reseller for `op: "create"` (`POST /v3/resellers`) or
/// `op: "update"` (`PATCH /v3/resellers/{id}`).
#[wasm_bindgen(js_name = validateReseller, unchecked_return_type = "ValidationResult")]
pub fn validate_reseller(
    #[wasm_bindgen(unchecked_param_type = "Reseller | unknown")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    run(Validator::Reseller, &body_text(input), Some(options))
}

/// Validates a customer for `op: "create"` or `op: "update"`, including market
/// segment, 3YC requests and the LGA benefit.
#[wasm_bindgen(js_name = validateCustomer, unchecked_return_type = "ValidationResult")]
pub fn validate_customer(
    #[wasm_bindgen(unchecked_param_type = "Customer | unknown")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    run(Validator::Customer, &body_text(input), Some(options))
}

/// [`validate_customer`] for a body the caller already holds as JSON text.
#[wasm_bindgen(js_name = validateCustomerJson, unchecked_return_type = "ValidationResult")]
pub fn validate_customer_json(
    #[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    run(
        Validator::Customer,
        &text_argument(json, "json")?,
        Some(options),
    )
}

/// Validates a Create Order body of any order type.
#[wasm_bindgen(js_name = validateOrder, unchecked_return_type = "ValidationResult")]
pub fn validate_order(
    #[wasm_bindgen(unchecked_param_type = "Order | unknown")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    run(Validator::Order, &body_text(input), options)
}

/// [`validate_order`] for a body the caller already holds as JSON text.
#[wasm_bindgen(js_name = validateOrderJson, unchecked_return_type = "ValidationResult")]
pub fn validate_order_json(
    #[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    run(Validator::Order, &text_argument(json, "json")?, options)
}

/// Validates an Update Order body (`externalReferenceId` only).
#[wasm_bindgen(js_name = validateOrderUpdate, unchecked_return_type = "ValidationResult")]
pub fn validate_order_update(
    #[wasm_bindgen(unchecked_param_type = "{ externalReferenceId?: string } | unknown")]
    input: &JsValue,
) -> Result<JsValue, JsError> {
    run(Validator::OrderUpdate, &body_text(input), None)
}

/// Validates an Update Subscription Auto-Renewal body.
#[wasm_bindgen(js_name = validateSubscriptionUpdate, unchecked_return_type = "ValidationResult")]
pub fn validate_subscription_update(
    #[wasm_bindgen(unchecked_param_type = "{ autoRenewal: AutoRenewal } | unknown")]
    input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    run(Validator::SubscriptionUpdate, &body_text(input), options)
}

/// Validates a transfer: a reseller change (preview or commit) or a VIP→VIPMP
/// transfer (`options.kind`, or guessed from the body's `type`).
#[wasm_bindgen(js_name = validateTransfer, unchecked_return_type = "ValidationResult")]
pub fn validate_transfer(
    #[wasm_bindgen(unchecked_param_type = "ResellerChange | VipTransferRequest | unknown")]
    input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    run(Validator::Transfer, &body_text(input), options)
}

/// Validates Get Order History query parameters: a query string
/// (`status=1000&status=1002`) or an object whose values are strings or arrays
/// of strings; `null` or `undefined` for none. Anything else is a
/// `type.invalid` violation. Answers the normalised query when valid.
#[wasm_bindgen(js_name = validateOrderHistoryQuery, unchecked_return_type = "QueryValidation")]
pub fn validate_order_history_query(
    #[wasm_bindgen(unchecked_param_type = "string | Record<string, string | string[]>")]
    query: &JsValue,
) -> JsValue {
    let query = boundary::body_from_value(query);
    answer(&QueryValidation::from(
        vipmp::request::order_history_query_of(&query),
    ))
}

/// Validates one field as the user types: `companyName`, `email`,
/// `postalCode` (with `{ country }`), … A value that is not a string is a
/// violation; an unknown field name throws.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationResult")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "string")] name: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldContext")] context: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let name = text_argument(name, "name")?;
    let context: FieldContext = options_from(context)?;
    text::install();
    let report = match value.as_string() {
        Some(text) => validate::validate_field(&name, &text, &context)?,
        None => boundary::not_text(&name)?,
    };
    Ok(answer_report(report))
}

/// Every country, supported or not, with what a form needs to show it.
#[wasm_bindgen(unchecked_return_type = "CountryInfo[]")]
pub fn countries() -> JsValue {
    answer(&country::countries())
}

/// The regions Adobe accepts for a country; empty for an unknown code and for
/// what is not text (a form asks before a country is chosen). The
/// module lists codes only (the core's `form-names` feature is off here); the
/// package's `vipmp.js` adds each name from `forms.json`.
#[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
pub fn regions(#[wasm_bindgen(unchecked_param_type = "string")] country: &JsValue) -> JsValue {
    let regions = country
        .as_string()
        .and_then(|country| country::regions(&country));
    answer(&regions.unwrap_or_default())
}

/// The locales Adobe accepts as `preferredLanguage`.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn locales() -> JsValue {
    answer(&vipmp::locale::all())
}

/// Every violation code, as a list (the type is the `ViolationCode` union).
#[wasm_bindgen(js_name = violationCodes, unchecked_return_type = "ViolationCode[]")]
pub fn violation_codes() -> JsValue {
    let names: Vec<&str> = vipmp::Code::ALL.iter().map(|code| code.as_str()).collect();
    answer(&names)
}

/// [`validate_customer`] with the body walked by `serde-wasm-bindgen` instead of
/// `JSON.stringify`: built only for the boundary benchmark.
#[cfg(feature = "boundary-bench")]
#[wasm_bindgen(js_name = validateCustomerWalked, unchecked_return_type = "ValidationResult")]
pub fn validate_customer_walked(
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options: validate::AccountOptions = boundary::required_options_from(options)?;
    text::install();
    Ok(answer_report(validate::run(
        options.op.customer(),
        &boundary::body_walked(input),
        &options.context,
    )))
}
