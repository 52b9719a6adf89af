//! Typed values read from a [`Json`] tree: the options, contexts, build
//! inputs and typed responses of the package.
//!
//! These types also derive serde's `Deserialize` (Rust callers use it), but
//! serde's derived code is generic over the deserializer, and reading every
//! type from a `serde_json::Value` put a copy of the value deserializer's
//! machinery into the module per type. [`FromJson`] is derived
//! (`vipmp_derive::FromJson`) from the same `#[serde(...)]` attributes and
//! calls the few helpers below once per field: what a type costs in the
//! module is a few hundred bytes, and the text is read once, into the tree the
//! validators already use.
//!
//! The reading is serde's: the same names and aliases, a missing field takes
//! its default (or is an error when it has none and is not an `Option`),
//! `null` is `None` for an `Option` and wrong for anything else, unknown
//! fields are ignored, numbers must fit the integer type. A test reads every
//! fixture both ways and compares.

use super::Json;
use serde_json::{Map, Number, Value};
use std::fmt;

/// A type read from the borrowed JSON tree.
pub trait FromJson: Sized {
    /// Reads the value.
    ///
    /// # Errors
    /// A [`FromJsonError`] naming what was expected and what was found.
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError>;

    /// Reads JSON text.
    ///
    /// # Errors
    /// A [`FromJsonError`] when the text is not JSON or not of this shape.
    fn from_json_text(text: &str) -> Result<Self, FromJsonError> {
        let arena = super::Arena::new();
        let json = Json::parse(text, &arena).map_err(|error| FromJsonError(error.to_string()))?;
        Self::from_json(&json)
    }
}

/// Why a value could not be read, worded as serde words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromJsonError(String);

impl fmt::Display for FromJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FromJsonError {}

impl FromJsonError {
    /// An error in the reader's own words (a field read by its own function).
    pub fn custom(message: impl fmt::Display) -> Self {
        FromJsonError(message.to_string())
    }
}

/// The error for a value of the wrong JSON type.
fn invalid_type(found: &Json<'_>, expected: &str) -> FromJsonError {
    FromJsonError(format!(
        "invalid type: {}, expected {expected}",
        describe(found)
    ))
}

/// What was found, in serde's words (`string "x"`, `integer `-1``, `map`, …).
fn describe(found: &Json<'_>) -> String {
    match found {
        Json::Null => "null".to_owned(),
        Json::Bool(flag) => format!("boolean `{flag}`"),
        Json::Int(whole) => format!("integer `{whole}`"),
        Json::Big(whole) => format!("integer `{whole}`"),
        // Written by serde_json's float writer, which the module has anyway:
        // `f64`'s own `Display` is 15 KB of wasm.
        Json::Float(number) => match serde_json::Number::from_f64(*number) {
            Some(number) => format!("floating point `{number}`"),
            None => "floating point".to_owned(),
        },
        Json::Text(text) => format!("string {}", crate::output::quoted(text)),
        Json::List(_) => "sequence".to_owned(),
        Json::Object(_) => "map".to_owned(),
    }
}

/// Helpers the derived code calls: one per field, not generic over the type
/// being read, so each type adds only its own calls.
pub mod derive_support {
    use super::{FromJson, FromJsonError, Json, invalid_type};

    /// An object's members, in the order written.
    pub type Members<'j, 'a> = &'j [(&'a str, Json<'a>)];

    /// The members of an object; `what` names the type for the error.
    ///
    /// # Errors
    /// When the value is not an object.
    pub fn members<'j, 'a>(
        json: &'j Json<'a>,
        what: &str,
    ) -> Result<Members<'j, 'a>, FromJsonError> {
        match json {
            Json::Object(members) => Ok(members),
            other => Err(invalid_type(other, what)),
        }
    }

    /// The place of a member's key among a type's field names (each name and
    /// alias once, in the order declared): one shared loop of comparisons
    /// instead of a chain of them in every type.
    pub fn slot(key: &str, names: &[&str]) -> Option<usize> {
        names.iter().position(|name| *name == key)
    }

    /// A member's value read as the field's type; an error names the field.
    ///
    /// # Errors
    /// When the value is not a `T`.
    pub fn field<T: FromJson>(value: &Json<'_>, name: &str) -> Result<T, FromJsonError> {
        T::from_json(value).map_err(|error| within(error, name))
    }

    /// A member's value read by the field's own reader (serde's
    /// `deserialize_with`).
    ///
    /// # Errors
    /// When the reader refuses the value.
    pub fn field_with<T>(
        value: &Json<'_>,
        name: &str,
        read: fn(&Json<'_>) -> Result<T, FromJsonError>,
    ) -> Result<T, FromJsonError> {
        read(value).map_err(|error| within(error, name))
    }

    fn within(mut error: FromJsonError, name: &str) -> FromJsonError {
        error.0.insert_str(0, &format!("{name}: "));
        error
    }

    /// Marks a field with aliases as read.
    ///
    /// # Errors
    /// `duplicate field` when the object gave it under its name and an alias
    /// (or two aliases), as serde refuses them.
    pub fn once(seen: &mut u64, bit: u64, name: &str) -> Result<(), FromJsonError> {
        if *seen & bit != 0 {
            return Err(FromJsonError(format!("duplicate field `{name}`")));
        }
        *seen |= bit;
        Ok(())
    }

    /// A field without a default.
    ///
    /// # Errors
    /// `missing field` when the object does not have it.
    pub fn required<T>(found: Option<T>, name: &str) -> Result<T, FromJsonError> {
        found.ok_or_else(|| FromJsonError(format!("missing field `{name}`")))
    }

    /// The place of a unit variant's name in `names`.
    ///
    /// # Errors
    /// When the value is not a string or not one of the names.
    pub fn variant(json: &Json<'_>, names: &[&str]) -> Result<usize, FromJsonError> {
        let Json::Text(text) = json else {
            return Err(invalid_type(json, "a variant name"));
        };
        names.iter().position(|name| name == text).ok_or_else(|| {
            let expected = names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>();
            FromJsonError(format!(
                "unknown variant `{text}`, expected one of {}",
                expected.join(", ")
            ))
        })
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        match json {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        match json {
            Json::List(items) => items.iter().map(T::from_json).collect(),
            other => Err(invalid_type(other, "a sequence")),
        }
    }
}

/// The text of a string value, borrowed.
///
/// # Errors
/// When the value is not a string.
pub fn text_of<'j>(json: &'j Json<'_>) -> Result<&'j str, FromJsonError> {
    match json {
        Json::Text(text) => Ok(text),
        other => Err(invalid_type(other, "a string")),
    }
}

impl FromJson for String {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        text_of(json).map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        match json {
            Json::Bool(flag) => Ok(*flag),
            other => Err(invalid_type(other, "a boolean")),
        }
    }
}

/// A whole number of JSON as a `u64`, with serde's errors.
fn whole(json: &Json<'_>, expected: &str) -> Result<u64, FromJsonError> {
    match json {
        Json::Int(whole) => u64::try_from(*whole).map_err(|_| {
            FromJsonError(format!(
                "invalid value: integer `{whole}`, expected {expected}"
            ))
        }),
        Json::Big(whole) => Ok(*whole),
        other => Err(invalid_type(other, expected)),
    }
}

impl FromJson for u64 {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        whole(json, "u64")
    }
}

impl FromJson for u32 {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        let read = whole(json, "u32")?;
        u32::try_from(read)
            .map_err(|_| FromJsonError(format!("invalid value: integer `{read}`, expected u32")))
    }
}

impl FromJson for Value {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        Ok(json.to_value())
    }
}

impl FromJson for Map<String, Value> {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        match json.to_value() {
            Value::Object(map) => Ok(map),
            _ => Err(invalid_type(json, "a map")),
        }
    }
}

impl Json<'_> {
    /// The same value as an owned `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(flag) => Value::Bool(*flag),
            Json::Int(whole) => Value::Number(Number::from(*whole)),
            Json::Big(whole) => Value::Number(Number::from(*whole)),
            Json::Float(number) => Number::from_f64(*number).map_or(Value::Null, Value::Number),
            Json::Text(text) => Value::String((*text).to_owned()),
            Json::List(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(key, value)| ((*key).to_owned(), value.to_value()))
                    .collect(),
            ),
        }
    }
}
