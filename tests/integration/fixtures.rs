//! Runs every case of `tests/fixtures/*.json`.
//!
//! A case is `{ name, op, input, context?, expect }`. `op` is an operation name
//! (`createCustomer`, …), `field` (input `{ name, value, context? }`) or
//! `orderHistoryQuery` (input: the query string). `expect` is `{ "valid": true }`
//! or `{ "violations": [{ "path", "code" }, …] }`, compared as a multiset: a case
//! fails on a missing *and* on an unexpected violation. The same files are run
//! against the npm package by the Node suite, so every build agrees.

use serde::Deserialize;
use serde_json::Value;
use std::path::PathBuf;
use vipmp::Report;
use vipmp::validate::{self, Context, FieldContext, Operation};

#[derive(Deserialize)]
pub(crate) struct Case {
    pub(crate) name: String,
    op: String,
    pub(crate) input: Value,
    #[serde(default)]
    pub(crate) context: Option<Value>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    #[serde(default)]
    valid: Option<bool>,
    #[serde(default)]
    violations: Vec<Expected>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    path: String,
    code: String,
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

pub(crate) fn load_cases() -> Vec<(String, Case)> {
    let mut cases = Vec::new();
    for file in fixture_files() {
        let text = std::fs::read_to_string(&file).expect("read fixture");
        let list: Vec<Case> = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let stem = file
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        cases.extend(list.into_iter().map(|case| (stem.clone(), case)));
    }
    cases
}

pub(crate) fn run(case: &Case) -> Report {
    match case.op.as_str() {
        "field" => {
            let name = case.input["name"].as_str().expect("field name");
            let value = case.input["value"].as_str().expect("field value");
            let context: FieldContext =
                serde_json::from_value(case.input.get("context").cloned().unwrap_or(Value::Null))
                    .unwrap_or_default();
            validate::validate_field(name, value, &context).expect("known field")
        }
        "orderHistoryQuery" => {
            let query = case.input.as_str().expect("query string");
            validate::order_history_query_string(query)
                .err()
                .unwrap_or_default()
        }
        op => {
            let operation = Operation::from_name(op).expect("known operation");
            let context: Context = case
                .context
                .clone()
                .map(|value| serde_json::from_value(value).expect("context"))
                .unwrap_or_default();
            validate::run(operation, &case.input, &context)
        }
    }
}

fn outcome(report: &Report) -> Vec<Expected> {
    let mut found: Vec<Expected> = report
        .violations
        .iter()
        .map(|v| Expected {
            path: v.path.to_string(),
            code: v.code.as_str().to_owned(),
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_fixture_case_gets_exactly_its_expected_violations() {
    let cases = load_cases();
    assert!(
        cases.len() >= 300,
        "the suite needs at least 300 cases, has {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for (file, case) in &cases {
        let report = run(case);
        let mut expected = case.expect.violations.clone();
        expected.sort();
        let wants_valid = case.expect.valid == Some(true);
        assert!(
            wants_valid == expected.is_empty(),
            "{file}/{}: expect valid or violations",
            case.name
        );
        let found = outcome(&report);
        if found != expected {
            failures.push(format!(
                "{file}/{}:\n  expected {expected:?}\n  found    {found:?}\n{report}",
                case.name
            ));
        }
        for violation in &report.violations {
            assert!(
                !violation.message.is_empty(),
                "{file}/{}: empty message",
                case.name
            );
            for (name, _) in violation.params.iter() {
                assert!(
                    violation.code.params().contains(&name),
                    "{file}/{}: {} does not declare `{name}`",
                    case.name,
                    violation.code
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn fixture_names_are_unique_per_file() {
    let mut seen = std::collections::HashSet::new();
    for (file, case) in load_cases() {
        assert!(
            seen.insert(format!("{file}/{}", case.name)),
            "duplicate case {file}/{}",
            case.name
        );
    }
}
