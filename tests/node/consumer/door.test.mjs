// The package's body validators cross the boundary through door.js (JSON text
// written into buffers the wasm owns) instead of wasm-bindgen's own string
// passing. Both are in the package: the door must answer exactly what
// wasm-bindgen's functions answer, for every fixture and for the bodies that
// stress the buffers (growth, memory growth between calls, non-ASCII text,
// lone surrogates, what JSON cannot express, options of the wrong shape).
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as api from "vipmp/web";
import { call } from "./runner.mjs";

// wasm-bindgen's output behind the web door (a file path, past the exports
// map): one module instance with it, instantiated here. The Node door is one
// bundled file holding its own copy of the same modules; fixtures.test.mjs and
// require.test.cjs test its answers.
import * as bindgen from "./node_modules/vipmp/web/vipmp_bg.js";
api.initSync({ module: readFileSync(new URL("./node_modules/vipmp/web/vipmp_bg.wasm", import.meta.url)) });
const fixtureDir = process.env.VIPMP_FIXTURES;

const VALIDATORS = [
  "validateReseller", "validateCustomer", "validateOrder", "validateOrderUpdate",
  "validateSubscriptionUpdate", "validateTransfer",
];

/** The answer or the thrown message, so that both sides compare as data. */
function outcome(fn) {
  try {
    return { answer: fn() };
  } catch (error) {
    return { thrown: String(error.message) };
  }
}

function same(name, body, options) {
  const viaDoor = outcome(() => api[name](body, options));
  const viaBindgen = outcome(() => bindgen[name](body, options));
  assert.deepEqual(viaDoor, viaBindgen, `${name}(${inspect(body).slice(0, 80)}, ${inspect(options)})`);
}

test("the door is in use: the package's validators are not wasm-bindgen's", () => {
  assert.notEqual(api.validateCustomer, bindgen.validateCustomer);
  assert.notEqual(api.validateOrderJson, bindgen.validateOrderJson);
});

test("every fixture case gives the same answer through both ways, message for message", () => {
  let count = 0;
  for (const name of readdirSync(fixtureDir).filter((file) => file.endsWith(".json"))) {
    for (const testCase of JSON.parse(readFileSync(join(fixtureDir, name), "utf8"))) {
      assert.deepEqual(outcome(() => call(api, testCase)), outcome(() => call(bindgen, testCase)), `${name}: ${testCase.name}`);
      count += 1;
    }
  }
  assert.ok(count >= 300, `only ${count} cases`);
});

test("bodies that grow the buffers and the memory between calls", () => {
  const big = { companyProfile: { companyName: "x".repeat(300_000) } };
  const lines = Array.from({ length: 2_000 }, (_, i) => ({ extLineItemNumber: i + 1, offerId: "65304520CA01A12", quantity: 1 }));
  for (let round = 0; round < 3; round++) {
    same("validateCustomer", { companyProfile: { companyName: "small" } }, { op: "create" });
    same("validateCustomer", big, { op: "update" });
    same("validateOrder", { orderType: "NEW", lineItems: lines });
    // Grow the wasm memory outside the door (wasm-bindgen's own copy of a
    // larger text each round), then call the door again.
    const before = bindgen.__vipmpMemory().buffer;
    for (let size = 1 << 20; bindgen.__vipmpMemory().buffer === before && size <= 1 << 27; size *= 2) {
      bindgen.validateCustomerJson(JSON.stringify({ companyProfile: { companyName: "y".repeat(size) } }), { op: "create" });
    }
    assert.notEqual(bindgen.__vipmpMemory().buffer, before, "the memory grew");
    same("validateOrder", { orderType: "NEW", lineItems: lines.slice(0, 3) });
  }
});

test("text the way JavaScript holds it: non-ASCII, lone surrogates, escapes", () => {
  for (const companyName of ["Müller & Söhne GmbH", "株式会社テスト", "emoji 🎉 co", "lone \ud800 lead", "lone \udc00 trail", "quote \" back \\ nl \n", "\u0000"]) {
    same("validateCustomer", { companyProfile: { companyName } }, { op: "create" });
  }
  for (const json of ['{"companyProfile":{"companyName":"\\ud800"}}', "{not json", "", "   ", '"text"', "[1,2", "\u00e9"]) {
    const viaDoor = outcome(() => api.validateCustomerJson(json, { op: "create" }));
    const viaBindgen = outcome(() => bindgen.validateCustomerJson(json, { op: "create" }));
    assert.deepEqual(viaDoor, viaBindgen, JSON.stringify(json));
  }
});

test("an answer whose text starts with a byte-order mark keeps it", () => {
  // The violations cross as one text; a decoder that drops a leading U+FEFF
  // would shift every piece after it.
  const key = "\ufeffx";
  for (const name of ["validateReseller", "validateCustomer"]) {
    same(name, { [key]: 1 }, { op: "create" });
    const viaDoor = outcome(() => api[`${name}`]({ [key]: 1 }, { op: "create" }));
    assert.equal(viaDoor.answer.violations[0].path, key);
  }
  same("validateOrder", { [key]: 1, lineItems: [{ [key]: "\ufeff" }] });
  const json = JSON.stringify({ [key]: 1 });
  assert.deepEqual(outcome(() => api.validateCustomerJson(json, { op: "create" })), outcome(() => bindgen.validateCustomerJson(json, { op: "create" })));
  for (const value of ["\ufeff", "\ufeff12345", "\ufeff<b>"]) {
    for (const field of ["companyName", "postalCode", "email"]) {
      assert.deepEqual(outcome(() => api.validateField(field, value, { country: "US" })), outcome(() => bindgen.validateField(field, value, { country: "US" })), `${field} ${JSON.stringify(value)}`);
    }
  }
});

test("lines of one shape cross as a table; a line that breaks the shape, anywhere, as a list", () => {
  const line = (n) => ({ extLineItemNumber: n, offerId: `6530452${n % 10}CA01A12`, quantity: 1 + (n % 7) });
  const lines = (count) => Array.from({ length: count }, (_, i) => line(i + 1));
  const throwing = line(3);
  Object.defineProperty(throwing, "quantity", { enumerable: true, get() { throw new Error("no"); } });
  const breakers = {
    "an extra key": { ...line(3), note: "x" },
    "a missing key": { extLineItemNumber: 3, offerId: "65304520CA01A12" },
    "keys in another order": { offerId: "65304520CA01A12", extLineItemNumber: 3, quantity: 1 },
    "a fraction": { ...line(3), quantity: 1.5 },
    "minus zero": { ...line(3), quantity: -0 },
    "past an i32": { ...line(3), quantity: 2 ** 31 },
    "a number as text": { ...line(3), quantity: "1" },
    "an undefined member": { ...line(3), quantity: undefined },
    "a null member": { ...line(3), quantity: null },
    "toJSON": { ...line(3), toJSON: () => ({ quantity: 9 }) },
    "a null prototype": Object.assign(Object.create(null), line(3)),
    "a class instance": Object.assign(new (class Line {})(), line(3)),
    "an array": [1, 2, 3],
    "null": null,
    "a lone surrogate": { ...line(3), offerId: "6530\ud800" },
    "non-ASCII": { ...line(3), offerId: "６５３０４５２０CA01A12" },
    "a getter that throws": throwing,
  };
  for (const [name, breaker] of Object.entries(breakers)) {
    for (const at of [0, 1, 2, 49]) {
      const body = { orderType: "NEW", lineItems: lines(50) };
      body.lineItems[at] = breaker;
      same("validateOrder", body);
      // The keys the table numbered before it broke are taken back: the next body's keys still agree.
      same("validateOrder", { orderType: "NEW", lineItems: lines(3), currencyCode: "USD" });
    }
    assert.ok(name);
  }
  const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
  same("validateOrder", { orderType: "NEW", lineItems: [wide, wide] });
  const longKey = "k".repeat(100);
  same("validateOrder", { orderType: "NEW", lineItems: [{ [longKey]: 1 }, { [longKey]: 2 }] });
  same("validateOrder", { orderType: "NEW", lineItems: [{}, {}] });
  for (const count of [2, 100, 499, 600]) same("validateOrder", { orderType: "NEW", lineItems: lines(count) });
  same("validateCustomer", { companyProfile: { contacts: [{ email: "a@b.co", firstName: "A" }, { email: "bad", firstName: "B" }] } }, { op: "create" });
});

test("what JSON cannot express, and options of the wrong shape", () => {
  const cycle = {};
  cycle.self = cycle;
  for (const body of [undefined, null, 10n, cycle, () => 1, Symbol("s"), NaN, new Date(0)]) {
    for (const name of VALIDATORS) same(name, body, name.endsWith("Customer") || name.endsWith("Reseller") ? { op: "create" } : undefined);
  }
  for (const options of [undefined, null, {}, { op: "delete" }, cycle, 10n, () => 1, "create", { op: "create", context: { marketSegment: "EDU" } }]) {
    same("validateCustomer", {}, options);
    same("validateOrder", {}, options);
    same("validateTransfer", { type: "x" }, options);
  }
});

test("validateField through the door: long and non-ASCII values, contexts, misuse", () => {
  const field = (name, value, context) => {
    const viaDoor = outcome(() => api.validateField(name, value, context));
    const viaBindgen = outcome(() => bindgen.validateField(name, value, context));
    assert.deepEqual(viaDoor, viaBindgen, `validateField(${inspect(name)}, ${inspect(value).slice(0, 60)}, ${inspect(context)})`);
  };
  assert.notEqual(api.validateField, bindgen.validateField);
  for (const value of ["a".repeat(65_535) + "<", "（".repeat(30_000) + "!", "Zoë", "", "\ud800", "K1A 0B1"]) {
    for (const name of ["firstName", "companyName", "postalCode", "email"]) {
      for (const context of [undefined, null, {}, { country: "CA" }, { country: "日本" }]) field(name, value, context);
    }
  }
  for (const value of [undefined, null, 42, {}, ["a"]]) field("firstName", value);
  field("favouriteColour", "red");
  field("postalCode", "K1A 0B1", { country: 5 });
  field("postalCode", "K1A 0B1", () => 1);
  // A context that is a country alone crosses as its text; any other as JSON.
  class Place { constructor() { this.country = "CA"; } }
  const bare = Object.assign(Object.create(null), { country: "CA" });
  const throwing = { get country() { throw new Error("no"); } };
  const contexts = [
    { country: null }, { country: undefined }, { country: "" }, { country: "ca" }, { country: "US" }, { country: "XX" },
    { country: "\ud800" }, { country: "CA", other: 1 }, { other: 1 }, { country: ["CA"] }, { country: new String("CA") },
    { country: "CA", toJSON: () => ({ country: "US" }) }, bare, new Place(), throwing, ["CA"], "CA", 5, true,
  ];
  for (const context of contexts) {
    for (const [name, value] of [["postalCode", "K1A 0B1"], ["postalCode", "9511"], ["region", "ON"], ["region", "ZZ"], ["city", "Ottawa"]]) {
      field(name, value, context);
    }
  }
});

test("a refused door call throws an Error once, and the next call is answered", () => {
  const body = JSON.parse(readFileSync(join(fixtureDir, "spec/requests/create-customer.json"), "utf8"));
  const refusals = [
    ["packed body", () => api.validateCustomer(body, { op: "delete" }), /invalid options/],
    ["body as text", () => api.validateCustomerJson(JSON.stringify(body), { op: "delete" }), /invalid options/],
    ["field", () => api.validateField("favouriteColour", "red"), /no field rule is named "favouriteColour"/],
  ];
  for (const [door, refused, message] of refusals) {
    assert.throws(refused, (error) => error instanceof Error && message.test(error.message), door);
    assert.equal(bindgen.__vipmpRefusal(), undefined, `${door}: the refusal is taken once`);
    assert.deepEqual(api.validateCustomer(body, { op: "create" }), { valid: true, violations: [] }, door);
    assert.equal(api.validateField("postalCode", "9511", { country: "US" }).violations[0].code, "postal_code.invalid_format", door);
  }
});

test("answers not all ASCII: in UTF-16 through Node's Buffer, in UTF-8 where there is no Buffer", async () => {
  // A second module instance with its own door, loaded while `Buffer` is
  // hidden, takes the way browsers take (the text as UTF-8, a TextDecoder).
  const hidden = globalThis.Buffer;
  globalThis.Buffer = undefined;
  let browserLike;
  try {
    const second = await import("./node_modules/vipmp/web/vipmp_bg.js?second-instance");
    second.initSync({ module: readFileSync(new URL("./node_modules/vipmp/web/vipmp_bg.wasm", import.meta.url)) });
    const { bodyDoors } = await import("./node_modules/vipmp/web/door.js?without-buffer");
    browserLike = { ...second, ...bodyDoors(second) };
  } finally {
    globalThis.Buffer = hidden;
  }
  const names = ["Müller <GmbH>", "株式会社テスト!", "emoji 🎉 <co>", "\ufeff<x>", "lone \ud800 <", "plain <ascii>", "é"];
  for (const companyName of names) {
    const body = { companyProfile: { companyName, address: { country: "DE", postalCode: "１２３" } } };
    const expected = outcome(() => bindgen.validateCustomer(body, { op: "create" }));
    assert.deepEqual(outcome(() => api.validateCustomer(body, { op: "create" })), expected, `Buffer: ${companyName}`);
    assert.deepEqual(outcome(() => browserLike.validateCustomer(body, { op: "create" })), expected, `no Buffer: ${companyName}`);
    const field = outcome(() => bindgen.validateField("companyName", companyName));
    assert.deepEqual(outcome(() => browserLike.validateField("companyName", companyName)), field, `field: ${companyName}`);
  }
  // An answer that starts with U+FEFF (an unknown key's path) keeps it.
  const led = { "\ufeffx": 1 };
  assert.deepEqual(outcome(() => browserLike.validateCustomer(led, { op: "create" })), outcome(() => bindgen.validateCustomer(led, { op: "create" })));
  // Every fixture through the browser's way too.
  for (const name of readdirSync(fixtureDir).filter((file) => file.endsWith(".json"))) {
    for (const testCase of JSON.parse(readFileSync(join(fixtureDir, name), "utf8"))) {
      assert.deepEqual(outcome(() => call(browserLike, testCase)), outcome(() => call(bindgen, testCase)), `${name}: ${testCase.name}`);
    }
  }
});
