//! Field rules: one module per rule, each a small pure function over one value.
//!
//! A rule takes the value (and the context it needs, such as the country of a
//! postal code) and returns the [`Finding`]s it made; it never
//! knows where the value sits. Validators call the rules and file the findings at
//! a path. Each rule cites the source of the fact it checks.

pub mod account_id;
pub mod approval_code;
pub mod company_name;
pub mod contact_phone;
pub mod country;
pub mod currency;
pub mod email;
pub mod locale;
pub mod market_segment;
pub mod membership_id;
pub mod offer_id;
pub mod person_name;
pub mod postal_code;
pub mod postal_suggestion;
pub mod quantity;
pub mod region;
pub mod safe_text;
pub mod subscription_id;
#[cfg(test)]
mod testing;
pub(crate) mod text;

use crate::{Code, Finding};

/// The answer of a rule whose only question is the shape of a required value
/// (an ID, a code): `field.required` when empty, nothing when `fits`, else
/// `invalid`.
pub(crate) fn required_shape(
    value: &str,
    fits: impl Fn(&str) -> bool,
    invalid: Code,
) -> Vec<Finding> {
    if value.is_empty() {
        vec![Finding::new(Code::FieldRequired)]
    } else if fits(value) {
        Vec::new()
    } else {
        vec![Finding::new(invalid)]
    }
}
