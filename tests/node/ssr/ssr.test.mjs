// A server-rendered page from the same package: Node imports `vipmp` at build
// time to render the form (app/render.mjs, run as its own process in the scratch
// project, so it resolves the Node door as a server would), Vite bundles the
// browser half (app/client.js, the web door), and Chromium checks that the
// browser's init() takes over with the same verdicts the server rendered.
//
// VIPMP_CONSUMER: a directory whose node_modules holds the installed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launchChromium, openAndWait } from "../chromium.mjs";
import { serveStatic } from "../static.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;
const screenshotDir = process.env.VIPMP_SCREENSHOTS;

async function renderAndBuild() {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, "ssr-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
  execFileSync(process.execPath, [join(root, "render.mjs")], { stdio: "inherit" });
  await build({ root, logLevel: "warn", build: { outDir: "dist", target: "es2022" } });
  return join(root, "dist");
}

test("a page rendered by Node at build time is taken over by init() in Chromium", async () => {
  const dist = await renderAndBuild();
  assert.ok(readdirSync(join(dist, "assets")).some((name) => name.endsWith(".wasm")));
  const { server, url } = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const { page, value, errors } = await openAndWait(browser, url, "vipmpHydrated");
    assert.deepEqual(errors, []);
    assert.match(value.serverVerdict, /does not match the format for Canada/);
    assert.equal(value.browserVerdict, value.serverVerdict);
    assert.equal(await page.$eval("#region option[value=QC]", (o) => o.textContent), "Quebec");
    assert.equal(await page.$eval("#country", (s) => s.value), "CA");
    await page.fill("#postal", "K1A 0B1");
    assert.equal(await page.textContent("#verdict"), "valid");
    await page.selectOption("#country", "US");
    assert.match(await page.textContent("#verdict"), /does not match the format for United States/);
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, "ssr-in-chromium.png") });
    }
  } finally {
    await browser.close();
    server.close();
  }
});
