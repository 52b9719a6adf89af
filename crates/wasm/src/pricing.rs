//! Bindings of the core's pricing, basket and provisioning rules.
//!
//! Thin, as every binding: read the arguments, call the core, answer. The price
//! list is loaded once into a [`PriceListHandle`] (a `PriceList` class in JS)
//! that holds the indexed table in wasm memory, so a quote does not re-parse
//! thousands of rows. Shopper data (baskets, offer IDs, account records) comes
//! back as violations; a context of the wrong shape is the caller's mistake and
//! throws.

use crate::boundary::{
    answer, body_from_value, body_text, optional_text_argument, options_from,
    required_options_from, text_argument,
};
use vipmp::basket::{Basket, BasketCheck, BasketContext, check_basket};
use vipmp::input::{Json, with_arena};
use vipmp::pricing::{self, LevelInput, PriceList, PriceRowView};
use vipmp::quote::{self, QuoteContext};
use vipmp::{Report, provisioning};
use wasm_bindgen::prelude::*;

/// The `PriceList` class is declared here rather than generated: wasm-bindgen's
/// declaration names `[Symbol.dispose]`, which fails `tsc` for consumers whose
/// `lib` predates ES2024 (ES2022 included). The class still has it at run time.
#[wasm_bindgen(typescript_custom_section)]
const PRICE_LIST_TS: &'static str = r#"
/** An indexed price list held in wasm memory; `loadPriceList` makes one. Call `free()` when done. */
export class PriceList {
  private constructor();
  /** Releases the table's wasm memory. */
  free(): void;
  /** The number of rows. */
  readonly length: number;
  /** The ISO 4217 currency of every price. */
  readonly currency: string;
  /** The row of an offer ID, the one orderable on `date` (`YYYY-MM-DD`) when given. Throws on a malformed date. */
  find(offerId: string, date?: string | null): PriceRowView | undefined;
  /** `checkBasket` with this list's minimum quantities, sub-segments and currency. */
  checkBasket(basket: Basket | unknown, context?: Partial<BasketContext>): BasketCheck;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const PRICE_LIST_LOAD_TS: &'static str = r#"
/** The answer of `loadPriceList`: the loaded list, or why the file was rejected. */
export type PriceListLoad =
  | { valid: true; violations: Violation[]; priceList: PriceList }
  | { valid: false; violations: Violation[]; priceList?: undefined };
"#;

/// Reads an offer ID into its parts (product, segment, level, variant).
#[wasm_bindgen(js_name = parseOfferId, unchecked_return_type = "OfferIdAnswer")]
pub fn parse_offer_id(
    #[wasm_bindgen(unchecked_param_type = "string")] offer_id: &JsValue,
) -> JsValue {
    answer(
        &offer_id
            .as_string()
            .map_or_else(pricing::offer_id::not_text_answer, |text| {
                pricing::offer_id::parse_answer(&text)
            }),
    )
}

/// The licence and consumable levels an order earns, with the rule and the
/// basket page's "Volume Discount Level" message.
#[wasm_bindgen(js_name = discountLevel, unchecked_return_type = "LevelOutcome")]
pub fn discount_level(
    #[wasm_bindgen(unchecked_param_type = "Partial<LevelInput>")] input: JsValue,
) -> Result<JsValue, JsError> {
    let input: LevelInput = required_options_from(input)?;
    Ok(answer(&pricing::discount_level(&input)))
}

/// An indexed price list held in wasm memory; `loadPriceList` makes one.
#[wasm_bindgen(js_name = PriceList, skip_typescript)]
pub struct PriceListHandle {
    list: PriceList,
}

impl From<PriceList> for PriceListHandle {
    fn from(list: PriceList) -> Self {
        Self { list }
    }
}

#[wasm_bindgen(js_class = PriceList)]
impl PriceListHandle {
    /// The number of rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.list.rows().len()
    }

    /// The ISO 4217 currency of every price.
    #[wasm_bindgen(getter)]
    pub fn currency(&self) -> String {
        self.list.currency().code().to_owned()
    }

    /// The row of an offer ID, the one orderable on `date` (`YYYY-MM-DD`) when
    /// given; `undefined` when there is none. A malformed date throws.
    #[wasm_bindgen(unchecked_return_type = "PriceRowView | undefined")]
    pub fn find(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] offer_id: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] date: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let offer_id = text_argument(offer_id, "offerId")?;
        let on = optional_text_argument(date, "date")?
            .map(|text| vipmp::date::Date::parse(&text))
            .transpose()
            .map_err(|error| JsError::new(&format!("invalid date: {error}")))?;
        Ok(self
            .list
            .find(&offer_id, on)
            .map_or(JsValue::UNDEFINED, |row| answer(&PriceRowView::from(row))))
    }

    /// `checkBasket` with this price list's minimum quantities, sub-segments
    /// and currency.
    #[wasm_bindgen(js_name = checkBasket, unchecked_return_type = "BasketCheck")]
    pub fn check_basket(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Basket | unknown")] basket: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Partial<BasketContext>")] context: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsError> {
        checked(basket, context, Some(&self.list))
    }
}

/// Loads a price list: the JSON of `POST /v3/pricelist`, or the monthly file
/// as CSV/TSV text (then `currency` is required).
#[wasm_bindgen(js_name = loadPriceList, unchecked_return_type = "PriceListLoad")]
pub fn load_price_list(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] currency: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let currency = optional_text_argument(currency, "currency")?;
    let loaded = text.as_string().map_or_else(
        || Err(pricing::price_list::not_text()),
        |text| pricing::price_list::load(&text, currency.as_deref()),
    );
    let (valid, violations, handle) = match loaded {
        Ok(list) => (true, Report::new(), JsValue::from(PriceListHandle { list })),
        Err(report) => (false, report, JsValue::UNDEFINED),
    };
    let result = crate::js::parse_json(if valid {
        r#"{"valid":true}"#
    } else {
        r#"{"valid":false}"#
    });
    crate::js::set_member(&result, "violations", &answer(&violations.violations));
    crate::js::set_member(&result, "priceList", &handle);
    Ok(result)
}

/// Prices a basket: level, offer IDs at that level, unit prices, proration to
/// the coterm date, line and basket totals.
#[wasm_bindgen(unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "Basket | unknown")] basket: &JsValue,
    price_list: &PriceListHandle,
    #[wasm_bindgen(unchecked_param_type = "Partial<QuoteContext>")] context: JsValue,
) -> Result<JsValue, JsError> {
    let context: QuoteContext = required_options_from(context)?;
    let body = body_from_value(basket);
    Ok(answer(&quote::quote_json(
        &body,
        &price_list.list,
        &context,
    )))
}

/// Checks a basket against the storefront's rules (without a price list: no
/// minimum quantities or sub-segments; `PriceList.checkBasket` adds them).
#[wasm_bindgen(js_name = checkBasket, unchecked_return_type = "BasketCheck")]
pub fn check_basket_js(
    #[wasm_bindgen(unchecked_param_type = "Basket | unknown")] basket: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<BasketContext>")] context: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    checked(basket, context, None)
}

fn checked(
    basket: &JsValue,
    context: Option<JsValue>,
    list: Option<&PriceList>,
) -> Result<JsValue, JsError> {
    let context: BasketContext = options_from(context)?;
    let check = match Basket::from_value(&body_from_value(basket)) {
        Ok(basket) => check_basket(&basket, &context, list),
        Err(report) => BasketCheck {
            valid: false,
            violations: report.violations,
            warnings: Vec::new(),
        },
    };
    Ok(answer(&check))
}

/// Classifies an Account Synchronize record as `reseller`, `endCustomer` or
/// `directCustomer` from its `ID`, `ResellerID` and `Role`.
#[wasm_bindgen(js_name = classifyAccount, unchecked_return_type = "Classification")]
pub fn classify_account(
    #[wasm_bindgen(unchecked_param_type = "AccountIdentity | unknown")] account: &JsValue,
) -> JsValue {
    let text = body_text(account);
    answer(&with_arena(|arena| {
        provisioning::classify_account_read(&Json::parse(&text, arena).unwrap_or(Json::Null))
    }))
}
