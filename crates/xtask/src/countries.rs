//! Generates `src/country/generated.rs` from `data/countries.json`.
//!
//! Adobe publishes postal-code patterns as Java regexes (FACTS.md §2.6). The core
//! matches them with automata compiled by `cargo xtask codegen` (`patterns.rs`),
//! whose regex parser reads a few constructs differently from Java. So the
//! generator translates each pattern to Java's meaning (FACTS.md §2.3): full
//! match, ASCII `\d` and `\s`, and Germany's look-ahead turned into a list of
//! excluded prefixes. The country table keeps the verbatim pattern (for
//! documentation and the differential test), the translation, and the name of
//! the translation's automaton. Anything it cannot translate faithfully stops
//! generation with an error naming the country.

use crate::patterns::PostalAutomata;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Java's `\s` (ASCII only): space, tab, newline, vertical tab, form feed, return.
const JAVA_SPACE_ITEMS: &str = r"\t\n\x0B\f\r ";

/// One record of `data/countries.json` (see data/README.md for every field).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CountryRow {
    pub(crate) code: String,
    alpha3: String,
    name: String,
    supported: bool,
    reason: Option<String>,
    remediation: Option<String>,
    currencies: Vec<String>,
    price_region: Option<String>,
    postal_pattern: Option<String>,
    postal_examples: Vec<String>,
    pub(crate) regions: Vec<RegionRow>,
}

/// One region of a country.
#[derive(Deserialize)]
pub(crate) struct RegionRow {
    pub(crate) code: String,
    pub(crate) name: Option<String>,
}

/// A postal pattern with Java's meaning, ready to compile.
#[derive(Debug, PartialEq)]
struct Translated {
    pattern: String,
    excluded: Vec<String>,
}

/// The text of `src/country/generated.rs`.
///
/// A country holds no pointer: every string is a span (`u16` offset and
/// length) of one text, and the postal rules and currency lists are numbered
/// in tables of their own, each rule and list once. On wasm32 a `&str` field
/// is a 4-byte address and a length, and a `PostalRule` was inlined in every
/// country: measured, this layout made the module 10.1 KB smaller raw (1.0 KB
/// gzipped).
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let rows = rows(root)?;
    let translations = translations(&rows)?;
    let automata = PostalAutomata::compile(&anchored_patterns(&translations))?;
    let mut table = Table::default();
    let mut countries = Vec::new();
    for row in &rows {
        let postal = match (&row.postal_pattern, translations.get(&row.code)) {
            (Some(adobe), Some(translated)) => {
                let automaton = automata
                    .path_of(&row.code)
                    .ok_or_else(|| format!("{}: no automaton", row.code))?;
                table.postal_rule(postal_rule(adobe, translated, &automaton))?
            }
            _ => "NO_POSTAL_RULE".to_owned(),
        };
        countries.push(table.country(row, &postal)?);
    }
    let mut out = crate::header("data/countries.json");
    out.push_str("use super::{Country, NO_POSTAL_RULE, PostalRule, Span};\n");
    out.push_str("use crate::pattern::generated as automata;\n\n");
    out.push_str("/// Every string of the table, one after the other: spans point into it.\npub(super) static TEXT: &str = concat!(\n");
    for piece in &table.text_by_country {
        let _ = writeln!(out, "    {piece:?},");
    }
    out.push_str(");\n\n/// The postal rules, each once.\npub(super) static POSTAL_RULES: &[PostalRule] = &[\n");
    for rule in &table.postal_rules {
        let _ = writeln!(out, "    {rule},");
    }
    out.push_str("];\n\n/// The lists of currencies, each once.\npub(super) static CURRENCY_LISTS: &[&[&str]] = &[\n");
    for list in &table.currency_lists {
        let _ = writeln!(out, "    {},", str_slice(list));
    }
    out.push_str("];\n\n/// Every ISO 3166-1 country and `AN`, sorted by code.\npub(super) static COUNTRIES: &[Country] = &[\n");
    for country in &countries {
        let _ = writeln!(out, "{country},");
    }
    out.push_str("];\n");
    Ok(out)
}

/// The shared parts of the table while it is written.
#[derive(Default)]
struct Table {
    /// The text, one piece a country (a line each in the generated file).
    text_by_country: Vec<String>,
    /// Bytes of text so far.
    length: usize,
    postal_rules: Vec<String>,
    currency_lists: Vec<Vec<String>>,
}

impl Table {
    /// `Span { at, len }` of `text`, appended to the current country's piece.
    fn span(&mut self, text: &str) -> Result<String, String> {
        let at = u16::try_from(self.length).map_err(|_| "the country text passed 64 KiB")?;
        let len = u16::try_from(text.len()).map_err(|_| "a country string passed 64 KiB")?;
        if let Some(piece) = self.text_by_country.last_mut() {
            piece.push_str(text);
        }
        self.length += text.len();
        Ok(format!("Span {{ at: {at}, len: {len} }}"))
    }

    fn postal_rule(&mut self, rule: String) -> Result<String, String> {
        let index = match self.postal_rules.iter().position(|known| *known == rule) {
            Some(index) => index,
            None => {
                self.postal_rules.push(rule);
                self.postal_rules.len() - 1
            }
        };
        let index = u8::try_from(index).map_err(|_| "more than 255 postal rules")?;
        Ok(index.to_string())
    }

    fn currencies(&mut self, list: &[String]) -> Result<u8, String> {
        let index = match self.currency_lists.iter().position(|known| known == list) {
            Some(index) => index,
            None => {
                self.currency_lists.push(list.to_vec());
                self.currency_lists.len() - 1
            }
        };
        u8::try_from(index).map_err(|_| "more than 255 currency lists".to_owned())
    }

    /// One `Country { … }` literal on one line.
    fn country(&mut self, row: &CountryRow, postal: &str) -> Result<String, String> {
        self.text_by_country.push(String::new());
        let code = self.span(&row.code)?;
        let alpha3 = self.span(&row.alpha3)?;
        let name = self.span(&row.name)?;
        let reason = self.span(unsupported_text(row, row.reason.as_deref()))?;
        let remediation = self.span(unsupported_text(row, row.remediation.as_deref()))?;
        let price_region = self.span(row.price_region.as_deref().unwrap_or(""))?;
        let examples = self.span(&row.postal_examples.join("\n"))?;
        let codes: Vec<&str> = row.regions.iter().map(|r| r.code.as_str()).collect();
        let regions = self.span(&codes.join("\n"))?;
        let currencies = self.currencies(&row.currencies)?;
        Ok(format!(
            "Country {{ key: *b{:?}, code: {code}, alpha3: {alpha3}, name: {name}, supported: {}, reason: {reason}, remediation: {remediation}, currencies: {currencies}, price_region: {price_region}, postal: {postal}, examples: {examples}, regions: {regions} }}",
            row.code, row.supported
        ))
    }
}

/// Each country's translated postal pattern, anchored, by country code: what
/// `src/pattern/generated.rs` compiles.
pub(crate) fn postal_patterns(root: &Path) -> Result<Vec<(String, String)>, String> {
    Ok(anchored_patterns(&translations(&rows(root)?)?))
}

/// The rows of `data/countries.json`, sorted by code and checked.
pub(crate) fn rows(root: &Path) -> Result<Vec<CountryRow>, String> {
    let mut rows: Vec<CountryRow> = crate::read_json(root, "data/countries.json")?;
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    check_rows(&rows)?;
    Ok(rows)
}

/// The translation of every country's postal pattern, by country code.
fn translations(rows: &[CountryRow]) -> Result<BTreeMap<String, Translated>, String> {
    rows.iter()
        .filter_map(|row| Some((&row.code, row.postal_pattern.as_ref()?)))
        .map(|(code, adobe)| {
            let translated = translate(adobe).map_err(|e| format!("{code}: {e}"))?;
            Ok((code.clone(), translated))
        })
        .collect()
}

fn anchored_patterns(translations: &BTreeMap<String, Translated>) -> Vec<(String, String)> {
    translations
        .iter()
        .map(|(code, translated)| (code.clone(), translated.pattern.clone()))
        .collect()
}

/// Fails on data the core relies on being well formed: sorted unique alpha-2 codes,
/// alpha-3 codes, unique region codes without spaces, names on one line (an empty
/// line in `region_names.rs` means no name).
fn check_rows(rows: &[CountryRow]) -> Result<(), String> {
    let is_upper = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase());
    for pair in rows.windows(2) {
        if pair[0].code == pair[1].code {
            return Err(format!(
                "data/countries.json: {} is listed twice",
                pair[0].code
            ));
        }
    }
    for row in rows {
        if !is_upper(&row.code, 2) || !is_upper(&row.alpha3, 3) {
            return Err(format!(
                "data/countries.json: bad code {} / {}",
                row.code, row.alpha3
            ));
        }
        if let Some(region) = row
            .regions
            .iter()
            .find(|r| r.code.is_empty() || r.code.contains(' '))
        {
            return Err(format!("{}: bad region code {:?}", row.code, region.code));
        }
        if let Some(code) = duplicate_region(&row.regions) {
            return Err(format!("{}: region {code} is listed twice", row.code));
        }
        if let Some(region) = row.regions.iter().find(|r| {
            r.name
                .as_deref()
                .is_some_and(|n| n.is_empty() || n.contains('\n'))
        }) {
            return Err(format!(
                "{}: region name empty or with a line break {:?}",
                row.code, region.name
            ));
        }
    }
    Ok(())
}

/// A region code a country lists twice. Codes must be unique: validation matches
/// on them and the package's `forms.json` keys region names by them.
fn duplicate_region(regions: &[RegionRow]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    regions
        .iter()
        .map(|r| r.code.as_str())
        .find(|code| !seen.insert(*code))
}

/// What an unsupported country's table says (nothing for a supported one).
fn unsupported_text<'r>(row: &CountryRow, text: Option<&'r str>) -> &'r str {
    if row.supported {
        ""
    } else {
        text.unwrap_or("")
    }
}

/// `PostalRule { … }` for one verbatim Adobe pattern and its translation.
fn postal_rule(adobe: &str, translated: &Translated, automaton: &str) -> String {
    format!(
        "PostalRule {{ #[cfg(feature = \"pattern-text\")] adobe: {}, #[cfg(feature = \"pattern-text\")] pattern: {}, automaton: &{automaton}, excluded: {} }}",
        raw(adobe),
        raw(&translated.pattern),
        str_slice(&translated.excluded)
    )
}

fn str_slice(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

/// A raw string literal, so a pattern reads as Adobe wrote it.
fn raw(text: &str) -> String {
    if text.contains('"') {
        format!("{text:?}")
    } else {
        format!("r\"{text}\"")
    }
}

/// Translates one Java pattern to an anchored pattern that means, to the
/// generator's regex parser, what the Java pattern means under `matches()`
/// (FACTS.md §2.3).
fn translate(adobe: &str) -> Result<Translated, String> {
    let body = adobe.strip_prefix('^').unwrap_or(adobe);
    let body = match body.strip_suffix('$') {
        Some(rest) if !ends_with_escape(rest) => rest,
        _ => body,
    };
    let (excluded, body) = leading_negative_lookahead(body)?;
    let pattern = format!("^(?:{})$", java_escapes(body)?);
    crate::java::check_subset(&pattern)?;
    Ok(Translated { pattern, excluded })
}

/// Whether the text ends in an odd number of backslashes (so a `$` after it is literal).
fn ends_with_escape(text: &str) -> bool {
    text.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// Splits `(?!01000|99999)rest` into its literal alternatives and `rest`. At the
/// start of a full match, a negative look-ahead of literals rejects exactly the
/// values that begin with one of them, which the core checks without a regex.
fn leading_negative_lookahead(body: &str) -> Result<(Vec<String>, &str), String> {
    let Some(rest) = body.strip_prefix("(?!") else {
        return Ok((Vec::new(), body));
    };
    let end = rest.find(')').ok_or("unclosed look-ahead")?;
    let alternatives: Vec<String> = rest[..end].split('|').map(str::to_owned).collect();
    if alternatives
        .iter()
        .any(|a| a.is_empty() || !a.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return Err(format!(
            "look-ahead {:?} is not a list of literals",
            &rest[..end]
        ));
    }
    Ok((alternatives, &rest[end + 1..]))
}

/// Rewrites Java's ASCII `\d` and `\s` as explicit classes; passes escaped
/// punctuation through; refuses every other escape, non-ASCII text, nested classes
/// and class intersection, whose meaning differs between the engines.
fn java_escapes(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len() + 16);
    let mut in_class = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next().ok_or("pattern ends in a backslash")?;
                out.push_str(&escape(escaped, in_class)?);
            }
            '[' if in_class => return Err("nested character class".to_owned()),
            '[' => {
                in_class = true;
                out.push(c);
                if chars.peek() == Some(&']') {
                    return Err("empty or `]`-first character class".to_owned());
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '&' if in_class && chars.peek() == Some(&'&') => {
                return Err("class intersection `&&`".to_owned());
            }
            c if !c.is_ascii() || c.is_ascii_control() => {
                return Err(format!("character {c:?} outside printable ASCII"));
            }
            c => out.push(c),
        }
    }
    if in_class {
        return Err("unclosed character class".to_owned());
    }
    Ok(out)
}

/// The text, in the generator's regex syntax, for one Java escape `\c`.
fn escape(c: char, in_class: bool) -> Result<String, String> {
    Ok(match (c, in_class) {
        ('d', true) => "0-9".to_owned(),
        ('d', false) => "[0-9]".to_owned(),
        ('s', true) => JAVA_SPACE_ITEMS.to_owned(),
        ('s', false) => format!("[{JAVA_SPACE_ITEMS}]"),
        (c, _) if c.is_ascii_punctuation() => format!("\\{c}"),
        (c, _) => return Err(format!("escape \\{c} has no translation")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(adobe: &str) -> String {
        translate(adobe).expect("translates").pattern
    }

    #[test]
    fn wraps_for_full_match_and_spells_out_ascii_classes() {
        assert_eq!(
            pattern(r"^[\d]{5}(?:-[\d]{4})?$"),
            r"^(?:[0-9]{5}(?:-[0-9]{4})?)$"
        );
        assert_eq!(
            pattern(r"^\d{5}|PE\s\d{4}$"),
            r"^(?:[0-9]{5}|PE[\t\n\x0B\f\r ][0-9]{4})$"
        );
        assert_eq!(pattern(r"^[A-Z\d]??$"), r"^(?:[A-Z0-9]??)$");
    }

    #[test]
    fn germany_look_ahead_becomes_excluded_prefixes() {
        let t = translate(r"^(?!01000|99999)(0[1-9]\d{3}|[1-9]\d{4})$").expect("translates");
        assert_eq!(t.excluded, ["01000", "99999"]);
        assert_eq!(t.pattern, r"^(?:(0[1-9][0-9]{3}|[1-9][0-9]{4}))$");
    }

    #[test]
    fn refuses_what_the_generator_would_read_differently() {
        for bad in [
            r"^\w+$",
            r"^\p{L}$",
            r"^a(?=b)$",
            r"^[a-z&&[^x]]$",
            r"^(?i)a$",
            r"^é$",
            r"^\bx$",
            "^a.b$",
        ] {
            assert!(translate(bad).is_err(), "{bad}");
        }
    }
}
