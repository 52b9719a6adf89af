//! What to do after a 5xx to an order creation: the server failed, but the
//! order may have been created before it did. Retrying blindly could bill the
//! customer twice; giving up could lose a sale. So the proxy asks Adobe first:
//! it reads the customer's order history for an order of the same type with
//! the same `externalReferenceId` and the same lines.
//!
//! A gateway in front of Adobe may answer 504 while the backend still
//! creates the order, and a history may list a new order late, so one read
//! proves nothing: the history is polled over a bounded window
//! (`reconcile_window_ms`), with growing, jittered pauses, and the order is
//! declared absent only by a complete read made once the window is over.
//!
//! - Found (at any read): the storefront gets that order, `201`, as if the
//!   creation had answered.
//! - Proven absent (every page of a read made after the window shows none):
//!   one more attempt, under a correlation ID derived from the first (so a
//!   repeat of the same intent replays that attempt instead of creating a
//!   third order); if that attempt gets a 5xx too, the history is polled
//!   again the same way.
//! - Unknown (no `externalReferenceId` to look for, or no complete read of
//!   the history after the window: unreadable, more pages than the bound):
//!   the 5xx goes back as it came, with no retry.
//!
//! The outcome is told in the `X-Vipmp-Reconciled` answer header.
//!
//! *Assumed*: an order the backend creates after a gateway's 5xx, or lists
//! late, shows in the history within the window (Adobe's documents give no
//! figure; the default is 20 s, under the whole-request timeout), and
//! `externalReferenceId` plus the lines identify a storefront's order (a
//! storefront that reuses one reference for identical orders gets the
//! earlier order back, never a duplicate).

use crate::ids;
use crate::state::Shared;
use crate::upstream::{self, Answer, Outbound};
use serde_json::{Map, Value};
use std::time::Duration;
use tokio::time::Instant;
use vipmp::request::{self, AddressInput, Endpoint};
use vipmp::validate::Context;

/// The answer header naming the outcome.
pub const HEADER: &str = "x-vipmp-reconciled";

/// Orders per history page: the largest the core lets a query ask for.
const PAGE: usize = vipmp::validate::HISTORY_LIMIT_MAX as usize;

/// History pages read at most.
const MAX_PAGES: usize = 10;

/// The first pause between two reads of the history; each pause doubles.
const FIRST_PAUSE: Duration = Duration::from_millis(250);

/// The longest pause between two reads of the history.
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

/// Order types that create nothing: a 5xx to them is returned as it is.
const PREVIEWS: &[&str] = &["PREVIEW", "PREVIEW_RENEWAL", "PREVIEW_SWITCH"];

/// What the history says about the order.
#[derive(Debug)]
pub enum Outcome {
    /// The order exists; its body.
    Found(Answer),
    /// Every page was read and the order is not there.
    Absent,
    /// The history cannot tell.
    Unknown(&'static str),
}

/// Whether a 5xx to this call is worth reconciling: an order creation that
/// creates something.
pub fn applies(endpoint: Endpoint, status: u16, body: Option<&Value>) -> bool {
    status >= 500 && creates_order(endpoint, body)
}

/// Whether the call creates an order (an order creation, not a preview).
pub fn creates_order(endpoint: Endpoint, body: Option<&Value>) -> bool {
    let order_type = body
        .and_then(|b| b.get("orderType"))
        .and_then(Value::as_str);
    endpoint == Endpoint::CreateOrder && order_type.is_some_and(|t| !PREVIEWS.contains(&t))
}

/// Polls the history for the order `body` would have created, over the
/// configured window (see the module docs): found at any read, absent only
/// when a complete read started after the window shows none, unknown
/// otherwise.
pub async fn await_order(shared: &Shared, customer_id: &str, body: &Value) -> Outcome {
    let deadline = Instant::now() + shared.config.reconcile_window;
    let mut pause = FIRST_PAUSE;
    loop {
        let started = Instant::now();
        let outcome = find_order(shared, customer_id, body).await;
        let window_over = started >= deadline;
        match outcome {
            Outcome::Found(_) | Outcome::Unknown("no-reference") => return outcome,
            Outcome::Absent if window_over => return outcome,
            _ if window_over => return Outcome::Unknown("unknown"),
            _ => {}
        }
        let left = deadline.saturating_duration_since(Instant::now());
        tokio::time::sleep(jittered(pause).min(left)).await;
        pause = (pause * 2).min(LONGEST_PAUSE);
    }
}

/// A pause plus up to a quarter more, so that proxies reconciling at once
/// do not read in step.
pub(crate) fn jittered(pause: Duration) -> Duration {
    let byte = ids::random_hex()
        .get(..2)
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .unwrap_or(0);
    pause + pause / 4 * byte / 255
}

/// Looks for the order `body` would have created for `customer_id`, page by
/// page (by offset: the pages' own links are not relied on); one read.
pub async fn find_order(shared: &Shared, customer_id: &str, body: &Value) -> Outcome {
    let Some(reference) = body.get("externalReferenceId").and_then(Value::as_str) else {
        return Outcome::Unknown("no-reference");
    };
    for number in 0..MAX_PAGES {
        let offset = number * PAGE;
        let Some(url) = page_url(customer_id, body, offset) else {
            return Outcome::Unknown("unknown");
        };
        let Some(page) = read_page(shared, &url).await else {
            return Outcome::Unknown("unknown");
        };
        let items = page.body.get("items").and_then(Value::as_array);
        let items = items.map_or(&[][..], Vec::as_slice);
        if let Some(order) = same_order(items, reference, body) {
            return Outcome::Found(Answer {
                status: 201,
                body: order.to_string().into(),
                request_id: page.request_id,
            });
        }
        if is_last(&page.body, offset, items.len()) {
            return Outcome::Absent;
        }
    }
    Outcome::Unknown("unknown")
}

/// Whether a page ends the history: short, or reaching `totalCount`.
fn is_last(page: &Value, offset: usize, count: usize) -> bool {
    let total = page.get("totalCount").and_then(Value::as_u64);
    let reached = total.is_some_and(|total| (offset + count) as u64 >= total);
    count < PAGE || reached
}

/// A page of the history, filtered by the order's type, built by the core.
fn page_url(customer_id: &str, body: &Value, offset: usize) -> Option<String> {
    let order_type = body.get("orderType").and_then(Value::as_str)?;
    let mut params = Map::new();
    params.insert("customerId".into(), Value::String(customer_id.to_owned()));
    let query = Value::String(format!(
        "order-type={order_type}&limit={PAGE}&offset={offset}"
    ));
    let input = AddressInput {
        params: &params,
        query: &query,
        body: None,
        context: &Context::default(),
    };
    request::address(Endpoint::GetOrderHistory, &input)
        .ok()
        .map(|address| address.url())
}

/// One page read, or `None` unless Adobe answered 200 with JSON.
struct Page {
    body: Value,
    request_id: String,
}

async fn read_page(shared: &Shared, url: &str) -> Option<Page> {
    let outbound = Outbound {
        method: reqwest::Method::GET,
        url: url.to_owned(),
        body: None,
        correlation_id: format!("vipmp-{}", ids::random_hex()),
    };
    let answer = upstream::send(&shared.link, &outbound).await.ok()?;
    if answer.status != 200 {
        tracing::warn!(status = answer.status, "order history unreadable");
        return None;
    }
    let body = serde_json::from_slice(&answer.body).ok()?;
    Some(Page {
        body,
        request_id: answer.request_id,
    })
}

/// The order among `items` with the reference, type and lines of `body`.
fn same_order<'a>(items: &'a [Value], reference: &str, body: &Value) -> Option<&'a Value> {
    let wanted = lines(body);
    items.iter().find(|item| {
        item.get("externalReferenceId").and_then(Value::as_str) == Some(reference)
            && item.get("orderType") == body.get("orderType")
            && lines(item) == wanted
    })
}

/// An order's lines as sorted (line number, quantity) pairs.
fn lines(order: &Value) -> Vec<(i64, i64)> {
    let mut pairs: Vec<(i64, i64)> = order
        .get("lineItems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|line| {
            let number = |key| line.get(key).and_then(Value::as_i64).unwrap_or(-1);
            (number("extLineItemNumber"), number("quantity"))
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order(reference: &str, quantity: i64) -> Value {
        json!({ "orderType": "NEW", "externalReferenceId": reference,
                "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": quantity }] })
    }

    #[test]
    fn only_creating_orders_after_a_5xx_are_reconciled() {
        let new = order("cart-1", 2);
        assert!(applies(Endpoint::CreateOrder, 503, Some(&new)));
        assert!(!applies(Endpoint::CreateOrder, 422, Some(&new)));
        assert!(!applies(Endpoint::CreateCustomer, 503, Some(&new)));
        let preview = json!({ "orderType": "PREVIEW" });
        assert!(!applies(Endpoint::CreateOrder, 503, Some(&preview)));
        assert!(!applies(Endpoint::CreateOrder, 503, None));
    }

    #[test]
    fn the_same_order_needs_reference_type_and_lines() {
        let body = order("cart-1", 2);
        let mut created = order("cart-1", 2);
        created["orderId"] = json!("7000000001");
        created["lineItems"][0]["offerId"] = json!("65304479CA02A12");
        let items = [order("cart-1", 3), order("cart-2", 2), created.clone()];
        assert_eq!(same_order(&items, "cart-1", &body), Some(&created));
        assert_eq!(same_order(&items[..2], "cart-1", &body), None);
        let mut returned = created;
        returned["orderType"] = json!("RETURN");
        assert_eq!(same_order(&[returned], "cart-1", &body), None);
    }

    #[test]
    fn pages_are_built_by_the_core() {
        let url = page_url("6000000201", &order("cart-1", 2), 200).expect("url");
        assert_eq!(
            url,
            "/v3/customers/6000000201/orders?order-type=NEW&limit=100&offset=200"
        );
        assert_eq!(page_url("not an id", &order("c", 1), 0), None);
    }

    #[test]
    fn pauses_are_jittered_by_a_quarter_at_most() {
        let pause = Duration::from_millis(400);
        for _ in 0..20 {
            let jittered = jittered(pause);
            assert!(jittered >= pause && jittered <= pause + pause / 4);
        }
    }

    #[test]
    fn the_last_page_is_short_or_reaches_the_total() {
        assert!(is_last(&json!({ "totalCount": 250 }), 200, 50));
        assert!(!is_last(&json!({ "totalCount": 250 }), 100, 100));
        assert!(is_last(&json!({ "totalCount": 200 }), 100, 100));
        assert!(!is_last(&json!({}), 0, 100));
        assert!(is_last(&json!({}), 0, 7));
    }
}
