// The package as a webpack 5 user meets it: a one-file page (app/) that imports
// `vipmp` is built in production mode, the output is served from a local
// static server, and Debian's headless Chromium (playwright-core) runs it. The
// wasm and forms.json must be emitted by webpack as assets, with no manual copy
// and no loader configured.
//
// VIPMP_CONSUMER: a directory whose node_modules holds the installed package
// (scripts/test-js's scratch project). VIPMP_SCREENSHOTS: where to save one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { checkBuiltPage, emittedSizes } from "../bundled.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;

/** Copies app/ beside the installed package and runs a production webpack build on it. */
async function buildApp() {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, "webpack-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
  const dist = join(root, "dist");
  const stats = await new Promise((done, fail) =>
    webpack({
      mode: "production",
      context: root,
      entry: "./main.js",
      output: { path: dist, filename: "main.js", assetModuleFilename: "assets/[name].[contenthash][ext]" },
      // webpack's default budget (244 KiB) would warn about the wasm, which is the product
      performance: { hints: false },
    }, (error, result) => (error ? fail(error) : done(result))));
  assert.deepEqual(stats.compilation.errors.map(String), []);
  assert.deepEqual(stats.compilation.warnings.map(String), []);
  cpSync(join(root, "index.html"), join(dist, "index.html"));
  return dist;
}

test("a webpack 5 production build checks a postal code in Chromium", async () => {
  const dist = await buildApp();
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((name) => name.endsWith(".wasm")), `webpack emitted the wasm: ${assets}`);
  assert.ok(assets.some((name) => name.startsWith("forms") && name.endsWith(".json")), `webpack emitted forms.json: ${assets}`);
  for (const locale of ["de", "fr", "es", "it", "ja", "pt-BR", "nl"]) {
    assert.ok(assets.some((name) => name.startsWith(`${locale}.`) && name.endsWith(".json")), `webpack emitted ${locale}.json: ${assets}`);
  }
  console.log("webpack output:", emittedSizes(dist));

  await checkBuiltPage(dist, "webpack", async ({ verdicts, requests }) => {
    assert.deepEqual(verdicts.schema.issues.map((issue) => [issue.path, issue.code]), [[[], "postal_code.invalid_format"]]);
    assert.equal(verdicts.german.violations[0].message,
      "Postleitzahl 12345 entspricht nicht dem Format für Kanada, z. B. H3Z 2Y7 oder V8X 3X4.");
    const catalogues = requests.filter((request) => /\/assets\/[a-zA-Z-]+\.[0-9a-f]+\.json$/.test(request) && !/forms\./.test(request));
    assert.deepEqual(catalogues.map((request) => request.split("/assets/")[1].split(".")[0]), ["de"], "only the catalogue asked for");
  });
});
