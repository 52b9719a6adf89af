//! The field registry: one row per field name with its label, its rule and
//! (for free text) its length cap.
//!
//! A field's facts used to live in four places: the names `validate_field`
//! knows, the match that picks its rule, the label a message names it by, and
//! the length caps. Here they are one table, read by
//! [`validate_field`](crate::validate::validate_field) and
//! [`FIELD_NAMES`](crate::validate::FIELD_NAMES), by the messages (`{label}`), by
//! the free-text caps of [`safe_text`](crate::field::safe_text), and through
//! `validate_field_not_text` by the WebAssembly boundary.
//!
//! The table is plain data with no imports, so every layer can read it: the
//! messages sit below the rules, and the rules below the validators. A rule is
//! named by [`Rule`]; the validators turn it into a check.
//!
//! To add a field: one row here (name, label, rule); a new kind of rule also
//! needs a [`Rule`] variant and its arm in `validate/field.rs`.

/// The rule `validate_field` runs for a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// `field::company_name`.
    CompanyName,
    /// `field::person_name` (first and last names).
    PersonName,
    /// `field::email` (also `requestedBy`).
    Email,
    /// `field::safe_text`: Adobe's XSS rule, at most `max` characters
    /// (FACTS.md §2.2).
    FreeText {
        /// The longest value Adobe accepts, in characters.
        max: usize,
    },
    /// `field::country`.
    Country,
    /// `field::region`, against the context's country.
    Region,
    /// `field::postal_code`, against the context's country.
    PostalCode,
    /// `field::locale`.
    Locale,
    /// `field::market_segment`.
    MarketSegment,
    /// `field::currency`.
    Currency,
    /// Empty or a real `YYYY-MM-DD` date.
    CotermDate,
    /// `field::account_id` (distributor, reseller, customer and order IDs).
    AccountId,
    /// `field::subscription_id`.
    SubscriptionId,
    /// `field::membership_id`.
    MembershipId,
    /// `field::offer_id`.
    OfferId,
    /// `field::approval_code`.
    ApprovalCode,
    /// `field::contact_phone`.
    ContactPhone,
}

/// One field: its name in the API, its label in messages, its rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldSpec {
    /// The key as the API spells it (`postalCode`).
    pub(crate) name: &'static str,
    /// The field in words, for messages ("Postal code").
    pub(crate) label: &'static str,
    /// The rule `validate_field` runs; `None` for a key that only has a label
    /// (a part of a request that `validate_field` does not check alone).
    pub(crate) rule: Option<Rule>,
}

const fn field(name: &'static str, label: &'static str, rule: Rule) -> FieldSpec {
    FieldSpec {
        name,
        label,
        rule: Some(rule),
    }
}

const fn label_only(name: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        label,
        rule: None,
    }
}

const fn free_text(name: &'static str, label: &'static str, max: usize) -> FieldSpec {
    field(name, label, Rule::FreeText { max })
}

/// Every field, in the order of `FIELD_NAMES`; then the keys with a label only.
/// `phoneNumber` is the address's phone (free text); `contactPhoneNumber` is a
/// contact's, which has no character rule (Resources, Contact). The caps are
/// FACTS.md §2.2's; `externalReferenceId` also Restrictions, error 2126.
pub(crate) const FIELDS: &[FieldSpec] = &[
    field("companyName", "Company name", Rule::CompanyName),
    field("firstName", "First name", Rule::PersonName),
    field("lastName", "Last name", Rule::PersonName),
    field("email", "Email", Rule::Email),
    field("requestedBy", "Requested by", Rule::Email),
    free_text("phoneNumber", "Phone number", 40),
    free_text("addressLine1", "Address line 1", 60),
    free_text("addressLine2", "Address line 2", 60),
    free_text("city", "City", 40),
    field("country", "Country", Rule::Country),
    field("region", "Region", Rule::Region),
    field("postalCode", "Postal code", Rule::PostalCode),
    field("preferredLanguage", "Preferred language", Rule::Locale),
    field("marketSegment", "Market segment", Rule::MarketSegment),
    free_text("externalReferenceId", "External reference ID", 35),
    field("currencyCode", "Currency code", Rule::Currency),
    field("cotermDate", "Coterm date", Rule::CotermDate),
    field("distributorId", "Distributor ID", Rule::AccountId),
    field("resellerId", "Reseller ID", Rule::AccountId),
    field("customerId", "Customer ID", Rule::AccountId),
    field("orderId", "Order ID", Rule::AccountId),
    field("referenceOrderId", "Reference order ID", Rule::AccountId),
    field("subscriptionId", "Subscription ID", Rule::SubscriptionId),
    field("membershipId", "Membership ID", Rule::MembershipId),
    field("offerId", "Offer ID", Rule::OfferId),
    field("approvalCode", "Approval code", Rule::ApprovalCode),
    field(
        "contactPhoneNumber",
        "Contact phone number",
        Rule::ContactPhone,
    ),
    label_only("extLineItemNumber", "Line number"),
    label_only("lineItems", "The order"),
    label_only("contacts", "Contacts"),
];

/// The row of a field name.
pub(crate) fn find(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|spec| spec.name == name)
}

/// The label of a key, when the registry has one.
pub(crate) fn label(key: &str) -> Option<&'static str> {
    find(key).map(|spec| spec.label)
}

/// The rule of a field that `validate_field` checks.
pub(crate) fn rule(name: &str) -> Option<Rule> {
    find(name).and_then(|spec| spec.rule)
}

/// The length cap of a free-text field; a compile error (in a constant) when
/// `name` is not a free-text row.
pub(crate) const fn free_text_max(name: &str) -> usize {
    let mut at = 0;
    while at < FIELDS.len() {
        if let (true, Some(Rule::FreeText { max })) = (same(FIELDS[at].name, name), FIELDS[at].rule)
        {
            return max;
        }
        at += 1;
    }
    panic!("not a free-text field of the registry")
}

/// How many rows have a rule (the length of `FIELD_NAMES`).
pub(crate) const CHECKED_COUNT: usize = checked_count();

const fn checked_count() -> usize {
    let (mut at, mut count) = (0, 0);
    while at < FIELDS.len() {
        if FIELDS[at].rule.is_some() {
            count += 1;
        }
        at += 1;
    }
    count
}

/// The names of the rows with a rule, in table order.
pub(crate) const fn checked_names() -> [&'static str; CHECKED_COUNT] {
    let mut names = [""; CHECKED_COUNT];
    let (mut at, mut next) = (0, 0);
    while at < FIELDS.len() {
        if FIELDS[at].rule.is_some() {
            names[next] = FIELDS[at].name;
            next += 1;
        }
        at += 1;
    }
    names
}

/// `a == b` for `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_listed_once() {
        for (at, spec) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[at + 1..].iter().all(|other| other.name != spec.name),
                "{} is listed twice",
                spec.name
            );
        }
    }

    #[test]
    fn names_with_a_rule_come_first_in_table_order() {
        let names = checked_names();
        assert_eq!(names.len(), 27);
        assert_eq!(names[0], "companyName");
        assert_eq!(names[26], "contactPhoneNumber");
        assert!(FIELDS[..CHECKED_COUNT].iter().all(|s| s.rule.is_some()));
    }

    #[test]
    fn free_text_caps_are_facts_md_2_2() {
        assert_eq!(free_text_max("addressLine1"), 60);
        assert_eq!(free_text_max("city"), 40);
        assert_eq!(free_text_max("phoneNumber"), 40);
        assert_eq!(free_text_max("externalReferenceId"), 35);
        assert_eq!(rule("lineItems"), None);
        assert_eq!(label("lineItems"), Some("The order"));
    }
}
