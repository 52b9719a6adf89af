//! The `preferredLanguage` values Adobe accepts.
//!
//! Adobe lists 43 locales (FACTS.md §2.5), several of them not IETF tags (`en-XM`,
//! `es-LA`, `sr-SP`, `zh-HANS`), and matches them exactly. So a value is checked
//! by membership in the generated list (from `data/locales.json`), and a near miss
//! such as `en_us` gets the supported spelling as a suggestion.

#[rustfmt::skip]
mod generated;

/// Whether Adobe accepts this `preferredLanguage` value, spelled exactly (FACTS.md §2.5).
pub fn is_supported(tag: &str) -> bool {
    generated::LOCALES.binary_search(&tag).is_ok()
}

/// Every supported locale, sorted by byte.
pub fn all() -> &'static [&'static str] {
    generated::LOCALES
}

/// The supported locale that differs from `tag` only in letter case or in `_`
/// written for `-` (`en_us` → `en-US`), if there is one.
pub fn suggest(tag: &str) -> Option<&'static str> {
    all()
        .iter()
        .copied()
        .find(|locale| same_but_spelling(locale, tag))
}

fn same_but_spelling(locale: &str, tag: &str) -> bool {
    locale.len() == tag.len()
        && locale.bytes().zip(tag.bytes()).all(|(a, b)| {
            let b = if b == b'_' { b'-' } else { b };
            a.eq_ignore_ascii_case(&b)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_adobes_43_locales() {
        assert_eq!(all().len(), 43);
        assert!(is_supported("en-US"));
        assert!(is_supported("zh-HANT"));
        assert!(is_supported("es-LA"));
        assert!(!is_supported("en-us"));
        assert!(!is_supported("en"));
        assert!(!is_supported("de-AT"));
    }

    #[test]
    fn suggests_the_right_spelling() {
        assert_eq!(suggest("en_us"), Some("en-US"));
        assert_eq!(suggest("ZH-hans"), Some("zh-HANS"));
        assert_eq!(suggest("de-AT"), None);
        assert_eq!(suggest(""), None);
    }
}
