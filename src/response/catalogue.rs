//! The error catalogue as data: one row per documented error code.
//!
//! Sources, noted per row in [`ErrorEntry::source`]:
//! - the Partner API reference (Feb 2024), "Status Codes & Error Handling",
//!   whose table FACTS.md §4 reproduces in its current wording (S1
//!   `references/error-handling.md`, 2026-08) — [`Source::Reference`];
//! - the codes FACTS.md §4 marks ★, added since Feb 2024 — [`Source::Facts`];
//! - the LGA-only codes of FACTS.md §4.2 — [`Source::FactsLga`];
//! - the symbolic HTTP 422 partial-return codes of FACTS.md §4.3 —
//!   [`Source::FactsPartialReturn`];
//! - codes seen in implementations but not documented by Adobe (FACTS.md §4.4) —
//!   [`Source::Undocumented`], to be treated as assumptions.
//!
//! FACTS.md §4.2 gives 1117, 1118 and 2129 an LGA-specific reading too; the
//! table keeps one row per code (the main table's), and the LGA reading is in
//! the row's `detail`.
//!
//! The rows live in `data/errors.json` (one record per line, with its source;
//! data/README.md says how to add one) and are generated into `generated.rs`.

#[rustfmt::skip]
mod generated;

/// Where a row of the catalogue comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// The Feb-2024 reference's table (wording as current per FACTS.md §4).
    Reference,
    /// FACTS.md §4, a ★ row added since Feb 2024.
    Facts,
    /// FACTS.md §4.2, LGA-specific codes outside the main table.
    FactsLga,
    /// FACTS.md §4.3, symbolic partial-return codes (HTTP 422, since 2026-08-13).
    FactsPartialReturn,
    /// FACTS.md §4.4, seen in implementations, not documented by Adobe.
    Undocumented,
}

/// One documented error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ErrorEntry {
    /// The code as Adobe sends it: digits, or a symbolic name.
    pub code: &'static str,
    /// The HTTP status Adobe documents with it; `None` where none is given.
    pub http_status: Option<u16>,
    /// The message as published.
    pub message: &'static str,
    /// The rest of the published text (a note, the possible reasons).
    pub detail: Option<&'static str>,
    /// The calls that can return it, as published.
    pub applicable_calls: &'static str,
    /// Where the row comes from.
    pub source: Source,
}

/// Every documented error code, in the order of the sources; generated from
/// `data/errors.json` by `cargo xtask codegen`.
pub const ERRORS: &[ErrorEntry] = generated::ERRORS;

/// The catalogue row of a code, if it is documented.
pub fn lookup(code: &str) -> Option<&'static ErrorEntry> {
    ERRORS.iter().find(|entry| entry.code == code)
}
