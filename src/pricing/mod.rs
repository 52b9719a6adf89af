//! Pricing: offer IDs, discount levels, money, price lists, proration.
//!
//! The storefront must show the price Adobe will charge (issue 4: "the quote the
//! shopper sees is the quote Adobe charges"). The level decides the offer ID
//! ([`level`]), the offer ID decides the row of the price list ([`price_list`]),
//! and the coterm date decides the prorated amount ([`proration`]);
//! the crate's `quote` module puts the steps together for a basket. Quotes live
//! above both this module and the basket rules (which read offer IDs and price
//! lists from here), so the three depend one way: quote → basket → pricing. Money is integer minor units
//! ([`money`]) and proration fixed point; there is no float and no clock.

pub mod csv;
pub mod extended_term;
pub mod level;
pub mod level_basis;
pub mod level_lookup;
pub mod lga_minimum;
pub mod money;
pub mod offer_id;
pub mod price_list;
pub mod proration;

pub use level::{LevelBasis, LevelInput, LevelOutcome, OfferType, Quantities, discount_level};
pub use money::{Currency, Money, MoneyView};
pub use offer_id::{OfferId, OfferIdAnswer, OfferIdParts};
pub use price_list::{PriceList, PriceRow, PriceRowView, Term};
pub use proration::{Proration, prorate};

pub use crate::field::market_segment::MarketSegment;

use crate::input::FromJson;
use serde::{Deserialize, Serialize};

/// The sub-segment an EDU offer is reserved for (price list Additional Detail,
/// FACTS.md §3.3).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub enum SubSegment {
    /// "K-12" offers.
    #[serde(rename = "K-12")]
    K12,
    /// "HED" (higher education) offers.
    #[serde(rename = "HED")]
    Hed,
}
