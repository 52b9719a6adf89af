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
pub(crate) fn is_letter(c: char) -> bool {
    // The ASCII letters are the only letters below U+0080.
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(generated::LETTER, c)
}

/// Whether `c` is a number, general category N (`\p{N}`, FACTS.md §2.1).
pub(crate) fn is_number(c: char) -> bool {
    // The ASCII digits are the only numbers below U+0080.
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(generated::NUMBER, c)
}

/// Whether `c` is a combining mark, general category M (`\p{M}`): the
/// characters NFD text and Indic vowel signs carry, which `\p{L}` rejects.
pub(crate) fn is_mark(c: char) -> bool {
    // No ASCII character is a mark.
    !c.is_ascii() && in_table(generated::MARK, c)
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
