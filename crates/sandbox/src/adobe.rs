//! Adobe's error codes and status codes, by name, as the sandbox answers them.
//!
//! The handlers decide which of Adobe's answers a call gets; these names say
//! which one each is, so a handler reads `error(adobe::INVALID_CUSTOMER)`, not
//! `error("1116")`. The codes, their messages and HTTP statuses are the core's
//! error catalogue (`data/errors.json`, `data/statuses.json`); a test checks
//! that every error named here is catalogued.

/// 1114 Invalid Distributor.
pub const INVALID_DISTRIBUTOR: &str = "1114";
/// 1115 Invalid Reseller.
pub const INVALID_RESELLER: &str = "1115";
/// 1116 Invalid Customer.
pub const INVALID_CUSTOMER: &str = "1116";
/// 1117 Some fields are invalid.
pub const SOME_FIELDS_INVALID: &str = "1117";
/// 1118 Invalid Address.
pub const INVALID_ADDRESS: &str = "1118";
/// 1124 Internal Server Error. Please try again later.
pub const INTERNAL_SERVER_ERROR: &str = "1124";
/// 1128 Invalid Reseller Change Code.
pub const INVALID_RESELLER_CHANGE_CODE: &str = "1128";
/// 1129 Reseller Change Code is expired.
pub const RESELLER_CHANGE_CODE_EXPIRED: &str = "1129";
/// 1131 Reseller Change is already complete.
pub const RESELLER_CHANGE_COMPLETE: &str = "1131";
/// 1132 Invalid value for search parameter.
pub const INVALID_SEARCH_PARAMETER: &str = "1132";
/// 1133 Offset out of range.
pub const OFFSET_OUT_OF_RANGE: &str = "1133";
/// 1134 Invalid operation on path.
pub const INVALID_OPERATION: &str = "1134";
/// 1147 3YC Customer not allowed for LGA.
pub const LGA_WITH_THREE_YEAR_COMMIT: &str = "1147";
/// 1162 Price List not found.
pub const PRICE_LIST_NOT_FOUND: &str = "1162";
/// 2115 Invalid Customer or Order ID.
pub const INVALID_CUSTOMER_OR_ORDER: &str = "2115";
/// 2116 Invalid status.
pub const INVALID_STATUS: &str = "2116";
/// 2118 Order has already been cancelled.
pub const ORDER_ALREADY_CANCELLED: &str = "2118";
/// 2120 Line item quantity out of range.
pub const QUANTITY_OUT_OF_RANGE: &str = "2120";
/// 2122 Line item Offer ID is invalid.
pub const INVALID_OFFER_ID: &str = "2122";
/// 2127 Order cancellation is not allowed.
pub const CANCELLATION_NOT_ALLOWED: &str = "2127";
/// 2131 extLineItemNumber does not match original order.
pub const LINE_NUMBER_MISMATCH: &str = "2131";
/// 2133 Line item has already been returned.
pub const LINE_ALREADY_RETURNED: &str = "2133";
/// 2134 Line item cannot be returned as the order already expired.
pub const RETURN_WINDOW_CLOSED: &str = "2134";
/// 2135 Invalid market segment used for customer.
pub const INVALID_MARKET_SEGMENT: &str = "2135";
/// 2129, an ineligible purchase: the reason code in `additionalDetails` says
/// why (FACTS.md §4.1).
pub const INELIGIBLE_PURCHASE: &str = "2129";
/// 2129's reason for an offer of another market segment than the customer's
/// (FACTS.md §4.1 `INELIGIBLE_MARKET_SEGMENT`).
pub const INELIGIBLE_MARKET_SEGMENT: &str = "INELIGIBLE_MARKET_SEGMENT";
/// 2136 Auto-renewal needs to be turned on.
pub const AUTO_RENEWAL_REQUIRED: &str = "2136";
/// 2138 Invalid Deployment.
pub const INVALID_DEPLOYMENT: &str = "2138";
/// 2152 Only one item supported for switch.
pub const ONE_SWITCH_ITEM: &str = "2152";
/// 2151 Requested quantity must be less than or equal to the active subscription.
pub const QUANTITY_ABOVE_SUBSCRIPTION: &str = "2151";
/// 3115 Invalid Customer or Subscription ID.
pub const INVALID_CUSTOMER_OR_SUBSCRIPTION: &str = "3115";
/// 3119 Inactive Subscription is not Editable.
pub const SUBSCRIPTION_INACTIVE: &str = "3119";
/// 3121 Subscription is Active — not allowed for Renewal.
pub const SUBSCRIPTION_ACTIVE_NO_RENEWAL: &str = "3121";
/// 3122 Not within Renewal Window.
pub const OUTSIDE_RENEWAL_WINDOW: &str = "3122";
/// 4115 API key is invalid or missing.
pub const INVALID_API_KEY: &str = "4115";
/// 4116 Authorization token is invalid.
pub const INVALID_TOKEN: &str = "4116";
/// 4117 Authorization token is missing.
pub const MISSING_TOKEN: &str = "4117";
/// 4118 Too many requests.
pub const TOO_MANY_REQUESTS: &str = "4118";
/// 4119 Correlation ID is Invalid or Missing.
pub const INVALID_CORRELATION_ID: &str = "4119";
/// 4120 Duplicate request id.
pub const DUPLICATE_REQUEST_ID: &str = "4120";
/// 5115 Invalid Membership ID.
pub const INVALID_MEMBERSHIP: &str = "5115";
/// 5116 Invalid Membership or Transfer ID.
pub const INVALID_MEMBERSHIP_OR_TRANSFER: &str = "5116";
/// 5117 Customer is not eligible for transfer.
pub const NOT_ELIGIBLE_FOR_TRANSFER: &str = "5117";
/// 5118 Customer has already been transferred.
pub const ALREADY_TRANSFERRED: &str = "5118";
/// 5119 Customer cannot be transferred because reseller account is inactive.
pub const TRANSFER_RESELLER_INACTIVE: &str = "5119";
/// 5120 Customer cannot be transferred because there are no admin contacts.
pub const TRANSFER_NO_ADMIN: &str = "5120";
/// 5121 Transfer currently in progress for this customer.
pub const TRANSFER_IN_PROGRESS: &str = "5121";
/// 5122 Order placement is currently unavailable.
pub const ORDER_PLACEMENT_UNAVAILABLE: &str = "5122";

/// Status 1000: account active, order complete, subscription active, transfer complete.
pub const ACTIVE: &str = "1000";
/// Status 1002: account pending, order open, subscription or transfer pending.
pub const PENDING: &str = "1002";
/// Status 1004: account inactive, order failed, subscription inactive.
pub const INACTIVE: &str = "1004";
/// Status 1009: a scheduled subscription (created ahead, starts at the
/// anniversary; FACTS.md §1.2).
pub const SCHEDULED: &str = "1009";
/// Status 1008: order cancelled, the status Adobe gives a returned or reverted
/// order and its lines.
pub const CANCELLED: &str = "1008";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_error_is_catalogued() {
        for code in [
            INVALID_DISTRIBUTOR,
            INVALID_RESELLER,
            INVALID_CUSTOMER,
            SOME_FIELDS_INVALID,
            INTERNAL_SERVER_ERROR,
            INVALID_RESELLER_CHANGE_CODE,
            RESELLER_CHANGE_CODE_EXPIRED,
            RESELLER_CHANGE_COMPLETE,
            INVALID_SEARCH_PARAMETER,
            OFFSET_OUT_OF_RANGE,
            INVALID_OPERATION,
            LGA_WITH_THREE_YEAR_COMMIT,
            PRICE_LIST_NOT_FOUND,
            INVALID_CUSTOMER_OR_ORDER,
            INVALID_STATUS,
            ORDER_ALREADY_CANCELLED,
            QUANTITY_OUT_OF_RANGE,
            INVALID_OFFER_ID,
            CANCELLATION_NOT_ALLOWED,
            LINE_NUMBER_MISMATCH,
            LINE_ALREADY_RETURNED,
            RETURN_WINDOW_CLOSED,
            INVALID_MARKET_SEGMENT,
            INELIGIBLE_PURCHASE,
            AUTO_RENEWAL_REQUIRED,
            INVALID_DEPLOYMENT,
            QUANTITY_ABOVE_SUBSCRIPTION,
            INVALID_CUSTOMER_OR_SUBSCRIPTION,
            SUBSCRIPTION_INACTIVE,
            SUBSCRIPTION_ACTIVE_NO_RENEWAL,
            OUTSIDE_RENEWAL_WINDOW,
            INVALID_API_KEY,
            INVALID_TOKEN,
            MISSING_TOKEN,
            TOO_MANY_REQUESTS,
            INVALID_CORRELATION_ID,
            DUPLICATE_REQUEST_ID,
            INVALID_MEMBERSHIP,
            INVALID_MEMBERSHIP_OR_TRANSFER,
            NOT_ELIGIBLE_FOR_TRANSFER,
            ALREADY_TRANSFERRED,
            TRANSFER_RESELLER_INACTIVE,
            TRANSFER_NO_ADMIN,
            TRANSFER_IN_PROGRESS,
            ORDER_PLACEMENT_UNAVAILABLE,
        ] {
            assert!(vipmp::response::catalogue::lookup(code).is_some(), "{code}");
        }
    }

    #[test]
    fn named_statuses_mean_what_their_names_say() {
        use vipmp::response::status::{ResourceKind, meaning};
        let text = |kind, code| meaning(kind, code).map(|m| m.text.to_lowercase());
        assert_eq!(
            text(ResourceKind::Customer, ACTIVE).as_deref(),
            Some("account active")
        );
        assert_eq!(
            text(ResourceKind::Customer, PENDING).as_deref(),
            Some("account pending")
        );
        assert_eq!(
            text(ResourceKind::Customer, INACTIVE).as_deref(),
            Some("account inactive")
        );
        assert_eq!(
            text(ResourceKind::Order, CANCELLED).as_deref(),
            Some("order cancelled")
        );
        assert!(
            text(ResourceKind::Subscription, SCHEDULED).is_some_and(|t| t.contains("scheduled"))
        );
    }
}
