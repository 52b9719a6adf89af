//! A request body as the validators read it: borrowed from the JSON text.
//!
//! The validators walk the raw JSON (so that a number where text belongs is a
//! violation at its path, not a parse error that hides every other problem).
//! They used to walk a `serde_json::Value`, which copies every key and every
//! string into its own allocation and, with `preserve_order`, hashes every key
//! into an index map. A body is read once and thrown away, so [`Json`] keeps
//! what the validators need and nothing more: strings and keys borrowed from
//! the text, objects as the list of their members in the order written,
//! numbers as serde_json reads them.
//!
//! Lists, objects and the strings the text escapes live in an [`Arena`] the
//! caller owns: reading allocates no box per object and dropping the tree
//! walks nothing (measured: allocation and the drop walk were 13 % of a
//! valid customer's instructions read from text, 17 % of a 499-line order's).
//! A caller that validates often keeps one arena and resets it between
//! bodies, as the npm package does.
//!
//! Two ways in: [`Json::parse`] reads JSON text (what the npm package and a
//! server receive); [`Json::from_value`] borrows an existing `Value`.
//!
//! Duplicate keys read as serde_json reads them: the member keeps the place
//! of its first occurrence and the value of its last.

mod from_json;
mod packed;
mod packer;
mod reader;

pub use from_json::{FromJson, FromJsonError, derive_support, text_of};
pub use packed::{MAX_KEYS as MAX_PACKED_KEYS, PackedError, PackedKeys};
pub use packer::Packer;
pub use reader::JsonError;
pub use vipmp_derive::FromJson;

/// Where a tree's lists, objects and unescaped strings are kept (bumpalo's
/// bump allocator): freed all at once when it is dropped or reset.
pub use bumpalo::Bump as Arena;

use serde_json::Value;
use std::cell::RefCell;

thread_local! {
    /// The arena of [`with_arena`], one per thread, reset after each use:
    /// once it has grown to the bodies a thread sees, reading allocates
    /// nothing, where a fresh arena would allocate its chunks again for every
    /// body. It keeps the largest body's room until the thread ends.
    static ARENA: RefCell<Arena> = RefCell::new(Arena::new());
}

/// Runs `read` with this thread's arena, reset afterwards (what `read`
/// returns cannot borrow it); a call made while the arena is in use gets an
/// arena of its own. `validate::run` and `run_text` read bodies this way, and
/// so does the npm package for bodies, options and inputs.
pub fn with_arena<T>(read: impl FnOnce(&mut Arena) -> T) -> T {
    ARENA.with(|cell| match cell.try_borrow_mut() {
        Ok(mut arena) => {
            let out = read(&mut arena);
            arena.reset();
            out
        }
        Err(_) => read(&mut Arena::new()),
    })
}

/// One JSON value, borrowing its text and its arena.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits in an `i64`.
    Int(i64),
    /// A whole number above `i64::MAX` (up to `u64::MAX`).
    Big(u64),
    /// Any other number: a fraction, an exponent, or out of the integer range.
    Float(f64),
    /// A string.
    Text(&'a str),
    /// A list.
    List(&'a [Json<'a>]),
    /// An object: its members in the order written, each key once.
    Object(&'a [(&'a str, Json<'a>)]),
}

/// What a missing member reads as.
static NULL: Json<'static> = Json::Null;

/// Objects with more members than this are deduplicated through a sort
/// instead of a scan, so a hostile body cannot make reading quadratic.
const SCAN_DEDUP_LIMIT: usize = 32;

impl<'a> Json<'a> {
    /// Reads JSON text. Strings without escapes are borrowed from `text`;
    /// lists, objects and unescaped strings are placed in `arena`.
    ///
    /// # Errors
    /// A [`JsonError`] where the text is not one JSON value, exactly where
    /// serde_json would refuse it (including nesting deeper than 127).
    pub fn parse(text: &'a str, arena: &'a Arena) -> Result<Self, JsonError> {
        reader::read(text, arena)
    }

    /// Borrows a `serde_json::Value` without copying its strings; its lists
    /// and objects are placed in `arena`.
    pub fn from_value(value: &'a Value, arena: &'a Arena) -> Self {
        ValueReader {
            arena,
            items: Vec::with_capacity(reader::SCRATCH_CAPACITY),
            members: Vec::with_capacity(reader::SCRATCH_CAPACITY),
        }
        .read(value)
    }

    /// The member `key` of an object (`null` when absent or not an object).
    pub fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        match self {
            Json::Object(members) => members
                .iter()
                .find_map(|(name, value)| (*name == key).then_some(value)),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn as_array(&self) -> Option<&'a [Json<'a>]> {
        match self {
            Json::List(items) => Some(items),
            _ => None,
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Whether the value is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Json::Text(_))
    }
}

impl<'a> std::ops::Index<&str> for Json<'a> {
    type Output = Json<'a>;

    /// The member `key`, or `null` (like `serde_json::Value`'s index).
    fn index(&self, key: &str) -> &Json<'a> {
        self.get(key).unwrap_or(&NULL)
    }
}

impl PartialEq<str> for Json<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Json<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

fn number_of(number: &serde_json::Number) -> Json<'static> {
    if let Some(whole) = number.as_i64() {
        Json::Int(whole)
    } else if let Some(big) = number.as_u64() {
        Json::Big(big)
    } else {
        Json::Float(number.as_f64().unwrap_or(f64::NAN))
    }
}

/// Whether two keys can be equal, judged by their lengths and last bytes
/// without a call: in the wasm a string comparison calls a byte loop, and
/// the keys of one object almost always differ in one of these.
fn may_equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last()
}

/// Borrows a `Value` into an arena the way the reader reads text: children
/// are gathered on scratch stacks and copied into the arena in one piece.
/// (Filling the arena's slice element by element through an iterator made
/// the compiler copy each member through misaligned stack temporaries: a
/// customer from a `Value` took 0.92 µs instead of 0.79 with fewer
/// instructions.)
struct ValueReader<'a> {
    arena: &'a Arena,
    items: Vec<Json<'a>>,
    members: Members<'a>,
}

impl<'a> ValueReader<'a> {
    fn read(&mut self, value: &'a Value) -> Json<'a> {
        match value {
            Value::Null => Json::Null,
            Value::Bool(flag) => Json::Bool(*flag),
            Value::Number(number) => number_of(number),
            Value::String(text) => Json::Text(text),
            Value::Array(items) => {
                let start = self.items.len();
                for item in items {
                    let item = self.read(item);
                    self.items.push(item);
                }
                let list = self.arena.alloc_slice_copy(&self.items[start..]);
                self.items.truncate(start);
                Json::List(list)
            }
            Value::Object(map) => {
                let start = self.members.len();
                for (key, value) in map {
                    let value = self.read(value);
                    self.members.push((key, value));
                }
                let members = self.arena.alloc_slice_copy(&self.members[start..]);
                self.members.truncate(start);
                Json::Object(members)
            }
        }
    }
}

/// An object's members while it is read.
type Members<'a> = Vec<(&'a str, Json<'a>)>;

/// Keeps each key of `members[start..]` once, at its first place, with its
/// last value (what serde_json's map does on a repeated key). Linear for the
/// small objects of a request; `n log n` for a large one, never quadratic.
fn remove_duplicates(members: &mut Members<'_>, start: usize) {
    let Some(tail) = members.get(start..) else {
        return;
    };
    if !has_duplicates(tail) {
        return;
    }
    let first = first_places(tail);
    let mut kept: Vec<Option<(&str, Json<'_>)>> = Vec::with_capacity(tail.len());
    for (place, &(key, value)) in tail.iter().enumerate() {
        let first_place = first.get(place).copied().unwrap_or(place);
        if first_place == place {
            kept.push(Some((key, value)));
        } else {
            if let Some(Some(slot)) = kept.get_mut(first_place) {
                slot.1 = value;
            }
            kept.push(None);
        }
    }
    members.truncate(start);
    members.extend(kept.into_iter().flatten());
}

/// For each member, the place of the first member with the same key.
fn first_places(members: &[(&str, Json<'_>)]) -> Vec<usize> {
    let mut by_key: Vec<usize> = (0..members.len()).collect();
    // Stable: among equal keys the earliest place comes first.
    by_key.sort_by(|&a, &b| members[a].0.cmp(members[b].0));
    let mut first: Vec<usize> = (0..members.len()).collect();
    for run in by_key.chunk_by(|&a, &b| members[a].0 == members[b].0) {
        if let Some(&earliest) = run.first() {
            for &place in run {
                first[place] = earliest;
            }
        }
    }
    first
}

fn has_duplicates(members: &[(&str, Json<'_>)]) -> bool {
    if members.len() <= SCAN_DEDUP_LIMIT {
        return members.iter().enumerate().any(|(i, (key, _))| {
            members[..i]
                .iter()
                .any(|(name, _)| may_equal(name, key) && name == key)
        });
    }
    let mut keys: Vec<&str> = members.iter().map(|(key, _)| *key).collect();
    keys.sort_unstable();
    keys.windows(2).any(|pair| pair[0] == pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_text_borrowing_plain_strings() {
        let text = r#"{"a": "plain", "b": "esc\u00e9", "c": [1, -2, 1.5, 18446744073709551615, true, null]}"#;
        let arena = Arena::new();
        let body = Json::parse(text, &arena).expect("JSON");
        let plain = body["a"].as_str().expect("text");
        assert!(
            text.as_bytes().as_ptr_range().contains(&plain.as_ptr()),
            "borrowed from the text"
        );
        assert_eq!(body["b"], "esc\u{e9}");
        assert_eq!(
            body["c"].as_array().expect("list"),
            [
                Json::Int(1),
                Json::Int(-2),
                Json::Float(1.5),
                Json::Big(u64::MAX),
                Json::Bool(true),
                Json::Null
            ]
        );
        assert!(body["missing"].is_null());
    }

    #[test]
    fn agrees_with_serde_json_values() {
        let value = json!({ "k": [1, "two", { "x": null }], "n": -7, "f": 0.25 });
        let text = value.to_string();
        let arena = Arena::new();
        assert_eq!(
            Json::parse(&text, &arena).expect("JSON"),
            Json::from_value(&value, &arena)
        );
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value() {
        let arena = Arena::new();
        let body = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#, &arena).expect("JSON");
        let Json::Object(members) = &body else {
            panic!("object")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(body["a"], Json::Int(3));
        let value: Value = serde_json::from_str(r#"{"a": 1, "b": 2, "a": 3}"#).expect("JSON");
        assert_eq!(Json::from_value(&value, &arena), body);
    }

    #[test]
    fn many_members_are_deduplicated_too() {
        let mut text = String::from("{");
        for n in 0..100 {
            text.push_str(&format!("\"k{n}\": {n},"));
        }
        text.push_str("\"k5\": \"last\"}");
        let arena = Arena::new();
        let body = Json::parse(&text, &arena).expect("JSON");
        let Json::Object(members) = &body else {
            panic!("object")
        };
        assert_eq!(members.len(), 100);
        assert_eq!(body["k5"], "last");
    }

    #[test]
    fn text_that_is_not_json_is_an_error() {
        let arena = Arena::new();
        assert!(Json::parse("{\"a\": ", &arena).is_err());
        assert!(Json::parse("", &arena).is_err());
    }
}
