//! Adobe's price list as an indexed in-memory table.
//!
//! A quote needs the partner price of an exact offer ID (level included), its
//! sub-segment and minimum purchase quantity, and whether it is prorated. Two
//! sources carry them (FACTS.md §3.3):
//! - the monthly file, as CSV or tab-separated text whose header row names the
//!   columns. Adobe's workbook is confidential, so columns are matched by the
//!   names the price-list API uses for the same attributes (`Offer ID` /
//!   `offerId`, `Partner Price`, `Product Type Detail`, `Additional Detail`,
//!   `First Order Date`, …; case, spaces and underscores ignored) — *assumed*;
//!   the one published fact, that "Additional Detail" (column P) begins with the
//!   sub-segment `K-12` or `HED` and ends with the minimum quantity `(100+)`, is
//!   applied as written;
//! - the JSON of `POST /v3/pricelist`: `currency`, `marketSegment`, `region`,
//!   `priceListType`, `offers[]` with `offerId`, `partnerPrice` (a decimal
//!   string), `productTypeDetail`, `additionalDetail`, `firstOrderDate`,
//!   `lastOrderDate`.
//!
//! A row with a `discountCode` (the HVD codes `HVD_L17_PRE`…`HVD_L22_POST`,
//! "price already discounted", FACTS.md §3.3, §3.5: only for customers
//! migrated from VIP's High Volume Discount levels 17–22) is kept in
//! [`PriceList::rows`] but never answered by [`PriceList::find`]: it prices the
//! same offer ID as the regular row, for those customers alone, and a quote
//! has no HVD customer to give it to.
//!
//! A 3YC list holds the same offer once per validity window; [`PriceList::find`]
//! picks the row whose first/last order dates contain the given date (the 3YC
//! start date, as S5 does). Prices are read into minor units, never floats.
//! A file with any malformed cell is rejected whole, every fault listed with its
//! line and column (`price_list.malformed`).

use crate::date::Date;
use crate::input::Json;
use crate::pricing::SubSegment;
use crate::pricing::csv;
use crate::pricing::money::{Currency, Money};
use crate::pricing::offer_id::OfferId;
use crate::{Code, Finding, Path, Report};
use std::collections::HashMap;

/// How an offer is charged for part of a term (`productTypeDetail`, FACTS.md §3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// "Annual (proration based on duration)": prorated to the coterm date.
    Prorated,
    /// "12-month, no proration (fixed price)" or "No Proration (fixed price, no
    /// term)": the full price whatever the date.
    Fixed,
}

/// One offer of the price list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceRow {
    /// The offer, at its level.
    pub offer_id: OfferId,
    /// The partner price of one unit for the full term.
    pub partner_price: Money,
    /// Prorated or fixed.
    pub term: Term,
    /// The sub-segment the offer is reserved for (from Additional Detail).
    pub sub_segment: Option<SubSegment>,
    /// The minimum purchase quantity (from Additional Detail's `(NNN+)`).
    pub minimum_quantity: Option<u64>,
    /// First day the row may be ordered (3YC validity window).
    pub first_order_date: Option<Date>,
    /// Last day the row may be ordered.
    pub last_order_date: Option<Date>,
    /// The product's name or family, for messages.
    pub product_family: String,
    /// The HVD discount code of a row priced for migrated HVD customers.
    pub discount_code: Option<String>,
    /// The line (CSV) or 1-based offer index (JSON) the row came from.
    pub source_line: usize,
}

impl PriceRow {
    /// Whether the row's order window contains `date` (open ends contain all).
    pub fn is_orderable_on(&self, date: Date) -> bool {
        self.first_order_date.is_none_or(|first| first <= date)
            && self.last_order_date.is_none_or(|last| date <= last)
    }
}

/// A row as the package answers it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PriceRowView {
    /// The offer ID.
    pub offer_id: String,
    /// The full-term partner price of one unit.
    pub partner_price: crate::pricing::MoneyView,
    /// Whether the offer is prorated to the coterm date.
    pub prorated: bool,
    /// `K-12` or `HED` when reserved for a sub-segment.
    pub sub_segment: Option<SubSegment>,
    /// The minimum purchase quantity.
    pub minimum_quantity: Option<u64>,
    /// The product family.
    pub product_family: String,
}

impl From<&PriceRow> for PriceRowView {
    fn from(row: &PriceRow) -> Self {
        Self {
            offer_id: row.offer_id.to_string(),
            partner_price: row.partner_price.view(),
            prorated: row.term == Term::Prorated,
            sub_segment: row.sub_segment,
            minimum_quantity: row.minimum_quantity,
            product_family: row.product_family.clone(),
        }
    }
}

/// A loaded, indexed price list in one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceList {
    currency: Currency,
    rows: Vec<PriceRow>,
    by_offer: HashMap<String, Vec<usize>>,
}

impl PriceList {
    /// The currency of every price.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Every row, in file order.
    pub fn rows(&self) -> &[PriceRow] {
        &self.rows
    }

    /// The row of an offer ID: the one orderable on `on` when given (3YC
    /// windows), else the first.
    pub fn find(&self, offer_id: &str, on: Option<Date>) -> Option<&PriceRow> {
        let indexes = self.by_offer.get(offer_id)?;
        let mut rows = indexes.iter().filter_map(|&index| self.rows.get(index));
        match on {
            Some(date) => rows.find(|row| row.is_orderable_on(date)),
            None => rows.next(),
        }
    }

    fn from_rows(currency: Currency, rows: Vec<PriceRow>) -> PriceList {
        let mut by_offer: HashMap<String, Vec<usize>> = HashMap::new();
        let regular = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.discount_code.is_none());
        for (index, row) in regular {
            by_offer
                .entry(row.offer_id.as_str().to_owned())
                .or_default()
                .push(index);
        }
        PriceList {
            currency,
            rows,
            by_offer,
        }
    }
}

/// The report for a price list that is not text (a number, an object read
/// with `JSON.parse` already): the package's `loadPriceList` is handed
/// whatever JavaScript holds. One violation at `priceList`.
pub fn not_text() -> Report {
    let mut report = Report::new();
    report.add(
        &Path::root().key("priceList"),
        Finding::new(Code::TypeInvalid).with("expected", "text"),
    );
    report
}

/// Loads a price list: JSON when the text starts with `{`, else CSV/TSV.
/// `currency` is required for a file (the monthly file is per currency) and,
/// when given for JSON, must match its `currency`.
///
/// # Errors
/// A report of every malformed cell, each at `priceList[line].column` with
/// `line`, `column` and `reason`.
pub fn load(text: &str, currency: Option<&str>) -> Result<PriceList, Report> {
    if text.trim_start().starts_with('{') {
        load_json(text, currency)
    } else {
        load_csv(text, currency)
    }
}

struct Cell<'a> {
    line: usize,
    column: usize,
    name: &'a str,
}

fn malformed(report: &mut Report, cell: &Cell<'_>, reason: &str) {
    let path = Path::root()
        .key("priceList")
        .index(cell.line)
        .key(cell.name);
    report.add(
        &path,
        Finding::new(Code::PriceListMalformed)
            .with("line", cell.line)
            .with("column", cell.column)
            .with("reason", reason),
    );
}

fn whole_file(reason: &str) -> Report {
    let mut report = Report::new();
    report.add(
        &Path::root().key("priceList"),
        Finding::new(Code::PriceListMalformed)
            .with("line", 1_usize)
            .with("column", 1_usize)
            .with("reason", reason),
    );
    report
}

fn currency_of(code: Option<&str>) -> Result<Currency, Report> {
    let code = code.ok_or_else(|| whole_file("the currency of the file must be given"))?;
    Currency::parse(code).map_err(|_| whole_file("the currency is not an ISO 4217 code"))
}

/// Column names as matched: lower case, no spaces, hyphens or underscores.
/// Every known column is ASCII, so ASCII lower-casing matches exactly the
/// headers Unicode lower-casing would, without Unicode's case tables (13 KB of
/// the wasm module).
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

const COLUMNS: &[(&str, &str)] = &[
    ("offerid", "offerId"),
    ("partnumber", "offerId"),
    ("partnerprice", "partnerPrice"),
    ("producttypedetail", "productTypeDetail"),
    ("additionaldetail", "additionalDetail"),
    ("firstorderdate", "firstOrderDate"),
    ("lastorderdate", "lastOrderDate"),
    ("productfamily", "productFamily"),
    ("discountcode", "discountCode"),
];

fn load_csv(text: &str, currency: Option<&str>) -> Result<PriceList, Report> {
    let currency = currency_of(currency)?;
    let records = csv::records(text, csv::delimiter(text)).map_err(|error| {
        let mut report = Report::new();
        let cell = Cell {
            line: error.line,
            column: error.column,
            name: "text",
        };
        malformed(&mut report, &cell, error.reason);
        report
    })?;
    let (header, body) = records
        .split_first()
        .ok_or_else(|| whole_file("the file is empty"))?;
    let columns = header_columns(header)?;
    let mut report = Report::new();
    let rows: Vec<PriceRow> = body
        .iter()
        .filter_map(|record| csv_row(record, &columns, currency, &mut report))
        .collect();
    report.into_result()?;
    Ok(PriceList::from_rows(currency, rows))
}

/// The field name → column index of the header; offer ID and price are required.
fn header_columns(header: &csv::Record) -> Result<HashMap<&'static str, usize>, Report> {
    let mut columns = HashMap::new();
    for (index, name) in header.fields.iter().enumerate() {
        let key = normalise(name);
        if let Some((_, field)) = COLUMNS.iter().find(|(alias, _)| *alias == key) {
            columns.entry(*field).or_insert(index);
        }
    }
    for required in ["offerId", "partnerPrice"] {
        if !columns.contains_key(required) {
            return Err(whole_file(&format!("the header has no {required} column")));
        }
    }
    Ok(columns)
}

fn csv_row(
    record: &csv::Record,
    columns: &HashMap<&'static str, usize>,
    currency: Currency,
    report: &mut Report,
) -> Option<PriceRow> {
    let cell = |name: &'static str| {
        columns.get(name).map(|&index| {
            let text = record.fields.get(index).map_or("", |text| text.trim());
            (
                Cell {
                    line: record.line,
                    column: index + 1,
                    name,
                },
                text,
            )
        })
    };
    let fields = RawRow {
        offer_id: cell("offerId"),
        partner_price: cell("partnerPrice"),
        product_type_detail: cell("productTypeDetail"),
        additional_detail: cell("additionalDetail"),
        first_order_date: cell("firstOrderDate"),
        last_order_date: cell("lastOrderDate"),
        product_family: cell("productFamily"),
        discount_code: cell("discountCode"),
    };
    fields.parse(record.line, currency, report)
}

/// The cells of one row before they are read.
struct RawRow<'a> {
    offer_id: Option<(Cell<'a>, &'a str)>,
    partner_price: Option<(Cell<'a>, &'a str)>,
    product_type_detail: Option<(Cell<'a>, &'a str)>,
    additional_detail: Option<(Cell<'a>, &'a str)>,
    first_order_date: Option<(Cell<'a>, &'a str)>,
    last_order_date: Option<(Cell<'a>, &'a str)>,
    product_family: Option<(Cell<'a>, &'a str)>,
    discount_code: Option<(Cell<'a>, &'a str)>,
}

impl RawRow<'_> {
    fn parse(self, line: usize, currency: Currency, report: &mut Report) -> Option<PriceRow> {
        let before = report.violations.len();
        let offer_id = self.offer_id.as_ref().and_then(|(cell, text)| {
            OfferId::parse(text)
                .map_err(|_| malformed(report, cell, "not an offer ID such as 65304479CA01A12"))
                .ok()
        });
        let partner_price = self.partner_price.as_ref().and_then(|(cell, text)| {
            Money::parse(text, currency)
                .map_err(|_| malformed(report, cell, "not a price such as 1206.84"))
                .ok()
        });
        let first_order_date = optional_date(self.first_order_date.as_ref(), report);
        let last_order_date = optional_date(self.last_order_date.as_ref(), report);
        let detail = self.additional_detail.as_ref().map_or("", |(_, text)| text);
        let (sub_segment, minimum_quantity) = read_additional_detail(detail);
        let offer_id = offer_id?;
        let term = read_term(
            self.product_type_detail
                .as_ref()
                .map_or("", |(_, text)| text),
            &offer_id,
        );
        (report.violations.len() == before).then(|| PriceRow {
            term,
            sub_segment,
            minimum_quantity,
            first_order_date,
            last_order_date,
            product_family: self
                .product_family
                .as_ref()
                .map_or_else(String::new, |(_, text)| (*text).to_owned()),
            discount_code: self
                .discount_code
                .filter(|(_, text)| !text.is_empty())
                .map(|(_, text)| text.to_owned()),
            source_line: line,
            partner_price: partner_price.unwrap_or(Money::zero(currency)),
            offer_id,
        })
    }
}

fn optional_date(cell: Option<&(Cell<'_>, &str)>, report: &mut Report) -> Option<Date> {
    let (cell, text) = cell?;
    if text.is_empty() {
        return None;
    }
    Date::parse(text)
        .map_err(|_| malformed(report, cell, "not a date written YYYY-MM-DD"))
        .ok()
}

/// `productTypeDetail` → prorated or fixed (FACTS.md §3.3). When the column is
/// absent or empty: fixed for a consumable tier (`T…`), prorated otherwise
/// (*assumed*: consumables are "No Proration", licences "Annual").
pub fn read_term(detail: &str, offer_id: &OfferId) -> Term {
    let detail = detail.to_ascii_lowercase();
    if detail.contains("no proration") {
        Term::Fixed
    } else if detail.contains("proration") || !detail.is_empty() {
        Term::Prorated
    } else if offer_id.is_consumable_level() {
        Term::Fixed
    } else {
        Term::Prorated
    }
}

/// Additional Detail (column P): begins with `K-12` or `HED` when the offer has
/// a sub-segment, ends with `(NNN+)` when it has a minimum purchase quantity
/// (FACTS.md §3.3, S1 `market-segments/index.md`).
pub fn read_additional_detail(detail: &str) -> (Option<SubSegment>, Option<u64>) {
    let detail = detail.trim();
    let sub_segment = if detail.starts_with("K-12") {
        Some(SubSegment::K12)
    } else if detail.starts_with("HED") {
        Some(SubSegment::Hed)
    } else {
        None
    };
    let minimum = detail
        .strip_suffix("+)")
        .and_then(|rest| rest.rsplit_once('('))
        .and_then(|(_, digits)| digits.replace(',', "").parse::<u64>().ok());
    (sub_segment, minimum)
}

fn load_json(text: &str, currency: Option<&str>) -> Result<PriceList, Report> {
    let arena = crate::input::Arena::new();
    let value = Json::parse(text, &arena).map_err(|error| {
        let mut report = Report::new();
        let (line, column) = error.line_and_column(text);
        let cell = Cell {
            line,
            column,
            name: "text",
        };
        malformed(&mut report, &cell, "not JSON");
        report
    })?;
    let declared = value.get("currency").and_then(Json::as_str);
    if let (Some(given), Some(declared)) = (currency, declared) {
        if given != declared {
            return Err(whole_file("the currency differs from the list's currency"));
        }
    }
    let currency = currency_of(declared.or(currency))?;
    let offers = value
        .get("offers")
        .and_then(Json::as_array)
        .ok_or_else(|| whole_file("the list has no offers array"))?;
    let mut report = Report::new();
    let rows: Vec<PriceRow> = offers
        .iter()
        .enumerate()
        .filter_map(|(index, offer)| json_row(index, offer, currency, &mut report))
        .collect();
    report.into_result()?;
    Ok(PriceList::from_rows(currency, rows))
}

const JSON_FIELDS: [&str; 8] = [
    "offerId",
    "partnerPrice",
    "productTypeDetail",
    "additionalDetail",
    "firstOrderDate",
    "lastOrderDate",
    "productFamily",
    "discountCode",
];

fn json_row(
    index: usize,
    offer: &Json<'_>,
    currency: Currency,
    report: &mut Report,
) -> Option<PriceRow> {
    let line = index + 1;
    let mut cells = JSON_FIELDS.iter().enumerate().map(|(column, name)| {
        offer.get(name).map(|value| {
            (
                Cell {
                    line,
                    column: column + 1,
                    name,
                },
                value.as_str().unwrap_or("\u{0}not text"),
            )
        })
    });
    let mut next = || cells.next().flatten();
    let raw = RawRow {
        offer_id: next().or(Some((
            Cell {
                line,
                column: 1,
                name: "offerId",
            },
            "",
        ))),
        partner_price: next().or(Some((
            Cell {
                line,
                column: 2,
                name: "partnerPrice",
            },
            "",
        ))),
        product_type_detail: next(),
        additional_detail: next(),
        first_order_date: next(),
        last_order_date: next(),
        product_family: next(),
        discount_code: next(),
    };
    raw.parse(line, currency, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "Offer ID,Product Family,Product Type Detail,Additional Detail,Partner Price,First Order Date,Last Order Date\n\
65304479CA01A12,Acrobat Pro,Annual (proration based on duration),,173.28,,\n\
65304479CA02A12,Acrobat Pro,Annual (proration based on duration),,164.62,,\n\
30001704CAT1A12,Sign Transactions,\"No Proration (fixed price, no term)\",,2.50,,\n\
65300000CB01A12,Lab,Annual,K-12 Shared Device Site Education License Lab and Classroom (100+),10.00,,\n\
65304479CA12A12,Acrobat Pro,Annual,,150.00,2024-01-01,2024-12-31\n\
65304479CA12A12,Acrobat Pro,Annual,,140.00,2025-01-01,2025-12-31\n";

    #[test]
    fn what_is_not_text_is_one_violation_at_the_price_list() {
        let report = not_text();
        let [violation] = report.violations.as_slice() else {
            panic!("one violation: {:?}", report.violations);
        };
        assert_eq!(violation.path.to_string(), "priceList");
        assert_eq!(violation.code, Code::TypeInvalid);
        assert_eq!(violation.message, "Price list must be text.");
    }

    #[test]
    fn loads_and_indexes_a_file() {
        let list = load(FILE, Some("USD")).expect("valid");
        assert_eq!(list.rows().len(), 6);
        let row = list.find("65304479CA02A12", None).expect("row");
        assert_eq!(row.partner_price.to_string(), "164.62");
        assert_eq!(row.term, Term::Prorated);
        assert_eq!(
            list.find("30001704CAT1A12", None).expect("sign").term,
            Term::Fixed
        );
        let lab = list.find("65300000CB01A12", None).expect("lab");
        assert_eq!(lab.sub_segment, Some(SubSegment::K12));
        assert_eq!(lab.minimum_quantity, Some(100));
        assert!(list.find("65304479CA03A12", None).is_none());
    }

    #[test]
    fn picks_the_3yc_row_of_the_window() {
        let list = load(FILE, Some("USD")).expect("valid");
        let on = |d: &str| Date::parse(d).expect("date");
        let price = |d: &str| {
            list.find("65304479CA12A12", Some(on(d)))
                .map(|row| row.partner_price.to_string())
        };
        assert_eq!(price("2024-06-01").as_deref(), Some("150.00"));
        assert_eq!(price("2025-06-01").as_deref(), Some("140.00"));
        assert_eq!(price("2026-06-01"), None);
    }

    #[test]
    fn matches_headers_whatever_their_case_and_separators() {
        let list = load(
            "PART_NUMBER\tpartner-Price\n65304479CA01A12\t173.28\n",
            Some("USD"),
        )
        .expect("loads");
        assert_eq!(list.rows().len(), 1);
        // A look-alike that only Unicode lower-casing would fold (the Kelvin
        // sign, U+212A) is no column name: none has a `k`.
        assert!(COLUMNS.iter().all(|(name, _)| !name.contains('k')));
    }

    #[test]
    fn rejects_malformed_cells_with_line_and_column() {
        let text =
            "Offer ID,Partner Price\n65304479CA01A12,173.28\nnope,1.00\n65304479CA02A12,1.2.3\n";
        let report = load(text, Some("USD")).expect_err("malformed");
        let found: Vec<(String, String, String)> = report
            .violations
            .iter()
            .map(|v| {
                let p = |n: &str| v.params.get(n).map(ToString::to_string).unwrap_or_default();
                (v.path.to_string(), p("line"), p("column"))
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "priceList[3].offerId".to_owned(),
                    "3".to_owned(),
                    "1".to_owned()
                ),
                (
                    "priceList[4].partnerPrice".to_owned(),
                    "4".to_owned(),
                    "2".to_owned()
                ),
            ]
        );
        assert_eq!(report.codes(), ["price_list.malformed"; 2]);
    }

    #[test]
    fn rejects_files_without_the_needed_columns_or_currency() {
        assert!(load("Offer ID\n65304479CA01A12\n", Some("USD")).is_err());
        assert!(load(FILE, None).is_err());
        assert!(load(FILE, Some("usd")).is_err());
        assert!(load("", Some("USD")).is_err());
        let err = load("Offer ID,Partner Price\n\"open,1\n", Some("USD")).expect_err("quote");
        assert_eq!(
            err.violations[0]
                .params
                .get("line")
                .map(ToString::to_string)
                .as_deref(),
            Some("2")
        );
    }

    #[test]
    fn loads_the_api_json() {
        let text = r#"{"priceListMonth":"202402","marketSegment":"GOV","region":"NA","currency":"USD",
            "priceListType":"STANDARD","offers":[{"offerId":"30001475CC01A12","productFamily":"Acrobat",
            "productTypeDetail":"Annual (proration based on duration)","partnerPrice":"1206.84"}]}"#;
        let list = load(text, None).expect("json");
        assert_eq!(list.currency().code(), "USD");
        let row = list.find("30001475CC01A12", None).expect("row");
        assert_eq!(row.partner_price.minor, 120_684);
        assert!(load(text, Some("EUR")).is_err());
        let bad =
            r#"{"currency":"USD","offers":[{"offerId":"30001475CC01A12","partnerPrice":1206.84}]}"#;
        let report = load(bad, None).expect_err("number price");
        assert_eq!(
            report.violations[0].path.to_string(),
            "priceList[1].partnerPrice"
        );
        let err = load("{\"currency\":", None).expect_err("not json");
        assert_eq!(err.codes(), ["price_list.malformed"]);
    }

    #[test]
    fn an_hvd_row_is_kept_but_never_quoted() {
        let text = r#"{"currency":"USD","offers":[
            {"offerId":"65304479CA14A12","partnerPrice":"90.00","discountCode":"HVD_L17_PRE"},
            {"offerId":"65304479CA14A12","partnerPrice":"130.00","discountCode":""}]}"#;
        let list = load(text, None).expect("json");
        assert_eq!(list.rows().len(), 2);
        assert_eq!(list.rows()[0].discount_code.as_deref(), Some("HVD_L17_PRE"));
        let row = list.find("65304479CA14A12", None).expect("regular row");
        assert_eq!(row.partner_price.minor, 13_000);
        let csv = "Offer ID,Partner Price,Discount Code\n65304479CA13A12,80.00,HVD_L22_POST\n";
        let list = load(csv, Some("USD")).expect("csv");
        assert!(list.find("65304479CA13A12", None).is_none());
    }

    #[test]
    fn reads_additional_detail() {
        assert_eq!(
            read_additional_detail("HED Named (1,000+)"),
            (Some(SubSegment::Hed), Some(1000))
        );
        assert_eq!(read_additional_detail("Named"), (None, None));
        assert_eq!(read_additional_detail(""), (None, None));
    }
}
