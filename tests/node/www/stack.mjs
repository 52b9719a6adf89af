// Starts what the storefront needs for a browser test, on free ports: the
// sandbox (demo seed, with the reseller limited to COM so the server has a rule
// the page cannot know), the proxy configured to it with a dev JWT from its
// mint-jwt helper, the account connector (SQLite store in the temp dir, upstream
// the sandbox) whose Account Synchronize the static server calls as the
// platform, the static server of www/, and Debian's Chromium.
// `startStack({ registered: false })` leaves the demo reseller unregistered;
// by default it is registered (terms accepted) before the page opens, so the
// checkout tests find the checkout open. `stop()` ends every process it started.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../chromium.mjs";
import { startStatic } from "../../../www/dev/serve.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = process.env.VIPMP_BIN_DIR ?? join(repo, "target/debug");
const RESELLER = "5000000101";
const JWT_SECRET = "test-jwt-secret-of-at-least-32-bytes";
const CONNECTOR_SECRET = "test-platform-secret-of-32-bytes-min";
const DISTRIBUTOR = "1000000001";

/** A port nobody listens on right now. */
async function freePort() {
  const server = createServer();
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** The demo seed with the reseller's segments set: choosing EDU then fails on the server only. */
function writeSeed(dir) {
  const seed = JSON.parse(readFileSync(join(repo, "crates/sandbox/seed/demo.json"), "utf8"));
  seed.store.resellers[RESELLER].companyProfile.marketSegments = ["COM"];
  const file = join(dir, "seed.json");
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

/** Resolves once `url` answers anything (the server is listening). */
async function waitFor(url, child) {
  for (let i = 0; i < 200; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not start`);
}

/** The connector, on the sandbox, with its mapping in `dir`: the platform's Account Synchronize. */
async function startConnector(dir, port, sandboxUrl, children) {
  const connector = spawn(join(bin, "vipmp-connector"), [], {
    env: {
      ...process.env, VIPMP_CONNECTOR_LISTEN: `127.0.0.1:${port}`, VIPMP_CONNECTOR_SECRET: CONNECTOR_SECRET,
      VIPMP_CONNECTOR_STORE: `sqlite:${join(dir, "connector.db")}`, VIPMP_DISTRIBUTOR_ID: DISTRIBUTOR,
      VIPMP_UPSTREAM: sandboxUrl, VIPMP_CLIENT_ID: "sandbox-client", VIPMP_CLIENT_SECRET: "sandbox-secret",
      VIPMP_RECONCILE_WINDOW_MS: "1000", RUST_LOG: "warn",
    },
    stdio: "ignore",
  });
  children.push(connector);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, connector);
  return url;
}

/** Registers the demo reseller through the static server's platform side, as the page's Register button does. */
export async function registerReseller(wwwUrl, termsAccepted = true) {
  const answer = await fetch(`${wwwUrl}platform/register`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ termsAccepted }),
  });
  return answer.json();
}

export async function startStack({ registered = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "vipmp-www-"));
  const [sandboxPort, proxyPort, wwwPort, connectorPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const children = [];
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sandbox = spawn(join(bin, "vipmp-sandbox"), [writeSeed(dir)], {
      env: { ...process.env, VIPMP_SANDBOX_PORT: String(sandboxPort) }, stdio: "ignore",
    });
    children.push(sandbox);
    await waitFor(`${sandboxUrl}/admin/clock`, sandbox);
    const env = {
      ...process.env, VIPMP_LISTEN: `127.0.0.1:${proxyPort}`, VIPMP_UPSTREAM: sandboxUrl,
      VIPMP_CLIENT_ID: "sandbox-client", VIPMP_CLIENT_SECRET: "sandbox-secret", VIPMP_JWT_SECRET: JWT_SECRET,
      VIPMP_CORRELATION_KEY: "test-correlation-key-of-32-bytes-min", VIPMP_ALLOWED_ORIGINS: `http://127.0.0.1:${wwwPort}`, RUST_LOG: "warn",
      // The sandbox settles at once: a short reconcile window keeps a proven
      // absence (and so the page's answer) within the tests' waits.
      VIPMP_RECONCILE_WINDOW_MS: "1000",
      // One test token clicks faster than a person: callers' shares stay out of the way.
      VIPMP_CALLER_RATE: "0", VIPMP_RESELLER_RATE: "0",
    };
    const jwt = execFileSync(join(bin, "vipmp-proxy"), ["mint-jwt", "storefront-test", RESELLER], { env }).toString().trim();
    const proxy = spawn(join(bin, "vipmp-proxy"), [], { env, stdio: "ignore" });
    children.push(proxy);
    await waitFor(`${proxyUrl}/`, proxy);
    const connectorUrl = await startConnector(dir, connectorPort, sandboxUrl, children);
    const server = await startStatic({
      port: wwwPort, sandbox: sandboxUrl, proxy: proxyUrl, jwt, resellerId: RESELLER,
      clientId: "sandbox-client", clientSecret: "sandbox-secret",
      connector: connectorUrl, connectorSecret: CONNECTOR_SECRET,
    });
    const url = `http://127.0.0.1:${wwwPort}/`;
    if (registered) {
      const answer = await registerReseller(url);
      if (answer.Status !== "Synced") throw new Error(`registering the demo reseller: ${JSON.stringify(answer)}`);
    }
    const browser = await launchChromium();
    return {
      url, proxyUrl, sandboxUrl, connectorUrl, browser,
      stop: async () => {
        await browser.close();
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
