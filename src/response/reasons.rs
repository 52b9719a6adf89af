//! Reason codes that Adobe puts in `additionalDetails`, with what to do.
//!
//! Sources: reference (Feb 2024), "2129 Ineligible Purchase REASON_CODE List"
//! and "5117 Ineligible Transfer REASON_CODE List" (description and "Action
//! Required" as published); FACTS.md §4.1 for the reasons added since (2127,
//! 2141, 2146, 1134 and the newer 2129/5117 ones), which Adobe publishes
//! without an action. FACTS.md §4.1 lists most newer 5117 codes by name only;
//! their descriptions here spell out the name and claim nothing more.

use super::catalogue::Source;

/// One reason code of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReasonEntry {
    /// The error code the reason belongs to (`2129`, `5117`, …).
    pub error_code: &'static str,
    /// The REASON_CODE as Adobe writes it.
    pub reason: &'static str,
    /// What it means, as published (or as FACTS.md §4.1 summarises it).
    pub description: &'static str,
    /// The "Action Required" text of the reference; `None` where Adobe gives none.
    pub action: Option<&'static str>,
    /// Where the row comes from.
    pub source: Source,
}

/// A row with its published action (the reference's tables).
const fn listed(
    error_code: &'static str,
    reason: &'static str,
    description: &'static str,
    action: &'static str,
) -> ReasonEntry {
    ReasonEntry {
        error_code,
        reason,
        description,
        action: Some(action),
        source: Source::Reference,
    }
}

/// A row added since Feb 2024 (FACTS.md §4.1), without a published action.
const fn added(
    error_code: &'static str,
    reason: &'static str,
    description: &'static str,
) -> ReasonEntry {
    ReasonEntry {
        error_code,
        reason,
        description,
        action: None,
        source: Source::Facts,
    }
}

/// Every documented reason code.
pub const REASONS: &[ReasonEntry] = &[
    listed(
        "2129",
        "INELIGIBLE_SWITCH",
        "The order includes products that are incompatible with each other or with a product the customer already has.",
        "Try removing the incompatible line item and placing the order again",
    ),
    listed(
        "2129",
        "INELIGIBLE_ADD_ON",
        "Customer is attempting to purchase an add-on product without the base product.",
        "Try placing the order again with the base product included",
    ),
    listed(
        "2129",
        "INELIGIBLE_CONSUMED",
        "RETURN order only: customer is attempting to return a consumable product that has already been consumed.",
        "Order cannot be returned if the transactions are consumed",
    ),
    listed(
        "2129",
        "INELIGIBLE_MARKET_SEGMENT",
        "The order includes an item that belongs to a market segment that either the reseller or the customer do not belong to.",
        "Ensure the correct offer is used for the customer and reseller's market segment.",
    ),
    added(
        "2129",
        "CUSTOMER_NOT_ELIGIBLE_FOR_PURCHASE",
        "Purchasing the offer multiple times in the same term.",
    ),
    listed(
        "5117",
        "INVALID_COUNTRY",
        "Customer is not in a valid country for this distributor",
        "Try a distributor in a different region or wait until the distributor supports customer's country.",
    ),
    listed(
        "5117",
        "BAD_MARKET_SEGMENT",
        "Customer's market segment is either not supported for this distributor or for VIPMP",
        "Try a different distributor that supports customer's market segment or wait for a VIPMP change to allow the market segment.",
    ),
    listed(
        "5117",
        "INACTIVE",
        "VIP Account is inactive",
        "Customer/reseller must reactivate VIP account.",
    ),
    listed(
        "5117",
        "EXTENDED_TERM_3YC",
        "Customer's contract term length is not supported by VIPMP",
        "Wait for terms to be supported by VIPMP or wait until current term ends.",
    ),
    listed(
        "5117",
        "OPEN_PURCHASE_AUTH",
        "Customer has open purchase authorization(s)",
        "Open PAs must be cancelled/returned (if possible) or converted to order and paid for. Can also be bypassed with expire-open-pas query parameter",
    ),
    listed(
        "5117",
        "CONTRACT_NOT_ACCEPTED",
        "Customer's VIP contract has not been accepted",
        "Customer must set up an administrator to accept VIP contract.",
    ),
    listed(
        "5117",
        "IN_WINDOW_PARTIAL_RENEWAL",
        "Customer is in the renewal window prior to their anniversary date and they have partially renewed.",
        "Customer must either renew all active licenses or wait until their anniversary date.",
    ),
    listed(
        "5117",
        "RETURNABLE_PURCHASE",
        "Customer has order(s) still in the return window",
        "Wait until return window has closed (14 days after last order). Can also be bypassed with ignore-order-return query parameter.",
    ),
    listed(
        "5117",
        "NO_TARGET_SKU",
        "Customer has product(s) that are not valid VIPMP product(s)",
        "Wait for products to be supported in VIPMP.",
    ),
    listed(
        "5117",
        "UNBILLED_ORDER",
        "Customer has unbilled order items",
        "Customer must pay for all orders. If they have not received an invoice, then the customer needs to contact Adobe.",
    ),
    listed(
        "5117",
        "UNPAID_INVOICE",
        "Customer has open/unpaid invoice(s)",
        "Customer must pay for open invoice(s).",
    ),
    added(
        "5117",
        "LINK_MEMBERSHIP_CHECK",
        "Linked membership check failed.",
    ),
    added(
        "5117",
        "HAS_UNPROCESSED_ORDERS",
        "Customer has unprocessed orders.",
    ),
    added(
        "5117",
        "NOT_A_FULL_RENEWAL_IN_RENEWAL_WINDOW",
        "Customer in the renewal window has not fully renewed.",
    ),
    added(
        "5117",
        "LICENSE_WITHOUT_SALE_AQO_REFERENCED",
        "Licenses without a sale are referenced.",
    ),
    added(
        "5117",
        "SRC_DST_OFFER_IDS_HAS_PA_MISMATCH",
        "Source and destination offer IDs mismatch on a purchase authorization.",
    ),
    added(
        "5117",
        "3YC_LINKED_MEMBERSHIP",
        "3YC customer in a linked membership.",
    ),
    added("5117", "HVD_CUSTOMER", "High-volume-discount customer."),
    added(
        "5117",
        "INVALID_PRICE_LEVEL_LM_MIGRATION",
        "Price level above 04 with a linked membership.",
    ),
    added(
        "5117",
        "LM_OWNER_NOT_MIGRATED",
        "The linked membership's owner has not migrated.",
    ),
    added(
        "5117",
        "NOT_A_WORLDWIDE_PURCHASER",
        "Customer is not a worldwide purchaser.",
    ),
    added(
        "5117",
        "3YC_DISCOUNT_LEVEL_MISMATCH",
        "3YC discount level mismatch.",
    ),
    added(
        "5117",
        "MINIMUM_HVD_QTY_NOT_MET",
        "Minimum high-volume-discount quantity not met.",
    ),
    added(
        "5117",
        "INVALID_LM_MIGRATION_LEVEL",
        "Linked membership migration level is not 01–04 or 06–09.",
    ),
    added(
        "5117",
        "OWNER_MEMBER_COUNTRY_MISMATCH",
        "Owner and member countries differ.",
    ),
    added(
        "5117",
        "LGA_LM_MARKET_SEGMENT_MISMATCH",
        "LGA linked membership market segment mismatch.",
    ),
    added(
        "5117",
        "INVALID_LGA_MARKET_SEGMENT",
        "Invalid market segment for LGA.",
    ),
    added(
        "5117",
        "NOT_LGA PARTNER",
        "The partner is not an LGA partner (Adobe writes the code with a space).",
    ),
    added(
        "5117",
        "INSUFFICIENT_LGA_MOQ",
        "Insufficient LGA minimum order quantity.",
    ),
    added(
        "5117",
        "LGA_QTY_LEVEL_MISMATCH",
        "LGA quantity and level mismatch.",
    ),
    added(
        "5117",
        "T&C_ACCEPTANCE_REQUIRED",
        "Terms and conditions must be accepted.",
    ),
    added(
        "5117",
        "VIP_CUSTOM_MIGRATION_BLOCK",
        "Migration blocked for this VIP customer.",
    ),
    added(
        "2127",
        "SWITCH_ORDER_CANCELLATION_NOT_ALLOWED",
        "Switch orders cannot be cancelled by RETURN; use REVERT_SWITCH.",
    ),
    added(
        "2127",
        "THREE_YEAR_COMMIT",
        "The return would take a 3YC customer below the minimum commitment.",
    ),
    added(
        "2127",
        "PARTIAL_CANCELLATION_NOT_ALLOWED_FOR_SCP_OR_CONSUMABLE",
        "Partial returns are not allowed for Stock Credit Packs or consumables.",
    ),
    added(
        "2141",
        "INELIGIBLE_COMMITMENT_STATUS_OR_PERCENT_SEATS",
        "Commitment status or seat percentage does not qualify for the flexible discount.",
    ),
    added(
        "2141",
        "INELIGIBLE_COMMITMENT_STATUS",
        "Commitment status does not qualify for the flexible discount.",
    ),
    added(
        "2141",
        "INELIGIBLE_COMMITMENT_STATUS_OR_COMMIT_QUANTITY",
        "Commitment status or committed quantity does not qualify for the flexible discount.",
    ),
    added(
        "2141",
        "INELIGIBLE_COMMITMENT_STATUS_OR_NOT_ELIGIBLE",
        "Commitment status does not qualify, or the customer is not eligible.",
    ),
    added(
        "2141",
        "SEAT_UPGRADE_PERCENTAGE_NOT_MET",
        "The seat upgrade percentage is not met.",
    ),
    added(
        "2146",
        "NOT_FOUND",
        "The flexible discount code does not exist.",
    ),
    added(
        "1134",
        "INVALID_RESELLER_ID",
        "Reseller ID in the input is either invalid or the same as the current reseller ID.",
    ),
    added(
        "1134",
        "INVALID_CUSTOMER_MARKET_SEGMENT",
        "The partner attempted to remove the market segment of the reseller.",
    ),
];

/// The reasons documented for an error code.
pub fn reasons_of(error_code: &str) -> impl Iterator<Item = &'static ReasonEntry> + '_ {
    REASONS
        .iter()
        .filter(move |entry| entry.error_code == error_code)
}

/// The row of a reason code of an error, if documented.
pub fn lookup_reason(error_code: &str, reason: &str) -> Option<&'static ReasonEntry> {
    reasons_of(error_code).find(|entry| entry.reason == reason)
}
