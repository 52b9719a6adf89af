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
use crate::report::{Code, Finding, Report};

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

const ADDRESS_KEYS: &[&str; 7] = &[
    "country",
    "region",
    "city",
    "addressLine1",
    "addressLine2",
    "postalCode",
    "phoneNumber",
];
const CONTACT_KEYS: &[&str; 4] = &["firstName", "lastName", "email", "phoneNumber"];

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
    for (index, value) in segments.iter().enumerate() {
        let item_path = path.index(index);
        let Some(segment) = text(value, &item_path, report) else {
            continue;
        };
        apply(report, &item_path, market_segment::check(segment));
        let earlier = segments.get(..index).unwrap_or_default();
        if earlier.iter().any(|item| item.as_str() == Some(segment)) {
            report.add(
                &item_path,
                Finding::new(Code::MarketSegmentDuplicate).with("value", segment),
            );
        }
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
pub(crate) fn check_address<'a>(address: &Object<'a, '_>, report: &mut Report) {
    // Named apart from the rule modules they are checked by (`country::`, …).
    let [
        country_found,
        region_found,
        city,
        line_1,
        line_2,
        postal_found,
        phone,
    ] = address.members_named(ADDRESS_KEYS, report);
    let country = address
        .required_str_of("country", country_found, report)
        .and_then(|code| {
            country::check(code)
                .map_err(|finding| report.add(&address.at("country"), finding))
                .ok()
        });
    let region_value = address.required_str_of("region", region_found, report);
    if let (Some(country), Some(value)) = (country, region_value) {
        address.apply("region", region::check(country, value), report);
    }
    check_postal_code(address, postal_found, country, report);
    let free_texts = [
        ("city", city, safe_text::CITY_MAX, true),
        ("addressLine1", line_1, safe_text::ADDRESS_LINE_MAX, true),
        ("addressLine2", line_2, safe_text::ADDRESS_LINE_MAX, false),
        ("phoneNumber", phone, safe_text::PHONE_NUMBER_MAX, false),
    ];
    for (key, value, max, required) in free_texts {
        check_free_text_of(address, key, value, max, required, report);
    }
}

fn check_postal_code<'a>(
    address: &Object<'a, '_>,
    found: Option<&'a Json<'a>>,
    country: Option<&'static crate::country::Country>,
    report: &mut Report,
) {
    if found.is_some_and(|value| !value.is_string()) {
        address.str_of("postalCode", found, report);
        return;
    }
    let path = address.at("postalCode");
    // Required in every country: the Resources table marks addressLine2 and
    // phoneNumber "Optional" and postalCode not (partner-api-reference-2024-02,
    // "Address"); its value may be empty where the country has no pattern
    // (FACTS.md §2.2: length 0–40, no pattern). Issue 15, item 11.
    let Some(value) = address.str_of("postalCode", found, report) else {
        report.add(&path, Finding::new(Code::FieldRequired));
        return;
    };
    apply(report, &path, postal_code::check_in(country, value));
}

/// A free-text field under Adobe's XSS rule, required or not.
pub(crate) fn check_free_text(
    object: &Object<'_, '_>,
    key: &str,
    max: usize,
    required: bool,
    report: &mut Report,
) {
    check_free_text_of(object, key, object.get(key), max, required, report);
}

/// [`check_free_text`] of the member `found` at `key`.
fn check_free_text_of<'a>(
    object: &Object<'a, '_>,
    key: &str,
    found: Option<&'a Json<'a>>,
    max: usize,
    required: bool,
    report: &mut Report,
) {
    let value = if required {
        object.required_str_of(key, found, report)
    } else {
        object.str_of(key, found, report)
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
    let [first_name, last_name, email_found, phone] = contact.members_named(CONTACT_KEYS, report);
    for (key, found) in [("firstName", first_name), ("lastName", last_name)] {
        if let Some(name) = contact.required_str_of(key, found, report) {
            apply(report, &contact.at(key), person_name::check(name));
        }
    }
    if let Some(address) = contact.required_str_of("email", email_found, report) {
        contact.apply("email", email::check(address), report);
    }
    if let Some(phone) = contact.str_of("phoneNumber", phone, report) {
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

#[cfg(test)]
mod tests {
    use super::super::testing::{customer, expect, letters, reseller, valid, with, without};
    use crate::validate::Context;
    use crate::validate::Operation::{CreateCustomer, CreateReseller};
    use serde_json::{Value, json};

    /// The customer body with the value at `pointer` under `companyProfile` set.
    fn profile_with(pointer: &str, value: Value) -> Value {
        with(customer(), &format!("/companyProfile{pointer}"), value)
    }

    #[track_caller]
    fn refused(body: &Value, path: &str, code: &str) {
        expect(CreateCustomer, body, &Context::default(), &[(path, code)]);
    }

    #[test]
    fn company_name_and_language_are_required() {
        let body = without(customer(), "/companyProfile/companyName");
        refused(&body, "companyProfile.companyName", "field.required");
        let body = profile_with("/preferredLanguage", json!("xx-XX"));
        refused(
            &body,
            "companyProfile.preferredLanguage",
            "locale.unsupported",
        );
    }

    #[test]
    fn each_owner_names_its_segments_its_own_way() {
        let body = with(reseller(), "/companyProfile/marketSegment", json!("COM"));
        let found = [("companyProfile.marketSegment", "field.not_allowed")];
        expect(CreateReseller, &body, &Context::default(), &found);
        let body = profile_with("/marketSegments", json!(["COM"]));
        refused(&body, "companyProfile.marketSegments", "field.not_allowed");
        let body = profile_with("/marketSegment", json!("ENT"));
        refused(&body, "companyProfile.marketSegment", "enum.invalid");
    }

    #[test]
    fn a_reseller_lists_at_least_one_segment_once() {
        let segments = |list: Value| with(reseller(), "/companyProfile/marketSegments", list);
        let run = |body: &Value, found: &[(&str, &str)]| {
            expect(CreateReseller, body, &Context::default(), found);
        };
        run(&segments(json!(["GOV"])), &[]);
        run(
            &segments(json!([])),
            &[("companyProfile.marketSegments", "array.too_few")],
        );
        run(
            &segments(json!(["COM", "EDU", "COM"])),
            &[(
                "companyProfile.marketSegments[2]",
                "market_segment.duplicate",
            )],
        );
        run(
            &segments(json!(["COM", 3])),
            &[("companyProfile.marketSegments[1]", "type.invalid")],
        );
    }

    #[test]
    fn sub_segments_are_read_only_without_the_lga_benefit() {
        let body = profile_with("/marketSubSegments", json!(["FEDERAL"]));
        refused(&body, "companyProfile.marketSubSegments", "field.read_only");
        let mut lga = profile_with("/marketSegment", json!("GOV"));
        lga = with(
            lga,
            "/benefits",
            json!([{ "type": "LARGE_GOVERNMENT_AGENCY" }]),
        );
        let sub = |list: Value| with(lga.clone(), "/companyProfile/marketSubSegments", list);
        valid(CreateCustomer, &sub(json!(["STATE"])), &Context::default());
        let found = [
            ("companyProfile.marketSubSegments[1]", "enum.invalid"),
            ("benefits[0].type", "lga.not_eligible"),
        ];
        let body = sub(json!(["STATE", "K_12"]));
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn free_text_address_fields_have_their_limits() {
        for (key, max) in [
            ("city", 40),
            ("addressLine1", 60),
            ("addressLine2", 60),
            ("phoneNumber", 40),
        ] {
            let body = profile_with(&format!("/address/{key}"), json!(letters(max)));
            valid(CreateCustomer, &body, &Context::default());
            let body = profile_with(&format!("/address/{key}"), json!(letters(max + 1)));
            refused(
                &body,
                &format!("companyProfile.address.{key}"),
                "string.too_long",
            );
        }
    }

    #[test]
    fn city_and_first_address_line_are_required_the_rest_optional() {
        let body = without(customer(), "/companyProfile/address/city");
        refused(&body, "companyProfile.address.city", "field.required");
        let body = without(customer(), "/companyProfile/address/addressLine1");
        refused(
            &body,
            "companyProfile.address.addressLine1",
            "field.required",
        );
        let body = without(customer(), "/companyProfile/address/addressLine2");
        valid(CreateCustomer, &body, &Context::default());
        let body = without(customer(), "/companyProfile/address/phoneNumber");
        valid(CreateCustomer, &body, &Context::default());
    }

    #[test]
    fn country_region_and_postal_code_are_checked_together() {
        let body = profile_with("/address/country", json!("us"));
        let found = [("companyProfile.address.country", "country.invalid_format")];
        expect(CreateCustomer, &body, &Context::default(), &found);
        let body = profile_with("/address/region", json!("ZZ"));
        refused(&body, "companyProfile.address.region", "region.unknown");
        let body = profile_with("/address/postalCode", json!("9511"));
        refused(
            &body,
            "companyProfile.address.postalCode",
            "postal_code.invalid_format",
        );
        let body = profile_with("/address/postalCode", json!(95110));
        refused(&body, "companyProfile.address.postalCode", "type.invalid");
    }

    #[test]
    fn without_a_known_country_only_the_postal_length_is_checked() {
        let body = profile_with("/address/country", json!("XX"));
        let body = with(body, "/companyProfile/address/postalCode", json!("ANY 1"));
        let found = [("companyProfile.address.country", "country.unknown")];
        expect(CreateCustomer, &body, &Context::default(), &found);
        let long = json!(letters(crate::field::postal_code::MAX_LENGTH + 1));
        let body = with(body, "/companyProfile/address/postalCode", long);
        let found = [
            ("companyProfile.address.country", "country.unknown"),
            ("companyProfile.address.postalCode", "string.too_long"),
        ];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }

    #[test]
    fn there_is_at_least_one_contact_and_each_is_an_object() {
        let body = profile_with("/contacts", json!([]));
        refused(&body, "companyProfile.contacts", "array.too_few");
        let body = profile_with("/contacts", json!(["Donald"]));
        refused(&body, "companyProfile.contacts[0]", "type.invalid");
        let body = without(customer(), "/companyProfile/contacts");
        refused(&body, "companyProfile.contacts", "field.required");
    }

    #[test]
    fn a_contact_has_names_an_email_and_a_phone_of_40_characters() {
        let body = profile_with("/contacts/0/email", json!("donald"));
        refused(
            &body,
            "companyProfile.contacts[0].email",
            "email.invalid_format",
        );
        let body = without(customer(), "/companyProfile/contacts/0/lastName");
        refused(
            &body,
            "companyProfile.contacts[0].lastName",
            "field.required",
        );
        let body = profile_with("/contacts/0/phoneNumber", json!("+1 <408> 123"));
        valid(CreateCustomer, &body, &Context::default());
        let body = profile_with("/contacts/0/phoneNumber", json!("1".repeat(41)));
        refused(
            &body,
            "companyProfile.contacts[0].phoneNumber",
            "string.too_long",
        );
    }

    #[test]
    fn the_address_phone_follows_the_xss_rule_unlike_a_contacts() {
        let body = profile_with("/address/phoneNumber", json!("+1 <408> 123"));
        let found = [(
            "companyProfile.address.phoneNumber",
            "text.forbidden_character",
        )];
        expect(CreateCustomer, &body, &Context::default(), &found);
    }
}
