//! Shared helpers of the text rules: lengths, character classes and the
//! normalization diagnosis.
//!
//! Adobe's name classes are `[\p{L}\p{N}…]` and Adobe does no normalization
//! (DESIGN.md, "Decisions"). So a name typed in decomposed form (NFD, `é` as
//! e + U+0301) fails, because U+0301 is a combining mark (category M), not a
//! letter; so does any script whose vowel signs are marks even in NFC —
//! Devanagari "हिंदी" holds U+093F and U+0902, Thai "สวัสดี" holds U+0E31 and
//! U+0E35 — and Adobe's published class rejects them (FACTS.md §2.1). These
//! helpers tell the three cases apart, so the shopper reads which one it is:
//! fixable by composing (`text.not_normalized`, with the NFC text), a mark that
//! no composition removes (`text.combining_mark`), or a plainly disallowed
//! character (`text.invalid_character`). A character is named as the user sees
//! it, a whole grapheme cluster, with its code points.

use crate::unicode::{grapheme_at, is_letter, is_mark, is_number, nfc};
use crate::{Code, Finding};

/// A name class `[\p{L}\p{N}…]`: letters, numbers and some punctuation.
pub(crate) struct NameClass {
    /// The non-ASCII characters admitted besides letters (`\p{L}`) and
    /// numbers (`\p{N}`), the first `wide_count` of the array.
    wide: [char; WIDE_MAX],
    wide_count: usize,
    /// The admitted characters in words, for the `allowed` parameter.
    pub(crate) allowed: &'static str,
    /// Which ASCII characters the class admits, by code: a name is mostly
    /// ASCII, and a table answers for those in one load.
    ascii: [bool; 128],
}

/// At most this many non-ASCII extras in a class (Adobe's have five).
const WIDE_MAX: usize = 8;

impl NameClass {
    /// The class of letters, numbers and `extras`.
    pub(crate) const fn new(extras: &'static [char], allowed: &'static str) -> Self {
        let mut wide = ['\0'; WIDE_MAX];
        let mut wide_count = 0;
        let mut ascii = [false; 128];
        let mut byte: u8 = 0;
        while byte < 128 {
            ascii[byte as usize] = byte.is_ascii_alphanumeric();
            byte += 1;
        }
        let mut i = 0;
        while i < extras.len() {
            let extra = extras[i];
            if extra.is_ascii() {
                ascii[extra as usize] = true;
            } else {
                // More non-ASCII extras than WIDE_MAX fail the build here.
                wide[wide_count] = extra;
                wide_count += 1;
            }
            i += 1;
        }
        Self {
            wide,
            wide_count,
            allowed,
            ascii,
        }
    }

    /// Whether the class admits `c`.
    #[inline]
    pub(crate) fn admits(&self, c: char) -> bool {
        match self.ascii.get(c as usize) {
            Some(&admitted) => admitted,
            // The few extras first: they are cheaper than the table searches.
            None => self.is_wide_extra(c) || is_letter(c) || is_number(c),
        }
    }

    fn is_wide_extra(&self, c: char) -> bool {
        self.wide
            .get(..self.wide_count)
            .is_some_and(|wide| wide.contains(&c))
    }
}

/// The length of `text` in characters (Unicode scalar values; Java's `{m,n}`
/// counts code points, FACTS.md §2.3 item 4b): its bytes less its UTF-8
/// continuation bytes (`10xxxxxx`), counted eight bytes at a time. The
/// standard library counts a machine word at a time, four bytes in the wasm,
/// and counting was a quarter of a 64 KiB value's check there.
pub(crate) fn char_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in words.by_ref() {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // A byte's top bit set and the next one clear: 10xxxxxx.
        let marked = word & !(word << 1) & 0x8080_8080_8080_8080;
        continuations += marked.count_ones() as usize;
    }
    let rest = words.remainder();
    continuations += rest.iter().filter(|&&byte| byte & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

/// `string.too_short` / `string.too_long` when the length is outside `min..=max`.
pub(crate) fn length(text: &str, min: usize, max: usize) -> Option<Finding> {
    // A UTF-8 text of n bytes holds between n/4 and n characters: when both
    // bounds are inside the limits the exact count is not needed.
    let bytes = text.len();
    if bytes <= max && bytes.div_ceil(4) >= min {
        return None;
    }
    let length = char_count(text);
    if length < min {
        Some(
            Finding::new(Code::StringTooShort)
                .with("min", min)
                .with("length", length),
        )
    } else if length > max {
        Some(
            Finding::new(Code::StringTooLong)
                .with("max", max)
                .with("length", length),
        )
    } else {
        None
    }
}

/// The whole rule of a name field: required, `min..=max` characters, `class`.
/// A length violation and the first class violation are reported together.
pub(crate) fn check_name(value: &str, min: usize, max: usize, class: &NameClass) -> Vec<Finding> {
    if value.is_empty() {
        return vec![Finding::new(Code::FieldRequired)];
    }
    both(length(value, min, max), class_violation(value, class))
}

/// The findings of two checks, in order: an empty list (no allocation) when
/// both passed, which is every valid value.
pub(crate) fn both(first: Option<Finding>, second: Option<Finding>) -> Vec<Finding> {
    match (first, second) {
        (None, None) => Vec::new(),
        (Some(one), None) | (None, Some(one)) => vec![one],
        (Some(one), Some(two)) => vec![one, two],
    }
}

/// A grapheme's code points, written `U+0065 U+0301`.
pub(crate) fn codepoints(grapheme: &str) -> String {
    let points: Vec<String> = grapheme
        .chars()
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    points.join(" ")
}

/// The first character of `text` that the class refuses, as the user sees it:
/// its whole grapheme cluster (`é` typed as e + U+0301 is named whole). The
/// admitted ASCII run at the start
/// (most of any name, and all of a pasted 64 KiB one) is skipped byte by byte
/// with the class's table before characters are decoded.
fn first_refused<'t>(text: &'t str, class: &NameClass) -> Option<&'t str> {
    let ascii_run = text
        .bytes()
        .position(|byte| !class.ascii.get(usize::from(byte)).copied().unwrap_or(false))?;
    let rest = text.get(ascii_run..)?;
    // A character repeated is judged once, for its whole run.
    let (at, _) = runs(rest).find(|&(_, c)| !class.admits(c))?;
    Some(&text[grapheme_at(text, ascii_run + at)])
}

/// Whether the text holds a combining mark (none can be ASCII; a character
/// repeated is looked up once).
fn has_mark(text: &str) -> bool {
    !text.is_ascii() && runs(text).any(|(_, c)| is_mark(c))
}

/// Each run of one character repeated in `text`: where it starts, and the
/// character. A refused or marked character is the same in every place of
/// its run, so the rules above judge a run once; and finding where a run
/// ends compares bytes (see [`run_end`]) instead of decoding each
/// character: a 64 KiB value of one wide character costs a few block
/// comparisons, not 65,536 decodes.
fn runs(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let c = text.get(at..)?.chars().next()?;
        let start = at;
        at = run_end(text.as_bytes(), start, c.len_utf8());
        Some((start, c))
    })
}

/// Whether two byte slices of one length are equal, compared eight bytes at
/// a time: in the wasm module a slice comparison is a byte loop.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let (a_words, b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let tails_equal = a_words.remainder() == b_words.remainder();
    tails_equal
        && a_words.zip(b_words).all(|(x, y)| {
            u64::from_ne_bytes(x.try_into().unwrap_or_default())
                == u64::from_ne_bytes(y.try_into().unwrap_or_default())
        })
}

/// Where the run of the `len`-byte character at `start` ends: the first
/// byte after its last repetition. The run so far is compared with the
/// bytes after it in blocks that double while they match and halve when
/// they do not, down to one character.
fn run_end(bytes: &[u8], start: usize, len: usize) -> usize {
    let mut end = start + len;
    let mut doublings = 0;
    loop {
        let block = len << doublings;
        let next = bytes.get(end..end + block);
        let seen = bytes.get(start..start + block);
        if next
            .zip(seen)
            .is_some_and(|(next, seen)| same_bytes(next, seen))
        {
            end += block;
            if len << (doublings + 1) <= end - start {
                doublings += 1;
            }
        } else if doublings > 0 {
            doublings -= 1;
        } else {
            return end;
        }
    }
}

/// The one class violation of `text`, if any, diagnosed as described in the
/// module documentation.
pub(crate) fn class_violation(text: &str, class: &NameClass) -> Option<Finding> {
    let offending = first_refused(text, class)?;
    if !has_mark(text) {
        return Some(invalid_character(offending, class));
    }
    let composed = nfc(text);
    match first_refused(&composed, class) {
        None => Some(Finding::new(Code::TextNotNormalized).with("suggestion", composed)),
        Some(grapheme) => Some(unfixable(grapheme, class)),
    }
}

/// The finding for an offending grapheme that composition does not fix: a
/// combining mark when marks are all that is wrong with it.
fn unfixable(grapheme: &str, class: &NameClass) -> Finding {
    let mut refused = grapheme.chars().filter(|&c| !class.admits(c));
    if refused.all(is_mark) {
        named(Code::TextCombiningMark, grapheme)
    } else {
        invalid_character(grapheme, class)
    }
}

/// `text.invalid_character` for a grapheme, with the class's allowed list.
fn invalid_character(grapheme: &str, class: &NameClass) -> Finding {
    named(Code::TextInvalidCharacter, grapheme).with("allowed", class.allowed)
}

/// A finding naming a grapheme and its code points.
fn named(code: Code, grapheme: &str) -> Finding {
    Finding::new(code)
        .with("character", grapheme)
        .with("codepoint", codepoints(grapheme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Param;

    const CLASS: NameClass = NameClass::new(&[' ', '-'], "letters, digits, spaces and -");

    proptest::proptest! {
        #[test]
        fn the_count_is_the_characters(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(char_count(&text), text.chars().count());
        }
    }

    #[test]
    fn the_count_reads_words_and_the_rest() {
        for text in ["", "a", "é", "（".repeat(65_537).as_str(), "a𝄞b日é12345678"] {
            assert_eq!(char_count(text), text.chars().count(), "{text:.20}");
        }
    }

    /// The runs as a scan that decodes every character finds them.
    fn runs_by_decoding(text: &str) -> Vec<(usize, char)> {
        let mut previous = None;
        text.char_indices()
            .filter(|&(_, c)| previous.replace(c) != Some(c))
            .collect()
    }

    #[test]
    fn runs_start_where_the_character_changes() {
        for text in [
            "",
            "a",
            "aaab",
            "（（（!",
            "ééé\u{301}\u{301}x",
            &"（".repeat(1000),
            &"ab".repeat(7),
        ] {
            assert_eq!(
                runs(text).collect::<Vec<_>>(),
                runs_by_decoding(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_agree_with_decoding(text in "[aé（\u{301}😀]{0,40}") {
            proptest::prop_assert_eq!(runs(&text).collect::<Vec<_>>(), runs_by_decoding(&text));
        }
    }

    fn text_param(finding: &Finding, name: &str) -> String {
        finding
            .params
            .get(name)
            .map(Param::to_string)
            .unwrap_or_default()
    }

    #[test]
    fn names_a_decomposed_character_whole() {
        assert_eq!(first_refused("Cafe\u{301}!", &CLASS), Some("e\u{301}"));
        assert_eq!(codepoints("e\u{301}"), "U+0065 U+0301");
        assert_eq!(codepoints("😀"), "U+1F600");
    }

    #[test]
    fn passing_text_has_no_violation() {
        assert_eq!(class_violation("Jean-Luc Picard", &CLASS), None);
        assert_eq!(class_violation("", &CLASS), None);
    }

    #[test]
    fn nfd_text_gets_the_nfc_suggestion() {
        let finding = class_violation("Socie\u{301}te\u{301}", &CLASS).expect("fails");
        assert_eq!(finding.code, Code::TextNotNormalized);
        assert_eq!(text_param(&finding, "suggestion"), "Société");
    }

    #[test]
    fn marks_that_do_not_compose_are_named() {
        let finding = class_violation("हिंदी", &CLASS).expect("fails");
        assert_eq!(finding.code, Code::TextCombiningMark);
        assert_eq!(text_param(&finding, "character"), "हिं");
        assert_eq!(text_param(&finding, "codepoint"), "U+0939 U+093F U+0902");
    }

    #[test]
    fn a_disallowed_character_comes_with_the_allowed_list() {
        let finding = class_violation("a@b", &CLASS).expect("fails");
        assert_eq!(finding.code, Code::TextInvalidCharacter);
        assert_eq!(text_param(&finding, "character"), "@");
        assert_eq!(text_param(&finding, "codepoint"), "U+0040");
        assert_eq!(text_param(&finding, "allowed"), CLASS.allowed);
    }

    #[test]
    fn a_disallowed_character_after_fixable_marks_is_reported() {
        let finding = class_violation("Socie\u{301}te\u{301}@", &CLASS).expect("fails");
        assert_eq!(finding.code, Code::TextInvalidCharacter);
        assert_eq!(text_param(&finding, "character"), "@");
    }

    #[test]
    fn lengths_count_characters() {
        assert_eq!(length("日本", 1, 2), None);
        let short = length("ab", 4, 80).expect("too short");
        assert_eq!(
            (short.code, text_param(&short, "length")),
            (Code::StringTooShort, "2".into())
        );
        assert_eq!(
            length("abc", 1, 2).map(|f| f.code),
            Some(Code::StringTooLong)
        );
    }
}
