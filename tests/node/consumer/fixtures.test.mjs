// The package as an ES module consumer imports it in Node: no init call, and the
// shared fixture suite gives the same verdicts as the Rust integration tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as api from "vipmp";
import { runAll } from "./runner.mjs";

const fixtureDir = process.env.VIPMP_FIXTURES;

function loadFixtures() {
  return readdirSync(fixtureDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(fixtureDir, name), "utf8"))]);
}

test("every shared fixture case gives the Rust verdict", () => {
  const { count, failures } = runAll(api, loadFixtures());
  assert.ok(count >= 300, `only ${count} cases`);
  assert.deepEqual(failures, []);
});

test("a valid customer validates with no init call", () => {
  const body = JSON.parse(readFileSync(join(fixtureDir, "spec/requests/create-customer.json"), "utf8"));
  assert.deepEqual(api.validateCustomer(body, { op: "create" }), { valid: true, violations: [] });
  assert.deepEqual(api.validateCustomerJson(JSON.stringify(body), { op: "create" }), { valid: true, violations: [] });
});

test("user input never throws; misuse does", () => {
  for (const body of [undefined, null, 42, "text", [], () => 1, 10n]) {
    const result = api.validateOrder(body);
    assert.equal(result.valid, false);
    assert.equal(result.violations[0].code, "type.invalid");
  }
  assert.equal(api.validateCustomerJson("{not json", { op: "create" }).violations[0].code, "type.invalid");
  assert.throws(() => api.validateCustomer({}, { op: "delete" }), /invalid options/);
  assert.throws(() => api.validateCustomer({}), /invalid options/);
  assert.throws(() => api.validateField("favouriteColour", "red"), /no field rule/);
});

test("violations carry path, code, params and message", () => {
  const result = api.validateField("postalCode", "9511", { country: "US" });
  assert.equal(result.valid, false);
  const [violation] = result.violations;
  assert.equal(violation.path, "postalCode");
  assert.equal(violation.code, "postal_code.invalid_format");
  assert.equal(violation.params.country, "United States");
  assert.match(violation.message, /^Postal code 9511 does not match the format for United States/);
});

test("lookups serve a form", () => {
  const countries = api.countries();
  const us = countries.find((c) => c.code === "US");
  assert.equal(us.supported, true);
  assert.equal(us.hasPostalCodes, true);
  assert.ok(us.postalExample);
  const jersey = countries.find((c) => c.code === "JE");
  assert.equal(jersey.supported, false);
  assert.equal(jersey.remediation, "Use country GB");
  assert.ok(api.regions("US").some((r) => r.code === "CA"));
  assert.deepEqual(api.regions("ZZ"), []);
  assert.equal(api.locales().length, 43);
  assert.ok(api.violationCodes().includes("text.not_normalized"));
});

test("order-history queries are normalised", () => {
  const result = api.validateOrderHistoryQuery({ status: ["1000", "1002"], limit: "500" });
  assert.equal(result.valid, true);
  assert.deepEqual(result.query.statuses, ["1000", "1002"]);
  assert.equal(result.query.limit, 100);
});
