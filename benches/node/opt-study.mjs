// One row of scripts/opt-study: the size of a package build and how fast its
// validators run in Node on the benchmark's bodies (valid and invalid
// customer, orders of 100 and 499 lines). Prints a markdown table row.
//
// usage: node benches/node/opt-study.mjs <pkg dir> <tests/fixtures dir> <variant name>
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import * as payloads from "./payloads.mjs";

const [pkgDir, fixturesDir, name] = process.argv.slice(2);
const pkg = resolve(pkgDir);
const require = createRequire(import.meta.url);
const api = require(join(pkg, "node/vipmp.js"));
const wasm = readFileSync(join(pkg, "web/vipmp_bg.wasm"));
const quick = process.env.VIPMP_BENCH_QUICK === "1";
const ms = quick ? 100 : 1000;

/** Calls `fn` for about `ms` milliseconds after a warm-up; answers calls per second. */
function opsPerSecond(fn) {
  for (let i = 0; i < 200; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 10; i++) fn();
    calls += 10;
  }
  return Math.round(calls / (Number(process.hrtime.bigint() - start) / 1e9));
}

const { valid, invalid } = payloads.customers(resolve(fixturesDir));
const options = { op: "create" };
const rows = [
  () => api.validateCustomer(valid, options),
  () => api.validateCustomer(invalid, options),
  ((body) => () => api.validateOrder(body))(payloads.order(100)),
  ((body) => () => api.validateOrder(body))(payloads.order(499)),
  ((body) => () => api.validateOrder(body))(payloads.invalidOrder()),
];
const numbers = rows.map((fn) => opsPerSecond(fn).toLocaleString("en-US"));
const size = (bytes) => bytes.toLocaleString("en-US");
console.log(`| ${name} | ${size(wasm.length)} | ${size(gzipSync(wasm, { level: 9 }).length)} | ${numbers.join(" | ")} |`);
