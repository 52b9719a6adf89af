//! Bindings of the request builders and the response parser: `buildRequest`,
//! `buildAddress`, `parseResponse`, `describeError`.
//!
//! The core decides everything (see `vipmp::request` and `vipmp::response`);
//! these functions only cross the boundary. An unknown endpoint name or input
//! of the wrong shape (IDs that are not text) is the caller's mistake and
//! throws; anything wrong with the values comes back as violations.

use crate::boundary::{
    answer, body_text, optional_text_argument, status_argument, text_argument, typed_from_text,
};
use vipmp::request::{self, AddressResult, BuildInput, BuildResult, Endpoint};
use vipmp::response;
use wasm_bindgen::prelude::*;

/// The endpoint with this name, or a thrown `Error` (also when `op` is not a
/// string).
fn endpoint(op: &JsValue) -> Result<Endpoint, JsError> {
    Endpoint::from_name(&text_argument(op, "op")?).map_err(|error| JsError::new(&error.to_string()))
}

/// A builder's input, read as JSON like bodies; a wrong shape throws. Installs
/// the text hooks the body rules use.
fn build_input(input: &JsValue) -> Result<BuildInput, JsError> {
    let input = typed_from_text::<BuildInput>(&body_text(input))
        .map_err(|error| JsError::new(&format!("invalid input: {error}")))?;
    crate::text::install();
    Ok(input)
}

/// Builds the request of an endpoint (`"createOrder"`, `"getOrderHistory"`, …):
/// `{ valid, violations, request?, url? }`. The body is validated as
/// `validateOrder` & co. would; path parameters, query and IDs are checked too.
#[wasm_bindgen(js_name = buildRequest, unchecked_return_type = "BuildResult")]
pub fn build_request(
    #[wasm_bindgen(unchecked_param_type = "string")] op: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildInput")] input: &JsValue,
) -> Result<JsValue, JsError> {
    let endpoint = endpoint(op)?;
    let input = build_input(input)?;
    Ok(answer(&BuildResult::from(request::build(endpoint, &input))))
}

/// Builds the address of an endpoint's call, without the headers of a try
/// (the proxy adds those): `{ valid, violations, address?, url? }`. The input
/// is `buildRequest`'s without `ids` and `auth` (ignored when given).
#[wasm_bindgen(js_name = buildAddress, unchecked_return_type = "AddressResult")]
pub fn build_address(
    #[wasm_bindgen(unchecked_param_type = "string")] op: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildInput")] input: &JsValue,
) -> Result<JsValue, JsError> {
    let endpoint = endpoint(op)?;
    let input = build_input(input)?;
    let built = request::address(endpoint, &input.address_input());
    Ok(answer(&AddressResult::from(built)))
}

/// Reads a response of an endpoint: the typed resource of a 2xx, or the typed
/// error (code, catalogue row, reasons with their action, field paths).
#[wasm_bindgen(js_name = parseResponse, unchecked_return_type = "Parsed")]
pub fn parse_response(
    #[wasm_bindgen(unchecked_param_type = "string")] op: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] status: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] body: &JsValue,
) -> Result<JsValue, JsError> {
    let endpoint = endpoint(op)?;
    let status = status_argument(status)?;
    let body = text_argument(body, "body (the response's text)")?;
    Ok(answer(&response::parse(endpoint, status, &body)))
}

/// What an error code means (message, HTTP status, calls, source, reason
/// codes with their action), or `null` when it is not documented.
#[wasm_bindgen(js_name = describeError, unchecked_return_type = "ErrorDescription | null")]
pub fn describe_error(
    #[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue,
) -> Result<JsValue, JsError> {
    Ok(answer(&response::describe_error(&text_argument(
        code, "code",
    )?)))
}

/// The `Correlator` class is declared here rather than generated, as
/// `PriceList` is: wasm-bindgen's declaration names `[Symbol.dispose]`, which
/// fails `tsc` for consumers whose `lib` predates ES2024. It has it at run time.
#[wasm_bindgen(typescript_custom_section)]
const CORRELATOR_TS: &'static str = r#"
/** X-Correlation-Id per intent, X-Request-Id per attempt; the caller brings the randomness. Call `free()` when done. */
export class Correlator {
  /** A correlator with no intent yet. */
  constructor();
  /** Releases its wasm memory. */
  free(): void;
  /** The IDs of the next attempt: `freshCorrelationId` is used only when a new intent starts; `requestId` must be new. With `payload` (say method, URL and body), the intent is bound to it: a retry carrying another payload throws. Throws when `requestId` was used before or an ID is empty. */
  nextAttempt(freshCorrelationId: string, requestId: string, payload?: string): Ids;
  /** Gives up the unanswered intent (what became of it is settled): the next attempt starts a new one. */
  abandon(): void;
  /** Adobe answered (any status): the intent is spent. Throws when `status` is not an HTTP status (a whole number from 100 to 599). */
  recordResponse(status: number): void;
  /** No answer came (timeout): the next attempt may reuse the correlation ID. */
  recordNoResponse(): void;
}
"#;

/// `X-Correlation-Id` per intent, `X-Request-Id` per attempt (reference
/// Appendix 2; FACTS.md §6): the same correlation ID for a retry after no
/// response, a new one after any response. The caller brings the randomness.
#[wasm_bindgen(js_name = Correlator, skip_typescript)]
#[derive(Default)]
pub struct JsCorrelator(request::Correlator);

#[wasm_bindgen(js_class = Correlator)]
impl JsCorrelator {
    /// A correlator with no intent yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// The IDs of the next attempt: `freshCorrelationId` is used only when a
    /// new intent starts; `requestId` must be new. With `payload`, the intent
    /// is bound to it and a retry carrying another one throws. Throws when
    /// `requestId` was used before or an ID is empty.
    #[wasm_bindgen(js_name = nextAttempt, unchecked_return_type = "Ids")]
    pub fn next_attempt(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] fresh_correlation_id: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] request_id: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] payload: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let fresh_correlation_id = text_argument(fresh_correlation_id, "freshCorrelationId")?;
        let request_id = text_argument(request_id, "requestId")?;
        let payload = optional_text_argument(payload, "payload")?;
        let fresh = || fresh_correlation_id;
        let ids = match payload {
            Some(payload) => self
                .0
                .next_attempt_carrying(fresh, request_id, payload.as_bytes()),
            None => self.0.next_attempt(fresh, request_id),
        };
        ids.map(|ids| answer(&ids))
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// Gives up the unanswered intent: the next attempt starts a new one.
    pub fn abandon(&mut self) {
        self.0.abandon();
    }

    /// Adobe answered (any status): the intent is spent.
    /// Throws when `status` is not an HTTP status (a whole number from 100 to
    /// 599), recording nothing.
    #[wasm_bindgen(js_name = recordResponse)]
    pub fn record_response(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] status: &JsValue,
    ) -> Result<(), JsError> {
        self.0
            .record(request::Outcome::Response(status_argument(status)?));
        Ok(())
    }

    /// No answer came (timeout): the next attempt may reuse the correlation ID.
    #[wasm_bindgen(js_name = recordNoResponse)]
    pub fn record_no_response(&mut self) {
        self.0.record(request::Outcome::NoResponse);
    }
}
