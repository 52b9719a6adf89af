// Type-checked with `tsc --strict --noEmit`: every exported function and the
// data types a storefront uses, as a consumer would write them.
import {
  countries,
  locales,
  regions,
  validateCustomer,
  validateCustomerJson,
  validateField,
  validateOrder,
  validateOrderHistoryQuery,
  validateOrderJson,
  validateOrderUpdate,
  validateReseller,
  validateSubscriptionUpdate,
  validateTransfer,
  violationCodes,
  type AccountOptions,
  type CountryInfo,
  type Customer,
  type FieldContext,
  type Order,
  type QueryValidation,
  type RegionInfo,
  type ValidationResult,
  type Violation,
  type ViolationCode,
} from "vipmp";

const customer: Customer = {
  resellerId: "5556667778",
  companyProfile: {
    companyName: "Fairmont",
    preferredLanguage: "en-US",
    marketSegment: "COM",
    address: { country: "US", region: "CA", city: "San Jose", addressLine1: "200 Fairmont Ave", postalCode: "95110" },
    contacts: [{ firstName: "Donald", lastName: "Duck", email: "donald@duck.com" }],
  },
};
const create: AccountOptions = { op: "create" };
const checked: ValidationResult = validateCustomer(customer, create);
const first: Violation | undefined = checked.violations[0];
const code: ViolationCode | undefined = first?.code;
const params: Record<string, string | number> | undefined = first?.params;

function messageFor(code: ViolationCode): string {
  switch (code) {
    case "postal_code.invalid_format": return "Check the postal code";
    default: return "Check this field";
  }
}

const order: Order = { orderType: "NEW", lineItems: [{ extLineItemNumber: 1, offerId: "65304479CA01A12", quantity: 5 }] };
const results: ValidationResult[] = [
  validateReseller({ distributorId: "345434543" }, { op: "update" }),
  validateCustomerJson(JSON.stringify(customer), { op: "create", context: { today: "2026-11-23" } }),
  validateOrder(order),
  validateOrder(order, { context: { today: "2026-11-23" } }),
  validateOrderJson(JSON.stringify(order)),
  validateOrderUpdate({ externalReferenceId: "PO-1" }),
  validateSubscriptionUpdate({ autoRenewal: { enabled: true, renewalQuantity: 7 } }),
  validateTransfer({ resellerId: "999888777" }, { kind: "vip", context: { membershipId: "12345678" } }),
  validateField("email", "a@b.co"),
];
const fieldContext: FieldContext = { country: "US" };
results.push(validateField("postalCode", "95110", fieldContext));
const query: QueryValidation = validateOrderHistoryQuery("status=1000");
const limit: number | undefined = query.query?.limit;
const everyCountry: CountryInfo[] = countries();
const placeholder: string | undefined = everyCountry[0]?.postalExample;
const regionList: RegionInfo[] = regions("US");
const languages: string[] = locales();
const codes: ViolationCode[] = violationCodes();

export { code, params, messageFor, results, limit, placeholder, regionList, languages, codes };
