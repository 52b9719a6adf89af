//! The packer of the npm package's `door.js`, in Rust, for tests and fuzzing.
//!
//! The package packs a body given as an object in JavaScript; the core reads
//! it with [`PackedKeys`](super::PackedKeys). The core's own tests, the fuzz
//! targets and a Rust caller testing that way across need bodies in that form
//! written the way `door.js` writes them: whole numbers that fit an `i32` as
//! numbers, any other number as its JSON text, a key numbered the first time
//! it is sent and sent by number afterwards, across bodies, and a list of
//! objects of one shape (an order's lines) as a table. One packer for
//! all of them, so that no copy drifts from the others. Nothing in the
//! package's wasm calls it, so the linker leaves it out.

use super::packed::{DEFINE_KEY, INLINE_KEY, MAX_KEYS};
use serde_json::Value;
use std::collections::HashMap;

/// Packs JSON values as `door.js` does, keeping the keys it numbered between
/// bodies (read them with one [`PackedKeys`](super::PackedKeys) kept alike).
#[derive(Debug, Default)]
pub struct Packer {
    numbers: HashMap<String, u16>,
    bytes: Vec<u8>,
}

impl Packer {
    /// A packer that has numbered no key.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// How many keys it has numbered.
    #[must_use]
    pub fn numbered(&self) -> usize {
        self.numbers.len()
    }

    /// The packed form of `value`.
    ///
    /// # Panics
    /// When a text, a list or an object is longer than a `u32` counts.
    pub fn pack(&mut self, value: &Value) -> Vec<u8> {
        self.bytes.clear();
        let known = u32::try_from(self.numbers.len()).expect("at most MAX_KEYS keys");
        self.bytes.extend(known.to_le_bytes());
        self.value(value);
        self.bytes.clone()
    }

    fn count(&mut self, count: usize) {
        let count = u32::try_from(count).expect("a count that fits a u32");
        self.bytes.extend(count.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.bytes.extend(text.as_bytes());
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.bytes.push(0),
            Value::Bool(flag) => self.bytes.push(1 + u8::from(*flag)),
            Value::Number(number) => match number.as_i64().map(i32::try_from) {
                Some(Ok(whole)) => {
                    self.bytes.push(3);
                    self.bytes.extend(whole.to_le_bytes());
                }
                _ => {
                    self.bytes.push(4);
                    self.text(&number.to_string());
                }
            },
            Value::String(text) => {
                self.bytes.push(5);
                self.text(text);
            }
            Value::Array(items) => match table_kinds(items) {
                Some(kinds) => self.table(items, &kinds),
                None => {
                    self.bytes.push(6);
                    self.count(items.len());
                    items.iter().for_each(|item| self.value(item));
                }
            },
            Value::Object(map) => {
                self.bytes.push(7);
                self.count(map.len());
                for (key, value) in map {
                    self.key(key);
                    self.value(value);
                }
            }
        }
    }

    /// `rows` as a table of columns of `kinds` (see [`table_kinds`]).
    fn table(&mut self, rows: &[Value], kinds: &[u8]) {
        let Some(Value::Object(first)) = rows.first() else {
            return;
        };
        self.bytes.push(8);
        self.count(rows.len());
        self.bytes
            .push(u8::try_from(kinds.len()).expect("at most 255 columns"));
        for (key, kind) in first.keys().zip(kinds) {
            self.key(key);
            self.bytes.push(*kind);
        }
        for value in rows
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|row| row.values())
        {
            match value {
                Value::String(text) => self.text(text),
                whole => {
                    let whole = whole.as_i64().and_then(|n| i32::try_from(n).ok());
                    self.bytes
                        .extend(whole.expect("a column of whole numbers").to_le_bytes());
                }
            }
        }
    }

    fn key(&mut self, key: &str) {
        if let Some(id) = self.numbers.get(key) {
            self.bytes.extend(id.to_le_bytes());
        } else if self.numbers.len() < MAX_KEYS {
            let id = u16::try_from(self.numbers.len()).expect("MAX_KEYS fits a u16");
            self.numbers.insert(key.to_owned(), id);
            self.bytes.extend(DEFINE_KEY.to_le_bytes());
            self.text(key);
        } else {
            self.bytes.extend(INLINE_KEY.to_le_bytes());
            self.text(key);
        }
    }
}

/// The kinds of the columns (3 whole numbers, 5 strings) when `items` packs
/// as a table, as `door.js` decides: two or more objects with the same keys
/// in the same order, 1 to 255 of them, each key's values all whole numbers
/// that fit an `i32` or all strings.
fn table_kinds(items: &[Value]) -> Option<Vec<u8>> {
    let [Value::Object(first), rest @ ..] = items else {
        return None;
    };
    if rest.is_empty() || first.is_empty() || first.len() > usize::from(u8::MAX) {
        return None;
    }
    let kinds: Vec<u8> = first.values().map(kind_of).collect::<Option<_>>()?;
    let same_shape =
        |item: &Value| {
            item.as_object().is_some_and(|row| {
                row.len() == first.len()
                    && row.iter().zip(first.keys().zip(&kinds)).all(
                        |((key, value), (name, kind))| key == name && kind_of(value) == Some(*kind),
                    )
            })
        };
    rest.iter().all(same_shape).then_some(kinds)
}

/// A table column's kind of `value`, if it can be one.
fn kind_of(value: &Value) -> Option<u8> {
    match value {
        Value::String(_) => Some(5),
        Value::Number(number) if number.as_i64().is_some_and(|n| i32::try_from(n).is_ok()) => {
            Some(3)
        }
        _ => None,
    }
}
