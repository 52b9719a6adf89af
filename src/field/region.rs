//! The `address.region` rule: one of the region codes Adobe lists for the country.
//!
//! Adobe wants "only the code after the hyphen" of an ISO 3166-2 code ("US-CA →
//! CA"; FACTS.md §2.2) and accepts only the codes in its per-country lists (FACTS.md
//! §2.6). Every country in Adobe's list carries at least one code (often `00`), so
//! the field is required. The match is exact and case-sensitive, because Adobe's
//! table holds upper-case codes and Adobe documents no case folding; a value that
//! matches only when upper-cased still fails, with the right code as a suggestion.

use crate::country::Country;
use crate::report::{Code, Finding};

/// Findings for a region of a (supported) country; empty when the region is valid.
///
/// The caller does not call this for unsupported countries, which have no regions.
pub fn check(country: &Country, value: &str) -> Vec<Finding> {
    if value.is_empty() {
        return vec![Finding::new(Code::FieldRequired)];
    }
    if country.has_region(value) {
        return Vec::new();
    }
    if let Some(suffix) = without_country_prefix(country, value) {
        return vec![Finding::new(Code::RegionHasCountryPrefix).with("suggestion", suffix)];
    }
    vec![unknown(country, value)]
}

/// `CA` for `US-CA` when `CA` is a region of the US.
fn without_country_prefix<'a>(country: &Country, value: &'a str) -> Option<&'a str> {
    let (prefix, suffix) = value.split_once('-')?;
    let is_region = prefix == country.code() && country.has_region(suffix);
    is_region.then_some(suffix)
}

fn unknown(country: &Country, value: &str) -> Finding {
    let finding = Finding::new(Code::RegionUnknown).with("country", country.name());
    let upper = value.to_ascii_uppercase();
    match country.region(&upper) {
        Some(region) => finding.with("suggestion", region.code()),
        None => finding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::{Region, lookup};
    use crate::report::Param;

    fn findings(country: &str, value: &str) -> Vec<Finding> {
        check(lookup(country).expect(country), value)
    }

    fn param(finding: &Finding, name: &str) -> Option<String> {
        finding.params.get(name).map(Param::to_string)
    }

    #[test]
    fn accepts_listed_regions() {
        assert!(findings("US", "CA").is_empty());
        assert!(findings("CA", "QC").is_empty());
        assert!(
            findings("CA", "PQ").is_empty(),
            "Canada lists the legacy PQ too (FACTS.md §2.6)"
        );
        assert!(findings("AD", "00").is_empty());
        // FACTS.md §2.4 remediation targets.
        assert!(findings("FI", "01").is_empty());
        assert!(findings("NL", "BQ2").is_empty());
        assert!(findings("FR", "MF").is_empty());
    }

    #[test]
    fn portal_screenshot_region_lists() {
        // FACTS.md §2.6: Adobe's sandbox portal lists these codes, in this order.
        let codes = |country: &str| -> Vec<&str> {
            lookup(country)
                .expect(country)
                .regions()
                .map(Region::code)
                .collect()
        };
        let numbered = |to: u32| -> Vec<String> { (0..=to).map(|n| format!("{n:02}")).collect() };
        assert_eq!(
            codes("AD"),
            ["00", "02", "03", "04", "05", "06", "07", "08"]
        );
        assert_eq!(
            codes("AT"),
            ["00", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
        );
        let be = "00 BRU VAN VBR VLG VLI VOV VWV WAL WBR WHT WLG WLX WNA";
        assert_eq!(codes("BE"), be.split(' ').collect::<Vec<_>>());
        assert_eq!(codes("BG"), numbered(28));
        assert_eq!(codes("HR"), numbered(21));
        assert_eq!(codes("CY"), numbered(6));
    }

    #[test]
    fn empty_is_required() {
        assert_eq!(findings("US", "")[0].code, Code::FieldRequired);
    }

    #[test]
    fn full_iso_code_suggests_the_suffix() {
        let found = findings("US", "US-CA");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::RegionHasCountryPrefix);
        assert_eq!(param(&found[0], "suggestion").as_deref(), Some("CA"));
        // Another country's prefix, or an unknown suffix, is simply unknown.
        assert_eq!(findings("US", "CA-ON")[0].code, Code::RegionUnknown);
        assert_eq!(findings("US", "US-ZZ")[0].code, Code::RegionUnknown);
    }

    #[test]
    fn unknown_region_names_the_country() {
        let found = findings("CA", "ZZ");
        assert_eq!(found[0].code, Code::RegionUnknown);
        assert_eq!(param(&found[0], "country").as_deref(), Some("Canada"));
        assert_eq!(param(&found[0], "suggestion"), None);
        // No PR in the US list: Puerto Rico is its own country (FACTS.md §2.6).
        assert_eq!(findings("US", "PR")[0].code, Code::RegionUnknown);
    }

    #[test]
    fn lower_case_is_unknown_with_a_suggestion() {
        let found = findings("CA", "qc");
        assert_eq!(found[0].code, Code::RegionUnknown);
        assert_eq!(param(&found[0], "suggestion").as_deref(), Some("QC"));
    }
}
