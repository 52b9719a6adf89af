// The same checks as ./ajv.mjs, as zod schemas (zod 4). Patterns are Adobe's
// published ones from ../patterns.mjs. zod's `.max(n)` counts UTF-16 units where
// vipmp and ajv count code points; no payload here has characters outside the BMP.
import { z } from "zod";
import * as p from "../patterns.mjs";
import { ORDER_TYPES } from "./ajv.mjs";

const text = (max) => z.string().max(max).regex(p.safeText);

export function customerSchema({ rules, supported }, locales) {
  const contact = z
    .object({
      firstName: z.string().regex(p.personName),
      lastName: z.string().regex(p.personName),
      email: z.string().max(p.EMAIL_MAX).regex(p.email),
      phoneNumber: text(40).optional(),
    })
    .strict();
  const address = z
    .object({
      country: z.enum(supported),
      region: z.string().max(255),
      city: text(40),
      addressLine1: text(60),
      addressLine2: text(60).optional(),
      postalCode: z.string().max(40),
      phoneNumber: text(40).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const rule = rules[value.country];
      if (!rule) return;
      if (rule.postal && !rule.postal.test(value.postalCode)) {
        ctx.addIssue({ code: "custom", path: ["postalCode"], message: "postal code format" });
      }
      if (!rule.regions.includes(value.region)) {
        ctx.addIssue({ code: "custom", path: ["region"], message: "unknown region" });
      }
    });
  return z
    .object({
      resellerId: z.string().regex(p.accountId),
      externalReferenceId: text(35).optional(),
      companyProfile: z
        .object({
          companyName: z.string().regex(p.companyName),
          preferredLanguage: z.enum(locales),
          marketSegment: z.enum(p.marketSegments).optional(),
          address,
          contacts: z.array(contact).min(1),
        })
        .strict(),
    })
    .strict();
}

export function orderSchema() {
  const line = z
    .object({
      extLineItemNumber: z.number().int().min(0).max(999999),
      offerId: z.string().regex(p.offerId),
      quantity: z.number().int().min(1).max(200000),
      currencyCode: z.string().regex(p.currencyCode).optional(),
      subscriptionId: z.string().regex(/^[A-Za-z0-9]{32}$/u).optional(),
      flexDiscountCodes: z.array(z.string()).max(1).optional(),
      deploymentId: z.string().optional(),
    })
    .strict();
  const lines = z
    .array(line)
    .min(1)
    .max(499)
    .superRefine((items, ctx) => {
      const seen = new Set();
      items.forEach((item, index) => {
        if (seen.has(item.extLineItemNumber)) {
          ctx.addIssue({ code: "custom", path: [index, "extLineItemNumber"], message: "duplicate line number" });
        }
        seen.add(item.extLineItemNumber);
      });
    });
  return z
    .object({
      orderType: z.enum(ORDER_TYPES),
      externalReferenceId: text(35).optional(),
      currencyCode: z.string().regex(p.currencyCode).optional(),
      referenceOrderId: z.string().regex(p.accountId).optional(),
      lineItems: lines,
    })
    .strict()
    .superRefine((order, ctx) => {
      if (order.currencyCode !== undefined) {
        order.lineItems.forEach((item, index) => {
          if (item.currencyCode !== undefined) {
            ctx.addIssue({ code: "custom", path: ["lineItems", index, "currencyCode"], message: "currency at both levels" });
          }
        });
      }
      if (order.orderType === "RETURN" && order.referenceOrderId === undefined) {
        ctx.addIssue({ code: "custom", path: ["referenceOrderId"], message: "required" });
      }
    });
}

/** `{ customer, order }`, each `(body) => { success, error }`. */
export function compile(countries, locales) {
  const customer = customerSchema(countries, locales);
  const order = orderSchema();
  return { customer: (body) => customer.safeParse(body), order: (body) => order.safeParse(body) };
}
