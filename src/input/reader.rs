//! Reading JSON text into a [`Json`] tree, by hand.
//!
//! A request body is read once, checked and dropped, so the reader does only
//! that: one pass over the bytes, strings borrowed from the text unless they
//! hold an escape, no intermediate token stream and no generic visitor. Its
//! verdicts are serde_json's, on purpose: a body serde_json refuses (a
//! trailing comma, a lone surrogate escape, `1e400`, nesting deeper than 127)
//! is refused here too, and a number reads as the same kind of number
//! (`-0` and `1.0` are fractions, `18446744073709551616` overflows into one),
//! so a server that parses with serde_json and a browser running this reader
//! give the same answer. A property test holds the two together.

use super::{Arena, Json, Members, remove_duplicates};
use std::fmt;

/// The deepest nesting of lists and objects serde_json reads.
const MAX_DEPTH: usize = 127;

/// Why text is not one JSON value, and where (a byte offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// The byte offset where reading stopped.
    pub offset: usize,
    /// What was wrong there.
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// Where reading stopped in `text` (the text that was read) as a line
    /// and a column, both from 1, the column counted in bytes: the first
    /// byte that could not be read (serde_json points one past it).
    pub fn line_and_column(&self, text: &str) -> (usize, usize) {
        let before = text
            .as_bytes()
            .get(..self.offset)
            .unwrap_or(text.as_bytes());
        let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at + 1);
        (line, before.len() - line_start + 1)
    }
}

/// The room the scratch stacks start with: the open objects of a request
/// body hold fewer members than this (a customer's deepest point, root,
/// profile and address, holds 15), so they do not grow while it is read.
pub(super) const SCRATCH_CAPACITY: usize = 32;

/// Reads the whole of `text` as one JSON value into `arena`.
pub(super) fn read<'a>(text: &'a str, arena: &'a Arena) -> Result<Json<'a>, JsonError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        arena,
        items: Vec::with_capacity(SCRATCH_CAPACITY),
        members: Vec::with_capacity(SCRATCH_CAPACITY),
    };
    let value = reader.value()?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    arena: &'a Arena,
    /// The items of the lists being read, innermost last: a list's items
    /// are copied into the arena in one piece when it closes.
    items: Vec<Json<'a>>,
    /// The members of the objects being read, likewise.
    members: Members<'a>,
}

impl<'a> Reader<'a> {
    fn error(&self, reason: &'static str) -> JsonError {
        JsonError {
            offset: self.at,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` (after white space) or fails with `reason`.
    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    fn value(&mut self) -> Result<Json<'a>, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::list),
            Some(b'"') => self.string().map(Json::Text),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("end of text while reading a value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, JsonError> {
        let end = self.at + word.len();
        if self.bytes.get(self.at..end) == Some(word.as_bytes()) {
            self.at = end;
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// Reads a list or an object one level deeper, within serde_json's limit.
    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json<'a>, JsonError>,
    ) -> Result<Json<'a>, JsonError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nesting deeper than 127"));
        }
        self.depth += 1;
        self.at += 1; // the `[` or `{`
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn list(&mut self) -> Result<Json<'a>, JsonError> {
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::List(&[]));
        }
        let start = self.items.len();
        loop {
            let item = self.value()?;
            self.items.push(item);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    let items = self.arena.alloc_slice_copy(&self.items[start..]);
                    self.items.truncate(start);
                    return Ok(Json::List(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
            self.skip_space();
            if self.peek() == Some(b']') {
                return Err(self.error("trailing comma"));
            }
        }
    }

    fn object(&mut self) -> Result<Json<'a>, JsonError> {
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(&[]));
        }
        let start = self.members.len();
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            let value = self.value()?;
            self.members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    remove_duplicates(&mut self.members, start);
                    let members = self.arena.alloc_slice_copy(&self.members[start..]);
                    self.members.truncate(start);
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
            self.skip_space();
            if self.peek() == Some(b'}') {
                return Err(self.error("trailing comma"));
            }
        }
    }

    /// Moves past the bytes a string holds as they are (not a quote, a
    /// backslash or a control character), in one tight scan.
    /// Eight bytes at a time while none of them needs a look (the bit
    /// tricks of [`needs_look`]), then byte by byte.
    fn skip_plain(&mut self) {
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let found = needs_look(word);
            if found != 0 {
                self.at += (found.trailing_zeros() / 8) as usize;
                return;
            }
            self.at += 8;
        }
        while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20) {
            self.at += 1;
        }
    }

    /// A string at the opening quote: borrowed when it holds no escape.
    fn string(&mut self) -> Result<&'a str, JsonError> {
        self.at += 1; // the opening quote
        let start = self.at;
        self.skip_plain();
        match self.peek() {
            Some(b'"') => {
                let text = self.text.get(start..self.at).unwrap_or_default();
                self.at += 1;
                Ok(text)
            }
            Some(b'\\') => {
                let decoded = self.escaped_string(start)?;
                Ok(self.arena.alloc_str(&decoded))
            }
            Some(_) => Err(self.error("control character in a string")),
            None => Err(self.error("end of text in a string")),
        }
    }

    /// The rest of a string from its first escape, decoded into a new one.
    fn escaped_string(&mut self, start: usize) -> Result<String, JsonError> {
        let mut out = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            let run = self.at;
            self.skip_plain();
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let decoded = self.escape()?;
                    out.push(decoded);
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("end of text in a string")),
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("end of text in an escape"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error("invalid escape")),
        })
    }

    /// `\uXXXX`, or a surrogate pair `\uD8xx\uDCxx` (a lone surrogate is refused).
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error("lone trailing surrogate"));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.error("invalid escape"));
        }
        if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
            return Err(self.error("lone leading surrogate"));
        }
        self.at += 2;
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error("lone leading surrogate"));
        }
        let code = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid hex escape"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid hex escape"))
    }

    /// A number: a whole number when it has neither fraction nor exponent and
    /// fits (`i64`, or `u64` above it), otherwise a fraction; `-0` is a
    /// fraction, as serde_json reads it.
    fn number(&mut self) -> Result<Json<'a>, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // The whole part's value as it is read; `None` once it overflows u64.
        let mut magnitude = Some(0u64);
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    magnitude = magnitude
                        .and_then(|m| m.checked_mul(10))
                        .and_then(|m| m.checked_add(u64::from(digit - b'0')));
                    self.at += 1;
                }
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("end of text in a number")),
        }
        let mut fraction = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
            fraction = true;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
            fraction = true;
        }
        if let (false, Some(whole)) = (fraction, magnitude) {
            return Ok(whole_number(whole, negative));
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        // serde_json's own float reader (linked anyway) decides the value and
        // whether it is out of range, so both readers refuse the same text;
        // Rust's `str::parse::<f64>` would add 15 KB to the wasm. Through
        // `Number`'s `FromStr`, not `from_str::<f64>`: the latter brings in
        // serde's "invalid type" messages, and with them `f64`'s `Display`.
        text.parse::<serde_json::Number>()
            .ok()
            .and_then(|number| number.as_f64())
            .map(Json::Float)
            .ok_or_else(|| self.error("number out of range"))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.error("invalid number")),
            None => Err(self.error("end of text in a number")),
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` (little-endian) that is a quote, a
/// backslash or a control character, or after one: the lowest set bit marks
/// the first such byte. `x - ONES & !x & HIGHS` flags zero bytes of `x`; a
/// byte below 0x20 is one whose subtraction of 0x20 borrows while its own
/// high bit is clear. A borrow only ever carries past a flagged byte, so the
/// lowest flag is exact.
fn needs_look(word: u64) -> u64 {
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let quote = zero_in(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_in(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    quote | backslash | control
}

/// A whole number's kind, as serde_json reads it.
fn whole_number(magnitude: u64, negative: bool) -> Json<'static> {
    if !negative {
        return i64::try_from(magnitude).map_or(Json::Big(magnitude), Json::Int);
    }
    if magnitude == 0 {
        return Json::Float(-0.0);
    }
    // Beyond i64 serde_json reads a negative whole number as a float.
    0i64.checked_sub_unsigned(magnitude)
        .map_or_else(|| Json::Float(-(magnitude as f64)), Json::Int)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    #[test]
    fn places_an_error_at_its_line_and_column() {
        let cases = [
            ("{\n  \"a\": 1,\n  \"b\": tru\n}", (3, 8)),
            ("[1, 2,\n\n x]", (3, 2)),
            ("\u{e9}\u{e9} x", (1, 1)),
        ];
        for (text, place) in cases {
            let error = read(text, &Arena::new()).expect_err("not JSON");
            assert_eq!(error.line_and_column(text), place, "{text:?}: {error}");
        }
    }

    /// The same tree, floats compared as numbers (serde_json's float reading
    /// may differ from Rust's in the last bit; only the kind matters here).
    fn same(ours: &Json<'_>, theirs: &Json<'_>) -> bool {
        match (ours, theirs) {
            (Json::Float(a), Json::Float(b)) => {
                a.is_sign_negative() == b.is_sign_negative()
                    && ((a - b).abs() <= f64::EPSILON * a.abs().max(b.abs()) || a == b)
            }
            (Json::List(a), Json::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| same(x, y))
            }
            (Json::Object(a), Json::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|((k, x), (l, y))| k == l && same(x, y))
            }
            _ => ours == theirs,
        }
    }

    /// Reads `text` both ways and fails unless they agree.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        let theirs: Option<Value> = serde_json::from_str(text).ok();
        let arena = Arena::new();
        let ours = Json::parse(text, &arena);
        match (&ours, &theirs) {
            (Ok(ours), Some(theirs)) => {
                prop_assert!(
                    same(ours, &Json::from_value(theirs, &arena)),
                    "{text:?}: {ours:?} vs {theirs:?}"
                );
            }
            (Err(_), None) => {}
            _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
        Ok(())
    }

    #[test]
    fn agrees_with_serde_json_on_the_edges() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        let cases = [
            "-0",
            "0",
            "-1",
            "1.0",
            "1e2",
            "1E+2",
            "0.1e-2",
            "1e400",
            "-1e400",
            "1e-400",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "--1",
            "+1",
            "1 2",
            " 1 ",
            "tru",
            "nul",
            "truex",
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\udc00""#,
            r#""\ud800x""#,
            r#""\ud800\u0041""#,
            r#""\ud83d\ude00""#,
            r#""\u00e9""#,
            r#""\u00E9""#,
            r#""\/\b\f\n\r\t\"\\""#,
            r#""\x""#,
            r#""\u12""#,
            "\"a\u{1}\"",
            "\"\t\"",
            "[1,]",
            r#"{"a":1,}"#,
            "[1 2]",
            r#"{"a" 1}"#,
            r#"{1:2}"#,
            "{,}",
            "[,]",
            "",
            "\u{feff}1",
            r#"{"a":1,"a":2}"#,
            r#"{"é":"ü","k":"\u006b"}"#,
            "[]",
            "{}",
            "[[]]",
            r#"{"a":[{"b":null},true,false,"x"]}"#,
        ];
        for text in cases {
            agrees(text).map_err(|e| format!("{e}")).expect("agrees");
        }
        for depth in [1, 126, 127, 128, 129] {
            agrees(&deep(depth)).expect("agrees");
            agrees(&("{\"a\":".repeat(depth) + "1" + &"}".repeat(depth))).expect("agrees");
        }
    }

    /// The first byte a string must look at, found one byte at a time.
    fn first_look(bytes: [u8; 8]) -> Option<usize> {
        bytes
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
    }

    fn first_flag(word: u64) -> Option<usize> {
        let found = needs_look(word);
        (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
    }

    #[test]
    fn the_word_scan_finds_every_byte_that_needs_a_look() {
        for place in 0..8 {
            for byte in 0..=255u8 {
                let mut bytes = [b'a'; 8];
                bytes[place] = byte;
                let word = u64::from_le_bytes(bytes);
                assert_eq!(first_flag(word), first_look(bytes), "{byte:#x} at {place}");
            }
        }
    }

    proptest! {
        #[test]
        fn the_word_scan_agrees_with_a_byte_scan(bytes in any::<[u8; 8]>()) {
            prop_assert_eq!(first_flag(u64::from_le_bytes(bytes)), first_look(bytes));
        }
    }

    /// JSON text from a small grammar, with white space and escapes.
    fn json_text() -> impl Strategy<Value = String> {
        let space = prop::sample::select(vec!["", " ", "\n", "\t ", "\r\n"]);
        let leaf = prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("false".to_owned()),
            "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,5})?([eE][+-]?[0-9]{1,3})?",
            "\"([a-zé日 ]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}){0,6}\"",
        ];
        leaf.prop_recursive(4, 24, 4, move |inner| {
            let space = space.clone();
            prop_oneof![
                (prop::collection::vec(inner.clone(), 0..4), space.clone())
                    .prop_map(|(items, s)| format!("[{s}{}{s}]", items.join(","))),
                (prop::collection::vec(("[a-c]{1,2}", inner), 0..4), space).prop_map(
                    |(members, s)| {
                        let members: Vec<String> = members
                            .iter()
                            .map(|(k, v)| format!("\"{k}\"{s}:{s}{v}"))
                            .collect();
                        format!("{{{s}{}{s}}}", members.join(","))
                    }
                ),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_generated_text(text in json_text()) {
            agrees(&text)?;
        }

        #[test]
        fn agrees_with_serde_json_on_damaged_text(
            text in json_text(),
            at in any::<prop::sample::Index>(),
            damage in prop::sample::select(vec!["", ",", "]", "}", "\"", "\\", ":", "-", "0", "e", " ", "\u{1}"]),
            cut in any::<bool>(),
        ) {
            let mut text = text;
            let mut place = at.index(text.len() + 1);
            while !text.is_char_boundary(place) {
                place -= 1;
            }
            if cut && place < text.len() {
                let end = text[place..].chars().next().map_or(place, |c| place + c.len_utf8());
                text.replace_range(place..end, damage);
            } else {
                text.insert_str(place, damage);
            }
            agrees(&text)?;
        }
    }
}
