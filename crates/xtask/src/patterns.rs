//! Generates `src/pattern/generated.rs`: every pattern the core matches, compiled
//! ahead of time into an automaton (`automaton.rs`).
//!
//! Two sources: `data/patterns.json` (Adobe's field patterns, today EMAIL_REGEX;
//! FACTS.md §2.1), each wrapped as `^(?:…)$` for Java's full match, and the
//! translated postal pattern of every country in `data/countries.json`
//! (`countries.rs`). The 170 postal patterns have far fewer languages (`[0-9]{5}`
//! alone serves 40 countries), so each language is emitted once and the country
//! table points at it by name.

use crate::automaton::Automaton;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The state id type of every postal automaton: `PostalRule` in
/// `src/country/mod.rs` holds an `&Automaton<u8>`.
const POSTAL_STATE_TYPE: &str = "u8";

/// One record of `data/patterns.json` (see data/README.md).
#[derive(Deserialize)]
struct PatternRow {
    name: String,
    field: String,
    pattern: String,
    source: String,
}

/// The postal automata, one per distinct language, in order of first use by
/// country code.
pub(crate) struct PostalAutomata {
    distinct: Vec<Distinct>,
    by_country: BTreeMap<String, usize>,
}

/// One postal automaton and the countries and pattern texts it serves.
struct Distinct {
    automaton: Automaton,
    patterns: Vec<String>,
    countries: Vec<String>,
}

impl PostalAutomata {
    /// Compiles `(country code, anchored pattern)` pairs, merging equal languages.
    pub(crate) fn compile(patterns: &[(String, String)]) -> Result<Self, String> {
        let mut automata = Self {
            distinct: Vec::new(),
            by_country: BTreeMap::new(),
        };
        for (code, pattern) in patterns {
            let automaton = compile_postal(code, pattern)?;
            automata.add(code, pattern, automaton);
        }
        Ok(automata)
    }

    /// Files a country's automaton under an equal one already seen, or as new.
    fn add(&mut self, code: &str, pattern: &str, automaton: Automaton) {
        let index = self
            .distinct
            .iter()
            .position(|d| d.automaton == automaton)
            .unwrap_or_else(|| {
                self.distinct.push(Distinct {
                    automaton,
                    patterns: Vec::new(),
                    countries: Vec::new(),
                });
                self.distinct.len() - 1
            });
        let entry = &mut self.distinct[index];
        entry.countries.push(code.to_owned());
        if !entry.patterns.iter().any(|known| known == pattern) {
            entry.patterns.push(pattern.to_owned());
        }
        self.by_country.insert(code.to_owned(), index);
    }

    /// The path of a country's automaton as the country table writes it.
    pub(crate) fn path_of(&self, code: &str) -> Option<String> {
        self.by_country
            .get(code)
            .map(|&index| format!("automata::{}", postal_name(index)))
    }
}

/// One country's automaton, which must fit `PostalRule`'s state id type.
fn compile_postal(code: &str, pattern: &str) -> Result<Automaton, String> {
    let automaton = Automaton::compile(pattern).map_err(|e| format!("{code}: {e}"))?;
    if automaton.state_type()? == POSTAL_STATE_TYPE {
        Ok(automaton)
    } else {
        Err(format!(
            "{code}: {pattern} needs {} states, more than PostalRule's Automaton<u8> holds",
            automaton.state_count()
        ))
    }
}

fn postal_name(index: usize) -> String {
    format!("POSTAL_{index}")
}

/// The text of `src/pattern/generated.rs`.
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let fields = load(root)?
        .into_iter()
        .map(FieldPattern::compile)
        .collect::<Result<Vec<_>, _>>()?;
    let postal = PostalAutomata::compile(&crate::countries::postal_patterns(root)?)?;
    let mut out = crate::header("data/patterns.json and data/countries.json");
    out.push_str(&summary(&fields, &postal)?);
    out.push_str("use super::Automaton;\n");
    for field in &fields {
        out.push('\n');
        out.push_str(&field.to_rust()?);
    }
    for (index, distinct) in postal.distinct.iter().enumerate() {
        let mut docs: Vec<String> = distinct.patterns.iter().map(|p| format!("`{p}`")).collect();
        docs.push(format!(
            "Postal codes of {}; {} states.",
            distinct.countries.join(" "),
            distinct.automaton.state_count()
        ));
        out.push('\n');
        out.push_str(&distinct.automaton.to_rust(&postal_name(index), &docs)?);
    }
    Ok(out)
}

fn load(root: &Path) -> Result<Vec<PatternRow>, String> {
    let rows: Vec<PatternRow> = crate::read_json(root, "data/patterns.json")?;
    if let Some(bad) = rows
        .iter()
        .find(|row| row.name.is_empty() || !row.name.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(format!("data/patterns.json: bad name {:?}", bad.name));
    }
    Ok(rows)
}

/// A comment with the sizes, for reviewing a change to the patterns.
fn summary(fields: &[FieldPattern], postal: &PostalAutomata) -> Result<String, String> {
    let automata: Vec<&Automaton> = fields
        .iter()
        .map(|field| &field.automaton)
        .chain(postal.distinct.iter().map(|d| &d.automaton))
        .collect();
    let states: usize = automata.iter().map(|a| a.state_count()).sum();
    let ranges: usize = automata.iter().map(|a| a.range_count()).sum();
    let mut bytes = 0;
    for automaton in &automata {
        bytes += automaton.table_bytes()?;
    }
    Ok(format!(
        "// {} automata: {} from data/patterns.json, {} postal languages for {} countries;\n\
         // {states} states, {ranges} byte ranges, {bytes} bytes of tables.\n\n",
        automata.len(),
        fields.len(),
        postal.distinct.len(),
        postal.by_country.len(),
    ))
}

/// A field pattern of `data/patterns.json`, anchored and compiled.
struct FieldPattern {
    row: PatternRow,
    pattern: String,
    automaton: Automaton,
}

impl FieldPattern {
    fn compile(row: PatternRow) -> Result<Self, String> {
        crate::java::check_subset(&row.pattern).map_err(|e| format!("{}: {e}", row.name))?;
        let pattern = anchored(&row.pattern);
        let automaton = Automaton::compile(&pattern).map_err(|e| format!("{}: {e}", row.name))?;
        Ok(Self {
            row,
            pattern,
            automaton,
        })
    }

    /// `NAME_PATTERN`, the anchored text, and `NAME`, its automaton.
    fn to_rust(&self) -> Result<String, String> {
        let name = self.row.name.to_ascii_uppercase();
        let mut out = format!(
            "/// The `{}` pattern of data/patterns.json (source: {}),\n\
             /// inside `^(?:` … `)$` for Java's full match.\n\
             pub(crate) const {name}_PATTERN: &str = {};\n\n",
            self.row.field,
            self.row.source,
            raw(&self.pattern)
        );
        let docs = [format!(
            "`{name}_PATTERN` compiled; {} states.",
            self.automaton.state_count()
        )];
        out.push_str(&self.automaton.to_rust(&name, &docs)?);
        Ok(out)
    }
}

fn anchored(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

/// A raw string literal with enough `#`s for the text.
fn raw(text: &str) -> String {
    let mut hashes = String::new();
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(code, pattern)| ((*code).to_owned(), (*pattern).to_owned()))
            .collect()
    }

    #[test]
    fn equal_languages_share_one_automaton() {
        let postal = PostalAutomata::compile(&pairs(&[
            ("AS", r"^(?:[0-9]{5}(-[0-9]{4})?)$"),
            ("AT", r"^(?:[0-9]{4})$"),
            ("US", r"^(?:[0-9]{5}(?:-[0-9]{4})?)$"),
        ]))
        .expect("compiles");
        assert_eq!(postal.distinct.len(), 2);
        assert_eq!(postal.path_of("US").as_deref(), Some("automata::POSTAL_0"));
        assert_eq!(postal.path_of("AT").as_deref(), Some("automata::POSTAL_1"));
        assert_eq!(postal.distinct[0].countries, ["AS", "US"]);
        assert_eq!(postal.distinct[0].patterns.len(), 2);
    }

    #[test]
    fn a_postal_pattern_too_big_for_u8_ids_stops_generation() {
        let error = PostalAutomata::compile(&pairs(&[("XX", r"^(?:[0-9]{300})$")]))
            .err()
            .expect("refused");
        assert!(error.contains("XX"), "{error}");
    }

    #[test]
    fn raw_strings_get_enough_hashes() {
        assert_eq!(raw("a"), "r\"a\"");
        assert_eq!(raw("\"a\""), "r#\"\"a\"\"#");
        assert_eq!(raw("\"#"), "r##\"\"#\"##");
    }
}
