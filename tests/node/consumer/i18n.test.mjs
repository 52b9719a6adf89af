// Messages in the shopper's language, as the installed package ships them.
//
// Catalogue completeness: every shipped catalogue (locales/*.json) has a
// message for every violation code the wasm knows, each in the notation of the
// English templates and naming exactly the parameters the English template
// names (which are the code's declared parameters, Code::params, as
// locales/en.json records them). Then behaviour: the `locale` option on each
// call, the global setLocale(), English per message where a catalogue lacks a
// code, and the Standard Schema objects' `locale`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as vipmp from "vipmp";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("vipmp/package.json"));
const localesDir = join(packageDir, "locales");
const english = JSON.parse(readFileSync(join(localesDir, "en.json"), "utf8"));
const SHIPPED = ["de", "fr", "es", "it", "ja", "pt-BR", "nl"];
const MODIFIERS = ["", "lower", "quoted", "count", "offer"];

const catalogue = (locale) => JSON.parse(readFileSync(join(localesDir, `${locale}.json`), "utf8"));

/** The parameter names of a template (modifiers dropped), as a sorted set. */
function names(template) {
  return [...new Set([...template.matchAll(/\{([^}:]*)(?::([^}]*))?\}/g)].map((match) => match[1]))].sort();
}

/** Problems with a template's notation: nesting, stray brackets, unknown modifiers. */
function notationProblems(template) {
  const problems = [];
  let braces = 0;
  let brackets = 0;
  for (const ch of template) {
    if (ch === "{") braces += 1;
    if (ch === "}") braces -= 1;
    if (ch === "[") brackets += 1;
    if (ch === "]") brackets -= 1;
    if (ch === "|" && brackets !== 1) problems.push("| outside a section");
    if (braces < 0 || braces > 1 || brackets < 0 || brackets > 1) problems.push("nested or stray braces/brackets");
  }
  if (braces !== 0 || brackets !== 0) problems.push("unclosed placeholder or section");
  for (const match of template.matchAll(/\{[^}:]*(?::([^}]*))?\}/g)) {
    if (!MODIFIERS.includes(match[1] ?? "")) problems.push(`unknown modifier ${match[0]}`);
  }
  return problems;
}

test("the package ships exactly the catalogues it names", () => {
  const files = readdirSync(localesDir).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -5));
  assert.deepEqual(files.sort(), ["en", ...SHIPPED].sort());
});

test("en.json (generated from the registry) covers every code the wasm knows, with its parameters", () => {
  assert.deepEqual(Object.keys(english.messages).sort(), [...vipmp.violationCodes()].sort());
  for (const [code, template] of Object.entries(english.messages)) {
    const declared = english.params[code];
    assert.ok(Array.isArray(declared), code);
    for (const name of names(template)) assert.ok(name === "label" || declared.includes(name), `${code}: {${name}}`);
  }
});

for (const locale of SHIPPED) {
  test(`${locale}: a message for every code, naming the same parameters as English`, () => {
    const { messages, labels } = catalogue(locale);
    const problems = [];
    for (const code of vipmp.violationCodes()) {
      const template = messages[code];
      if (typeof template !== "string" || template.trim() === "") {
        problems.push(`${code}: missing`);
        continue;
      }
      const theirs = names(template);
      const ours = names(english.messages[code]);
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) problems.push(`${code}: {${theirs}} where English has {${ours}}`);
      for (const name of theirs) {
        if (name !== "label" && !english.params[code].includes(name)) problems.push(`${code}: {${name}} is not a parameter`);
      }
      for (const problem of notationProblems(template)) problems.push(`${code}: ${problem}`);
    }
    for (const code of Object.keys(messages)) if (!english.messages[code]) problems.push(`${code}: not a code`);
    for (const key of Object.keys(english.labels)) if (!labels?.[key]) problems.push(`label ${key}: missing`);
    assert.deepEqual(problems, []);
  });
}

test("the checks above fail on a catalogue that drops a code or renames a parameter", () => {
  const broken = structuredClone(catalogue("de").messages);
  delete broken["field.required"];
  broken["string.too_long"] = "{label} darf höchstens {maximum} Zeichen lang sein.";
  const missing = vipmp.violationCodes().filter((code) => typeof broken[code] !== "string");
  assert.deepEqual(missing, ["field.required"]);
  assert.notDeepEqual(names(broken["string.too_long"]), names(english.messages["string.too_long"]));
  assert.deepEqual(notationProblems("{label} [oops"), ["unclosed placeholder or section"]);
});

test("the locale option on a call, and English without one", () => {
  const german = vipmp.validateField("postalCode", "9511", { country: "US", locale: "de" });
  assert.equal(german.violations[0].message, "Postleitzahl 9511 entspricht nicht dem Format für Vereinigte Staaten, z. B. 95014 oder 22162-1010.");
  assert.equal(german.violations[0].code, "postal_code.invalid_format");
  const plain = vipmp.validateField("postalCode", "9511", { country: "US" });
  assert.match(plain.violations[0].message, /^Postal code 9511 does not match the format for United States/);
  assert.equal(vipmp.validateField("postalCode", "95014", { country: "US", locale: "de" }).valid, true);
});

test("Adobe's locale spelling and regional variants resolve to a catalogue", () => {
  const required = (locale) => vipmp.validateField("companyName", "", { locale }).violations[0].message;
  assert.equal(required("de_DE"), "Firmenname ist ein Pflichtfeld.");
  assert.equal(required("de-AT"), "Firmenname ist ein Pflichtfeld.");
  assert.equal(required("pt"), required("pt-BR"));
  assert.equal(required("en-GB"), "Company name is required.");
  assert.equal(required("sv"), "Company name is required.");
});

test("every validator takes the locale option, and labels, counts and quotes follow the locale", () => {
  const customer = vipmp.validateCustomer({ companyProfile: { companyName: "Acme", address: { addressLine1: 'Main "St"' }, contacts: [] } },
    { op: "create", locale: "de" });
  const messages = Object.fromEntries(customer.violations.map((v) => [v.path, v.message]));
  assert.equal(messages.resellerId, "Reseller-ID ist ein Pflichtfeld.");
  assert.equal(messages["companyProfile.contacts"], "Kontakte braucht mindestens 1 Kontakt.");
  assert.equal(messages["companyProfile.address.addressLine1"],
    'Adresszeile 1 darf ein doppeltes Anführungszeichen (") nicht enthalten; entfernen Sie es bitte.');
  const order = vipmp.validateOrder({ lineItems: [{ extLineItemNumber: 1, offerId: "x", quantity: 1.5 }] }, { locale: "fr" });
  assert.ok(order.violations.every((v) => !/ must /.test(v.message)), JSON.stringify(order.violations));
  const query = vipmp.validateOrderHistoryQuery("colour=red", { locale: "es" });
  assert.doesNotMatch(query.violations[0].message, /search parameter/);
  const basket = vipmp.checkBasket({ lines: [] }, { locale: "ja" });
  assert.ok(basket.violations.length > 0 && basket.violations.every((v) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(v.message)));
});

test("setLocale() once for every call; a code a catalogue lacks keeps its English message", async () => {
  try {
    assert.equal(await vipmp.setLocale("nl"), "nl");
    assert.equal(vipmp.getLocale(), "nl");
    assert.doesNotMatch(vipmp.validateField("email", "x").violations[0].message, /valid email/);
    assert.match(vipmp.validateField("email", "x", { locale: "en" }).violations[0].message, /not a valid email address/);
    await vipmp.loadLocale("xx", { messages: { "field.required": "{label}!!" }, labels: { companyName: "Firma" } });
    assert.equal(vipmp.validateField("companyName", "", { locale: "xx" }).violations[0].message, "Firma!!");
    assert.match(vipmp.validateField("email", "x", { locale: "xx" }).violations[0].message, /not a valid email address/);
  } finally {
    await vipmp.setLocale("en");
  }
});

test("the Standard Schema objects take the locale too", () => {
  const schema = vipmp.fieldSchema("postalCode", { country: "JP", locale: "ja" });
  const [issue] = schema["~standard"].validate("1").issues;
  assert.match(issue.message, /日本/);
  assert.deepEqual(issue.path, []);
});

test("a language without a catalogue is English, for loadLocale() as for a call", async () => {
  assert.equal(await vipmp.loadLocale("sv-SE"), "en");
  assert.equal(vipmp.resolveLocale, undefined, "resolution stays internal");
});

test("countries({ locale }) names every country in the shipped locales (Intl.DisplayNames)", () => {
  const english = vipmp.countries();
  assert.equal(english.find((c) => c.code === "DE").name, "Germany");
  const unitedStates = { de: "Vereinigte Staaten", fr: "États-Unis", es: "Estados Unidos", it: "Stati Uniti",
    ja: "アメリカ合衆国", "pt-BR": "Estados Unidos", nl: "Verenigde Staten" };
  for (const locale of SHIPPED) {
    const named = vipmp.countries({ locale });
    assert.deepEqual(named.map((c) => c.code), english.map((c) => c.code), locale);
    assert.ok(named.every((c) => typeof c.name === "string" && c.name !== "" && c.name !== c.code), locale);
    assert.equal(named.find((c) => c.code === "US").name, unitedStates[locale]);
  }
  assert.equal(vipmp.countries({ locale: "de" }).find((c) => c.code === "DE").name, "Deutschland");
  assert.equal(vipmp.countries({ locale: "ja" }).find((c) => c.code === "JP").name, "日本");
  assert.deepEqual(vipmp.countries({ locale: "en-GB" }), english);
});
