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
/// offer and subscription IDs. Eight bytes at a time (an offer ID is 15, a
/// subscription ID 32): byte by byte, even through a table of the 256
/// bytes, this loop was a quarter of an order line's instructions, and an
/// order checks up to 499 offer IDs a body. A shorter value is checked as
/// one word, padded with `0`s.
pub(crate) fn all_ascii_alphanumeric(value: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(last) = bytes.len().checked_sub(8) else {
        let mut padded = [b'0'; 8];
        padded[..bytes.len()].copy_from_slice(bytes);
        return eight_alphanumeric(&padded);
    };
    let mut chunks = bytes.chunks_exact(8);
    // The last eight bytes, overlapping the chunks, cover the remainder.
    chunks.by_ref().all(eight_alphanumeric)
        && (chunks.remainder().is_empty() || bytes.get(last..).is_some_and(eight_alphanumeric))
}

/// Whether each of eight bytes is an ASCII letter or digit, compared in one
/// `u64`: a byte below 0x80 is at least `lo` when adding `0x80 - lo` sets
/// its top bit, and at most `hi` when adding `0x7F - hi` does not (neither
/// sum carries into the next byte). Letters are compared with the 0x20 bit
/// set (lower case); digits as they are, since that bit would also make
/// the control bytes 0x10 to 0x19 read as digits.
fn eight_alphanumeric(chunk: &[u8]) -> bool {
    const TOP: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
        return false;
    };
    let bytes = u64::from_le_bytes(eight);
    if bytes & TOP != 0 {
        return false;
    }
    let within = |value: u64, lo: u8, hi: u8| {
        let at_least = value + ONES * u64::from(0x80 - lo);
        let beyond = value + ONES * u64::from(0x7F - hi);
        at_least & !beyond & TOP
    };
    let digits = within(bytes, b'0', b'9');
    let letters = within(bytes | (ONES * 0x20), b'a', b'z');
    digits | letters == TOP
}

#[cfg(test)]
mod tests {
    use super::all_ascii_alphanumeric;
    use proptest::prelude::*;

    #[test]
    fn every_byte_alone_is_the_three_ranges() {
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

    #[test]
    fn every_byte_at_every_place_of_short_and_long_ids() {
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 32] {
            for place in 0..length {
                for byte in 0..=0x7F_u8 {
                    let mut text = "aZ09".repeat(length).into_bytes();
                    text.truncate(length);
                    text[place] = byte;
                    let text = String::from_utf8(text).unwrap_or_default();
                    assert_eq!(
                        all_ascii_alphanumeric(&text),
                        byte.is_ascii_alphanumeric(),
                        "{byte:#x} at {place} of {length}"
                    );
                }
            }
            let mut accented = "a".repeat(length - 1);
            accented.push('é');
            assert!(!all_ascii_alphanumeric(&accented));
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_library(value in any::<String>()) {
            prop_assert_eq!(
                all_ascii_alphanumeric(&value),
                value.bytes().all(|byte| byte.is_ascii_alphanumeric())
            );
        }

        #[test]
        fn agrees_on_ids_with_one_byte_changed(
            id in "[0-9A-Za-z]{0,40}",
            place in any::<prop::sample::Index>(),
            byte in 0..=0xFF_u8,
        ) {
            let mut bytes = id.into_bytes();
            if !bytes.is_empty() {
                let at = place.index(bytes.len());
                bytes[at] = byte;
            }
            let text = String::from_utf8_lossy(&bytes);
            prop_assert_eq!(
                all_ascii_alphanumeric(&text),
                text.bytes().all(|byte| byte.is_ascii_alphanumeric())
            );
        }
    }
}
