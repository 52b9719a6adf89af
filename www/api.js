// Calls to the proxy. The page holds only the development JWT; the partner's
// API key and IMS token stay in the proxy. Every call's method, path and body
// come from the package's buildAddress (the proxy adds the headers of each
// try), and every answer is read by its parseResponse so Adobe's codes arrive
// as one shape, whatever the endpoint.
import { buildAddress, parseResponse, describeError } from "/pkg/web/vipmp.js";

/**
 * Sends one call. `op` names the endpoint (for buildAddress and
 * parseResponse); `request` holds its path `params` and `body`; `intent` is
 * reused when the user retries the same action, so the proxy derives the same
 * correlation ID and Adobe replays instead of ordering twice. An address the
 * package refuses is answered here, as the proxy would answer it (422).
 * Resolves to { ok, status, body, resourceStatus, error, violations, reconciled }.
 */
export async function call(config, op, request, intent) {
  const { params = {}, body } = request;
  const built = buildAddress(op, { params, body });
  if (!built.valid) return { ok: false, status: 422, violations: built.violations };
  const { method, body: checked } = built.address;
  const headers = { authorization: `Bearer ${config.jwt}`, accept: "application/json" };
  if (checked !== undefined && checked !== null) headers["content-type"] = "application/json";
  if (intent) headers["x-intent-id"] = intent;
  let response;
  try {
    response = await fetch(config.proxy + built.url, {
      method, headers, body: checked === undefined || checked === null ? undefined : JSON.stringify(checked),
    });
  } catch (error) {
    return { ok: false, status: 0, error: { code: "", message: "The server could not be reached. Check your connection and try again.", fieldPaths: [] } };
  }
  const answer = read(op, response.status, await response.text());
  // After a 5xx to an order, the proxy says what Adobe's order history showed.
  answer.reconciled = response.headers.get("x-vipmp-reconciled");
  return answer;
}

/** Reads an answer: the proxy's own 4xx (a Report) or Adobe's, through parseResponse. */
function read(op, status, text) {
  const json = safeJson(text);
  if (json && Array.isArray(json.violations)) {
    // The proxy re-validated the body with the same rules and refused it (422/400).
    return { ok: false, status, violations: json.violations };
  }
  const parsed = parseResponse(op, status, text);
  if (parsed.ok) {
    return { ok: true, status, body: json, resourceStatus: parsed.resourceStatus };
  }
  return { ok: false, status, error: parsed.error ?? { code: "", message: `HTTP ${status}`, fieldPaths: [] } };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** An Adobe error in plain words: the catalogue's meaning, with the code for support. */
export function plainWords(error) {
  if (!error.code) return error.message;
  const known = describeError(error.code);
  const meaning = known?.message ?? error.message;
  return `Adobe refused this (code ${error.code}): ${meaning}.`.replace(/\.\.$/, ".");
}

/** A fresh intent ID for a new user action. */
export function newIntent() {
  return crypto.randomUUID();
}

/**
 * The order's externalReferenceId for an intent: the proxy looks for it in
 * the order history after a server error, so a lost answer never becomes a
 * second order. Tied to the intent, at most 35 characters.
 */
export function cartReference(intent) {
  return `cart-${intent.replaceAll("-", "").slice(0, 20)}`;
}

/**
 * Whether a failed call's intent must be kept for the retry: no answer
 * reached the page, or a server error after which the proxy could not show
 * that no order exists. A refusal (4xx) or a server error marked `retried`
 * (the history shows no order) starts a new intent.
 */
export function keepIntent(answer) {
  if (answer.status === 0) return true;
  return answer.status >= 500 && answer.reconciled !== "retried";
}
