//! The company profile shared by resellers and customers: name, language,
//! market segments, address and contacts.
//!
//! Source: Partner API reference (Feb 2024), "Resources and Fields" (which
//! fields are optional, their lengths) and "Market Segment"; FACTS.md §2.2, §2.7.

use super::json::{Object, apply, text};
use crate::field::{
    company_name, contact_phone, country, email, locale, market_segment, person_name, postal_code,
    region, safe_text,
};
use crate::input::Json;
use crate::report::{Code, Finding, Loc, Report};

/// Whose profile is being checked: the market-segment fields differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A reseller: `marketSegments`, a list (default `["COM"]`).
    Reseller,
    /// A customer: `marketSegment`, one value (default COM); `marketSubSegments`
    /// only with the Large Government Agency benefit.
    Customer {
        /// Whether the request carries the LGA benefit.
        lga: bool,
    },
}

/// Keys of a reseller's profile; `marketSegment` is listed so that it is
/// reported as misplaced rather than unknown.
const RESELLER_PROFILE_KEYS: &[&str] = &[
    "companyName",
    "preferredLanguage",
    "address",
    "contacts",
    "marketSegments",
    "marketSegment",
];
/// Keys of a customer's profile.
const CUSTOMER_PROFILE_KEYS: &[&str] = &[
    "companyName",
    "preferredLanguage",
    "address",
    "contacts",
    "marketSegment",
    "marketSegments",
    "marketSubSegments",
];

const ADDRESS_KEYS: &[&str] = &[
    "country",
    "region",
    "city",
    "addressLine1",
    "addressLine2",
    "postalCode",
    "phoneNumber",
];
const CONTACT_KEYS: &[&str] = &["firstName", "lastName", "email", "phoneNumber"];

/// Maximum lengths of the free-text address fields (Resources and Fields).
const CITY_MAX: usize = 40;
const ADDRESS_LINE_MAX: usize = 60;
const PHONE_MAX: usize = 40;

/// Checks a `companyProfile` object.
pub(crate) fn check_profile(profile: &Object<'_, '_>, owner: Owner, report: &mut Report) {
    profile.check_keys(allowed_profile_keys(owner), &[], report);
    if let Some(name) = profile.required_str("companyName", report) {
        profile.apply("companyName", company_name::check(name), report);
    }
    if let Some(tag) = profile.required_str("preferredLanguage", report) {
        profile.apply("preferredLanguage", locale::check(tag), report);
    }
    check_segments(profile, owner, report);
    if let Some(address) = profile.required_object("address", report) {
        check_address(&address, report);
    }
    check_contacts(profile, report);
}

fn allowed_profile_keys(owner: Owner) -> &'static [&'static str] {
    match owner {
        Owner::Reseller => RESELLER_PROFILE_KEYS,
        Owner::Customer { .. } => CUSTOMER_PROFILE_KEYS,
    }
}

fn check_segments(profile: &Object<'_, '_>, owner: Owner, report: &mut Report) {
    match owner {
        Owner::Reseller => {
            report_misplaced(
                profile,
                "marketSegment",
                "resellers list their segments in marketSegments",
                report,
            );
            check_segment_list(profile, report);
        }
        Owner::Customer { lga } => {
            report_misplaced(
                profile,
                "marketSegments",
                "a customer has one segment, in marketSegment",
                report,
            );
            if let Some(segment) = profile.optional_str("marketSegment", report) {
                profile.apply("marketSegment", market_segment::check(segment), report);
            }
            check_sub_segments(profile, lga, report);
        }
    }
}

fn report_misplaced(profile: &Object<'_, '_>, key: &str, reason: &str, report: &mut Report) {
    if profile.has(key) {
        report.add(
            &profile.at(key),
            Finding::new(Code::FieldNotAllowed).with("reason", reason),
        );
    }
}

/// A reseller's `marketSegments`: at least one, each COM/EDU/GOV, no repeats.
fn check_segment_list(profile: &Object<'_, '_>, report: &mut Report) {
    let Some(segments) = profile.optional_array("marketSegments", report) else {
        return;
    };
    let path = profile.at("marketSegments");
    if segments.is_empty() {
        report.add(
            &path,
            Finding::new(Code::ArrayTooFew)
                .with("min", 1_i64)
                .with("noun", "market segment"),
        );
    }
    let mut seen = Vec::new();
    for (index, value) in segments.iter().enumerate() {
        let item_path = path.index(index);
        let Some(segment) = text(value, &item_path, report) else {
            continue;
        };
        apply(report, &item_path, market_segment::check(segment));
        if seen.contains(&segment) {
            report.add(
                &item_path,
                Finding::new(Code::MarketSegmentDuplicate).with("value", segment),
            );
        }
        seen.push(segment);
    }
}

/// `marketSubSegments` is read-only (set in the Admin Console) except for the
/// Large Government Agency benefit, which needs FEDERAL or STATE (FACTS.md §2.7).
fn check_sub_segments(profile: &Object<'_, '_>, lga: bool, report: &mut Report) {
    if !profile.has("marketSubSegments") {
        return;
    }
    if !lga {
        report.add(
            &profile.at("marketSubSegments"),
            Finding::new(Code::FieldReadOnly).with("field", "marketSubSegments"),
        );
        return;
    }
    let Some(values) = profile.optional_array("marketSubSegments", report) else {
        return;
    };
    let list_path = profile.at("marketSubSegments");
    for (index, value) in values.iter().enumerate() {
        let path = list_path.index(index);
        if let Some(sub_segment) = text(value, &path, report) {
            if !matches!(sub_segment, "FEDERAL" | "STATE") {
                report.add(
                    &path,
                    Finding::new(Code::EnumInvalid).with("allowed", "FEDERAL or STATE"),
                );
            }
        }
    }
}

/// The Address resource. Region and postal code are checked against the
/// country only when the country is one Adobe sells into.
pub(crate) fn check_address(address: &Object<'_, '_>, report: &mut Report) {
    address.check_keys(ADDRESS_KEYS, &[], report);
    let country = address.required_str("country", report).and_then(|code| {
        country::check(code)
            .map_err(|finding| report.add(&address.at("country"), finding))
            .ok()
    });
    let region_value = address.required_str("region", report);
    if let (Some(country), Some(value)) = (country, region_value) {
        address.apply("region", region::check(country, value), report);
    }
    check_postal_code(address, country, report);
    check_free_text(address, "city", CITY_MAX, true, report);
    check_free_text(address, "addressLine1", ADDRESS_LINE_MAX, true, report);
    check_free_text(address, "addressLine2", ADDRESS_LINE_MAX, false, report);
    check_free_text(address, "phoneNumber", PHONE_MAX, false, report);
}

fn check_postal_code(
    address: &Object<'_, '_>,
    country: Option<&'static crate::country::Country>,
    report: &mut Report,
) {
    let wrong_type = address
        .get("postalCode")
        .is_some_and(|value| !value.is_string());
    if wrong_type {
        address.optional_str("postalCode", report);
        return;
    }
    let value = address.optional_str("postalCode", report).unwrap_or("");
    let path = address.at("postalCode");
    match country {
        Some(country) => apply(report, &path, postal_code::check(country, value)),
        None => check_postal_length(value, &path, report),
    }
}

/// Without a known country only the length of a postal code can be checked.
fn check_postal_length(value: &str, path: &Loc<'_>, report: &mut Report) {
    let too_long = crate::field::text::length(value, 0, postal_code::MAX_LENGTH);
    report.add_all(path, too_long);
}

/// A free-text field under Adobe's XSS rule, required or not.
pub(crate) fn check_free_text(
    object: &Object<'_, '_>,
    key: &str,
    max: usize,
    required: bool,
    report: &mut Report,
) {
    let value = if required {
        object.required_str(key, report)
    } else {
        object.optional_str(key, report)
    };
    if let Some(value) = value {
        apply(report, &object.at(key), safe_text::check(value, max));
    }
}

/// `contacts`: at least one Contact.
fn check_contacts(profile: &Object<'_, '_>, report: &mut Report) {
    let Some(contacts) = profile.required_array("contacts", report) else {
        return;
    };
    if contacts.is_empty() {
        report.add(
            &profile.at("contacts"),
            Finding::new(Code::ArrayTooFew)
                .with("min", 1_i64)
                .with("noun", "contact"),
        );
    }
    for (index, value) in contacts.iter().enumerate() {
        if let Some(contact) = Object::new(value, profile.at("contacts").index(index), report) {
            check_contact(&contact, report);
        }
    }
}

/// The Contact resource. Its phone number has only a length limit, unlike
/// the address's (see [`contact_phone`]).
pub(crate) fn check_contact(contact: &Object<'_, '_>, report: &mut Report) {
    contact.check_keys(CONTACT_KEYS, &[], report);
    for key in ["firstName", "lastName"] {
        if let Some(name) = contact.required_str(key, report) {
            apply(report, &contact.at(key), person_name::check(name));
        }
    }
    if let Some(address) = contact.required_str("email", report) {
        contact.apply("email", email::check(address), report);
    }
    if let Some(phone) = contact.optional_str("phoneNumber", report) {
        contact.apply("phoneNumber", contact_phone::check(phone), report);
    }
}

/// Checks a profile given as a raw value (type problems filed at `companyProfile`).
pub(crate) fn check_profile_value(
    body: &Object<'_, '_>,
    owner: Owner,
    report: &mut Report,
) -> bool {
    match body.required_object("companyProfile", report) {
        Some(profile) => {
            check_profile(&profile, owner, report);
            true
        }
        None => false,
    }
}

/// The values of a profile's market segment(s), for cross-checks.
pub(crate) fn segments_of(body: &Json<'_>) -> Vec<String> {
    let profile = &body["companyProfile"];
    if let Some(segment) = profile["marketSegment"].as_str() {
        return vec![segment.to_owned()];
    }
    profile["marketSegments"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(Json::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
