//! The package's reader (`FromJson`) against serde's derived one.
//!
//! The wasm reads options, contexts, build inputs and typed responses with
//! `FromJson`; Rust callers use serde. Both read the same `#[serde]`
//! attributes, and these tests hold them to the same answers: every fixture's
//! context and body read as each type both ways, and random JSON built from
//! the types' own field names. Two forms serde takes are refused on purpose
//! (a struct written as an array, an enum written as `{"name": null}`); the
//! last test shows them.

use crate::fixtures::load_cases;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::fmt::Debug;
use vipmp::input::{Arena, FromJson, Json};

/// Both readers' answers: the value's `Debug` text, or that it was refused.
fn both<T: FromJson + DeserializeOwned + Debug>(value: &Value) -> (Option<String>, Option<String>) {
    let serde = serde_json::from_value::<T>(value.clone())
        .ok()
        .map(|read| format!("{read:?}"));
    let ours = T::from_json(&Json::from_value(value, &Arena::new()))
        .ok()
        .map(|read| format!("{read:?}"));
    (serde, ours)
}

/// The types the package reads, each checked by `check`.
macro_rules! for_each_type {
    ($check:ident, $value:expr) => {{
        use vipmp::resource::*;
        $check::<vipmp::validate::Context>($value, "Context");
        $check::<vipmp::validate::Options>($value, "Options");
        $check::<vipmp::validate::AccountOptions>($value, "AccountOptions");
        $check::<vipmp::validate::FieldContext>($value, "FieldContext");
        $check::<vipmp::request::BuildInput>($value, "BuildInput");
        $check::<vipmp::quote::QuoteContext>($value, "QuoteContext");
        $check::<vipmp::basket::Basket>($value, "Basket");
        $check::<vipmp::basket::BasketContext>($value, "BasketContext");
        $check::<vipmp::pricing::LevelInput>($value, "LevelInput");
        $check::<vipmp::provisioning::SyncAccount>($value, "SyncAccount");
        $check::<vipmp::provisioning::AccountIdentity>($value, "AccountIdentity");
        $check::<Customer>($value, "Customer");
        $check::<Reseller>($value, "Reseller");
        $check::<Order>($value, "Order");
        $check::<Subscription>($value, "Subscription");
        $check::<Transfer>($value, "Transfer");
        $check::<ResellerChange>($value, "ResellerChange");
        $check::<Benefit>($value, "Benefit");
        $check::<ErrorResponse>($value, "ErrorResponse");
        $check::<Collection<Order>>($value, "Collection<Order>");
        $check::<Collection<Subscription>>($value, "Collection<Subscription>");
    }};
}

#[test]
fn every_fixture_reads_the_same_both_ways() {
    let cases = load_cases();
    let mut read = 0;
    for (_, case) in &cases {
        for value in std::iter::once(&case.input).chain(case.context.as_ref()) {
            for_each_type!(agree_unless_serde_only, value);
            read += 1;
        }
    }
    assert!(read > 300, "only {read} fixture values");
}

#[test]
fn fixture_contexts_are_read() {
    // The comparison above would pass if both readers refused everything.
    let cases = load_cases();
    let contexts: Vec<&Value> = cases
        .iter()
        .filter_map(|(_, case)| case.context.as_ref())
        .collect();
    assert!(contexts.len() > 20);
    for context in contexts {
        vipmp::validate::Context::from_json(&Json::from_value(context, &Arena::new()))
            .unwrap_or_else(|error| panic!("{context}: {error}"));
    }
}

/// Whether the value holds a form serde reads and `FromJson` refuses on
/// purpose: any list (serde reads a struct from one) or an object of one
/// member whose value is `null` (serde's enum form).
fn has_serde_only_form(value: &Value) -> bool {
    match value {
        Value::Array(_) => true,
        Value::Object(map) => {
            (map.len() == 1 && map.values().all(Value::is_null))
                || map.values().any(has_serde_only_form)
        }
        _ => false,
    }
}

fn agree_unless_serde_only<T: FromJson + DeserializeOwned + Debug>(value: &Value, name: &str) {
    let (serde, ours) = both::<T>(value);
    if let Some(ours) = &ours {
        assert_eq!(
            serde.as_ref(),
            Some(ours),
            "{name}: FromJson read {value} differently"
        );
    } else if !has_serde_only_form(value) {
        assert_eq!(serde, None, "{name}: FromJson refused {value}");
    }
}

/// Field names of the types read, and strings their enums and dates take.
const NAMES: &[&str] = &[
    "ID",
    "Role",
    "ResellerID",
    "op",
    "context",
    "kind",
    "today",
    "customer",
    "reseller",
    "referenceOrder",
    "subscription",
    "membershipId",
    "hasActiveSubscriptions",
    "earlyRenewalInProgress",
    "heldQuantities",
    "introductoryOffer",
    "renewalQuantities",
    "country",
    "region",
    "city",
    "addressLine1",
    "postalCode",
    "companyProfile",
    "companyName",
    "preferredLanguage",
    "marketSegment",
    "marketSegments",
    "contacts",
    "firstName",
    "lastName",
    "email",
    "phoneNumber",
    "address",
    "discounts",
    "offerType",
    "level",
    "benefits",
    "type",
    "commitment",
    "commitmentRequest",
    "minimumQuantities",
    "quantity",
    "startDate",
    "status",
    "lineItems",
    "extLineItemNumber",
    "offerId",
    "orderType",
    "remainingQuantity",
    "autoRenewal",
    "enabled",
    "renewalQuantity",
    "currentQuantity",
    "items",
    "totalCount",
    "count",
    "links",
    "self",
    "next",
    "uri",
    "method",
    "code",
    "error_code",
    "message",
    "error",
    "additionalDetails",
    "lines",
    "cancellations",
    "orderDate",
    "license",
    "consumables",
    "lga",
    "current",
    "owned",
    "order",
    "basis",
    "params",
    "query",
    "body",
    "ids",
    "correlationId",
    "auth",
    "currency",
    "levelBasis",
];
const STRINGS: &[&str] = &[
    "create",
    "update",
    "resellerChange",
    "vip",
    "COM",
    "EDU",
    "NEW",
    "RETURN",
    "container",
    "addOn",
    "LICENSE",
    "CONSUMABLES",
    "order",
    "term",
    "2026-11-26",
    "2026-02-30",
    "",
    "US",
];

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..200).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        Just(json!(u64::MAX)),
        Just(json!(1.5)),
        prop::sample::select(STRINGS).prop_map(|s| json!(s)),
        "[a-z]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            4 => prop::collection::vec((prop::sample::select(NAMES), inner), 0..6).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_json_reads_the_same_both_ways(value in arbitrary_json()) {
        for_each_type!(agree_unless_serde_only, &value);
    }
}

#[test]
fn the_forms_only_serde_reads_are_refused() {
    let as_list = json!({"op": "create", "context": []});
    let (serde, ours) = both::<vipmp::validate::AccountOptions>(&as_list);
    assert!(serde.is_some() && ours.is_none());
    let enum_as_map = json!({"op": {"create": null}});
    let (serde, ours) = both::<vipmp::validate::AccountOptions>(&enum_as_map);
    assert!(serde.is_some() && ours.is_none());
    let alias_twice = json!({"code": "1117", "error_code": "1118"});
    assert_eq!(
        both::<vipmp::resource::ErrorResponse>(&alias_twice),
        (None, None)
    );
}
