//! The `address.country` rule: a supported ISO 3166-1 alpha-2 code.
//!
//! Adobe's docs say "2 or 3 characters" (ISO 3166; FACTS.md §2.2), but every
//! country in its table is alpha-2 and it sells into all of ISO 3166-1 except its
//! unsupported list (FACTS.md §2.4). So the rule asks for two upper-case letters,
//! suggests the right code for near misses (`us`, `USA`), and explains an
//! unsupported country with Adobe's own remediation ("Use country FI with region 01").

use crate::country::{self, Country};
use crate::report::{Code, Finding};

/// The supported country with this code, or the one finding that says why not.
///
/// # Errors
/// [`Code::FieldRequired`] when empty; [`Code::CountryInvalidFormat`] when not two
/// upper-case ASCII letters (with `suggestion` when the upper-cased alpha-2 code, or
/// the alpha-2 code of an alpha-3 code, is known); [`Code::CountryUnknown`];
/// [`Code::CountryUnsupported`] with `reason` and `remediation` where Adobe gives them.
pub fn check(value: &str) -> Result<&'static Country, Finding> {
    if value.is_empty() {
        return Err(Finding::new(Code::FieldRequired));
    }
    if !is_alpha2(value) {
        return Err(invalid_format(value));
    }
    let country = country::lookup(value).ok_or_else(|| Finding::new(Code::CountryUnknown))?;
    if country.is_supported() {
        Ok(country)
    } else {
        Err(unsupported(country))
    }
}

fn is_alpha2(value: &str) -> bool {
    value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase())
}

fn invalid_format(value: &str) -> Finding {
    let upper = value.to_ascii_uppercase();
    let known = match upper.len() {
        2 => country::lookup(&upper),
        3 => country::lookup_alpha3(&upper),
        _ => None,
    };
    let finding = Finding::new(Code::CountryInvalidFormat);
    match known {
        Some(country) => finding.with("suggestion", country.code()),
        None => finding,
    }
}

fn unsupported(country: &Country) -> Finding {
    let mut finding = Finding::new(Code::CountryUnsupported);
    if let Some(reason) = country.unsupported_reason() {
        finding = finding.with("reason", reason);
    }
    if let Some(remediation) = country.remediation() {
        finding = finding.with("remediation", remediation);
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Param;

    fn param(finding: &Finding, name: &str) -> Option<String> {
        finding.params.get(name).map(Param::to_string)
    }

    fn code_of(value: &str) -> Code {
        check(value).expect_err("should fail").code
    }

    #[test]
    fn accepts_supported_countries() {
        assert_eq!(check("US").map(Country::code), Ok("US"));
        assert_eq!(check("FI").map(Country::name), Ok("Finland"));
        assert!(check("AN").is_ok(), "Adobe still lists the withdrawn AN");
    }

    #[test]
    fn empty_is_required() {
        assert_eq!(code_of(""), Code::FieldRequired);
    }

    #[test]
    fn lower_case_and_alpha3_get_a_suggestion() {
        let finding = check("us").expect_err("lower case");
        assert_eq!(finding.code, Code::CountryInvalidFormat);
        assert_eq!(param(&finding, "suggestion").as_deref(), Some("US"));
        let finding = check("DEU").expect_err("alpha-3");
        assert_eq!(param(&finding, "suggestion").as_deref(), Some("DE"));
        let finding = check("usa").expect_err("alpha-3 lower case");
        assert_eq!(param(&finding, "suggestion").as_deref(), Some("US"));
    }

    #[test]
    fn malformed_codes_have_no_suggestion() {
        for value in ["U", "USAA", "U1", "xx", "ÜS", "QQQ"] {
            let finding = check(value).expect_err(value);
            assert_eq!(finding.code, Code::CountryInvalidFormat, "{value}");
            assert_eq!(param(&finding, "suggestion"), None, "{value}");
        }
    }

    #[test]
    fn unknown_code_is_unknown() {
        assert_eq!(code_of("XX"), Code::CountryUnknown);
        assert_eq!(code_of("UK"), Code::CountryUnknown);
    }

    #[test]
    fn unsupported_countries_carry_adobes_remediation() {
        // FACTS.md §2.4.
        let cases = [
            ("AX", None, Some("Use country FI with region 01")),
            ("BL", None, Some("Use country FR with region BL")),
            (
                "BQ",
                None,
                Some("Use country NL with region BQ1, BQ2, or BQ3"),
            ),
            ("CW", None, Some("Use country NL with region CW")),
            ("GG", None, Some("Use country GB")),
            ("MF", None, Some("Use country FR")),
            ("CU", Some("Embargoed"), None),
            ("AQ", Some("No population"), None),
            ("EH", None, None),
        ];
        for (code, reason, remediation) in cases {
            let finding = check(code).expect_err(code);
            assert_eq!(finding.code, Code::CountryUnsupported, "{code}");
            assert_eq!(param(&finding, "reason").as_deref(), reason, "{code}");
            assert_eq!(
                param(&finding, "remediation").as_deref(),
                remediation,
                "{code}"
            );
        }
    }
}
