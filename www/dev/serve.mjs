// The demo's static server: serves www/ and the built package (/pkg/), plus
// three development-only routes the proxy cannot offer:
//   /config.js         the page's settings (proxy URL, dev JWT, reseller), generated
//                      here so no secret-bearing file is written into the tree;
//   /dev/pricelist.json the sandbox's price list (POST /v3/pricelist is not on the
//                      proxy's allow-list, so this server fetches it with the
//                      sandbox's demo credentials, which never reach the page);
//                      ?region=WE&currency=EUR picks the list (default NA, USD);
//   /dev/clock         GET the sandbox's date, POST to move its clock 20 s: the
//                      sandbox's clock stands still, and orders settle after 60 s of it.
//   /platform/...       the commerce platform's side of reseller registration (below).
// Usage (scripts/demo does this): node www/dev/serve.mjs with VIPMP_* variables set.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const www = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = dirname(www);
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml",
};
const CLOCK_STEP_SECONDS = 20;

/** Maps a URL path to a file under www/ or pkg/, refusing anything that climbs out. */
function fileFor(pathname) {
  const [base, rest] = pathname.startsWith("/pkg/")
    ? [join(repo, "pkg"), pathname.slice("/pkg/".length)]
    : [www, pathname === "/" ? "index.html" : pathname.slice(1)];
  const file = normalize(join(base, rest));
  return file.startsWith(base) && !rest.startsWith("dev/") ? file : null;
}

/** A bearer token for the sandbox, from its IMS emulator (demo credentials). */
async function sandboxToken(options) {
  const form = new URLSearchParams({
    grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret,
  });
  const answer = await fetch(`${options.sandbox}/ims/token/v3`, { method: "POST", body: form });
  if (!answer.ok) throw new Error(`sandbox IMS answered ${answer.status}`);
  return (await answer.json()).access_token;
}

const DEFAULT_PRICES = { region: "NA", currency: "USD" };

/** The price list a query asks for: `region` and `currency` (two or three capitals), else the defaults. */
function priceListWanted(searchParams) {
  const pick = (name) => {
    const value = searchParams.get(name);
    return value && /^[A-Z]{2,3}$/.test(value) ? value : DEFAULT_PRICES[name];
  };
  return { region: pick("region"), currency: pick("currency") };
}

/**
 * A seeded price list, in Adobe's response shape (the package's loadPriceList reads it).
 * Resolves to { status, text }: the sandbox's own status and body when it has no such list.
 */
async function fetchPriceList(options, wanted) {
  const token = await sandboxToken(options);
  const answer = await fetch(`${options.sandbox}/v3/pricelist`, {
    method: "POST",
    headers: {
      "content-type": "application/json", "x-api-key": options.clientId,
      authorization: `Bearer ${token}`, "x-correlation-id": `demo-pricelist-${Date.now()}`,
    },
    body: JSON.stringify({ ...wanted, marketSegment: "COM", priceListMonth: "202402" }),
  });
  return { status: answer.status, text: await answer.text() };
}

/** The sandbox clock: read it, or move it one step. */
async function clock(options, move) {
  const init = move
    ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: CLOCK_STEP_SECONDS }) }
    : {};
  const answer = await fetch(`${options.sandbox}/admin/clock`, init);
  return answer.text();
}

// The platform's side of "Register as an Adobe reseller". In production the
// commerce platform's server calls the connector's Account Synchronize with
// its own secret (VIPMP_CONNECTOR_SECRET); a browser must never hold that
// secret, so the page cannot call the connector itself. In the demo this
// server plays the platform's server side: it keeps the signed-in reseller's
// platform record (the fixture below, plus the terms flag the page sends) and
// makes the call, answering the page with the connector's Synced or refusal.
//   POST /platform/register        {"termsAccepted": bool} → the connector's answer
//   GET  /platform/reseller-status  {"Status":"NotSynced"} until the terms were
//        accepted and a sync succeeded; then a repeat sync, whose ExternalID
//        comes from the connector's mapping (no second account is created).

/** The demo reseller's account record on the platform (the profile fields are assumed, as in the connector). */
const DEMO_RESELLER_RECORD = {
  ID: "1082733", Role: "Reseller", ResellerID: "1082733", CompanyName: "Fairmont Resale",
  Email: "mickey@example.com", FirstName: "Mickey", LastName: "Mouse", MarketSegments: ["COM"],
  Address: { Country: "US", State: "CA", City: "San Jose", Street1: "200 Fairmont Ave", PostCode: "95110" },
};
const MAX_BODY_BYTES = 4096;

/** The platform's state for the demo reseller: the terms flag it last synced with. */
function platformState(options) {
  options.platformState ??= { termsAccepted: false };
  return options.platformState;
}

/** Calls the connector's Account Synchronize; resolves to { status, body } as it answered. */
async function synchronize(options, record) {
  const answer = await fetch(`${options.connector}/account-synchronize`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.connectorSecret}` },
    body: JSON.stringify(record),
  });
  return { status: answer.status, body: await answer.json() };
}

async function readJson(request) {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** POST /platform/register: records the terms flag, syncs, and remembers a success. */
async function register(options, request) {
  const body = await readJson(request);
  if (typeof body?.termsAccepted !== "boolean") {
    return { status: 400, body: { Status: "Failed", Error: { Name: "InvalidRequest", Message: "Send {\"termsAccepted\": true|false}.", Fields: ["termsAccepted"] } } };
  }
  const answer = await synchronize(options, { ...DEMO_RESELLER_RECORD, TermsAccepted: body.termsAccepted });
  if (answer.body?.Status === "Synced") platformState(options).termsAccepted = true;
  return answer;
}

/** GET /platform/reseller-status: not synced until a registration succeeded, then the connector's repeat sync. */
async function resellerStatus(options) {
  if (!platformState(options).termsAccepted) return { status: 200, body: { Status: "NotSynced" } };
  return synchronize(options, { ...DEMO_RESELLER_RECORD, TermsAccepted: true });
}

function configScript(options) {
  const config = { proxy: options.proxy, jwt: options.jwt, resellerId: options.resellerId,
    priceList: "/dev/pricelist.json", clock: "/dev/clock", platform: options.connector ? "/platform" : null };
  return `// Generated by www/dev/serve.mjs for the local demo: a development JWT only.\nexport default ${JSON.stringify(config, null, 2)};\n`;
}

async function sendFile(response, file) {
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    response.end(await readFile(file));
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}

function sendJson(response, { status, body }) {
  response.writeHead(status, { "content-type": TYPES[".json"], "cache-control": "no-store" }).end(JSON.stringify(body));
}

/** One request: the generated routes first, then files. */
async function handle(options, request, response) {
  const { pathname, searchParams } = new URL(request.url, "http://127.0.0.1");
  if (pathname === "/config.js") {
    response.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" }).end(configScript(options));
  } else if (pathname === "/dev/pricelist.json") {
    const list = await fetchPriceList(options, priceListWanted(searchParams));
    response.writeHead(list.status, { "content-type": TYPES[".json"] }).end(list.text);
  } else if (options.connector && pathname === "/platform/register" && request.method === "POST") {
    sendJson(response, await register(options, request));
  } else if (options.connector && pathname === "/platform/reseller-status") {
    sendJson(response, await resellerStatus(options));
  } else if (pathname === "/dev/clock") {
    response.writeHead(200, { "content-type": TYPES[".json"] }).end(await clock(options, request.method === "POST"));
  } else {
    const file = fileFor(pathname);
    if (file) await sendFile(response, file);
    else response.writeHead(404).end();
  }
}

/**
 * Starts the server. options: { port, sandbox, proxy, jwt, resellerId, clientId, clientSecret,
 * connector, connectorSecret } (without `connector`, no registration step: the reseller may order).
 * Resolves to the listening server.
 */
export async function startStatic(options) {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error.message ?? error));
    });
  });
  await new Promise((ready) => server.listen(options.port ?? 0, "127.0.0.1", ready));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const server = await startStatic({
    port: Number(env.VIPMP_WWW_PORT ?? 5173), sandbox: env.VIPMP_SANDBOX_URL ?? "http://127.0.0.1:8787",
    proxy: env.VIPMP_PROXY_URL ?? "http://127.0.0.1:8080", jwt: env.VIPMP_DEV_JWT ?? "",
    resellerId: env.VIPMP_RESELLER_ID ?? "5000000101",
    clientId: env.VIPMP_CLIENT_ID ?? "sandbox-client", clientSecret: env.VIPMP_CLIENT_SECRET ?? "sandbox-secret",
    connector: env.VIPMP_CONNECTOR_URL, connectorSecret: env.VIPMP_CONNECTOR_SECRET,
  });
  console.log(`storefront on http://127.0.0.1:${server.address().port}/`);
  process.on("SIGINT", () => server.close(() => process.exit(0)));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
