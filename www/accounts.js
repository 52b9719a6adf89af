// The signed-in reseller's existing customers, through the proxy's allow-listed
// GET /v3/resellers/{resellerId}/customers, and what each already subscribes to
// (GET /v3/customers/{customerId}/subscriptions), so the basket rules can warn
// about a product the customer already has.
import { call, plainWords } from "./api.js";

/** The reseller's customers: { ok, customers } or { ok: false, message }. */
export async function listCustomers(config) {
  const answer = await call(config, "listResellerCustomers", { params: { resellerId: config.resellerId } });
  if (!answer.ok) return { ok: false, message: plainWords(answer.error ?? { message: `HTTP ${answer.status}` }) };
  return { ok: true, customers: answer.body.items ?? [], total: answer.body.totalCount ?? 0 };
}

/** The 8-digit product codes of the customer's subscriptions that still hold licences. */
export async function subscribedProducts(config, customerId) {
  const answer = await call(config, "listSubscriptions", { params: { customerId } });
  if (!answer.ok) return { ok: false, message: plainWords(answer.error ?? { message: `HTTP ${answer.status}` }) };
  const held = (answer.body.items ?? []).filter((s) => s.currentQuantity > 0);
  return { ok: true, products: [...new Set(held.map((s) => s.offerId.slice(0, 8)))] };
}

/** The picker's options: "Duck Industries (6000000201)", the first one a prompt. */
export function fillCustomerPicker(select, customers) {
  const prompt = new Option(customers.length ? "Choose a customer" : "No customers yet", "");
  const options = customers.map((c) => new Option(`${c.companyProfile.companyName} (${c.customerId})`, c.customerId));
  select.replaceChildren(prompt, ...options);
}
