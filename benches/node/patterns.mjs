// Adobe's published regular expressions (FACTS.md §2.1–2.2, /work/shared/spec), as
// JavaScript `RegExp`s with the `u` flag, for the ajv and zod schemas and for the
// adversarial timings. Every pattern is anchored `^(?:…)$` because Java validates
// with `matches()` (full match); a JS `.test` is a search.
//
// Java → JS conversions (the `u` flag refuses identity escapes of non-syntax
// characters and a `-` next to a class escape):
// - `\'`, `\"`, `\_` inside a class → `'`, `"`, `_` (plain characters, same set);
// - NAME: `\p{N}-_` (Java: literal `-`) is written `\-`, as Adobe's NAME_REGEX does;
// - XSS `[^<>[\"]]`: Java 9+ reads a nested class union, "anything but < > \"";
//   in JS it would be `[^<>[\"]` followed by a stray `]` → `[^<>"]`;
// - U+3000 IDEOGRAPHIC SPACE is written `\u3000` so it stays visible;
// - `\d` is ASCII in both Java and JS (no change); `{m,n}` counts code points in
//   Java and in a `u` RegExp (no change);
// - `\p{Alnum}` (Java POSIX, ASCII) → `[A-Za-z0-9]`.
// Postal patterns come from the repository's data/countries.json (Adobe's sandbox
// portal patterns, Java syntax) and go through `javaToJs` below.
import { readFileSync } from "node:fs";

/** `^(?:source)$` with the `u` flag. */
const full = (source) => new RegExp(`^(?:${source})$`, "u");

/** COMPANY_NAME_REGEX's class (with U+3000), and the table's 4–80 length. */
export const companyName = full(String.raw`[\p{L}\p{N}_ \u3000,.＆&・'()（）"\/-]{4,80}`);

/** NAME_REGEX (firstName, lastName). */
export const personName = full(String.raw`[\p{L}\p{N}\-_ \u3000,.＆&'"]{1,35}`);

/** EMAIL_REGEX (emailregex.com's RFC 5322 pattern), unescaped from the Java string. */
const emailSource = String.raw`(?:[a-zA-Z0-9!#$%&'*+/=?^_${"`"}{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_${"`"}{|}~-]+)*|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])`;
export const email = full(emailSource);
/** EMAIL_REGEX exactly as published: unanchored, so `.test` searches (Java `find()`). */
export const emailUnanchored = new RegExp(emailSource, "u");
export const EMAIL_MAX = 240;

/** XSS_REGEX, used by Adobe's OpenAPI for city, address lines, phone, externalReferenceId. */
export const safeText = full(String.raw`[^<>"]*`);

/** ACCOUNT_ID_REGEX (resellerId, customerId, …). */
export const accountId = full(String.raw`[\p{L}\d\-]{4,40}`);

/** Offer IDs: Adobe publishes no pattern; vipmp's rule, ASCII alphanumerics up to 40 (`\p{Alnum}` style). */
export const offerId = full(String.raw`[A-Za-z0-9]{1,40}`);

/** Order.currencyCode. */
export const currencyCode = full(String.raw`[A-Z]{3}`);

/** CompanyProfile.marketSegment `COM|EDU|GOV`, full match. */
export const marketSegments = ["COM", "EDU", "GOV"];

/**
 * A Java pattern from the portal table as a JS source. They only use `\d`, `[…]`,
 * groups, `??`, `{m,n}` and one look-ahead, all of which mean the same in JS; the
 * only change is the full-match anchoring (some alternations, AU's, are not
 * grouped, so a bare `^a|b$` would be wrong in both engines as a full match).
 */
export function javaToJs(pattern) {
  return new RegExp(`^(?:${pattern})$`, "u");
}

/** Countries the schemas check postal codes and regions for. */
export const COUNTRIES = ["US", "CA", "GB", "DE", "FR", "JP", "NL", "AU"];

/** `{ code → { postal: RegExp|null, regions: string[] } }` for COUNTRIES, plus every supported code. */
export function loadCountries(dataDir) {
  const all = JSON.parse(readFileSync(`${dataDir}/countries.json`, "utf8"));
  const rules = {};
  for (const country of all.filter((c) => COUNTRIES.includes(c.code))) {
    rules[country.code] = {
      postal: country.postalPattern ? javaToJs(country.postalPattern) : null,
      postalJava: country.postalPattern,
      regions: country.regions.map((r) => r.code),
    };
  }
  return { rules, supported: all.filter((c) => c.supported).map((c) => c.code) };
}
