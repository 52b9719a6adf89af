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
fn cluster_in(text: &str, at: usize) -> Range<usize> {
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
fn cluster_in(text: &str, at: usize) -> Range<usize> {
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

/// How far, in characters, the segmentation window reaches on each side of
/// the character when no certain break comes sooner.
const WINDOW_CHARS: usize = 64;

/// The byte range of the grapheme cluster of `text` holding the character at
/// byte `at` (a character boundary below `text.len()`).
///
/// Only a window around `at` is segmented, so naming the refused character of
/// a 64 KiB value costs the same as of a short one. The window ends at certain
/// breaks (see [`certain_break_before`]): UAX #29 always breaks between a
/// printable ASCII character and its neighbours when no rule can join them
/// (an ASCII character or a letter of a block without Prepend characters
/// before it; one without Extend, ZWJ or SpacingMark characters after it), so
/// segmenting from such a break gives the clusters the whole text would, and a
/// character with certain breaks on both sides is its own cluster without any
/// segmentation. Where no such break
/// lies within [`WINDOW_CHARS`] characters (a long run of non-ASCII text), the
/// window stops there: only a cluster or a run of flags longer than that
/// could then be named differently.
pub(crate) fn grapheme_at(text: &str, at: usize) -> Range<usize> {
    let start = window_start(text, at);
    let end = window_end(text, at);
    if start == at && text[at..end].chars().nth(1).is_none() {
        // Certain breaks on both sides of one character: it is its own
        // cluster, with no segmentation to run (nor a host call to make).
        return start..end;
    }
    let window = text.get(start..end).unwrap_or(text);
    let offset = if window.len() == text.len() { 0 } else { start };
    let found = cluster_in(window, at - offset);
    found.start + offset..found.end + offset
}

/// Whether UAX #29 certainly breaks before byte `at` of `text` (a character
/// boundary). Before a printable ASCII character only a Prepend character
/// joins (GB9b); after one, only Extend, ZWJ and SpacingMark characters join
/// (GB9, GB9a). So the break is certain between printable ASCII and a
/// character of a block that holds none of those, in any Unicode version: the
/// blocks below are letters and symbols only.
fn certain_break_before(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (
        text.get(..at).and_then(|head| head.chars().next_back()),
        text.get(at..).and_then(|tail| tail.chars().next()),
    ) else {
        return true;
    };
    (is_printable_ascii(after) && (before.is_ascii() || never_prepend(before)))
        || (is_printable_ascii(before) && never_joins_after(after))
}

fn is_printable_ascii(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// Characters of blocks with no Prepend character: Latin, Greek, Cyrillic,
/// Armenian and Hebrew (below U+0600, where Arabic's Prepend characters
/// start), punctuation and symbols, CJK, Hangul syllables and the
/// half- and full-width forms.
fn never_prepend(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{5FF}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// Letters of blocks with no Extend, ZWJ or SpacingMark character among
/// them: Latin-1 and Latin Extended letters, the CJK ideographs, kana
/// (without the voiced sound marks U+3099–U+309A, which extend), Hangul
/// syllables and the full-width forms (without U+FF9E–U+FF9F, which extend).
fn never_joins_after(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{24F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF01}'..='\u{FF9D}')
}

fn window_start(text: &str, at: usize) -> usize {
    let mut start = at;
    for _ in 0..WINDOW_CHARS {
        if certain_break_before(text, start) {
            return start;
        }
        start = text[..start]
            .char_indices()
            .next_back()
            .map_or(0, |(before, _)| before);
    }
    start
}

fn window_end(text: &str, at: usize) -> usize {
    let mut ends = text[at..]
        .char_indices()
        .skip(1)
        .map(|(offset, _)| at + offset);
    for _ in 0..WINDOW_CHARS {
        match ends.next() {
            Some(end) if certain_break_before(text, end) => return end,
            Some(_) => {}
            None => return text.len(),
        }
    }
    ends.next().unwrap_or(text.len())
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn the_window_stops_at_breaks_between_ascii_characters() {
        let text = format!("{}Cafe\u{301}!{}", "a".repeat(1000), "b".repeat(1000));
        let at = 1000 + 3;
        let start = window_start(&text, at);
        let end = window_end(&text, at);
        // `e` and its mark, up to the `!`: a combining mark is not Prepend.
        assert_eq!((start, end), (1000 + 3, 1000 + 6));
        assert_eq!(window_start(&text, 0), 0);
        assert_eq!(window_end(&text, text.len() - 1), text.len());
    }

    #[test]
    fn printable_ascii_next_to_cjk_or_fullwidth_text_is_its_own_cluster() {
        // No window to segment, so no host call: `Intl.Segmenter`'s first use
        // costs a JavaScript engine about 15 ms.
        for text in ["（（!", "日本<株式", "Société<", "가!나"] {
            let at = text.find(['!', '<']).expect("an ASCII sign");
            assert_eq!(window_start(text, at), at, "{text}");
            assert_eq!(window_end(text, at), at + 1, "{text}");
        }
        // Joins stay possible: an Arabic Prepend sign before, a voiced sound
        // mark after (both extend the window).
        assert!(window_start("\u{600}!", 2) < 2);
        assert!(window_end("!\u{3099}", 0) > 1);
    }

    #[test]
    fn a_long_non_ascii_run_is_cut_at_the_window() {
        let text = "日".repeat(500);
        let at = 3 * 250;
        assert_eq!(window_start(&text, at), at - 3 * WINDOW_CHARS);
        assert_eq!(window_end(&text, at), at + 3 * (WINDOW_CHARS + 1));
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
        assert_eq!(grapheme_at("a<b", 1), 1..2);
        assert_eq!(grapheme_at("a\r\nb", 1), 1..3);
        assert_eq!(grapheme_at("\u{1F1E8}\u{1F1E6}", 0), 0..8);
        assert_eq!(grapheme_at("हिंदी", 3), 0..9);
    }

    proptest::proptest! {
        /// The window gives the cluster the whole text gives, for texts mixing
        /// ASCII with marks, ZWJ emoji, flags, Hangul, Prepend and CR LF.
        #[test]
        fn the_window_agrees_with_the_whole_text(
            text in "[a-c !<\r\n\u{301}\u{93f}\u{200d}\u{1f600}\u{1f1e6}\u{1f1e8}\u{1100}\u{1161}\u{11a8}\u{600}\u{d4e}\u{110bd}日éßあ\u{3099}ｶ\u{ff9e}（가\u{2014}]{0,300}"
        ) {
            for (at, _) in text.char_indices() {
                proptest::prop_assert_eq!(grapheme_at(&text, at), cluster_in(&text, at), "at {}", at);
            }
        }
    }

    #[test]
    fn composes() {
        assert_eq!(nfc("Socie\u{301}te\u{301}"), "Société");
    }
}
