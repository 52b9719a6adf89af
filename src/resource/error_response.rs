//! The error envelope Adobe returns with every 4xx and 5xx.

use crate::input::{FromJson, FromJsonError, Json};
use serde::{Deserialize, Serialize};

/// `{ "code": "1117", "message": "…", "additionalDetails": [ … ] }`.
///
/// Adobe sends `code` as a string of digits, partial-return errors as a symbolic
/// string (FACTS.md §4.3), and some responses carry `invalidFields` too (§4);
/// gateway errors use `error_code`/`error`, which the aliases accept.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorResponse {
    /// The error code, e.g. `1117` or `RETURN_QTY_EXCEEDS_REMAINING`.
    #[serde(alias = "error_code", deserialize_with = "code_as_text")]
    #[from_json(with = "code_from_json")]
    pub code: String,
    /// Adobe's message.
    #[serde(alias = "error")]
    pub message: String,
    /// Field names, reason codes or line numbers, as Adobe chose.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub additional_details: Vec<String>,
    /// Field names Adobe found invalid, when it lists them here instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_fields: Vec<String>,
}

/// Accepts `"1117"` and `1117` alike.
fn code_from_json(json: &Json<'_>) -> Result<String, FromJsonError> {
    match json {
        Json::Text(text) => Ok((*text).to_owned()),
        Json::Int(_) | Json::Big(_) | Json::Float(_) => {
            Ok(crate::output::to_json_string(&json.to_value()))
        }
        other => Err(FromJsonError::custom(format!(
            "error code {}",
            crate::output::to_json_string(&other.to_value())
        ))),
    }
}

/// The same for serde's readers.
fn code_as_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    code_from_json(&Json::from_value(&value, &crate::input::Arena::new()))
        .map_err(serde::de::Error::custom)
}
