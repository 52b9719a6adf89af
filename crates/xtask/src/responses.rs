//! Generates the response tables from `data/errors.json`, `data/reasons.json`
//! and `data/statuses.json`: `src/response/catalogue/generated.rs` (every
//! documented error code), `src/response/reasons/generated.rs` (the reason codes
//! Adobe puts in `additionalDetails`) and `src/response/status/generated.rs`
//! (what each resource status code means per resource).
//!
//! The rows are the published text (data/README.md names each source). The
//! generator refuses what the core's lookups could not answer faithfully: a code
//! listed twice (the first row would hide the second), a reason whose error code
//! is not in the catalogue, an unknown source, resource or colour.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

/// One record of `data/errors.json`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ErrorRow {
    code: String,
    http_status: Option<u16>,
    message: String,
    detail: Option<String>,
    applicable_calls: String,
    source: String,
}

/// One record of `data/reasons.json`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReasonRow {
    error_code: String,
    reason: String,
    description: String,
    action: Option<String>,
    source: String,
}

/// One record of `data/statuses.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusRow {
    code: String,
    resources: Vec<String>,
    health: String,
    text: String,
    source: String,
}

/// The text of `src/response/catalogue/generated.rs`.
pub(crate) fn generate_errors(root: &Path) -> Result<String, String> {
    let rows: Vec<ErrorRow> = crate::read_json(root, "data/errors.json")?;
    let mut out = crate::header("data/errors.json");
    out.push_str("use super::{ErrorEntry, Source};\n\n");
    out.push_str("/// Every documented error code, in the order of the sources.\n");
    out.push_str("pub(super) const ERRORS: &[ErrorEntry] = &[\n");
    let mut seen = Vec::new();
    for row in &rows {
        if row.code.trim().is_empty() || row.code.trim() != row.code {
            return Err(format!("data/errors.json: bad code {:?}", row.code));
        }
        if seen.contains(&row.code.as_str()) {
            return Err(format!("data/errors.json: {} is listed twice", row.code));
        }
        seen.push(&row.code);
        let _ = writeln!(
            out,
            "ErrorEntry {{ code: {:?}, http_status: {}, message: {:?}, detail: {}, applicable_calls: {:?}, source: Source::{} }},",
            row.code,
            option(row.http_status.map(|s| s.to_string())),
            row.message,
            option(row.detail.as_ref().map(|d| format!("{d:?}"))),
            row.applicable_calls,
            source(&row.source, "data/errors.json")?,
        );
    }
    out.push_str("];\n");
    Ok(out)
}

/// The text of `src/response/reasons/generated.rs`.
pub(crate) fn generate_reasons(root: &Path) -> Result<String, String> {
    let errors: Vec<ErrorRow> = crate::read_json(root, "data/errors.json")?;
    let rows: Vec<ReasonRow> = crate::read_json(root, "data/reasons.json")?;
    let mut out = crate::header("data/reasons.json");
    out.push_str("use super::{ReasonEntry, Source};\n\n");
    out.push_str("/// Every documented reason code, grouped by error code.\n");
    out.push_str("pub(super) const REASONS: &[ReasonEntry] = &[\n");
    let mut seen = Vec::new();
    for row in &rows {
        if !errors.iter().any(|error| error.code == row.error_code) {
            return Err(format!(
                "data/reasons.json: {} belongs to {}, which data/errors.json does not list",
                row.reason, row.error_code
            ));
        }
        let key = (row.error_code.as_str(), row.reason.as_str());
        if seen.contains(&key) {
            return Err(format!(
                "data/reasons.json: {} {} is listed twice",
                row.error_code, row.reason
            ));
        }
        seen.push(key);
        let _ = writeln!(
            out,
            "ReasonEntry {{ error_code: {:?}, reason: {:?}, description: {:?}, action: {}, source: Source::{} }},",
            row.error_code,
            row.reason,
            row.description,
            option(row.action.as_ref().map(|a| format!("{a:?}"))),
            source(&row.source, "data/reasons.json")?,
        );
    }
    out.push_str("];\n");
    Ok(out)
}

/// The text of `src/response/status/generated.rs`.
pub(crate) fn generate_statuses(root: &Path) -> Result<String, String> {
    const FILE: &str = "data/statuses.json";
    let rows: Vec<StatusRow> = crate::read_json(root, FILE)?;
    let mut out = crate::header(FILE);
    out.push_str("use super::{Health, ResourceKind};\n\n");
    out.push_str("/// `(code, resources, health, text)` rows; the first row that matches wins.\n");
    out.push_str("pub(super) const ROWS: &[(&str, &[ResourceKind], Health, &str)] = &[\n");
    let mut seen = Vec::new();
    for row in &rows {
        source(&row.source, FILE)?;
        let mut kinds = Vec::new();
        for resource in &row.resources {
            let key = (row.code.as_str(), resource.as_str());
            if seen.contains(&key) {
                return Err(format!(
                    "{FILE}: {} for {resource} is listed twice",
                    row.code
                ));
            }
            seen.push(key);
            let kind = variant(
                resource,
                &["reseller", "customer", "order", "subscription", "transfer"],
            )
            .ok_or_else(|| format!("{FILE}: {}: unknown resource {resource:?}", row.code))?;
            kinds.push(format!("ResourceKind::{kind}"));
        }
        if kinds.is_empty() {
            return Err(format!("{FILE}: {} applies to no resource", row.code));
        }
        let health = variant(&row.health, &["green", "yellow", "red"])
            .ok_or_else(|| format!("{FILE}: {}: unknown health {:?}", row.code, row.health))?;
        let _ = writeln!(
            out,
            "({:?}, &[{}], Health::{health}, {:?}),",
            row.code,
            kinds.join(", "),
            row.text
        );
    }
    out.push_str("];\n");
    Ok(out)
}

/// `Some(text)` or `None` as Rust source.
fn option(text: Option<String>) -> String {
    text.map_or_else(|| "None".to_owned(), |text| format!("Some({text})"))
}

/// The `Source` variant a data file's `source` names (its camelCase serialization).
fn source(name: &str, file: &str) -> Result<String, String> {
    variant(
        name,
        &[
            "reference",
            "facts",
            "factsLga",
            "factsPartialReturn",
            "undocumented",
        ],
    )
    .ok_or_else(|| format!("{file}: unknown source {name:?}"))
}

/// The Rust variant of a camelCase name, when it is one of `allowed`.
fn variant(name: &str, allowed: &[&str]) -> Option<String> {
    allowed.contains(&name).then(|| {
        let mut chars = name.chars();
        chars
            .next()
            .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch `data/` with the given files, removed when dropped.
    struct Scratch(std::path::PathBuf);

    impl Scratch {
        fn new(name: &str, files: &[(&str, &str)]) -> Self {
            let root = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
            std::fs::create_dir_all(root.join("data")).expect("scratch dir");
            for (file, text) in files {
                std::fs::write(root.join("data").join(file), text).expect("scratch file");
            }
            Self(root)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const ERROR: &str = r#"{"code": "1117", "httpStatus": 400, "message": "m", "detail": null, "applicableCalls": "All", "source": "reference"}"#;

    #[test]
    fn generates_one_entry_per_error_record() {
        let scratch = Scratch::new("one", &[("errors.json", &format!("[{ERROR}]"))]);
        let text = generate_errors(&scratch.0).expect("generated");
        assert!(text.contains(r#"ErrorEntry { code: "1117", http_status: Some(400), message: "m", detail: None, applicable_calls: "All", source: Source::Reference },"#));
    }

    #[test]
    fn refuses_a_code_listed_twice() {
        let scratch = Scratch::new("twice", &[("errors.json", &format!("[{ERROR}, {ERROR}]"))]);
        let error = generate_errors(&scratch.0).expect_err("refused");
        assert!(error.contains("1117 is listed twice"), "{error}");
    }

    #[test]
    fn refuses_a_reason_of_an_unknown_error_and_an_unknown_source() {
        let reason = r#"{"errorCode": "5117", "reason": "R", "description": "d", "action": null, "source": "facts"}"#;
        let scratch = Scratch::new(
            "orphan",
            &[
                ("errors.json", &format!("[{ERROR}]")),
                ("reasons.json", &format!("[{reason}]")),
            ],
        );
        let error = generate_reasons(&scratch.0).expect_err("refused");
        assert!(error.contains("does not list"), "{error}");
        let bad = ERROR.replace("reference", "hearsay");
        let scratch = Scratch::new("source", &[("errors.json", &format!("[{bad}]"))]);
        let error = generate_errors(&scratch.0).expect_err("refused");
        assert!(error.contains("unknown source \"hearsay\""), "{error}");
    }

    #[test]
    fn refuses_a_status_listed_twice_for_one_resource() {
        let rows = r#"[{"code": "1000", "resources": ["order"], "health": "green", "text": "a", "source": "reference"},
{"code": "1000", "resources": ["order", "customer"], "health": "red", "text": "b", "source": "reference"}]"#;
        let scratch = Scratch::new("status", &[("statuses.json", rows)]);
        let error = generate_statuses(&scratch.0).expect_err("refused");
        assert!(error.contains("1000 for order is listed twice"), "{error}");
    }
}
