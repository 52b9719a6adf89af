// Region names ship beside the wasm, not in it (pkg/forms.json): regions() of the
// installed package, with no init call, answers what data/countries.json says,
// neither build of the module carries a region name, and the web door's init()
// options for the names behave as the README says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { regions } from "vipmp";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("vipmp/package.json"));
const data = JSON.parse(readFileSync(join(process.env.VIPMP_DATA, "countries.json"), "utf8"));

/** RegionInfo[] as the core builds it from a record of data/countries.json. */
const regionInfos = (country) => country.regions.map(({ code, name }) => (name === null ? { code } : { code, name }));

test("regions() answers the core's table, names included", () => {
  const canada = data.find((country) => country.code === "CA");
  assert.deepEqual(regions("CA"), regionInfos(canada));
  assert.deepEqual(regions("CA").find((r) => r.code === "QC"), { code: "QC", name: "Quebec" });
  assert.deepEqual(regions("CA").find((r) => r.code === "PQ"), { code: "PQ" });
  for (const country of data) assert.deepEqual(regions(country.code), regionInfos(country), country.code);
  assert.deepEqual(regions("ZZ"), []);
  assert.deepEqual(regions("__proto__"), []);
});

test("the wasm carries no region name; country names stay for messages", () => {
  const wasm = readFileSync(join(packageDir, "web/vipmp_bg.wasm"));
  assert.equal(wasm.indexOf("Newfoundland and Labrador"), -1);
  assert.equal(wasm.indexOf("Sant Julià de Lòria"), -1);
  assert.notEqual(wasm.indexOf("Bosnia and Herzegovina"), -1);
});

test("forms.json is exported for bundlers and tools", () => {
  const forms = require("vipmp/forms.json");
  assert.equal(forms.regions.CA.QC, "Quebec");
  assert.equal(forms.regions.CA.PQ, undefined);
});

test("the web door: names skipped, names failing, names given to initSync", async () => {
  const web = await import("vipmp/web");
  assert.throws(() => web.regions("CA"), /not loaded: await init\(\)/);
  const wasm = readFileSync(join(packageDir, "web/vipmp_bg.wasm"));
  await web.default({ module_or_path: wasm, forms: false });
  assert.equal(web.validateField("postalCode", "9511", { country: "US" }).valid, false);
  assert.throws(() => web.regions("CA"), /skipped/);
  await web.default({ forms: "http://127.0.0.1:1/forms.json" });
  assert.throws(() => web.regions("CA"), /did not load from http:\/\/127\.0\.0\.1:1\/forms\.json/);
  web.initSync({ module: wasm, forms: require("vipmp/forms.json") });
  assert.deepEqual(web.regions("CA").find((r) => r.code === "QC"), { code: "QC", name: "Quebec" });
});
