// The create-customer and create-order checks vipmp makes, as JSON Schemas for
// ajv (draft-07 keywords, `allErrors: true`, ajv-formats loaded as a typical
// set-up would). Only the fields the benchmark's payloads use are described;
// unknown fields are refused (`additionalProperties: false`) as vipmp does.
// Patterns are Adobe's published ones (see ../patterns.mjs for the conversion);
// ajv compiles a `pattern` string with the `u` flag.
//
// Known differences from vipmp, kept small on purpose: vipmp's quantity ceiling
// depends on the product (Team 10,000 / Enterprise 200,000); here it is the
// 200,000 of an unknown product. vipmp's order-type rules (subscriptionId for
// renewals, cancellingItems for switches, return windows) are reduced to
// "RETURN needs referenceOrderId".
import Ajv from "ajv";
import addFormats from "ajv-formats";
import * as p from "../patterns.mjs";

const text = (max, pattern = p.safeText) => ({ type: "string", maxLength: max, pattern: pattern.source });
const patterned = (pattern) => ({ type: "string", pattern: pattern.source });

/** `countries` from patterns.loadCountries; `locales` the 43 Adobe locales. */
export function customerSchema({ rules, supported }, locales) {
  const perCountry = Object.entries(rules).map(([code, rule]) => ({
    if: { properties: { country: { const: code } }, required: ["country"] },
    then: {
      properties: {
        region: { enum: rule.regions },
        ...(rule.postal ? { postalCode: { pattern: rule.postal.source } } : {}),
      },
    },
  }));
  const contact = {
    type: "object",
    additionalProperties: false,
    required: ["firstName", "lastName", "email"],
    properties: {
      firstName: patterned(p.personName),
      lastName: patterned(p.personName),
      email: { type: "string", maxLength: p.EMAIL_MAX, pattern: p.email.source },
      phoneNumber: text(40),
    },
  };
  const address = {
    type: "object",
    additionalProperties: false,
    required: ["country", "region", "city", "addressLine1", "postalCode"],
    properties: {
      country: { enum: supported },
      region: { type: "string", maxLength: 255 },
      city: text(40),
      addressLine1: text(60),
      addressLine2: text(60),
      postalCode: { type: "string", maxLength: 40 },
      phoneNumber: text(40),
    },
    allOf: perCountry,
  };
  return {
    type: "object",
    additionalProperties: false,
    required: ["resellerId", "companyProfile"],
    properties: {
      resellerId: patterned(p.accountId),
      externalReferenceId: text(35),
      companyProfile: {
        type: "object",
        additionalProperties: false,
        required: ["companyName", "preferredLanguage", "address", "contacts"],
        properties: {
          companyName: patterned(p.companyName),
          preferredLanguage: { enum: locales },
          marketSegment: { enum: p.marketSegments },
          address,
          contacts: { type: "array", minItems: 1, items: contact },
        },
      },
    },
  };
}

export const ORDER_TYPES = [
  "NEW", "PREVIEW", "PREVIEW_RENEWAL", "RENEWAL", "RETURN",
  "SWITCH", "PREVIEW_SWITCH", "REVERT_SWITCH", "PREVIEW_REVERT_SWITCH",
];

export function orderSchema() {
  const line = {
    type: "object",
    additionalProperties: false,
    required: ["extLineItemNumber", "offerId", "quantity"],
    properties: {
      extLineItemNumber: { type: "integer", minimum: 0, maximum: 999999 },
      offerId: patterned(p.offerId),
      quantity: { type: "integer", minimum: 1, maximum: 200000 },
      currencyCode: patterned(p.currencyCode),
      subscriptionId: { type: "string", pattern: "^[A-Za-z0-9]{32}$" },
      flexDiscountCodes: { type: "array", maxItems: 1, items: { type: "string" } },
      deploymentId: { type: "string" },
    },
  };
  return {
    type: "object",
    additionalProperties: false,
    required: ["orderType", "lineItems"],
    properties: {
      orderType: { enum: ORDER_TYPES },
      externalReferenceId: text(35),
      currencyCode: patterned(p.currencyCode),
      referenceOrderId: patterned(p.accountId),
      lineItems: { type: "array", minItems: 1, maxItems: 499, uniqueLineNumbers: true, items: line },
    },
    allOf: [
      // A currency at the order level forbids one on the lines.
      {
        if: { required: ["currencyCode"] },
        then: { properties: { lineItems: { items: { not: { required: ["currencyCode"] } } } } },
      },
      {
        if: { properties: { orderType: { const: "RETURN" } }, required: ["orderType"] },
        then: { required: ["referenceOrderId"] },
      },
    ],
  };
}

/** Compiled validators: `{ customer, order }`, each `(body) => boolean` with `.errors`. */
export function compile(countries, locales) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // JSON Schema cannot say "no two items share extLineItemNumber" (uniqueItems
  // compares whole items), so this one rule is a custom keyword.
  ajv.addKeyword({
    keyword: "uniqueLineNumbers",
    type: "array",
    schemaType: "boolean",
    errors: false,
    validate(enabled, lines) {
      if (!enabled) return true;
      const seen = new Set();
      for (const item of lines) {
        const number = item?.extLineItemNumber;
        if (typeof number !== "number") continue;
        if (seen.has(number)) return false;
        seen.add(number);
      }
      return true;
    },
  });
  return {
    customer: ajv.compile(customerSchema(countries, locales)),
    order: ajv.compile(orderSchema()),
  };
}
