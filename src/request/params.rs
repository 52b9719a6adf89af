//! Path parameters: checked by the ID rules, then percent-encoded.
//!
//! Account-shaped IDs (`customerId`, `resellerId`, `orderId`) follow
//! ACCOUNT_ID_REGEX, `subscriptionId` its 1–40 alphanumerics and `membershipId`
//! the VIP membership rule (FACTS.md §2.1–2.2, see [`crate::field`]). Adobe
//! publishes no pattern for transfer, deployment and linked-membership IDs:
//! those must only be present. Every value is percent-encoded, so no ID can
//! change the endpoint called ([`super::encode`]).

use super::Endpoint;
use super::encode::encode;
use crate::field::{account_id, membership_id, subscription_id};
use crate::report::{Code, Finding, Path, Report};
use serde_json::{Map, Value};

/// The findings of the rule for a parameter name.
fn check(name: &str, value: &str) -> Vec<Finding> {
    match name {
        "customerId" | "resellerId" | "orderId" => account_id::check(value),
        "subscriptionId" => subscription_id::check(value),
        "membershipId" => membership_id::check(value),
        _ if value.is_empty() => vec![Finding::new(Code::FieldRequired)],
        _ => Vec::new(),
    }
}

/// The value of one parameter, filing a violation when it is missing or not text.
fn value_of<'a>(params: &'a Map<String, Value>, name: &str, report: &mut Report) -> &'a str {
    let path = Path::root().key("params").key(name);
    match params.get(name) {
        Some(Value::String(text)) => {
            report.add_all(&path, check(name, text));
            text
        }
        None | Some(Value::Null) => {
            report.add(&path, Finding::new(Code::FieldRequired));
            ""
        }
        Some(_) => {
            report.add(
                &path,
                Finding::new(Code::TypeInvalid).with("expected", "text"),
            );
            ""
        }
    }
}

/// The endpoint's path with its parameters filled in and encoded.
pub(crate) fn path(endpoint: Endpoint, params: &Map<String, Value>, report: &mut Report) -> String {
    let names = endpoint.parameters();
    for name in params.keys().filter(|name| !names.contains(&name.as_str())) {
        report.add(
            &Path::root().key("params").key(name),
            Finding::new(Code::FieldUnknown).with("field", name.as_str()),
        );
    }
    endpoint
        .template()
        .split('/')
        .map(
            |part| match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) => encode(value_of(params, name, report)),
                None => part.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn built(endpoint: Endpoint, params: &Value) -> (String, Vec<String>) {
        let mut report = Report::new();
        let params = params.as_object().cloned().unwrap_or_default();
        let path = path(endpoint, &params, &mut report);
        let found = report
            .violations
            .iter()
            .map(|v| format!("{} {}", v.path, v.code))
            .collect();
        (path, found)
    }

    #[test]
    fn fills_the_template() {
        let (path, found) = built(
            Endpoint::GetOrder,
            &json!({ "customerId": "9876543210", "orderId": "0123456789" }),
        );
        assert_eq!(path, "/v3/customers/9876543210/orders/0123456789");
        assert!(found.is_empty());
    }

    #[test]
    fn refuses_ids_that_break_the_rules() {
        let (_, found) = built(
            Endpoint::GetOrder,
            &json!({ "customerId": "98/../76", "orderId": 5 }),
        );
        assert_eq!(
            found,
            [
                "params.customerId id.invalid_format",
                "params.orderId type.invalid"
            ]
        );
    }

    #[test]
    fn missing_and_unknown_parameters() {
        let (_, found) = built(Endpoint::GetCustomer, &json!({ "customer": "9876543210" }));
        assert_eq!(
            found,
            [
                "params.customer field.unknown",
                "params.customerId field.required"
            ]
        );
    }

    #[test]
    fn ids_without_a_published_rule_are_encoded() {
        let (path, found) = built(
            Endpoint::GetResellerChange,
            &json!({ "transferId": "a/b c" }),
        );
        assert_eq!(path, "/v3/transfers/a%2Fb%20c");
        assert!(found.is_empty());
    }
}
