//! Unicode general categories without a Unicode regex engine.
//!
//! Adobe's name classes are `[\p{L}\p{N}…]` (FACTS.md §2.1), and the
//! normalization diagnosis needs to spot combining marks (`\p{M}`). A Unicode
//! regex engine would blow the WebAssembly size budget (DESIGN.md, "Decisions"),
//! so these lookups binary-search small range tables that `cargo xtask codegen`
//! generates from the `regex-syntax` crate's Unicode data.
//!
//! Normalization and grapheme segmentation come from crates or from the host:
//! see [`TextHooks`].

#[rustfmt::skip]
mod generated;
mod hooks;

pub use hooks::{TextHooks, install_text_hooks};
pub(crate) use hooks::{grapheme_at, nfc};

/// Whether `c` is a letter, general category L (`\p{L}`, FACTS.md §2.1).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    // The ASCII letters are the only letters below U+0080.
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    on_page(&LETTER_FULL_PAGES, c) || in_table(generated::LETTER, c)
}

/// Whether `c` is a number, general category N (`\p{N}`, FACTS.md §2.1).
#[inline]
pub(crate) fn is_number(c: char) -> bool {
    // The ASCII digits are the only numbers below U+0080.
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(generated::NUMBER, c)
}

/// Whether `c` is a combining mark, general category M (`\p{M}`): the
/// characters NFD text and Indic vowel signs carry, which `\p{L}` rejects.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    // No ASCII character is a mark, and most pages of the BMP hold none.
    !c.is_ascii() && (!in_bmp(c) || on_page(&MARK_PAGES, c)) && in_table(generated::MARK, c)
}

/// A bit for each 256-code-point page of the Basic Multilingual Plane.
type Pages = [u32; 8];

/// The BMP pages that hold at least one mark: text in a script without marks
/// (CJK ideographs, kana, fullwidth forms) is cleared without a table search.
static MARK_PAGES: Pages = pages_touched(generated::MARK);

/// The BMP pages whose every code point is a letter (CJK ideographs, Hangul
/// syllables): a letter there is known without a table search.
static LETTER_FULL_PAGES: Pages = pages_filled(generated::LETTER);

#[inline]
fn in_bmp(c: char) -> bool {
    u32::from(c) <= 0xFFFF
}

/// Whether `c` is in the BMP and its page's bit is set.
#[inline]
fn on_page(pages: &Pages, c: char) -> bool {
    let page = u32::from(c) >> 8;
    pages
        .get(page as usize / 32)
        .is_some_and(|&bits| bits & (1 << (page % 32)) != 0)
}

/// The first and last code point of a packed range (see [`in_table`]).
const fn bounds(entry: u32) -> (u32, u32) {
    let start = entry >> 11;
    (start, start + (entry & 0x7FF))
}

/// The pages any range of `table` reaches into.
const fn pages_touched(table: &[u32]) -> Pages {
    let mut pages = [0u32; 8];
    let mut i = 0;
    while i < table.len() {
        let (start, end) = bounds(table[i]);
        let mut page = start >> 8;
        while page <= end >> 8 && page < 256 {
            pages[(page / 32) as usize] |= 1 << (page % 32);
            page += 1;
        }
        i += 1;
    }
    pages
}

/// The pages the ranges of `table` cover entirely.
const fn pages_filled(table: &[u32]) -> Pages {
    let mut covered = [0u32; 256];
    let mut i = 0;
    while i < table.len() {
        let (start, end) = bounds(table[i]);
        let mut code = start;
        while code <= end && code <= 0xFFFF {
            covered[(code >> 8) as usize] += 1;
            code += 1;
        }
        i += 1;
    }
    let mut pages = [0u32; 8];
    let mut page = 0;
    while page < 256 {
        if covered[page] == 256 {
            pages[page / 32] |= 1 << (page % 32);
        }
        page += 1;
    }
    pages
}

/// Binary search of a sorted table of disjoint inclusive ranges, each packed
/// into a `u32` as `start << 11 | (end - start)`.
fn in_table(table: &[u32], c: char) -> bool {
    let code = u32::from(c);
    let after = table.partition_point(|&entry| entry >> 11 <= code);
    after
        .checked_sub(1)
        .and_then(|index| table.get(index))
        .is_some_and(|&entry| code - (entry >> 11) <= entry & 0x7FF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every code point up to U+323AF plus the planes' edges, stepping so the test stays quick.
    fn sample() -> impl Iterator<Item = char> {
        (0..0x3_2400u32)
            .chain((0xE_0000..0x11_0000).step_by(7))
            .filter_map(char::from_u32)
    }

    #[test]
    fn the_page_summaries_are_what_the_tables_say() {
        for page in 0..256u32 {
            let codes = || (page << 8..(page + 1) << 8).filter_map(char::from_u32);
            let touched = codes().any(|c| in_table(generated::MARK, c));
            let filled = codes().count() == 256 && codes().all(|c| in_table(generated::LETTER, c));
            let first = char::from_u32(page << 8).unwrap_or('\0');
            assert_eq!(
                on_page(&MARK_PAGES, first),
                touched,
                "marks, page {page:02X}"
            );
            assert_eq!(
                on_page(&LETTER_FULL_PAGES, first),
                filled,
                "letters, page {page:02X}"
            );
        }
        assert!(
            on_page(&LETTER_FULL_PAGES, '日'),
            "CJK ideographs fill their pages"
        );
        assert!(!on_page(&MARK_PAGES, '（'), "fullwidth forms hold no mark");
    }

    fn agrees(property: &str, ours: fn(char) -> bool) {
        let oracle = Regex::new(&format!(r"^\p{{{property}}}$")).expect("oracle compiles");
        for c in sample() {
            assert_eq!(
                ours(c),
                oracle.is_match(c.encode_utf8(&mut [0; 4])),
                "{property} U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn letters_agree_with_the_regex_crate() {
        agrees("L", is_letter);
    }

    #[test]
    fn numbers_agree_with_the_regex_crate() {
        agrees("N", is_number);
    }

    #[test]
    fn marks_agree_with_the_regex_crate() {
        agrees("M", is_mark);
    }

    #[test]
    fn known_characters() {
        assert!(is_letter('a') && is_letter('é') && is_letter('日') && is_letter('ب'));
        assert!(is_number('7') && is_number('٣') && is_number('Ⅻ'));
        assert!(is_mark('\u{0301}') && is_mark('\u{093F}') && is_mark('\u{0E34}'));
        assert!(!is_letter(' ') && !is_letter('\u{0301}') && !is_number('a'));
        assert!(!is_letter('😀') && !is_number('😀') && !is_mark('😀'));
    }
}
