// `vipmp/validate`, the entry point without pricing and requests, as a Node
// consumer imports it: its own smaller wasm must answer exactly as `vipmp`
// does (every fixture, whole answers, messages in two languages, the form
// data), open every export of `vipmp` but the commercial ones, and load
// without init through `import` and `require` alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as full from "vipmp";
import * as validate from "vipmp/validate";
import { call, needsBuilder } from "./runner.mjs";

const fixtureDir = process.env.VIPMP_FIXTURES;

/** What only `vipmp` has: what prices, builds requests or reads responses. */
const COMMERCE = [
  "Correlator", "PriceList", "basketSchema", "buildAddress", "buildRequest", "checkBasket", "classifyAccount",
  "describeError", "discountLevel", "loadPriceList", "parseOfferId", "parseResponse", "quote",
];

const names = (module) => Object.keys(module).filter((name) => name !== "default").sort();

/** Every fixture case that `vipmp/validate` can run (the rest go through buildAddress). */
function fixtureCases() {
  const cases = [];
  for (const name of readdirSync(fixtureDir).filter((file) => file.endsWith(".json")).sort()) {
    for (const testCase of JSON.parse(readFileSync(join(fixtureDir, name), "utf8"))) {
      cases.push([`${name}/${testCase.name}`, testCase]);
    }
  }
  return cases;
}

test("vipmp/validate opens every export of vipmp but the commercial ones", () => {
  const expected = names(full).filter((name) => !COMMERCE.includes(name));
  assert.deepEqual(names(validate), expected);
  for (const name of COMMERCE) assert.ok(name in full, `vipmp has ${name}`);
  assert.ok(expected.length > 35, `${expected.length} exports`);
});

test("every fixture case answers as vipmp does, message for message", () => {
  let compared = 0;
  for (const [name, testCase] of fixtureCases()) {
    if (needsBuilder(testCase)) continue;
    assert.deepEqual(call(validate, testCase), call(full, testCase), name);
    compared += 1;
  }
  assert.ok(compared >= 300, `only ${compared} cases compared`);
});

test("messages in another language, schemas and forms answer as vipmp's", () => {
  const customer = JSON.parse(readFileSync(join(fixtureDir, "spec/requests/create-customer.json"), "utf8"));
  customer.companyProfile.companyName = "Acme <Tools>";
  customer.companyProfile.address.postalCode = "9511";
  for (const locale of ["de", "ja"]) {
    const options = { op: "create", locale };
    assert.deepEqual(validate.validateCustomer(customer, options), full.validateCustomer(customer, options), locale);
  }
  const form = { fields: { zip: "postalCode", company: "companyName" } };
  const values = { country: "CA", zip: "12345", company: "Acme <Tools>" };
  assert.deepEqual(
    validate.formSchema(form)["~standard"].validate(values),
    full.formSchema(form)["~standard"].validate(values),
  );
  assert.deepEqual(validate.countries({ locale: "fr" }), full.countries({ locale: "fr" }));
  assert.deepEqual(validate.regions("CA"), full.regions("CA"));
  assert.deepEqual(validate.locales(), full.locales());
  assert.deepEqual(validate.violationCodes(), full.violationCodes());
  assert.deepEqual(validate.validateOrderHistoryQuery("status=1000&limit=500"), full.validateOrderHistoryQuery("status=1000&limit=500"));
});

test("require('vipmp/validate') opens the same module as its import", () => {
  const required = createRequire(import.meta.url)("vipmp/validate");
  assert.deepEqual(Object.keys(required).sort(), names(validate));
  assert.equal(required.validateField, validate.validateField);
  assert.equal(required.validateField("postalCode", "K1A 0B1", { country: "CA" }).valid, true);
});

test("vipmp/validate has a module of its own, smaller than vipmp's", () => {
  const require = createRequire(import.meta.url);
  const root = join(require.resolve("vipmp/package.json"), "..");
  const bytes = (dir) => readFileSync(join(root, dir, "vipmp_bg.wasm")).length;
  assert.ok(bytes("validate-web") < bytes("web") * 0.75, `${bytes("validate-web")} against ${bytes("web")} bytes`);
});
