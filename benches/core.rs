//! Criterion benches of the core, native: the work a storefront's backend or
//! the proxy does per call. Each bench first checks that its input gives the
//! answer it is meant to (valid, invalid, priced), so a bench can never
//! measure an early refusal by mistake.
//!
//! `cargo bench --bench core` (or `scripts/bench`); `-- --quick` for a short
//! run. The shipped wasm is measured separately by the Node benchmark.

#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

#[path = "common/bodies.rs"]
mod bodies;

use bodies::{customer_body, invalid_customer_body, invalid_order_body, order_body};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vipmp::basket::{Basket, BasketLine};
use vipmp::date::Date;
use vipmp::input::{Arena, Json};
use vipmp::pricing::{PriceList, price_list};
use vipmp::quote::{QuoteContext, quote};
use vipmp::validate::{self, Context, FieldContext, Operation, validate_field};

/// Products in the generated price list, five levels each: 5,000 rows.
const PRODUCTS: u32 = 1_000;
const LEVELS: [&str; 5] = ["01", "02", "03", "04", "T1"];

/// A monthly price-list file of `PRODUCTS × LEVELS` rows, in the columns the
/// core reads (the price-list API's attribute names).
fn price_list_file() -> String {
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
            let cents = (200 + u64::from(product)) * 100 - 700 * step as u64;
            text.push_str(&format!(
                "{:08}CA{level}A12,Product {product},{detail},,{}.{:02}\n",
                65_000_000 + product,
                cents / 100,
                cents % 100
            ));
        }
    }
    text
}

fn loaded_list() -> PriceList {
    price_list::load(&price_list_file(), Some("USD")).expect("generated list loads")
}

/// 100 lines spread over the list, prorated to a coterm date.
fn basket_of_100() -> Basket {
    let lines = (0..100u32)
        .map(|n| BasketLine {
            offer_id: format!("{:08}CA01A12", 65_000_000 + n * 9),
            quantity: 1 + u64::from(n % 7),
            ..BasketLine::default()
        })
        .collect();
    Basket {
        lines,
        cancellations: Vec::new(),
    }
}

fn quote_context() -> QuoteContext {
    QuoteContext {
        today: Date::parse("2025-07-25").ok(),
        coterm_date: Date::parse("2026-03-10").ok(),
        currency: "USD".into(),
        ..QuoteContext::default()
    }
}

fn validation(c: &mut Criterion) {
    let context = Context::default();
    let valid = customer_body();
    let invalid = invalid_customer_body();
    assert!(validate::run(Operation::CreateCustomer, &valid, &context).is_valid());
    let found = validate::run(Operation::CreateCustomer, &invalid, &context);
    assert!(found.violations.len() >= 2, "{found:?}");
    let order = order_body(499);
    assert!(validate::run(Operation::CreateOrder, &order, &context).is_valid());
    let text = order.to_string();
    let customer_text = valid.to_string();
    let arena = Arena::new();
    let customer_tree = Json::from_value(&valid, &arena);
    assert!(validate::run_json(Operation::CreateCustomer, &customer_tree, &context).is_valid());
    let order_tree = Json::from_value(&order, &arena);

    let mut group = c.benchmark_group("validate");
    group.bench_function("create customer, valid", |b| {
        b.iter(|| validate::run(Operation::CreateCustomer, black_box(&valid), &context));
    });
    group.bench_function("create customer, valid, body already read", |b| {
        b.iter(|| {
            validate::run_json(
                Operation::CreateCustomer,
                black_box(&customer_tree),
                &context,
            )
        });
    });
    group.bench_function("create customer, valid, from JSON text", |b| {
        b.iter(|| {
            validate::run_text(
                Operation::CreateCustomer,
                black_box(&customer_text),
                &context,
            )
        });
    });
    group.bench_function("create customer, 2 violations", |b| {
        b.iter(|| validate::run(Operation::CreateCustomer, black_box(&invalid), &context));
    });
    group.bench_function("create order, 499 lines", |b| {
        b.iter(|| validate::run(Operation::CreateOrder, black_box(&order), &context));
    });
    group.bench_function("create order, 499 lines, body already read", |b| {
        b.iter(|| validate::run_json(Operation::CreateOrder, black_box(&order_tree), &context));
    });
    group.bench_function("create order, 499 lines from JSON text", |b| {
        b.iter(|| validate::run_text(Operation::CreateOrder, black_box(&text), &context));
    });
    let invalid_order = invalid_order_body();
    let invalid_order_tree = Json::from_value(&invalid_order, &arena);
    let found = validate::run_json(Operation::CreateOrder, &invalid_order_tree, &context);
    assert_eq!(found.violations.len(), 4, "{found:?}");
    group.bench_function(
        "create order, 100 lines, 4 violations, body already read",
        |b| {
            b.iter(|| {
                validate::run_json(
                    Operation::CreateOrder,
                    black_box(&invalid_order_tree),
                    &context,
                )
            });
        },
    );
    // What the npm package does: one arena kept and reset after each body.
    let mut kept = Arena::new();
    group.bench_function("create customer, valid, from JSON text, arena kept", |b| {
        b.iter(|| {
            validate::run_text_in(
                Operation::CreateCustomer,
                black_box(&customer_text),
                &context,
                &mut kept,
            )
        });
    });
    group.bench_function("create order, 499 lines from JSON text, arena kept", |b| {
        b.iter(|| {
            validate::run_text_in(
                Operation::CreateOrder,
                black_box(&text),
                &context,
                &mut kept,
            )
        });
    });
    group.finish();
}

/// One field at a time, as a form checks it while the user types: the two
/// rules that run a pattern (Adobe's email regex, the country's postal format).
fn field(c: &mut Criterion) {
    let no_country = FieldContext::default();
    let germany = FieldContext {
        country: Some("DE".into()),
    };
    let britain = FieldContext {
        country: Some("GB".into()),
    };
    let cases = [
        ("email", "first.last+tag@sub.example.co.uk", &no_country),
        ("postalCode", "80331", &germany),
        ("postalCode", "SW1A 1AA", &britain),
    ];
    for (name, value, context) in cases {
        let report = validate_field(name, value, context).expect("known field");
        assert!(report.is_valid(), "{name} {value}: {report:?}");
    }

    let mut group = c.benchmark_group("field");
    for (name, value, context) in cases {
        group.bench_function(format!("{name} {value}, valid"), |b| {
            b.iter(|| validate_field(name, black_box(value), context));
        });
    }
    group.finish();
}

fn pricing(c: &mut Criterion) {
    let file = price_list_file();
    let list = loaded_list();
    assert_eq!(list.rows().len(), 5_000);
    let basket = basket_of_100();
    let context = quote_context();
    let priced = quote(&basket, &list, &context);
    assert!(priced.valid, "{:?}", priced.violations);
    assert_eq!(priced.lines.len(), 100);

    let mut group = c.benchmark_group("pricing");
    group.bench_function("quote 100 lines against 5,000 rows", |b| {
        b.iter(|| quote(black_box(&basket), &list, &context));
    });
    group.bench_function("parse a 5,000-row price list", |b| {
        b.iter_batched(
            || file.clone(),
            |text| price_list::load(black_box(&text), Some("USD")),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, validation, field, pricing);
criterion_main!(benches);
