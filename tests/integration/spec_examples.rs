//! Every request body printed in the spec validates clean.

use crate::fuzz_regressions::entry::SPEC_REQUESTS;
use crate::requests::fixtures;
use vipmp::validate::{self, Context, Operation};

/// The operation of a request example, by its file name's prefix.
fn operation_for(stem: &str) -> Operation {
    SPEC_REQUESTS
        .iter()
        .find(|(prefix, _)| stem.starts_with(prefix))
        .map(|&(_, operation)| operation)
        .unwrap_or_else(|| panic!("no operation for {stem}"))
}

#[test]
fn every_spec_request_example_is_valid() {
    let mut count = 0;
    for (stem, body) in fixtures("requests") {
        let report = validate::run(operation_for(&stem), &body, &Context::default());
        assert!(report.is_valid(), "{stem}:\n{report}");
        count += 1;
    }
    assert_eq!(count, 15, "every printed request example is checked");
}

#[test]
fn spec_query_example_is_valid() {
    let query = validate::order_history_query_string("status=1000&status=1002").expect("valid");
    assert_eq!(query.statuses, ["1000", "1002"]);
}
