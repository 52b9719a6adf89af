//! No input panics, and every validator answers in bounded time.
//!
//! Inputs are arbitrary JSON values placed where each operation expects its
//! fields, arbitrary Unicode for every field rule, and 1 MiB strings of the
//! shapes that make backtracking engines slow. The time bound is a hang detector
//! (seconds for a megabyte), not a benchmark.

use proptest::prelude::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use vipmp::validate::{self, Context, FieldContext, Operation, validate_field};

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Mostly real field names, so the walker goes deep.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "companyProfile",
            "companyName",
            "address",
            "contacts",
            "country",
            "region",
            "postalCode",
            "email",
            "firstName",
            "lastName",
            "lineItems",
            "quantity",
            "offerId",
            "extLineItemNumber",
            "orderType",
            "referenceOrderId",
            "benefits",
            "type",
            "commitmentRequest",
            "recommitmentRequest",
            "minimumQuantities",
            "offerType",
            "autoRenewal",
            "enabled",
            "renewalQuantity",
            "resellerId",
            "marketSegment",
            "marketSegments",
            "cancellingItems",
            "currencyCode",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_body_panics_any_validator(body in arbitrary_json()) {
        for operation in Operation::ALL {
            let report = validate::run(operation, &body, &Context::default());
            for violation in &report.violations {
                prop_assert!(!violation.message.is_empty());
            }
        }
    }

    #[test]
    fn no_text_panics_any_field_rule(value in "\\PC{0,300}", country in "[A-Z]{2}") {
        let context = FieldContext { country: Some(country) };
        for name in validate::FIELD_NAMES {
            validate_field(name, &value, &context).expect("known field");
        }
    }

    #[test]
    fn no_query_string_panics(query in "[a-z=&%0-9A-F:.T+-]{0,200}") {
        let _ = validate::order_history_query_string(&query);
    }
}

const MIB: usize = 1 << 20;

/// Strings of 1 MiB shaped to make a backtracking engine blow up: long runs of
/// a class that almost matches, then a character that fails at the very end.
fn adversarial_inputs() -> Vec<String> {
    vec![
        "a".repeat(MIB),
        format!("{}!", "a.".repeat(MIB / 2)),
        format!("{}@", "a".repeat(MIB)),
        format!("\"{}", "\\a".repeat(MIB / 2)),
        format!("x@{}", "a-".repeat(MIB / 2)),
        format!("{}x", "1".repeat(MIB)),
        "é".repeat(MIB / 2),
        "e\u{301}".repeat(MIB / 3),
        "<".repeat(MIB),
    ]
}

#[test]
fn megabyte_inputs_answer_in_bounded_time() {
    let context = FieldContext {
        country: Some("US".to_owned()),
    };
    for input in adversarial_inputs() {
        for name in validate::FIELD_NAMES {
            let started = Instant::now();
            let report = validate_field(name, &input, &context).expect("known field");
            let elapsed = started.elapsed();
            assert!(!report.is_valid(), "{name} accepted a 1 MiB value");
            assert!(
                elapsed < Duration::from_secs(5),
                "{name} took {elapsed:?} on a 1 MiB input"
            );
        }
    }
}

#[test]
fn megabyte_bodies_answer_in_bounded_time() {
    let long = "a".repeat(MIB);
    let body = json!({
        "resellerId": long, "externalReferenceId": long,
        "companyProfile": { "companyName": long, "preferredLanguage": long,
            "address": { "country": long, "region": long, "city": long, "addressLine1": long, "postalCode": long },
            "contacts": [{ "firstName": long, "lastName": long, "email": long }] },
        "orderType": long, "lineItems": [{ "offerId": long, "quantity": 1, "extLineItemNumber": 1 }],
    });
    for operation in Operation::ALL {
        let started = Instant::now();
        let report = validate::run(operation, &body, &Context::default());
        assert!(!report.is_valid(), "{operation:?}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{operation:?} took {:?}",
            started.elapsed()
        );
    }
}
