// Type-checked with `tsc --strict --noEmit`: the request builders and the
// response parser as a storefront calls them around `fetch`.
import {
  buildAddress,
  buildRequest,
  Correlator,
  describeError,
  parseResponse,
  type AddressResult,
  type ApiError,
  type BuildInput,
  type BuildResult,
  type ErrorDescription,
  type Ids,
  type Parsed,
  type RequestSpec,
  type StatusMeaning,
} from "vipmp";

const correlator = new Correlator();
const ids: Ids = correlator.nextAttempt(crypto.randomUUID(), crypto.randomUUID());
const bound: Ids = correlator.nextAttempt(crypto.randomUUID(), crypto.randomUUID(), 'POST /v3/customers/1/orders {"orderType":"NEW"}');
correlator.abandon();
const input: BuildInput = {
  params: { customerId: "9876543210" },
  query: { status: ["1000", "1002"], limit: 3 },
  ids,
};
const built: BuildResult = buildRequest("getOrderHistory", input);
const request: RequestSpec | undefined = built.request;
const url: string | undefined = built.url;
const headers: Record<string, string> = Object.fromEntries(request?.headers ?? []);
const method: "GET" | "POST" | "PATCH" | undefined = request?.method;

const order: BuildResult = buildRequest("createOrder", {
  params: { customerId: "9876543210" },
  body: { orderType: "NEW", lineItems: [{ extLineItemNumber: 1, offerId: "65304479CA01A12", quantity: 5 }] },
  ids: { correlationId: "c-1", requestId: "r-1" },
  auth: { apiKey: "key", accessToken: "token" },
});
const firstPath: string | undefined = order.violations[0]?.path;

// The browser's half: no IDs; the proxy adds the headers of each try.
const where: AddressResult = buildAddress("getOrder", { params: { customerId: "9876543210", orderId: "1234567890" } });
const addressMethod: "GET" | "POST" | "PATCH" | undefined = where.address?.method;
const addressParams: [string, string][] = where.address?.params ?? [];

const parsed: Parsed = parseResponse("getOrderHistory", 200, "{}");
if (parsed.ok && parsed.body?.kind === "orders") {
  const count: number = parsed.body.value.items?.length ?? 0;
  void count;
}
const status: StatusMeaning | undefined = parsed.resourceStatus;
const error: ApiError | undefined = parsed.error;
const fields: string[] = error?.fieldPaths ?? [];
const actions: (string | undefined)[] = error?.reasons.map((reason) => reason.action) ?? [];
const retry: boolean = error?.retryable ?? false;

const described: ErrorDescription | null = describeError("5117");
const reasonCodes: string[] = described?.reasons.map((reason) => reason.reason) ?? [];
const http: number | undefined = described?.httpStatus ?? undefined;

correlator.recordNoResponse();
correlator.recordResponse(200);

export { bound, url, headers, method, addressMethod, addressParams, firstPath, status, fields, actions, retry, reasonCodes, http };
