//! The error envelope as a typed error a storefront can act on.
//!
//! Source: reference (Feb 2024), "Error Handling": every 4xx/5xx carries
//! `{ code, message, additionalDetails }`, where the details "may include the
//! names of fields with errors, line-item numbers, more specific reasoning";
//! FACTS.md §4: some bodies carry `invalidFields`, partial returns use symbolic
//! codes with HTTP 422 (§4.3), and gateway errors (a 504, say) use `error_code`
//! / `error` / `error_description` instead — so nothing here trusts the shape.
//! The codes are looked up in the [`super::catalogue`], reason codes in
//! [`super::reasons`], and field paths are pulled out so a form can mark the field.

use super::catalogue::{self, ErrorEntry};
use super::reasons::lookup_reason;
use crate::input::Json;
use serde_json::Value;

/// Which shape the error body had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ErrorShape {
    /// Adobe's envelope: `code`, `message`, `additionalDetails`.
    Envelope,
    /// A gateway's: `error_code` / `error` / `error_description`.
    Gateway,
    /// Not JSON, or JSON of no known shape; the text is kept as the message.
    Unparsed,
}

/// A reason code found in `additionalDetails`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// The REASON_CODE, e.g. `OPEN_PURCHASE_AUTH`.
    pub code: String,
    /// The line item it is about, when the detail names one (`Line Item: 1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub line_item: Option<u32>,
    /// What the reason means, when documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub description: Option<&'static str>,
    /// The "Action Required" text, when documented (reference, 2129 and 5117 lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub action: Option<&'static str>,
}

/// An error answer of the Partner API.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    /// The HTTP status of the response.
    pub http_status: u16,
    /// The code as sent (`1117`, `RETURN_QTY_EXCEEDS_REMAINING`); empty when none.
    pub code: String,
    /// The message as sent (or the catalogue's, when the body had none).
    pub message: String,
    /// `additionalDetails` as sent.
    pub additional_details: Vec<String>,
    /// `invalidFields` as sent.
    pub invalid_fields: Vec<String>,
    /// Field paths named by the details or `invalidFields`
    /// (`companyProfile.companyName`), for marking form fields.
    pub field_paths: Vec<String>,
    /// Reason codes named by the details.
    pub reasons: Vec<Reason>,
    /// The catalogue row of the code, when documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub known: Option<ErrorEntry>,
    /// The shape the body had.
    pub shape: ErrorShape,
    /// Whether the same request may be sent again unchanged (5xx, 429, 4122);
    /// a retry after a response still needs a new correlation ID.
    pub retryable: bool,
}

/// Parses an error body of any shape; never fails.
pub fn parse_error(http_status: u16, body: &str) -> ApiError {
    let arena = crate::input::Arena::new();
    let value = Json::parse(body, &arena).map_or(Value::Null, |json| json.to_value());
    let shape = shape_of(&value);
    let code = text_of(&value, &["code", "error_code"]);
    let mut message = text_of(&value, &["message", "error_description", "error"]);
    let known = catalogue::lookup(&code);
    if shape == ErrorShape::Unparsed {
        message = body.chars().take(500).collect();
    } else if message.is_empty() {
        message = known
            .map(|entry| entry.message.to_owned())
            .unwrap_or_default();
    }
    let additional_details = texts_of(value.get("additionalDetails"));
    let invalid_fields = texts_of(value.get("invalidFields"));
    ApiError {
        http_status,
        field_paths: field_paths(&invalid_fields, &additional_details, &message),
        reasons: reasons(&code, &additional_details),
        retryable: is_retryable(http_status, &code),
        code,
        message,
        additional_details,
        invalid_fields,
        known: known.copied(),
        shape,
    }
}

/// The shape of a parsed body.
fn shape_of(value: &Value) -> ErrorShape {
    let has = |key: &str| value.get(key).is_some();
    if has("code") || has("message") {
        ErrorShape::Envelope
    } else if has("error_code") || has("error") || has("error_description") {
        ErrorShape::Gateway
    } else {
        ErrorShape::Unparsed
    }
}

/// The first of the keys holding text or a number, as text.
fn text_of(value: &Value, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|key| match value.get(key)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The entries of an array, each as text; anything else is no entries.
fn texts_of(value: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => text.clone(),
            other => crate::output::to_json_string(other),
        })
        .collect()
}

/// Whether text reads as a field path: identifiers starting with a lower-case
/// letter, joined by dots, each with optional `[n]` indexes.
fn is_field_path(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|part| {
            let name = part.split('[').next().unwrap_or_default();
            let indexes = &part[name.len()..];
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && indexes
                    .split_terminator(']')
                    .all(|index| index.strip_prefix('[').is_some_and(is_digits))
        })
}

/// Whether text is one or more ASCII digits.
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The field paths named, `invalidFields` first, then the details, then the
/// ones a message of the storefront's form names (`Invalid Address
/// (companyProfile.address.region)`, `Some Fields are Invalid (a, b)`:
/// [`crate::provisioning::invalid_fields`]), without repeats.
fn field_paths(invalid_fields: &[String], details: &[String], message: &str) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    let in_message = crate::provisioning::invalid_fields(message);
    for text in invalid_fields.iter().chain(details).chain(&in_message) {
        let text = text.trim();
        if is_field_path(text) && !paths.iter().any(|p| p == text) {
            paths.push(text.to_owned());
        }
    }
    paths
}

/// The reason codes named by the details.
fn reasons(code: &str, details: &[String]) -> Vec<Reason> {
    details
        .iter()
        .filter_map(|detail| reason_in(code, detail))
        .collect()
}

/// The reason code of one detail: the whole detail (`OPEN_PURCHASE_AUTH`), or
/// the text after `Reason:` (`Line Item: 1, Reason: NOT_FOUND`).
fn reason_in(code: &str, detail: &str) -> Option<Reason> {
    let detail = detail.trim();
    let reason = match detail.split_once("Reason:") {
        Some((_, after)) => after.split(',').next().unwrap_or_default().trim(),
        None => detail,
    };
    let entry = lookup_reason(code, reason);
    if entry.is_none() && !is_reason_code(reason) {
        return None;
    }
    Some(Reason {
        code: reason.to_owned(),
        line_item: line_item_in(detail),
        description: entry.map(|e| e.description),
        action: entry.and_then(|e| e.action),
    })
}

/// Whether text looks like a REASON_CODE: upper-case letters, digits, `_`, `&`.
fn is_reason_code(text: &str) -> bool {
    text.len() > 2
        && text.contains(|c: char| c.is_ascii_uppercase())
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '&')
}

/// The number after `Line Item:` in a detail.
fn line_item_in(detail: &str) -> Option<u32> {
    let (_, after) = detail.split_once("Line Item:")?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// 5xx, 429 and 4122 ("already being processed. Please wait a moment and try
/// again", FACTS.md §4) may be sent again unchanged.
fn is_retryable(http_status: u16, code: &str) -> bool {
    http_status >= 500 || http_status == 429 || code == "4122" || code == "1124"
}

#[cfg(test)]
mod tests;
