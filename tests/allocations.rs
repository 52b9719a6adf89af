//! A valid answer costs nothing: checking a value the user typed right, or a
//! whole valid body already read, allocates no memory at all once each rule
//! has built its matcher (no violation,
//! no path, no message). A form calls `validateField` on every keystroke, so
//! an allocation there is paid thousands of times per page.
//!
//! Its own test binary, because `allocation-counter` installs a counting
//! global allocator; its count is per thread, so the harness's other threads
//! do not disturb it.

use vipmp::input::{Arena, Json};
use vipmp::validate::{self, Context, FIELD_NAMES, FieldContext, Operation};

/// How many allocations `run` made on this thread, and its answer.
fn allocations_of<T>(run: impl FnOnce() -> T) -> (u64, T) {
    let mut answer = None;
    let info = allocation_counter::measure(|| answer = Some(run()));
    (info.count_total, answer.expect("the closure ran"))
}

/// A value each field rule accepts, with the country its rule needs.
fn valid_value(name: &str) -> (&'static str, Option<&'static str>) {
    match name {
        "companyName" => ("Acme Tools (Europe) & Co.", None),
        "firstName" | "lastName" => ("Anne-Marie", None),
        "email" | "requestedBy" => ("anne@example.com", None),
        "phoneNumber" | "contactPhoneNumber" => ("+1 408-536-6000", None),
        "city" => ("San Jose", None),
        "country" => ("US", None),
        "region" => ("CA", Some("US")),
        "postalCode" => ("95110-2704", Some("US")),
        "preferredLanguage" => ("en-US", None),
        "marketSegment" => ("COM", None),
        "currencyCode" => ("USD", None),
        "cotermDate" => ("2027-03-31", None),
        "offerId" => ("65304479CA01A12", None),
        "subscriptionId" => ("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5NA", None),
        "membershipId" => ("12345678", None),
        "approvalCode" => ("1234567", None),
        _ => ("1234567890", None),
    }
}

#[test]
fn a_valid_field_value_allocates_nothing() {
    for name in FIELD_NAMES {
        let (value, country) = valid_value(name);
        let context = FieldContext {
            country: country.map(str::to_owned),
        };
        // The first check may build a rule's matcher once (`OnceLock`).
        let first = validate::validate_field(name, value, &context).expect("a known field");
        assert!(first.is_valid(), "{name} = {value:?}: {first}");
        let (allocations, report) = allocations_of(|| {
            validate::validate_field(name, value, &context).expect("a known field")
        });
        assert!(report.is_valid(), "{name} = {value:?}: {report}");
        assert_eq!(allocations, 0, "{name} = {value:?} allocated");
    }
}

#[test]
fn a_wrong_field_value_is_still_reported() {
    // The counting above must not hide a rule that stopped checking.
    let context = FieldContext {
        country: Some("US".to_owned()),
    };
    let (allocations, report) = allocations_of(|| {
        validate::validate_field("postalCode", "9511", &context).expect("a known field")
    });
    assert_eq!(report.codes(), ["postal_code.invalid_format"]);
    assert!(allocations > 0, "a violation's path and message are built");
}

/// The spec's example bodies, each with the operation that sends it.
const VALID_BODIES: &[(Operation, &str)] = &[
    (Operation::CreateReseller, "create-reseller.json"),
    (Operation::CreateCustomer, "create-customer.json"),
    (Operation::UpdateCustomer, "update-customer.json"),
    (Operation::UpdateSubscription, "update-subscription.json"),
];

#[test]
fn a_valid_body_already_read_allocates_nothing() {
    for (operation, file) in VALID_BODIES {
        let path = format!(
            "{}/tests/fixtures/spec/requests/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).expect("the spec's example body");
        let arena = Arena::new();
        let body = Json::parse(&text, &arena).expect("JSON");
        let context = Context::default();
        let first = validate::run_json(*operation, &body, &context);
        assert!(first.is_valid(), "{file}: {first}");
        let (allocations, report) =
            allocations_of(|| validate::run_json(*operation, &body, &context));
        assert!(report.is_valid(), "{file}: {report}");
        assert_eq!(allocations, 0, "{file} allocated");
    }
}

/// A NEW order of `count` lines, as the benchmarks build it.
fn order_text(count: usize) -> String {
    const OFFERS: [&str; 4] = [
        "65304479CA01A12",
        "80004567EA01A12",
        "65322651CA01A12",
        "30006208CA01A12",
    ];
    let lines: Vec<String> = (0..count)
        .map(|i| {
            let offer = OFFERS[i % OFFERS.len()];
            let quantity = 1 + i % 50;
            format!(
                r#"{{"extLineItemNumber":{},"offerId":"{offer}","quantity":{quantity}}}"#,
                i + 1
            )
        })
        .collect();
    format!(
        r#"{{"orderType":"NEW","externalReferenceId":"759","currencyCode":"USD","lineItems":[{}]}}"#,
        lines.join(",")
    )
}

#[test]
fn a_valid_order_allocates_once_whatever_its_lines() {
    // One allocation: the list of the lines' facts that the rules across
    // lines read (sized once); nothing per line.
    for count in [1, 100, 499] {
        let text = order_text(count);
        let arena = Arena::new();
        let body = Json::parse(&text, &arena).expect("JSON");
        let context = Context::default();
        let first = validate::run_json(Operation::CreateOrder, &body, &context);
        assert!(first.is_valid(), "{count} lines: {first}");
        let (allocations, report) =
            allocations_of(|| validate::run_json(Operation::CreateOrder, &body, &context));
        assert!(report.is_valid(), "{count} lines: {report}");
        assert_eq!(allocations, 1, "{count} lines");
    }
}
