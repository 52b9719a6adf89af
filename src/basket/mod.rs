//! The storefront's basket rules, checked before a basket becomes an order.
//!
//! The storefront (storefront-ordering-rules.txt, "Ordering Rules" and the two
//! "List of Possible Warning Messages" sections) refuses baskets Adobe would
//! refuse later, and warns about the ones it would handle differently. The
//! rules live in [`rules`], one function each, each citing its source; this
//! module holds the basket, the context and the answer.
//!
//! A *violation* stops the checkout; a *warning* lets it go on (the storefront's
//! "warning messages" that redirect an add-on to the existing subscription).

pub mod existing_subscription;
pub mod rules;

use crate::Violation;
use crate::date::Date;
use crate::input::FromJson;
use crate::pricing::MarketSegment;
use serde::{Deserialize, Serialize};

pub use rules::check_basket;

/// The container product ("Adobe Services") or an add-on (the Adobe product).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    FromJson,
    crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LineKind {
    /// The "Adobe Services" shell: quantity 1, zero price.
    Container,
    /// An Adobe product.
    #[default]
    AddOn,
}

/// One line of the basket.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct BasketLine {
    /// Container or add-on; add-on when absent.
    pub kind: LineKind,
    /// The add-on's offer ID (ignored on the container).
    pub offer_id: String,
    /// Units.
    pub quantity: u64,
    /// The product's name, for messages.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub name: Option<String>,
    /// The unit price the storefront shows, as a decimal (the container's must be 0).
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub unit_price: Option<String>,
    /// The currency of the line's offer.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub currency: Option<String>,
    /// A Sign introductory offer (quantity 1, no auto-renewal).
    pub introductory: bool,
    /// Whether auto-renewal is on for the line.
    pub auto_renewal: bool,
    /// The 8-digit product code of the base product this add-on requires.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub requires_product: Option<String>,
}

/// A cancellation the basket asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Cancellation {
    /// The offer being cancelled.
    pub offer_id: String,
    /// The day the order being cancelled was executed.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub order_date: Date,
}

/// What the shopper put in the basket.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Basket {
    /// The lines, container first by convention.
    pub lines: Vec<BasketLine>,
    /// Cancellations of earlier orders.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub cancellations: Vec<Cancellation>,
}

impl Basket {
    /// Reads a basket from JSON the shopper's form produced.
    ///
    /// # Errors
    /// `type.invalid` at the root, naming the expected shape, when the JSON is
    /// not a basket (an array is not one either, though serde would read it).
    pub fn from_value(value: &serde_json::Value) -> Result<Basket, crate::Report> {
        let shaped = if value.is_object() {
            <Basket as FromJson>::from_json(&crate::input::Json::from_value(
                value,
                &crate::input::Arena::new(),
            ))
            .map_err(|error| error.to_string())
        } else {
            Err("not an object".to_owned())
        };
        shaped.map_err(|error| {
            let mut report = crate::Report::new();
            report.add(
                &crate::Path::root().key("lines"),
                crate::Finding::new(crate::Code::TypeInvalid)
                    .with("expected", format!("a basket {{ lines: [...] }} ({error})")),
            );
            report
        })
    }
}

/// Who is ordering, for whom, and the storefront's limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct BasketContext {
    /// Today, `YYYY-MM-DD` (the return window).
    #[cfg_attr(feature = "tsify", tsify(type = "string | undefined", optional))]
    pub today: Option<Date>,
    /// The reseller is registered and synced with Adobe (default true).
    pub reseller_synced: bool,
    /// The ordering account can resell (default true).
    pub can_resell: bool,
    /// The reseller orders for its own use.
    pub personal_use: bool,
    /// The segments the reseller sells into (default `["COM"]`, as Adobe's).
    pub reseller_segments: Vec<MarketSegment>,
    /// The customer's segment.
    pub market_segment: MarketSegment,
    /// The customer's sub-segments: `K_12`, `HIGHER_ED`, `NON_PROFIT`.
    pub sub_segments: Vec<String>,
    /// The customer already has an Adobe subscription (container).
    pub existing_subscription: bool,
    /// The 8-digit product codes the customer already subscribes to.
    pub existing_products: Vec<String>,
    /// The customer account's name, for messages.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub account_name: Option<String>,
    /// The currency the customer pays in.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub currency: Option<String>,
    /// The most units of an Enterprise product on a line: 200,000 by default
    /// (FACTS.md §3.5; 599,000 per `resources.md`).
    pub enterprise_line_max: u64,
}

impl Default for BasketContext {
    fn default() -> Self {
        Self {
            today: None,
            reseller_synced: true,
            can_resell: true,
            personal_use: false,
            reseller_segments: vec![MarketSegment::Com],
            market_segment: MarketSegment::Com,
            sub_segments: Vec::new(),
            existing_subscription: false,
            existing_products: Vec::new(),
            account_name: None,
            currency: None,
            enterprise_line_max: 200_000,
        }
    }
}

/// The verdict on a basket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct BasketCheck {
    /// `true` when nothing stops the checkout.
    pub valid: bool,
    /// What stops the checkout.
    pub violations: Vec<Violation>,
    /// What the shopper should know but may go on with.
    pub warnings: Vec<Violation>,
}
