//! The Partner API's operations over the [`Store`], one small function each.
//!
//! A handler is synchronous and pure over the store and a [`Call`]: the
//! dispatcher ([`crate::api`]) has already matched the route, checked the
//! credentials and the idempotency headers, and released the status changes
//! that the clock has reached.

mod accounts;
mod global;
mod orders;
mod price_list;
mod renewal;
mod reseller_change;
mod settle;
mod subscriptions;
mod switch;
mod three_year;
mod vip;

pub use reseller_change::issue_code;
pub use settle::settle;
pub use three_year::{Decision, Which, decide};

use crate::adobe;
use crate::envelope::{Answer, error, from_report};
use crate::store::Store;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use vipmp::date::Date;
use vipmp::request::Endpoint;
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

/// Serialises a resource as an answer.
pub fn answer<T: serde::Serialize>(status: u16, value: &T) -> Answer {
    serde_json::to_value(value).map_or_else(
        |_| error(adobe::INTERNAL_SERVER_ERROR),
        |body| Answer::ok(status, body),
    )
}

/// Runs the handler of an endpoint.
///
/// *Assumed*: an endpoint the sandbox does not emulate answers 404 with 1134
/// "Invalid operation on path".
pub fn handle(store: &mut Store, call: &Call) -> Answer {
    use Endpoint as E;
    let result = match call.endpoint {
        E::Ping | E::AuthenticatedPing => Ok(Answer::ok(200, Value::String("pong".into()))),
        E::CreateReseller => accounts::create_reseller(store, call),
        E::GetReseller => accounts::get_reseller(store, call),
        E::UpdateReseller => accounts::update_reseller(store, call),
        E::ListResellers => accounts::list_resellers(store, call),
        E::CreateCustomer => accounts::create_customer(store, call),
        E::GetCustomer => accounts::get_customer(store, call),
        E::UpdateCustomer => accounts::update_customer(store, call),
        E::ListResellerCustomers => accounts::list_customers(store, call),
        E::CreateOrder => orders::create(store, call),
        E::GetOrder => orders::get(store, call),
        E::UpdateOrder => orders::update(store, call),
        E::GetOrderHistory => orders::history(store, call),
        E::ListSubscriptions => subscriptions::list(store, call),
        E::GetSubscription => subscriptions::get(store, call),
        E::UpdateSubscription => subscriptions::update(store, call),
        E::FetchPriceList => price_list::fetch(store, call),
        E::PreviewResellerChange => reseller_change::preview(store, call),
        E::CommitResellerChange => reseller_change::commit(store, call),
        E::GetResellerChange => reseller_change::get(store, call),
        E::PreviewOffers => vip::preview_offers(store, call),
        E::VipTransfer => vip::transfer(store, call),
        E::CreateDeployment => global::create_deployment(store, call),
        E::ListDeployments => global::list_deployments(store, call),
        E::GetDeployment => global::get_deployment(store, call),
        E::GetOpenAcquisitions => global::open_acquisitions(store, call),
        E::ListCustomerFlexDiscounts => global::customer_flex_discounts(store, call),
        E::GetVipTransfer => vip::get(store, call),
        _ => Err(error(adobe::INVALID_OPERATION)),
    };
    result.unwrap_or_else(|answer| answer)
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
