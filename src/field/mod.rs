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
///
/// Inline, with the finding built out of line: a caller sees a valid value's
/// empty answer and drops nothing (an order checks up to 499 offer IDs, and
/// in the wasm the call and the drop of its empty list were a twentieth of a
/// 100-line order's time).
#[inline]
pub(crate) fn required_shape(
    value: &str,
    fits: impl Fn(&str) -> bool,
    invalid: Code,
) -> Vec<Finding> {
    if !value.is_empty() && fits(value) {
        return Vec::new();
    }
    shape_finding(value.is_empty(), invalid)
}

/// [`required_shape`]'s answer for an empty value or one that does not fit.
#[inline(never)]
fn shape_finding(empty: bool, invalid: Code) -> Vec<Finding> {
    let code = if empty { Code::FieldRequired } else { invalid };
    vec![Finding::new(code)]
}

/// Whether every byte of `value` is an ASCII letter or digit: the shape of
/// offer and subscription IDs. A table of the 256 bytes, one load a byte,
/// where `u8::is_ascii_alphanumeric` compares three ranges: an order checks
/// up to 499 offer IDs a body.
pub(crate) fn all_ascii_alphanumeric(value: &str) -> bool {
    value
        .bytes()
        .all(|byte| ASCII_ALPHANUMERIC[usize::from(byte)])
}

const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] = byte.is_ascii_alphanumeric();
        if byte == u8::MAX {
            break table;
        }
        byte += 1;
    }
};

#[cfg(test)]
mod tests {
    use super::all_ascii_alphanumeric;
    use proptest::prelude::*;

    #[test]
    fn the_table_is_the_three_ranges() {
        for byte in 0..=0x7F_u8 {
            let text = char::from(byte).to_string();
            assert_eq!(
                all_ascii_alphanumeric(&text),
                byte.is_ascii_alphanumeric(),
                "{byte:#x}"
            );
        }
        assert!(!all_ascii_alphanumeric("é"));
        assert!(all_ascii_alphanumeric(""));
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_library(value in any::<String>()) {
            prop_assert_eq!(
                all_ascii_alphanumeric(&value),
                value.bytes().all(|byte| byte.is_ascii_alphanumeric())
            );
        }
    }
}
