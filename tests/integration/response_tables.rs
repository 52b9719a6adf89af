//! Every row the response tables expose, compared with a checked-in snapshot.
//!
//! The error catalogue, the reason codes and the status table are generated
//! from `data/` (`cargo xtask codegen`). This test pins what the public API
//! answers for each of them — the rows, `describe_error` for every code, and
//! `status::meaning` for every resource and code — so that a change to the
//! data or the generator shows up as a diff of `response_tables.json`. After an
//! intended change, rewrite the snapshot with
//! `VIPMP_WRITE_SNAPSHOT=1 cargo test --test integration response_tables`.

use serde_json::{Value, json};
use vipmp::response::{self, ERRORS, REASONS, ResourceKind, reasons, status};

const SNAPSHOT: &str = "tests/integration/response_tables.json";

const KINDS: [ResourceKind; 5] = [
    ResourceKind::Reseller,
    ResourceKind::Customer,
    ResourceKind::Order,
    ResourceKind::Subscription,
    ResourceKind::Transfer,
];

fn status_table() -> Value {
    let codes = status::codes();
    let meanings: Vec<Value> = KINDS
        .iter()
        .flat_map(|&kind| {
            codes
                .iter()
                .chain(["1001", "9999"].iter())
                .map(move |code| json!([kind, code, status::meaning(kind, code)]))
        })
        .collect();
    json!({ "codes": codes, "meanings": meanings })
}

fn every_answer() -> Value {
    let descriptions: Vec<Value> = ERRORS
        .iter()
        .map(|entry| json!([entry.code, response::describe_error(entry.code)]))
        .collect();
    let lookups: Vec<Value> = REASONS
        .iter()
        .map(|r| {
            json!([
                r.error_code,
                r.reason,
                reasons::lookup_reason(r.error_code, r.reason)
            ])
        })
        .collect();
    json!({
        "errors": ERRORS,
        "reasons": REASONS,
        "describeError": descriptions,
        "describeUnknown": [response::describe_error("9999"), response::describe_error(" 1117 ")],
        "lookupReason": lookups,
        "status": status_table(),
    })
}

#[test]
fn response_tables_answer_what_the_snapshot_says() {
    let text = serde_json::to_string_pretty(&every_answer()).expect("serializable") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("VIPMP_WRITE_SNAPSHOT").is_some() {
        std::fs::write(&path, &text).expect("snapshot written");
    }
    let expected = std::fs::read_to_string(&path).expect("snapshot present");
    assert!(
        text == expected,
        "the response tables changed; diff {SNAPSHOT} after rewriting it (see the module doc)"
    );
}
