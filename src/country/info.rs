//! Summaries of the country table for a form: what the package's `countries()`
//! and `regions(country)` return.
//!
//! A form needs to list every country, explain the unsupported ones before the
//! user picks them, show the region list of the chosen country, and use a postal
//! example as the placeholder. These are plain serializable values built from the
//! generated table.

use super::{Country, Region, all, lookup};
use serde::Serialize;

/// One country as a form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// English short name.
    pub name: &'static str,
    /// Whether Adobe sells into the country.
    pub supported: bool,
    /// Why not, when Adobe says (e.g. "Embargoed").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub reason: Option<&'static str>,
    /// What to use instead, when Adobe says (e.g. "Use country FI with region 01").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub remediation: Option<&'static str>,
    /// Whether addresses there are checked against a postal-code format.
    pub has_postal_codes: bool,
    /// A postal code the format accepts, for a placeholder.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub postal_example: Option<&'static str>,
    /// Currencies Adobe prices in there.
    pub currencies: &'static [&'static str],
    /// Adobe's price-list region (NA, LA, WE, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub price_region: Option<&'static str>,
}

/// One region of a country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct RegionInfo {
    /// The code to send in `address.region`.
    pub code: &'static str,
    /// Its name, where known. The core fills it with its `form-names` feature;
    /// the npm package's wasm is built without it, and the package's `regions()`
    /// adds the name from `forms.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub name: Option<&'static str>,
}

impl From<&'static Country> for CountryInfo {
    fn from(country: &'static Country) -> Self {
        Self {
            code: country.code(),
            name: country.name(),
            supported: country.is_supported(),
            reason: country.unsupported_reason(),
            remediation: country.remediation(),
            has_postal_codes: country.postal_rule().is_some(),
            postal_example: country.postal_example(),
            currencies: country.currencies(),
            price_region: country.price_region(),
        }
    }
}

impl From<Region> for RegionInfo {
    fn from(region: Region) -> Self {
        Self {
            code: region.code(),
            name: region.name,
        }
    }
}

/// Every country, sorted by code.
pub fn countries() -> Vec<CountryInfo> {
    all().iter().map(CountryInfo::from).collect()
}

/// The regions of a country, or `None` for a code that names no country.
pub fn regions(code: &str) -> Option<Vec<RegionInfo>> {
    lookup(code).map(|country| country.regions().map(RegionInfo::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_countries_carry_their_remediation() {
        let aland = countries()
            .into_iter()
            .find(|c| c.code == "AX")
            .expect("AX");
        assert!(!aland.supported);
        assert_eq!(aland.remediation, Some("Use country FI with region 01"));
    }

    #[test]
    fn postal_examples_pass_their_own_rule() {
        for info in countries() {
            let Some(example) = info.postal_example else {
                continue;
            };
            let country = lookup(info.code).expect("country");
            assert!(
                crate::field::postal_code::check(country, example).is_empty(),
                "{example}"
            );
        }
        let us = countries()
            .into_iter()
            .find(|c| c.code == "US")
            .expect("US");
        assert!(us.has_postal_codes && us.postal_example.is_some());
    }

    #[test]
    fn regions_list_codes_and_names() {
        let canada = regions("CA").expect("CA");
        assert!(canada.iter().any(|r| r.code == "QC"));
        assert_eq!(regions("ZZ"), None);
    }
}
