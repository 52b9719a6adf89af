//! The package's writer (`ToJson`) against serde_json's.
//!
//! The wasm writes its answers with `vipmp::output::ToJson`; Rust callers
//! serialize with serde. Both read the same `#[serde]` attributes, and these
//! tests hold them to the same bytes on every answer the fixtures produce:
//! each fixture case's result, each spec request built and addressed, each
//! spec response parsed as every endpoint and status, the country, locale and
//! error tables, offer IDs, discount levels, quotes and basket checks.

use crate::fixtures::{load_cases, run};
use crate::pricing::{line, list, sample_basket};
use crate::requests::{fixtures, input, request_for, response_for};
use serde::Serialize;
use serde_json::{Value, json};
use vipmp::basket::{BasketContext, check_basket};
use vipmp::output::{ToJson, to_json_string};
use vipmp::pricing::{LevelInput, discount_level, offer_id::parse_answer};
use vipmp::quote::{quote, quote_json};
use vipmp::report::ValidationResult;
use vipmp::request::{self, AddressResult, BuildResult, Endpoint};
use vipmp::response::{self, ERRORS};
use vipmp::{country, locale};

/// Both writers' text of `value`; a difference fails with both.
fn same<T: Serialize + ToJson + ?Sized>(value: &T, what: &str) {
    let serde = serde_json::to_string(value).expect("serializable");
    let ours = to_json_string(value);
    assert!(ours == serde, "{what}:\n  serde: {serde}\n  ours:  {ours}");
}

#[test]
fn every_fixture_result_is_written_the_same() {
    let mut count = 0;
    for (file, case) in load_cases() {
        same(
            &ValidationResult::from(run(&case)),
            &format!("{file}: {}", case.name),
        );
        count += 1;
    }
    assert!(count >= 600, "only {count} cases");
}

#[test]
fn every_spec_request_is_built_and_addressed_the_same() {
    for (stem, body) in fixtures("requests") {
        let (endpoint, params) = request_for(&stem);
        for body in [Some(body.clone()), Some(json!({})), Some(json!([1])), None] {
            let built = input(&params, body);
            same(&BuildResult::from(request::build(endpoint, &built)), &stem);
            let address = request::address(endpoint, &built.address_input());
            same(&AddressResult::from(address), &stem);
        }
    }
    for &endpoint in Endpoint::ALL {
        let built = input(
            &json!({"customerId": "1005", "orderId": "x y"}),
            Some(json!({})),
        );
        same(
            &BuildResult::from(request::build(endpoint, &built)),
            endpoint.name(),
        );
    }
}

#[test]
fn every_spec_response_is_parsed_the_same_as_every_endpoint() {
    let mut bodies: Vec<String> = fixtures("responses")
        .iter()
        .map(|(_, body)| body.to_string())
        .collect();
    bodies.extend(["", "pong", "not json", "[1,2]", "{\"code\":1117}", "null"].map(String::from));
    for (stem, body) in fixtures("responses") {
        let (endpoint, status, _) = response_for(&stem);
        same(&response::parse(endpoint, status, &body.to_string()), &stem);
    }
    for body in &bodies {
        for &endpoint in Endpoint::ALL {
            for status in [200, 202, 400, 404, 500] {
                same(&response::parse(endpoint, status, body), endpoint.name());
            }
        }
    }
}

#[test]
fn the_tables_are_written_the_same() {
    same(&country::countries(), "countries");
    for info in country::countries() {
        same(&country::regions(info.code), info.code);
    }
    same(&country::regions("??"), "unknown country");
    same(&locale::all(), "locales");
    for entry in ERRORS {
        same(&response::describe_error(entry.code), entry.code);
    }
    same(&response::describe_error("9999"), "unknown code");
    for id in [
        "65304479CA01A12",
        "65304479CA01A12-x",
        "",
        "6530447",
        "30006208CAT1A12",
        "日本",
    ] {
        same(&parse_answer(id), id);
    }
}

#[test]
fn levels_quotes_and_basket_checks_are_written_the_same() {
    let inputs: Vec<Value> = vec![
        json!({"marketSegment": "COM", "licences": 12}),
        json!({"marketSegment": "EDU", "licences": 3, "consumables": 2000}),
        json!({"marketSegment": "GOV", "lga": true, "licences": 100}),
        json!({}),
    ];
    for value in &inputs {
        if let Ok(input) = serde_json::from_value::<LevelInput>(value.clone()) {
            same(&discount_level(&input), &value.to_string());
        }
    }
    let (valid, context) = sample_basket();
    let mut basket = valid.clone();
    basket.lines.push(line("65000004CA01A12-bad".into(), 0));
    let prices = list();
    same(&quote(&valid, &prices, &context), "valid quote");
    same(&quote(&basket, &prices, &context), "quote");
    same(
        &quote_json(&json!({"lines": 3}), &prices, &context),
        "rejected quote",
    );
    same(
        &check_basket(&basket, &BasketContext::default(), Some(&prices)),
        "basket check",
    );
    same(
        &check_basket(&basket, &BasketContext::default(), None),
        "basket check without prices",
    );
}
