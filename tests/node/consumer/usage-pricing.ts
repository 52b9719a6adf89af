// Type-checked with `tsc --strict --noEmit`: the pricing, basket and
// provisioning functions as a storefront would call them.
import {
  checkBasket,
  classifyAccount,
  discountLevel,
  loadPriceList,
  parseOfferId,
  quote,
  type AccountClass,
  type Basket,
  type BasketCheck,
  type BasketContext,
  type Classification,
  type LevelBasis,
  type LevelOutcome,
  type LevelRule,
  type MoneyView,
  type OfferIdAnswer,
  type PriceList,
  type PriceListLoad,
  type PriceRowView,
  type Quote,
  type QuoteContext,
  type QuoteLine,
  type ViolationCode,
} from "vipmp";

const parsed: OfferIdAnswer = parseOfferId("65304479CA01A12");
const level: string | undefined = parsed.offer?.level;

const outcome: LevelOutcome = discountLevel({ marketSegment: "EDU", order: { license: 12, consumables: 0 } });
const rule: LevelRule = outcome.license.rule;
const banner: string = outcome.message;
const counted: LevelBasis = outcome.basis;
const byTerm: LevelOutcome = discountLevel({ basis: "term", owned: { license: 7, consumables: 0 } });

const file = "Offer ID,Product Type Detail,Partner Price\n65304479CA01A12,Annual,173.28\n";
const loaded: PriceListLoad = loadPriceList(file, "USD");
const basket: Basket = {
  lines: [
    { kind: "container", quantity: 1, unitPrice: "0.00" },
    { offerId: "65304479CA01A12", quantity: 3, name: "Acrobat Pro" },
  ],
};
const context: QuoteContext = { today: "2022-07-25", cotermDate: "2023-03-10", currency: "USD" };
const termContext: QuoteContext = { ...context, levelBasis: "term" };
const basketContext: Partial<BasketContext> = { currency: "USD", marketSegment: "COM" };

let priced: Quote | undefined;
let checkedWithList: BasketCheck | undefined;
if (loaded.valid) {
  const list: PriceList = loaded.priceList;
  const rows: number = list.length;
  const row: PriceRowView | undefined = list.find("65304479CA01A12", "2022-07-25");
  const price: MoneyView | undefined = row?.partnerPrice;
  priced = quote(basket, list, context);
  checkedWithList = list.checkBasket(basket, basketContext);
  console.log(rows, price?.amount);
  list.free();
} else {
  const where: Array<string | number | undefined> = loaded.violations.map((v) => v.params["line"]);
  console.log(where);
}
const firstLine: QuoteLine | undefined = priced?.lines[0];
const total: number | undefined = priced?.total.minorUnits;
const quoteWarnings: ViolationCode[] | undefined = priced?.warnings.map((w) => w.code);

const checked: BasketCheck = checkBasket(basket, basketContext);
const warnings: ViolationCode[] = checked.warnings.map((w) => w.code);
const noContext: BasketCheck = checkBasket(basket);

const account: Classification = classifyAccount({ ID: "1082733", Role: "Reseller", ResellerID: "1082733" });
const kind: AccountClass | undefined = account.class ?? undefined;

export { level, rule, banner, counted, byTerm, termContext, quoteWarnings, firstLine, total, checkedWithList, warnings, noContext, kind };
