// Type-checked as a page that only validates imports the package in Node:
// `vipmp/validate` has vipmp's validators, field rules, form data and types,
// and nothing that prices, builds requests or reads responses.
import {
  countries, fieldSchema, regions, validateCustomer, validateField, type Customer, type RegionInfo, type ValidationResult,
} from "vipmp/validate";
import * as validate from "vipmp/validate";

export function checkPostal(value: string): ValidationResult {
  return validateField("postalCode", value, { country: "CA", locale: "fr" });
}

export function acceptable(customer: Customer): boolean {
  return validateCustomer(customer, { op: "create" }).valid;
}

export const provinces: RegionInfo[] = regions("CA");
export const countryNames: string[] = countries({ locale: "de" }).map((country) => country.name);
export const zip = fieldSchema("postalCode", { country: "US" });

export function nothingCommercial(): unknown[] {
  return [
    // @ts-expect-error no pricing
    validate.quote,
    // @ts-expect-error no request builders
    validate.buildRequest,
    // @ts-expect-error no basket rules
    validate.checkBasket,
    // @ts-expect-error nor their schema
    validate.basketSchema,
  ];
}
