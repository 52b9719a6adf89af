//! The door's way back across the boundary: violations as one text and a
//! list of lengths, which `door.js` turns into the answer objects.
//!
//! wasm-bindgen's exports answer a report as JSON text read by `JSON.parse`.
//! Measured in Node on the create-customer body with three violations, that
//! took two fifths of the call: serde's writer in the wasm, then decoding and
//! parsing the text in JavaScript (3.2 µs for the parse and decode alone).
//! Here the strings of the answer are written one after the other into one
//! text, decoded with one `TextDecoder.decode`, and cut into pieces by the
//! lengths beside it (in UTF-16 units, as JavaScript counts): 1.3 µs in
//! JavaScript for the same answer, and the wasm writes no JSON syntax.
//!
//! The lengths, one `u32` each:
//!
//! ```text
//! count, then per violation:
//!   path, code, message, parameter count, then per parameter:
//!     name, kind (0 text, 1 number), value (the number as decimal text)
//! ```
//!
//! A text that is not all ASCII can also cross in UTF-16, where the door
//! decodes that faster (Node's `Buffer`): the verdict says when the text is
//! not all ASCII, and `__vipmpWidenAnswer` writes the UTF-16 copy.
//!
//! A valid report writes nothing: the door answers its frozen valid answer.

use std::cell::RefCell;
use std::fmt::Write;
use vipmp::Report;
use vipmp::report::Param;
use wasm_bindgen::prelude::*;

/// What a door call answers `door.js`, beside any text written.
#[derive(Clone, Copy)]
#[repr(u32)]
pub enum Verdict {
    /// No violation: nothing was written.
    Valid = 0,
    /// Violations were written (read them with the exports below).
    Violations = 1,
    /// The packer counts on keys this module does not hold (see `door.rs`).
    KeysOutOfStep = 2,
    /// The call was refused (an unknown field name, options of the wrong
    /// shape): `door.js` throws the error `__vipmpRefusal` answers.
    Refused = 3,
    /// Violations were written, and their text is not all ASCII (the door
    /// may ask for it in UTF-16: [`widen_answer`]).
    NotAsciiViolations = 4,
}

#[derive(Default)]
struct Written {
    text: String,
    /// The text in UTF-16 when it is not all ASCII.
    wide: Vec<u16>,
    /// Whether `wide` holds the text written last.
    is_wide: bool,
    lengths: Vec<u32>,
}

thread_local! {
    static WRITTEN: RefCell<Written> = RefCell::new(Written::default());
    static REFUSAL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// A door call's answer as the one number its export returns.
///
/// The door's exports return a plain `u32`, not a `Result`: wasm-bindgen
/// returns a `Result` as several values (or through memory without the
/// `multivalue` feature), and V8 compiles a wrapper for each exported
/// signature with several results when it compiles the module, which was a
/// third of `new WebAssembly.Module` in a cold start. A refusal is kept here
/// for `door.js` to take and throw.
pub(crate) fn answered(result: Result<Verdict, JsError>) -> u32 {
    match result {
        Ok(verdict) => verdict as u32,
        Err(error) => {
            REFUSAL.with_borrow_mut(|refusal| *refusal = Some(error.into()));
            Verdict::Refused as u32
        }
    }
}

/// The error of the last refused door call (`undefined` when none), once.
#[wasm_bindgen(js_name = __vipmpRefusal, skip_typescript)]
pub fn refusal() -> JsValue {
    REFUSAL
        .with_borrow_mut(Option::take)
        .unwrap_or(JsValue::UNDEFINED)
}

/// Writes `report` for `door.js` to read, if it holds violations.
pub(crate) fn verdict(report: &Report) -> Verdict {
    if report.is_valid() {
        return Verdict::Valid;
    }
    WRITTEN.with_borrow_mut(|written| {
        written.report(report);
        if written.text.is_ascii() {
            Verdict::Violations
        } else {
            Verdict::NotAsciiViolations
        }
    })
}

impl Written {
    fn report(&mut self, report: &Report) {
        self.is_wide = false;
        self.text.clear();
        self.lengths.clear();
        self.number(report.violations.len());
        for violation in &report.violations {
            self.str(violation.path.as_str());
            self.str(violation.code.as_str());
            self.str(&violation.message);
            self.number(violation.params.iter().count());
            for (name, value) in violation.params.iter() {
                self.str(name);
                match value {
                    Param::Text(text) => {
                        self.lengths.push(0);
                        self.str(text);
                    }
                    Param::Number(number) => {
                        self.lengths.push(1);
                        self.piece(|text| write!(text, "{number}"));
                    }
                }
            }
        }
    }

    /// Writes the text's UTF-16 copy, which [`answer_text`] then points at.
    fn widen(&mut self) {
        self.wide.clear();
        self.wide.reserve(self.text.len());
        let mut rest = self.text.as_str();
        // Runs of ASCII widened byte by byte (`encode_utf16`, a character
        // at a time, cost as much as the decoding saved), the rest as chars.
        while let Some(ascii) = rest.bytes().position(|byte| !byte.is_ascii()) {
            let (run, other) = rest.split_at(ascii);
            self.wide.extend(run.bytes().map(u16::from));
            let mut chars = other.chars();
            if let Some(other_char) = chars.next() {
                self.wide
                    .extend_from_slice(other_char.encode_utf16(&mut [0; 2]));
            }
            rest = chars.as_str();
        }
        self.wide.extend(rest.bytes().map(u16::from));
        self.is_wide = true;
    }

    fn number(&mut self, count: usize) {
        self.lengths.push(u32::try_from(count).unwrap_or(u32::MAX));
    }

    fn str(&mut self, piece: &str) {
        self.piece(|text| text.write_str(piece));
    }

    /// Appends what `write` writes, and its length in UTF-16 units.
    fn piece(&mut self, write: impl FnOnce(&mut String) -> std::fmt::Result) {
        let start = self.text.len();
        // Writing into a String cannot fail.
        let _ = write(&mut self.text);
        let piece = self.text.get(start..).unwrap_or_default();
        let units = if piece.is_ascii() {
            piece.len()
        } else {
            piece.chars().map(char::len_utf16).sum()
        };
        self.number(units);
    }
}

/// Writes the last violations' text in UTF-16 too and answers its length in
/// bytes; [`answer_text`] points at that copy until the next violations.
///
/// V8 makes a string of ASCII bytes several times faster than one of other
/// UTF-8. In Node 20, `TextDecoder` took 0.8 µs for the 557 bytes of the
/// create-customer bench's three violations (curly quotes and full-width
/// letters in them) and 0.08 µs for as many ASCII bytes, while `Buffer`'s
/// UTF-16 decoding took 0.12 µs. Chromium's `TextDecoder("utf-16le")` is
/// slower than its UTF-8 one (1.3 against 0.7–0.9 µs for that text), so the
/// door asks for this only where `Buffer` is.
#[wasm_bindgen(js_name = __vipmpWidenAnswer, skip_typescript)]
pub fn widen_answer() -> usize {
    WRITTEN.with_borrow_mut(|written| {
        written.widen();
        written.wide.len() * 2
    })
}

/// The address of the text the last violations were written into: its
/// UTF-16 copy after [`widen_answer`], else its UTF-8.
#[wasm_bindgen(js_name = __vipmpAnswerText, skip_typescript)]
pub fn answer_text() -> *const u8 {
    WRITTEN.with_borrow(|written| {
        if written.is_wide {
            written.wide.as_ptr().cast()
        } else {
            written.text.as_ptr()
        }
    })
}

/// The text's length in bytes, in the encoding [`answer_text`] points at.
#[wasm_bindgen(js_name = __vipmpAnswerTextLength, skip_typescript)]
pub fn answer_text_length() -> usize {
    WRITTEN.with_borrow(|written| {
        if written.is_wide {
            written.wide.len() * 2
        } else {
            written.text.len()
        }
    })
}

/// The address of the lengths (`u32`s, aligned).
#[wasm_bindgen(js_name = __vipmpAnswerLengths, skip_typescript)]
pub fn answer_lengths() -> *const u32 {
    WRITTEN.with_borrow(|written| written.lengths.as_ptr())
}

/// How many lengths there are.
#[wasm_bindgen(js_name = __vipmpAnswerLengthCount, skip_typescript)]
pub fn answer_length_count() -> usize {
    WRITTEN.with_borrow(|written| written.lengths.len())
}
