//! Runs one validation hot path a fixed number of times, for profilers that
//! count instructions (`valgrind --tool=callgrind`) or sample (`perf record`):
//! unlike criterion's timed loops, the work done is the same on every run, so
//! two builds can be compared on a busy machine.
//!
//! `cargo run --release --example hot_path -- CASE [ITERATIONS]`, CASE one of
//! `customer`, `customer-text`, `customer-tree`, `customer-invalid`, `order`,
//! `order-text`, `order-tree`, `customer-packed`, `order-packed`,
//! `order-invalid`, `order-invalid-tree`, `order-invalid-packed` (100 lines,
//! four violations: the package bench's) (`-text`:
//! from JSON text; `-tree`: a body already read, the validation alone;
//! `-packed`: read from the packed form the npm package's `door.js` writes,
//! its keys numbered by an earlier body, as the package's door reads it).

#[path = "../benches/common/bodies.rs"]
mod bodies;

use bodies::{customer_body, invalid_customer_body, invalid_order_body, order_body};
use std::hint::black_box;
use vipmp::input::{Arena, Json, PackedKeys, Packer};
use vipmp::validate::{self, Context, Operation};

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "customer".to_owned());
    let iterations: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let context = Context::default();
    let (operation, body) = match case.as_str() {
        "customer" | "customer-text" | "customer-tree" | "customer-packed" => {
            (Operation::CreateCustomer, customer_body())
        }
        "customer-invalid" => (Operation::CreateCustomer, invalid_customer_body()),
        "order-invalid" | "order-invalid-tree" | "order-invalid-packed" => {
            (Operation::CreateOrder, invalid_order_body())
        }
        "order" | "order-text" | "order-tree" | "order-packed" => {
            (Operation::CreateOrder, order_body(499))
        }
        other => {
            eprintln!("unknown case {other}");
            std::process::exit(2);
        }
    };
    let text = body.to_string();
    let arena = Arena::new();
    let tree = Json::from_value(&body, &arena);
    // The npm package's way: one arena, reset after each body.
    let mut text_arena = Arena::new();
    let mut packer = Packer::new();
    let mut keys = PackedKeys::new();
    let defining = packer.pack(&body);
    let packed = packer.pack(&body);
    let mut violations = 0;
    if case.ends_with("-packed") {
        keys.read(&defining, &text_arena, |_| ())
            .expect("a packed body");
    }
    for _ in 0..iterations {
        let report = if case.ends_with("-packed") {
            text_arena.reset();
            keys.read(black_box(&packed), &text_arena, |body| {
                validate::run_json(operation, body, &context)
            })
            .expect("a packed body")
        } else if case.ends_with("-text") {
            validate::run_text_in(operation, black_box(&text), &context, &mut text_arena)
        } else if case.ends_with("-tree") {
            validate::run_json(operation, black_box(&tree), &context)
        } else {
            validate::run(operation, black_box(&body), &context)
        };
        violations += report.violations.len();
    }
    println!("{case}: {iterations} runs, {violations} violations");
}
