//! # vipmp — the Adobe VIP Marketplace Partner API's rules, before the request leaves
//!
//! Adobe validates every field a marketplace sends; a rejected order costs a
//! sale. This crate holds those rules as pure Rust (no I/O, no clock, no
//! randomness) so that the same verdict can be given in the browser (through the
//! WebAssembly package), in the proxy that forwards the call, and in tests.
//!
//! ## The pieces
//!
//! - [`validate`]: one validator per operation ([`validate::run`]) over the raw
//!   JSON body, plus [`validate::validate_field`] for checks as the user types and
//!   [`validate::order_history_query`] for query parameters.
//! - [`report`]: what a validator answers — a [`Report`] of [`Violation`]s, each
//!   with a [`Path`] in the API's notation (`companyProfile.contacts[0].email`), a
//!   stable [`Code`] and an English message.
//! - [`field`]: the rules themselves, one small module each, with the source of
//!   every fact in its docs.
//! - [`resource`]: the API's resources as serde types, for reading responses.
//! - [`request`]: sans-IO builders for every endpoint (a `RequestSpec` whose body
//!   has passed the validator), idempotency ids per intent, pagination links.
//! - [`response`]: typed responses, resource status meanings, and Adobe's error
//!   catalogue with reason codes and the field paths a form can mark.
//! - [`pricing`]: offer IDs, discount levels, money in minor units, price lists,
//!   proration exactly as Adobe's worksheet.
//! - [`basket`]: the storefront's basket rules, over [`pricing`]; [`quote`]: a
//!   basket priced as Adobe will invoice it, over both. [`provisioning`]:
//!   classifying accounts and reading Adobe's sync messages.
//! - [`country`], [`locale`], [`offer`]: tables generated from `data/` by
//!   `cargo xtask codegen`.
//! - [`date`]: the civil dates and UTC timestamps the API writes.
//!
//! ## Features
//!
//! - `unicode-tables` (default): Unicode normalization and grapheme
//!   segmentation compiled in, for the NFC suggestion of `text.not_normalized`
//!   and for naming a refused character as a whole cluster. Without it the host
//!   supplies both through [`unicode::install_text_hooks`]; `vipmp-wasm` does,
//!   with the JavaScript engine's `normalize` and `Intl.Segmenter`.
//! - `tsify`: TypeScript declarations of the data types, for `vipmp-wasm` only.
//!
//! ## Violations are data, errors are misuse
//!
//! Bad input never panics and never stops at the first problem: every violation
//! is collected. An [`Error`] is returned only when the *caller*
//! misuses the library (asks for a field rule that does not exist).
//!
//! ## Example
//!
//! ```
//! use vipmp::validate::{self, Context, Operation};
//! let order = serde_json::json!({
//!     "orderType": "NEW",
//!     "lineItems": [{ "extLineItemNumber": 1, "offerId": "65304479CA01A12", "quantity": 0 }]
//! });
//! let report = validate::run(Operation::CreateOrder, &order, &Context::default());
//! assert_eq!(report.violations[0].path.to_string(), "lineItems[0].quantity");
//! assert_eq!(report.violations[0].code.as_str(), "number.out_of_range");
//! ```

pub mod basket;
pub mod country;
pub mod date;
pub mod error;
pub mod field;
mod field_registry;
pub mod input;
pub mod locale;
pub mod offer;
pub mod output;
mod pattern;
pub mod pricing;
pub mod provisioning;
pub mod quote;
pub mod report;
pub mod request;
pub mod resource;
pub mod response;
mod return_window;
pub mod unicode;
pub mod validate;

pub use error::Error;
pub use report::{Code, Finding, Path, Report, Violation};

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
