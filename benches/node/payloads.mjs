// The bodies the benchmarks validate: the spec's Create Customer example and a
// copy with three violations, Create Order bodies of 100 and 499 lines and one
// with four violations; and the adversarial field values.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function customers(fixtures) {
  const valid = JSON.parse(readFileSync(join(fixtures, "spec/requests/create-customer.json"), "utf8"));
  const invalid = structuredClone(valid);
  invalid.companyProfile.companyName = "Acme <Tools>";
  invalid.companyProfile.address.postalCode = "9511";
  invalid.companyProfile.contacts[0].email = "donald@duck";
  return { valid, invalid };
}

const OFFERS = ["65304479CA01A12", "80004567EA01A12", "65322651CA01A12", "30006208CA01A12"];

/** A NEW order of `count` lines, distinct line numbers, quantities 1–50. */
export function order(count) {
  return {
    orderType: "NEW",
    externalReferenceId: "759",
    currencyCode: "USD",
    lineItems: Array.from({ length: count }, (_, i) => ({
      extLineItemNumber: i + 1,
      offerId: OFFERS[i % OFFERS.length],
      quantity: 1 + (i % 50),
    })),
  };
}

/** 100 lines with four violations: currency "usd", an offer ID with a hyphen, quantity 0, a repeated line number. */
export function invalidOrder() {
  const body = order(100);
  body.currencyCode = "usd";
  body.lineItems[10].offerId = "65304479-CA01A12";
  body.lineItems[20].quantity = 0;
  body.lineItems[30].extLineItemNumber = 1;
  return body;
}

const KIB64 = 64 * 1024;

/** `unit` repeated to fill `size` characters less the tail, then `tail`. */
const fill = (unit, tail = "", size = KIB64) => unit.repeat(Math.floor((size - tail.length) / unit.length)) + tail;

/**
 * Adversarial values: long runs that almost match and fail at the end. Each row:
 * field (vipmp's validateField name), context, pattern key (in patterns.mjs or a
 * postal country), shape description, value.
 */
export function adversarial(countries) {
  const rows = [
    ["companyName", null, "companyName", "a×N + <", fill("a", "<")],
    ["companyName", null, "companyName", "'a '×N + <", fill("a ", "<")],
    ["companyName", null, "companyName", "（×N + !", fill("（", "!")],
    ["firstName", null, "personName", "a×N + <", fill("a", "<")],
    ["firstName", null, "personName", "'-'×N + /", fill("-", "/")],
    ["email", null, "email", "a×N (no @)", fill("a")],
    ["email", null, "email", "'a.'×N + !", fill("a.", "!")],
    ["email", null, "email", "a@ + 'a-'×N + !", "a@" + fill("a-", "!", KIB64 - 2)],
    ["email", null, "email", "a@[1.2.3.a: + \\×N (address literal)", "a@[1.2.3.a:" + fill("\\", "", KIB64 - 11)],
    ["email", null, "email", "same, 240 chars (within max length)", "a@[1.2.3.a:" + "\\".repeat(229)],
    ["email", null, "emailUnanchored", "a×N (no @), pattern as published (search)", fill("a")],
    ["email", null, "emailUnanchored", "'a.'×N + !, pattern as published (search)", fill("a.", "!")],
    ["city", null, "safeText", "a×N + <", fill("a", "<")],
    ["addressLine1", null, "safeText", "'[a]'×N + \"", fill("[a]", '"')],
    ["externalReferenceId", null, "safeText", "a×N + >", fill("a", ">")],
    ["resellerId", null, "accountId", "1×N + !", fill("1", "!")],
    ["resellerId", null, "accountId", "'a-'×N + _", fill("a-", "_")],
    ["offerId", null, "offerId", "A×N + -", fill("A", "-")],
    ["currencyCode", null, "currencyCode", "A×N", fill("A")],
  ];
  for (const [code, rule] of Object.entries(countries.rules)) {
    if (!rule.postal) continue;
    rows.push(["postalCode", { country: code }, `postal:${code}`, "9×N", fill("9")]);
    rows.push(["postalCode", { country: code }, `postal:${code}`, "'A1 '×N", fill("A1 ")]);
  }
  return rows.map(([field, context, pattern, shape, value]) => ({ field, context, pattern, shape, value }));
}
