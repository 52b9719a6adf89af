//! One field at a time, for checks as the user types.
//!
//! A form does not want to build a whole request to learn that a postal code is
//! wrong; [`validate_field`] runs the same rule the request validator would run
//! on that field, and files findings at the field's name. Which rule a name
//! gets, and its length cap, is the field registry's (`src/field_registry.rs`);
//! this module turns a [`Rule`] into its check.

use crate::error::Error;
use crate::field::{
    account_id, approval_code, company_name, contact_phone, country, currency, email, locale,
    market_segment, membership_id, offer_id, person_name, postal_code, region, safe_text,
    subscription_id,
};
use crate::field_registry::{self, Rule};
use crate::input::FromJson;
use crate::report::{Code, Finding, Loc, Report};
use serde::Deserialize;

/// What a field rule may need besides the value.
#[derive(Clone, Debug, Default, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct FieldContext {
    /// The address's country, for `postalCode` and `region`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub country: Option<String>,
}

/// Names of the fields [`validate_field`] knows, in the field registry's order.
/// `phoneNumber` is the address's phone; `contactPhoneNumber` is a contact's,
/// which has no character rule (Resources, Contact).
pub const FIELD_NAMES: &[&str] = &CHECKED_NAMES;

const CHECKED_NAMES: [&str; field_registry::CHECKED_COUNT] = field_registry::checked_names();

/// Validates one field's value by the rule the request validators use for it.
///
/// # Errors
/// [`Error`] when `name` is not one of [`FIELD_NAMES`] (a programming mistake,
/// not a user's).
///
/// ```
/// use vipmp::validate::{FieldContext, validate_field};
/// let context = FieldContext { country: Some("US".into()) };
/// let report = validate_field("postalCode", "9511", &context).unwrap();
/// assert_eq!(report.codes(), ["postal_code.invalid_format"]);
/// ```
pub fn validate_field(name: &str, value: &str, context: &FieldContext) -> Result<Report, Error> {
    let findings = findings_for(name, value, context).ok_or_else(|| Error::unknown_field(name))?;
    let mut report = Report::new();
    // The field's path is built only when a finding is filed there.
    report.add_all(&Loc::Root.key(name), findings);
    Ok(report)
}

/// The report for a field whose value is not text at all (a number, an
/// object): `type.invalid` at the field, expecting text. A host that receives
/// untyped values (the WebAssembly package) answers with this.
///
/// # Errors
/// [`Error`] when `name` is not one of [`FIELD_NAMES`], as for
/// [`validate_field`].
///
/// ```
/// use vipmp::validate::validate_field_not_text;
/// let report = validate_field_not_text("city").unwrap();
/// assert_eq!(report.codes(), ["type.invalid"]);
/// assert!(validate_field_not_text("nickname").is_err());
/// ```
pub fn validate_field_not_text(name: &str) -> Result<Report, Error> {
    field_registry::rule(name).ok_or_else(|| Error::unknown_field(name))?;
    let mut report = Report::new();
    report.add(
        &Loc::Root.key(name),
        Finding::new(Code::TypeInvalid).with("expected", "text"),
    );
    Ok(report)
}

fn findings_for(name: &str, value: &str, context: &FieldContext) -> Option<Vec<Finding>> {
    Some(check(field_registry::rule(name)?, value, context))
}

/// The findings of one registry rule on a value.
fn check(rule: Rule, value: &str, context: &FieldContext) -> Vec<Finding> {
    match rule {
        Rule::CompanyName => company_name::check(value),
        Rule::PersonName => person_name::check(value),
        Rule::Email => email::check(value),
        Rule::FreeText { max } => safe_text::check(value, max),
        Rule::Country => country::check(value).err().into_iter().collect(),
        Rule::Region => with_country(context, |c| region::check(c, value)),
        Rule::PostalCode => postal_code_of(context, value),
        Rule::Locale => locale::check(value),
        Rule::MarketSegment => market_segment::check(value),
        Rule::Currency => currency::check(value),
        Rule::CotermDate => coterm_date(value),
        Rule::AccountId => account_id::check(value),
        Rule::SubscriptionId => subscription_id::check(value),
        Rule::MembershipId => membership_id::check(value),
        Rule::OfferId => offer_id::check(value),
        Rule::ApprovalCode => approval_code::check(value),
        Rule::ContactPhone => contact_phone::check(value),
    }
}

/// A postal code as a body's address checks it (`postal_code::check_in`),
/// with the context's country when Adobe sells into it.
fn postal_code_of(context: &FieldContext, value: &str) -> Vec<Finding> {
    let known = context
        .country
        .as_deref()
        .and_then(|code| country::check(code).ok());
    postal_code::check_in(known, value)
}

/// Region and postal code rules need a country Adobe sells into; without one
/// there is nothing to check them against, and the country field reports why.
fn with_country(
    context: &FieldContext,
    rule: impl Fn(&'static crate::country::Country) -> Vec<Finding>,
) -> Vec<Finding> {
    context
        .country
        .as_deref()
        .and_then(|code| country::check(code).ok())
        .map(rule)
        .unwrap_or_default()
}

/// A coterm date, as on Create Customer: empty (no coterm date yet) or a real
/// `YYYY-MM-DD` date. Adobe's COTERM_DATE pattern makes the whole date
/// optional (`^(\d{4}-…)?$`, FACTS.md §2.1, §2.3 item 10), and the reference
/// shows a new customer with `"cotermDate": ""`
/// (partner-api-reference-2024-02.txt, Create Customer response).
fn coterm_date(value: &str) -> Vec<Finding> {
    if value.is_empty() {
        return Vec::new();
    }
    crate::date::Date::parse(value)
        .err()
        .map(crate::date::DateError::finding)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(name: &str, value: &str, country: Option<&str>) -> Vec<(String, &'static str)> {
        let context = FieldContext {
            country: country.map(str::to_owned),
        };
        let report = validate_field(name, value, &context).expect("a known field");
        report
            .violations
            .iter()
            .map(|violation| (violation.path.to_string(), violation.code.as_str()))
            .collect()
    }

    fn at(name: &str, code: &'static str) -> Vec<(String, &'static str)> {
        vec![(name.to_owned(), code)]
    }

    #[test]
    fn every_listed_field_is_known_and_no_other() {
        for name in FIELD_NAMES {
            assert!(
                validate_field(name, "", &FieldContext::default()).is_ok(),
                "{name}"
            );
        }
        assert!(validate_field("nickname", "x", &FieldContext::default()).is_err());
    }

    #[test]
    fn free_text_fields_have_the_request_limits() {
        for (name, max) in [
            ("phoneNumber", 40),
            ("city", 40),
            ("addressLine1", 60),
            ("addressLine2", 60),
            ("externalReferenceId", 35),
        ] {
            assert!(codes(name, &"a".repeat(max), None).is_empty(), "{name}");
            assert_eq!(
                codes(name, &"a".repeat(max + 1), None),
                at(name, "string.too_long")
            );
        }
    }

    #[test]
    fn region_and_postal_code_need_a_country_adobe_sells_into() {
        assert!(codes("postalCode", "9511", None).is_empty());
        assert!(codes("postalCode", "9511", Some("XX")).is_empty());
        // Without one, the length every country shares, as in a body.
        let too_long = "9".repeat(postal_code::MAX_LENGTH + 1);
        for country in [None, Some("XX")] {
            assert_eq!(
                codes("postalCode", &too_long, country),
                at("postalCode", "string.too_long")
            );
        }
        assert_eq!(
            codes("postalCode", "9511", Some("US")),
            at("postalCode", "postal_code.invalid_format")
        );
        assert!(codes("postalCode", "95110", Some("US")).is_empty());
        assert!(codes("region", "ZZ", None).is_empty());
        assert_eq!(
            codes("region", "ZZ", Some("US")),
            at("region", "region.unknown")
        );
    }

    #[test]
    fn a_coterm_date_is_empty_or_a_real_date() {
        assert!(codes("cotermDate", "", None).is_empty());
        assert!(codes("cotermDate", "2028-02-29", None).is_empty());
        assert_eq!(
            codes("cotermDate", "2027-02-29", None),
            at("cotermDate", "date.not_a_calendar_date")
        );
        assert_eq!(
            codes("cotermDate", "2027-2-28", None),
            at("cotermDate", "date.invalid_format")
        );
    }

    #[test]
    fn a_contacts_phone_has_no_character_rule() {
        assert!(codes("contactPhoneNumber", "<1>", None).is_empty());
        assert_eq!(
            codes("phoneNumber", "1>", None),
            at("phoneNumber", "text.forbidden_character")
        );
    }

    #[test]
    fn account_ids_share_one_rule() {
        for name in [
            "distributorId",
            "resellerId",
            "customerId",
            "orderId",
            "referenceOrderId",
        ] {
            assert!(codes(name, "1234", None).is_empty(), "{name}");
            assert_eq!(codes(name, "123", None), at(name, "id.invalid_format"));
        }
    }
}
