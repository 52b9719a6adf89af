//! Validators: one per operation of the Partner API, over the raw JSON body.
//!
//! Each validator answers with a [`Report`] that lists *every* problem of the
//! request at its path, exactly as Adobe would judge it, so a form can mark every
//! field at once. Rules that depend on state Adobe holds (the customer's current
//! commitment, the order being returned, today's date) apply when the caller
//! supplies that state in a [`Context`]; without it they are skipped, never
//! guessed. The core reads no clock: `today` always comes from the caller.
//!
//! ```
//! use vipmp::validate::{self, Context, Operation};
//! let body = serde_json::json!({ "externalReferenceId": "PO <42>" });
//! let report = validate::run(Operation::UpdateOrder, &body, &Context::default());
//! assert_eq!(report.codes(), ["text.forbidden_character"]);
//! assert_eq!(report.violations[0].path.to_string(), "externalReferenceId");
//! ```

mod account_state;
mod benefits;
mod common_options;
mod customer;
mod deployment;
mod field;
mod history;
mod hvd_discount;
mod json;
mod lga_commitment;
mod lga_conversion;
mod lga_offer;
mod lga_quantity;
mod moq_auto_renewal;
mod non_editable;
mod offer_line;
mod order;
mod price_list_request;
mod profile;
mod recommendations;
pub(crate) use recommendations::LANGUAGES as RECOMMENDATION_LANGUAGES;
mod renewal_window;
pub use renewal_window::{EARLY_DAYS as RENEWAL_EARLY_DAYS, GRACE_DAYS as RENEWAL_GRACE_DAYS};
mod reseller;
mod return_commitment;
mod return_exclusions;
mod return_quantity;
mod revert_switch;
mod seen;
mod subscription;
mod subscription_create;
#[cfg(test)]
mod testing;
mod transfer;

pub use common_options::FromCommonText;
pub use field::{FIELD_NAMES, FieldContext, validate_field, validate_field_not_text};
pub use history::{
    HISTORY_LIMIT_MAX, OrderHistoryQuery, QueryValidation, order_history_query,
    order_history_query_string, parse_query_string,
};

use crate::date::Date;
use crate::input::FromJson;
use crate::input::{Arena, Json, with_arena};
use crate::report::Report;
use crate::resource::{Customer, Order, Reseller, Subscription};
use serde::Deserialize;
use serde_json::Value;

/// What Adobe already knows, for the rules that depend on it. Every part is
/// optional; a rule whose state is missing is not applied.
#[derive(Clone, Debug, Default, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Context {
    /// Today's date (UTC) for date windows: extended-term coterm dates, the
    /// return window, the recommitment window. `YYYY-MM-DD`.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub today: Option<Date>,
    /// The customer as Adobe holds it now (update customer: 3YC state, segment).
    pub customer: Option<Customer>,
    /// Whether the customer has active subscriptions (a segment change needs none).
    pub has_active_subscriptions: Option<bool>,
    /// The reseller as Adobe holds it now (update reseller; its segments for
    /// create/update customer).
    pub reseller: Option<Reseller>,
    /// The order a RETURN or revert refers to.
    pub reference_order: Option<Order>,
    /// The subscription being updated (its status and offer).
    pub subscription: Option<Subscription>,
    /// The subscriptions a RENEWAL's lines name, as Get Subscription answers
    /// them: each line's renewal window is checked against its own
    /// subscription's anniversary date. `subscription` counts as one of them.
    pub subscriptions: Vec<Subscription>,
    /// The VIP membership ID of a VIP→VIPMP transfer (a path parameter).
    pub membership_id: Option<String>,
    /// Whether an early renewal of the customer is in progress (a RENEWAL
    /// placed before the anniversary date, not yet complete, in the order
    /// history): every other order type fails with 3131 until it completes.
    pub early_renewal_in_progress: Option<bool>,
    /// What the customer holds now: licences and consumables of its active
    /// subscriptions (`currentQuantity` summed), for the 3YC floor of a RETURN.
    pub held_quantities: Option<crate::pricing::Quantities>,
    /// Whether the subscription being updated is a Sign introductory offer
    /// (the caller's catalogue says so; no resource of Adobe's does).
    pub introductory_offer: Option<bool>,
    /// What renews at the customer's next anniversary: licences and
    /// consumables of its active subscriptions with auto-renewal on (each
    /// `renewalQuantity`, else its `currentQuantity`), for an LGA conversion.
    pub renewal_quantities: Option<crate::pricing::Quantities>,
}

/// The operations that take a request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// `POST /v3/resellers`.
    CreateReseller,
    /// `PATCH /v3/resellers/{resellerId}`.
    UpdateReseller,
    /// `POST /v3/customers`.
    CreateCustomer,
    /// `PATCH /v3/customers/{customerId}`.
    UpdateCustomer,
    /// `POST /v3/customers/{customerId}/orders`, every order type.
    CreateOrder,
    /// `PATCH /v3/customers/{customerId}/orders/{orderId}` (externalReferenceId).
    UpdateOrder,
    /// `PATCH /v3/customers/{customerId}/subscriptions/{subscriptionId}`.
    UpdateSubscription,
    /// `POST /v3/transfers`, reseller change preview or commit.
    ResellerChange,
    /// `POST /v3/memberships/{membershipId}/transfers`, VIP→VIPMP.
    VipTransfer,
    /// `POST /v3/customers/{customerId}/subscriptions`, a scheduled subscription.
    CreateSubscription,
    /// `POST /v3/customers/{customerId}/deployments`.
    CreateDeployment,
    /// `PATCH /v3/customers/{customerId}/deployments/{deploymentId}`.
    UpdateDeployment,
    /// `POST /v3/recommendations`.
    FetchRecommendations,
    /// `POST /v3/pricelist`.
    FetchPriceList,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 14] = [
        Self::CreateReseller,
        Self::UpdateReseller,
        Self::CreateCustomer,
        Self::UpdateCustomer,
        Self::CreateOrder,
        Self::UpdateOrder,
        Self::UpdateSubscription,
        Self::ResellerChange,
        Self::VipTransfer,
        Self::CreateSubscription,
        Self::CreateDeployment,
        Self::UpdateDeployment,
        Self::FetchRecommendations,
        Self::FetchPriceList,
    ];

    /// The camelCase name used by the npm package and the fixtures.
    pub const fn name(self) -> &'static str {
        match self {
            Self::CreateReseller => "createReseller",
            Self::UpdateReseller => "updateReseller",
            Self::CreateCustomer => "createCustomer",
            Self::UpdateCustomer => "updateCustomer",
            Self::CreateOrder => "createOrder",
            Self::UpdateOrder => "updateOrder",
            Self::UpdateSubscription => "updateSubscription",
            Self::ResellerChange => "resellerChange",
            Self::VipTransfer => "vipTransfer",
            Self::CreateSubscription => "createSubscription",
            Self::CreateDeployment => "createDeployment",
            Self::UpdateDeployment => "updateDeployment",
            Self::FetchRecommendations => "fetchRecommendations",
            Self::FetchPriceList => "fetchPriceList",
        }
    }

    /// The operation with this name.
    ///
    /// # Errors
    /// [`crate::error::Error`] when no operation has the name.
    pub fn from_name(name: &str) -> Result<Self, crate::error::Error> {
        Self::ALL
            .into_iter()
            .find(|operation| operation.name() == name)
            .ok_or_else(|| crate::error::Error::unknown_operation(name))
    }
}

/// Create or update, for the account validators of the package.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AccountOp {
    /// `POST`: create the account.
    Create,
    /// `PATCH`: replace the account's data.
    Update,
}

/// Options of the package's `validateReseller` and `validateCustomer`.
#[derive(Clone, Debug, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccountOptions {
    /// Which operation the body is for.
    pub op: AccountOp,
    /// State for the rules that need it.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub context: Context,
}

/// The two kinds of transfer request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TransferKind {
    /// A customer moving to another reseller (`POST /v3/transfers`).
    ResellerChange,
    /// A VIP customer moving to VIP Marketplace.
    Vip,
}

/// Options of the package's validators that need only state.
#[derive(Clone, Debug, Default, Deserialize, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// State for the rules that need it.
    pub context: Context,
    /// Transfers only: which kind; by default a body with a `type` is a
    /// reseller change and any other a VIP transfer.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub kind: Option<TransferKind>,
}

impl AccountOp {
    /// The operation on a reseller.
    pub const fn reseller(self) -> Operation {
        match self {
            Self::Create => Operation::CreateReseller,
            Self::Update => Operation::UpdateReseller,
        }
    }

    /// The operation on a customer.
    pub const fn customer(self) -> Operation {
        match self {
            Self::Create => Operation::CreateCustomer,
            Self::Update => Operation::UpdateCustomer,
        }
    }
}

/// The transfer operation a body is for: the explicit kind, else a reseller
/// change when the body has a `type`, else a VIP transfer.
pub fn transfer_operation(body: &Json<'_>, kind: Option<TransferKind>) -> Operation {
    match kind {
        Some(TransferKind::ResellerChange) => Operation::ResellerChange,
        Some(TransferKind::Vip) => Operation::VipTransfer,
        None if body.get("type").is_some() => Operation::ResellerChange,
        None => Operation::VipTransfer,
    }
}

/// Validates a request body for an operation.
pub fn run(operation: Operation, body: &Value, context: &Context) -> Report {
    with_arena(|arena| run_json(operation, &Json::from_value(body, arena), context))
}

/// Validates a request body given as JSON text, read without building a
/// `Value` (strings borrowed from the text). Text that is not JSON is judged
/// as a missing body (`null`), as a server would refuse it.
pub fn run_text(operation: Operation, text: &str, context: &Context) -> Report {
    with_arena(|arena| run_text_in(operation, text, context, arena))
}

/// [`run_text`] with the tree read into `arena`, emptied afterwards: a caller
/// that validates many bodies keeps one arena, and once it has grown,
/// reading a body allocates nothing.
pub fn run_text_in(
    operation: Operation,
    text: &str,
    context: &Context,
    arena: &mut Arena,
) -> Report {
    let report = {
        let body = Json::parse(text, arena).unwrap_or(Json::Null);
        run_json(operation, &body, context)
    };
    arena.reset();
    report
}

/// Validates a request body already read as a [`Json`] tree.
pub fn run_json(operation: Operation, body: &Json<'_>, context: &Context) -> Report {
    let mut report = Report::new();
    match operation {
        Operation::CreateReseller => reseller::check_create(body, &mut report),
        Operation::UpdateReseller => reseller::check_update(body, context, &mut report),
        Operation::CreateCustomer => customer::check_create(body, context, &mut report),
        Operation::UpdateCustomer => customer::check_update(body, context, &mut report),
        Operation::CreateOrder => order::check_create(body, context, &mut report),
        Operation::UpdateOrder => order::check_update(body, &mut report),
        Operation::UpdateSubscription => subscription::check_update(body, context, &mut report),
        Operation::ResellerChange => transfer::check_reseller_change(body, &mut report),
        Operation::VipTransfer => transfer::check_vip_transfer(body, context, &mut report),
        Operation::CreateSubscription => subscription_create::check_create(body, &mut report),
        Operation::CreateDeployment => deployment::check(body, true, context, &mut report),
        Operation::UpdateDeployment => deployment::check(body, false, context, &mut report),
        Operation::FetchRecommendations => recommendations::check(body, &mut report),
        Operation::FetchPriceList => price_list_request::check(body, &mut report),
    }
    report
}

/// Validates any serializable request (e.g. a typed [`crate::resource::Customer`]).
pub fn run_typed<T: serde::Serialize>(
    operation: Operation,
    request: &T,
    context: &Context,
) -> Report {
    match serde_json::to_value(request) {
        Ok(body) => run(operation, &body, context),
        Err(_) => run(operation, &Value::Null, context),
    }
}

/// The date part of an Adobe timestamp (`2019-05-02T22:49:54Z` → 2019-05-02).
pub(crate) fn date_of(timestamp: &str) -> Option<Date> {
    Date::parse(timestamp.get(..10)?).ok()
}
