// The package as a esbuild user meets it: a one-file page (app/) that imports
// `vipmp` is bundled and minified (production), the output is served from a local
// static server, and Debian's headless Chromium (playwright-core) runs it.
// esbuild does not follow `new URL(…, import.meta.url)`: the page imports the
// wasm's URL (`loader: { ".wasm": "file" }`, the one setting it needs) and the
// region names as data, as the package's README shows; nothing is copied by hand.
// Bundled again on `vipmp/validate`, the page names that entry's wasm by its
// own export and must ship the smaller module.
//
// VIPMP_CONSUMER: a directory whose node_modules holds the installed package
// (scripts/test-js's scratch project). VIPMP_SCREENSHOTS: where to save one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { WASM_BUDGET, checkBuiltPage, emittedSizes, emittedWasm, onValidateEntry } from "../bundled.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;

/**
 * Copies app/ beside the installed package and bundles it with esbuild,
 * minified; with `validate`, the page imports `vipmp/validate` and its wasm.
 */
async function buildApp(validate = false) {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, validate ? "esbuild-app-validate" : "esbuild-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
  if (validate) onValidateEntry(join(root, "main.js"), { wasmImport: true });
  const dist = join(root, "dist");
  const result = await build({
    entryPoints: [join(root, "main.js")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: dist,
    loader: { ".wasm": "file" },
    assetNames: "assets/[name]-[hash]",
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map((warning) => warning.text), []);
  cpSync(join(root, "index.html"), join(dist, "index.html"));
  return dist;
}

/** The page's own checks beside the shared ones: the schema and the Japanese catalogue. */
async function checkSchemaAndJapanese({ verdicts }) {
  assert.deepEqual(verdicts.schema.issues.map((issue) => [issue.path, issue.code]), [[[], "postal_code.invalid_format"]]);
  assert.equal(verdicts.japanese.issues[0].message, "郵便番号 12345 はカナダの形式と一致しません（例：H3Z 2Y7またはV8X 3X4）。");
}

test("an esbuild production bundle checks a postal code in Chromium", async () => {
  const dist = await buildApp();
  emittedWasm(dist);
  console.log("esbuild output:", emittedSizes(dist));
  await checkBuiltPage(dist, "esbuild", checkSchemaAndJapanese);
});

test("the same page on vipmp/validate bundles its smaller module, named by its own export", async () => {
  const full = emittedWasm(await buildApp());
  const dist = await buildApp(true);
  const validate = emittedWasm(dist);
  assert.ok(validate <= WASM_BUDGET && validate < full, `vipmp/validate's wasm ${validate} B gzip -9, vipmp's ${full} B`);
  console.log("esbuild output on vipmp/validate:", emittedSizes(dist));
  await checkBuiltPage(dist, "esbuild-validate", checkSchemaAndJapanese);
});
