// wasm-bindgen copies a `&str` parameter as if the argument were a string: a
// number or an object there made the module trap ("memory access out of
// bounds", a WebAssembly.RuntimeError) instead of answering. Every parameter
// the typings declare as a string is now read by the module itself: user data
// (an offer ID, a price list's text) that is not text is a violation, the
// caller's own parameters (an endpoint, an error code, a currency, IDs) throw
// an Error that names them, and a region list for no country is empty. After
// all of it the module still answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as api from "vipmp";

const NOT_TEXT = [5, 5.5, -0, NaN, true, {}, [], ["65304479CA01A12"], { length: 15 }, 5n, Symbol("s"), () => "x"];
const NOT_TEXT_OR_NONE = [...NOT_TEXT, null, undefined];

const PRICE_FILE =
  "Offer ID,Product Family,Product Type Detail,Additional Detail,Partner Price,First Order Date,Last Order Date\n" +
  "65304479CA01A12,Acrobat Pro,Annual (proration based on duration),,173.28,,\n";

/** What a call did: its answer, or the error it threw (never a trap). */
function outcome(call, label) {
  try {
    return { answer: call() };
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${label} trapped: ${error.message}`);
    return { thrown: error };
  }
}

function throwsNaming(call, parameter, label) {
  const { thrown } = outcome(call, label);
  assert.ok(thrown instanceof Error, `${label} should throw`);
  assert.equal(thrown.message, `${parameter} must be a string`, label);
}

function notTextViolation(answer, path, label) {
  assert.equal(answer.valid, false, label);
  assert.deepEqual(
    answer.violations.map(({ path, code, params }) => ({ path, code, params })),
    [{ path, code: "type.invalid", params: { expected: "text" } }],
    label,
  );
  assert.match(answer.violations[0].message, /must be text\.$/, label);
}

test("an offer ID or a price list that is not text is a violation", () => {
  for (const value of NOT_TEXT_OR_NONE) {
    const label = `parseOfferId(${inspect(value)})`;
    const { answer } = outcome(() => api.parseOfferId(value), label);
    notTextViolation(answer, "offerId", label);
    assert.equal(answer.offer, null, label);
    const loaded = outcome(() => api.loadPriceList(value, "USD"), `loadPriceList(${inspect(value)})`).answer;
    notTextViolation(loaded, "priceList", `loadPriceList(${inspect(value)})`);
  }
});

test("the caller's own string parameters throw an Error naming them", () => {
  const { priceList } = api.loadPriceList(PRICE_FILE, "USD");
  const correlator = new api.Correlator();
  for (const value of NOT_TEXT) {
    const shown = inspect(value);
    throwsNaming(() => api.describeError(value), "code", `describeError(${shown})`);
    throwsNaming(() => api.buildRequest(value, {}), "op", `buildRequest(${shown})`);
    throwsNaming(() => api.buildAddress(value, {}), "op", `buildAddress(${shown})`);
    throwsNaming(() => api.parseResponse(value, 200, "{}"), "op", `parseResponse(${shown}, …)`);
    throwsNaming(() => api.parseResponse("getCustomer", 200, value), "body (the response's text)", `parseResponse(…, ${shown})`);
    throwsNaming(() => api.loadPriceList(PRICE_FILE, value), "currency", `loadPriceList(…, ${shown})`);
    throwsNaming(() => priceList.find(value), "offerId", `find(${shown})`);
    throwsNaming(() => priceList.find("65304479CA01A12", value), "date", `find(…, ${shown})`);
    throwsNaming(() => api.validateField(value, value), "name", `validateField(${shown}, ${shown})`);
    throwsNaming(() => correlator.nextAttempt(value, "request-1"), "freshCorrelationId", `nextAttempt(${shown}, …)`);
    throwsNaming(() => correlator.nextAttempt("intent-1", value), "requestId", `nextAttempt(…, ${shown})`);
    throwsNaming(() => correlator.nextAttempt("intent-1", "request-x", value), "payload", `nextAttempt(…, …, ${shown})`);
  }
  priceList.free();
  correlator.free();
});

test("an HTTP status is a whole number from 100 to 599, or the call throws", () => {
  const body = JSON.stringify({ orderId: "1", status: "1000" });
  const correlator = new api.Correlator();
  for (const status of [65736, 70000, 0, 99, 600, -1, 200.5, NaN, Infinity, "200", null, undefined, {}, 200n]) {
    const label = `parseResponse("getOrder", ${inspect(status)}, …)`;
    const { thrown } = outcome(() => api.parseResponse("getOrder", status, body), label);
    assert.ok(thrown instanceof Error, `${label} should throw`);
    assert.match(thrown.message, /^status must be an HTTP status/, label);
    const recorded = outcome(() => correlator.recordResponse(status), `recordResponse(${inspect(status)})`);
    assert.match(recorded.thrown?.message ?? "", /^status must be an HTTP status/, inspect(status));
  }
  for (const [status, ok] of [[100, false], [200, true], [299, true], [404, false], [599, false]]) {
    const parsed = api.parseResponse("getOrder", status, body);
    assert.deepEqual([parsed.ok, parsed.httpStatus], [ok, status]);
  }
  correlator.free();
});

test("optional string parameters may be left out or null", () => {
  const loaded = api.loadPriceList(PRICE_FILE, "USD");
  assert.equal(loaded.valid, true);
  assert.equal(loaded.priceList.find("65304479CA01A12", undefined).offerId, "65304479CA01A12");
  assert.equal(loaded.priceList.find("65304479CA01A12", null).offerId, "65304479CA01A12");
  loaded.priceList.free();
  const json = JSON.stringify({ currency: "USD", offers: [] });
  assert.equal(outcome(() => api.loadPriceList(json, null), "loadPriceList(json, null)").thrown, undefined);
  const correlator = new api.Correlator();
  assert.equal(correlator.nextAttempt("intent-1", "request-1", undefined).correlationId, "intent-1");
  correlator.free();
});

test("an order-history query of another shape is a violation, not an empty query", () => {
  for (const query of [5, true, ["status=1000"], 1.5]) {
    const label = `validateOrderHistoryQuery(${inspect(query)})`;
    const { answer } = outcome(() => api.validateOrderHistoryQuery(query), label);
    assert.equal(answer.valid, false, label);
    assert.deepEqual(answer.violations.map(({ path, code }) => [path, code]), [["", "type.invalid"]], label);
  }
  for (const none of [undefined, null, "", {}]) {
    assert.equal(api.validateOrderHistoryQuery(none).valid, true, inspect(none));
  }
  assert.equal(api.validateOrderHistoryQuery({ status: ["1000", "1002"], limit: "3" }).query.limit, 3);
});

test("a region list for what is not a country code is empty", () => {
  for (const value of NOT_TEXT_OR_NONE) {
    assert.deepEqual(outcome(() => api.regions(value), `regions(${inspect(value)})`).answer, [], inspect(value));
  }
});

test("after every wrong argument the module still answers", () => {
  for (const value of NOT_TEXT) outcome(() => api.describeError(value), "describeError");
  assert.equal(api.describeError("1114").message, "Invalid Distributor");
  assert.equal(api.parseOfferId("65304479CA01A12").valid, true);
  assert.equal(api.validateField("postalCode", "K1A 0B1", { country: "CA" }).valid, true);
  assert.ok(api.regions("US").some((region) => region.code === "CA"));
});
