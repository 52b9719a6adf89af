//! The request bodies the core's benchmarks and profiling runs validate,
//! shared by `benches/core.rs` and `examples/hot_path.rs` (each includes this
//! file with `#[path]`) so that a profile and a benchmark measure the same work.

use serde_json::{Value, json};

/// The spec's create-customer example, as the storefront sends it.
pub(crate) fn customer_body() -> Value {
    let text = include_str!("../../tests/fixtures/spec/requests/create-customer.json");
    serde_json::from_str(text).expect("spec example is JSON")
}

/// The spec's example with two mistakes: a bad email and an unknown country.
pub(crate) fn invalid_customer_body() -> Value {
    let mut body = customer_body();
    body["companyProfile"]["contacts"][0]["email"] = json!("not-an-email");
    body["companyProfile"]["address"]["country"] = json!("XX");
    body
}

/// A NEW order of `lines` lines (499 is the limit), every line valid.
pub(crate) fn order_body(lines: u32) -> Value {
    let line_items: Vec<Value> = (0..lines)
        .map(|n| {
            json!({
                "extLineItemNumber": n + 1,
                "offerId": format!("{:08}CA01A12", 65_000_000 + n),
                "quantity": 1 + n % 40,
            })
        })
        .collect();
    json!({
        "orderType": "NEW",
        "externalReferenceId": "cart-499",
        "currencyCode": "USD",
        "lineItems": line_items,
    })
}

/// The npm package bench's invalid order: 100 lines with four violations
/// (currency `usd`, an offer ID with a hyphen, quantity 0, a repeated line
/// number).
pub(crate) fn invalid_order_body() -> Value {
    let mut body = order_body(100);
    body["currencyCode"] = json!("usd");
    body["lineItems"][10]["offerId"] = json!("65304479-CA01A12");
    body["lineItems"][20]["quantity"] = json!(0);
    body["lineItems"][30]["extLineItemNumber"] = json!(1);
    body
}
