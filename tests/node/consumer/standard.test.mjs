// Standard Schema v1 (https://standardschema.dev) as a form library meets it:
// every validator the package exports has a schema object whose
// `~standard.validate` answers `{ value }` or `{ issues: [{ message, path }] }`,
// the path an array of keys and indices from the validated value. Checked
// against the installed package, both doors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as vipmp from "vipmp";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("vipmp/package.json"));

/** Each validator, the schema factory that wraps it, and a body it rejects with its paths. */
const CASES = {
  validateReseller: { schema: () => vipmp.resellerSchema({ op: "create" }), bad: {}, path: ["distributorId"] },
  validateCustomer: {
    schema: () => vipmp.customerSchema({ op: "create" }),
    bad: { resellerId: "1000123", companyProfile: { companyName: "Acme", preferredLanguage: "en-US",
      address: { country: "US", region: "CA", city: "San Jose", addressLine1: "1 Main St", postalCode: "9511" },
      contacts: [{ firstName: "Ann", lastName: "Lee", email: "not-an-email" }] } },
    path: ["companyProfile", "contacts", 0, "email"],
  },
  validateCustomerJson: { schema: () => vipmp.customerJsonSchema({ op: "create" }), bad: '{"x":1}', path: ["x"] },
  validateOrder: {
    schema: () => vipmp.orderSchema(),
    bad: { orderType: "NEW", lineItems: [{ extLineItemNumber: 1, offerId: "65304479CA01A12", quantity: 0 }] },
    path: ["lineItems", 0, "quantity"],
  },
  validateOrderJson: { schema: () => vipmp.orderJsonSchema(), bad: "{", path: [] },
  validateOrderUpdate: { schema: () => vipmp.orderUpdateSchema(), bad: { externalReferenceId: "x".repeat(81) }, path: ["externalReferenceId"] },
  validateSubscriptionUpdate: { schema: () => vipmp.subscriptionUpdateSchema(), bad: { autoRenewal: { enabled: "yes" } }, path: ["autoRenewal", "enabled"] },
  validateTransfer: { schema: () => vipmp.transferSchema({ kind: "resellerChange" }), bad: { type: "PREVIEW" }, path: ["approvalCode"] },
  validateOrderHistoryQuery: { schema: () => vipmp.orderHistoryQuerySchema(), bad: "status=1000&colour=red", path: ["colour"] },
  validateField: { schema: () => vipmp.fieldSchema("postalCode", { country: "CA" }), bad: "12345", path: [] },
  checkBasket: { schema: () => vipmp.basketSchema(), bad: { lines: [] }, path: undefined },
};

/** The shape the specification requires of the object itself. */
function assertStandard(schema) {
  const props = schema["~standard"];
  assert.equal(props.version, 1);
  assert.equal(props.vendor, "vipmp");
  assert.equal(typeof props.validate, "function");
}

/** The shape of a failure: issues, each a message and an array path of keys and indices. */
function assertIssues(result) {
  assert.ok(Array.isArray(result.issues) && result.issues.length > 0, JSON.stringify(result));
  assert.equal("value" in result, false);
  for (const issue of result.issues) {
    assert.equal(typeof issue.message, "string");
    assert.ok(issue.message.length > 0);
    assert.ok(Array.isArray(issue.path), JSON.stringify(issue));
    for (const key of issue.path) assert.ok(typeof key === "string" || Number.isInteger(key), JSON.stringify(issue.path));
  }
}

test("every exported validator has a Standard Schema", () => {
  const validators = Object.keys(vipmp).filter((name) => /^validate[A-Z]/.test(name) || name === "checkBasket");
  assert.deepEqual(validators.sort(), Object.keys(CASES).sort());
});

for (const [validator, { schema, bad, path }] of Object.entries(CASES)) {
  test(`${validator}: a Standard Schema whose issues sit at array paths`, () => {
    const object = schema();
    assertStandard(object);
    const result = object["~standard"].validate(bad);
    assertIssues(result);
    if (path !== undefined) {
      assert.ok(result.issues.some((issue) => JSON.stringify(issue.path) === JSON.stringify(path)),
        `${JSON.stringify(path)} among ${JSON.stringify(result.issues.map((issue) => issue.path))}`);
    }
    const direct = validator === "checkBasket" ? vipmp.checkBasket(bad) : null;
    if (direct) assert.equal(result.issues.length, direct.violations.length);
  });
}

test("a valid value comes back as { value } and nothing else", () => {
  const field = vipmp.fieldSchema("postalCode", { country: "CA" })["~standard"].validate("K1A 0B1");
  assert.deepEqual(field, { value: "K1A 0B1" });
  const body = { externalReferenceId: "PO-1" };
  const update = vipmp.orderUpdateSchema()["~standard"].validate(body);
  assert.deepEqual(Object.keys(update), ["value"]);
  assert.equal(update.value, body);
});

test("the order history schema answers the normalised query", () => {
  const result = vipmp.orderHistoryQuerySchema()["~standard"].validate("status=1000");
  assert.deepEqual(result.value.statuses, ["1000"]);
  assert.equal(result.value.limit, 25);
});

test("issues keep the stable code and params beside the message", () => {
  const [issue] = vipmp.fieldSchema("postalCode", { country: "US" })["~standard"].validate("9511").issues;
  assert.equal(issue.code, "postal_code.invalid_format");
  assert.equal(issue.params.value, "9511");
  assert.match(issue.message, /does not match the format for United States/);
});

test("a key the dotted notation cannot carry is one path element", () => {
  const result = vipmp.customerSchema({ op: "create" })["~standard"].validate({ "a.b": 1, "c[0]": 2 });
  const paths = result.issues.map((issue) => JSON.stringify(issue.path));
  assert.ok(paths.includes('["a.b"]'), paths.join(" "));
  assert.ok(paths.includes('["c[0]"]'), paths.join(" "));
});

test("formSchema: each form key by its field's rule, the postal code against the form's country", () => {
  const schema = vipmp.formSchema({ fields: { company: "companyName", zip: "postalCode", country: "country" } });
  assertStandard(schema);
  const bad = schema["~standard"].validate({ company: "", zip: "9511", country: "US" });
  assertIssues(bad);
  assert.deepEqual(bad.issues.map((issue) => [issue.path, issue.code]),
    [[["company"], "field.required"], [["zip"], "postal_code.invalid_format"]]);
  const canada = schema["~standard"].validate({ company: "Acme", zip: "K1A 0B1", country: "CA" });
  assert.deepEqual(canada, { value: { company: "Acme", zip: "K1A 0B1", country: "CA" } });
  assertIssues(schema["~standard"].validate({ company: "Acme", zip: "K1A 0B1", country: "US" }));
  assertIssues(schema["~standard"].validate(null));
});

test("an unknown field name is the caller's mistake: it throws", () => {
  assert.throws(() => vipmp.fieldSchema("colour")["~standard"].validate("red"), /colour/);
});

test("the web door's schemas are the same objects' shape once init has run", async () => {
  const web = await import("vipmp/web");
  web.initSync({ module: readFileSync(join(packageDir, "web/vipmp_bg.wasm")) });
  const schema = web.fieldSchema("postalCode", { country: "CA" });
  assertStandard(schema);
  assert.deepEqual(schema["~standard"].validate("K1A 0B1"), { value: "K1A 0B1" });
  assert.deepEqual(schema["~standard"].validate("12345").issues.map((issue) => issue.path), [[]]);
});
