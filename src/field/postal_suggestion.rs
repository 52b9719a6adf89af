//! A postal code that fails its country's pattern only for want of a
//! separator, a country prefix or capitals gets the fixed value as a
//! suggestion the shopper can take (issue 15, item 11).
//!
//! Source: the 23 published examples Adobe's own patterns refuse (FACTS.md
//! §2.6 patterns against the address examples in `data/countries.json`; the
//! list is pinned in `postal_code`'s tests). Some have an obvious fix: "2640"
//! for Anguilla is "AI-2640" (`^AI-2640$`), "1000" for Azerbaijan "AZ1000"
//! (`^AZ[ ]?\d{4}$`), "2012" for Moldova "MD2012" (`^MD[-]?\d{4}$`), "10603" for
//! Taiwan "106-03" (`^\d{3}(-\d{2,3})?$`). The others (Costa Rica's and
//! Namibia's old lengths, Malta's "NXR 01", Peru's "LIMA 23", a BFPO number)
//! have none: the shopper must look the code up, and the examples say the form.
//! The same fixes serve typed values ("951101234" → "95110-1234", "k1a0a2" →
//! "K1A 0A2").
//!
//! The candidates are the value upper-cased, with one `-` or space inserted,
//! with the country code in front (bare, `-`, space), and the upper-cased
//! value with one separator; the first the pattern accepts is suggested, in
//! that order (the least change first). Every candidate is checked against the
//! country's own pattern, so a suggestion is always a value Adobe accepts.

use crate::country::{Country, PostalRule};

/// The fixed value, when one small edit makes the pattern accept it.
pub fn suggest(country: &Country, rule: &PostalRule, value: &str) -> Option<String> {
    if value.is_empty() || value.chars().count() > super::postal_code::MAX_LENGTH {
        return None;
    }
    // ASCII only: every published postal pattern is ASCII, and Unicode case
    // tables would add kilobytes to the wasm for nothing.
    let upper = value.to_ascii_uppercase();
    let code = country.code();
    // Each candidate is written into one buffer and tried at once, in the
    // order below; the first the pattern accepts is the answer. (Collecting
    // every candidate first cost a string each, and most values that fail
    // have no fix: a third of a failing customer's check in the wasm.)
    let mut trial = Trial {
        rule,
        candidate: String::with_capacity(value.len() + code.len() + 1),
    };
    let found = (upper != value && trial.accepts(&[&upper]))
        || trial.any_separator(value)
        || ["", "-", " "]
            .iter()
            .any(|joint| trial.accepts(&[code, joint, &upper]))
        || (upper != value && trial.any_separator(&upper));
    found.then_some(trial.candidate)
}

/// Candidates tried against a country's pattern, one buffer for all.
struct Trial<'r> {
    rule: &'r PostalRule,
    candidate: String,
}

impl Trial<'_> {
    /// Whether the pieces, joined, are a postal code the pattern accepts
    /// (they stay in `candidate`).
    fn accepts(&mut self, pieces: &[&str]) -> bool {
        self.candidate.clear();
        pieces
            .iter()
            .for_each(|piece| self.candidate.push_str(piece));
        self.rule.is_match(&self.candidate)
    }

    /// Whether `value` with one `-`, then one space, inserted between two of
    /// its characters is accepted (the first such candidate stays).
    fn any_separator(&mut self, value: &str) -> bool {
        ["-", " "].into_iter().any(|joint| {
            value
                .char_indices()
                .skip(1)
                .any(|(at, _)| self.accepts(&[&value[..at], joint, &value[at..]]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::lookup;

    fn suggestion(code: &str, value: &str) -> Option<String> {
        let country = lookup(code).expect(code);
        suggest(country, country.postal_rule().expect("a pattern"), value)
    }

    #[test]
    fn the_published_examples_with_an_obvious_fix() {
        assert_eq!(suggestion("AI", "2640").as_deref(), Some("AI-2640"));
        assert_eq!(suggestion("AZ", "1000").as_deref(), Some("AZ1000"));
        assert_eq!(suggestion("MD", "2012").as_deref(), Some("MD2012"));
        assert_eq!(suggestion("MD", "2019").as_deref(), Some("MD2019"));
        assert_eq!(suggestion("TW", "10603").as_deref(), Some("106-03"));
        assert_eq!(suggestion("TW", "40867").as_deref(), Some("408-67"));
    }

    #[test]
    fn the_published_examples_without_one() {
        for (code, value) in [
            ("AM", "375010"),
            ("CR", "1000"),
            ("GB", "BFPO 61"),
            ("KH", "120101"),
            ("MT", "NXR 01"),
            ("NA", "10001"),
            ("PE", "LIMA 23"),
            ("PE", "CALLAO 2"),
            ("RS", "106314"),
            ("TZ", "6090"),
        ] {
            assert_eq!(suggestion(code, value), None, "{code} {value}");
        }
    }

    #[test]
    fn typed_values_missing_a_hyphen_a_space_or_capitals() {
        assert_eq!(suggestion("US", "951101234").as_deref(), Some("95110-1234"));
        assert_eq!(suggestion("CA", "k1a 0a2").as_deref(), Some("K1A 0A2"));
        assert_eq!(suggestion("CA", "k1a0a2").as_deref(), Some("K1A 0A2"));
        assert_eq!(suggestion("PL", "00950").as_deref(), Some("00-950"));
        assert_eq!(suggestion("LV", "1050").as_deref(), Some("LV-1050"));
    }

    #[test]
    fn a_wrong_length_gets_no_suggestion() {
        assert_eq!(suggestion("US", "9511"), None);
        assert_eq!(suggestion("US", ""), None);
    }
}
