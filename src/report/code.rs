//! The registry of violation codes: the one place every code is defined.
//!
//! Codes are the contract with storefronts: a form switches on them, a translation
//! table is keyed by them, and the TypeScript union is generated from [`Code::ALL`].
//! A code's string never changes once released; a new rule gets a new code.
//!
//! An entry holds every fact of its code, so adding a code touches this file
//! alone: its doc comment (its documentation, also returned by
//! [`Code::description`]), its stable string, the names of the parameters a
//! finding with it may carry ([`Code::params`]) and its English message
//! template, which `message.rs` fills in (`{label}` is the field's name in
//! words, `{max}` a parameter; the notation is described there).

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+
        $variant:ident = $name:literal [$($param:literal),*] $template:literal, )+) => {
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

            /// The names of the parameters a finding with this code may carry,
            /// for the message and for a storefront's own wording.
            pub const fn params(self) -> &'static [&'static str] {
                match self { $( Code::$variant => &[$($param),*], )+ }
            }

            /// The English message template (see `message.rs` for its notation).
            pub(crate) const fn template(self) -> &'static str {
                match self { $( Code::$variant => $template, )+ }
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
    TypeInvalid = "type.invalid" ["expected"]
        "{label} must be {expected}.",
    /// A required field is missing, null or empty.
    FieldRequired = "field.required" []
        "{label} is required.",
    /// The request carries a field the API does not define for this operation;
    /// Adobe answers 1121. Params: `field`.
    FieldUnknown = "field.unknown" ["field"]
        "{label} is not a field Adobe accepts here; remove it.",
    /// The request carries a field that only Adobe sets (an ID, a status, a
    /// date); Adobe rejects or ignores it. Params: `field`.
    FieldReadOnly = "field.read_only" ["field"]
        "{label} is set by Adobe and cannot be sent.",
    /// An update repeats a field Adobe set at creation (the reseller's
    /// `distributorId`, the customer's `resellerId`) with another value than the
    /// account holds: "Non-editable fields need to be passed in but need to
    /// match the original values"; Adobe answers 1119. Params: `value` (the
    /// value held).
    FieldNotEditable = "field.not_editable" ["value"]
        "{label} cannot be changed; send {value}, the value Adobe holds.",
    /// The field is defined but not allowed in this context (e.g.
    /// `referenceOrderId` on a NEW order). Params: `reason`.
    FieldNotAllowed = "field.not_allowed" ["reason"]
        "{label} is not allowed here: {reason}.",
    /// Text is shorter than the minimum, counted in characters. Params: `min`, `length`.
    StringTooShort = "string.too_short" ["min", "length"]
        "{label} must be at least {min} characters (it has {length}).",
    /// Text is longer than the maximum, counted in characters. Params: `max`, `length`.
    StringTooLong = "string.too_long" ["max", "length"]
        "{label} must be at most {max} characters (it has {length}).",
    /// Text holds a character outside the field's published character class.
    /// Params: `character` (as the user sees it), `codepoint` (`U+0040`),
    /// `allowed` (the class in words).
    TextInvalidCharacter = "text.invalid_character" ["character", "codepoint", "allowed"]
        "{label} cannot contain “{character}” ({codepoint}).[ Allowed: {allowed}.]",
    /// Text fails only because it is in decomposed form (NFD): Adobe does no
    /// normalization, and the composed form (NFC) would pass. Params: `suggestion`.
    TextNotNormalized = "text.not_normalized" ["suggestion"]
        "{label} uses decomposed accents that Adobe rejects; use “{suggestion}” instead.",
    /// Text holds a combining mark (general category M, e.g. a Devanagari vowel
    /// sign) that no composed form removes; Adobe's class admits only letters and
    /// numbers. Params: `character`, `codepoint`.
    TextCombiningMark = "text.combining_mark" ["character", "codepoint"]
        "{label} contains the combining mark “{character}” ({codepoint}), which Adobe does not accept.",
    /// Text holds `<`, `>` or `"`, which Adobe's XSS rule forbids. Params: `character`.
    TextForbiddenCharacter = "text.forbidden_character" ["character"]
        "{label} cannot contain {character:quoted}; remove it.",
    /// An email address does not match Adobe's published pattern.
    EmailInvalidFormat = "email.invalid_format" []
        "{label} is not a valid email address.",
    /// An account ID (distributor, reseller, customer, order) is not 4–40 letters,
    /// ASCII digits or hyphens.
    IdInvalidFormat = "id.invalid_format" []
        "{label} must be 4 to 40 letters, digits or hyphens.",
    /// A subscription ID is not 1–40 ASCII letters and digits.
    SubscriptionIdInvalidFormat = "subscription_id.invalid_format" []
        "{label} must be 1 to 40 letters and digits.",
    /// A VIP membership ID is not 1–40 ASCII letters, digits or hyphens.
    MembershipIdInvalidFormat = "membership_id.invalid_format" []
        "{label} must be 1 to 40 letters, digits or hyphens.",
    /// An offer ID is not 1–40 ASCII letters and digits. Params: `reason` when
    /// the pricing parser says which part is wrong.
    OfferIdInvalidFormat = "offer_id.invalid_format" ["reason"]
        "{label} must be an Adobe offer ID such as 65304479CA01A12.",
    /// A reseller-change approval code is not the 7 or 8 digits Adobe issues.
    ApprovalCodeInvalidFormat = "approval_code.invalid_format" []
        "{label} must be the 7- or 8-digit code the customer received from Adobe.",
    /// A date is not written `YYYY-MM-DD`. Params: `expected`.
    DateInvalidFormat = "date.invalid_format" ["expected"]
        "{label} must be a date written {expected}.",
    /// A date is written correctly but does not exist (`2026-02-31`).
    DateNotACalendarDate = "date.not_a_calendar_date" []
        "{label} is not a real calendar date.",
    /// A date falls outside the allowed window. Params: `min`, `max`.
    DateOutOfRange = "date.out_of_range" ["min", "max"]
        "{label} must be between {min} and {max}.",
    /// A query date is neither `YYYY-MM-DD` nor an ISO-8601 UTC timestamp
    /// (`2019-05-02T22:49:54Z`).
    DateTimeInvalidFormat = "datetime.invalid_format" []
        "{label} must be a date (2019-05-02) or a UTC time (2019-05-02T22:49:54Z).",
    /// A start date lies after the end date. Params: `start`, `end`.
    DateRangeReversed = "date.range_reversed" ["start", "end"]
        "The start date {start} is after the end date {end}.",
    /// A country is not two upper-case letters. Params: `suggestion` when
    /// upper-casing would fix it.
    CountryInvalidFormat = "country.invalid_format" ["suggestion"]
        "[{label} must be written in capitals: {suggestion}.|{label} must be a two-letter ISO country code such as US.]",
    /// No ISO 3166-1 country has this code.
    CountryUnknown = "country.unknown" []
        "{label} is not a known ISO country code.",
    /// Adobe does not sell into this country. Params: `reason`, `remediation`.
    CountryUnsupported = "country.unsupported" ["reason", "remediation"]
        "Adobe does not sell into this {label:lower}[ ({reason:lower})].[ {remediation}.]",
    /// The region is not one Adobe accepts for the country. Params: `country`,
    /// and `suggestion` when upper-casing would fix it.
    RegionUnknown = "region.unknown" ["country", "suggestion"]
        "{label} is not a region Adobe accepts for {country}.",
    /// The region was sent as a full ISO 3166-2 code (`US-CA`); Adobe wants only
    /// the part after the hyphen. Params: `suggestion`.
    RegionHasCountryPrefix = "region.has_country_prefix" ["suggestion"]
        "{label} takes only the code after the hyphen: {suggestion}.",
    /// A postal code does not match the country's published format.
    /// Params: `value`, `country`, `examples`, and `suggestion` (then no
    /// examples) when a separator, the country prefix or capitals fix it.
    PostalCodeInvalidFormat = "postal_code.invalid_format" ["value", "country", "examples", "suggestion"]
        "{label} {value} does not match the format for {country}[; did you mean {suggestion}?][, e.g. {examples}].",
    /// The preferred language is not one of Adobe's supported locales.
    /// Params: `suggestion` when a supported locale differs only in case or separator.
    LocaleUnsupported = "locale.unsupported" ["suggestion"]
        "[{label} is not supported; did you mean {suggestion}?|{label} is not one of the languages Adobe supports.]",
    /// A value is not one of the values this field accepts. Params: `allowed`.
    EnumInvalid = "enum.invalid" ["allowed"]
        "{label} must be one of {allowed}.",
    /// A market segment is listed more than once. Params: `value`.
    MarketSegmentDuplicate = "market_segment.duplicate" ["value"]
        "{label} lists {value} twice.",
    /// An update would remove a market segment the reseller already sells into;
    /// Adobe answers 5122 / 1134. Params: `value`.
    MarketSegmentRemoved = "market_segment.removed" ["value"]
        "{label} cannot drop {value}: a reseller cannot remove a market segment it sells into.",
    /// A customer's market segment cannot change while the customer has active
    /// subscriptions.
    MarketSegmentLocked = "market_segment.locked" []
        "{label} cannot change while the customer has active subscriptions.",
    /// A currency code is not three upper-case letters (ISO 4217).
    CurrencyInvalidFormat = "currency.invalid_format" []
        "{label} must be a three-letter currency code such as USD.",
    /// The order carries a currency both at order level and on a line; Adobe
    /// answers 2140.
    CurrencyAtBothLevels = "currency.at_both_levels" []
        "{label} cannot be set on the order and on its lines at once; keep one.",
    /// A number is not a whole number.
    NumberNotInteger = "number.not_integer" []
        "{label} must be a whole number.",
    /// A number is outside the allowed range. Params: `min`, `max`, and `reason`
    /// when the limit depends on the product.
    NumberOutOfRange = "number.out_of_range" ["min", "max", "reason"]
        "{label} must be between {min} and {max}[ {reason}].",
    /// A list has fewer items than required. Params: `min`, `noun` (what the
    /// list holds, for the message).
    ArrayTooFew = "array.too_few" ["min", "noun"]
        "{label} needs at least {min:count}.",
    /// A list has more items than allowed. Params: `max`, `count`, `noun`.
    ArrayTooMany = "array.too_many" ["max", "count", "noun"]
        "{label} can have at most {max:count} (it has {count}).",
    /// Two line items share an `extLineItemNumber`; Adobe answers 2121. Params: `value`.
    LineItemNumberDuplicate = "line_item.duplicate_number" ["value"]
        "Line number {value} is used by more than one line.",
    /// An order type Adobe creates itself (TRANSFER) was sent. Params: `value`.
    OrderTypeNotCreatable = "order_type.not_creatable" ["value"]
        "{label} {value} is created by Adobe and cannot be sent.",
    /// A 3YC `commitmentRequest` and `recommitmentRequest` were sent together, or
    /// one was sent while the customer has the other pending.
    CommitmentRequestConflict = "commitment.request_conflict" []
        "{label}: a 3-year commitment request and a recommitment request cannot be combined.",
    /// A 3YC recommitment was requested for a customer without a COMMITTED
    /// commitment, or outside its window. Params: `reason`.
    CommitmentRecommitNotAllowed = "commitment.recommit_not_allowed" ["reason"]
        "{label}: a recommitment is not possible: {reason}.",
    /// A 3YC minimum quantity is below the program minimum (10 licences, 1000
    /// consumables). Params: `offerType`, `min`.
    CommitmentBelowMinimum = "commitment.below_minimum" ["offerType", "min"]
        "{label}: a 3-year commitment needs at least {min} {offerType:offer}.",
    /// The same offer type or benefit type is listed twice. Params: `value`.
    ListDuplicate = "list.duplicate" ["value"]
        "{label} lists {value} twice.",
    /// The Large Government Agency benefit's conditions are not met (US or CA,
    /// GOV, FEDERAL or STATE, no 3YC). Params: `reason`.
    LgaNotEligible = "lga.not_eligible" ["reason"]
        "{label}: {reason}.",
    /// A Large Government Agency and a 3-year commitment meet through the
    /// customer Adobe holds: LGA asked for a customer in 3YC, or 3YC asked for
    /// an LGA customer (Adobe answers 1147). Params: `reason`.
    LgaThreeYearCommit = "lga.three_year_commit" ["reason"]
        "{label}: {reason}.",
    /// A Large Government Agency orders fewer than 100 licences, below its
    /// first level 06 (Adobe answers 1170). Params: `min`, `quantity`.
    LgaQuantityBelowMinimum = "lga.quantity_below_minimum" ["min", "quantity"]
        "{label}: a Large Government Agency orders at least {min} licences (this order has {quantity}).",
    /// An offer at an LGA level (06–09) ordered for a customer who is not a
    /// Large Government Agency (Adobe answers 2129 "Reason: Not an LGA
    /// Customer"). Params: `offerId`.
    OrderLgaOfferNotEligible = "order.lga_offer_not_eligible" ["offerId"]
        "{label}: {offerId} is a Large Government Agency offer, and this customer is not one.",
    /// A line's `discountCode` is not an HVD code (`HVD_L17_PRE` to
    /// `HVD_L22_POST`), or the customer was not migrated from VIP's High
    /// Volume Discount (Adobe answers 5135). Params: `reason`.
    OrderDiscountCodeInvalid = "order.discount_code_invalid" ["reason"]
        "{label} cannot be used: {reason}.",
    /// A RENEWAL outside its window: from 30 days before the subscription's
    /// renewal date to 14 days after it (Adobe answers 3122). Params: `from`,
    /// `until`.
    RenewalOutsideWindow = "renewal.outside_window" ["from", "until"]
        "{label}: this subscription can be renewed from {from} to {until}.",
    /// An early renewal in the final term of a 3-year commitment, without a
    /// recommitment (Adobe answers 3133).
    RenewalFinalCommitmentTerm = "renewal.final_commitment_term" []
        "{label}: an early renewal is not possible in the last term of a 3-year commitment; recommit first.",
    /// An order other than a renewal while an early renewal is in progress
    /// (Adobe answers 3131). Params: `value`.
    OrderEarlyRenewalInProgress = "order.early_renewal_in_progress" ["value"]
        "An early renewal is in progress; a {value} order can be placed once it completes.",
    /// A revert names an order that is not a SWITCH (the sandbox answers 2127).
    /// Params: `value`.
    SwitchRevertNotSwitch = "switch.revert_not_switch" ["value"]
        "{label}: a {value} order cannot be reverted; only a SWITCH can.",
    /// A revert names a switch already reverted (the sandbox answers 2118).
    SwitchAlreadyReverted = "switch.already_reverted" []
        "{label}: this switch has already been reverted; a switch is reverted once.",
    /// A 3YC `commitmentRequest` lowers a committed minimum quantity; for a
    /// customer already committed it can only raise them. Params:
    /// `offerType`, `committed`.
    CommitmentQuantityDecrease = "commitment.quantity_decrease" ["offerType", "committed"]
        "{label}: a commitment request can only raise the committed {committed} {offerType:offer}.",
    /// A RETURN would leave a 3YC customer below its committed minimum
    /// quantity (Adobe answers 422 `RETURN_VIOLATES_3YC_MCQ`). Params:
    /// `offerType`, `committed`.
    ReturnBelowCommitment = "return.below_commitment" ["offerType", "committed"]
        "{label}: this return would leave fewer than the {committed} {offerType:offer} of the 3-year commitment.",
    /// An existing customer asks to become a Large Government Agency with
    /// fewer than 100 licences renewing (Adobe answers 1170). Params: `min`,
    /// `quantity`.
    LgaConversionBelowMinimum = "lga.conversion_below_minimum" ["min", "quantity"]
        "{label}: becoming a Large Government Agency needs at least {min} licences renewing (the customer renews {quantity}).",
    /// An update would drop an offer type the customer is already committed to;
    /// a 3YC request must repeat every committed offer type. Params: `offerType`.
    CommitmentMissingOfferType = "commitment.missing_offer_type" ["offerType"]
        "{label} must repeat the committed {offerType:offer} quantity.",
    /// A RETURN (or revert) refers to an order older than the 14-day return
    /// window. Params: `deadline`.
    ReturnWindowClosed = "return.window_closed" ["deadline"]
        "The order can no longer be returned: the return window closed on {deadline}.",
    /// A returned line does not match a line of the referenced order (Adobe
    /// answers 2130 / 2131). Params: `reason`.
    ReturnLineMismatch = "return.line_mismatch" ["reason"]
        "{label} does not match the original order: {reason}.",
    /// A RETURN line asks for more than is left to return on the referenced
    /// line (Adobe answers 422 `RETURN_QTY_EXCEEDS_REMAINING`). Params:
    /// `quantity`, `remaining`.
    ReturnExceedsRemaining = "return.exceeds_remaining" ["quantity", "remaining"]
        "{label} {quantity} is more than the {remaining} left to return on that line.",
    /// The referenced line has nothing left to return, or was cancelled
    /// (Adobe answers 2133).
    ReturnAlreadyReturned = "return.already_returned" []
        "{label}: that line of the original order has already been returned.",
    /// The returned line is a High Growth (MOQ) offer, which a RETURN cannot
    /// take back (Adobe answers 422 `RETURN_NOT_SUPPORTED_MOQ_SKU`). Params:
    /// `offerId`.
    ReturnMoqNotSupported = "return.moq_not_supported" ["offerId"]
        "{label}: the High Growth offer {offerId} cannot be returned.",
    /// Part of a consumable or stock credit pack line is returned; only all of
    /// what is left can be (Adobe answers 2127
    /// `PARTIAL_CANCELLATION_NOT_ALLOWED_FOR_SCP_OR_CONSUMABLE`). Params:
    /// `remaining`.
    ReturnPartialNotAllowed = "return.partial_not_allowed" ["remaining"]
        "{label}: consumables and credit packs are returned whole; return all {remaining} or none.",
    /// The referenced order is not one that can be returned (only NEW and RENEWAL
    /// orders can). Params: `value`.
    ReturnNotReturnable = "return.not_returnable" ["value"]
        "A {value} order cannot be returned; only NEW and RENEWAL orders can.",
    /// A switch's line quantity differs from its cancelling quantity (Adobe
    /// answers 2149). Params: `quantity`, `cancelling`.
    SwitchQuantityMismatch = "switch.quantity_mismatch" ["quantity", "cancelling"]
        "{label} ({quantity}) must equal the quantity being cancelled ({cancelling}).",
    /// Auto-renewal can be changed only on an active subscription (Adobe answers
    /// 3119). Params: `status`.
    SubscriptionInactive = "subscription.inactive" ["status"]
        "Auto-renewal can only be changed on an active subscription (status {status}).",
    /// Auto-renewal switched off for a High Growth (MOQ) offer, or with an MOQ
    /// `renewalCode` (Adobe answers 5134).
    SubscriptionMoqAutoRenewal = "subscription.moq_auto_renewal" []
        "Auto-renewal cannot be turned off for a High Growth (minimum order quantity) offer.",
    /// Auto-renewal switched on for a Sign introductory offer, which does
    /// not renew (Adobe answers with "existing error codes", unnamed).
    SubscriptionIntroductoryNoRenewal = "subscription.introductory_no_renewal" []
        "An introductory offer does not renew; auto-renewal cannot be turned on.",
    /// The customer's market segment is not one the reseller sells into (Adobe
    /// answers 2135). Params: `value`, `allowed`.
    MarketSegmentNotEnabled = "market_segment.not_enabled" ["value", "allowed"]
        "{label} {value} is not a segment this reseller sells into ({allowed}).",
    /// The account is pending (1002) or blocked (1012), when Adobe refuses
    /// updates: "Account cannot be updated while status is pending or
    /// blocked" (Adobe answers 1125). Params: `status`.
    AccountNotUpdatable = "account.not_updatable" ["status"]
        "The account cannot be updated while its status is pending or blocked ({status}).",
    /// A customer is created under a reseller that is neither active nor
    /// pending: "Customer cannot be created because reseller account is
    /// inactive" (Adobe answers 1126). Params: `status`.
    AccountResellerInactive = "account.reseller_inactive" ["status"]
        "The customer cannot be created because the reseller account is inactive ({status}).",
    /// A deployment in the customer's own country: "Deployment and customer
    /// country cannot be the same" (Adobe answers 1141). Params: `value`.
    DeploymentSameCountry = "deployment.same_country" ["value"]
        "{label} {value} is the customer's own country; a deployment is for another country.",
    /// Worldwide purchasing (`globalSalesEnabled`) asked for a customer whose
    /// market segment is not COM (Adobe answers 1142). Params: `value`.
    GlobalSalesSegmentNotAllowed = "global_sales.segment_not_allowed" ["value"]
        "Global sales are available to commercial (COM) customers only, not to {value} customers.",
    /// A query carries a parameter the endpoint does not define. Params: `name`.
    QueryUnknownParameter = "query.unknown_parameter" ["name"]
        "The search parameter “{name}” is not supported.",
    /// A query parameter that takes one value was given several. Params: `name`.
    QueryNotRepeatable = "query.not_repeatable" ["name"]
        "The search parameter “{name}” can be given only once.",
    /// An amount is not a plain decimal with at most the currency's decimals
    /// (`1206.84`), or does not fit. Params: `value`.
    AmountInvalid = "amount.invalid" ["value"]
        "{label} must be an amount such as 1206.84.",
    /// A price or total is too large to compute exactly.
    AmountOverflow = "amount.overflow" []
        "{label}: the amount is too large to compute.",
    /// A proration's order date is not inside the anniversary year ending at the
    /// coterm date (FACTS.md §3.4). Params: `start`, `anniversary`.
    ProrationInvalidTerm = "proration.invalid_term" ["start", "anniversary"]
        "The order date {start} is not inside the term ending {anniversary}.",
    /// Warning on a quote: the customer is in an extended first term (coterm
    /// date more than a year ahead), which Adobe prices itself; the line shows
    /// one year's price. Params: `cotermDate`.
    QuoteExtendedTerm = "quote.extended_term" ["cotermDate"]
        "The customer's term runs to {cotermDate}, more than a year ahead: this line shows one year's price. Price the order through PREVIEW for Adobe's amount.",
    /// Warning on a quote: the caller could not read the customer's level from
    /// Adobe (storefront "Volume Discount Level Informative Message").
    LevelNotRetrieved = "level.not_retrieved" []
        "Volume Discount Level for Adobe products could not be retrieved.",
    /// A price-list file or JSON is malformed. Params: `line`, `column`, `reason`.
    PriceListMalformed = "price_list.malformed" ["line", "column", "reason"]
        "The price list is malformed at line {line}, column {column}: {reason}.",
    /// The price list has no row for the offer at the level the order earns; the
    /// storefront's "very rare error message". Params: `offerId`.
    PriceNotFound = "price.not_found" ["offerId"]
        "An error has occurred while retrieving the price for the product {offerId}, and the process cannot be completed. Please contact your Distributor.",
    /// A currency differs from the one the offers are priced in. Params: `value`,
    /// `expected`.
    CurrencyMismatch = "currency.mismatch" ["value", "expected"]
        "{label} {value} does not match the currency of the offers ({expected}).",
    /// The ordering account has no reselling capability (storefront warning 6).
    BasketNotAReseller = "basket.not_a_reseller" []
        "This account is not defined as a Reseller.",
    /// The reseller is not synced with Adobe (storefront rule 1, warning 5).
    /// Params: `product`.
    BasketResellerNotSynced = "basket.reseller_not_synced" ["product"]
        "Adobe \"{product}\" can only be purchased by registered Adobe Resellers. If you are an Adobe Distributor, please visit the Reseller Account Page and synchronize it with Adobe Services. If you are a Reseller and wish to register as an Adobe Reseller, please navigate to your Account page and complete your registration.",
    /// A reseller orders Adobe products for personal use (storefront warning 4).
    BasketPersonalUse = "basket.personal_use" []
        "\"Adobe Services\" cannot be purchased by resellers for personal usage.",
    /// The basket has no "Adobe Services" container product (storefront rule 2).
    BasketContainerMissing = "basket.container_missing" []
        "Add the \"Adobe Services\" product to the basket together with the Adobe products.",
    /// The basket has more than one container product (storefront rule 4).
    BasketContainerDuplicate = "basket.container_duplicate" []
        "An Adobe subscription can be ordered only once; remove the extra \"Adobe Services\" product.",
    /// The container product's price is not zero (storefront, "Please note").
    BasketContainerPrice = "basket.container_price" []
        "The \"Adobe Services\" product always has a zero unit price.",
    /// Another "Adobe Services" container is ordered for a customer who already
    /// has an Adobe subscription: refused (storefront rule 4; the words are BSS
    /// warning 2). Until issue 15 this was a warning. Params: `account`.
    BasketSubscriptionExists = "basket.subscription_exists" ["account"]
        "It seems that an Adobe subscription already exists for “{account}”. Please update that subscription.",
    /// The basket has no add-on (storefront warning 1, rule 2).
    BasketAddOnMissing = "basket.add_on_missing" []
        "Add at least one Adobe product (add-on) to the \"Adobe Services\" product.",
    /// The same add-on is in the basket twice (BSS warning 1).
    BasketAddOnDuplicate = "basket.add_on_duplicate" []
        "This Adobe product is already in the basket; increase its quantity instead.",
    /// Warning: the customer already has this add-on; the order goes to the
    /// existing subscription (storefront warning 3).
    BasketAddOnExisting = "basket.add_on_existing" []
        "The customer already has this Adobe product; it will be added to the existing subscription.",
    /// A quantity is below the offer's minimum purchase quantity (price list
    /// Additional Detail, High Growth MOQ; FACTS.md §3.1, §3.3). Params: `min`.
    BasketBelowMinimumQuantity = "basket.below_minimum_quantity" ["min"]
        "{label} must be at least {min} for this offer.",
    /// The offer is not sold to the customer's market segment or sub-segment;
    /// Adobe answers 2129 INELIGIBLE_MARKET_SEGMENT. Params: `reasonCode`, `reason`.
    BasketIneligibleMarketSegment = "basket.ineligible_market_segment" ["reasonCode", "reason"]
        "The customer is not eligible to purchase this offer: {reason}.",
    /// A Sign introductory offer with quantity above 1 or auto-renewal
    /// (FACTS.md §2.7). Params: `reason`.
    BasketIntroductoryOffer = "basket.introductory_offer" ["reason"]
        "This Sign introductory offer is not allowed: {reason}.",
    /// An add-on without its base product; Adobe answers 2129 INELIGIBLE_ADD_ON.
    /// Params: `reasonCode`, `product`.
    BasketIneligibleAddOn = "basket.ineligible_add_on" ["reasonCode", "product"]
        "This add-on needs its base product {product} in the basket or on the account.",
    /// ID, ResellerID and Role fit none of the three account cases
    /// (reseller-provisioning.txt, Step #2). Params: `reason`.
    ProvisioningRoleMismatch = "provisioning.role_mismatch" ["reason"]
        "The account cannot be classified: {reason}.",
    /// The account would fail Adobe synchronization with a storefront error
    /// (NoCitySpecified, PostCodeNotValid, …). Params: `name`, `text`.
    ProvisioningSyncError = "provisioning.sync_error" ["name", "text"]
        "[{text}|{label} would fail the Adobe synchronization.]",
    /// Adobe's sync answer named this field invalid ("Invalid Address (field)").
    /// Params: `field`.
    ProvisioningInvalidField = "provisioning.invalid_field" ["field"]
        "Adobe reported {field} as invalid.",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Code {
    /// The error code Adobe answers for a request that breaks this rule, where
    /// Adobe's documents name one (the sources are the ones the sandbox cites:
    /// FACTS.md §4 and the reference's error table); `None` for the rules
    /// Adobe reports as 1117 "Some fields are invalid" (or 1118 "Invalid
    /// Address" when every violation is in the address, which depends on the
    /// whole report, not on one code).
    pub const fn adobe_error(self) -> Option<&'static str> {
        Some(match self {
            Code::SwitchQuantityMismatch => "2149",
            Code::ReturnWindowClosed => "2134",
            Code::GlobalSalesSegmentNotAllowed => "1142",
            Code::FieldNotEditable => "1119",
            Code::AccountNotUpdatable => "1125",
            Code::AccountResellerInactive => "1126",
            Code::DeploymentSameCountry => "1141",
            Code::ReturnLineMismatch => "2130",
            Code::ReturnNotReturnable | Code::ReturnPartialNotAllowed => "2127",
            Code::LineItemNumberDuplicate => "2121",
            Code::CurrencyAtBothLevels => "2140",
            Code::LgaThreeYearCommit => "1147",
            Code::LgaQuantityBelowMinimum | Code::LgaConversionBelowMinimum => "1170",
            Code::OrderLgaOfferNotEligible => "2129",
            Code::OrderDiscountCodeInvalid => "5135",
            Code::RenewalOutsideWindow => "3122",
            Code::RenewalFinalCommitmentTerm => "3133",
            Code::OrderEarlyRenewalInProgress => "3131",
            Code::SwitchRevertNotSwitch => "2127",
            Code::SwitchAlreadyReverted => "2118",
            Code::ReturnBelowCommitment => "RETURN_VIOLATES_3YC_MCQ",
            Code::SubscriptionMoqAutoRenewal => "5134",
            Code::ReturnExceedsRemaining => "RETURN_QTY_EXCEEDS_REMAINING",
            Code::ReturnAlreadyReturned => "2133",
            Code::ReturnMoqNotSupported => "RETURN_NOT_SUPPORTED_MOQ_SKU",
            _ => return None,
        })
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl crate::output::ToJson for Code {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, self.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn adobe_errors_are_catalogued() {
        for &code in Code::ALL {
            if let Some(adobe) = code.adobe_error() {
                assert!(
                    crate::response::catalogue::lookup(adobe).is_some(),
                    "{code} names {adobe}, which the error catalogue does not know"
                );
            }
        }
        assert_eq!(Code::LgaQuantityBelowMinimum.adobe_error(), Some("1170"));
        assert_eq!(Code::FieldRequired.adobe_error(), None);
    }

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

    /// The parameter names a description lists after "Params:".
    fn documented_params(description: &str) -> Vec<&str> {
        let Some((_, list)) = description.split_once("Params:") else {
            return Vec::new();
        };
        list.split('`')
            .skip(1)
            .step_by(2)
            .filter(|name| name.bytes().all(|b| b.is_ascii_alphabetic()))
            .collect()
    }

    #[test]
    fn the_documentation_lists_the_declared_params() {
        for &code in Code::ALL {
            let mut documented = documented_params(code.description());
            let mut declared = code.params().to_vec();
            documented.sort_unstable();
            declared.sort_unstable();
            assert_eq!(documented, declared, "{code}");
        }
    }

    #[test]
    fn every_code_is_documented() {
        for &code in Code::ALL {
            assert!(code.description().len() > 20, "{code} needs a description");
        }
    }
}
