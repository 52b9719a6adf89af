// The React checkout example (examples/checkout-react) as its user runs it:
// copied beside the installed package, built with `vite build` (production),
// served, and filled in by Debian's headless Chromium in two languages. The
// form's rules come from vipmp's Standard Schema objects through
// react-hook-form's standard-schema resolver; the messages must arrive in the
// page's language. It imports `vipmp/validate`, whose smaller module must be the
// one it ships. Screenshots of both go to VIPMP_SCREENSHOTS.
//
// The example's dependencies (React, react-hook-form, @hookform/resolvers,
// Vite) are this test directory's devDependencies (package-lock.json), linked
// into the copy; vipmp is the packed package in VIPMP_CONSUMER.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, createLogger } from "vite";
import { WASM_BUDGET, emittedWasm } from "../bundled.mjs";
import { launchChromium, openAndWait } from "../chromium.mjs";
import { serveStatic } from "../static.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const example = join(here, "../../../examples/checkout-react");
const testModules = join(here, "../node_modules");
const consumer = process.env.VIPMP_CONSUMER;
const screenshotDir = process.env.VIPMP_SCREENSHOTS;

/** Copies the example beside the installed package, links its other dependencies, builds it. */
async function buildExample() {
  assert.ok(consumer && existsSync(join(consumer, "node_modules/vipmp")), "VIPMP_CONSUMER holds the installed package");
  const root = join(consumer, "checkout-react");
  rmSync(root, { recursive: true, force: true });
  cpSync(example, root, { recursive: true, filter: (path) => !/node_modules|dist/.test(path) });
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  mkdirSync(join(root, "node_modules/@hookform"), { recursive: true });
  for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]) {
    const from = name === "vipmp" ? join(consumer, "node_modules/vipmp") : join(testModules, name);
    assert.ok(existsSync(from), `${name} is installed (tests/node/package.json)`);
    symlinkSync(from, join(root, "node_modules", name), "dir");
  }
  const reported = [];
  const logger = createLogger("info");
  logger.info = (message) => {
    reported.push(message);
  };
  await build({ root, configFile: join(root, "vite.config.js"), customLogger: logger, build: { outDir: "dist" } });
  return { dist: join(root, "dist"), reported };
}

/** Fills the form with `values` (by field name), submits, and waits for the page to settle. */
async function fillAndSubmit(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const selector = `[name=${name}]`;
    if ((await page.$eval(selector, (element) => element.tagName)) === "SELECT") await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  await page.click("button[type=submit]");
}

/** The message shown under each invalid field. */
async function shownErrors(page) {
  await page.waitForSelector("em[role=alert]", { timeout: 10_000 });
  return page.$$eval("em[role=alert]", (list) => Object.fromEntries(list.map((em) => [em.dataset.field, em.textContent])));
}

const BAD = { companyName: "Acme <Tools>", firstName: "Ann", lastName: "Lee", email: "ann@", country: "US",
  city: "San Jose", addressLine1: "1 Main St", postalCode: "9511" };

const EXPECTED = {
  de: {
    companyName: /^Firmenname darf „<“ \(U\+003C\) nicht enthalten\./,
    email: /^E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein\.$/,
    region: /^Bundesland\/Region ist ein Pflichtfeld\.$/,
    postalCode: /^Postleitzahl 9511 entspricht nicht dem Format für Vereinigte Staaten/,
    countryName: "Vereinigte Staaten",
  },
  ja: {
    companyName: /^会社名に「<」（U\+003C）は使えません。/,
    email: /^メールアドレスが正しくありません。$/,
    region: /^都道府県・地域を入力してください。$/,
    postalCode: /^郵便番号 9511 はアメリカ合衆国の形式と一致しません/,
    countryName: "アメリカ合衆国",
  },
};

test("the React checkout example, built by Vite, speaks German and Japanese in Chromium", async () => {
  const { dist, reported } = await buildExample();
  const assets = readdirSync(join(dist, "assets"));
  for (const name of assets) {
    const bytes = readFileSync(join(dist, "assets", name));
    console.log(`${name}: ${bytes.length} B, ${gzipSync(bytes, { level: 9 }).length} B gzip -9`);
  }
  // The example imports vipmp/validate: its one wasm is that entry's, within the budget.
  const wasmGzip = emittedWasm(dist);
  assert.ok(wasmGzip <= WASM_BUDGET, `the example's wasm is ${wasmGzip} B gzip -9`);
  console.log("vite build reported:\n" + reported.join("\n"));
  const { server, url } = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    for (const [language, expected] of Object.entries(EXPECTED)) {
      const { page, errors, requests } = await openAndWait(browser, `${url}?lang=${language}`, "document");
      await page.waitForSelector("form button[type=submit]", { timeout: 60_000 });
      assert.deepEqual(errors, []);
      assert.equal(await page.$eval("[name=country] option[value=US]", (o) => o.textContent), expected.countryName);
      await fillAndSubmit(page, BAD);
      const shown = await shownErrors(page);
      for (const field of ["companyName", "email", "region", "postalCode"]) {
        assert.match(shown[field] ?? "", expected[field], `${language} ${field}: ${JSON.stringify(shown)}`);
      }
      assert.deepEqual(Object.keys(shown).sort(), ["companyName", "email", "postalCode", "region"]);
      const catalogues = requests.filter((r) => /\/assets\/(de|fr|es|it|ja|nl|pt-BR)-[\w-]+\.json$/.test(r));
      assert.equal(catalogues.length, 1, `one catalogue fetched: ${catalogues}`);
      if (screenshotDir) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `checkout-react-${language}.png`), fullPage: true });
      }
      await fillAndSubmit(page, { companyName: "Acme Tools", email: "ann@example.com", region: "CA", postalCode: "95110" });
      await page.waitForSelector("p.done", { timeout: 10_000 });
      assert.deepEqual(await page.$$eval("em[role=alert]", (list) => list.length), 0);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
});
