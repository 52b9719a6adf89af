//! Fetch Price List: which list, and which offers and attributes of it.
//!
//! Source: FACTS.md §1.2 (`POST /v3/pricelist`, 2025-06-19: body `{region,
//! marketSegment, priceListType: STANDARD / 3YC / STD-LGA, currency,
//! priceListMonth:"YYYYMM", filters{offerId, productFamily, firstOrderDate,
//! lastOrderDate, discountCode}, includeOfferAttributes[]}`) and §3.3 (the
//! list's header: `region` NA, PA, EE, MX, LA, WE, JP, AP; `marketSegment`
//! COM, EDU, GOV). Region, segment, currency and month name the list and are
//! required; `priceListType` is *assumed* optional, STANDARD by default (the
//! sandbox's reading); `filters` and `includeOfferAttributes` narrow the
//! answer. The currency is checked for its form only: §3.3's five currencies
//! are what the lists use today, and 1161 "Invalid Currency/Region for
//! Partner" is Adobe's to answer.

use super::json::Object;
use crate::field::{currency, market_segment};
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

const KEYS: &[&str] = &[
    "region",
    "marketSegment",
    "priceListType",
    "currency",
    "priceListMonth",
    "filters",
    "includeOfferAttributes",
];
const REGIONS: &[&str] = &["NA", "PA", "EE", "MX", "LA", "WE", "JP", "AP"];
const TYPES: &[&str] = &["STANDARD", "3YC", "STD-LGA"];
const FILTERS: &[&str] = &[
    "offerId",
    "productFamily",
    "firstOrderDate",
    "lastOrderDate",
    "discountCode",
];
/// The filters that take one text each (`offerId` may take several).
const TEXT_FILTERS: &[&str] = &[
    "productFamily",
    "firstOrderDate",
    "lastOrderDate",
    "discountCode",
];

/// `POST /v3/pricelist`.
pub(super) fn check(body: &Json<'_>, report: &mut Report) {
    let Some(object) = Object::new(body, Loc::Root, report) else {
        return;
    };
    object.check_keys(KEYS, &[], report);
    object.one_of("region", REGIONS, true, report);
    if let Some(segment) = object.required_str("marketSegment", report) {
        object.apply("marketSegment", market_segment::check(segment), report);
    }
    object.one_of("priceListType", TYPES, false, report);
    if let Some(code) = object.required_str("currency", report) {
        object.apply("currency", currency::check(code), report);
    }
    if let Some(month) = object.required_str("priceListMonth", report)
        && !is_month(month)
    {
        let finding = Finding::new(Code::DateInvalidFormat).with("expected", "YYYYMM");
        report.add(&object.at("priceListMonth"), finding);
    }
    if let Some(filters) = object.optional_object("filters", report) {
        filters.check_keys(FILTERS, &[], report);
        check_offer_filter(&filters, report);
        for key in TEXT_FILTERS {
            filters.optional_str(key, report);
        }
    }
    object.optional_texts("includeOfferAttributes", report);
}

/// The `offerId` filter: one offer ID, or (*assumed*, as the sandbox reads it)
/// a list of them.
fn check_offer_filter(filters: &Object<'_, '_>, report: &mut Report) {
    if matches!(filters.get("offerId"), Some(Json::List(_))) {
        filters.optional_texts("offerId", report);
    } else {
        filters.optional_str("offerId", report);
    }
}

/// `YYYYMM` with a month from 01 to 12.
fn is_month(text: &str) -> bool {
    let digits = text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit());
    digits && matches!(text[4..].parse::<u8>(), Ok(1..=12))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{expect, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::FetchPriceList;
    use serde_json::{Value, json};

    fn body() -> Value {
        json!({ "region": "NA", "marketSegment": "COM", "currency": "USD", "priceListMonth": "202402" })
    }

    fn refused(body: &Value, path: &str, code: &str) {
        expect(FetchPriceList, body, &Context::default(), &[(path, code)]);
    }

    #[test]
    fn a_list_named_by_its_header_files_nothing() {
        valid(FetchPriceList, &body(), &Context::default());
        let full = with(body(), "/priceListType", json!("STD-LGA"));
        let full = with(
            full,
            "/filters",
            json!({ "offerId": "65304479CA01A12", "discountCode": "HVD_L17_PRE" }),
        );
        valid(
            FetchPriceList,
            &with(full, "/includeOfferAttributes", json!(["duration"])),
            &Context::default(),
        );
    }

    #[test]
    fn the_header_is_required_the_type_is_not() {
        for key in ["region", "marketSegment", "currency", "priceListMonth"] {
            refused(&without(body(), &format!("/{key}")), key, "field.required");
        }
        refused(
            &with(body(), "/region", json!("EU")),
            "region",
            "enum.invalid",
        );
        refused(
            &with(body(), "/priceListType", json!("3yc")),
            "priceListType",
            "enum.invalid",
        );
        refused(
            &with(body(), "/marketSegment", json!("NGO")),
            "marketSegment",
            "enum.invalid",
        );
        refused(
            &with(body(), "/currency", json!("usd")),
            "currency",
            "currency.invalid_format",
        );
    }

    #[test]
    fn the_month_is_yyyymm_from_01_to_12() {
        for month in ["202401", "202412"] {
            valid(
                FetchPriceList,
                &with(body(), "/priceListMonth", json!(month)),
                &Context::default(),
            );
        }
        for month in ["202400", "202413", "2024-02", "20242", "2024021"] {
            refused(
                &with(body(), "/priceListMonth", json!(month)),
                "priceListMonth",
                "date.invalid_format",
            );
        }
    }

    #[test]
    fn filters_and_attributes_are_text() {
        refused(
            &with(body(), "/filters", json!({ "sku": "x" })),
            "filters.sku",
            "field.unknown",
        );
        refused(
            &with(body(), "/filters", json!({ "offerId": 5 })),
            "filters.offerId",
            "type.invalid",
        );
        let listed = json!({ "offerId": ["65304479CA01A12", 5] });
        refused(
            &with(body(), "/filters", listed),
            "filters.offerId[1]",
            "type.invalid",
        );
        refused(
            &with(body(), "/includeOfferAttributes", json!([1])),
            "includeOfferAttributes[0]",
            "type.invalid",
        );
        refused(
            &with(body(), "/includeOfferAttributes", json!("duration")),
            "includeOfferAttributes",
            "type.invalid",
        );
    }
}
