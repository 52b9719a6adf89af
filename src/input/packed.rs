//! Reading a body the npm package packed in JavaScript, without JSON text.
//!
//! In the package, a body given as an object used to cross into the wasm as
//! JSON text: `JSON.stringify`, `TextEncoder.encodeInto`, then the reader of
//! `reader.rs`. Measured in Node, the stringify alone was 28 % of a valid
//! customer's check, and for orders of 100 and 499 lines it took longer than
//! half of ajv's whole check. The package's `door.js` now walks the object
//! itself and writes this binary form, which it writes about twice as fast as
//! `JSON.stringify` writes text (keys it has sent before are one number) and
//! which is read here without a character of JSON syntax to look at.
//!
//! The form, all integers little-endian:
//!
//! ```text
//! body   = known:u32 value            known: the keys the packer had numbered before
//! value  = 0 (null) | 1 (false) | 2 (true)
//!        | 3 whole:i32                a number that fits
//!        | 4 len:u32 text             any other number, as JavaScript writes it
//!        | 5 len:u32 utf8             a string
//!        | 6 count:u32 value*         a list
//!        | 7 count:u32 (key value)*   an object
//!        | 8 count:u32 columns:u8 (key kind)^columns row^count
//!                                     a table: a list of objects with the same
//!                                     keys in the same order, each key's values
//!                                     all whole numbers or all strings
//! kind   = 3 | 5                      the type of a column's values
//! row    = (whole:i32 | len:u32 utf8)^columns, as the columns' kinds say
//! key    = id:u16                     a key numbered before (id < 0xFFFE)
//!        | 0xFFFE len:u32 utf8        a new key, numbered next
//!        | 0xFFFF len:u32 utf8        a key not numbered
//! ```
//!
//! A table is how an order's lines cross: its keys and their types are read
//! once for the list, not once a line, and its values carry no tags (in Node,
//! packing 100 order lines took 10.0 µs as a list of objects, 5.9 as a table).
//!
//! Keys are numbered in the order they are first defined, across bodies: the
//! caller keeps the [`PackedKeys`] between bodies as the packer keeps its map.
//! A number is written as text so that it reads exactly as the JSON text of
//! `JSON.stringify` would (`1e21`, `0.1`, integers past 2^53), through the
//! same number reader. Nothing here trusts the bytes: a short buffer, an
//! unknown tag or key, text that is not UTF-8 or nesting deeper than JSON
//! text may have is a [`PackedError`], never a panic.

use super::{Arena, Json};
use std::fmt;

/// The deepest nesting read, as for JSON text.
const MAX_DEPTH: usize = 127;

/// The most keys a table numbers (ids `0..MAX_KEYS`).
pub const MAX_KEYS: usize = 4096;

pub(super) const DEFINE_KEY: u16 = 0xFFFE;
pub(super) const INLINE_KEY: u16 = 0xFFFF;

/// The keys a packer has numbered, by number, kept between bodies.
#[derive(Debug, Default)]
pub struct PackedKeys {
    keys: Vec<Box<str>>,
}

/// Why packed bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackedError {
    /// The packer numbered more keys than this table holds: the two lost
    /// step (the packer must forget its keys and pack the body again).
    KeysOutOfStep,
    /// The bytes are not a packed body; at this byte offset.
    Malformed(usize),
}

impl fmt::Display for PackedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackedError::KeysOutOfStep => f.write_str("packed keys out of step"),
            PackedError::Malformed(offset) => write!(f, "malformed packed body at byte {offset}"),
        }
    }
}

impl std::error::Error for PackedError {}

impl PackedKeys {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many keys are numbered.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key is numbered.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Forgets every key (the packer's side of a [`PackedError::KeysOutOfStep`]).
    pub fn clear(&mut self) {
        self.keys.clear();
    }

    /// Reads `bytes` as a packed body into `arena`, and then `use_body` with
    /// it; keys the body defines are numbered afterwards, when it read whole.
    ///
    /// # Errors
    /// [`PackedError::KeysOutOfStep`] when the body counts on more keys than
    /// the table holds; [`PackedError::Malformed`] when the bytes are not a
    /// packed body.
    pub fn read<T>(
        &mut self,
        bytes: &[u8],
        arena: &Arena,
        use_body: impl FnOnce(&Json<'_>) -> T,
    ) -> Result<T, PackedError> {
        let mut unpacker = Unpacker {
            bytes,
            at: 0,
            depth: 0,
            table: &[],
            defined: Vec::new(),
            arena,
        };
        let known = unpacker.count()?;
        if known > self.keys.len() {
            return Err(PackedError::KeysOutOfStep);
        }
        // Keys numbered in a body the packer gave up on are its to forget.
        self.keys.truncate(known);
        unpacker.table = &self.keys;
        let body = unpacker.value()?;
        if unpacker.at != bytes.len() {
            return Err(unpacker.malformed());
        }
        let answer = use_body(&body);
        let defined: Vec<Box<str>> = unpacker.defined.iter().map(|&key| key.into()).collect();
        self.keys.extend(defined);
        Ok(answer)
    }
}

struct Unpacker<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    table: &'a [Box<str>],
    /// Keys this body numbers, in order: numbers `table.len()` onwards.
    defined: Vec<&'a str>,
    arena: &'a Arena,
}

impl<'a> Unpacker<'a> {
    fn malformed(&self) -> PackedError {
        PackedError::Malformed(self.at)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], PackedError> {
        let end = self.at.checked_add(len).ok_or_else(|| self.malformed())?;
        let bytes = self
            .bytes
            .get(self.at..end)
            .ok_or_else(|| self.malformed())?;
        self.at = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], PackedError> {
        let bytes = self.take(N)?;
        bytes.try_into().map_err(|_| self.malformed())
    }

    fn count(&mut self) -> Result<usize, PackedError> {
        let count = u32::from_le_bytes(self.array()?);
        usize::try_from(count).map_err(|_| self.malformed())
    }

    fn text(&mut self) -> Result<&'a str, PackedError> {
        let len = self.count()?;
        let start = self.at;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| PackedError::Malformed(start))
    }

    fn value(&mut self) -> Result<Json<'a>, PackedError> {
        let [tag] = self.array()?;
        match tag {
            0 => Ok(Json::Null),
            1 => Ok(Json::Bool(false)),
            2 => Ok(Json::Bool(true)),
            3 => Ok(Json::Int(i32::from_le_bytes(self.array()?).into())),
            4 => self.number(),
            5 => self.text().map(Json::Text),
            6 | 7 if self.depth == MAX_DEPTH => Err(self.malformed()),
            6 => self.nested(Self::list),
            7 => self.nested(Self::object),
            // A table's rows are objects inside its list: one level deeper.
            8 if self.depth + 1 >= MAX_DEPTH => Err(self.malformed()),
            8 => self.nested(Self::table),
            _ => Err(PackedError::Malformed(self.at - 1)),
        }
    }

    /// A number as JavaScript writes it, read as JSON text reads it.
    fn number(&mut self) -> Result<Json<'a>, PackedError> {
        let start = self.at;
        let text = self.text()?;
        match Json::parse(text, self.arena) {
            Ok(number @ (Json::Int(_) | Json::Big(_) | Json::Float(_))) => Ok(number),
            _ => Err(PackedError::Malformed(start)),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self, usize) -> Result<Json<'a>, PackedError>,
    ) -> Result<Json<'a>, PackedError> {
        let count = self.count()?;
        self.depth += 1;
        let value = read(self, count);
        self.depth -= 1;
        value
    }

    /// Refuses a count that the bytes left cannot hold at `least` bytes
    /// each, before anything is allocated for it.
    fn fits(&self, count: usize, least: usize) -> Result<(), PackedError> {
        let left = self.bytes.len() - self.at.min(self.bytes.len());
        if count.saturating_mul(least) > left {
            return Err(self.malformed());
        }
        Ok(())
    }

    /// A list's items, read straight into their place in the arena (the
    /// count comes first, so no scratch stack is needed).
    fn list(&mut self, count: usize) -> Result<Json<'a>, PackedError> {
        self.fits(count, 1)?;
        let items = self.arena.alloc_slice_fill_copy(count, Json::Null);
        for item in items.iter_mut() {
            *item = self.value()?;
        }
        Ok(Json::List(items))
    }

    /// An object's members, likewise. A JavaScript object holds each key
    /// once, so members are not deduplicated: in bytes written otherwise,
    /// a repeated key is two members, and a lookup finds the first.
    fn object(&mut self, count: usize) -> Result<Json<'a>, PackedError> {
        self.fits(count, 3)?;
        let members = self.arena.alloc_slice_fill_copy(count, ("", Json::Null));
        for member in members.iter_mut() {
            let key = self.key()?;
            *member = (key, self.value()?);
        }
        Ok(Json::Object(members))
    }

    /// A table's rows, each an object of the table's keys in their order.
    /// The columns come first, as a row of the keys with a placeholder of
    /// each one's kind; each row is that row copied and its values read.
    #[inline(never)]
    fn table(&mut self, count: usize) -> Result<Json<'a>, PackedError> {
        let [columns] = self.array()?;
        if columns == 0 {
            // No bytes a row: a count could not be checked against the bytes.
            return Err(self.malformed());
        }
        let template = self
            .arena
            .alloc_slice_fill_copy(usize::from(columns), ("", Json::Null));
        for column in template.iter_mut() {
            let key = self.key()?;
            let [kind] = self.array()?;
            column.0 = key;
            column.1 = match kind {
                3 => Json::Int(0),
                5 => Json::Text(""),
                _ => return Err(PackedError::Malformed(self.at - 1)),
            };
        }
        self.fits(count, 4 * usize::from(columns))?;
        let rows = self.arena.alloc_slice_fill_copy(count, Json::Null);
        for row in rows.iter_mut() {
            let members = self.arena.alloc_slice_copy(template);
            for member in members.iter_mut() {
                member.1 = match member.1 {
                    Json::Int(_) => Json::Int(i32::from_le_bytes(self.array()?).into()),
                    _ => Json::Text(self.text()?),
                };
            }
            *row = Json::Object(members);
        }
        Ok(Json::List(rows))
    }

    fn key(&mut self) -> Result<&'a str, PackedError> {
        let start = self.at;
        match u16::from_le_bytes(self.array()?) {
            INLINE_KEY => self.text(),
            DEFINE_KEY => {
                if self.table.len() + self.defined.len() >= MAX_KEYS {
                    return Err(PackedError::Malformed(start));
                }
                let key = self.text()?;
                self.defined.push(key);
                Ok(key)
            }
            id => self
                .numbered(usize::from(id))
                .ok_or(PackedError::Malformed(start)),
        }
    }

    fn numbered(&self, id: usize) -> Option<&'a str> {
        match self.table.get(id) {
            Some(key) => Some(key),
            None => self.defined.get(id - self.table.len()).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Packer;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    /// Whether `bytes` read as the value's JSON text reads (the package's
    /// other way across).
    fn reads_as(keys: &mut PackedKeys, bytes: &[u8], value: &Value) -> Result<bool, PackedError> {
        let arena = Arena::new();
        let text = value.to_string();
        let expected = Json::parse(&text, &arena).expect("JSON text");
        keys.read(bytes, &arena, |body| *body == expected)
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e300f64..1e300).prop_map(Value::from),
            "[a-zé日\u{1F600}\"\\\\ ]{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec(("[a-dé]{1,3}", inner), 0..5)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
                table(),
            ]
        })
    }

    /// Lists of objects of one shape (packed as tables), and some whose last
    /// row breaks the shape (packed as lists).
    fn table() -> impl Strategy<Value = Value> {
        let column = prop_oneof![
            any::<i32>().prop_map(Value::from),
            "[a-zé日\u{1F600}]{0,6}".prop_map(Value::from),
        ];
        let keys = prop::collection::btree_set("[a-dé]{1,3}", 1..4);
        (
            keys,
            prop::collection::vec(column, 1..4),
            2..6_usize,
            any::<bool>(),
        )
            .prop_map(|(keys, kinds, rows, broken)| {
                let row = |number: usize| {
                    let members = keys.iter().zip(kinds.iter().cycle()).map(|(key, kind)| {
                        let value = match kind {
                            Value::String(text) => Value::from(format!("{text}{number}")),
                            whole => Value::from(whole.as_i64().unwrap_or_default() ^ 1),
                        };
                        (key.clone(), value)
                    });
                    Value::Object(members.collect())
                };
                let mut items: Vec<Value> = (0..rows).map(row).collect();
                if broken && let Some(Value::Object(last)) = items.last_mut() {
                    last.insert("zz".into(), Value::Null);
                }
                Value::Array(items)
            })
    }

    #[test]
    fn numbers_keys_once_and_after_by_number() {
        let mut packer = Packer::new();
        let mut keys = PackedKeys::new();
        let body = json!({"orderType": "NEW", "lineItems": [{"offerId": "X", "quantity": 1}, {"offerId": "Y", "quantity": 2}]});
        let first = packer.pack(&body);
        assert_eq!(reads_as(&mut keys, &first, &body), Ok(true));
        assert_eq!(keys.len(), 4);
        let second = packer.pack(&body);
        assert!(
            second.len() < first.len() - 30,
            "keys are numbers the second time"
        );
        assert_eq!(reads_as(&mut keys, &second, &body), Ok(true));
        assert_eq!(keys.len(), 4);
    }

    #[test]
    fn a_packer_ahead_of_the_table_is_out_of_step_and_one_behind_is_followed() {
        let mut packer = Packer::new();
        let body = json!({"a": 1, "b": {"c": [true, null, "d"]}});
        packer.pack(&body);
        let ahead = packer.pack(&body);
        let mut keys = PackedKeys::new();
        assert_eq!(
            reads_as(&mut keys, &ahead, &body),
            Err(PackedError::KeysOutOfStep)
        );
        // A table that numbered keys the packer then forgot (a body it gave up on).
        let mut keys = PackedKeys::new();
        let mut forgetful = Packer::new();
        let defines = forgetful.pack(&json!({"x": 1, "y": 2}));
        assert_eq!(
            reads_as(&mut keys, &defines, &json!({"x": 1, "y": 2})),
            Ok(true)
        );
        let mut restarted = Packer::new();
        let other = json!({"y": 3, "z": 4});
        let bytes = restarted.pack(&other);
        assert_eq!(reads_as(&mut keys, &bytes, &other), Ok(true));
        assert_eq!(
            keys.len(),
            2,
            "the table starts again from the packer's count"
        );
    }

    #[test]
    fn lines_of_one_shape_cross_as_a_table_with_their_keys_once() {
        let mut packer = Packer::new();
        let mut keys = PackedKeys::new();
        let lines: Vec<Value> = (1..=3)
            .map(|n| json!({"extLineItemNumber": n, "offerId": format!("6530452{n}CA01A12"), "quantity": 2}))
            .collect();
        let body = json!({"orderType": "NEW", "lineItems": lines});
        let bytes = packer.pack(&body);
        assert!(bytes.contains(&8), "a table");
        let key_spelled = |key: &str| {
            bytes
                .windows(key.len())
                .filter(|w| *w == key.as_bytes())
                .count()
        };
        assert_eq!(key_spelled("offerId"), 1, "each key once");
        assert_eq!(reads_as(&mut keys, &bytes, &body), Ok(true));
        let mixed = json!([{"a": 1}, {"a": "x"}]);
        let bytes = packer.pack(&mixed);
        assert_eq!(bytes[4], 6, "a column of two kinds is a list");
        assert_eq!(reads_as(&mut keys, &bytes, &mixed), Ok(true));
    }

    #[test]
    fn refuses_tables_without_columns_of_unknown_kinds_or_too_many_rows() {
        let read = |bytes: &[u8]| PackedKeys::new().read(bytes, &Arena::new(), |_| ());
        // count 2, no columns.
        assert!(read(&[0, 0, 0, 0, 8, 2, 0, 0, 0, 0]).is_err());
        // count 1, one column "a" of kind 4, then a row.
        let mut bytes = vec![
            0, 0, 0, 0, 8, 1, 0, 0, 0, 1, 0xFE, 0xFF, 1, 0, 0, 0, b'a', 4,
        ];
        bytes.extend([1, 0, 0, 0]);
        assert_eq!(read(&bytes), Err(PackedError::Malformed(17)));
        // The same of kind 3 reads; a count past what the bytes hold does not.
        bytes[17] = 3;
        assert_eq!(read(&bytes), Ok(()));
        bytes[5] = 0xFF;
        assert!(read(&bytes).is_err());
    }

    #[test]
    fn numbers_read_as_json_text_reads_them() {
        let mut keys = PackedKeys::new();
        for text in [
            "1e21",
            "0.1",
            "-0",
            "9007199254740993",
            "18446744073709551616",
            "-2147483649",
        ] {
            let value: Value = serde_json::from_str(text).expect("number");
            let bytes = Packer::new().pack(&value);
            assert_eq!(bytes[4], 4, "{text} is written as text");
            assert_eq!(reads_as(&mut keys, &bytes, &value), Ok(true), "{text}");
        }
        let mut bytes = vec![0, 0, 0, 0, 4, 3, 0, 0, 0];
        bytes.extend(b"1x2");
        assert_eq!(
            keys.read(&bytes, &Arena::new(), |_| ()),
            Err(PackedError::Malformed(5))
        );
    }

    #[test]
    fn refuses_nesting_deeper_than_json_text_may() {
        let deep = |depth: usize| {
            let mut bytes = vec![0, 0, 0, 0];
            for _ in 0..depth {
                bytes.extend([6, 1, 0, 0, 0]);
            }
            bytes.push(0);
            bytes
        };
        let mut keys = PackedKeys::new();
        assert_eq!(keys.read(&deep(127), &Arena::new(), |_| ()), Ok(()));
        assert!(matches!(
            keys.read(&deep(128), &Arena::new(), |_| ()),
            Err(PackedError::Malformed(_))
        ));
    }

    #[test]
    fn refuses_text_that_is_not_utf8_and_unknown_tags_and_keys() {
        let mut keys = PackedKeys::new();
        let cases: [&[u8]; 5] = [
            &[0, 0, 0, 0, 5, 1, 0, 0, 0, 0xFF],
            &[0, 0, 0, 0, 8],
            &[0, 0, 0, 0, 7, 1, 0, 0, 0, 9, 0, 0],
            &[0, 0, 0, 0, 0, 0],
            &[0, 0, 0, 0, 6, 255, 255, 255, 255, 0],
        ];
        for bytes in cases {
            assert!(
                matches!(
                    keys.read(bytes, &Arena::new(), |_| ()),
                    Err(PackedError::Malformed(_))
                ),
                "{bytes:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn reads_what_the_packer_wrote(first in value(), second in value()) {
            let mut packer = Packer::new();
            let mut keys = PackedKeys::new();
            for body in [&first, &second, &first] {
                let bytes = packer.pack(body);
                prop_assert_eq!(reads_as(&mut keys, &bytes, body), Ok(true));
                prop_assert_eq!(keys.len(), packer.numbered());
            }
        }

        #[test]
        fn damaged_bytes_are_an_error_or_a_body_never_a_panic(
            body in value(),
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            cut in any::<bool>(),
        ) {
            let mut bytes = Packer::new().pack(&body);
            let place = at.index(bytes.len());
            if cut {
                bytes.truncate(place);
            } else {
                bytes[place] = byte;
            }
            let _ = PackedKeys::new().read(&bytes, &Arena::new(), |body| matches!(body, Json::Null));
        }
    }
}
