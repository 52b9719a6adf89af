//! Adobe's error envelope, built from the core's error catalogue.
//!
//! Every refusal the sandbox sends is `{code, message, additionalDetails}` with
//! the HTTP status the catalogue documents for the code, so the core's parser
//! reads the sandbox exactly as it reads Adobe.

use crate::adobe;
use serde_json::{Value, json};
use vipmp::report::Report;
use vipmp::response::catalogue;

/// A response the sandbox has decided on: an HTTP status and a JSON body.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body; `Value::String` bodies are sent as plain text (the pings).
    pub body: Value,
}

impl Answer {
    /// A success with a JSON body.
    pub fn ok(status: u16, body: Value) -> Self {
        Self { status, body }
    }

    /// Whether the status is a success.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as sent on the wire.
    pub fn text(&self) -> String {
        match &self.body {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        }
    }
}

/// An error envelope for a catalogued code, with details.
///
/// *Assumed*: a code the catalogue gives no HTTP status (LGA rows, 3122) is
/// sent with 400.
pub fn failure(code: &str, details: &[String]) -> Answer {
    let entry = catalogue::lookup(code);
    let status = entry.and_then(|entry| entry.http_status).unwrap_or(400);
    let message = entry.map_or("Bad Request", |entry| entry.message);
    Answer {
        status,
        body: json!({ "code": code, "message": message, "additionalDetails": details }),
    }
}

/// An error envelope without details.
pub fn error(code: &str) -> Answer {
    failure(code, &[])
}

/// The Adobe code for a validation report.
///
/// *Assumed*: Adobe's documents name the code for some rules (2121 duplicate
/// line numbers, 2134 return window, 2130 line mismatch, 2133 line already
/// returned, 2127 partial consumable return, 2140 currency at both levels,
/// 2149 switch quantities, 2152 one switch item, 1147 LGA with 3YC, 1170 LGA
/// under 100 licences, 2129 an LGA offer for another customer, 5134 MOQ
/// auto-renewal off, 5135 an HVD discount code, 3122/3131/3133 renewal
/// windows, 2127/2118 reverts, 422 `RETURN_QTY_EXCEEDS_REMAINING`,
/// `RETURN_NOT_SUPPORTED_MOQ_SKU` and `RETURN_VIOLATES_3YC_MCQ`); a report
/// whose every violation is in `companyProfile.address` is 1118 "Invalid
/// Address" (FACTS.md §4: "If address and other fields are invalid, then 1117
/// will be used"); every other violation is answered with 1117 "Some fields
/// are invalid", one `additionalDetails` entry per path.
pub fn from_report(report: &Report) -> Answer {
    let only_address = !report.violations.is_empty()
        && report.violations.iter().all(|violation| {
            violation
                .path
                .to_string()
                .starts_with("companyProfile.address")
        });
    let code = report
        .violations
        .iter()
        .find_map(code_for)
        .unwrap_or(if only_address {
            adobe::INVALID_ADDRESS
        } else {
            adobe::SOME_FIELDS_INVALID
        });
    refused(code, report)
}

/// An error envelope for a report: `code`, with one `additionalDetails`
/// entry per violation, its path (`companyProfile.address.postalCode`).
pub fn refused(code: &str, report: &Report) -> Answer {
    let paths: Vec<String> = report
        .violations
        .iter()
        .map(|violation| violation.path.to_string())
        .collect();
    failure(code, &paths)
}

/// The documented code of a core violation at a path, where one is
/// documented: the core's registry names it ([`vipmp::Code::adobe_error`]),
/// but for one rule that depends on where it is.
///
/// *Assumed*: more than one `cancellingItems` entry is 2152 ("Only one item
/// supported for switch"); more than one switch line stays 1117.
fn code_for(violation: &vipmp::Violation) -> Option<&'static str> {
    if violation.code == vipmp::Code::ArrayTooMany
        && violation.path.to_string() == "cancellingItems"
    {
        return Some(adobe::ONE_SWITCH_ITEM);
    }
    violation.code.adobe_error()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_come_from_the_catalogue() {
        assert_eq!(error("4116").status, 401);
        assert_eq!(error("1116").status, 404);
        assert_eq!(error("4118").status, 429);
        assert_eq!(error("1147").status, 400);
        assert_eq!(
            error("4119").body["message"],
            "Correlation ID is Invalid or Missing"
        );
    }

    #[test]
    fn address_only_refusals_are_1118() {
        let profile = |region: &str, name: &str| {
            json!({ "distributorId": "1000000001", "companyProfile": {
                "companyName": name, "preferredLanguage": "en-US",
                "address": { "country": "US", "region": region, "city": "San Jose",
                    "addressLine1": "1 Main St", "postalCode": "95110", "phoneNumber": "8005551212" },
                "contacts": [{ "firstName": "Ada", "lastName": "Lovelace",
                    "email": "ada@example.com", "phoneNumber": "8005551212" }] } })
        };
        let context = vipmp::validate::Context::default();
        let run = |body: &Value| {
            let report =
                vipmp::validate::run(vipmp::validate::Operation::CreateReseller, body, &context);
            from_report(&report).body
        };
        let answer = run(&profile("ZZ", "Fairmont"));
        assert_eq!(answer["code"], "1118");
        assert_eq!(
            answer["additionalDetails"],
            json!(["companyProfile.address.region"])
        );
        assert_eq!(run(&profile("ZZ", ""))["code"], "1117");
    }

    #[test]
    fn an_lga_order_under_100_licences_is_1170() {
        let context: vipmp::validate::Context = serde_json::from_value(json!({ "customer": {
            "benefits": [{ "type": "LARGE_GOVERNMENT_AGENCY" }],
            "discounts": [{ "offerType": "LICENSE", "level": "01" }] } }))
        .expect("context");
        let body = json!({ "orderType": "NEW", "currencyCode": "USD", "lineItems": [
            { "extLineItemNumber": 1, "offerId": "65304479CC06A12", "quantity": 99 }] });
        let report = vipmp::validate::run(vipmp::validate::Operation::CreateOrder, &body, &context);
        assert_eq!(from_report(&report).body["code"], "1170");
    }

    #[test]
    fn switch_refusals_of_the_core_validator_have_their_codes() {
        let item = json!({ "extLineItemNumber": 1, "referenceLineItemNumber": 1,
            "subscriptionId": "0000000000000000000000000000000A", "quantity": 2 });
        let body = |items: Value| {
            json!({ "orderType": "SWITCH", "currencyCode": "USD", "cancellingItems": items,
                "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 3 }] })
        };
        let context = vipmp::validate::Context::default();
        let run = |body: &Value| {
            let report =
                vipmp::validate::run(vipmp::validate::Operation::CreateOrder, body, &context);
            from_report(&report).body["code"].clone()
        };
        assert_eq!(run(&body(json!([item.clone()]))), "2149");
        let mut two = item.clone();
        two["quantity"] = json!(3);
        assert_eq!(run(&body(json!([two.clone(), two]))), "2152");
    }
}
