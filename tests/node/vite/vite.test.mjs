// The package as a Vite user meets it: a one-file page (app/) that imports
// `vipmp` is built with `vite build` (production), the output is served from
// a local static server, and Debian's headless Chromium (playwright-core) runs
// it: the page checks a postal code as typed and lists a country's regions.
// The wasm and forms.json must be emitted by Vite as assets, with no manual copy.
// Built again importing `vipmp/validate`, the page must ship that entry's
// smaller module, within the size budget, and work the same.
//
// VIPMP_CONSUMER: a directory whose node_modules holds the installed package
// (scripts/test-js's scratch project). VIPMP_SCREENSHOTS: where to save one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { WASM_BUDGET, checkBuiltPage, emittedWasm, onValidateEntry } from "../bundled.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;

/**
 * Copies app/ beside the installed package and runs `vite build` on it; with
 * `validate`, the page imports `vipmp/validate` instead of `vipmp`.
 */
async function buildApp(validate = false) {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, validate ? "vite-app-validate" : "vite-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
  if (validate) onValidateEntry(join(root, "main.js"));
  await build({ root, logLevel: "warn", build: { outDir: "dist", target: "es2022" } });
  return join(root, "dist");
}

test("a Vite production build of a one-file page checks a postal code in Chromium", async () => {
  const dist = await buildApp();
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((name) => name.endsWith(".wasm")), `Vite emitted the wasm: ${assets}`);
  assert.ok(assets.some((name) => name.startsWith("forms") && name.endsWith(".json")), `Vite emitted forms.json: ${assets}`);
  for (const locale of ["de", "fr", "es", "it", "ja", "pt-BR", "nl"]) {
    assert.ok(assets.some((name) => name.startsWith(`${locale}-`) && name.endsWith(".json")), `Vite emitted ${locale}.json: ${assets}`);
  }

  await checkBuiltPage(dist, "vite", async ({ verdicts }) => {
    assert.equal(verdicts.bad.valid, false);
  });
});

test("the same page importing vipmp/validate ships its smaller module, within the budget", async () => {
  const full = emittedWasm(await buildApp());
  const dist = await buildApp(true);
  const validate = emittedWasm(dist);
  assert.ok(validate <= WASM_BUDGET, `vipmp/validate's wasm is ${validate} B gzip -9`);
  assert.ok(validate < full, `${validate} B against vipmp's ${full} B`);
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((name) => name.startsWith("forms") && name.endsWith(".json")), `Vite emitted forms.json: ${assets}`);
  await checkBuiltPage(dist, "vite-validate", async ({ verdicts }) => {
    assert.equal(verdicts.bad.valid, false);
  });
});
