//! Discount levels: which level an order, a renewal or a commitment earns.
//!
//! The level sits inside the offer ID (FACTS.md §3.1), so the price a shopper is
//! quoted depends on it. The thresholds are data ([`LICENSE`], [`LICENSE_3YC`],
//! [`LICENSE_LGA`], [`CONSUMABLE`], [`CONSUMABLE_3YC`]; FACTS.md §3.2), and the
//! rules of how a level is reached are Adobe's words (FACTS.md §3.2; Partner API
//! reference Feb-2024, "Volume Discounting" and "3YC API Changes"):
//! - "evaluated after each order … based on the customer's current level and the
//!   cumulative quantity of volume-discount-eligible products in that order":
//!   mid-term a level only goes up ([`LevelRule::CurrentLevel`]); the quantity
//!   counted is chosen by [`LevelBasis`] (see [`basis`]): by default the
//!   qualifying quantity of this order alone, as both seeds say it;
//! - "reevaluated at renewal … can go up or down": a renewal uses the renewal
//!   quantities alone ([`LevelRule::Renewal`]);
//! - 3YC: the level follows the committed minimum quantity, and "if the customer
//!   has an ACCEPTED commitmentRequest for a quantity that would be reached in
//!   that order, the preview response will use the discount level for that
//!   commitmentRequest";
//! - consumables and non-qualifying products never count toward licence levels
//!   (S11); they have their own tiers.
//!
//! *Assumed* where Adobe is silent: a 3YC level and a standard level of the same
//! approximate discount (12 and 04, both ~15 %) resolve to the 3YC level (it
//! carries the price lock); a 3YC consumable tier ranks just above the standard
//! tier of the same band (TB above T2, below T3); T7 and 09 start at 100,000
//! and 10,000 (FACTS.md §3.2: "> 100K", "9999+"). An LGA quantity under 100
//! reaches no LGA level: the level shown is 06 with an explanation that says
//! so, and the quote refuses it ([`super::lga_minimum`], 1170).

pub use super::level_basis::LevelBasis;
use crate::input::FromJson;
use crate::pricing::MarketSegment;
use crate::pricing::level_basis as basis;
use serde::{Deserialize, Serialize};

/// One level of a ladder: its code and the least quantity that reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tier {
    /// The level code as it appears in the offer ID, e.g. `02`, `T3`.
    pub level: &'static str,
    /// The least quantity at this level.
    pub min: u64,
    /// Rank among comparable levels: a higher rank is a better price.
    rank: u16,
}

const fn tier(level: &'static str, min: u64, rank: u16) -> Tier {
    Tier { level, min, rank }
}

/// Licences, standard: 01 1–9, 02 10–49, 03 50–99, 04 100+ (FACTS.md §3.2).
pub const LICENSE: &[Tier] = &[
    tier("01", 1, 0),
    tier("02", 10, 50),
    tier("03", 50, 100),
    tier("04", 100, 150),
];
/// Licences, 3YC for COM and GOV: 12 10–49, 13 50–99, 14 100+ (FACTS.md §3.2).
pub const LICENSE_3YC: &[Tier] = &[
    tier("12", 10, 151),
    tier("13", 50, 200),
    tier("14", 100, 250),
];
/// Licences, 3YC for EDU: the codes 02–04 (FACTS.md §3.2, "EDU has no 12–14").
pub const LICENSE_3YC_EDU: &[Tier] = &[
    tier("02", 10, 50),
    tier("03", 50, 100),
    tier("04", 100, 150),
];
/// Licences, Large Government Agency: 06 100–999, 07 1,000–4,999, 08
/// 5,000–9,999, 09 10,000+ (FACTS.md §3.2, S1 `lga/index.md`).
pub const LICENSE_LGA: &[Tier] = &[
    tier("06", 100, 1000),
    tier("07", 1000, 1001),
    tier("08", 5000, 1002),
    tier("09", 10_000, 1003),
];
/// Consumables, standard: T1–T7 (FACTS.md §3.2, S1 `linked-membership.md`).
pub const CONSUMABLE: &[Tier] = &[
    tier("T1", 1, 10),
    tier("T2", 1000, 20),
    tier("T3", 2500, 30),
    tier("T4", 5000, 40),
    tier("T5", 15_000, 50),
    tier("T6", 50_000, 60),
    tier("T7", 100_000, 70),
];
/// Consumables, 3YC: TB–TG (FACTS.md §3.2, S1 `three-year-commit.md`).
pub const CONSUMABLE_3YC: &[Tier] = &[
    tier("TB", 1000, 21),
    tier("TC", 2500, 31),
    tier("TD", 5000, 41),
    tier("TE", 15_000, 51),
    tier("TF", 50_000, 61),
    tier("TG", 100_000, 71),
];

/// The Feb-2024 3YC consumable level `TA` (reference, "3YC API Changes":
/// "CONSUMABLES: TA, TB, TC, TD, TE, TF, TG"), which the current pages no
/// longer list (FACTS.md §3.2, "meaning of `TA` unverified"). A commitment
/// never reaches it (3YC consumables start at 1,000, which is `TB`), so it is
/// not on [`CONSUMABLE_3YC`]; it is recognised when Adobe reports it as the
/// customer's level, and kept. *Assumed*: it ranks just above `T1` (the band
/// below `TB`, as `TB` ranks just above `T2`).
pub const CONSUMABLE_3YC_TA: &[Tier] = &[tier("TA", 1, 11)];

/// Licences (seats) or consumables (transactions, credit packs).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OfferType {
    /// Per-seat licences (`LICENSE`).
    License,
    /// Consumables (`CONSUMABLES`).
    Consumables,
}

/// A licence and a consumable quantity.
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
#[serde(rename_all = "camelCase", default)]
pub struct Quantities {
    /// Qualifying licences.
    pub license: u64,
    /// Consumable units.
    pub consumables: u64,
}

impl Quantities {
    /// The quantity of one offer type.
    pub fn of(self, offer_type: OfferType) -> u64 {
        match offer_type {
            OfferType::License => self.license,
            OfferType::Consumables => self.consumables,
        }
    }

    /// Both sums, saturating (a level cannot overflow).
    #[must_use]
    pub fn plus(self, other: Quantities) -> Quantities {
        Quantities {
            license: self.license.saturating_add(other.license),
            consumables: self.consumables.saturating_add(other.consumables),
        }
    }
}

/// The customer's levels as Adobe holds them (`discounts[]` of Get Customer).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson,
)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct CurrentLevels {
    /// The licence level, e.g. `02`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub license: Option<String>,
    /// The consumable level, e.g. `T1`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub consumables: Option<String>,
}

/// Everything the level depends on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJson, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct LevelInput {
    /// The customer's market segment.
    pub market_segment: MarketSegment,
    /// Whether the customer is a Large Government Agency.
    pub lga: bool,
    /// The levels Adobe holds now; ignored for a renewal.
    pub current: CurrentLevels,
    /// Qualifying quantities already held in this term: they count toward the
    /// level with [`LevelBasis::Term`] and toward an accepted 3YC request.
    pub owned: Quantities,
    /// Qualifying quantities of this order (for a renewal: the renewal quantities).
    pub order: Quantities,
    /// Minimum quantities of a COMMITTED 3YC commitment.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub commitment: Option<Quantities>,
    /// Minimum quantities of an ACCEPTED 3YC `commitmentRequest`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub accepted_request: Option<Quantities>,
    /// Whether the level is for a renewal order.
    pub renewal: bool,
    /// Which quantity a mid-term level counts: this order's (the default) or
    /// the term's.
    pub basis: LevelBasis,
}

impl Default for LevelInput {
    fn default() -> Self {
        Self {
            market_segment: MarketSegment::Com,
            lga: false,
            current: CurrentLevels::default(),
            owned: Quantities::default(),
            order: Quantities::default(),
            commitment: None,
            accepted_request: None,
            renewal: false,
            basis: LevelBasis::default(),
        }
    }
}

/// Why a level was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelRule {
    /// The counted quantity reaches it: this order's, or the term's with
    /// [`LevelBasis::Term`].
    Quantity,
    /// The customer already has it; mid-term a level never goes down.
    CurrentLevel,
    /// The renewal quantity alone sets it.
    Renewal,
    /// The COMMITTED 3YC minimum quantity sets it.
    Commitment,
    /// This order reaches an ACCEPTED 3YC commitment request.
    AcceptedCommitmentRequest,
}

/// The level of one offer type, with its rule in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LevelChoice {
    /// The level code for the offer ID.
    pub level: String,
    /// Which rule chose it.
    pub rule: LevelRule,
    /// The rule in words, for the basket page.
    pub explanation: String,
}

/// The licence and consumable levels an order gets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LevelOutcome {
    /// The licence level.
    pub license: LevelChoice,
    /// The consumable level.
    pub consumables: LevelChoice,
    /// The storefront's blue-ribbon line: "Volume Discount Level: 02".
    pub message: String,
    /// Which quantity the mid-term level counted.
    pub basis: LevelBasis,
}

impl LevelOutcome {
    /// The choice for one offer type.
    pub fn of(&self, offer_type: OfferType) -> &LevelChoice {
        match offer_type {
            OfferType::License => &self.license,
            OfferType::Consumables => &self.consumables,
        }
    }
}

/// The highest tier of a ladder that `quantity` reaches; the first tier when it
/// reaches none (a customer below 10 licences is at 01).
pub fn tier_for(ladder: &'static [Tier], quantity: u64) -> Tier {
    let reached = ladder.iter().rev().find(|tier| quantity >= tier.min);
    reached.or(ladder.first()).copied().unwrap_or(LICENSE[0])
}

/// The tier with this code on any ladder of the offer type; `None` for an
/// unknown code (then the current level is ignored).
pub fn find_tier(offer_type: OfferType, level: &str) -> Option<Tier> {
    let ladders: &[&[Tier]] = match offer_type {
        OfferType::License => &[LICENSE, LICENSE_3YC, LICENSE_LGA],
        OfferType::Consumables => &[CONSUMABLE, CONSUMABLE_3YC, CONSUMABLE_3YC_TA],
    };
    ladders
        .iter()
        .flat_map(|ladder| ladder.iter())
        .find(|tier| tier.level == level)
        .copied()
}

/// The levels an order gets (FACTS.md §3.2; Partner API reference Feb-2024,
/// "Volume Discounting", "3YC API Changes"). See the module docs for the rules.
pub fn discount_level(input: &LevelInput) -> LevelOutcome {
    let license = choose(input, OfferType::License);
    let consumables = choose(input, OfferType::Consumables);
    let message = format!("Volume Discount Level: {}", license.level);
    LevelOutcome {
        license,
        consumables,
        message,
        basis: input.basis,
    }
}

fn standard_ladder(input: &LevelInput, offer_type: OfferType) -> &'static [Tier] {
    match offer_type {
        OfferType::License if input.lga => LICENSE_LGA,
        OfferType::License => LICENSE,
        OfferType::Consumables => CONSUMABLE,
    }
}

fn commitment_ladder(input: &LevelInput, offer_type: OfferType) -> &'static [Tier] {
    match (offer_type, input.market_segment) {
        (OfferType::License, MarketSegment::Edu) => LICENSE_3YC_EDU,
        (OfferType::License, _) => LICENSE_3YC,
        (OfferType::Consumables, _) => CONSUMABLE_3YC,
    }
}

struct Candidate {
    tier: Tier,
    rule: LevelRule,
    explanation: String,
}

fn choose(input: &LevelInput, offer_type: OfferType) -> LevelChoice {
    let candidates = [
        by_quantity(input, offer_type),
        by_current_level(input, offer_type),
        by_commitment(input, offer_type),
        by_accepted_request(input, offer_type),
    ];
    let best = candidates.into_iter().flatten().reduce(|best, next| {
        if next.tier.rank > best.tier.rank {
            next
        } else {
            best
        }
    });
    let best = best.unwrap_or_else(|| by_quantity_always(input, offer_type));
    LevelChoice {
        level: best.tier.level.to_owned(),
        rule: best.rule,
        explanation: best.explanation,
    }
}

fn by_quantity(input: &LevelInput, offer_type: OfferType) -> Option<Candidate> {
    Some(by_quantity_always(input, offer_type))
}

fn by_quantity_always(input: &LevelInput, offer_type: OfferType) -> Candidate {
    let ladder = standard_ladder(input, offer_type);
    let (quantity, rule) = if input.renewal {
        (input.order.of(offer_type), LevelRule::Renewal)
    } else {
        (
            basis::counted(input.basis, input.owned, input.order).of(offer_type),
            LevelRule::Quantity,
        )
    };
    let tier = tier_for(ladder, quantity);
    let explanation = match rule {
        LevelRule::Renewal => format!(
            "At renewal the level is set from the renewal quantity: {quantity} {} give level {} ({}).",
            noun(offer_type),
            tier.level,
            band(ladder, tier)
        ),
        _ if quantity < tier.min && tier.min > 1 => format!(
            "{quantity} qualifying {} {} are below level {}'s minimum of {}.",
            noun(offer_type),
            basis::counted_where(input.basis),
            tier.level,
            tier.min
        ),
        _ => format!(
            "{quantity} qualifying {} {} reach level {} ({}).",
            noun(offer_type),
            basis::counted_where(input.basis),
            tier.level,
            band(ladder, tier)
        ),
    };
    Candidate {
        tier,
        rule,
        explanation,
    }
}

fn by_current_level(input: &LevelInput, offer_type: OfferType) -> Option<Candidate> {
    if input.renewal {
        return None;
    }
    let code = match offer_type {
        OfferType::License => input.current.license.as_deref(),
        OfferType::Consumables => input.current.consumables.as_deref(),
    }?;
    let tier = find_tier(offer_type, code)?;
    Some(Candidate {
        tier,
        rule: LevelRule::CurrentLevel,
        explanation: format!(
            "The customer's current level {} is kept: during a term a level only goes up.",
            tier.level
        ),
    })
}

fn by_commitment(input: &LevelInput, offer_type: OfferType) -> Option<Candidate> {
    let minimum = input.commitment?.of(offer_type);
    committed_tier(input, offer_type, minimum).map(|tier| Candidate {
        tier,
        rule: LevelRule::Commitment,
        explanation: format!(
            "The 3-year commitment to {minimum} {} gives level {}.",
            noun(offer_type),
            tier.level
        ),
    })
}

fn by_accepted_request(input: &LevelInput, offer_type: OfferType) -> Option<Candidate> {
    let minimum = input.accepted_request?.of(offer_type);
    let reached = input.owned.plus(input.order).of(offer_type);
    if reached < minimum {
        return None;
    }
    committed_tier(input, offer_type, minimum).map(|tier| Candidate {
        tier,
        rule: LevelRule::AcceptedCommitmentRequest,
        explanation: format!(
            "This order reaches the accepted 3-year commitment request of {minimum} {}: level {}.",
            noun(offer_type),
            tier.level
        ),
    })
}

/// The 3YC tier of a committed minimum, if the minimum reaches the program's
/// first tier (10 licences, 1,000 consumables; FACTS.md §2.7).
fn committed_tier(input: &LevelInput, offer_type: OfferType, minimum: u64) -> Option<Tier> {
    let ladder = commitment_ladder(input, offer_type);
    let first = ladder.first()?;
    (minimum >= first.min).then(|| tier_for(ladder, minimum))
}

fn noun(offer_type: OfferType) -> &'static str {
    match offer_type {
        OfferType::License => "licences",
        OfferType::Consumables => "consumable units",
    }
}

/// "10–49" or "100+" for a tier of a ladder.
fn band(ladder: &[Tier], tier: Tier) -> String {
    let next = ladder.iter().find(|other| other.min > tier.min);
    match next {
        Some(next) => format!("{}–{}", tier.min, next.min - 1),
        None => format!("{}+", tier.min),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn licences(n: u64) -> LevelInput {
        LevelInput {
            order: Quantities {
                license: n,
                consumables: 0,
            },
            ..LevelInput::default()
        }
    }

    fn level(input: &LevelInput) -> String {
        discount_level(input).license.level
    }

    #[test]
    fn a_held_ta_level_is_kept_and_ranks_above_t1() {
        let mut input = LevelInput::default();
        input.order.consumables = 10;
        input.current.consumables = Some("TA".to_owned());
        let choice = discount_level(&input).consumables;
        assert_eq!(
            (choice.level.as_str(), choice.rule),
            ("TA", LevelRule::CurrentLevel)
        );
        input.order.consumables = 1000;
        assert_eq!(discount_level(&input).consumables.level, "T2");
    }

    #[test]
    fn licence_thresholds_9_10_49_50_99_100() {
        for (n, expected) in [
            (0, "01"),
            (1, "01"),
            (9, "01"),
            (10, "02"),
            (49, "02"),
            (50, "03"),
            (99, "03"),
            (100, "04"),
        ] {
            assert_eq!(level(&licences(n)), expected, "{n}");
        }
    }

    #[test]
    fn by_default_only_this_order_counts_mid_term() {
        let mut input = licences(3);
        input.owned.license = 7;
        assert_eq!(level(&input), "01");
        let outcome = discount_level(&input);
        assert_eq!(outcome.basis, LevelBasis::Order);
        assert_eq!(
            outcome.license.explanation,
            "3 qualifying licences in this order reach level 01 (1–9)."
        );
    }

    #[test]
    fn the_term_reading_counts_what_is_held_with_the_order() {
        let mut input = licences(3);
        input.owned.license = 7;
        input.basis = LevelBasis::Term;
        assert_eq!(level(&input), "02");
        assert_eq!(
            discount_level(&input).license.explanation,
            "10 qualifying licences held in this term with this order reach level 02 (10–49)."
        );
    }

    #[test]
    fn a_current_level_never_goes_down_mid_term() {
        let mut input = licences(1);
        input.current.license = Some("03".into());
        let outcome = discount_level(&input);
        assert_eq!(outcome.license.level, "03");
        assert_eq!(outcome.license.rule, LevelRule::CurrentLevel);
        assert_eq!(outcome.message, "Volume Discount Level: 03");
    }

    #[test]
    fn a_renewal_recomputes_and_can_go_down() {
        let mut input = licences(9);
        input.current.license = Some("04".into());
        input.renewal = true;
        let outcome = discount_level(&input);
        assert_eq!(outcome.license.level, "01");
        assert_eq!(outcome.license.rule, LevelRule::Renewal);
    }

    #[test]
    fn three_year_commit_thresholds_12_13_14() {
        for (min, expected) in [
            (9, "01"),
            (10, "12"),
            (49, "12"),
            (50, "13"),
            (99, "13"),
            (100, "14"),
        ] {
            let mut input = licences(1);
            input.commitment = Some(Quantities {
                license: min,
                consumables: 0,
            });
            assert_eq!(level(&input), expected, "{min}");
        }
    }

    #[test]
    fn edu_three_year_commit_uses_02_to_04() {
        for (min, expected) in [(10, "02"), (50, "03"), (100, "04")] {
            let mut input = licences(1);
            input.market_segment = MarketSegment::Edu;
            input.commitment = Some(Quantities {
                license: min,
                consumables: 0,
            });
            let outcome = discount_level(&input);
            assert_eq!(outcome.license.level, expected, "{min}");
            assert_eq!(outcome.license.rule, LevelRule::Commitment);
        }
    }

    #[test]
    fn an_accepted_request_applies_only_when_reached() {
        let mut input = licences(49);
        input.accepted_request = Some(Quantities {
            license: 50,
            consumables: 0,
        });
        assert_eq!(level(&input), "02");
        input.order.license = 50;
        let outcome = discount_level(&input);
        assert_eq!(outcome.license.level, "13");
        assert_eq!(outcome.license.rule, LevelRule::AcceptedCommitmentRequest);
    }

    #[test]
    fn consumable_tiers_and_their_3yc_tiers() {
        for (n, expected) in [
            (999, "T1"),
            (1000, "T2"),
            (2499, "T2"),
            (2500, "T3"),
            (4999, "T3"),
            (5000, "T4"),
            (14_999, "T4"),
            (15_000, "T5"),
            (49_999, "T5"),
            (50_000, "T6"),
            (99_999, "T6"),
            (100_000, "T7"),
        ] {
            let input = LevelInput {
                order: Quantities {
                    license: 0,
                    consumables: n,
                },
                ..LevelInput::default()
            };
            assert_eq!(discount_level(&input).consumables.level, expected, "{n}");
        }
        for (min, expected) in [(999, "T1"), (1000, "TB"), (2500, "TC"), (100_000, "TG")] {
            let input = LevelInput {
                commitment: Some(Quantities {
                    license: 0,
                    consumables: min,
                }),
                ..LevelInput::default()
            };
            assert_eq!(discount_level(&input).consumables.level, expected, "{min}");
        }
    }

    #[test]
    fn consumables_do_not_count_toward_licence_levels() {
        let input = LevelInput {
            order: Quantities {
                license: 5,
                consumables: 100_000,
            },
            ..LevelInput::default()
        };
        assert_eq!(level(&input), "01");
    }

    #[test]
    fn lga_thresholds() {
        for (n, expected) in [
            (1, "06"),
            (100, "06"),
            (999, "06"),
            (1000, "07"),
            (4999, "07"),
            (5000, "08"),
            (9999, "08"),
            (10_000, "09"),
        ] {
            let mut input = licences(n);
            input.lga = true;
            assert_eq!(level(&input), expected, "{n}");
        }
        let mut few = licences(5);
        few.lga = true;
        assert_eq!(
            discount_level(&few).license.explanation,
            "5 qualifying licences in this order are below level 06's minimum of 100."
        );
    }

    #[test]
    fn explains_the_band() {
        let outcome = discount_level(&licences(12));
        assert_eq!(
            outcome.license.explanation,
            "12 qualifying licences in this order reach level 02 (10–49)."
        );
    }

    proptest! {
        #[test]
        fn a_larger_quantity_never_yields_a_lower_level(
            a in 0u64..300_000, extra in 0u64..300_000, lga: bool, renewal: bool,
            committed in proptest::option::of(0u64..200),
        ) {
            let mut small = licences(a);
            small.lga = lga;
            small.renewal = renewal;
            small.commitment = committed.map(|license| Quantities { license, consumables: license * 100 });
            small.order.consumables = a;
            let mut large = small.clone();
            large.order.license = a + extra;
            large.order.consumables = a + extra;
            let rank = |input: &LevelInput, t: OfferType| {
                find_tier(t, &discount_level(input).of(t).level).map(|tier| tier.rank)
            };
            for t in [OfferType::License, OfferType::Consumables] {
                prop_assert!(rank(&large, t) >= rank(&small, t));
            }
        }
    }
}
