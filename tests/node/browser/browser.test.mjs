// Loads the web build of the installed package from a local static server in
// Debian's headless Chromium (playwright-core, no browser download), runs the
// shared fixtures in the page, validates a payload there, and lists a country's
// regions with the names init() fetched from forms.json. The page loads
// `vipmp/validate`'s web door too, which must answer every case it can run
// as `vipmp`'s does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, readdirSync, mkdirSync, existsSync } from "node:fs";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, openAndWait } from "../chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = process.env.VIPMP_PACKAGE;
const fixtureDir = process.env.VIPMP_FIXTURES;
const screenshotDir = process.env.VIPMP_SCREENSHOTS;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };

function resolve(url) {
  if (url === "/" || url === "/index.html") return join(here, "index.html");
  if (url === "/runner.mjs") return join(here, "../consumer/runner.mjs");
  if (url.startsWith("/vipmp/")) return join(packageDir, url.slice("/vipmp/".length));
  if (url.startsWith("/fixtures/")) return join(fixtureDir, url.slice("/fixtures/".length));
  return null;
}

/** Every path the page asked for. */
const served = [];

function serve(request, response) {
  const url = new URL(request.url, "http://127.0.0.1").pathname;
  served.push(url);
  if (url === "/fixtures/index.json") {
    const names = readdirSync(fixtureDir).filter((n) => n.endsWith(".json")).sort();
    response.writeHead(200, { "content-type": TYPES[".json"] }).end(JSON.stringify(names));
    return;
  }
  const file = resolve(url);
  if (!file || url.includes("..") || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  response.end(readFileSync(file));
}


test("the web build validates in Chromium with the same verdicts as Rust", async () => {
  const server = createServer(serve);
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const browser = await launchChromium();
  try {
    const url = `http://127.0.0.1:${server.address().port}/`;
    const { page, value: outcome, errors } = await openAndWait(browser, url, "vipmpOutcome");
    assert.deepEqual(errors, []);
    assert.ok(outcome.count >= 300, `only ${outcome.count} cases ran`);
    assert.deepEqual(outcome.failures, []);
    assert.equal(outcome.postal.violations[0].code, "postal_code.invalid_format");
    assert.match(await page.textContent("#postal"), /does not match the format for United States/);
    assert.deepEqual(outcome.canada.find((r) => r.code === "QC"), { code: "QC", name: "Quebec" });
    assert.ok(outcome.validate.compared >= 300, `only ${outcome.validate.compared} cases compared on vipmp/validate`);
    assert.deepEqual(outcome.validate.mismatches, []);
    assert.deepEqual(outcome.validate.canada, outcome.canada);
    assert.deepEqual(outcome.canada.find((r) => r.code === "PQ"), { code: "PQ" });
    assert.match(await page.textContent("#regions"), /^Alberta, British Columbia, .*Yukon$/);
    assert.ok(served.includes("/vipmp/forms.json"), "init() fetches forms.json beside the module");
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, "package-in-chromium.png") });
    }
  } finally {
    await browser.close();
    server.close();
  }
});
