//! The options callers send on almost every call, recognised from their JSON
//! text without a parser.
//!
//! A form checks a field on every keystroke with the same `{"country":"CA"}`
//! and validates a body with `{"op":"create"}`. Read through serde_json, each
//! of those costs a tree and a typed deserializer run (measured natively:
//! 0.4–0.9 µs; several times that inside WebAssembly, more than the check
//! itself). `JSON.stringify` writes these shapes in one exact form, so the
//! package's boundary compares the text against them first and falls back to
//! the full deserializer for anything else (a `context`, extra keys, escapes).

use super::{AccountOp, AccountOptions, Context, FieldContext, Options};

/// Options whose commonest JSON texts are recognised without parsing.
pub trait FromCommonText: Sized {
    /// The options this exact JSON text means, when it is one of the common
    /// shapes; `None` means "read it with the full deserializer".
    fn from_common_text(text: &str) -> Option<Self> {
        let _ = text;
        None
    }
}

impl FromCommonText for AccountOptions {
    fn from_common_text(text: &str) -> Option<Self> {
        let op = match text {
            r#"{"op":"create"}"# => AccountOp::Create,
            r#"{"op":"update"}"# => AccountOp::Update,
            _ => return None,
        };
        Some(Self {
            op,
            context: Context::default(),
        })
    }
}

impl FromCommonText for Options {
    fn from_common_text(text: &str) -> Option<Self> {
        (text == "{}").then(Self::default)
    }
}

impl FromCommonText for FieldContext {
    fn from_common_text(text: &str) -> Option<Self> {
        if text == "{}" {
            return Some(Self::default());
        }
        let country = text
            .strip_prefix(r#"{"country":""#)?
            .strip_suffix(r#""}"#)?;
        // Without a quote or a backslash the text between the quotes is the
        // value itself (JSON.stringify escapes both, and control characters
        // only as \u or \n forms).
        let plain = !country.contains(['"', '\\']) && !country.chars().any(char::is_control);
        plain.then(|| Self {
            country: Some(country.to_owned()),
        })
    }
}

impl FromCommonText for crate::pricing::LevelInput {}
impl FromCommonText for crate::quote::QuoteContext {}
impl FromCommonText for crate::basket::BasketContext {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The shortcut must mean what the deserializer means, or decline.
    fn agrees<T: FromCommonText + serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) {
        if let Some(quick) = T::from_common_text(text) {
            let full: T = serde_json::from_str(text).expect("recognised text is valid options");
            assert_eq!(format!("{quick:?}"), format!("{full:?}"), "{text}");
        }
    }

    #[test]
    fn the_common_texts_are_recognised_and_agree() {
        for text in [r#"{"op":"create"}"#, r#"{"op":"update"}"#] {
            assert!(AccountOptions::from_common_text(text).is_some(), "{text}");
            agrees::<AccountOptions>(text);
        }
        assert!(Options::from_common_text("{}").is_some());
        agrees::<Options>("{}");
        for text in ["{}", r#"{"country":"CA"}"#, r#"{"country":"日本"}"#] {
            assert!(FieldContext::from_common_text(text).is_some(), "{text}");
            agrees::<FieldContext>(text);
        }
    }

    #[test]
    fn anything_else_goes_to_the_deserializer() {
        for text in [
            r#"{"op":"create","context":{}}"#,
            r#"{"op":"delete"}"#,
            r#"{ "op": "create" }"#,
        ] {
            assert!(AccountOptions::from_common_text(text).is_none(), "{text}");
        }
        assert!(Options::from_common_text(r#"{"kind":"vip"}"#).is_none());
        for text in [
            r#"{"country":"C\"A"}"#,
            r#"{"country":"C\\A"}"#,
            r#"{"country":null}"#,
            r#"{"country":"CA","x":1}"#,
        ] {
            assert!(FieldContext::from_common_text(text).is_none(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn a_stringified_country_reads_as_the_deserializer_reads_it(country in "\\PC{0,6}|[\"\\\\\\n]{0,3}") {
            let text = serde_json::json!({ "country": country }).to_string();
            agrees::<FieldContext>(&text);
            if let Some(read) = FieldContext::from_common_text(&text) {
                prop_assert_eq!(read.country.as_deref(), Some(country.as_str()));
            }
        }
    }
}
