//! English messages, written for the person filling in the form.
//!
//! A message names the field in words ("Postal code", not `postalCode`), quotes
//! what was typed when that helps, and says how to fix it. The storefront may
//! translate by code and params instead; these are the defaults.

use super::{Code, Params, Path};

/// The message for a code at a path.
pub(super) fn render(path: &Path, code: Code, params: &Params) -> String {
    let field = field_label(path);
    let p = |name: &str| params.text(name);
    match code {
        Code::TypeInvalid => format!("{field} must be {}.", p("expected")),
        Code::FieldRequired => format!("{field} is required."),
        Code::FieldUnknown => format!("{field} is not a field Adobe accepts here; remove it."),
        Code::FieldReadOnly => format!("{field} is set by Adobe and cannot be sent."),
        Code::FieldNotAllowed => format!("{field} is not allowed here: {}.", p("reason")),
        Code::StringTooShort => {
            format!(
                "{field} must be at least {} characters (it has {}).",
                p("min"),
                p("length")
            )
        }
        Code::StringTooLong => {
            format!(
                "{field} must be at most {} characters (it has {}).",
                p("max"),
                p("length")
            )
        }
        Code::TextInvalidCharacter => format!(
            "{field} cannot contain “{}” ({}).{}",
            p("character"),
            p("codepoint"),
            allowed_hint(params)
        ),
        Code::TextNotNormalized => format!(
            "{field} uses decomposed accents that Adobe rejects; use “{}” instead.",
            p("suggestion")
        ),
        Code::TextCombiningMark => format!(
            "{field} contains the combining mark “{}” ({}), which Adobe does not accept.",
            p("character"),
            p("codepoint")
        ),
        Code::TextForbiddenCharacter => {
            format!(
                "{field} cannot contain {}; remove it.",
                quoted_char(&p("character"))
            )
        }
        Code::EmailInvalidFormat => format!("{field} is not a valid email address."),
        Code::IdInvalidFormat => {
            format!("{field} must be 4 to 40 letters, digits or hyphens.")
        }
        Code::SubscriptionIdInvalidFormat => {
            format!("{field} must be 1 to 40 letters and digits.")
        }
        Code::MembershipIdInvalidFormat => {
            format!("{field} must be 1 to 40 letters, digits or hyphens.")
        }
        Code::OfferIdInvalidFormat => {
            format!("{field} must be an Adobe offer ID such as 65304479CA01A12.")
        }
        Code::ApprovalCodeInvalidFormat => {
            format!("{field} must be the 7- or 8-digit code the customer received from Adobe.")
        }
        Code::DateInvalidFormat => format!("{field} must be a date written {}.", p("expected")),
        Code::DateNotACalendarDate => format!("{field} is not a real calendar date."),
        Code::DateOutOfRange => {
            format!("{field} must be between {} and {}.", p("min"), p("max"))
        }
        Code::DateTimeInvalidFormat => {
            format!("{field} must be a date (2019-05-02) or a UTC time (2019-05-02T22:49:54Z).")
        }
        Code::DateRangeReversed => {
            format!(
                "The start date {} is after the end date {}.",
                p("start"),
                p("end")
            )
        }
        Code::CountryInvalidFormat => match params.get("suggestion") {
            Some(suggestion) => format!("{field} must be written in capitals: {suggestion}."),
            None => format!("{field} must be a two-letter ISO country code such as US."),
        },
        Code::CountryUnknown => format!("{field} is not a known ISO country code."),
        Code::CountryUnsupported => unsupported_country(&field, params),
        Code::RegionUnknown => format!(
            "{field} is not a region Adobe accepts for {}.",
            p("country")
        ),
        Code::RegionHasCountryPrefix => format!(
            "{field} takes only the code after the hyphen: {}.",
            p("suggestion")
        ),
        Code::PostalCodeInvalidFormat => postal_code(&field, params),
        Code::LocaleUnsupported => match params.get("suggestion") {
            Some(suggestion) => format!("{field} is not supported; did you mean {suggestion}?"),
            None => format!("{field} is not one of the languages Adobe supports."),
        },
        Code::EnumInvalid => format!("{field} must be one of {}.", p("allowed")),
        Code::MarketSegmentDuplicate => format!("{field} lists {} twice.", p("value")),
        Code::MarketSegmentRemoved => format!(
            "{field} cannot drop {}: a reseller cannot remove a market segment it sells into.",
            p("value")
        ),
        Code::MarketSegmentLocked => {
            format!("{field} cannot change while the customer has active subscriptions.")
        }
        Code::CurrencyInvalidFormat => {
            format!("{field} must be a three-letter currency code such as USD.")
        }
        Code::CurrencyAtBothLevels => {
            format!("{field} cannot be set on the order and on its lines at once; keep one.")
        }
        Code::NumberNotInteger => format!("{field} must be a whole number."),
        Code::NumberOutOfRange => out_of_range(&field, params),
        Code::ArrayTooFew => format!("{field} needs at least {}.", counted(params, "min")),
        Code::ArrayTooMany => format!(
            "{field} can have at most {} (it has {}).",
            counted(params, "max"),
            p("count")
        ),
        Code::LineItemNumberDuplicate => {
            format!("Line number {} is used by more than one line.", p("value"))
        }
        Code::OrderTypeNotCreatable => {
            format!(
                "{field} {} is created by Adobe and cannot be sent.",
                p("value")
            )
        }
        Code::CommitmentRequestConflict => format!(
            "{field}: a 3-year commitment request and a recommitment request cannot be combined."
        ),
        Code::CommitmentRecommitNotAllowed => {
            format!("{field}: a recommitment is not possible: {}.", p("reason"))
        }
        Code::CommitmentBelowMinimum => format!(
            "{field}: a 3-year commitment needs at least {} {}.",
            p("min"),
            offer_type_words(&p("offerType"))
        ),
        Code::ListDuplicate => format!("{field} lists {} twice.", p("value")),
        Code::LgaNotEligible => format!("{field}: {}.", p("reason")),
        Code::CommitmentMissingOfferType => format!(
            "{field} must repeat the committed {} quantity.",
            offer_type_words(&p("offerType"))
        ),
        Code::ReturnWindowClosed => {
            format!(
                "The order can no longer be returned: the return window closed on {}.",
                p("deadline")
            )
        }
        Code::ReturnLineMismatch => format!(
            "{field} does not match the original order: {}.",
            p("reason")
        ),
        Code::ReturnNotReturnable => {
            format!(
                "A {} order cannot be returned; only NEW and RENEWAL orders can.",
                p("value")
            )
        }
        Code::SwitchQuantityMismatch => format!(
            "{field} ({}) must equal the quantity being cancelled ({}).",
            p("quantity"),
            p("cancelling")
        ),
        Code::SubscriptionInactive => {
            format!(
                "Auto-renewal can only be changed on an active subscription (status {}).",
                p("status")
            )
        }
        Code::GlobalSalesSegmentNotAllowed => format!(
            "Global sales are available to commercial (COM) customers only, not to {} customers.",
            p("value")
        ),
        Code::MarketSegmentNotEnabled => format!(
            "{field} {} is not a segment this reseller sells into ({}).",
            p("value"),
            p("allowed")
        ),
        Code::QueryUnknownParameter => {
            format!("The search parameter “{}” is not supported.", p("name"))
        }
        Code::QueryNotRepeatable => format!(
            "The search parameter “{}” can be given only once.",
            p("name")
        ),
        Code::AmountInvalid => format!("{field} must be an amount such as 1206.84."),
        Code::AmountOverflow => format!("{field}: the amount is too large to compute."),
        Code::ProrationInvalidTerm => format!(
            "The order date {} is not inside the term ending {}.",
            p("start"),
            p("anniversary")
        ),
        Code::PriceListMalformed => format!(
            "The price list is malformed at line {}, column {}: {}.",
            p("line"),
            p("column"),
            p("reason")
        ),
        Code::PriceNotFound => format!(
            "An error has occurred while retrieving the price for the product {}, and the process cannot be completed. Please contact your Distributor.",
            p("offerId")
        ),
        Code::CurrencyMismatch => format!(
            "{field} {} does not match the currency of the offers ({}).",
            p("value"),
            p("expected")
        ),
        Code::BasketNotAReseller => "This account is not defined as a Reseller.".to_owned(),
        Code::BasketResellerNotSynced => format!(
            "Adobe \"{}\" can only be purchased by registered Adobe Resellers. If you are an Adobe Distributor, please visit the Reseller Account Page and synchronize it with Adobe Services. If you are a Reseller and wish to register as an Adobe Reseller, please navigate to your Account page and complete your registration.",
            p("product")
        ),
        Code::BasketPersonalUse => {
            "\"Adobe Services\" cannot be purchased by resellers for personal usage.".to_owned()
        }
        Code::BasketContainerMissing => {
            "Add the \"Adobe Services\" product to the basket together with the Adobe products.".to_owned()
        }
        Code::BasketContainerDuplicate => {
            "An Adobe subscription can be ordered only once; remove the extra \"Adobe Services\" product.".to_owned()
        }
        Code::BasketContainerPrice => {
            "The \"Adobe Services\" product always has a zero unit price.".to_owned()
        }
        Code::BasketSubscriptionExists => format!(
            "It seems that an Adobe subscription already exists for “{}”. Please update that subscription.",
            p("account")
        ),
        Code::BasketAddOnMissing => {
            "Add at least one Adobe product (add-on) to the \"Adobe Services\" product.".to_owned()
        }
        Code::BasketAddOnDuplicate => {
            "This Adobe product is already in the basket; increase its quantity instead.".to_owned()
        }
        Code::BasketAddOnExisting => {
            "The customer already has this Adobe product; it will be added to the existing subscription.".to_owned()
        }
        Code::BasketBelowMinimumQuantity => {
            format!("{field} must be at least {} for this offer.", p("min"))
        }
        Code::BasketIneligibleMarketSegment => format!(
            "The customer is not eligible to purchase this offer: {}.",
            p("reason")
        ),
        Code::BasketIntroductoryOffer => {
            format!("This Sign introductory offer is not allowed: {}.", p("reason"))
        }
        Code::BasketIneligibleAddOn => format!(
            "This add-on needs its base product {} in the basket or on the account.",
            p("product")
        ),
        Code::ProvisioningRoleMismatch => {
            format!("The account cannot be classified: {}.", p("reason"))
        }
        Code::ProvisioningSyncError => match params.get("text") {
            Some(text) => text.to_string(),
            None => format!("{field} would fail the Adobe synchronization."),
        },
        Code::ProvisioningInvalidField => {
            format!("Adobe reported {} as invalid.", p("field"))
        }
    }
}

fn postal_code(field: &str, params: &Params) -> String {
    let examples = params.text("examples");
    let example_clause = if examples.is_empty() {
        String::new()
    } else {
        format!(", e.g. {examples}")
    };
    format!(
        "{field} {} does not match the format for {}{example_clause}.",
        params.text("value"),
        params.text("country")
    )
}

fn unsupported_country(field: &str, params: &Params) -> String {
    let remediation = params.text("remediation");
    let reason = params.text("reason");
    let mut message = format!(
        "Adobe does not sell into this {}",
        field.to_ascii_lowercase()
    );
    if !reason.is_empty() {
        message.push_str(&format!(" ({})", reason.to_ascii_lowercase()));
    }
    message.push('.');
    if !remediation.is_empty() {
        message.push_str(&format!(" {remediation}."));
    }
    message
}

fn out_of_range(field: &str, params: &Params) -> String {
    let mut message = format!(
        "{field} must be between {} and {}",
        params.text("min"),
        params.text("max")
    );
    if let Some(reason) = params.get("reason") {
        message.push_str(&format!(" {reason}"));
    }
    message.push('.');
    message
}

fn allowed_hint(params: &Params) -> String {
    match params.get("allowed") {
        Some(allowed) => format!(" Allowed: {allowed}."),
        None => String::new(),
    }
}

fn counted(params: &Params, name: &str) -> String {
    let n = params.text(name);
    let noun = params
        .get("noun")
        .map_or_else(|| "item".to_owned(), ToString::to_string);
    if n == "1" {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn quoted_char(character: &str) -> String {
    if character == "\"" {
        "a double quote (\")".to_owned()
    } else {
        format!("“{character}”")
    }
}

fn offer_type_words(offer_type: &str) -> &'static str {
    if offer_type == "CONSUMABLES" {
        "consumables"
    } else {
        "licences"
    }
}

/// "Postal code" for `…address.postalCode`; "Order" for the root.
fn field_label(path: &Path) -> String {
    let Some(key) = path.last_key() else {
        return "The request".to_owned();
    };
    known_label(key).map_or_else(|| words_of(key), str::to_owned)
}

fn known_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "companyName" => "Company name",
        "firstName" => "First name",
        "lastName" => "Last name",
        "email" => "Email",
        "phoneNumber" => "Phone number",
        "addressLine1" => "Address line 1",
        "addressLine2" => "Address line 2",
        "postalCode" => "Postal code",
        "preferredLanguage" => "Preferred language",
        "externalReferenceId" => "External reference ID",
        "cotermDate" => "Coterm date",
        "extLineItemNumber" => "Line number",
        "offerId" => "Offer ID",
        "lineItems" => "The order",
        "contacts" => "Contacts",
        _ => return None,
    })
}

/// `referenceOrderId` → "Reference order ID"; `start-date` → "Start date".
fn words_of(key: &str) -> String {
    let mut words = String::new();
    for (position, ch) in key.chars().enumerate() {
        if ch == '-' || ch == '_' {
            words.push(' ');
        } else if ch.is_ascii_uppercase() && position > 0 {
            words.push(' ');
            words.push(ch.to_ascii_lowercase());
        } else if position == 0 {
            words.push(ch.to_ascii_uppercase());
        } else {
            words.push(ch);
        }
    }
    words.replace(" id", " ID")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Finding;

    fn message(path: &Path, finding: &Finding) -> String {
        render(path, finding.code, &finding.params)
    }

    #[test]
    fn postal_code_message_reads_like_a_sentence() {
        let path = Path::root().key("address").key("postalCode");
        let finding = Finding::new(Code::PostalCodeInvalidFormat)
            .with("value", "9511")
            .with("country", "United States")
            .with("examples", "95110 or 95110-1234");
        assert_eq!(
            message(&path, &finding),
            "Postal code 9511 does not match the format for United States, e.g. 95110 or 95110-1234."
        );
    }

    #[test]
    fn labels_fall_back_to_words() {
        assert_eq!(words_of("referenceOrderId"), "Reference order ID");
        assert_eq!(words_of("start-date"), "Start date");
        assert_eq!(field_label(&Path::root()), "The request");
    }

    #[test]
    fn every_code_renders_without_params() {
        let path = Path::root().key("companyName");
        for &code in Code::ALL {
            let text = render(&path, code, &Params::default());
            assert!(!text.is_empty(), "{code}");
        }
    }
}
