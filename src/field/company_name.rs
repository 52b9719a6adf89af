//! `companyProfile.companyName`: Adobe's company-name class and length.
//!
//! FACTS.md §2.1 publishes `^[\p{L}\p{N}_ ,.＆&・\'()（）\"\/-]{4,80}$` (table) and
//! `^[\p{L}\p{N}\_ 　,.＆&・\'()（）\"\/-]{3,250}$` (constant and OpenAPI). This rule
//! reads them as: letters (`\p{L}`), numbers (`\p{N}`), `_`, space, U+3000
//! IDEOGRAPHIC SPACE (in the constant and OpenAPI copies), `,` `.` `＆` (U+FF06)
//! `&` `・` (U+30FB) `'` `(` `)` `（` (U+FF08) `）` (U+FF09) `"` `/` `-`; and a
//! length of 4–80 characters, the table's and `resources.md`'s "Min 4 / Max 80"
//! (FACTS.md §2.3 item 9: the 3–250 constant conflicts; 4–80 is the safe rule).
//!
//! The Feb-2024 PDF text shows `&&` in this class. That is a lost `＆&`
//! (FACTS.md, "Important correction"): read as written, `&&` is class
//! intersection in Java and Rust and would reject "Fairmont". Nothing here
//! intersects. Not allowed (FACTS.md §2.3 item 8): `+ @ # ! : ; ? * % \ < > [ ]`.
//! NFD text and combining marks fail, as at Adobe; see the `text` helpers.

use super::text::{self, NameClass};
use crate::Finding;

/// The shortest company name, in characters (FACTS.md §2.1 table, resources.md).
pub const MIN_LENGTH: usize = 4;
/// The longest company name, in characters (FACTS.md §2.1 table, resources.md).
pub const MAX_LENGTH: usize = 80;

/// Adobe's COMPANY_NAME class beyond `\p{L}\p{N}` (FACTS.md §2.1).
const CLASS: NameClass = NameClass::new(
    &[
        '_', ' ', '\u{3000}', ',', '.', '\u{FF06}', '&', '\u{30FB}', '\'', '(', ')', '\u{FF08}',
        '\u{FF09}', '"', '/', '-',
    ],
    "letters, digits, spaces and _ , . & ＆ ・ ' ( ) （ ） \" / -",
);

/// Checks a company name: required, 4–80 characters, Adobe's class. Reports
/// a length violation and the first class violation together.
pub fn check(value: &str) -> Vec<Finding> {
    text::check_name(value, MIN_LENGTH, MAX_LENGTH, &CLASS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn codes(value: &str) -> Vec<Code> {
        crate::field::testing::codes(check(value))
    }

    fn param(value: &str, name: &str) -> String {
        crate::field::testing::last_param(&check(value), name)
    }

    #[test]
    fn accepts_the_spec_examples_and_punctuation() {
        for name in [
            "Fairmont",
            "Mickey's Toys",
            "Donald Duck & Co.",
            "Smith, Jones (UK) Ltd",
            "\"Quoted\" A/B-C_D",
            "Fairmont && Co",
            "1234",
        ] {
            assert!(check(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn accepts_japanese_punctuation_and_ideographic_space() {
        for name in [
            "株式会社ＡＢＣ＆コ",
            "アドビ・システムズ",
            "日本（株）\u{3000}東京",
            "ソニー＆ホンダ",
        ] {
            assert!(check(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn accepts_other_scripts() {
        for name in [
            "北京科技有限公司",
            "شركة الاتصالات",
            "ООО Ромашка",
            "Ελληνική Εταιρεία",
            "חברת הייטק",
            "Société Générale",
            "Straße 42 GmbH",
        ] {
            assert!(check(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn rejects_ascii_punctuation_outside_the_class() {
        for c in [
            '+', '@', '#', '!', ':', ';', '?', '*', '%', '\\', '<', '>', '[', ']',
        ] {
            let name = format!("Acme{c}Corp");
            assert_eq!(codes(&name), vec![Code::TextInvalidCharacter], "{name}");
            assert_eq!(param(&name, "character"), c.to_string());
        }
    }

    #[test]
    fn rejects_emoji_as_one_character() {
        assert_eq!(codes("Acme 😀 Inc"), vec![Code::TextInvalidCharacter]);
        assert_eq!(param("Acme 👍🏽 Inc", "character"), "👍🏽");
        assert_eq!(param("Acme 👍🏽 Inc", "codepoint"), "U+1F44D U+1F3FD");
    }

    #[test]
    fn suggests_nfc_for_decomposed_text() {
        let nfd = "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale";
        assert_eq!(codes(nfd), vec![Code::TextNotNormalized]);
        assert_eq!(param(nfd, "suggestion"), "Société Générale");
    }

    #[test]
    fn names_combining_marks_of_thai_and_devanagari() {
        assert_eq!(codes("บริษัท สวัสดี"), vec![Code::TextCombiningMark]);
        assert_eq!(codes("हिंदी कंपनी"), vec![Code::TextCombiningMark]);
        assert_eq!(param("हिंदी कंपनी", "codepoint"), "U+0939 U+093F U+0902");
    }

    #[test]
    fn checks_length_in_characters_and_reports_class_too() {
        assert_eq!(codes(""), vec![Code::FieldRequired]);
        assert_eq!(codes("abc"), vec![Code::StringTooShort]);
        assert_eq!(
            codes("a@c"),
            vec![Code::StringTooShort, Code::TextInvalidCharacter]
        );
        assert!(check(&"日".repeat(80)).is_empty());
        assert_eq!(codes(&"日".repeat(81)), vec![Code::StringTooLong]);
        assert_eq!(param(&"a".repeat(81), "length"), "81");
    }

    #[test]
    fn a_double_ampersand_is_two_ampersands_not_an_intersection() {
        assert!(check("Fairmont").is_empty());
        assert!(check("A&&B").is_empty());
        assert!(check("A＆&B").is_empty());
    }

    // COMPANY_NAME's class (with U+3000) at the table's {4,80}, FACTS.md §2.1.
    static ORACLE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"^[\p{L}\p{N}\_ \u{3000},.＆&・\'()（）\"\/-]{4,80}$"#)
            .expect("compiles")
    });

    proptest! {
        #[test]
        fn agrees_with_the_published_pattern(
            value in "[a-zé\u{301}\u{93F}日٣² \u{3000},.＆&・'()（）\"/_@#<\\[-]{0,90}"
        ) {
            let oracle = &*ORACLE;
            prop_assert_eq!(check(&value).is_empty(), oracle.is_match(&value));
        }

        #[test]
        fn never_panics(value in "\\PC{0,100}") {
            let _ = check(&value);
        }

        #[test]
        fn never_panics_on_any_chars(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
