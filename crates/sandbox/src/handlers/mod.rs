//! The Partner API's operations over the [`Store`], one small function each.
//!
//! A handler is synchronous and pure over the store and a [`Call`]: the
//! dispatcher ([`crate::api`]) has already matched the route, checked the
//! credentials and the idempotency headers, and released the status changes
//! that the clock has reached.

mod accounts;
mod call;
mod commitment;
mod global;
mod levels;
mod order_book;
mod orders;
mod price_list;
mod recommendations;
mod renewal;
mod reseller_change;
mod settle;
mod subscriptions;
mod switch;
mod three_year;
mod vip;

pub use call::{Call, answer, checked, page};
pub use reseller_change::issue_code;
pub use settle::settle;
pub use three_year::{Decision, Which, decide};

use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use serde_json::Value;
use vipmp::request::Endpoint;

/// Runs the handler of an endpoint, once its query passes the core's rules
/// for the endpoint (1117 otherwise).
///
/// *Assumed*: an endpoint the sandbox does not emulate answers 404 with 1134
/// "Invalid operation on path".
pub fn handle(store: &mut Store, call: &Call) -> Answer {
    use Endpoint as E;
    if let Err(refused) = call::checked_query(call) {
        return refused;
    }
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
        E::UpdateDeployment => global::update_deployment(store, call),
        E::CreateSubscription => subscriptions::create(store, call),
        E::FetchRecommendations => recommendations::fetch(store, call),
        E::GetOpenAcquisitions => global::open_acquisitions(store, call),
        E::ListCustomerFlexDiscounts => global::customer_flex_discounts(store, call),
        E::GetVipTransfer => vip::get(store, call),
        _ => Err(error(adobe::INVALID_OPERATION)),
    };
    result.unwrap_or_else(|answer| answer)
}
