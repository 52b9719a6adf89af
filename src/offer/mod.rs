//! What the catalogue knows about an offer that its ID does not say.
//!
//! An offer ID such as `65304479CA01A12` encodes the product (8 digits), a constant
//! `C`, the market segment and the discount level (FACTS.md §3.1), but not whether
//! the product is a Team or an Enterprise product, which sets the quantity limit of
//! a line (10,000 vs 200,000; FACTS.md §3.5). Nor does it always say whether the
//! offer is a consumable. Both come from the product catalogue, keyed by the first
//! 10 characters of the ID (the "partial SKU"), generated from
//! `data/products.json` (1,787 base offers; data/README.md).

#[rustfmt::skip]
mod generated;

/// Whether a product is sold as a Team or an Enterprise product (FACTS.md §3.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProductKind {
    /// A Team product: at most 10,000 per line (FACTS.md §3.5). Catalogue type "Teams".
    Team,
    /// An Enterprise product: at most 200,000 per line (FACTS.md §3.5). Catalogue
    /// types "Enterprise", and, as an *assumption* (data/README.md), "Business" and
    /// "Small Business".
    Enterprise,
}

/// The kind of the offer's product, or `None` when the catalogue does not know
/// the offer (or the ID is too short or malformed to have a partial SKU).
pub fn product_kind(offer_id: &str) -> Option<ProductKind> {
    let packed = find(offer_id)?;
    Some(if packed & KIND_BIT == 0 {
        ProductKind::Team
    } else {
        ProductKind::Enterprise
    })
}

/// Whether the offer is a consumable (a Credit Pack or Transaction unit, or a
/// `T1`/`TA` tier; FACTS.md §3.1, §3.2), or `None` when the catalogue does not
/// know the offer.
pub fn is_consumable(offer_id: &str) -> Option<bool> {
    find(offer_id).map(|packed| packed & CONSUMABLE_BIT != 0)
}

const KIND_BIT: u32 = 0b10;
const CONSUMABLE_BIT: u32 = 0b01;

/// Packs one catalogue entry: (product × 3 + segment) in the high bits, then the
/// kind bit and the consumable bit. 99,999,999 × 3 + 2 < 2²⁹, so it fits.
/// Sorting the packed values sorts by partial SKU.
const fn offer(product: u32, segment: u8, kind: ProductKind, consumable: bool) -> u32 {
    let key = product * 3 + (segment - b'A') as u32;
    let kind_bit = match kind {
        ProductKind::Team => 0,
        ProductKind::Enterprise => KIND_BIT,
    };
    key << 2 | kind_bit | consumable as u32
}

/// The key of an offer ID's partial SKU: 8 digits, `C`, then `A`, `B` or `C`.
fn key(offer_id: &str) -> Option<u32> {
    let bytes = offer_id.as_bytes().get(..10)?;
    let (digits, rest) = bytes.split_at(8);
    if !digits.iter().all(u8::is_ascii_digit) || rest[0] != b'C' {
        return None;
    }
    let segment = match rest[1] {
        b @ b'A'..=b'C' => u32::from(b - b'A'),
        _ => return None,
    };
    let product = digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    Some(product * 3 + segment)
}

fn find(offer_id: &str) -> Option<u32> {
    let key = key(offer_id)?;
    let table = generated::OFFERS;
    let index = table
        .binary_search_by_key(&key, |packed| packed >> 2)
        .ok()?;
    table.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert_eq!(generated::OFFERS.len(), 1787);
        assert!(
            generated::OFFERS
                .windows(2)
                .all(|pair| pair[0] >> 2 < pair[1] >> 2)
        );
    }

    #[test]
    fn knows_team_and_enterprise_products() {
        // data/products.json: 30001468CB01A12 is Creative Cloud All Apps for Enterprise (EDU).
        assert_eq!(
            product_kind("30001468CB01A12"),
            Some(ProductKind::Enterprise)
        );
        assert_eq!(is_consumable("30001468CB01A12"), Some(false));
        // Any level of the same product maps to the same partial SKU (FACTS.md §3.1).
        assert_eq!(
            product_kind("30001468CB04A12"),
            Some(ProductKind::Enterprise)
        );
    }

    #[test]
    fn unknown_or_malformed_ids_are_none() {
        assert_eq!(product_kind("99999999CA01A12"), None);
        assert_eq!(product_kind("30001468"), None);
        assert_eq!(product_kind("30001468CD01A12"), None);
        assert_eq!(product_kind("3000146XCB01A12"), None);
        assert_eq!(is_consumable(""), None);
        assert_eq!(product_kind("30001468cb01A12"), None);
    }
}
