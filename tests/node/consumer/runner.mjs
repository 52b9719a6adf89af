// Runs one case of tests/fixtures/*.json through the package's public API and
// compares the violations with the expectation as the Rust runner does: the same
// (path, code) pairs, as a multiset. Shared by the Node suite and the browser page.

const ACCOUNT_OPS = {
  createReseller: ["validateReseller", "create"],
  updateReseller: ["validateReseller", "update"],
  createCustomer: ["validateCustomer", "create"],
  updateCustomer: ["validateCustomer", "update"],
};

// The newer endpoints' bodies have no validator function of their own: a
// storefront checks them with buildAddress, which validates the body (paths
// as in the body) together with these valid path parameters.
const ENDPOINT_OPS = {
  createSubscription: { customerId: "9876543210" },
  createDeployment: { customerId: "9876543210" },
  updateDeployment: { customerId: "9876543210", deploymentId: "8000000001" },
  fetchRecommendations: {},
  fetchPriceList: {},
};

/** Whether the case goes through buildAddress (which `vipmp/validate` does not have). */
export const needsBuilder = (testCase) => testCase.op in ENDPOINT_OPS;

/** Calls the package the way a storefront would for this case. */
export function call(api, testCase) {
  const { op, input } = testCase;
  const context = testCase.context ?? {};
  if (op === "field") return api.validateField(input.name, input.value, input.context);
  if (op === "orderHistoryQuery") return api.validateOrderHistoryQuery(input);
  if (op in ACCOUNT_OPS) {
    const [fn, accountOp] = ACCOUNT_OPS[op];
    return api[fn](input, { op: accountOp, context });
  }
  if (op in ENDPOINT_OPS) return api.buildAddress(op, { params: ENDPOINT_OPS[op], body: input, context });
  switch (op) {
    case "createOrder": return api.validateOrder(input, { context });
    case "updateOrder": return api.validateOrderUpdate(input);
    case "updateSubscription": return api.validateSubscriptionUpdate(input, { context });
    case "resellerChange": return api.validateTransfer(input, { kind: "resellerChange", context });
    case "vipTransfer": return api.validateTransfer(input, { kind: "vip", context });
    default: throw new Error(`unknown op ${op}`);
  }
}

const key = (v) => `${v.path}\u0000${v.code}`;
const sorted = (list) => list.map(key).sort();

/** `null` when the case passes, else a description of the difference. */
export function check(api, testCase) {
  const result = call(api, testCase);
  const expected = sorted(testCase.expect.violations ?? []);
  const found = sorted(result.violations);
  const sameVerdict = result.valid === (expected.length === 0);
  const messagesPresent = result.violations.every((v) => typeof v.message === "string" && v.message.length > 0);
  if (sameVerdict && messagesPresent && JSON.stringify(expected) === JSON.stringify(found)) return null;
  return `${testCase.name}: expected ${JSON.stringify(expected)} found ${JSON.stringify(found)}`;
}

/** Runs every case of every file; returns { count, failures }. */
export function runAll(api, files) {
  const failures = [];
  let count = 0;
  for (const [file, cases] of files) {
    for (const testCase of cases) {
      count += 1;
      const failure = check(api, testCase);
      if (failure) failures.push(`${file}/${failure}`);
    }
  }
  return { count, failures };
}
