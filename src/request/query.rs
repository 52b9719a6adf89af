//! Query parameters: read from the caller's JSON, checked, put in wire order.
//!
//! Repeatable parameters are sent once per value (`status=1000&status=1002`), as
//! the reference's Get Order History section prescribes ("can be included
//! multiple times … will OR the values"); FACTS.md §1.2 lists the parameters of
//! the newer endpoints. Violations sit at `query.<name>` (with an index for a
//! repeated one), so a caller can tell them from body violations.

use super::endpoint::{PAGE_LIMIT_MAX, QueryKind, QueryRule};
use crate::report::{Code, Finding, Path, Report};
use crate::validate::{self, RECOMMENDATION_LANGUAGES};
use serde_json::Value;

/// Reads the caller's query: an object of values or arrays of values, or a
/// query string. Numbers and booleans are written as JSON writes them;
/// anything else is an empty query. (Public as `request::query_pairs`: the
/// npm package's `validateOrderHistoryQuery` reads its argument with it.)
pub fn pairs_of(query: &Value) -> Vec<(String, String)> {
    match query {
        Value::String(text) => validate::parse_query_string(text),
        Value::Object(map) => map
            .iter()
            .flat_map(|(name, value)| values_of(value).into_iter().map(move |v| (name.clone(), v)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The values of one parameter.
fn values_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(values_of).collect(),
        Value::String(text) => vec![text.clone()],
        Value::Null => Vec::new(),
        // As serde_json writes it, through the writer the package links.
        other => vec![crate::output::to_json_string(other)],
    }
}

/// Whether the caller's query has a shape [`pairs_of`] reads.
pub(crate) fn check_shape(query: &Value, report: &mut Report) {
    if !has_query_shape(query) {
        report.add(&Path::root().key("query"), wrong_shape());
    }
}

/// The Get Order History query of the caller's JSON, as the package's
/// `validateOrderHistoryQuery` takes it: a query string or an object of
/// parameters, `null` for none. A number, a boolean or a list is
/// `type.invalid` at the root: read as an empty query, it would pass.
/// (Public as `request::order_history_query_of`.)
pub fn order_history_of(query: &Value) -> Result<validate::OrderHistoryQuery, Report> {
    if !has_query_shape(query) {
        let mut report = Report::new();
        report.add(&Path::root(), wrong_shape());
        return Err(report);
    }
    validate::order_history_query(&pairs_of(query))
}

fn has_query_shape(query: &Value) -> bool {
    matches!(query, Value::Null | Value::String(_) | Value::Object(_))
}

fn wrong_shape() -> Finding {
    Finding::new(Code::TypeInvalid).with("expected", "an object of parameters or a query string")
}

/// The violations of an endpoint's query parameters alone, each at
/// `query.<name>`: for a server that receives them as pairs (the sandbox),
/// without a body to check or a JSON round trip. (Public as
/// `request::check_query`.)
pub fn check_pairs(endpoint: super::Endpoint, pairs: &[(String, String)]) -> Report {
    let mut report = Report::new();
    check(endpoint.query(), pairs, &mut report);
    report
}

/// Checks the pairs against the endpoint's rule, filing violations.
pub(crate) fn check(rule: QueryRule, pairs: &[(String, String)], report: &mut Report) {
    match rule {
        QueryRule::OrderHistory => {
            if let Err(found) = validate::order_history_query(pairs) {
                refile(&found, report);
            }
        }
        QueryRule::List(allowed) => {
            let mut seen: Vec<&str> = Vec::new();
            for (name, value) in pairs {
                let count = seen.iter().filter(|n| **n == name).count();
                seen.push(name);
                check_one(allowed, name, value, count, report);
            }
        }
    }
}

/// Checks one parameter; `count` is how many times the name came before.
fn check_one(
    allowed: &[(&str, QueryKind)],
    name: &str,
    value: &str,
    count: usize,
    report: &mut Report,
) {
    let base = Path::root().key("query").key(name);
    let Some(&(_, kind)) = allowed.iter().find(|(known, _)| *known == name) else {
        report.add(
            &base,
            Finding::new(Code::QueryUnknownParameter).with("name", name),
        );
        return;
    };
    if kind != QueryKind::Many && count > 0 {
        report.add(
            &base,
            Finding::new(Code::QueryNotRepeatable).with("name", name),
        );
        return;
    }
    let path = if kind == QueryKind::Many {
        base.index(count)
    } else {
        base
    };
    if let Some(finding) = check_value(kind, value) {
        report.add(&path, finding);
    }
}

/// The problem with one value of a parameter of this kind, if any.
fn check_value(kind: QueryKind, value: &str) -> Option<Finding> {
    match kind {
        QueryKind::Bool if value != "true" && value != "false" => {
            Some(Finding::new(Code::EnumInvalid).with("allowed", "true or false"))
        }
        QueryKind::Number | QueryKind::PageLimit if !is_digits(value) => {
            Some(Finding::new(Code::NumberNotInteger))
        }
        QueryKind::PageLimit => page_limit(value),
        QueryKind::Country => crate::field::country::check(value).err(),
        QueryKind::RecommendationLanguage if !RECOMMENDATION_LANGUAGES.contains(&value) => Some(
            Finding::new(Code::EnumInvalid).with("allowed", RECOMMENDATION_LANGUAGES.join(", ")),
        ),
        QueryKind::Text | QueryKind::Many if value.is_empty() => {
            Some(Finding::new(Code::FieldRequired))
        }
        _ => None,
    }
}

/// Whether the value is a whole number written in ASCII digits.
fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// `number.out_of_range` for a page size outside 1–[`PAGE_LIMIT_MAX`] (FACTS.md
/// §1.2: the reseller and customer lists' `limit(1–50)`, the flex-discount
/// list's `limit(≤50)`). Digits too many for a `u32` are out of range too.
fn page_limit(digits: &str) -> Option<Finding> {
    let inside = digits
        .parse::<u32>()
        .is_ok_and(|limit| (1..=PAGE_LIMIT_MAX).contains(&limit));
    (!inside).then(|| {
        Finding::new(Code::NumberOutOfRange)
            .with("min", 1_i64)
            .with("max", i64::from(PAGE_LIMIT_MAX))
    })
}

/// Moves the order-history validator's violations under `query.`.
fn refile(found: &Report, report: &mut Report) {
    for violation in &found.violations {
        let path = Path::root().key("query").then(&violation.path);
        report.add(
            &path,
            Finding {
                code: violation.code,
                params: violation.params.clone(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Endpoint;
    use serde_json::json;

    #[test]
    fn an_order_history_query_of_another_shape_is_refused_not_empty() {
        for wrong in [json!(5), json!(true), json!(["status=1000"]), json!(1.5)] {
            let report = order_history_of(&wrong).expect_err("refused");
            let [violation] = report.violations.as_slice() else {
                panic!("one violation for {wrong}: {:?}", report.violations);
            };
            assert_eq!(violation.path.to_string(), "");
            assert_eq!(violation.code, Code::TypeInvalid);
        }
        for none in [json!(null), json!(""), json!({})] {
            assert!(order_history_of(&none).is_ok(), "{none}");
        }
        let query =
            order_history_of(&json!({"status": ["1000", "1002"], "limit": 3})).expect("a query");
        assert_eq!(query.limit, 3);
        let string = order_history_of(&json!("status=1000&limit=3")).expect("a query string");
        assert_eq!(string.limit, 3);
        assert!(order_history_of(&json!({"limit": "many"})).is_err());
    }

    fn found(endpoint: Endpoint, query: &Value) -> Vec<String> {
        let mut report = Report::new();
        check(endpoint.query(), &pairs_of(query), &mut report);
        report
            .violations
            .iter()
            .map(|v| format!("{} {}", v.path, v.code))
            .collect()
    }

    #[test]
    fn arrays_become_repeated_pairs() {
        let pairs = pairs_of(&json!({ "status": ["1000", "1002"], "limit": 3 }));
        assert_eq!(
            pairs,
            [
                ("status".into(), "1000".into()),
                ("status".into(), "1002".into()),
                ("limit".into(), "3".into())
            ]
        );
    }

    #[test]
    fn a_query_string_is_read_too() {
        let pairs = pairs_of(&json!("?ignore-order-return=true&expire-open-pas=false"));
        assert_eq!(pairs.len(), 2);
        assert!(found(Endpoint::PreviewOffers, &json!("ignore-order-return=true")).is_empty());
    }

    #[test]
    fn flags_must_be_true_or_false() {
        assert_eq!(
            found(Endpoint::VipTransfer, &json!({ "expire-open-pas": "yes" })),
            ["query.expire-open-pas enum.invalid"]
        );
    }

    #[test]
    fn recommendations_name_a_country_and_en_or_mult() {
        let asked = json!({ "fetch-recommendations": "true", "recommendation-country": "US",
            "recommendation-language": "MULT" });
        for endpoint in [
            Endpoint::GetOrder,
            Endpoint::GetSubscription,
            Endpoint::CreateOrder,
        ] {
            assert!(found(endpoint, &asked).is_empty(), "{}", endpoint.name());
        }
        let wrong = json!({ "recommendation-country": "usa", "recommendation-language": "en" });
        assert_eq!(
            found(Endpoint::ListSubscriptions, &wrong),
            [
                "query.recommendation-country country.invalid_format",
                "query.recommendation-language enum.invalid"
            ]
        );
    }

    #[test]
    fn unknown_and_repeated_single_parameters() {
        assert_eq!(
            found(
                Endpoint::PreviewOffers,
                &json!("ignore-order-return=true&ignore-order-return=false&x=1")
            ),
            [
                "query.ignore-order-return query.not_repeatable",
                "query.x query.unknown_parameter"
            ]
        );
    }

    #[test]
    fn order_history_is_checked_by_its_validator() {
        assert!(
            found(
                Endpoint::GetOrderHistory,
                &json!({ "status": ["1000", "1002"], "limit": "3" })
            )
            .is_empty()
        );
        assert_eq!(
            found(
                Endpoint::GetOrderHistory,
                &json!({ "status": ["1000", "9"] })
            ),
            ["query.status[1] enum.invalid"]
        );
    }

    #[test]
    fn numbers_are_digits() {
        assert_eq!(
            found(Endpoint::ListFlexDiscounts, &json!({ "limit": "-1" })),
            ["query.limit number.not_integer"]
        );
    }

    #[test]
    fn list_pages_hold_1_to_50() {
        for endpoint in [
            Endpoint::ListResellers,
            Endpoint::ListResellerCustomers,
            Endpoint::ListFlexDiscounts,
        ] {
            for limit in ["1", "50", "050"] {
                let query = json!({ "limit": limit, "offset": "0" });
                assert!(found(endpoint, &query).is_empty(), "{endpoint:?} {limit}");
            }
            for limit in ["0", "51", "99999999999999999999"] {
                assert_eq!(
                    found(endpoint, &json!({ "limit": limit })),
                    ["query.limit number.out_of_range"],
                    "{endpoint:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn other_pages_keep_any_whole_number() {
        let query = json!({ "limit": "500", "offset": "5000" });
        assert!(found(Endpoint::ListCustomerFlexDiscounts, &query).is_empty());
        assert!(found(Endpoint::ListResellers, &json!({ "offset": "5000" })).is_empty());
    }
}
