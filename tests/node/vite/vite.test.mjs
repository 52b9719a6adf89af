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
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { checkBuiltPage } from "../bundled.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;

/**
 * Copies app/ beside the installed package and runs `vite build` on it; with
 * `entry`, the page imports that entry point of the package instead of `vipmp`.
 */
async function buildApp(entry) {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, entry ? "vite-app-validate" : "vite-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
  if (entry) {
    const main = join(root, "main.js");
    const source = readFileSync(main, "utf8");
    assert.match(source, /from "vipmp";/);
    writeFileSync(main, source.replace('from "vipmp";', `from "${entry}";`));
  }
  await build({ root, logLevel: "warn", build: { outDir: "dist", target: "es2022" } });
  return join(root, "dist");
}

/** The gzip -9 bytes of the one wasm in `assets`. */
function emittedWasm(dist) {
  const wasm = readdirSync(join(dist, "assets")).filter((name) => name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm emitted: ${wasm}`);
  return gzipSync(readFileSync(join(dist, "assets", wasm[0])), { level: 9 }).length;
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
  const dist = await buildApp("vipmp/validate");
  const validate = emittedWasm(dist);
  // DESIGN.md's budget for the shipped module: 150 KiB gzip -9.
  assert.ok(validate <= 150 * 1024, `vipmp/validate's wasm is ${validate} B gzip -9`);
  assert.ok(validate < full, `${validate} B against vipmp's ${full} B`);
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((name) => name.startsWith("forms") && name.endsWith(".json")), `Vite emitted forms.json: ${assets}`);
  await checkBuiltPage(dist, "vite-validate", async ({ verdicts }) => {
    assert.equal(verdicts.bad.valid, false);
  });
});
