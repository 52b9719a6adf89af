//! The README's first command: validate the spec's example bodies, then a few
//! broken ones, and print each report the way a shopper would read it.

use serde_json::{Value, json};
use vipmp::validate::{self, Context, FieldContext, Operation};

fn main() {
    println!(
        "vipmp {} — the Partner API's rules, checked before the request leaves the browser\n",
        env!("CARGO_PKG_VERSION")
    );
    for (title, operation, body) in examples() {
        print_report(title, operation, &body);
    }
    print_field("postalCode", "9511", "US");
    print_field("postalCode", "k1a0b1", "CA");
    print_field("region", "US-CA", "US");
    print_field("country", "AX", "");
}

fn examples() -> Vec<(&'static str, Operation, Value)> {
    let spec = |name: &str| -> Value {
        let path = format!(
            "{}/tests/fixtures/spec/requests/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).expect("spec example")).expect("json")
    };
    vec![
        (
            "Spec example: create reseller",
            Operation::CreateReseller,
            spec("create-reseller"),
        ),
        (
            "Spec example: create customer",
            Operation::CreateCustomer,
            spec("create-customer"),
        ),
        (
            "Spec example: create order (NEW)",
            Operation::CreateOrder,
            spec("create-order-new"),
        ),
        (
            "Spec example: reseller change preview",
            Operation::ResellerChange,
            spec("reseller-change-preview"),
        ),
        (
            "Broken: a customer typed in a hurry",
            Operation::CreateCustomer,
            broken_customer(),
        ),
        (
            "Broken: an order with two line 1s",
            Operation::CreateOrder,
            broken_order(),
        ),
    ]
}

fn broken_customer() -> Value {
    json!({
        "resellerId": "5556667778",
        "companyProfile": {
            "companyName": "Acme <Tools> & Co",
            "preferredLanguage": "en_us",
            "marketSegment": "EDUCATION",
            "address": { "country": "US", "region": "US-CA", "city": "San Jose",
                         "addressLine1": "200 Fairmont Ave", "postalCode": "9511" },
            "contacts": [{ "firstName": "Mickey", "lastName": "Mouse (CEO)", "email": "mickey@mouse" }]
        }
    })
}

fn broken_order() -> Value {
    json!({
        "orderType": "NEW",
        "currencyCode": "usd",
        "externalReferenceId": "PO-2026-000000000000000000000000000042",
        "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 0 },
            { "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": "3" }
        ]
    })
}

fn print_report(title: &str, operation: Operation, body: &Value) {
    let report = validate::run(operation, body, &Context::default());
    println!("── {title} ({})", operation.name());
    if report.is_valid() {
        println!("   ✓ valid\n");
        return;
    }
    for violation in &report.violations {
        println!(
            "   ✗ {:<40} {}",
            violation.path.to_string(),
            violation.message
        );
        println!("     {:<40} [{}]", "", violation.code);
    }
    println!();
}

fn print_field(name: &str, value: &str, country: &str) {
    let context = FieldContext {
        country: (!country.is_empty()).then(|| country.to_owned()),
    };
    let report = validate::validate_field(name, value, &context).expect("known field");
    let verdict = report
        .violations
        .first()
        .map_or_else(|| "✓ valid".to_owned(), |v| format!("✗ {}", v.message));
    println!(
        "── as you type: {name} = {value:?} {}\n   {verdict}\n",
        if country.is_empty() {
            String::new()
        } else {
            format!("(country {country})")
        }
    );
}
