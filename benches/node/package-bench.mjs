// Measures the npm package in Node: module size, instantiate time (median of 20
// fresh processes) and validateCustomer throughput for the ways across the
// boundary. Run by scripts/bench-package, which builds the package with the
// `boundary-bench` feature into target/pkg-bench.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join } from "node:path";

const pkg = process.argv[2];
const fixtures = process.argv[3];
const quick = process.env.VIPMP_BENCH_QUICK === "1";
const require = createRequire(import.meta.url);

function sizes() {
  const wasm = readFileSync(join(pkg, "web/vipmp_bg.wasm"));
  return { raw: statSync(join(pkg, "web/vipmp_bg.wasm")).size, gzip: gzipSync(wasm, { level: 9 }).length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Each run is a fresh Node process that times `require` of the node build. */
function instantiateMs(runs) {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(join(pkg, "node/vipmp.js"))});` +
    `console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  return median(Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ["-e", script]))));
}

/** Calls `fn` repeatedly for about `ms` milliseconds; answers calls per second. */
function opsPerSecond(fn, ms) {
  for (let i = 0; i < 200; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 50; i++) fn();
    calls += 50;
  }
  return Math.round(calls / (Number(process.hrtime.bigint() - start) / 1e9));
}

const api = require(join(pkg, "node/vipmp.js"));
const valid = JSON.parse(readFileSync(join(fixtures, "spec/requests/create-customer.json"), "utf8"));
const invalid = structuredClone(valid);
invalid.companyProfile.companyName = "Acme <Tools>";
invalid.companyProfile.address.postalCode = "9511";
invalid.companyProfile.contacts[0].email = "donald@duck";
const options = { op: "create" };
for (const body of [valid, invalid]) {
  const expected = JSON.stringify(api.validateCustomer(body, options));
  if (JSON.stringify(api.validateCustomerWalked(body, options)) !== expected) throw new Error("ways disagree");
  if (JSON.stringify(api.validateCustomerJson(JSON.stringify(body), options)) !== expected) throw new Error("ways disagree");
}

const ms = quick ? 100 : 1000;
const ways = {
  "JS object → JSON.stringify in Rust (validateCustomer)": (body) => () => api.validateCustomer(body, options),
  "JS object → serde-wasm-bindgen walk (validateCustomerWalked)": (body) => () => api.validateCustomerWalked(body, options),
  "JSON text from JS (validateCustomerJson(JSON.stringify(body)))": (body) => () => api.validateCustomerJson(JSON.stringify(body), options),
};
const { raw, gzip } = sizes();
console.log(`wasm: ${raw} bytes raw, ${gzip} bytes gzip -9`);
console.log(`instantiate (require of the node build, median of ${quick ? 5 : 20} fresh processes): ${instantiateMs(quick ? 5 : 20).toFixed(1)} ms`);
console.log("\nvalidateCustomer throughput (ops/s)");
console.log("| way across the boundary | valid body | invalid body (3 violations) |\n|---|---|---|");
for (const [name, make] of Object.entries(ways)) {
  console.log(`| ${name} | ${opsPerSecond(make(valid), ms)} | ${opsPerSecond(make(invalid), ms)} |`);
}
