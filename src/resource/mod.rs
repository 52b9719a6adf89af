//! The Partner API's resources as typed Rust values, in the JSON the API speaks.
//!
//! These types *read* what Adobe sends (and what a storefront builds): every field
//! is camelCase on the wire, optional fields are `Option`, and unknown fields are
//! ignored so that a field Adobe adds tomorrow does not break a storefront today.
//! Checking what a storefront *sends* is the job of [`crate::validate`], which
//! works on the raw JSON so that it can report unknown fields, wrong types and
//! every other problem at its path instead of failing at the first.
//!
//! Source: the "Resources and Fields" appendix of the Partner API reference
//! (Feb 2024) and FACTS.md §1–2 for the fields added since.

use crate::input::FromJson;

mod account;
mod benefit;
mod error_response;
mod links;
mod order;
mod subscription;
mod transfer;

pub use account::{Address, CompanyProfile, Contact, Customer, Discount, Reseller};
pub use benefit::{
    Benefit, Commitment, CommitmentRequest, LARGE_GOVERNMENT_AGENCY, MinimumQuantity,
    THREE_YEAR_COMMIT,
};
pub use error_response::ErrorResponse;
pub use links::{Link, Links};
pub use order::{LineItem, Order, OrderType};
pub use subscription::{AutoRenewal, Subscription};
pub use transfer::{ResellerChange, Transfer, TransferItem, VipTransferRequest};

/// A page of resources, as returned by the list endpoints (order history,
/// subscriptions, transfers).
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    serde::Serialize,
    serde::Deserialize,
    FromJson,
    crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Collection<T> {
    /// Number of resources matching the query, over all pages.
    pub total_count: Option<u64>,
    /// Number of resources on this page.
    pub count: Option<u64>,
    /// Index of the first resource of this page.
    pub offset: Option<u64>,
    /// Page size asked for.
    pub limit: Option<u64>,
    /// The resources of this page.
    pub items: Vec<T>,
    /// `self`, `next` and `prev` links.
    pub links: Option<Links>,
}

#[cfg(test)]
mod tests;
