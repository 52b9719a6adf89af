//! Pricing end to end: a generated price list of 11,000 rows loaded and queried,
//! baskets quoted against it, and the properties the issue asks for (totals are
//! the sum of the lines; proration never exceeds the full-term price).

use proptest::prelude::*;
use vipmp::basket::{Basket, BasketContext, BasketLine, LineKind, check_basket};
use vipmp::date::Date;
use vipmp::pricing::{PriceList, Quantities, Term, price_list};
use vipmp::quote::{QuoteContext, quote};

const PRODUCTS: u32 = 1000;
/// Every standard level, so any basket finds its row whatever level it earns.
const LEVELS: [&str; 11] = [
    "01", "02", "03", "04", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
];

/// One row per product and level: 1,000 products × 11 levels = 11,000 rows.
/// Prices fall with the level; product `n` costs `100 + n` (+ cents) at 01.
fn generated_file() -> String {
    let mut text = String::from(
        "Offer ID,Product Family,Product Type Detail,Additional Detail,Partner Price\n",
    );
    for product in 0..PRODUCTS {
        for (step, level) in LEVELS.iter().enumerate() {
            let detail = if level.starts_with('T') {
                "\"No Proration (fixed price, no term)\""
            } else {
                "Annual (proration based on duration)"
            };
            let extra = if product % 10 == 0 {
                "HED Named (10+)"
            } else {
                ""
            };
            let cents = (100 + u64::from(product)) * 100 + 28 - 500 * step as u64;
            text.push_str(&format!(
                "{:08}CA{level}A12,Product {product},{detail},{extra},{}.{:02}\n",
                65_000_000 + product,
                cents / 100,
                cents % 100
            ));
        }
    }
    text
}

pub(crate) fn list() -> PriceList {
    price_list::load(&generated_file(), Some("USD")).expect("generated list loads")
}

pub(crate) fn date(text: &str) -> Date {
    Date::parse(text).expect("date")
}

pub(crate) fn line(offer_id: String, quantity: u64) -> BasketLine {
    BasketLine {
        offer_id,
        quantity,
        ..BasketLine::default()
    }
}

#[test]
fn a_generated_list_of_11000_rows_loads_and_answers_queries() {
    let list = list();
    assert_eq!(list.rows().len(), 11_000);
    let row = list.find("65000999CA04A12", None).expect("last product");
    assert_eq!(row.partner_price.to_string(), "1084.28");
    let cheapest = list.find("65000000CAT7A12", None).expect("last level");
    assert_eq!(cheapest.partner_price.to_string(), "50.28");
    assert_eq!(row.term, Term::Prorated);
    let pack = list.find("65000500CAT2A12", None).expect("pack");
    assert_eq!(pack.term, Term::Fixed);
    assert_eq!(
        list.find("65000010CA01A12", None)
            .expect("hed")
            .minimum_quantity,
        Some(10)
    );
    assert!(list.find("65001000CA01A12", None).is_none());
    for product in (0..PRODUCTS).step_by(37) {
        let id = format!("{:08}CA03A12", 65_000_000 + product);
        assert_eq!(
            list.find(&id, None).map(|r| r.offer_id.to_string()),
            Some(id)
        );
    }
}

#[test]
fn a_malformed_generated_file_is_rejected_at_its_line() {
    let text = generated_file().replace(
        "65000321CA02A12,Product 321",
        "65000321CA02A12,Product 321\"",
    );
    let report = price_list::load(&text, Some("USD")).expect_err("stray quote");
    let line = report.violations[0]
        .params
        .get("line")
        .map(ToString::to_string);
    // Header on line 1; product p at level index i is on line 2 + 11p + i.
    assert_eq!(line.as_deref(), Some("3534"));
}

/// A container, two licence lines and a consumable line against the
/// generated list, quoted on 2022-07-25 for a coterm date of 2023-03-10.
pub(crate) fn sample_basket() -> (Basket, QuoteContext) {
    let basket = Basket {
        lines: vec![
            BasketLine {
                kind: LineKind::Container,
                quantity: 1,
                ..BasketLine::default()
            },
            line("65000001CA01A12".into(), 6),
            line("65000002CA01A12".into(), 6),
            line("65000003CAT1A12".into(), 1500),
        ],
        cancellations: Vec::new(),
    };
    let context = QuoteContext {
        today: Some(date("2022-07-25")),
        coterm_date: Some(date("2023-03-10")),
        currency: "USD".into(),
        ..QuoteContext::default()
    };
    (basket, context)
}

#[test]
fn a_basket_is_quoted_against_the_generated_list() {
    let (basket, context) = sample_basket();
    let quote = quote(&basket, &list(), &context);
    assert!(quote.valid, "{:?}", quote.violations);
    // 12 licences reach 02; 1,500 consumables reach T2.
    assert_eq!(quote.lines[0].offer_id, "65000001CA02A12");
    assert_eq!(quote.lines[2].offer_id, "65000003CAT2A12");
    assert_eq!(quote.lines[0].prorated_days, Some(228));
    assert!(!quote.lines[2].prorated);
    let sum: i64 = quote.lines.iter().map(|l| l.line_total.minor_units).sum();
    assert_eq!(quote.total.minor_units, sum);
    let check = check_basket(&basket, &BasketContext::default(), Some(&list()));
    assert!(check.valid, "{:?}", check.violations);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_equal_the_sum_of_lines_and_never_exceed_full_price(
        picks in proptest::collection::vec((0u32..PRODUCTS, 1u64..500, any::<bool>()), 1..12),
        offset in 0i64..365,
        owned in 0u64..200,
    ) {
        let list = list_once();
        let coterm = date("2024-03-10");
        let basket = Basket {
            lines: picks
                .iter()
                .map(|(product, quantity, pack)| {
                    let level = if *pack { "T1" } else { "01" };
                    line(format!("{:08}CA{level}A12", 65_000_000 + product), *quantity)
                })
                .collect(),
            cancellations: Vec::new(),
        };
        let context = QuoteContext {
            today: coterm.add_days(-1 - offset),
            coterm_date: Some(coterm),
            currency: "USD".into(),
            owned: Quantities { license: owned, consumables: 0 },
            ..QuoteContext::default()
        };
        let quote = quote(&basket, list, &context);
        prop_assert!(quote.valid, "{:?}", quote.violations);
        let sum: i64 = quote.lines.iter().map(|l| l.line_total.minor_units).sum();
        prop_assert_eq!(quote.total.minor_units, sum);
        for priced in &quote.lines {
            let full = priced.unit_price.minor_units * i64::try_from(priced.quantity).expect("small");
            prop_assert!(priced.line_total.minor_units <= full);
        }
    }
}

fn list_once() -> &'static PriceList {
    static LIST: std::sync::OnceLock<PriceList> = std::sync::OnceLock::new();
    LIST.get_or_init(list)
}
