//! The registry of violation codes: the one place every code is defined.
//!
//! Codes are the contract with storefronts: a form switches on them, a translation
//! table is keyed by them, and the TypeScript union is generated from [`Code::ALL`].
//! A code's string never changes once released; a new rule gets a new code. Each
//! entry's doc comment is its documentation and is also returned by
//! [`Code::description`], so the registry documents itself.

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )+) => {
        /// A stable violation code. See each variant for what it means.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])+ $variant, )+
        }

        /// The TypeScript union of every code, generated from this registry.
        #[cfg(feature = "tsify")]
        #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
        const VIOLATION_CODE_TS: &'static str = concat!(
            "/** A stable violation code; see the registry in `src/report/code.rs`. */\n",
            "export type ViolationCode =",
            $( "\n  | \"", $name, "\"", )+
            ";"
        );

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The stable string form, e.g. `postal_code.invalid_format`.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )+ }
            }

            /// The registry's documentation of this code.
            pub fn description(self) -> &'static str {
                match self { $( Code::$variant => concat!($($doc),+).trim_ascii(), )+ }
            }

            /// The code with this stable string, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $( $name => Some(Code::$variant), )+ _ => None }
            }
        }
    };
}

codes! {
    /// A value has the wrong JSON type (a number where a string belongs, an array
    /// where an object belongs). Params: `expected`.
    TypeInvalid = "type.invalid",
    /// A required field is missing, null or empty.
    FieldRequired = "field.required",
    /// The request carries a field the API does not define for this operation;
    /// Adobe answers 1121. Params: `field`.
    FieldUnknown = "field.unknown",
    /// The request carries a field that only Adobe sets (an ID, a status, a
    /// date); Adobe rejects or ignores it. Params: `field`.
    FieldReadOnly = "field.read_only",
    /// The field is defined but not allowed in this context (e.g.
    /// `referenceOrderId` on a NEW order). Params: `reason`.
    FieldNotAllowed = "field.not_allowed",
    /// Text is shorter than the minimum, counted in characters. Params: `min`, `length`.
    StringTooShort = "string.too_short",
    /// Text is longer than the maximum, counted in characters. Params: `max`, `length`.
    StringTooLong = "string.too_long",
    /// Text holds a character outside the field's published character class.
    /// Params: `character` (as the user sees it), `codepoint` (`U+0040`).
    TextInvalidCharacter = "text.invalid_character",
    /// Text fails only because it is in decomposed form (NFD): Adobe does no
    /// normalization, and the composed form (NFC) would pass. Params: `suggestion`.
    TextNotNormalized = "text.not_normalized",
    /// Text holds a combining mark (general category M, e.g. a Devanagari vowel
    /// sign) that no composed form removes; Adobe's class admits only letters and
    /// numbers. Params: `character`, `codepoint`.
    TextCombiningMark = "text.combining_mark",
    /// Text holds `<`, `>` or `"`, which Adobe's XSS rule forbids. Params: `character`.
    TextForbiddenCharacter = "text.forbidden_character",
    /// An email address does not match Adobe's published pattern.
    EmailInvalidFormat = "email.invalid_format",
    /// An account ID (distributor, reseller, customer, order) is not 4–40 letters,
    /// ASCII digits or hyphens.
    IdInvalidFormat = "id.invalid_format",
    /// A subscription ID is not 1–40 ASCII letters and digits.
    SubscriptionIdInvalidFormat = "subscription_id.invalid_format",
    /// A VIP membership ID is not 1–40 ASCII letters, digits or hyphens.
    MembershipIdInvalidFormat = "membership_id.invalid_format",
    /// An offer ID is not 1–40 ASCII letters and digits.
    OfferIdInvalidFormat = "offer_id.invalid_format",
    /// A reseller-change approval code is not the 7 or 8 digits Adobe issues.
    ApprovalCodeInvalidFormat = "approval_code.invalid_format",
    /// A date is not written `YYYY-MM-DD`. Params: `expected`.
    DateInvalidFormat = "date.invalid_format",
    /// A date is written correctly but does not exist (`2026-02-31`).
    DateNotACalendarDate = "date.not_a_calendar_date",
    /// A date falls outside the allowed window. Params: `min`, `max`.
    DateOutOfRange = "date.out_of_range",
    /// A query date is neither `YYYY-MM-DD` nor an ISO-8601 UTC timestamp
    /// (`2019-05-02T22:49:54Z`).
    DateTimeInvalidFormat = "datetime.invalid_format",
    /// A start date lies after the end date. Params: `start`, `end`.
    DateRangeReversed = "date.range_reversed",
    /// A country is not two upper-case letters. Params: `suggestion` when
    /// upper-casing would fix it.
    CountryInvalidFormat = "country.invalid_format",
    /// No ISO 3166-1 country has this code.
    CountryUnknown = "country.unknown",
    /// Adobe does not sell into this country. Params: `reason`, `remediation`.
    CountryUnsupported = "country.unsupported",
    /// The region is not one Adobe accepts for the country. Params: `country`.
    RegionUnknown = "region.unknown",
    /// The region was sent as a full ISO 3166-2 code (`US-CA`); Adobe wants only
    /// the part after the hyphen. Params: `suggestion`.
    RegionHasCountryPrefix = "region.has_country_prefix",
    /// A postal code does not match the country's published format.
    /// Params: `value`, `country`, `examples`.
    PostalCodeInvalidFormat = "postal_code.invalid_format",
    /// The preferred language is not one of Adobe's supported locales.
    /// Params: `suggestion` when a supported locale differs only in case or separator.
    LocaleUnsupported = "locale.unsupported",
    /// A value is not one of the values this field accepts. Params: `allowed`.
    EnumInvalid = "enum.invalid",
    /// A market segment is listed more than once. Params: `value`.
    MarketSegmentDuplicate = "market_segment.duplicate",
    /// An update would remove a market segment the reseller already sells into;
    /// Adobe answers 5122 / 1134. Params: `value`.
    MarketSegmentRemoved = "market_segment.removed",
    /// A customer's market segment cannot change while the customer has active
    /// subscriptions.
    MarketSegmentLocked = "market_segment.locked",
    /// A currency code is not three upper-case letters (ISO 4217).
    CurrencyInvalidFormat = "currency.invalid_format",
    /// The order carries a currency both at order level and on a line; Adobe
    /// answers 2140.
    CurrencyAtBothLevels = "currency.at_both_levels",
    /// A number is not a whole number.
    NumberNotInteger = "number.not_integer",
    /// A number is outside the allowed range. Params: `min`, `max`, and `reason`
    /// when the limit depends on the product.
    NumberOutOfRange = "number.out_of_range",
    /// A list has fewer items than required. Params: `min`.
    ArrayTooFew = "array.too_few",
    /// A list has more items than allowed. Params: `max`, `count`.
    ArrayTooMany = "array.too_many",
    /// Two line items share an `extLineItemNumber`; Adobe answers 2121. Params: `value`.
    LineItemNumberDuplicate = "line_item.duplicate_number",
    /// An order type Adobe creates itself (TRANSFER) was sent. Params: `value`.
    OrderTypeNotCreatable = "order_type.not_creatable",
    /// A 3YC `commitmentRequest` and `recommitmentRequest` were sent together, or
    /// one was sent while the customer has the other pending.
    CommitmentRequestConflict = "commitment.request_conflict",
    /// A 3YC recommitment was requested for a customer without a COMMITTED
    /// commitment, or outside its window. Params: `reason`.
    CommitmentRecommitNotAllowed = "commitment.recommit_not_allowed",
    /// A 3YC minimum quantity is below the program minimum (10 licences, 1000
    /// consumables). Params: `offerType`, `min`.
    CommitmentBelowMinimum = "commitment.below_minimum",
    /// The same offer type or benefit type is listed twice. Params: `value`.
    ListDuplicate = "list.duplicate",
    /// The Large Government Agency benefit's conditions are not met (US or CA,
    /// GOV, FEDERAL or STATE, no 3YC). Params: `reason`.
    LgaNotEligible = "lga.not_eligible",
    /// An update would drop an offer type the customer is already committed to;
    /// a 3YC request must repeat every committed offer type. Params: `offerType`.
    CommitmentMissingOfferType = "commitment.missing_offer_type",
    /// A RETURN (or revert) refers to an order older than the 14-day return
    /// window. Params: `deadline`.
    ReturnWindowClosed = "return.window_closed",
    /// A returned line does not match a line of the referenced order (Adobe
    /// answers 2130 / 2131). Params: `reason`.
    ReturnLineMismatch = "return.line_mismatch",
    /// The referenced order is not one that can be returned (only NEW and RENEWAL
    /// orders can). Params: `value`.
    ReturnNotReturnable = "return.not_returnable",
    /// A switch's line quantity differs from its cancelling quantity (Adobe
    /// answers 2149). Params: `quantity`, `cancelling`.
    SwitchQuantityMismatch = "switch.quantity_mismatch",
    /// Auto-renewal can be changed only on an active subscription (Adobe answers
    /// 3119). Params: `status`.
    SubscriptionInactive = "subscription.inactive",
    /// The customer's market segment is not one the reseller sells into (Adobe
    /// answers 2135). Params: `value`, `allowed`.
    MarketSegmentNotEnabled = "market_segment.not_enabled",
    /// Worldwide purchasing (`globalSalesEnabled`) asked for a customer whose
    /// market segment is not COM (Adobe answers 1142). Params: `value`.
    GlobalSalesSegmentNotAllowed = "global_sales.segment_not_allowed",
    /// A query carries a parameter the endpoint does not define. Params: `name`.
    QueryUnknownParameter = "query.unknown_parameter",
    /// A query parameter that takes one value was given several. Params: `name`.
    QueryNotRepeatable = "query.not_repeatable",
    /// An amount is not a plain decimal with at most the currency's decimals
    /// (`1206.84`), or does not fit. Params: `value`.
    AmountInvalid = "amount.invalid",
    /// A price or total is too large to compute exactly.
    AmountOverflow = "amount.overflow",
    /// A proration's order date is not inside the anniversary year ending at the
    /// coterm date (FACTS.md §3.4). Params: `start`, `anniversary`.
    ProrationInvalidTerm = "proration.invalid_term",
    /// A price-list file or JSON is malformed. Params: `line`, `column`, `reason`.
    PriceListMalformed = "price_list.malformed",
    /// The price list has no row for the offer at the level the order earns; the
    /// storefront's "very rare error message". Params: `offerId`.
    PriceNotFound = "price.not_found",
    /// A currency differs from the one the offers are priced in. Params: `value`,
    /// `expected`.
    CurrencyMismatch = "currency.mismatch",
    /// The ordering account has no reselling capability (storefront warning 6).
    BasketNotAReseller = "basket.not_a_reseller",
    /// The reseller is not synced with Adobe (storefront rule 1, warning 5).
    /// Params: `product`.
    BasketResellerNotSynced = "basket.reseller_not_synced",
    /// A reseller orders Adobe products for personal use (storefront warning 4).
    BasketPersonalUse = "basket.personal_use",
    /// The basket has no "Adobe Services" container product (storefront rule 2).
    BasketContainerMissing = "basket.container_missing",
    /// The basket has more than one container product (storefront rule 4).
    BasketContainerDuplicate = "basket.container_duplicate",
    /// The container product's price is not zero (storefront, "Please note").
    BasketContainerPrice = "basket.container_price",
    /// Warning: a new subscription is ordered where one exists (BSS warning 2).
    /// Params: `account`.
    BasketSubscriptionExists = "basket.subscription_exists",
    /// The basket has no add-on (storefront warning 1, rule 2).
    BasketAddOnMissing = "basket.add_on_missing",
    /// The same add-on is in the basket twice (BSS warning 1).
    BasketAddOnDuplicate = "basket.add_on_duplicate",
    /// Warning: the customer already has this add-on; the order goes to the
    /// existing subscription (storefront warning 3).
    BasketAddOnExisting = "basket.add_on_existing",
    /// A quantity is below the offer's minimum purchase quantity (price list
    /// Additional Detail, High Growth MOQ; FACTS.md §3.1, §3.3). Params: `min`.
    BasketBelowMinimumQuantity = "basket.below_minimum_quantity",
    /// The offer is not sold to the customer's market segment or sub-segment;
    /// Adobe answers 2129 INELIGIBLE_MARKET_SEGMENT. Params: `reasonCode`, `reason`.
    BasketIneligibleMarketSegment = "basket.ineligible_market_segment",
    /// A Sign introductory offer with quantity above 1 or auto-renewal
    /// (FACTS.md §2.7). Params: `reason`.
    BasketIntroductoryOffer = "basket.introductory_offer",
    /// An add-on without its base product; Adobe answers 2129 INELIGIBLE_ADD_ON.
    /// Params: `reasonCode`, `product`.
    BasketIneligibleAddOn = "basket.ineligible_add_on",
    /// ID, ResellerID and Role fit none of the three account cases
    /// (reseller-provisioning.txt, Step #2). Params: `reason`.
    ProvisioningRoleMismatch = "provisioning.role_mismatch",
    /// The account would fail Adobe synchronization with a storefront error
    /// (NoCitySpecified, PostCodeNotValid, …). Params: `name`, `text`.
    ProvisioningSyncError = "provisioning.sync_error",
    /// Adobe's sync answer named this field invalid ("Invalid Address (field)").
    /// Params: `field`.
    ProvisioningInvalidField = "provisioning.invalid_field",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert_eq!(Code::from_name(code.as_str()), Some(code));
        }
    }

    #[test]
    fn names_are_dotted_snake_case() {
        for &code in Code::ALL {
            let name = code.as_str();
            let (family, rule) = name.split_once('.').expect("family.rule");
            for part in [family, rule] {
                assert!(
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn every_code_is_documented() {
        for &code in Code::ALL {
            assert!(code.description().len() > 20, "{code} needs a description");
        }
    }
}
