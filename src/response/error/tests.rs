//! One case per documented error code and per reason code.

use super::*;
use crate::response::catalogue::{ERRORS, Source};
use crate::response::reasons::REASONS;

/// Every documented code with its documented HTTP status: the main table of
/// FACTS.md §4 (110 rows, the Feb-2024 ones and the ★ ones), the LGA codes of
/// §4.2, the partial-return codes of §4.3 and the undocumented ones of §4.4.
const DOCUMENTED: &[(&str, Option<u16>)] = &[
    ("1114", Some(400)),
    ("1115", Some(404)),
    ("1116", Some(404)),
    ("1117", Some(400)),
    ("1118", Some(400)),
    ("1119", Some(400)),
    ("1121", Some(400)),
    ("1122", Some(400)),
    ("1123", Some(400)),
    ("1124", Some(500)),
    ("1125", Some(400)),
    ("1126", Some(400)),
    ("1127", Some(400)),
    ("1128", Some(404)),
    ("1129", Some(404)),
    ("1131", Some(400)),
    ("1132", Some(400)),
    ("1133", Some(400)),
    ("1134", Some(400)),
    ("1139", Some(400)),
    ("1140", Some(400)),
    ("1141", Some(400)),
    ("1142", Some(400)),
    ("1159", Some(400)),
    ("1160", Some(400)),
    ("1161", Some(400)),
    ("1162", Some(404)),
    ("1178", Some(400)),
    ("2115", Some(404)),
    ("2116", Some(400)),
    ("2117", Some(400)),
    ("2118", Some(400)),
    ("2119", Some(400)),
    ("2120", Some(400)),
    ("2121", Some(400)),
    ("2122", Some(400)),
    ("2123", Some(400)),
    ("2124", Some(400)),
    ("2125", Some(400)),
    ("2126", Some(400)),
    ("2127", Some(400)),
    ("2128", Some(400)),
    ("2129", Some(400)),
    ("2130", Some(400)),
    ("2131", Some(400)),
    ("2132", Some(400)),
    ("2133", Some(400)),
    ("2134", Some(400)),
    ("2135", Some(400)),
    ("2136", Some(400)),
    ("2137", Some(400)),
    ("2138", Some(404)),
    ("2139", Some(400)),
    ("2140", Some(400)),
    ("2141", Some(400)),
    ("2142", Some(400)),
    ("2144", Some(400)),
    ("2145", Some(400)),
    ("2146", Some(400)),
    ("2147", Some(400)),
    ("2148", Some(400)),
    ("2149", Some(400)),
    ("2150", Some(400)),
    ("2151", Some(400)),
    ("2152", Some(400)),
    ("2153", Some(400)),
    ("2154", Some(400)),
    ("2164", Some(400)),
    ("2166", Some(400)),
    ("3115", Some(404)),
    ("3116", Some(400)),
    ("3117", Some(400)),
    ("3118", Some(400)),
    ("3119", Some(400)),
    ("3120", Some(400)),
    ("3121", Some(400)),
    ("3122", None),
    ("3131", Some(400)),
    ("3132", Some(400)),
    ("3133", Some(400)),
    ("4115", Some(403)),
    ("4116", Some(401)),
    ("4117", Some(403)),
    ("4118", Some(429)),
    ("4119", Some(400)),
    ("4120", Some(400)),
    ("4121", Some(403)),
    ("4122", Some(400)),
    ("5115", Some(400)),
    ("5116", Some(400)),
    ("5117", Some(400)),
    ("5118", Some(400)),
    ("5119", Some(400)),
    ("5120", Some(400)),
    ("5121", Some(400)),
    ("5122", Some(400)),
    ("5123", Some(400)),
    ("5124", Some(400)),
    ("5125", Some(400)),
    ("5126", Some(400)),
    ("5127", Some(400)),
    ("5128", Some(400)),
    ("5129", Some(400)),
    ("5131", Some(400)),
    ("5132", Some(400)),
    ("5133", Some(400)),
    ("5134", Some(400)),
    ("5135", Some(400)),
    ("5136", Some(400)),
    ("5137", Some(400)),
    ("1143", Some(404)),
    ("1147", None),
    ("1153", None),
    ("1163", None),
    ("1164", None),
    ("1165", None),
    ("1166", None),
    ("1167", None),
    ("1168", None),
    ("1169", None),
    ("1170", None),
    ("RETURN_QTY_EXCEEDS_REMAINING", Some(422)),
    ("RETURN_NOT_SUPPORTED_MOQ_SKU", Some(422)),
    ("RETURN_NOT_SUPPORTED_SWITCH_ORDER", Some(422)),
    ("RETURN_VIOLATES_3YC_MCQ", Some(422)),
    ("1135", None),
    ("3123", None),
];

fn envelope(code: &str, message: &str, details: &[&str]) -> String {
    serde_json::json!({ "code": code, "message": message, "additionalDetails": details })
        .to_string()
}

#[test]
fn the_catalogue_holds_every_documented_code_once() {
    let codes: Vec<(&str, Option<u16>)> = ERRORS.iter().map(|e| (e.code, e.http_status)).collect();
    assert_eq!(codes, DOCUMENTED);
    for (index, entry) in ERRORS.iter().enumerate() {
        assert!(
            ERRORS[..index].iter().all(|other| other.code != entry.code),
            "{} twice",
            entry.code
        );
        assert!(!entry.message.is_empty(), "{}", entry.code);
    }
}

#[test]
fn every_documented_code_parses_into_its_row() {
    for &(code, http) in DOCUMENTED {
        let status = http.unwrap_or(400);
        let error = parse_error(status, &envelope(code, "as sent", &[]));
        let known = error.known.unwrap_or_else(|| panic!("{code} not known"));
        assert_eq!(known.code, code);
        assert_eq!(error.code, code);
        assert_eq!(error.message, "as sent");
        assert_eq!(error.http_status, status);
        assert_eq!(error.shape, ErrorShape::Envelope);
    }
}

#[test]
fn a_numeric_code_and_a_missing_message_are_read() {
    let error = parse_error(404, r#"{"code":1116}"#);
    assert_eq!(error.code, "1116");
    assert_eq!(error.message, "Invalid Customer");
}

#[test]
fn the_spec_1117_example_marks_the_field() {
    let body = include_str!("../../../tests/fixtures/spec/responses/error-1117.json");
    let error = parse_error(400, body);
    assert_eq!(error.field_paths, ["companyProfile.companyName"]);
    assert_eq!(error.known.map(|k| k.source), Some(Source::Reference));
}

#[test]
fn invalid_fields_are_read_too() {
    let body = r#"{"code":"1117","message":"Some fields are invalid",
        "additionalDetails":["lineItems[0].quantity","free text here"],
        "invalidFields":["companyProfile.contacts[1].email"]}"#;
    let error = parse_error(400, body);
    assert_eq!(
        error.field_paths,
        ["companyProfile.contacts[1].email", "lineItems[0].quantity"]
    );
}

#[test]
fn every_reason_code_parses_with_its_description_and_action() {
    for entry in REASONS {
        for detail in [
            entry.reason.to_owned(),
            format!("Line Item: 3, Reason: {}", entry.reason),
        ] {
            let error = parse_error(400, &envelope(entry.error_code, "m", &[&detail]));
            let reason = error.reasons.first().unwrap_or_else(|| panic!("{detail}"));
            assert_eq!(reason.code, entry.reason);
            assert_eq!(reason.description, Some(entry.description));
            assert_eq!(reason.action, entry.action);
        }
    }
}

#[test]
fn the_reference_reason_lists_carry_their_action() {
    let listed: Vec<&str> = REASONS
        .iter()
        .filter(|r| r.source == Source::Reference)
        .map(|r| r.reason)
        .collect();
    assert_eq!(
        listed.len(),
        4 + 11,
        "2129 has 4, 5117 has 11 in the reference"
    );
    assert!(
        REASONS
            .iter()
            .filter(|r| r.source == Source::Reference)
            .all(|r| r.action.is_some())
    );
    let error = parse_error(400, &envelope("5117", "m", &["OPEN_PURCHASE_AUTH"]));
    assert!(
        error.reasons[0]
            .action
            .is_some_and(|a| a.contains("expire-open-pas"))
    );
    let error = parse_error(400, &envelope("2129", "m", &["INELIGIBLE_ADD_ON"]));
    assert_eq!(
        error.reasons[0].action,
        Some("Try placing the order again with the base product included")
    );
}

#[test]
fn an_undocumented_reason_is_kept_without_text() {
    let error = parse_error(400, &envelope("5117", "m", &["SOMETHING_NEW"]));
    assert_eq!(error.reasons[0].code, "SOMETHING_NEW");
    assert_eq!(error.reasons[0].action, None);
    let error = parse_error(
        400,
        &envelope(
            "2141",
            "m",
            &["Line Item: 2, Reason: Invalid Flexible Discount"],
        ),
    );
    assert!(error.reasons.is_empty());
}

#[test]
fn the_line_item_of_a_detail_is_read() {
    let error = parse_error(
        400,
        &envelope("2146", "m", &["Line Item: 1, Reason: NOT_FOUND"]),
    );
    assert_eq!(error.reasons[0].line_item, Some(1));
}

#[test]
fn the_partial_return_example_is_symbolic_422() {
    let body = include_str!("../../../tests/fixtures/spec/responses/error-partial-return.json");
    let error = parse_error(422, body);
    assert_eq!(error.code, "RETURN_QTY_EXCEEDS_REMAINING");
    assert_eq!(
        error.known.map(|k| k.source),
        Some(Source::FactsPartialReturn)
    );
    assert!(error.message.contains("55"));
}

#[test]
fn gateway_shapes_are_read() {
    let error = parse_error(504, r#"{"error_code":"504001","error":"Gateway Timeout"}"#);
    assert_eq!(error.shape, ErrorShape::Gateway);
    assert_eq!(
        (error.code.as_str(), error.message.as_str()),
        ("504001", "Gateway Timeout")
    );
    assert!(error.retryable);
    let error = parse_error(
        401,
        r#"{"error":"invalid_token","error_description":"expired"}"#,
    );
    assert_eq!(error.message, "expired");
}

#[test]
fn anything_else_is_kept_as_text() {
    for body in ["", "<html>Bad Gateway</html>", "[1,2]", "null", "{\"x\":1}"] {
        let error = parse_error(502, body);
        assert_eq!(error.shape, ErrorShape::Unparsed, "{body}");
        assert_eq!(error.message, body);
        assert!(error.retryable);
    }
}

#[test]
fn retryable_only_where_the_same_request_may_go_again() {
    assert!(!parse_error(400, &envelope("1117", "m", &[])).retryable);
    assert!(parse_error(400, &envelope("4122", "m", &[])).retryable);
    assert!(parse_error(429, &envelope("4118", "m", &[])).retryable);
    assert!(parse_error(500, &envelope("1124", "m", &[])).retryable);
}

mod never_panics {
    use super::*;
    use crate::request::Endpoint;
    use crate::response::parse;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_text(status in any::<u16>(), body in any::<String>()) {
            let error = parse_error(status, &body);
            prop_assert_eq!(error.http_status, status);
            for &endpoint in Endpoint::ALL {
                let _ = parse(endpoint, status, &body);
            }
        }

        #[test]
        fn on_any_details(code in "[0-9A-Z_]{0,8}", details in proptest::collection::vec(any::<String>(), 0..4)) {
            let body = serde_json::json!({ "code": code, "additionalDetails": details, "invalidFields": details });
            let error = parse_error(400, &body.to_string());
            prop_assert!(error.field_paths.len() <= 2 * details.len());
        }
    }
}

#[test]
fn field_paths_are_read_from_the_message_too() {
    let body = r#"{"code":"1118","message":"Invalid Address (companyProfile.address.region)","additionalDetails":[]}"#;
    assert_eq!(
        parse_error(400, body).field_paths,
        ["companyProfile.address.region"]
    );
    let body = r#"{"code":"1117","message":"Some Fields are Invalid (companyProfile.contacts.email, companyProfile.companyName)","additionalDetails":["companyProfile.companyName"]}"#;
    assert_eq!(
        parse_error(400, body).field_paths,
        [
            "companyProfile.companyName",
            "companyProfile.contacts.email"
        ]
    );
    let plain = r#"{"code":"1117","message":"Some fields are invalid","additionalDetails":[]}"#;
    assert!(parse_error(400, plain).field_paths.is_empty());
}
