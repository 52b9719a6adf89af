// "Register as an Adobe reseller" in Debian's Chromium, against the sandbox,
// the proxy and the account connector: an unregistered reseller cannot reach
// the checkout, a registration without the terms is refused by name, one with
// them syncs the reseller and opens the checkout, and a reload finds it synced
// (a repeat sync answered from the connector's mapping). Each step saves a screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startStack } from "./stack.mjs";

const screenshots = process.env.VIPMP_SCREENSHOTS ?? "target/screenshots";
let stack;

before(async () => {
  stack = await startStack({ registered: false });
});
after(async () => {
  await stack?.stop();
});

async function shoot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `www-${name}.png`), fullPage: true });
}

async function openPage(page) {
  await page.goto(stack.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
}

/** Whether the checkout's customer, basket and order sections are blocked (inert). */
const checkoutBlocked = (page) => page.evaluate(() => ["customer-title", "basket-title", "order-title"]
  .map((id) => document.getElementById(id).closest("section").inert));

// One flow, in order: each step starts where the previous one left the reseller.
test("registration: unregistered → blocked; without the terms → refused by name; with them → synced and open; reload → still synced", async () => {
  const page = await stack.browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await openPage(page);
    assert.equal(await page.isVisible("#register"), true);
    assert.deepEqual(await checkoutBlocked(page), [true, true, true]);
    assert.match(await page.textContent("#sync-status"), /only be purchased by registered Adobe Resellers/);
    assert.equal(await page.isDisabled("#place-order"), true);
    await shoot(page, "register-unregistered");

    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByText(/Not registered\. TermsNotAccepted/).waitFor();
    assert.match(await page.textContent("#register-status"), /The reseller has not accepted Adobe's terms and conditions/);
    assert.equal(await page.getAttribute("#accept-terms", "aria-invalid"), "true");
    assert.deepEqual(await checkoutBlocked(page), [true, true, true]);
    await shoot(page, "register-refused");

    await page.getByLabel("I have read and accept Adobe's Terms and Conditions").check();
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByText(/Registered Adobe reseller \d{10}/).waitFor();
    const [, adobeId] = (await page.textContent("#sync-status")).match(/reseller (\d{10})/);
    assert.equal(await page.isVisible("#register"), false);
    assert.deepEqual(await checkoutBlocked(page), [false, false, false]);
    await page.getByLabel("Company name", { exact: true }).fill("Pond Supplies"); // the form takes input again
    await shoot(page, "register-synced");

    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    // The same Adobe reseller: the connector's mapping answered, no second account.
    assert.match(await page.textContent("#sync-status"), new RegExp(`Registered Adobe reseller ${adobeId} `));
    assert.equal(await page.isVisible("#register"), false);
    assert.deepEqual(await checkoutBlocked(page), [false, false, false]);
    await shoot(page, "register-reloaded");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
