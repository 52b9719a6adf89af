//! Benefits: Three-Year Commit (3YC) and Large Government Agency (LGA).
//!
//! Source: "Three Year Commit" in the Partner API reference (Feb 2024) and
//! FACTS.md §1.2, §2.7, §3.5.

use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// A minimum quantity the customer commits to, per offer type.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct MinimumQuantity {
    /// `LICENSE` or `CONSUMABLES`.
    pub offer_type: String,
    /// The committed quantity.
    pub quantity: u64,
}

/// A 3YC commitment, request or recommitment request.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct CommitmentRequest {
    /// Read-only: start of the commitment, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Read-only: end of the commitment, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Read-only: REQUESTED, ACCEPTED, COMMITTED, DECLINED, EXPIRED, NONCOMPLIANT.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The quantities committed to.
    pub minimum_quantities: Vec<MinimumQuantity>,
}

/// An active commitment has the same shape as a request.
pub type Commitment = CommitmentRequest;

/// The benefit type of a Three-Year Commit.
pub const THREE_YEAR_COMMIT: &str = "THREE_YEAR_COMMIT";
/// The benefit type of a Large Government Agency.
pub const LARGE_GOVERNMENT_AGENCY: &str = "LARGE_GOVERNMENT_AGENCY";

/// One benefit of a customer.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Benefit {
    /// `THREE_YEAR_COMMIT` or `LARGE_GOVERNMENT_AGENCY`.
    #[serde(rename = "type")]
    pub benefit_type: String,
    /// Read-only: the commitment in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "CommitmentRequest"))]
    pub commitment: Option<Commitment>,
    /// A request to start or raise a commitment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_request: Option<CommitmentRequest>,
    /// A request to commit for another three years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommitment_request: Option<CommitmentRequest>,
}

impl Benefit {
    /// Whether this is the 3YC benefit.
    pub fn is_three_year_commit(&self) -> bool {
        self.benefit_type == THREE_YEAR_COMMIT
    }

    /// Whether this is the LGA benefit.
    pub fn is_lga(&self) -> bool {
        self.benefit_type == LARGE_GOVERNMENT_AGENCY
    }

    /// The commitment in force while its status is `COMMITTED` (the one the
    /// 3YC rules hold a customer to).
    pub fn committed(&self) -> Option<&Commitment> {
        self.commitment
            .as_ref()
            .filter(|c| c.status.as_deref() == Some("COMMITTED"))
    }
}
