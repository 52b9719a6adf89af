//! Reason codes that Adobe puts in `additionalDetails`, with what to do.
//!
//! Sources: reference (Feb 2024), "2129 Ineligible Purchase REASON_CODE List"
//! and "5117 Ineligible Transfer REASON_CODE List" (description and "Action
//! Required" as published); FACTS.md §4.1 for the reasons added since (2127,
//! 2141, 2146, 1134 and the newer 2129/5117 ones), which Adobe publishes
//! without an action. FACTS.md §4.1 lists most newer 5117 codes by name only;
//! their descriptions here spell out the name and claim nothing more.
//!
//! The rows live in `data/reasons.json` (see data/README.md) and are generated
//! into `generated.rs`.

#[rustfmt::skip]
mod generated;

use super::catalogue::Source;

/// One reason code of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReasonEntry {
    /// The error code the reason belongs to (`2129`, `5117`, …).
    pub error_code: &'static str,
    /// The REASON_CODE as Adobe writes it.
    pub reason: &'static str,
    /// What it means, as published (or as FACTS.md §4.1 summarises it).
    pub description: &'static str,
    /// The "Action Required" text of the reference; `None` where Adobe gives none.
    pub action: Option<&'static str>,
    /// Where the row comes from.
    pub source: Source,
}

/// Every documented reason code; generated from `data/reasons.json` by
/// `cargo xtask codegen`.
pub const REASONS: &[ReasonEntry] = generated::REASONS;

/// The reasons documented for an error code.
pub fn reasons_of(error_code: &str) -> impl Iterator<Item = &'static ReasonEntry> + '_ {
    REASONS
        .iter()
        .filter(move |entry| entry.error_code == error_code)
}

/// The row of a reason code of an error, if documented.
pub fn lookup_reason(error_code: &str, reason: &str) -> Option<&'static ReasonEntry> {
    reasons_of(error_code).find(|entry| entry.reason == reason)
}
