// Measures the npm package in Node, run by scripts/bench-package (which builds
// the package with the `boundary-bench` feature into target/pkg-bench):
// 1. module size and instantiate time (median of fresh processes), with budgets;
// 2. validateCustomer throughput for each way across the boundary;
// 3. vipmp against ajv (+ajv-formats, allErrors) and zod on the same checks,
//    after checking that all three agree on which bodies are valid;
// 4. adversarial 64 KiB field values: vipmp's validateField against the JS
//    RegExp of Adobe's published pattern, each JS call in a Worker with a timeout.
// Prints markdown tables and writes target/bench/node.json.
// VIPMP_BENCH_QUICK=1 runs a short version of everything (CI).
//
// usage: node benches/node/package-bench.mjs <pkg dir> <tests/fixtures dir> [json out]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { Bench } from "tinybench";
import * as patterns from "./patterns.mjs";
import * as payloads from "./payloads.mjs";
import * as ajvSchemas from "./schemas/ajv.mjs";
import * as zodSchemas from "./schemas/zod.mjs";

const pkg = resolve(process.argv[2]);
const fixtures = resolve(process.argv[3]);
const root = resolve(fixtures, "../..");
const jsonOut = resolve(process.argv[4] ?? join(root, "target/bench/node.json"));
// The build users get (without the boundary-bench feature): size and instantiate time.
const shipped = resolve(process.argv[5] ?? pkg);
const quick = process.env.VIPMP_BENCH_QUICK === "1";
const require = createRequire(import.meta.url);

const GZIP_BUDGET = 153600;
const INSTANTIATE_BUDGET_MS = 20;
const COLD_START_BUDGET_MS = 10;
const settings = quick
  ? { instantiateRuns: 5, boundaryMs: 100, benchTime: 100, warmupTime: 20, reps: 3, timeoutMs: 1000 }
  : { instantiateRuns: 20, boundaryMs: 1000, benchTime: 1000, warmupTime: 200, reps: 5, timeoutMs: 10000 };
const results = { mode: quick ? "quick" : "full", node: process.version, settings };

/** The shipped module of an entry point: `web` (vipmp) or `validate-web` (vipmp/validate). */
function sizes(web = "web") {
  const file = join(shipped, web, "vipmp_bg.wasm");
  return { raw: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Each run is a fresh Node process that times `require` of the shipped node build. */
function instantiateMs(runs) {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(join(shipped, "node/vipmp.js"))});` +
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

/**
 * Cold start: each run is a fresh Node process that `import`s the package (ESM,
 * which instantiates the wasm) and gets its first verdict, a postal code as a
 * form checks it; the time from before the import to the verdict.
 */
function coldStartMs(runs, door = "node") {
  const entry = JSON.stringify(pathToFileURL(join(shipped, door, "vipmp.js")).href);
  const script = `const t=performance.now();const m=await import(${entry});` +
    `const r=m.validateField("postalCode","K1A 0B1",{country:"CA"});` +
    `if(!r.valid)throw new Error("unexpected verdict");console.log(performance.now()-t)`;
  return median(Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ["--input-type=module", "-e", script]))));
}

function table(header, rows) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  console.log(lines.join("\n"));
}

const fail = (message) => {
  console.error(`\nFAILED: ${message}`);
  process.exit(1);
};

const api = require(join(pkg, "node/vipmp.js"));
const customerOptions = { op: "create" };

// ---- 1. size and instantiate -------------------------------------------------
{
  const { raw, gzip } = sizes();
  const instantiate = instantiateMs(settings.instantiateRuns);
  results.size = { raw, gzip, gzipBudget: GZIP_BUDGET, gzipOk: gzip <= GZIP_BUDGET };
  results.instantiate = {
    ms: instantiate, runs: settings.instantiateRuns, budgetMs: INSTANTIATE_BUDGET_MS, ok: instantiate <= INSTANTIATE_BUDGET_MS,
  };
  console.log(`wasm (${shipped === pkg ? "the benchmark build" : "the shipped build"}): ${raw} bytes raw, ${gzip} bytes gzip -9`);
  console.log(`wasm gzip: ${gzip} bytes (budget ${GZIP_BUDGET} B: ${gzip <= GZIP_BUDGET ? "ok" : "OVER"})`);
  console.log(`instantiate (require of the node build, median of ${settings.instantiateRuns} fresh processes): ${instantiate.toFixed(1)} ms`);
  console.log(`instantiate: ${instantiate.toFixed(1)} ms (budget ${INSTANTIATE_BUDGET_MS} ms: ${instantiate <= INSTANTIATE_BUDGET_MS ? "ok" : "OVER"})`);
  const cold = coldStartMs(settings.instantiateRuns);
  results.coldStart = { ms: cold, runs: settings.instantiateRuns, budgetMs: COLD_START_BUDGET_MS, ok: cold <= COLD_START_BUDGET_MS };
  console.log(`cold start (fresh process: import, instantiate, first verdict; median of ${settings.instantiateRuns}): ${cold.toFixed(1)} ms (budget ${COLD_START_BUDGET_MS} ms: ${cold <= COLD_START_BUDGET_MS ? "ok" : "OVER"})`);
  // vipmp/validate: the validators without pricing and requests, a module of its own.
  const validate = sizes("validate-web");
  const validateCold = coldStartMs(settings.instantiateRuns, "validate-node");
  results.validateEntry = { ...validate, gzipOk: validate.gzip <= GZIP_BUDGET, coldStartMs: validateCold };
  console.log(`vipmp/validate's wasm: ${validate.raw} bytes raw, ${validate.gzip} bytes gzip -9 (budget ${GZIP_BUDGET} B: ${validate.gzip <= GZIP_BUDGET ? "ok" : "OVER"}); cold start ${validateCold.toFixed(1)} ms`);
}

// ---- 2. the ways across the boundary -------------------------------------------
const customer = payloads.customers(fixtures);
{
  for (const body of [customer.valid, customer.invalid]) {
    const expected = JSON.stringify(api.validateCustomer(body, customerOptions));
    if (JSON.stringify(api.validateCustomerWalked(body, customerOptions)) !== expected) fail("validateCustomerWalked disagrees with validateCustomer");
    if (JSON.stringify(api.validateCustomerJson(JSON.stringify(body), customerOptions)) !== expected) fail("validateCustomerJson disagrees with validateCustomer");
  }
  const ways = {
    "JS object → packed by door.js (validateCustomer)": (body) => () => api.validateCustomer(body, customerOptions),
    "JS object → serde-wasm-bindgen walk (validateCustomerWalked)": (body) => () => api.validateCustomerWalked(body, customerOptions),
    "JSON text from JS (validateCustomerJson(JSON.stringify(body)))": (body) => () => api.validateCustomerJson(JSON.stringify(body), customerOptions),
  };
  console.log("\nvalidateCustomer throughput (ops/s)");
  const rows = [];
  results.boundary = [];
  for (const [name, make] of Object.entries(ways)) {
    const valid = opsPerSecond(make(customer.valid), settings.boundaryMs);
    const invalid = opsPerSecond(make(customer.invalid), settings.boundaryMs);
    results.boundary.push({ way: name, validOps: valid, invalidOps: invalid });
    rows.push([name, valid, invalid]);
  }
  table(["way across the boundary", "valid body", "invalid body (3 violations)"], rows);
}

// ---- 3. vipmp vs ajv vs zod ----------------------------------------------------
const countries = patterns.loadCountries(join(root, "data"));
const locales = JSON.parse(readFileSync(join(root, "data/locales.json"), "utf8"));
const ajv = ajvSchemas.compile(countries, locales);
const zod = zodSchemas.compile(countries, locales);
{
  const cases = [
    { name: "customer, valid", kind: "customer", body: customer.valid, valid: true },
    { name: "customer, invalid (3 violations)", kind: "customer", body: customer.invalid, valid: false },
    { name: "order, 100 lines, valid", kind: "order", body: payloads.order(100), valid: true },
    { name: "order, 499 lines, valid", kind: "order", body: payloads.order(499), valid: true },
    { name: "order, 100 lines, invalid (4 violations)", kind: "order", body: payloads.invalidOrder(), valid: false },
  ];
  // Each contender: a function of (case, pre-stringified JSON) answering { valid, count }.
  const contenders = {
    "vipmp object": (c) => {
      const r = c.kind === "customer" ? api.validateCustomer(c.body, customerOptions) : api.validateOrder(c.body);
      return { valid: r.valid, count: r.violations.length };
    },
    "vipmp JSON.stringify + *Json": (c) => {
      const text = JSON.stringify(c.body);
      const r = c.kind === "customer" ? api.validateCustomerJson(text, customerOptions) : api.validateOrderJson(text);
      return { valid: r.valid, count: r.violations.length };
    },
    "vipmp *Json (text already held)": (c, text) => {
      const r = c.kind === "customer" ? api.validateCustomerJson(text, customerOptions) : api.validateOrderJson(text);
      return { valid: r.valid, count: r.violations.length };
    },
    "vipmp walked (serde-wasm-bindgen)": (c) => {
      if (c.kind !== "customer") return null; // only validateCustomer has a walked variant
      const r = api.validateCustomerWalked(c.body, customerOptions);
      return { valid: r.valid, count: r.violations.length };
    },
    "ajv (allErrors)": (c) => {
      const validate = ajv[c.kind];
      const valid = validate(c.body);
      return { valid, count: valid ? 0 : validate.errors.length };
    },
    zod: (c) => {
      const r = zod[c.kind](c.body);
      return { valid: r.success, count: r.success ? 0 : r.error.issues.length };
    },
  };
  const names = Object.keys(contenders);
  const FLOOR = "JSON.stringify alone (floor of the text way)";

  // Agreement first: a benchmark of validators that disagree measures nothing.
  console.log("\nAgreement (valid? / number of findings reported)");
  const agreeRows = [];
  results.agreement = [];
  for (const c of cases) {
    const text = JSON.stringify(c.body);
    const row = [c.name];
    const entry = { case: c.name, expectedValid: c.valid, contenders: {} };
    for (const name of names) {
      const answer = contenders[name](c, text);
      if (answer === null) {
        row.push("—");
        continue;
      }
      entry.contenders[name] = answer;
      row.push(`${answer.valid ? "valid" : "invalid"} / ${answer.count}`);
      if (answer.valid !== c.valid) {
        const details = name === "ajv (allErrors)" ? JSON.stringify(ajv[c.kind].errors)
          : name === "zod" ? JSON.stringify(zod[c.kind](c.body).error?.issues) : "";
        fail(`${name} says ${answer.valid ? "valid" : "invalid"} for "${c.name}", expected ${c.valid ? "valid" : "invalid"} ${details}`);
      }
    }
    agreeRows.push(row);
    results.agreement.push(entry);
  }
  table(["body", ...names], agreeRows);

  console.log(`\nThroughput, ops/s (tinybench, ${settings.benchTime} ms per task; ± relative margin of error)`);
  const rows = [];
  results.throughput = [];
  for (const c of cases) {
    const text = JSON.stringify(c.body);
    const bench = new Bench({ time: settings.benchTime, warmupTime: settings.warmupTime, throws: true });
    for (const name of names) {
      if (contenders[name](c, text) === null) continue;
      bench.add(name, () => contenders[name](c, text));
    }
    // Not a validator: what crossing as JSON text costs before any check runs:
    // the floor of the "vipmp JSON.stringify + *Json" column (the "vipmp
    // object" column crosses packed, without it).
    bench.add(FLOOR, () => JSON.stringify(c.body));
    await bench.run();
    const row = [c.name];
    const entry = { case: c.name, opsPerSecond: {} };
    for (const name of [...names, FLOOR]) {
      const task = bench.tasks.find((t) => t.name === name);
      if (!task) {
        row.push("—");
        continue;
      }
      const stats = task.result.throughput;
      entry.opsPerSecond[name] = { mean: Math.round(stats.mean), rme: Number(stats.rme.toFixed(2)), samples: task.runs };
      row.push(`${Math.round(stats.mean).toLocaleString("en-US")} ±${stats.rme.toFixed(1)}%`);
    }
    rows.push(row);
    results.throughput.push(entry);
  }
  table(["body", ...names, FLOOR], rows);
}

// ---- 4. adversarial field values -----------------------------------------------
/** One `.test` per call in a Worker; answers `{ ms }` (median) or `{ timedOut: true }`. */
function timeRegexInWorker(regex, value, reps, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL("./regex-worker.mjs", import.meta.url), {
      workerData: { source: regex.source, flags: regex.flags, value },
    });
    const times = [];
    let matched;
    let timer;
    const finish = (answer) => {
      clearTimeout(timer);
      worker.terminate().then(() => resolvePromise(answer), reject);
    };
    const ask = () => {
      timer = setTimeout(() => finish({ timedOut: true, completed: times.length }), timeoutMs);
      worker.postMessage("test");
    };
    worker.on("message", (message) => {
      if (message.ready) return ask();
      clearTimeout(timer);
      times.push(message.ms);
      matched = message.matched;
      if (times.length < reps) ask();
      else finish({ ms: median(times), matched });
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function vipmpField(row, reps) {
  const times = [];
  // Not timed: the first call with a value this long grows the module's
  // buffers, flattens the string and compiles the functions it meets (once
  // per process, a few ms for a 196 KB UTF-8 value); the rows measure what
  // each further call costs.
  let answer = api.validateField(row.field, row.value, row.context ?? undefined);
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    answer = api.validateField(row.field, row.value, row.context ?? undefined);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), valid: answer.valid, codes: answer.violations.map((v) => v.code) };
}

function regexFor(key) {
  if (key.startsWith("postal:")) return countries.rules[key.slice("postal:".length)].postal;
  const regex = patterns[key];
  if (!(regex instanceof RegExp)) fail(`no pattern ${key}`);
  return regex;
}

{
  const ms = (value) => (value < 0.01 ? value.toFixed(4) : value < 10 ? value.toFixed(3) : value.toFixed(1));
  const rows = [];
  results.adversarial = { reps: settings.reps, timeoutMs: settings.timeoutMs, rows: [] };
  for (const row of payloads.adversarial(countries)) {
    const regex = regexFor(row.pattern);
    const ours = vipmpField(row, settings.reps);
    if (ours.valid) fail(`vipmp accepts the adversarial ${row.field} value "${row.shape}"`);
    const theirs = await timeRegexInWorker(regex, row.value, settings.reps, settings.timeoutMs);
    if (theirs.matched) fail(`the JS pattern ${row.pattern} matches the adversarial value "${row.shape}"`);
    const field = row.context ? `${row.field} (${row.context.country})` : row.field;
    const jsCell = theirs.timedOut ? `> ${settings.timeoutMs / 1000} s (timeout)` : ms(theirs.ms);
    rows.push([field, row.shape, [...row.value].length, `${ms(ours.ms)} (${ours.codes.join(", ")})`, jsCell]);
    results.adversarial.rows.push({
      field: row.field, context: row.context, pattern: row.pattern, regex: `/${regex.source}/${regex.flags}`, shape: row.shape,
      length: [...row.value].length, vipmpMs: ours.ms, vipmpCodes: ours.codes,
      jsMs: theirs.timedOut ? null : theirs.ms, jsTimedOut: Boolean(theirs.timedOut),
    });
  }
  console.log(`\nAdversarial values: after one untimed call, median of ${settings.reps} calls, ms (JS timeout ${settings.timeoutMs / 1000} s per call)`);
  table(["field", "value shape", "chars", "vipmp validateField (codes)", "JS RegExp.test (Adobe pattern, u)"], rows);
}

mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${jsonOut}`);
