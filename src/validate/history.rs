//! Get Order History query parameters.
//!
//! Source: Partner API reference (Feb 2024), "Get Order History for Customer":
//! `order-type`, `status` and `offer-id` may repeat (values are OR-ed); dates are
//! `YYYY-MM-DD` (midnight UTC) or ISO-8601 in Zulu time; `limit` defaults to 25
//! and a value above 100 is treated as 100; `offset` starts at 0. Adobe answers
//! 1132 for an invalid value and 1133 for an offset out of range.
//!
//! Added since (FACTS.md §1.2): `fetch-price=true` on `GET .../orders`
//! (2026-03-23) and `fetch-recommendations=true` with
//! `recommendation-country` and `recommendation-language` on "GET orders"
//! (2025-05-09); each flag is `true` or `false`, the language `EN` or `MULT`
//! (FACTS.md §2.5: the Recommendations API's own language field), the country
//! an ISO code.

use super::RECOMMENDATION_LANGUAGES;
use crate::date::Timestamp;
use crate::field::{account_id, offer_id};
use crate::report::{Code, Finding, Path, Report};
use crate::resource::OrderType;

/// Page size when none is given.
const DEFAULT_LIMIT: u32 = 25;
/// The largest page of the order history Adobe serves.
pub const HISTORY_LIMIT_MAX: u32 = 100;
/// Order status codes (Status Codes & Error Handling; FACTS.md §1.2).
const ORDER_STATUSES: &[&str] = &[
    "1000", "1002", "1004", "1008", "1020", "1022", "1024", "1026",
];
const REPEATABLE: &[&str] = &["order-type", "status", "offer-id"];
const SINGLE: &[&str] = &[
    "fetch-price",
    "fetch-recommendations",
    "recommendation-country",
    "recommendation-language",
    "reseller-id",
    "reference-order-id",
    "start-date",
    "end-date",
    "limit",
    "offset",
];

/// A validated order-history query, ready to be put back on a URL.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderHistoryQuery {
    /// `order-type` values (OR-ed).
    pub order_types: Vec<OrderType>,
    /// `reseller-id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reseller_id: Option<String>,
    /// `status` values (OR-ed).
    pub statuses: Vec<String>,
    /// `reference-order-id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_order_id: Option<String>,
    /// `offer-id` values (OR-ed).
    pub offer_ids: Vec<String>,
    /// `start-date`; a plain date is midnight UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string", optional))]
    pub start_date: Option<Timestamp>,
    /// `end-date`; a plain date is midnight UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string", optional))]
    pub end_date: Option<Timestamp>,
    /// Page size, 1–100 (a larger request is clamped to 100, as Adobe does).
    pub limit: u32,
    /// Index of the first order of the page.
    pub offset: u64,
    /// `fetch-price`: each line's pricing and the order's `pricingSummary`.
    pub fetch_price: bool,
    /// `fetch-recommendations`: Adobe's recommendations with the orders.
    pub fetch_recommendations: bool,
    /// `recommendation-country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation_country: Option<String>,
    /// `recommendation-language`: `EN` or `MULT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation_language: Option<String>,
}

/// What the package's `validateOrderHistoryQuery` answers: the verdict, the
/// violations, and the normalised query when it is valid.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct QueryValidation {
    /// `true` when there is no violation.
    pub valid: bool,
    /// The violations, each at a parameter name.
    pub violations: Vec<crate::Violation>,
    /// The query with defaults filled in and `limit` clamped, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub query: Option<OrderHistoryQuery>,
}

impl From<Result<OrderHistoryQuery, Report>> for QueryValidation {
    fn from(result: Result<OrderHistoryQuery, Report>) -> Self {
        match result {
            Ok(query) => Self {
                valid: true,
                violations: Vec::new(),
                query: Some(query),
            },
            Err(report) => Self {
                valid: false,
                violations: report.violations,
                query: None,
            },
        }
    }
}

impl Default for OrderHistoryQuery {
    fn default() -> Self {
        Self {
            order_types: Vec::new(),
            reseller_id: None,
            statuses: Vec::new(),
            reference_order_id: None,
            offer_ids: Vec::new(),
            start_date: None,
            end_date: None,
            limit: DEFAULT_LIMIT,
            offset: 0,
            fetch_price: false,
            fetch_recommendations: false,
            recommendation_country: None,
            recommendation_language: None,
        }
    }
}

/// Validates query parameters given as decoded `(name, value)` pairs, in order.
///
/// # Errors
/// The [`Report`] of every invalid parameter; paths are the parameter names,
/// with an index for repeated ones (`status[1]`).
pub fn order_history_query<K: AsRef<str>, V: AsRef<str>>(
    pairs: &[(K, V)],
) -> Result<OrderHistoryQuery, Report> {
    let mut report = Report::new();
    let mut query = OrderHistoryQuery::default();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (name, value) in pairs {
        let (name, value) = (name.as_ref(), value.as_ref());
        let nth = bump(&mut counts, name);
        let path = if REPEATABLE.contains(&name) {
            Path::root().key(name).index(nth)
        } else {
            Path::root().key(name)
        };
        if SINGLE.contains(&name) && nth > 0 {
            report.add(
                &path,
                Finding::new(Code::QueryNotRepeatable).with("name", name),
            );
            continue;
        }
        apply_parameter(&mut query, name, value, &path, &mut report);
    }
    check_order(&query, &mut report);
    report.into_result().map(|()| query)
}

/// Parses a raw query string (`status=1000&status=1002`), percent-decoding each
/// name and value, and validates it.
///
/// # Errors
/// As [`order_history_query`].
pub fn order_history_query_string(query: &str) -> Result<OrderHistoryQuery, Report> {
    order_history_query(&parse_query_string(query))
}

/// Splits and percent-decodes a query string; `+` is a space.
pub fn parse_query_string(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let decoded = match bytes[index] {
            b'%' => bytes.get(index + 1..index + 3).and_then(hex_byte),
            _ => None,
        };
        match (decoded, bytes[index]) {
            (Some(byte), _) => {
                out.push(byte);
                index += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                index += 1;
            }
            (None, byte) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_byte(pair: &[u8]) -> Option<u8> {
    let text = std::str::from_utf8(pair).ok()?;
    u8::from_str_radix(text, 16).ok()
}

fn bump<'a>(counts: &mut Vec<(&'a str, usize)>, name: &'a str) -> usize {
    if let Some(entry) = counts.iter_mut().find(|(n, _)| *n == name) {
        entry.1 += 1;
        return entry.1 - 1;
    }
    counts.push((name, 1));
    0
}

fn apply_parameter(
    query: &mut OrderHistoryQuery,
    name: &str,
    value: &str,
    path: &Path,
    report: &mut Report,
) {
    match name {
        "order-type" => query.order_types.extend(order_type(value, path, report)),
        "status" => query.statuses.extend(status(value, path, report)),
        "offer-id" => query
            .offer_ids
            .extend(checked(value, path, report, offer_id::check)),
        "reseller-id" => query.reseller_id = checked(value, path, report, account_id::check),
        "reference-order-id" => {
            query.reference_order_id = checked(value, path, report, account_id::check);
        }
        "start-date" => query.start_date = date_bound(value, path, report),
        "end-date" => query.end_date = date_bound(value, path, report),
        "limit" => query.limit = limit(value, path, report).unwrap_or(DEFAULT_LIMIT),
        "offset" => query.offset = whole(value, path, report).unwrap_or(0),
        "fetch-price" => query.fetch_price = flag(value, path, report),
        "fetch-recommendations" => query.fetch_recommendations = flag(value, path, report),
        "recommendation-country" => {
            query.recommendation_country = checked(value, path, report, |code| {
                crate::field::country::check(code)
                    .err()
                    .into_iter()
                    .collect()
            });
        }
        "recommendation-language" => {
            query.recommendation_language = one_of(value, RECOMMENDATION_LANGUAGES, path, report);
        }
        _ => report.add(
            path,
            Finding::new(Code::QueryUnknownParameter).with("name", name),
        ),
    }
}

fn checked(
    value: &str,
    path: &Path,
    report: &mut Report,
    rule: fn(&str) -> Vec<Finding>,
) -> Option<String> {
    let findings = rule(value);
    let valid = findings.is_empty();
    report.add_all(path, findings);
    valid.then(|| value.to_owned())
}

/// Order types that exist in history: every creatable type but the previews,
/// which Adobe never stores, plus TRANSFER. The Feb-2024 table lists NEW,
/// TRANSFER and RENEWAL; accepting RETURN and the switch types is *assumed*.
fn order_type(value: &str, path: &Path, report: &mut Report) -> Option<OrderType> {
    let stored = |t: &OrderType| {
        !matches!(
            t,
            OrderType::Preview
                | OrderType::PreviewRenewal
                | OrderType::PreviewSwitch
                | OrderType::PreviewRevertSwitch
        )
    };
    match OrderType::from_name(value).filter(stored) {
        Some(order_type) => Some(order_type),
        None => {
            let allowed: Vec<&str> = OrderType::ALL
                .iter()
                .filter(|t| stored(t))
                .map(|t| t.as_str())
                .collect();
            report.add(
                path,
                Finding::new(Code::EnumInvalid).with("allowed", allowed.join(", ")),
            );
            None
        }
    }
}

fn status(value: &str, path: &Path, report: &mut Report) -> Option<String> {
    one_of(value, ORDER_STATUSES, path, report)
}

/// The value when it is one of `allowed`, else `enum.invalid`.
fn one_of(value: &str, allowed: &[&str], path: &Path, report: &mut Report) -> Option<String> {
    super::json::one_of(value, allowed, path, report).map(str::to_owned)
}

/// A flag: `true` or `false`.
fn flag(value: &str, path: &Path, report: &mut Report) -> bool {
    one_of(value, &["true", "false"], path, report).is_some_and(|value| value == "true")
}

fn date_bound(value: &str, path: &Path, report: &mut Report) -> Option<Timestamp> {
    Timestamp::parse_date_or_timestamp(value)
        .map_err(|error| report.add(path, error.date_time_finding()))
        .ok()
}

fn whole(value: &str, path: &Path, report: &mut Report) -> Option<u64> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value.parse().unwrap_or(u64::MAX));
    }
    report.add(path, Finding::new(Code::NumberNotInteger));
    None
}

/// `limit` 1–100; more is clamped to 100, as Adobe does; 0 is refused.
fn limit(value: &str, path: &Path, report: &mut Report) -> Option<u32> {
    let limit = whole(value, path, report)?;
    if limit == 0 {
        let finding = Finding::new(Code::NumberOutOfRange)
            .with("min", 1_i64)
            .with("max", HISTORY_LIMIT_MAX);
        report.add(path, finding);
        return None;
    }
    Some(u32::try_from(limit.min(u64::from(HISTORY_LIMIT_MAX))).unwrap_or(HISTORY_LIMIT_MAX))
}

fn check_order(query: &OrderHistoryQuery, report: &mut Report) {
    let (Some(start), Some(end)) = (&query.start_date, &query.end_date) else {
        return;
    };
    if start > end {
        let finding = Finding::new(Code::DateRangeReversed)
            .with("start", start.to_string())
            .with("end", end.to_string());
        report.add(&Path::root().key("start-date"), finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_values_are_or_ed_and_limit_is_clamped() {
        let query = order_history_query_string("status=1000&status=1002&limit=500&offset=3")
            .expect("valid");
        assert_eq!(query.statuses, ["1000", "1002"]);
        assert_eq!((query.limit, query.offset), (100, 3));
    }

    #[test]
    fn price_and_recommendation_flags_take_their_values() {
        let query = order_history_query_string(
            "fetch-price=true&fetch-recommendations=false&recommendation-country=US&recommendation-language=MULT",
        )
        .expect("valid");
        assert!(query.fetch_price && !query.fetch_recommendations);
        assert_eq!(query.recommendation_language.as_deref(), Some("MULT"));
        let report = order_history_query_string(
            "fetch-price=yes&fetch-recommendations=TRUE&recommendation-country=usa&recommendation-language=en",
        )
        .expect_err("invalid");
        assert_eq!(
            report.codes(),
            [
                "enum.invalid",
                "enum.invalid",
                "country.invalid_format",
                "enum.invalid"
            ]
        );
        let twice = order_history_query_string("fetch-price=true&fetch-price=true");
        assert_eq!(
            twice.expect_err("repeated").codes(),
            ["query.not_repeatable"]
        );
    }

    #[test]
    fn defaults_apply() {
        let query = order_history_query::<&str, &str>(&[]).expect("valid");
        assert_eq!((query.limit, query.offset), (25, 0));
    }

    #[test]
    fn dates_take_both_forms_and_must_be_ordered() {
        let ok =
            order_history_query_string("start-date=2019-05-02&end-date=2019-05-02T22%3A49%3A54Z");
        assert!(ok.is_ok(), "{ok:?}");
        let reversed = order_history_query_string("start-date=2020-01-02&end-date=2020-01-01")
            .expect_err("reversed");
        assert_eq!(reversed.codes(), ["date.range_reversed"]);
        let bad = order_history_query_string("start-date=2019-05-02T22:49:54%2B02:00")
            .expect_err("not zulu");
        assert_eq!(bad.codes(), ["datetime.invalid_format"]);
    }

    #[test]
    fn every_problem_is_reported_at_its_parameter() {
        let report = order_history_query_string(
            "order-type=NEW&order-type=PREVIEW&limit=0&limit=5&color=red&offset=-1",
        )
        .expect_err("invalid");
        let paths: Vec<String> = report
            .violations
            .iter()
            .map(|v| v.path.to_string())
            .collect();
        assert_eq!(
            paths,
            ["order-type[1]", "limit", "limit", "color", "offset"]
        );
        assert_eq!(
            report.codes(),
            [
                "enum.invalid",
                "number.out_of_range",
                "query.not_repeatable",
                "query.unknown_parameter",
                "number.not_integer"
            ]
        );
    }
}
