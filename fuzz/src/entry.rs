//! One plain function per fuzz target: bytes in, every invariant asserted.
//!
//! A panic here is a finding. The same file is compiled twice: by the
//! cargo-fuzz crate (`fuzz/`, nightly, libFuzzer) and, through
//! `#[path = "../../fuzz/src/entry.rs"]`, by the stable integration test that
//! replays `tests/fuzz/regressions/<target>/*`. It may therefore use only
//! `vipmp`, `serde_json` and `std`.
//!
//! How the bytes are read:
//! - JSON targets take the bytes as UTF-8 (lossily), parse them with
//!   `serde_json`, and fall back to a JSON string of the text when they are not
//!   JSON, so every input reaches the entry point.
//! - A leading selector byte picks the operation, field, endpoint or currency,
//!   always modulo the table's length, so every choice is reachable.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::{Map, Value, json};
use vipmp::basket::{Basket, BasketContext, check_basket};
use vipmp::date::Date;
use vipmp::input::{Arena, MAX_PACKED_KEYS, PackedKeys, Packer};
use vipmp::pricing::price_list::{self, PriceList};
use vipmp::pricing::{OfferId, PriceRowView, csv};
use vipmp::quote::{QuoteContext, quote_json};
use vipmp::report::Segment;
use vipmp::request::{self, Auth, BodyRule, BuildInput, BuildResult, Endpoint, Ids};
use vipmp::response::{self, Body, Parsed};
use vipmp::validate::{
    self, Context, FIELD_NAMES, FieldContext, Operation, QueryValidation, parse_query_string,
};
use vipmp::{Code, Report, Violation};

/// A target's function: the input bytes, and a panic for a finding.
pub type Target = fn(&[u8]);

/// Every target: its name (the `fuzz/fuzz_targets/<name>.rs` binary and the
/// `tests/fuzz/regressions/<name>/` directory) and its function.
pub const TARGETS: &[(&str, Target)] = &[
    ("validate_run_any_operation", validate_run_any_operation),
    ("validate_field", validate_field),
    ("order_history_query", order_history_query),
    ("price_list_csv", price_list_csv),
    ("price_list_json", price_list_json),
    ("offer_id", offer_id),
    ("response_parse", response_parse),
    ("request_build", request_build),
    ("basket_check", basket_check),
    ("packed_body", packed_body),
];

/// The target function of a name.
pub fn target(name: &str) -> Option<Target> {
    TARGETS
        .iter()
        .find(|(target, _)| *target == name)
        .map(|(_, function)| *function)
}

// ---------------------------------------------------------------------------
// Reading the bytes

/// The first byte (the selector) and the rest; an empty input selects 0.
fn split(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (*first, rest),
        None => (0, data),
    }
}

/// An entry of a table chosen by a byte.
fn pick<T: Copy>(table: &[T], byte: u8) -> T {
    table[usize::from(byte) % table.len()]
}

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The text as JSON, or the text as a JSON string when it is not JSON.
fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

/// Removes `key` from an object and returns it (the fuzzer's way to give the
/// state a rule needs alongside the body).
fn take(value: &mut Value, key: &str) -> Option<Value> {
    value.as_object_mut()?.remove(key)
}

/// A fixed day, for the rules that read `today`.
fn fixed_today() -> Option<Date> {
    Date::new(2025, 6, 15)
}

// ---------------------------------------------------------------------------
// Invariants shared by every report

/// Each violation has a registered, non-empty code, a message, and a path
/// (the body's root only for "not an object" and "missing" findings, and for
/// an account that cannot be updated at all).
fn check_violations(violations: &[Violation]) {
    for violation in violations {
        let code = violation.code.as_str();
        assert!(!code.is_empty(), "empty code: {violation:?}");
        assert_eq!(
            Code::from_name(code),
            Some(violation.code),
            "code not in the registry: {code}"
        );
        assert!(
            !violation.message.trim().is_empty(),
            "empty message: {violation:?}"
        );
        let path = violation.path.to_string();
        assert!(
            !violation.path.is_root()
                || matches!(
                    violation.code,
                    Code::TypeInvalid | Code::FieldRequired | Code::AccountNotUpdatable
                ),
            "{code} at the root: {violation:?}"
        );
        assert_eq!(
            read_path(&path).as_deref(),
            Some(violation.path.segments().as_slice()),
            "the path text {path:?} does not name its own segments: {violation:?}"
        );
        let serialized = serde_json::to_value(violation).expect("a violation serializes");
        assert_eq!(serialized["path"], Value::String(path), "path serializes");
        assert_eq!(serialized["code"], Value::String(code.to_owned()));
    }
}

/// Reads a rendered path back into its segments: bare keys after `.`,
/// indexes as `[n]`, and keys the dotted notation cannot carry as `["…"]`
/// (a JSON string literal). `None` when the text is not in that notation.
fn read_path(text: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(bracketed) = rest.strip_prefix('[') {
            let (segment, after) = read_bracketed(bracketed)?;
            segments.push(segment);
            rest = after;
            continue;
        }
        let bare = match rest.strip_prefix('.') {
            Some(bare) if !segments.is_empty() => bare,
            _ if segments.is_empty() => rest,
            _ => return None,
        };
        let end = bare.find(['.', '[']).unwrap_or(bare.len());
        if end == 0 {
            return None;
        }
        segments.push(Segment::Key(bare[..end].to_owned()));
        rest = &bare[end..];
    }
    Some(segments)
}

/// The inside of `[…]`: a decimal index or a quoted key, and what follows `]`.
fn read_bracketed(text: &str) -> Option<(Segment, &str)> {
    if text.starts_with('"') {
        let mut escaped = false;
        let close = text.char_indices().skip(1).find_map(|(at, character)| {
            let closes = character == '"' && !escaped;
            escaped = character == '\\' && !escaped;
            closes.then_some(at)
        })?;
        let key: String = serde_json::from_str(&text[..=close]).ok()?;
        let after = text[close + 1..].strip_prefix(']')?;
        return Some((Segment::Key(key), after));
    }
    let close = text.find(']')?;
    let index = text[..close].parse().ok()?;
    Some((Segment::Index(index), &text[close + 1..]))
}

fn check_report(report: &Report) {
    check_violations(&report.violations);
    assert_eq!(report.is_valid(), report.violations.is_empty());
    let _ = report.to_string();
}

/// A typed resource serializes and reads back as itself.
macro_rules! round_trip {
    ($value:expr, $type:ty) => {{
        let value: &$type = $value;
        let json = serde_json::to_value(value).expect("a resource serializes");
        let back: $type = match serde_json::from_value(json.clone()) {
            Ok(back) => back,
            Err(error) => panic!("{} does not read back: {error}\n{json}", stringify!($type)),
        };
        assert_eq!(&back, value, "{} round trip", stringify!($type));
    }};
}

// ---------------------------------------------------------------------------
// Targets

/// `validate::run` for every [`Operation`]: byte 0 picks `Operation::ALL[b % 14]`
/// and, when `(b / 9)` is odd, supplies `today`. The rest is the JSON body; a
/// top-level `"context"` member is taken out of the body and read as the
/// [`Context`] (the state Adobe holds), so state-dependent rules are reached.
pub fn validate_run_any_operation(data: &[u8]) {
    let (selector, rest) = split(data);
    let operation = pick(&Operation::ALL, selector);
    let mut body = json_of(&text(rest));
    let mut context = take(&mut body, "context")
        .and_then(|value| serde_json::from_value::<Context>(value).ok())
        .unwrap_or_default();
    if (usize::from(selector) / Operation::ALL.len()) % 2 == 1 && context.today.is_none() {
        context.today = fixed_today();
    }
    let report = validate::run(operation, &body, &context);
    check_report(&report);
    // The same operation by name gives the same verdict.
    let named = Operation::from_name(operation.name()).expect("every operation has its name");
    assert_eq!(named, operation);
    // Validating is a pure function of its input.
    assert_eq!(validate::run(operation, &body, &context), report);
    // A body that is not an object is never valid.
    if !body.is_object() {
        assert!(!report.is_valid(), "{} accepted {body}", operation.name());
    }
}

/// `vipmp::input::PackedKeys::read`, the npm package's way across the
/// boundary for bodies given as objects (`door.js` packs them): byte 0 picks
/// the operation; the rest is read as a packed body twice, the second time
/// against the keys the first read numbered, each body read validated. No
/// panic and a well-formed report; a failed read numbers no key; the table
/// never holds more than `MAX_PACKED_KEYS`; reading is a pure function of the
/// bytes and the table (a fresh table reads the same bytes to the same report).
pub fn packed_body(data: &[u8]) {
    let (selector, bytes) = split(data);
    let operation = pick(&Operation::ALL, selector);
    let read = |keys: &mut PackedKeys| {
        let arena = Arena::new();
        keys.read(bytes, &arena, |body| {
            validate::run_json(operation, body, &Context::default())
        })
    };
    let mut keys = PackedKeys::new();
    let first = read(&mut keys);
    if let Ok(report) = &first {
        check_report(report);
    }
    assert_eq!(
        read(&mut PackedKeys::new()),
        first,
        "a fresh table reads alike"
    );
    let before = keys.len();
    match read(&mut keys) {
        Ok(report) => check_report(&report),
        Err(_) => assert!(keys.len() <= before, "a failed read numbered keys"),
    }
    assert!(keys.len() <= MAX_PACKED_KEYS);
}

/// `validate::validate_field`: byte 0 picks the field of `FIELD_NAMES`, byte 1
/// the context's country (every country, none, or an unknown code); the rest is
/// the value.
pub fn validate_field(data: &[u8]) {
    let (selector, rest) = split(data);
    let name = pick(FIELD_NAMES, selector);
    let (country_byte, value) = split(rest);
    let countries = vipmp::country::all();
    let country_index = usize::from(country_byte) % (countries.len() + 2);
    let country = match countries.get(country_index) {
        Some(country) => Some(country.code().to_owned()),
        None if country_index == countries.len() => None,
        None => Some("ZZ".to_owned()),
    };
    let context = FieldContext { country };
    let value = text(value);
    let report = match validate::validate_field(name, &value, &context) {
        Ok(report) => report,
        Err(error) => panic!("{name} is in FIELD_NAMES but was refused: {error:?}"),
    };
    check_report(&report);
    for violation in &report.violations {
        assert_eq!(
            violation.path.to_string(),
            name,
            "findings sit at the field"
        );
    }
    // A name outside the list is the caller's mistake, never a panic.
    assert!(validate::validate_field(&format!("{name}\u{0}x"), &value, &context).is_err());
}

/// `validate::order_history_query_string` and `parse_query_string`: the bytes
/// are the query string. The decoded pairs survive encoding and decoding again,
/// and the string and pair entry points agree.
pub fn order_history_query(data: &[u8]) {
    let query = text(data);
    let pairs = parse_query_string(&query);
    let encoded = request::query_string(&pairs);
    assert_eq!(parse_query_string(&encoded), pairs, "decode(encode(pairs))");
    let from_string = validate::order_history_query_string(&query);
    let from_pairs = validate::order_history_query(&pairs);
    assert_eq!(from_string, from_pairs);
    match &from_string {
        Ok(parsed) => {
            assert!((1..=100).contains(&parsed.limit), "limit {}", parsed.limit);
            let _ = serde_json::to_value(parsed).expect("a query serializes");
        }
        Err(report) => {
            assert!(!report.is_valid());
            check_report(report);
        }
    }
    let answer = QueryValidation::from(from_string);
    assert_eq!(answer.valid, answer.query.is_some());
    assert_eq!(answer.valid, answer.violations.is_empty());
}

/// Currencies the price-list targets choose from; `None` means "not given".
const CURRENCIES: &[Option<&str>] = &[
    Some("USD"),
    Some("EUR"),
    Some("JPY"),
    Some("GBP"),
    Some("AUD"),
    Some("KWD"),
    Some("usd"),
    Some("XYZ"),
    Some(""),
    None,
];

/// What every loaded price list must satisfy.
fn check_price_list(result: &Result<PriceList, Report>, currency: Option<&str>) {
    match result {
        Ok(list) => {
            if let Some(code) = currency {
                assert!(
                    list.currency().code().eq_ignore_ascii_case(code),
                    "asked {code}, got {}",
                    list.currency().code()
                );
            }
            for row in list.rows() {
                let reparsed = OfferId::parse(row.offer_id.as_str()).expect("rows hold valid IDs");
                assert_eq!(reparsed, row.offer_id);
                assert_eq!(row.partner_price.currency, list.currency());
                let found = list.find(row.offer_id.as_str(), None);
                // A row with a discount code is already discounted (HVD):
                // kept, never found for a quote.
                assert!(
                    found.is_none_or(|found| found.discount_code.is_none()),
                    "a discounted row of {} was found",
                    row.offer_id
                );
                if row.discount_code.is_some() {
                    continue;
                }
                assert!(found.is_some(), "row {} cannot be found", row.offer_id);
                if let Some(first) = row.first_order_date {
                    if row.is_orderable_on(first) {
                        let found = list.find(row.offer_id.as_str(), Some(first));
                        assert!(found.is_some_and(|found| found.is_orderable_on(first)));
                    }
                }
                let view = PriceRowView::from(row);
                assert_eq!(view.offer_id, row.offer_id.as_str());
                let _ = serde_json::to_value(&view).expect("a row view serializes");
            }
        }
        Err(report) => {
            assert!(!report.is_valid(), "an error report holds a violation");
            check_report(report);
            for violation in &report.violations {
                assert_eq!(violation.code, Code::PriceListMalformed, "{violation:?}");
            }
        }
    }
}

/// `pricing::price_list::load` of a CSV/TSV file (and the CSV reader itself):
/// byte 0 picks the currency, the rest is the file.
pub fn price_list_csv(data: &[u8]) {
    let (selector, rest) = split(data);
    let currency = pick(CURRENCIES, selector);
    let file = text(rest);
    if let Ok(records) = csv::records(&file, csv::delimiter(&file)) {
        let lines: Vec<usize> = records.iter().map(|record| record.line).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "lines {lines:?}");
    }
    let result = price_list::load(&file, currency);
    check_price_list(&result, currency);
    if currency.is_none() && !file.trim_start().starts_with('{') {
        assert!(result.is_err(), "a file needs its currency");
    }
}

/// `pricing::price_list::load` of the price-list API's JSON: byte 0 picks the
/// currency; the rest is the JSON. Text that is not a JSON object is put into
/// every field of one offer (`offerId`, `partnerPrice`, the details and dates),
/// so the JSON reader is always the one exercised.
pub fn price_list_json(data: &[u8]) {
    let (selector, rest) = split(data);
    let currency = pick(CURRENCIES, selector);
    let raw = text(rest);
    let document = if raw.trim_start().starts_with('{') {
        raw.into_owned()
    } else {
        let cell = raw.as_ref();
        json!({
            "currency": currency.unwrap_or("USD"),
            "marketSegment": "COM",
            "offers": [{
                "offerId": cell,
                "partnerPrice": cell,
                "productTypeDetail": cell,
                "additionalDetail": cell,
                "firstOrderDate": cell,
                "lastOrderDate": cell,
            }],
        })
        .to_string()
    };
    let result = price_list::load(&document, currency);
    check_price_list(&result, currency);
}

/// `OfferId::parse` (and `parse_answer`, `at_level`): a valid ID formats back
/// to the same text, its parts are slices of it, and rewriting it to its own
/// level is the identity.
pub fn offer_id(data: &[u8]) {
    let candidate = text(data);
    let answer = vipmp::pricing::offer_id::parse_answer(&candidate);
    check_violations(&answer.violations);
    match OfferId::parse(&candidate) {
        Ok(id) => {
            assert_eq!(id.to_string(), candidate, "Display");
            assert_eq!(id.as_str(), candidate, "as_str");
            assert!(id.as_str().starts_with(id.partial_sku()));
            assert!(id.partial_sku().starts_with(id.product()));
            assert_eq!(id.level().len(), 2);
            assert_eq!(id.at_level(id.level()).as_ref(), Ok(&id), "own level");
            for level in ["01", "12", "T1", "TA"] {
                let moved = id.at_level(level).expect("a level is accepted");
                assert_eq!(moved.level(), level);
                assert_eq!(moved.product(), id.product());
                assert_eq!(moved.variant(), id.variant());
            }
            assert!(id.at_level("1").is_err() && id.at_level("t1").is_err());
            assert_eq!(
                serde_json::to_value(&id).expect("serializes"),
                Value::String(candidate.clone().into_owned())
            );
            assert!(
                vipmp::field::offer_id::check(&candidate).is_empty(),
                "the line-item shape rule refuses a parsed offer ID"
            );
            assert!(answer.valid && answer.violations.is_empty());
            let parts = answer.offer.expect("a valid answer has parts");
            assert_eq!(parts.level, id.level());
            assert_eq!(parts.offer_id, candidate);
            assert_eq!(
                parts.minimum_order_quantity,
                id.variant().minimum_order_quantity()
            );
        }
        Err(finding) => {
            assert_eq!(finding.code, Code::OfferIdInvalidFormat);
            assert!(!answer.valid && answer.offer.is_none());
            assert_eq!(answer.violations.len(), 1);
            assert_eq!(answer.violations[0].path.to_string(), "offerId");
        }
    }
}

/// Statuses the response target picks from for an even byte 1 (an odd byte 1
/// reads the status from bytes 1–2 as they are).
const STATUSES: &[u16] = &[
    200, 201, 202, 204, 299, 300, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504, 0, 199,
    999,
];

/// `response::parse` for every [`Endpoint`]: byte 0 picks the endpoint, bytes
/// 1–2 the status; the rest is the body. Typed resources read back as
/// themselves after serialization.
pub fn response_parse(data: &[u8]) {
    let (selector, rest) = split(data);
    let endpoint = pick(Endpoint::ALL, selector);
    let (high, rest) = split(rest);
    let (low, body) = split(rest);
    let status = if high % 2 == 0 {
        pick(STATUSES, low)
    } else {
        u16::from_be_bytes([high, low])
    };
    let body = text(body);
    let parsed = response::parse(endpoint, status, &body);
    check_parsed(&parsed, status);
    assert_eq!(response::parse(endpoint, status, &body), parsed, "pure");
    if let Some(body) = &parsed.body {
        check_body(body);
    }
}

fn check_parsed(parsed: &Parsed, status: u16) {
    assert_eq!(parsed.http_status, status);
    let _ = serde_json::to_value(parsed).expect("a parsed response serializes");
    if parsed.ok {
        assert!((200..300).contains(&status), "ok for {status}");
        assert!(parsed.body.is_some() && parsed.error.is_none());
    } else {
        let error = parsed.error.as_ref().expect("a failure has its error");
        assert_eq!(error.http_status, status);
        assert!(parsed.body.is_none() && parsed.resource_status.is_none());
        if let Some(known) = &error.known {
            assert_eq!(known.code, error.code, "the catalogue row is the code's");
        }
    }
}

fn check_body(body: &Body) {
    match body {
        Body::Reseller(value) => round_trip!(value, vipmp::resource::Reseller),
        Body::Customer(value) => round_trip!(value, vipmp::resource::Customer),
        Body::Order(value) => round_trip!(value, vipmp::resource::Order),
        Body::Orders(value) => {
            round_trip!(value, vipmp::resource::Collection<vipmp::resource::Order>);
        }
        Body::Subscription(value) => round_trip!(value, vipmp::resource::Subscription),
        Body::Subscriptions(value) => {
            round_trip!(
                value,
                vipmp::resource::Collection<vipmp::resource::Subscription>
            );
        }
        Body::Transfer(value) => round_trip!(value, vipmp::resource::Transfer),
        Body::Pong(text) => assert_eq!(text.trim(), text),
        _ => {}
    }
}

/// Keys that make the JSON a whole [`BuildInput`] rather than a body.
const INPUT_KEYS: &[&str] = &["params", "query", "body", "ids", "auth", "context"];

/// `request::build` for every [`Endpoint`]: byte 0 picks the endpoint. The rest
/// is JSON: an object with any of `params`, `query`, `body`, `ids`, `auth`,
/// `context` is read as the whole [`BuildInput`]; anything else becomes the
/// body of an input with valid IDs and every path parameter set.
pub fn request_build(data: &[u8]) {
    let (selector, rest) = split(data);
    let endpoint = pick(Endpoint::ALL, selector);
    let value = json_of(&text(rest));
    let whole = value
        .as_object()
        .is_some_and(|object| INPUT_KEYS.iter().any(|key| object.contains_key(*key)));
    let input = if whole {
        serde_json::from_value::<BuildInput>(value.clone())
            .unwrap_or_else(|_| body_input(endpoint, value))
    } else {
        body_input(endpoint, value)
    };
    let result = request::build(endpoint, &input);
    match &result {
        Ok(spec) => {
            assert_eq!(spec.method, endpoint.method());
            assert!(spec.path.starts_with('/'), "path {}", spec.path);
            assert!(
                !spec.path.contains(['{', '}', '?', '#']),
                "path {}",
                spec.path
            );
            assert_eq!(
                spec.path.split('/').count(),
                endpoint.template().split('/').count(),
                "a parameter changed the path's structure: {}",
                spec.path
            );
            assert_eq!(
                spec.header("X-Correlation-Id"),
                Some(input.ids.correlation_id.as_str())
            );
            assert_eq!(
                spec.header("X-Request-Id"),
                Some(input.ids.request_id.as_str())
            );
            if endpoint.body() == BodyRule::None {
                assert!(spec.body.is_none());
            }
            let url = spec.url();
            assert!(url.starts_with(&spec.path));
            if let Some((_, query)) = url.split_once('?') {
                assert_eq!(parse_query_string(query), spec.query, "url query");
            } else {
                assert!(spec.query.is_empty());
            }
        }
        Err(report) => {
            assert!(!report.is_valid(), "an error report holds a violation");
            check_report(report);
        }
    }
    let answer = BuildResult::from(result);
    assert_eq!(answer.valid, answer.request.is_some());
    assert_eq!(answer.valid, answer.violations.is_empty());
    let _ = serde_json::to_value(&answer).expect("a build result serializes");
}

/// An input whose only unknown is the body.
fn body_input(endpoint: Endpoint, body: Value) -> BuildInput {
    let params: Map<String, Value> = endpoint
        .parameters()
        .into_iter()
        .map(|name| (name.to_owned(), Value::String("1005432187".to_owned())))
        .collect();
    BuildInput {
        params,
        query: Value::Null,
        body: Some(body),
        ids: Ids {
            correlation_id: "corr-fuzz-1".to_owned(),
            request_id: "req-fuzz-1".to_owned(),
        },
        auth: Auth::default(),
        context: Context::default(),
    }
}

/// A small price list for quotes, loaded once.
fn quote_price_list() -> &'static PriceList {
    static LIST: OnceLock<PriceList> = OnceLock::new();
    LIST.get_or_init(|| {
        let file = "Offer ID,Partner Price,Product Type Detail,Additional Detail,First Order Date,Last Order Date\n\
                    65304479CA01A12,100.00,Annual (proration based on duration),,,\n\
                    65304479CA02A12,95.00,Annual (proration based on duration),,,\n\
                    65304479CB01A12,40.00,Annual (proration based on duration),K-12 (100+),,\n\
                    80004567CAT1A12,10.00,No Proration (fixed price),,2025-01-01,2025-12-31\n";
        price_list::load(file, Some("USD")).expect("the fuzz price list loads")
    })
}

/// `basket::Basket::from_value`, `check_basket` and `quote::quote_json`: the
/// bytes are the basket JSON; a top-level `"context"` member is read as the
/// [`BasketContext`] and `"quoteContext"` as the [`QuoteContext`].
pub fn basket_check(data: &[u8]) {
    let mut value = json_of(&text(data));
    let context = take(&mut value, "context")
        .and_then(|context| serde_json::from_value::<BasketContext>(context).ok())
        .unwrap_or_default();
    let quote_context = take(&mut value, "quoteContext")
        .and_then(|context| serde_json::from_value::<QuoteContext>(context).ok())
        .unwrap_or_default();
    let list = quote_price_list();
    match Basket::from_value(&value) {
        Ok(basket) => {
            for price_list in [None, Some(list)] {
                let check = check_basket(&basket, &context, price_list);
                assert_eq!(check.valid, check.violations.is_empty());
                check_violations(&check.violations);
                check_violations(&check.warnings);
                let _ = serde_json::to_value(&check).expect("a basket check serializes");
            }
        }
        Err(report) => {
            assert!(!report.is_valid());
            check_report(&report);
        }
    }
    let quote = quote_json(&value, list, &quote_context);
    let _ = serde_json::to_value(&quote).expect("a quote serializes");
}

// ---------------------------------------------------------------------------
// Seeds: the repository's fixtures, framed as each target reads its bytes

/// One seed input: the target it is for, a file name, the bytes.
pub struct Seed {
    /// The target's name.
    pub target: &'static str,
    /// A file name, unique within the target.
    pub name: String,
    /// The input.
    pub data: Vec<u8>,
}

fn seed(target: &'static str, name: String, selector: &[u8], rest: &[u8]) -> Seed {
    let mut data = selector.to_vec();
    data.extend_from_slice(rest);
    Seed { target, name, data }
}

/// A byte naming a table index (the targets reduce selectors modulo the table).
fn index_byte(index: usize) -> u8 {
    u8::try_from(index).expect("tables have fewer than 256 entries")
}

fn operation_byte(operation: Operation) -> u8 {
    index_byte(
        Operation::ALL
            .iter()
            .position(|candidate| *candidate == operation)
            .unwrap_or_default(),
    )
}

fn endpoint_byte(endpoint: Endpoint) -> u8 {
    index_byte(
        Endpoint::ALL
            .iter()
            .position(|candidate| *candidate == endpoint)
            .unwrap_or_default(),
    )
}

/// The two status bytes for a status of [`STATUSES`].
fn status_bytes(status: u16) -> [u8; 2] {
    let index = STATUSES
        .iter()
        .position(|candidate| *candidate == status)
        .unwrap_or_default();
    [0, index_byte(index)]
}

/// The endpoint that takes an operation's body.
fn endpoint_of(operation: Operation) -> Option<Endpoint> {
    Endpoint::ALL
        .iter()
        .copied()
        .find(|endpoint| endpoint.body() == BodyRule::Validated(operation))
}

/// Every string at a key named `offerId`, anywhere in the JSON.
fn collect_offer_ids(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, member) in object {
                match member {
                    Value::String(text) if key == "offerId" => into.push(text.clone()),
                    _ => collect_offer_ids(member, into),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                collect_offer_ids(item, into);
            }
        }
        _ => {}
    }
}

fn read_json(path: &std::path::Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn json_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The seeds of every target, from `tests/fixtures/*.json` (the shared case
/// suite), `tests/fixtures/spec/` (the reference's printed examples) and a few
/// hand-written price lists and baskets. `root` is the repository.
pub fn seeds(root: &std::path::Path) -> Vec<Seed> {
    let mut out = Vec::new();
    let mut offer_ids = vec!["65304479CA01A12".to_owned(), "65304479CAT1Z12".to_owned()];
    let fixtures = root.join("tests/fixtures");
    for file in json_files(&fixtures) {
        let Some(Value::Array(cases)) = read_json(&file) else {
            continue;
        };
        let file_stem = stem(&file);
        for (number, case) in cases.iter().enumerate() {
            let name = format!("{file_stem}-{number}");
            collect_offer_ids(case, &mut offer_ids);
            let op = case["op"].as_str().unwrap_or_default();
            let input = &case["input"];
            if op == "field" {
                let field = input["name"].as_str().unwrap_or_default();
                let Some(field_index) = FIELD_NAMES.iter().position(|known| *known == field) else {
                    continue;
                };
                let countries = vipmp::country::all();
                let country = input["context"]["country"].as_str();
                let country_index = country.map_or(countries.len(), |code| {
                    countries
                        .iter()
                        .position(|known| known.code() == code)
                        .unwrap_or(countries.len() + 1)
                });
                let value = input["value"].as_str().unwrap_or_default();
                let selector = [index_byte(field_index), index_byte(country_index)];
                out.push(seed("validate_field", name, &selector, value.as_bytes()));
            } else if op == "orderHistoryQuery" {
                let query = input.as_str().unwrap_or_default();
                out.push(seed("order_history_query", name, &[], query.as_bytes()));
            } else if let Ok(operation) = Operation::from_name(op) {
                let mut body = input.clone();
                if let (Some(object), Some(context)) = (body.as_object_mut(), case.get("context")) {
                    object.insert("context".to_owned(), context.clone());
                }
                let text = body.to_string();
                let selector = [operation_byte(operation)];
                out.push(seed(
                    "validate_run_any_operation",
                    name.clone(),
                    &selector,
                    text.as_bytes(),
                ));
                out.push(seed(
                    "packed_body",
                    name.clone(),
                    &selector,
                    &Packer::new().pack(input),
                ));
                if let Some(endpoint) = endpoint_of(operation) {
                    let text = input.to_string();
                    let selector = [endpoint_byte(endpoint)];
                    out.push(seed("request_build", name, &selector, text.as_bytes()));
                }
            }
        }
    }
    let spec = fixtures.join("spec");
    for file in json_files(&spec.join("requests")) {
        let name = stem(&file);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let operation = SPEC_REQUESTS
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .map(|(_, operation)| *operation);
        if let Some(operation) = operation {
            let selector = [operation_byte(operation)];
            out.push(seed(
                "validate_run_any_operation",
                format!("spec-{name}"),
                &selector,
                text.as_bytes(),
            ));
            if let Some(endpoint) = endpoint_of(operation) {
                let selector = [endpoint_byte(endpoint)];
                let name = format!("spec-{name}");
                out.push(seed("request_build", name, &selector, text.as_bytes()));
            }
        }
        if let Some(value) = read_json(&file) {
            collect_offer_ids(&value, &mut offer_ids);
        }
    }
    for file in json_files(&spec.join("responses")) {
        let name = stem(&file);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let (endpoint, status) = SPEC_RESPONSES
            .iter()
            .find(|(prefix, _, _)| name.starts_with(prefix))
            .map_or((Endpoint::GetOrder, 200), |(_, endpoint, status)| {
                (*endpoint, *status)
            });
        let mut selector = vec![endpoint_byte(endpoint)];
        selector.extend(status_bytes(status));
        out.push(seed(
            "response_parse",
            format!("spec-{name}"),
            &selector,
            text.as_bytes(),
        ));
        if let Some(value) = read_json(&file) {
            collect_offer_ids(&value, &mut offer_ids);
        }
    }
    offer_ids.sort();
    offer_ids.dedup();
    for (number, id) in offer_ids.iter().enumerate() {
        out.push(seed("offer_id", format!("id-{number}"), &[], id.as_bytes()));
    }
    for (name, file) in PRICE_LISTS {
        out.push(seed(
            "price_list_csv",
            (*name).to_owned(),
            &[0],
            file.as_bytes(),
        ));
    }
    out.push(seed(
        "price_list_json",
        "api-usd".to_owned(),
        &[0],
        PRICE_LIST_JSON.as_bytes(),
    ));
    for (number, basket) in BASKETS.iter().enumerate() {
        out.push(seed(
            "basket_check",
            format!("basket-{number}"),
            &[],
            basket.as_bytes(),
        ));
    }
    out
}

/// Spec request examples by file-name prefix (also the integration tests'
/// table of which operation validates which example).
pub const SPEC_REQUESTS: &[(&str, Operation)] = &[
    ("create-reseller", Operation::CreateReseller),
    ("update-reseller", Operation::UpdateReseller),
    ("create-customer", Operation::CreateCustomer),
    ("update-customer", Operation::UpdateCustomer),
    ("create-order", Operation::CreateOrder),
    ("update-order", Operation::UpdateOrder),
    ("update-subscription", Operation::UpdateSubscription),
    ("reseller-change", Operation::ResellerChange),
    ("vip-transfer", Operation::VipTransfer),
];

/// Spec response examples by file-name prefix: the endpoint and status.
const SPEC_RESPONSES: &[(&str, Endpoint, u16)] = &[
    ("customer-created", Endpoint::CreateCustomer, 201),
    ("customer", Endpoint::GetCustomer, 200),
    ("error", Endpoint::CreateOrder, 400),
    ("order-history", Endpoint::GetOrderHistory, 200),
    ("order", Endpoint::CreateOrder, 201),
    ("reseller-change", Endpoint::GetResellerChange, 200),
    ("reseller", Endpoint::GetReseller, 200),
    ("vip-transfer", Endpoint::GetVipTransfer, 200),
];

const PRICE_LISTS: &[(&str, &str)] = &[
    (
        "csv-usd",
        "Offer ID,Partner Price,Product Type Detail,Additional Detail,First Order Date,Last Order Date,Product Family\n\
         65304479CA01A12,\"1,206.84\",Annual (proration based on duration),,,,Acrobat\n\
         65304479CB01A12,40.00,Annual (proration based on duration),K-12 (100+),2025-01-01,2025-12-31,Acrobat\n\
         80004567CAT1A12,10.00,\"No Proration (fixed price, no term)\",,,,Stock\n",
    ),
    (
        "tsv-usd",
        "offerId\tpartnerPrice\tadditionalDetail\n65304479CA02A12\t95.5\tHED (1,000+)\n",
    ),
];

const PRICE_LIST_JSON: &str = r#"{"currency":"USD","marketSegment":"COM","region":"NA","priceListType":"STANDARD","offers":[{"offerId":"65304479CA01A12","partnerPrice":"1206.84","productTypeDetail":"Annual (proration based on duration)","additionalDetail":"","firstOrderDate":"2025-01-01","lastOrderDate":"2025-12-31"},{"offerId":"65304479CA12A12","partnerPrice":"900.00","productTypeDetail":"12-month, no proration (fixed price)","additionalDetail":"K-12 (100+)"}]}"#;

const BASKETS: &[&str] = &[
    r#"{"lines":[{"offerId":"65304479CA01A12","quantity":3}]}"#,
    r#"{"lines":[{"offerId":"65304479CB01A12","quantity":150,"currency":"USD"}],"context":{"marketSegment":"EDU","subSegments":["K_12"],"resellerSegments":["EDU"]},"quoteContext":{"currency":"USD","today":"2025-06-15","cotermDate":"2026-01-01"}}"#,
    r#"{"lines":[{"offerId":"80004567CAT1A12","quantity":1000}],"cancellations":[{"offerId":"65304479CA01A12","orderDate":"2025-06-10"}],"context":{"today":"2025-06-15"}}"#,
];
