//! What every handler reads and answers with: the [`Call`] as the dispatcher
//! hands it over, a body [`checked`] by the core's rules, a resource as an
//! [`answer`], a list as a [`page`].
//!
//! Below the handlers and the dispatcher in [`super`], so that a handler
//! depends on this module and not on the module that depends on it.

use crate::adobe;
use crate::envelope::{Answer, error, from_report};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use vipmp::date::Date;
use vipmp::request::{self, Endpoint, QueryRule};
use vipmp::validate::{self, Context, Operation};

/// One call, as the dispatcher hands it over.
#[derive(Clone, Debug)]
pub struct Call {
    /// The endpoint the route matched.
    pub endpoint: Endpoint,
    /// The path parameters by name.
    pub params: Map<String, Value>,
    /// The query pairs in wire order.
    pub query: Vec<(String, String)>,
    /// The JSON body (`Null` when none).
    pub body: Value,
    /// The clock reading.
    pub now: i64,
    /// Today's date.
    pub today: Date,
    /// The reading as a `creationDate`.
    pub timestamp: String,
    /// Seconds until a pending resource settles.
    pub settle_after: i64,
    /// The clock's first day, to write other readings as timestamps.
    pub start: Date,
    /// Orders the history does not list yet (see [`crate::fault::HistoryLag`]).
    pub unlisted: Vec<String>,
}

impl Call {
    /// A path parameter.
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).and_then(Value::as_str).unwrap_or("")
    }

    /// The first value of a query parameter.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Whether a boolean query flag is `true`.
    pub fn flag(&self, name: &str) -> bool {
        self.query(name) == Some("true")
    }

    /// Another clock reading as a timestamp.
    pub fn timestamp_at(&self, seconds: i64) -> String {
        crate::clock::timestamp_from(self.start, seconds)
    }

    /// A validation context with today's date.
    pub fn context(&self) -> Context {
        Context {
            today: Some(self.today),
            ..Context::default()
        }
    }
}

/// Runs the core's validator for an operation and reads the body as `T`.
///
/// # Errors
/// Adobe's envelope for the first documented problem (see
/// [`crate::envelope::from_report`]).
pub fn checked<T: DeserializeOwned>(
    operation: Operation,
    call: &Call,
    context: &Context,
) -> Result<T, Answer> {
    let report = validate::run(operation, &call.body, context);
    if !report.is_valid() {
        return Err(from_report(&report));
    }
    serde_json::from_value(call.body.clone()).map_err(|_| error(adobe::SOME_FIELDS_INVALID))
}

/// Checks the call's query by the endpoint's rules in the core (the same
/// check the request builders and the proxy make): unknown or repeated
/// parameters, flags other than `true`/`false`, page limits, the
/// recommendation country and language. Get Order History keeps its own
/// check in its handler.
///
/// *Assumed*: a refused query answers 1117 with one `additionalDetails` entry
/// per parameter (`query.<name>`), as the history's refusal does.
///
/// # Errors
/// Adobe's envelope when the query breaks a rule.
pub(super) fn checked_query(call: &Call) -> Result<(), Answer> {
    if matches!(call.endpoint.query(), QueryRule::OrderHistory) || call.query.is_empty() {
        return Ok(());
    }
    let report = request::check_query(call.endpoint, &call.query);
    if report.is_valid() {
        return Ok(());
    }
    Err(crate::envelope::refused(
        adobe::SOME_FIELDS_INVALID,
        &report,
    ))
}

/// Serialises a resource as an answer.
pub fn answer<T: serde::Serialize>(status: u16, value: &T) -> Answer {
    serde_json::to_value(value).map_or_else(
        |_| error(adobe::INTERNAL_SERVER_ERROR),
        |body| Answer::ok(status, body),
    )
}

/// A page of items as Adobe lists them: `totalCount`, `count`, `offset`,
/// `limit`, `items`.
///
/// *Assumed*: the default limit is 20 and the maximum 100; an offset beyond
/// the end answers 1133 "Offset out of range" unless the list is empty.
pub fn page(items: Vec<Value>, call: &Call) -> Result<Answer, Answer> {
    let number = |name, default| {
        call.query(name)
            .map_or(Ok(default), str::parse::<usize>)
            .map_err(|_| error(adobe::INVALID_SEARCH_PARAMETER))
    };
    let limit = number("limit", 20)?.clamp(1, 100);
    let offset = number("offset", 0)?;
    if offset > 0 && offset >= items.len() {
        return Err(error(adobe::OFFSET_OUT_OF_RANGE));
    }
    let total = items.len();
    let items: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    Ok(Answer::ok(
        200,
        serde_json::json!({
            "totalCount": total, "count": items.len(), "offset": offset,
            "limit": limit, "items": items,
        }),
    ))
}
