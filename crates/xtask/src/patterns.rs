//! Generates `src/pattern/generated.rs`: the patterns of `data/patterns.json`
//! (Adobe's field patterns, today EMAIL_REGEX; FACTS.md §2.1), each wrapped as
//! `^(?:…)$` for Java's full match and compiled ahead of time into an automaton
//! (`automaton.rs`).

use crate::automaton::Automaton;
use serde::Deserialize;
use std::path::Path;

/// One record of `data/patterns.json` (see data/README.md).
#[derive(Deserialize)]
struct PatternRow {
    name: String,
    field: String,
    pattern: String,
    source: String,
}

/// The text of `src/pattern/generated.rs`.
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let fields = load(root)?
        .into_iter()
        .map(FieldPattern::compile)
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = crate::header("data/patterns.json");
    out.push_str(&summary(&fields)?);
    out.push_str("use super::Automaton;\n");
    for field in &fields {
        out.push('\n');
        out.push_str(&field.to_rust()?);
    }
    Ok(out)
}

fn load(root: &Path) -> Result<Vec<PatternRow>, String> {
    let path = root.join("data/patterns.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows: Vec<PatternRow> =
        serde_json::from_str(&text).map_err(|e| format!("data/patterns.json: {e}"))?;
    if let Some(bad) = rows
        .iter()
        .find(|row| row.name.is_empty() || !row.name.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(format!("data/patterns.json: bad name {:?}", bad.name));
    }
    Ok(rows)
}

/// A comment with the sizes, for reviewing a change to the patterns.
fn summary(fields: &[FieldPattern]) -> Result<String, String> {
    let automata: Vec<&Automaton> = fields.iter().map(|field| &field.automaton).collect();
    let states: usize = automata.iter().map(|a| a.state_count()).sum();
    let ranges: usize = automata.iter().map(|a| a.range_count()).sum();
    let mut bytes = 0;
    for automaton in &automata {
        bytes += automaton.table_bytes()?;
    }
    Ok(format!(
        "// Compiled from data/patterns.json: {} pattern(s), {states} states,\n\
         // {ranges} byte ranges, {bytes} bytes of tables.\n\n",
        automata.len(),
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

    #[test]
    fn raw_strings_get_enough_hashes() {
        assert_eq!(raw("a"), "r\"a\"");
        assert_eq!(raw("\"a\""), "r#\"\"a\"\"#");
        assert_eq!(raw("\"#"), "r##\"\"#\"##");
    }
}
