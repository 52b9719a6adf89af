//! Normalization and grapheme segmentation: compiled in, or supplied by the host.
//!
//! The normalization diagnosis (`text.not_normalized`) needs the NFC form of a
//! name, and a refused character is named as a whole grapheme cluster. With the
//! `unicode-tables` feature (on by default) both come from the
//! `unicode-normalization` and `unicode-segmentation` crates. Their tables are
//! a third of the WebAssembly module, and every JavaScript engine the package
//! supports already carries the same data (`String.prototype.normalize`,
//! `Intl.Segmenter`), so the WebAssembly build turns the feature off and
//! installs [`TextHooks`] that call the engine instead.

use std::ops::Range;
use std::sync::OnceLock;

/// The two text operations a host supplies when the `unicode-tables` feature is
/// off. With the feature on they are never called.
#[derive(Clone, Copy, Debug)]
pub struct TextHooks {
    /// `text` in Unicode Normalization Form C.
    pub nfc: fn(text: &str) -> String,
    /// The byte range of the extended grapheme cluster (UAX #29) of `text` that
    /// holds the character starting at byte `at`. `at` is a character boundary
    /// below `text.len()`; the range must contain it and lie on character
    /// boundaries.
    pub grapheme_at: fn(text: &str, at: usize) -> Range<usize>,
}

static HOOKS: OnceLock<TextHooks> = OnceLock::new();

/// Installs the host's text operations, once: returns `false`, keeping the first
/// ones, when hooks were already installed. Without the `unicode-tables`
/// feature and before this call, a name is never composed (so a decomposed
/// name is reported as holding a combining mark, not as fixable by NFC) and a
/// refused character is named alone, not with its grapheme cluster: answers
/// stay structured, only less helpful.
pub fn install_text_hooks(hooks: TextHooks) -> bool {
    HOOKS.set(hooks).is_ok()
}

/// `text` in Normalization Form C.
#[cfg(feature = "unicode-tables")]
pub(crate) fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// `text` in Normalization Form C, from the host (unchanged without hooks).
#[cfg(not(feature = "unicode-tables"))]
pub(crate) fn nfc(text: &str) -> String {
    HOOKS
        .get()
        .map_or_else(|| text.to_owned(), |hooks| (hooks.nfc)(text))
}

/// The byte range of the grapheme cluster of `text` holding the character at
/// byte `at`.
#[cfg(feature = "unicode-tables")]
pub(crate) fn grapheme_at(text: &str, at: usize) -> Range<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.grapheme_indices(true)
        .map(|(start, grapheme)| start..start + grapheme.len())
        .find(|range| range.end > at)
        .unwrap_or(at..text.len())
}

/// The byte range of the grapheme cluster of `text` holding the character at
/// byte `at`, from the host; without hooks, or when the range does not hold
/// `at` on character boundaries, the character alone.
#[cfg(not(feature = "unicode-tables"))]
pub(crate) fn grapheme_at(text: &str, at: usize) -> Range<usize> {
    let range = HOOKS
        .get()
        .map_or(at..at, |hooks| (hooks.grapheme_at)(text, at));
    if range.start <= at && at < range.end && text.get(range.clone()).is_some() {
        range
    } else {
        let width = text[at..].chars().next().map_or(0, char::len_utf8);
        at..at + width
    }
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;

    #[test]
    fn graphemes_hold_their_marks() {
        let text = "Cafe\u{301}!";
        assert_eq!(grapheme_at(text, 0), 0..1);
        assert_eq!(grapheme_at(text, 3), 3..6);
        assert_eq!(grapheme_at(text, 4), 3..6);
        assert_eq!(grapheme_at(text, 6), 6..7);
        assert_eq!(grapheme_at("हिंदी", 3), 0..9);
    }

    #[test]
    fn composes() {
        assert_eq!(nfc("Socie\u{301}te\u{301}"), "Société");
    }
}
