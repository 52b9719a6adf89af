// A body given as an object crosses packed (door.js's bodyPacker, read by
// src/input/packed.rs), not as JSON text. The packed way must answer exactly
// what wasm-bindgen's own functions answer (which JSON.stringify the body):
// for what JSON.stringify writes in its own way (toJSON, left-out members,
// numbers of every kind, non-plain objects, lone surrogates), for the keys the
// packer numbers across bodies (many, long, forgotten after a body it gave up
// on), and for random bodies built from the fixtures. And it must be in use:
// the packer takes on every fixture body.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as api from "vipmp/web";
import * as bindgen from "./node_modules/vipmp/web/vipmp_bg.js";
import { bodyPacker } from "./node_modules/vipmp/web/door.js";

// The web door and wasm-bindgen's functions behind it share this instance; the
// Node door is one bundled file with its own copy of the same door.
api.initSync({ module: readFileSync(new URL("./node_modules/vipmp/web/vipmp_bg.wasm", import.meta.url)) });

const fixtureDir = process.env.VIPMP_FIXTURES;

function outcome(fn) {
  try {
    return { answer: fn() };
  } catch (error) {
    return { thrown: String(error.message) };
  }
}

const OPTIONS = {
  validateCustomer: { op: "create" },
  validateReseller: { op: "update" },
  validateOrder: undefined,
  validateOrderUpdate: undefined,
  validateSubscriptionUpdate: undefined,
  validateTransfer: undefined,
};

function same(name, body, options = OPTIONS[name]) {
  const packed = outcome(() => api[name](body, options));
  const viaText = outcome(() => bindgen[name](body, options));
  assert.deepEqual(packed, viaText, `${name}(${inspect(body, { depth: 3 }).slice(0, 120)}, ${inspect(options)})`);
}

/** Every request body the fixtures hold, with the validator that reads it. */
function fixtureBodies() {
  const bodies = [];
  for (const file of readdirSync(fixtureDir).filter((name) => name.endsWith(".json"))) {
    for (const testCase of JSON.parse(readFileSync(join(fixtureDir, file), "utf8"))) {
      if (testCase.op !== "field" && testCase.input !== null && typeof testCase.input === "object") bodies.push(testCase.input);
    }
  }
  return bodies;
}

test("the packer takes on every fixture body (the packed way is the one in use)", () => {
  const packer = bodyPacker();
  const bodies = fixtureBodies();
  assert.ok(bodies.length >= 200, `only ${bodies.length} bodies`);
  for (const body of bodies) assert.ok(packer.pack([body, { op: "create" }]) > 4, inspect(body).slice(0, 80));
  // Keys it has numbered are one number the second time.
  const fresh = { packerTestKeyA: 1, packerTestKeyB: [{ packerTestKeyC: 2 }] };
  const first = packer.pack([fresh, undefined]);
  assert.ok(packer.pack([fresh, undefined]) <= first - 3 * 18);
});

test("values JSON.stringify writes its own way", () => {
  class Line {
    constructor() {
      this.offerId = "65304479CA01A12";
    }
  }
  Line.prototype.quantity = 3; // enumerable and inherited: JSON.stringify leaves it out
  const withGetter = { get companyName() { return "Acme"; } };
  const throwing = { get companyName() { throw new Error("no"); } };
  const holes = [, 1, , 2]; // eslint-disable-line no-sparse-arrays
  const nullPrototype = Object.assign(Object.create(null), { companyName: "Acme", extra: 1 });
  const cycle = { companyProfile: {} };
  cycle.companyProfile.self = cycle;
  let deep = { companyName: "x" };
  for (let i = 0; i < 140; i++) deep = { nested: deep };
  const numbers = [0, -0, 1, -1, 2147483647, 2147483648, -2147483648, -2147483649, 2 ** 53, 2 ** 53 + 2, 1e21, 1e-7, 0.1, 1.5, -1.5e300, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE];
  const values = [
    undefined, null, true, false, "", "text", 10n, Symbol("s"), () => 1, new Date(0), { toJSON: () => ({ orderType: "NEW" }) },
    new Line(), withGetter, throwing, holes, nullPrototype, cycle, deep, new Map([["a", 1]]), new Set([1]),
    Object(5), Object("text"), Object(true), new Uint8Array([1, 2]), [undefined, () => 1, Symbol("s")],
    { a: undefined, b: () => 1, c: Symbol("s"), d: 1 }, ...numbers, numbers,
    { "": 1, "ключ": "значение", "日本": "株式会社", "🎉": "🎉", [Symbol("hidden")]: 1, 5: "five", "-1": "minus" },
    { companyName: "lone \ud800 lead" }, { ["lone \udc00"]: 1 }, "\ud83d", { text: "a\u0000b\n\"\\" },
  ];
  for (const value of values) {
    for (const name of Object.keys(OPTIONS)) {
      same(name, value);
      same(name, { companyProfile: { companyName: "Acme", address: value }, lineItems: [value], orderType: "NEW" });
    }
  }
});

test("numbers keep their exact value: line numbers past 2^31 are not their low bits", () => {
  for (const big of [2 ** 31, 2 ** 32 + 5, 2 ** 40 + 5, -(2 ** 32) + 5, 2 ** 53 + 2, 5.000000001]) {
    const lineItems = [5, big].map((extLineItemNumber) => ({ extLineItemNumber, offerId: "65304479CA01A12", quantity: 1 }));
    same("validateOrder", { orderType: "NEW", currencyCode: "USD", lineItems });
    same("validateOrder", { orderType: "NEW", currencyCode: "USD", lineItems: [{ extLineItemNumber: 1, offerId: "65304479CA01A12", quantity: big }] });
  }
});

test("options travel with the body, whatever they are", () => {
  const cycle = {};
  cycle.self = cycle;
  for (const options of [undefined, null, {}, { op: "delete" }, cycle, 10n, () => 1, "create", 5, [], { op: "create", context: { marketSegment: "EDU" } }, { op: "update", extra: 1 }, { toJSON: () => ({ op: "update" }) }, Object.create(null)]) {
    for (const name of Object.keys(OPTIONS)) same(name, { companyProfile: { companyName: "<" } }, options);
  }
});

test("keys: many, long, repeated across bodies, and forgotten after a body the packer gave up on", () => {
  const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key${i}`, i]));
  const long = { ["k".repeat(65)]: 1, ["l".repeat(64)]: 2, companyProfile: { ["m".repeat(200)]: "x" } };
  for (let round = 0; round < 3; round++) {
    same("validateCustomer", many);
    same("validateCustomer", long);
    same("validateOrder", { orderType: "NEW", ...many });
  }
  // A getter throws after the packer numbered new keys: it gives up, forgets
  // them, and the bodies after still agree.
  const late = { fresh1: 1, fresh2: { fresh3: 2 }, get boom() { throw new Error("late"); } };
  same("validateCustomer", late);
  same("validateCustomer", { fresh1: 1, fresh2: { fresh3: 2 }, fresh4: "<" });
  same("validateCustomer", { fresh4: 1, fresh1: { fresh3: "x" } });
});

test("a packer that counts on keys the module does not hold is told to start again", () => {
  // A packer of our own numbers keys the module never saw, then sends a body
  // that counts on them: the module answers undefined and forgets its keys.
  // (First a body that counts on no keys, so that the module holds none.)
  const start = bodyPacker();
  const empty = start.pack([null, null]);
  new Uint8Array(bindgen.__vipmpMemory().buffer, bindgen.__vipmpBodyBuffer(empty), empty).set(start.written(empty));
  bindgen.__vipmpValidatePacked(2, empty);
  const stranger = bodyPacker();
  stranger.pack([{ notSeen1: 1, notSeen2: 2 }, undefined]);
  const length = stranger.pack([{ notSeen1: 1 }, undefined]);
  const memory = bindgen.__vipmpMemory();
  const address = bindgen.__vipmpBodyBuffer(length);
  new Uint8Array(bindgen.__vipmpMemory().buffer, address, length).set(stranger.written(length));
  assert.ok(memory);
  assert.equal(bindgen.__vipmpValidatePacked(1, length), 2, "keys out of step");
  // The package's own packer is now ahead of the module; it starts again.
  same("validateCustomer", { companyProfile: { companyName: "Acme" } });
  same("validateOrder", { orderType: "NEW", lineItems: [{ offerId: "65304479CA01A12", quantity: 0 }] });
});

test("bytes that are not a packed body read as a missing body, never a crash", () => {
  // (A verdict is a number; door.js reads the violations it wrote.)
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 200; round++) {
    const length = 5 + Math.floor(random() * 40);
    const address = bindgen.__vipmpBodyBuffer(length);
    const bytes = new Uint8Array(bindgen.__vipmpMemory().buffer, address, length);
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
    bytes.set([0, 0, 0, 0], 0); // counts on no keys
    // A verdict: valid (0) or violations (1); a missing body has violations.
    const verdict = bindgen.__vipmpValidatePacked(2, length);
    assert.ok(verdict === 0 || verdict === 1, `verdict ${verdict}`);
    if (bytes[4] > 7) assert.equal(verdict, 1, `tag ${bytes[4]}`);
  }
  same("validateOrder", { orderType: "NEW" });
});

test("random bodies built from the fixtures agree, value for value", () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const bodies = fixtureBodies();
  const leaves = [null, true, false, 0, -0, 7, 2 ** 40, 0.5, 1e21, NaN, "", "Acme", "<", "Zoë", "株式会社", "\ud800", undefined, () => 1];
  function mutate(value, depth) {
    if (depth > 4 || value === null || typeof value !== "object") return random() < 0.2 ? pick(leaves) : value;
    if (Array.isArray(value)) {
      const items = value.map((item) => mutate(item, depth + 1));
      if (random() < 0.2) items.push(pick(leaves));
      return items;
    }
    const copy = {};
    for (const [key, member] of Object.entries(value)) {
      if (random() < 0.1) continue;
      copy[random() < 0.05 ? key + "X" : key] = mutate(member, depth + 1);
    }
    if (random() < 0.1) copy[pick(["extra", "ключ", "companyProfile"])] = pick(leaves);
    return copy;
  }
  for (let round = 0; round < 600; round++) {
    const body = mutate(pick(bodies), 0);
    same(pick(Object.keys(OPTIONS)), body);
  }
});
