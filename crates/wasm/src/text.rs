//! The core's text operations from the JavaScript engine: NFC through
//! `String.prototype.normalize` and grapheme clusters through `Intl.Segmenter`,
//! instead of compiling the Unicode tables of both into the module (the core's
//! `unicode-tables` feature is off here). Node 20 and every supported browser
//! have both.

use std::ops::Range;
use vipmp::unicode::{TextHooks, install_text_hooks};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.Segmenter`, by grapheme clusters (its default granularity).
    #[wasm_bindgen(js_namespace = Intl, js_name = Segmenter)]
    type Segmenter;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Segmenter")]
    fn new() -> Segmenter;
    #[wasm_bindgen(method)]
    fn segment(this: &Segmenter, text: &str) -> Segments;

    /// The segments of one text.
    type Segments;
    #[wasm_bindgen(method)]
    fn containing(this: &Segments, index: u32) -> SegmentData;

    /// One segment: its text and its UTF-16 offset.
    type SegmentData;
    #[wasm_bindgen(method, getter, js_name = segment)]
    fn text(this: &SegmentData) -> String;
    #[wasm_bindgen(method, getter)]
    fn index(this: &SegmentData) -> u32;
}

thread_local! {
    static SEGMENTER: Segmenter = Segmenter::new();
}

/// Installs the hooks: every entry point that validates calls it (`run`,
/// `validateField`, `buildRequest`); later calls do nothing. Not a
/// `#[wasm_bindgen(start)]` function: wasm-bindgen tests do not run those.
pub(crate) fn install() {
    install_text_hooks(TextHooks { nfc, grapheme_at });
}

fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// The UTF-16 length of `text`.
fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

fn grapheme_at(text: &str, at: usize) -> Range<usize> {
    let Ok(index) = u32::try_from(utf16_len(&text[..at])) else {
        return at..at;
    };
    let data = SEGMENTER.with(|segmenter| segmenter.segment(text).containing(index));
    let (wanted, mut units) = (data.index() as usize, 0);
    let Some(start) = text.char_indices().find_map(|(offset, c)| {
        let here = units;
        units += c.len_utf16();
        (here >= wanted).then_some(offset)
    }) else {
        return at..at;
    };
    start..start + data.text().len()
}
