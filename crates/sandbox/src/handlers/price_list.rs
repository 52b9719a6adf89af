//! `POST /v3/pricelist`: the seeded price lists, filtered and paged as Adobe's
//! Fetch Price List answers (FACTS.md §1.2 and §3.3).
//!
//! The request names `region`, `marketSegment`, `currency`, `priceListMonth`
//! and `priceListType`, optional `filters` and `includeOfferAttributes`; the
//! answer carries the list's header, the paging fields and `offers`.

use super::call::{Call, page};
use crate::adobe;
use crate::envelope::{Answer, error, refused};
use crate::store::{PriceListDoc, Store};
use serde_json::{Map, Value};
use vipmp::validate::Operation;

/// The attributes every offer carries whatever was asked (FACTS.md §3.3).
const DEFAULT_ATTRIBUTES: &[&str] = &[
    "offerId",
    "discountCode",
    "productFamily",
    "firstOrderDate",
    "lastOrderDate",
    "partnerPrice",
];

/// `POST /v3/pricelist`.
///
/// The body is judged by the core's validator first: a refused one is 5122,
/// whose message for Fetch Price List is "Invalid Request" (FACTS.md §4),
/// with one `additionalDetails` entry per path.
///
/// *Assumed*: `priceListType` defaults to `STANDARD`; a request matching no
/// seeded list answers 1162 "Price List not found".
pub(super) fn fetch(store: &mut Store, call: &Call) -> Result<Answer, Answer> {
    let report = vipmp::validate::run(Operation::FetchPriceList, &call.body, &call.context());
    if !report.is_valid() {
        return Err(refused(adobe::ORDER_PLACEMENT_UNAVAILABLE, &report));
    }
    let request = call
        .body
        .as_object()
        .ok_or_else(|| error(adobe::ORDER_PLACEMENT_UNAVAILABLE))?;
    let list = store
        .price_lists
        .iter()
        .find(|list| matches(list, request))
        .ok_or_else(|| error(adobe::PRICE_LIST_NOT_FOUND))?;
    let filters = request.get("filters").and_then(Value::as_object);
    let wanted = requested_attributes(request);
    let offers = list
        .offers
        .iter()
        .filter(|offer| filters.is_none_or(|filters| passes(offer, filters)))
        .map(|offer| trimmed(offer, wanted.as_deref()))
        .collect();
    let mut answer = page(offers, call)?;
    if let Value::Object(body) = &mut answer.body {
        if let Some(offers) = body.remove("items") {
            body.insert("offers".into(), offers);
        }
        if let Ok(Value::Object(header)) = serde_json::to_value(list) {
            let header = header.into_iter().filter(|(key, _)| key != "offers");
            body.extend(header);
        }
    }
    Ok(answer)
}

/// Whether a list has the header the request names.
fn matches(list: &PriceListDoc, request: &Map<String, Value>) -> bool {
    let field = |name: &str| request.get(name).and_then(Value::as_str);
    let same = |name: &str, value: &str| field(name).is_none_or(|wanted| wanted == value);
    same("region", &list.region)
        && same("marketSegment", &list.market_segment)
        && same("currency", &list.currency)
        && same("priceListMonth", &list.price_list_month)
        && field("priceListType").unwrap_or("STANDARD") == list.price_list_type
}

/// Whether an offer passes the filters: each given filter equals the offer's
/// attribute of that name.
///
/// *Assumed*: filters are exact matches; an `offerId` filter may also be a
/// list of offer IDs.
fn passes(offer: &Value, filters: &Map<String, Value>) -> bool {
    filters.iter().all(|(name, wanted)| {
        let value = offer.get(name);
        match wanted {
            Value::Array(options) => value.is_some_and(|value| options.contains(value)),
            wanted => value == Some(wanted),
        }
    })
}

/// The `includeOfferAttributes` of a request, when it names any.
fn requested_attributes(request: &Map<String, Value>) -> Option<Vec<String>> {
    let names = request.get("includeOfferAttributes")?.as_array()?;
    Some(
        names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
    )
}

/// An offer with only the default and requested attributes, when attributes
/// were requested; whole otherwise.
fn trimmed(offer: &Value, wanted: Option<&[String]>) -> Value {
    let (Some(wanted), Value::Object(attributes)) = (wanted, offer) else {
        return offer.clone();
    };
    let kept = attributes
        .iter()
        .filter(|(name, _)| {
            DEFAULT_ATTRIBUTES.contains(&name.as_str()) || wanted.iter().any(|w| w == *name)
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    Value::Object(kept)
}
