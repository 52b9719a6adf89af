//! Writing answers as JSON text, byte for byte as serde_json writes them,
//! without serde's serializer.
//!
//! The npm package answers JavaScript with JSON text read by `JSON.parse`.
//! Through serde, each answer type instantiated serde_json's generic
//! serializer (its compound states, key checks and error paths): measured, all
//! of serialization was 12.5 KB of the gzipped module. [`ToJson`], derived by
//! `#[derive(ToJson)]` from the same `#[serde]` attributes, writes a literal
//! key and a call per field. serde's `Serialize` stays for Rust callers; a
//! test compares the two writers on every answer the fixtures produce.

use std::collections::BTreeMap;

pub use vipmp_derive::ToJson;

/// A value that writes itself as JSON text.
pub trait ToJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// A struct's members without the braces: what `#[serde(flatten)]` writes
/// into the object around it. Derived with [`ToJson`] for structs.
pub trait Members {
    /// Appends `"key":value` for each member, a comma before each but the
    /// very first of the object (`first` says whether one was written).
    fn write_members(&self, out: &mut String, first: &mut bool);
}

/// The JSON text of `value`.
pub fn to_json_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// A struct as an object (the derived `write_json` of structs).
pub fn write_object<T: Members + ?Sized>(value: &T, out: &mut String) {
    out.push('{');
    let mut first = true;
    value.write_members(out, &mut first);
    out.push('}');
}

/// One member: `key` is its name already quoted, with the colon.
pub fn member<T: ToJson + ?Sized>(out: &mut String, first: &mut bool, key: &str, value: &T) {
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push_str(key);
    value.write_json(out);
}

/// `text` quoted as [`write_str`] writes it, for messages that name what the
/// caller gave: `str`'s `Debug` would do the same for the names a caller
/// types, but its escaping carries Unicode's printable tables into the wasm.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_str(&mut out, text);
    out
}

/// A string, quoted and escaped as serde_json escapes it: `"`, `\` and the
/// control characters below U+0020, nothing else.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(text.get(plain..at).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0xF));
        } else {
            out.push_str(escape);
        }
        plain = at + 1;
    }
    out.push_str(text.get(plain..).unwrap_or_default());
    out.push('"');
}

fn hex_digit(nibble: u8) -> char {
    char::from(b"0123456789abcdef"[usize::from(nibble & 0xF)])
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole_numbers {
    ($($ty:ty),*) => {$(
        impl ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}

whole_numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    /// A pair is a list of two, as serde writes tuples.
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

impl<K: AsRef<str>, V: ToJson> ToJson for BTreeMap<K, V> {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (index, (key, value)) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            write_str(out, key.as_ref());
            out.push(':');
            value.write_json(out);
        }
        out.push('}');
    }
}

impl ToJson for serde_json::Number {
    fn write_json(&self, out: &mut String) {
        // Its Display is serde_json's own number writer.
        out.push_str(&self.to_string());
    }
}

impl ToJson for serde_json::Value {
    fn write_json(&self, out: &mut String) {
        use serde_json::Value;
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(flag) => flag.write_json(out),
            Value::Number(number) => number.write_json(out),
            Value::String(text) => write_str(out, text),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => {
                out.push('{');
                for (index, (key, value)) in map.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_str(out, key);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(text in "\\PC{0,12}|[\\x00-\\x20\"\\\\\u{7f}é\u{2028}]{0,12}") {
            let mut ours = String::new();
            write_str(&mut ours, &text);
            prop_assert_eq!(ours, serde_json::to_string(&text).expect("a string"));
        }
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let value =
            serde_json::json!({"a": [1, -2, 1.5, 1e300, null, true, "x\u{0}"], "b": {}, "c": []});
        assert_eq!(to_json_string(&value), value.to_string());
    }
}
