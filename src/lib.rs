//! Placeholder crate root; the guide is written once the modules land.
#![doc = "vipmp core"]

pub mod country;
pub mod date;
pub mod error;
pub mod field;
pub mod locale;
pub mod offer;
pub mod report;
pub mod resource;
mod unicode;
pub mod validate;

pub use report::{Code, Finding, Path, Report, Violation};
