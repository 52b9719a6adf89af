//! The `companyProfile.preferredLanguage` rule: one of Adobe's 43 locales.
//!
//! At most 40 characters (FACTS.md §2.2), and one of the values Adobe lists,
//! spelled exactly (FACTS.md §2.5). A near miss (`en_us`) gets the supported
//! spelling as a suggestion.

use crate::locale;
use crate::report::{Code, Finding};

/// The longest `preferredLanguage` Adobe accepts (FACTS.md §2.2).
pub const MAX_LENGTH: usize = 40;

/// Findings for a preferred language; empty when Adobe supports it.
pub fn check(value: &str) -> Vec<Finding> {
    if value.is_empty() {
        return vec![Finding::new(Code::FieldRequired)];
    }
    if let Some(too_long) = super::text::length(value, 0, MAX_LENGTH) {
        return vec![too_long];
    }
    if locale::is_supported(value) {
        return Vec::new();
    }
    let finding = Finding::new(Code::LocaleUnsupported);
    vec![match locale::suggest(value) {
        Some(suggestion) => finding.with("suggestion", suggestion),
        None => finding,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Param;

    #[test]
    fn accepts_supported_locales() {
        for value in ["en-US", "fr-CA", "zh-HANS", "es-LA", "sr-SP"] {
            assert!(check(value).is_empty(), "{value}");
        }
    }

    #[test]
    fn rejects_empty_long_and_unsupported() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        let long = "x".repeat(41);
        assert_eq!(check(&long)[0].code, Code::StringTooLong);
        assert_eq!(check(&long)[0].params.get("max"), Some(&Param::Number(40)));
        let found = check("de-AT");
        assert_eq!(found[0].code, Code::LocaleUnsupported);
        assert_eq!(found[0].params.get("suggestion"), None);
    }

    #[test]
    fn suggests_the_supported_spelling() {
        let found = check("en_us");
        assert_eq!(found[0].code, Code::LocaleUnsupported);
        assert_eq!(
            found[0].params.get("suggestion"),
            Some(&Param::from("en-US"))
        );
    }
}
