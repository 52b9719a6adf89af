// The package as a CommonJS consumer requires it in Node: same functions, no init.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const vipmp = require("vipmp");

test("require('vipmp') works without init", () => {
  const result = vipmp.validateField("companyName", "Acme <Tools>");
  assert.equal(result.valid, false);
  assert.equal(result.violations[0].code, "text.invalid_character");
  assert.equal(typeof vipmp.validateCustomer, "function");
  assert.deepEqual(vipmp.regions("CA").find((r) => r.code === "NL"), { code: "NL", name: "Newfoundland and Labrador" });
});

test("the ESM and CommonJS doors open the same functions", async () => {
  const esm = await import("vipmp");
  assert.deepEqual(Object.keys(esm).filter((k) => k !== "default").sort(), Object.keys(vipmp).sort());
});

test("the Node door, bundled into one module, opens every export of the web door", async () => {
  const web = await import("vipmp/web");
  const webNames = Object.keys(web).filter((name) => name !== "default").sort();
  assert.deepEqual(Object.keys(vipmp).sort(), webNames);
  assert.ok(webNames.length > 40, `${webNames.length} exports`);
});
