//! `POST /v3/recommendations`: the body judged by the core's validator
//! (FACTS.md §1.2), then an answer with no recommendation.
//!
//! *Assumed*: the answer is `{recommendations: []}` (the sandbox holds no
//! recommendation data); a refused body is 1117 with one `additionalDetails`
//! entry per path; the customer named in the body must exist (1116).

use super::call::{Call, checked};
use crate::adobe;
use crate::envelope::{Answer, error};
use crate::store::Store;
use serde_json::{Value, json};
use vipmp::validate::Operation;

/// `POST /v3/recommendations`.
pub(super) fn fetch(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let _: Value = checked(Operation::FetchRecommendations, call, &call.context())?;
    let customer = call.body["customerId"].as_str().unwrap_or_default();
    if !store.customers.contains_key(customer) {
        return Err(error(adobe::INVALID_CUSTOMER));
    }
    Ok(Answer::ok(200, json!({ "recommendations": [] })))
}
