// What the bundler tests (Vite, webpack, esbuild) share once their production
// build is in `dist`: the sizes of what was emitted, and the page's checks in
// Chromium — the package checks a Canadian postal code at load, names Quebec,
// and re-checks as the user types. Each test adds its own checks of what only
// its bundler does (emitted catalogues, the language it loads). Also what they
// need to build a page again on `vipmp/validate` and check what it ships.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
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

/** DESIGN.md's budget for the shipped module: 150 KiB gzip -9. */
export const WASM_BUDGET = 150 * 1024;

/** The gzip -9 bytes of the one wasm a build emitted into `dist/assets`. */
export function emittedWasm(dist) {
  const wasm = readdirSync(join(dist, "assets")).filter((name) => name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm emitted: ${wasm}`);
  return gzipSync(readFileSync(join(dist, "assets", wasm[0])), { level: 9 }).length;
}

/**
 * Turns a copied page's `main` onto `vipmp/validate`: its import of `vipmp`,
 * and with `wasmImport` its import of the wasm by specifier (esbuild's way).
 */
export function onValidateEntry(main, { wasmImport = false } = {}) {
  const source = readFileSync(main, "utf8");
  assert.match(source, /from "vipmp";/);
  if (wasmImport) assert.match(source, /from "vipmp\/vipmp_bg.wasm";/);
  writeFileSync(main, source
    .replace('from "vipmp";', 'from "vipmp/validate";')
    .replace('"vipmp/vipmp_bg.wasm"', '"vipmp/validate/vipmp_bg.wasm"'));
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
