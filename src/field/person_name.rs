//! `contacts[].firstName` and `lastName`: Adobe's name class and length.
//!
//! FACTS.md §2.1 publishes `^[\p{L}\p{N}-_ ,.＆&'\"]{1,35}$` (table, firstName;
//! the Feb-2024 PDF gives lastName the same) and `^[\p{L}\p{N}\-_ 　,.＆&'\"]{1,35}$`
//! (NAME_REGEX and OpenAPI, with U+3000). Read as: letters, numbers, `-`, `_`,
//! space, U+3000 IDEOGRAPHIC SPACE, `,` `.` `＆` (U+FF06) `&` `'` `"`; 1–35
//! characters. The `-` after `\p{N}` is a literal hyphen in Java, not a range
//! (FACTS.md §2.3 item 2: "Jean-Luc" matches). Unlike company names, `/`, `(`
//! and `)` are not allowed (§2.3 item 8). As with company names, `&&` in copies
//! of the Feb-2024 text is a lost `＆&`, never an intersection.

use super::text::{self, NameClass};
use crate::Finding;

/// The longest first or last name, in characters (FACTS.md §2.1).
pub const MAX_LENGTH: usize = 35;

/// Adobe's NAME class beyond `\p{L}\p{N}` (FACTS.md §2.1).
const CLASS: NameClass = NameClass::new(
    &[
        '-', '_', ' ', '\u{3000}', ',', '.', '\u{FF06}', '&', '\'', '"',
    ],
    "letters, digits, spaces and - _ , . & ＆ ' \"",
);

/// Checks a first or last name: required, at most 35 characters, Adobe's
/// class. Reports a length violation and the first class violation together.
pub fn check(value: &str) -> Vec<Finding> {
    text::check_name(value, 1, MAX_LENGTH, &CLASS)
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
    fn accepts_the_spec_examples() {
        for name in [
            "Mickey",
            "Mouse",
            "Donald Duck",
            "Jean-Luc",
            "O'Brien",
            "A-Z",
            "Smith & Sons",
        ] {
            assert!(check(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn accepts_many_scripts() {
        for name in [
            "山田\u{3000}太郎",
            "王小明",
            "محمد",
            "Дмитрий",
            "Γιώργος",
            "דוד",
            "José",
            "Zoë",
            "Łukasz",
        ] {
            assert!(check(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn rejects_slash_and_parentheses() {
        for name in ["A/B", "Smith (Jr)", "Mickey@Mouse", "Dr. Who?"] {
            assert_eq!(codes(name), vec![Code::TextInvalidCharacter], "{name}");
        }
        assert_eq!(param("A/B", "character"), "/");
    }

    #[test]
    fn diagnoses_marks() {
        assert_eq!(codes("Jose\u{301}"), vec![Code::TextNotNormalized]);
        assert_eq!(param("Jose\u{301}", "suggestion"), "José");
        assert_eq!(codes("สมชาย ใจดี"), vec![Code::TextCombiningMark]);
        assert_eq!(codes("राहुल"), vec![Code::TextCombiningMark]);
        assert_eq!(codes("Ann😀"), vec![Code::TextInvalidCharacter]);
    }

    #[test]
    fn checks_length() {
        assert_eq!(codes(""), vec![Code::FieldRequired]);
        assert!(check("X").is_empty());
        assert!(check(&"é".repeat(35)).is_empty());
        assert_eq!(codes(&"é".repeat(36)), vec![Code::StringTooLong]);
        assert_eq!(
            codes(&"@".repeat(36)),
            vec![Code::StringTooLong, Code::TextInvalidCharacter]
        );
    }

    // NAME_REGEX verbatim but for `\u{3000}` written as an escape (FACTS.md §2.1).
    static ORACLE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"^[\p{L}\p{N}\-_ \u{3000},.＆&'\"]{1,35}$"#).expect("compiles")
    });

    proptest! {
        #[test]
        fn agrees_with_the_published_pattern(
            value in "[a-zé\u{301}\u{E35}日٣ \u{3000},.＆&'\"_/()@-]{0,40}"
        ) {
            let oracle = &*ORACLE;
            prop_assert_eq!(check(&value).is_empty(), oracle.is_match(&value));
        }

        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
