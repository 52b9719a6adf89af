//! Offer IDs ("part numbers") read into their parts, and rewritten to a level.
//!
//! A line item names what it buys by offer ID, and the ID carries the market
//! segment and the discount level (FACTS.md §3.1). Adobe's PREVIEW order answers
//! "the best available offer ID" by swapping the two level characters
//! (FACTS.md §3.1, S8 `modifyOfferIdForDiscountLevel`); [`OfferId::at_level`]
//! does the same. The structure is not spelled out by Adobe: positions 9
//! (constant `C`) and 14–15 (`12`) are read as every known offer has them
//! (*assumed*, FACTS.md §3.1 "unverified").

use crate::pricing::MarketSegment;
use crate::{Code, Finding};
use serde::{Serialize, Serializer};
use std::fmt;

/// The length of every VIPMP offer ID (FACTS.md §3.1).
pub const LENGTH: usize = 15;

/// What position 13 says about the offer (FACTS.md §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Variant {
    /// `A`: the standard offer.
    Standard,
    /// `X`: High Growth offer, minimum order quantity 100.
    Moq100,
    /// `Y`: High Growth offer, minimum order quantity 250.
    Moq250,
    /// `Z`: High Growth offer, minimum order quantity 500.
    Moq500,
}

impl Variant {
    fn from_byte(byte: u8) -> Option<Variant> {
        Some(match byte {
            b'A' => Variant::Standard,
            b'X' => Variant::Moq100,
            b'Y' => Variant::Moq250,
            b'Z' => Variant::Moq500,
            _ => return None,
        })
    }

    /// The minimum order quantity of a High Growth offer, if this is one.
    pub fn minimum_order_quantity(self) -> Option<u32> {
        match self {
            Variant::Standard => None,
            Variant::Moq100 => Some(100),
            Variant::Moq250 => Some(250),
            Variant::Moq500 => Some(500),
        }
    }
}

/// A well-formed VIPMP offer ID, e.g. `65304479CA01A12`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfferId {
    text: String,
}

impl OfferId {
    /// Reads an offer ID: 8 digits, `C`, segment `A`/`B`/`C`, two level
    /// characters (digits or `T` + letter/digit), variant `A`/`X`/`Y`/`Z`, `12`.
    ///
    /// # Errors
    /// `offer_id.invalid_format` with a `reason` naming the first bad part.
    pub fn parse(text: &str) -> Result<OfferId, Finding> {
        let bytes = text.as_bytes();
        let reason = if bytes.len() != LENGTH {
            Some("it must be 15 characters")
        } else if !bytes[..8].iter().all(u8::is_ascii_digit) {
            Some("it must start with the 8-digit product code")
        } else if bytes[8] != b'C' {
            Some("the 9th character must be C")
        } else if MarketSegment::from_offer_byte(bytes[9]).is_none() {
            Some("the 10th character must be A (COM), B (EDU) or C (GOV)")
        } else if !is_level(&bytes[10..12]) {
            Some("the 11th and 12th characters must be a discount level")
        } else if Variant::from_byte(bytes[12]).is_none() {
            Some("the 13th character must be A, X, Y or Z")
        } else if &bytes[13..] != b"12" {
            Some("it must end in 12")
        } else {
            None
        };
        match reason {
            None => Ok(OfferId {
                text: text.to_owned(),
            }),
            Some(reason) => Err(Finding::new(Code::OfferIdInvalidFormat).with("reason", reason)),
        }
    }

    /// The whole ID.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The 8-digit product code, the same at every level and segment.
    pub fn product(&self) -> &str {
        &self.text[..8]
    }

    /// The first 10 characters, product + `C` + segment ("partial SKU", FACTS.md §3.1).
    pub fn partial_sku(&self) -> &str {
        &self.text[..10]
    }

    /// The market segment the offer is sold in.
    pub fn market_segment(&self) -> MarketSegment {
        MarketSegment::from_offer_byte(self.text.as_bytes()[9]).unwrap_or(MarketSegment::Com)
    }

    /// The two level characters, e.g. `01`, `12`, `T1`.
    pub fn level(&self) -> &str {
        &self.text[10..12]
    }

    /// Whether the level says consumable (`T…`, FACTS.md §3.1, S8 `getOfferTypeFromId`).
    pub fn is_consumable_level(&self) -> bool {
        self.level().starts_with('T')
    }

    /// Whether the offer is a consumable: the offer catalogue's word for a
    /// product it lists, else a `T…` level.
    pub fn is_consumable(&self) -> bool {
        crate::offer::is_consumable(self.as_str()).unwrap_or_else(|| self.is_consumable_level())
    }

    /// The variant at position 13.
    pub fn variant(&self) -> Variant {
        Variant::from_byte(self.text.as_bytes()[12]).unwrap_or(Variant::Standard)
    }

    /// The same offer at another level, as Adobe's PREVIEW rewrites it.
    ///
    /// # Errors
    /// `offer_id.invalid_format` when `level` is not two level characters.
    pub fn at_level(&self, level: &str) -> Result<OfferId, Finding> {
        let text = format!("{}{level}{}", &self.text[..10], &self.text[12..]);
        OfferId::parse(&text)
    }
}

/// Two digits, or `T` followed by an upper-case letter or digit.
fn is_level(bytes: &[u8]) -> bool {
    match bytes {
        [a, b] if a.is_ascii_digit() => b.is_ascii_digit(),
        [b'T', b] => b.is_ascii_uppercase() || b.is_ascii_digit(),
        _ => false,
    }
}

impl fmt::Display for OfferId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for OfferId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl crate::output::ToJson for OfferId {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, &self.text);
    }
}

/// An offer ID's parts, as the package answers `parseOfferId`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OfferIdParts {
    /// The whole ID.
    pub offer_id: String,
    /// The 8-digit product code.
    pub product: String,
    /// The market segment.
    pub market_segment: MarketSegment,
    /// The level characters.
    pub level: String,
    /// Whether the level is a consumable tier.
    pub consumable: bool,
    /// The variant.
    pub variant: Variant,
    /// The High Growth minimum order quantity, if any.
    pub minimum_order_quantity: Option<u32>,
}

impl From<&OfferId> for OfferIdParts {
    fn from(id: &OfferId) -> Self {
        Self {
            offer_id: id.to_string(),
            product: id.product().to_owned(),
            market_segment: id.market_segment(),
            level: id.level().to_owned(),
            consumable: id.is_consumable_level(),
            variant: id.variant(),
            minimum_order_quantity: id.variant().minimum_order_quantity(),
        }
    }
}

/// The answer of `parseOfferId`: the verdict, and the parts when valid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct OfferIdAnswer {
    /// `true` when the ID is well formed.
    pub valid: bool,
    /// Why it is not, at the path `offerId`.
    pub violations: Vec<crate::Violation>,
    /// The parts, when valid.
    pub offer: Option<OfferIdParts>,
}

/// Parses an offer ID into an answer for the package.
pub fn parse_answer(text: &str) -> OfferIdAnswer {
    match OfferId::parse(text) {
        Ok(id) => OfferIdAnswer {
            valid: true,
            violations: Vec::new(),
            offer: Some(OfferIdParts::from(&id)),
        },
        Err(finding) => refused(finding),
    }
}

/// The answer for an offer ID that is not text at all (a number, an object):
/// the package's `parseOfferId` is handed whatever JavaScript holds.
pub fn not_text_answer() -> OfferIdAnswer {
    refused(Finding::new(Code::TypeInvalid).with("expected", "text"))
}

fn refused(finding: Finding) -> OfferIdAnswer {
    let mut report = crate::Report::new();
    report.add(&crate::Path::root().key("offerId"), finding);
    OfferIdAnswer {
        valid: false,
        violations: report.violations,
        offer: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_consumable_is_the_catalogues_word_else_its_level() {
        let catalogued = OfferId::parse("30001468CB01A12").expect("valid");
        assert!(!catalogued.is_consumable());
        let unknown_tier = OfferId::parse("99999999CAT1A12").expect("valid");
        assert!(unknown_tier.is_consumable());
        let unknown_level = OfferId::parse("99999999CA01A12").expect("valid");
        assert!(!unknown_level.is_consumable());
    }

    #[test]
    fn what_is_not_text_is_refused_at_the_offer_id_with_a_message() {
        let answer = not_text_answer();
        assert!(!answer.valid && answer.offer.is_none());
        let [violation] = answer.violations.as_slice() else {
            panic!("one violation: {:?}", answer.violations);
        };
        assert_eq!(violation.path.to_string(), "offerId");
        assert_eq!(violation.code, Code::TypeInvalid);
        assert_eq!(violation.message, "Offer ID must be text.");
    }

    #[test]
    fn reads_the_parts() {
        let id = OfferId::parse("65304479CA01A12").expect("valid");
        assert_eq!(id.product(), "65304479");
        assert_eq!(id.partial_sku(), "65304479CA");
        assert_eq!(id.market_segment(), MarketSegment::Com);
        assert_eq!(id.level(), "01");
        assert_eq!(id.variant(), Variant::Standard);
        assert!(!id.is_consumable_level());
        let gov = OfferId::parse("30001475CC01A12").expect("GOV sample, FACTS.md §3.3");
        assert_eq!(gov.market_segment(), MarketSegment::Gov);
    }

    #[test]
    fn reads_high_growth_and_consumable_offers() {
        let moq = OfferId::parse("65304479CA14X12").expect("FACTS.md §3.1");
        assert_eq!(moq.variant().minimum_order_quantity(), Some(100));
        let sign = OfferId::parse("30001704CATAA12").expect("FACTS.md §3.2");
        assert!(sign.is_consumable_level());
    }

    #[test]
    fn rewrites_the_level() {
        let id = OfferId::parse("65304479CA01A12").expect("valid");
        assert_eq!(
            id.at_level("04").expect("level").as_str(),
            "65304479CA04A12"
        );
        assert_eq!(id.at_level("T2").expect("tier").as_str(), "65304479CAT2A12");
        assert!(id.at_level("4").is_err());
    }

    #[test]
    fn rejects_malformed_ids_with_a_reason() {
        for bad in [
            "",
            "65304479CA01A1",
            "6530447XCA01A12",
            "65304479DA01A12",
            "65304479CD01A12",
            "65304479CAA1A12",
            "65304479CA01B12",
            "65304479CA01A13",
            "30006208CA012A12",
        ] {
            let finding = OfferId::parse(bad).expect_err(bad);
            assert_eq!(finding.code, Code::OfferIdInvalidFormat);
            assert!(finding.params.get("reason").is_some(), "{bad}");
        }
    }

    #[test]
    fn answers_for_the_package() {
        assert!(parse_answer("65304479CA01A12").valid);
        let answer = parse_answer("65304479");
        assert_eq!(answer.violations[0].path.to_string(), "offerId");
        assert!(answer.offer.is_none());
    }

    proptest! {
        #[test]
        fn never_panics_and_round_trips(text in "\\PC{0,20}") {
            if let Ok(id) = OfferId::parse(&text) {
                prop_assert_eq!(id.to_string(), text);
            }
        }
    }
}
