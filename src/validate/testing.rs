//! What the validators' unit tests share: one valid request per resource,
//! edits of it at a JSON pointer, and the `(path, code)` pairs a run files.
//!
//! A rule's edge is pinned beside the rule as "this body, this context, exactly
//! these violations", so each test changes one thing in a body known to be valid
//! and names the path and the code it expects, in the order they are filed.

use super::{Context, Operation, run};
use serde_json::{Value, json};

/// What a run filed, as `(path, code)` in order.
pub(super) fn found(
    operation: Operation,
    body: &Value,
    context: &Context,
) -> Vec<(String, String)> {
    run(operation, body, context)
        .violations
        .iter()
        .map(|violation| {
            (
                violation.path.to_string(),
                violation.code.as_str().to_owned(),
            )
        })
        .collect()
}

/// Asserts that a run files exactly `expected` (`(path, code)`, in order).
#[track_caller]
pub(super) fn expect(
    operation: Operation,
    body: &Value,
    context: &Context,
    expected: &[(&str, &str)],
) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|&(path, code)| (path.to_owned(), code.to_owned()))
        .collect();
    assert_eq!(found(operation, body, context), expected);
}

/// Asserts that a run files nothing.
#[track_caller]
pub(super) fn valid(operation: Operation, body: &Value, context: &Context) {
    expect(operation, body, context, &[]);
}

/// A context read from JSON, as the package receives it.
pub(super) fn context(value: Value) -> Context {
    serde_json::from_value(value).expect("a context")
}

/// `body` with the value at `pointer` (`/companyProfile/address/city`) set,
/// adding the last key to its object when it is missing.
pub(super) fn with(mut body: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    match body.pointer_mut(parent).expect("the parent exists") {
        Value::Object(members) => {
            members.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        other => panic!("{parent} is {other}, not a container"),
    }
    body
}

/// `body` without the member at `pointer`.
pub(super) fn without(mut body: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    let members = body
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("the parent is an object");
    members.remove(key).expect("the member exists");
    body
}

/// `n` letters: a text exactly at (or one past) a length limit.
pub(super) fn letters(n: usize) -> String {
    "a".repeat(n)
}

/// A valid company profile with `segments` (`marketSegment` or `marketSegments`).
fn profile(segments: (&str, Value)) -> Value {
    let mut profile = json!({
        "companyName": "Fairmont",
        "preferredLanguage": "en-US",
        "address": {
            "country": "US",
            "region": "CA",
            "city": "San Jose",
            "addressLine1": "200 Fairmont Ave",
            "addressLine2": "Apt 123",
            "postalCode": "95110-1234",
            "phoneNumber": "800-123-4567"
        },
        "contacts": [{
            "firstName": "Donald",
            "lastName": "Duck",
            "email": "donald@duck.com",
            "phoneNumber": "408-123-4567"
        }]
    });
    profile[segments.0] = segments.1;
    profile
}

/// A valid Create Reseller body selling into COM and EDU.
pub(super) fn reseller() -> Value {
    json!({
        "distributorId": "345434543",
        "externalReferenceId": "888",
        "companyProfile": profile(("marketSegments", json!(["COM", "EDU"])))
    })
}

/// A valid Create Customer body of a COM customer in the US.
pub(super) fn customer() -> Value {
    json!({
        "resellerId": "5556667778",
        "externalReferenceId": "342",
        "companyProfile": profile(("marketSegment", json!("COM")))
    })
}

/// A valid Update Customer body: [`customer`] without what only create takes.
pub(super) fn customer_update() -> Value {
    without(customer(), "/resellerId")
}
