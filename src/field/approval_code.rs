//! The reseller-change `approvalCode` a customer receives from Adobe.
//!
//! FACTS.md §1.2: the reseller-change docs say "8-digit" code, but every
//! example is 7 digits (`8318322`); both lengths are accepted. ASCII digits only.

use crate::{Code, Finding};

/// Checks an approval code: required, 7 or 8 ASCII digits.
pub fn check(value: &str) -> Vec<Finding> {
    let fits =
        |value: &str| matches!(value.len(), 7 | 8) && value.bytes().all(|b| b.is_ascii_digit());
    super::required_shape(value, fits, Code::ApprovalCodeInvalidFormat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_seven_or_eight_digits() {
        assert!(check("8318322").is_empty());
        assert!(check("83183221").is_empty());
    }

    #[test]
    fn rejects_other_shapes() {
        assert_eq!(check("")[0].code, Code::FieldRequired);
        for code in ["831832", "831832212", "831832A", "8318 322", "٨٣١٨٣٢٢"] {
            assert_eq!(
                check(code)[0].code,
                Code::ApprovalCodeInvalidFormat,
                "{code}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics(value in any::<String>()) {
            let _ = check(&value);
        }
    }
}
