// What the bundler tests (Vite, webpack, esbuild) share once their production
// build is in `dist`: the sizes of what was emitted, and the page's checks in
// Chromium — the package checks a Canadian postal code at load, names Quebec,
// and re-checks as the user types. Each test adds its own checks of what only
// its bundler does (emitted catalogues, the language it loads).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, openAndWait } from "./chromium.mjs";
import { serveStatic } from "./static.mjs";

/** Bytes and gzip -9 bytes of each emitted file, for the report. */
export function emittedSizes(dir) {
  const out = {};
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    out[name] = `${bytes.length} B (${gzipSync(bytes, { level: 9 }).length} B gzip)`;
  }
  return out;
}

/**
 * Serves `dist`, opens it in Chromium and runs the shared checks, then
 * `extra({ page, verdicts, requests })`; saves `<name>-build-in-chromium.png`
 * under VIPMP_SCREENSHOTS when set.
 */
export async function checkBuiltPage(dist, name, extra = async () => {}) {
  const { server, url } = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const { page, value: verdicts, errors, requests } = await openAndWait(browser, url, "vipmpVerdicts");
    assert.deepEqual(errors, []);
    assert.equal(verdicts.good.valid, true);
    assert.equal(verdicts.bad.violations[0].code, "postal_code.invalid_format");
    assert.deepEqual(verdicts.quebec, { code: "QC", name: "Quebec" });
    await extra({ page, verdicts, requests });
    assert.equal(await page.textContent("#verdict"), "valid");
    await page.fill("#postal", "K1A0B");
    await page.waitForFunction(() => document.querySelector("#verdict").textContent !== "valid");
    assert.match(await page.textContent("#verdict"), /does not match the format for Canada/);
    const screenshots = process.env.VIPMP_SCREENSHOTS;
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${name}-build-in-chromium.png`) });
    }
  } finally {
    await browser.close();
    server.close();
  }
}
