//! The one integration test binary: the shared fixture suite, the spec's
//! example bodies, and property tests over every validator.

mod field_parity;
mod fixtures;
mod from_json;
mod fuzz_regressions;
mod pricing;
mod properties;
mod requests;
mod response_tables;
mod spec_examples;
mod to_json;
