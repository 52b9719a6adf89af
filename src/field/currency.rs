//! `currencyCode` on orders and line items.
//!
//! FACTS.md §2.2: `Order.currencyCode` `^[A-Z]{3}$` (an ISO 4217 code such as
//! USD). Only the shape is checked; which currencies a country may use is a
//! separate rule.

use crate::{Code, Finding};

/// Checks a currency code: required, three ASCII upper-case letters.
pub fn check(value: &str) -> Vec<Finding> {
    let fits = |value: &str| value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase());
    super::required_shape(value, fits, Code::CurrencyInvalidFormat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_iso_codes() {
        for code in ["USD", "EUR", "GBP", "JPY", "AUD"] {
            assert!(check(code).is_empty(), "{code}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for code in ["usd", "US", "USDD", "U$D", "ÜSD"] {
            assert_eq!(check(code)[0].code, Code::CurrencyInvalidFormat, "{code}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
