// Type-checked use of the shopper's-language API: `locale` on every validator
// and schema, the catalogue functions, and countries({ locale }). Compiled by
// tsc for both doors (NodeNext and Bundler resolution); a wrong option name or
// a missing export fails the build.
import {
  checkBasket, countries, getLocale, loadLocale, setLocale, validateCustomer, validateField, validateOrderHistoryQuery,
  validateOrderUpdate, type CountryInfo, type MessageCatalogue, type ValidationResult,
} from "vipmp";

export async function german(): Promise<ValidationResult> {
  await setLocale("de");
  const locale: string = getLocale();
  void locale;
  return validateField("postalCode", "9511", { country: "US" });
}

export function perCall(body: unknown): ValidationResult[] {
  return [
    validateCustomer(body, { op: "create", locale: "ja" }),
    validateField("email", "x", { locale: "pt-BR" }),
    validateOrderUpdate(body, { locale: "nl" }),
    validateOrderHistoryQuery("status=1000", { locale: "fr" }),
    checkBasket(body, { locale: "it" }),
  ];
}

export async function ownWording(): Promise<string> {
  const catalogue: MessageCatalogue = { messages: { "field.required": "{label}?" }, labels: { companyName: "Firm" } };
  return loadLocale("en-x-shop", catalogue);
}

export const spanishCountries: CountryInfo[] = countries({ locale: "es" });
