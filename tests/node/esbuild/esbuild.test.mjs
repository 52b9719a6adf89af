// The package as a esbuild user meets it: a one-file page (app/) that imports
// `vipmp` is bundled and minified (production), the output is served from a local
// static server, and Debian's headless Chromium (playwright-core) runs it.
// esbuild does not follow `new URL(…, import.meta.url)`: the page imports the
// wasm's URL (`loader: { ".wasm": "file" }`, the one setting it needs) and the
// region names as data, as the package's README shows; nothing is copied by hand.
//
// VIPMP_CONSUMER: a directory whose node_modules holds the installed package
// (scripts/test-js's scratch project). VIPMP_SCREENSHOTS: where to save one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { checkBuiltPage, emittedSizes } from "../bundled.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const consumer = process.env.VIPMP_CONSUMER;

/** Copies app/ beside the installed package and bundles it with esbuild, minified. */
async function buildApp() {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, "esbuild-app");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(here, "app"), root, { recursive: true });
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

test("an esbuild production bundle checks a postal code in Chromium", async () => {
  const dist = await buildApp();
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((name) => name.endsWith(".wasm")), `esbuild emitted the wasm: ${assets}`);
  console.log("esbuild output:", emittedSizes(dist));

  await checkBuiltPage(dist, "esbuild", async ({ verdicts }) => {
    assert.deepEqual(verdicts.schema.issues.map((issue) => [issue.path, issue.code]), [[[], "postal_code.invalid_format"]]);
    assert.equal(verdicts.japanese.issues[0].message, "郵便番号 12345 はカナダの形式と一致しません（例：H3Z 2Y7またはV8X 3X4）。");
  });
});
