// The demo storefront in Debian's Chromium against a real sandbox and proxy:
// the happy path, page-side validation before any request, the basket rules,
// and a server-side refusal shown at its field. Each test saves a screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startStack } from "./stack.mjs";

const screenshots = process.env.VIPMP_SCREENSHOTS ?? "target/screenshots";
let stack;

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/**
 * A fresh page on the storefront, with the calls that reach the proxy: `loadCalls`
 * while it starts (the reseller's customers), `proxyCalls` after that.
 */
async function openCheckout() {
  const page = await stack.browser.newPage();
  const errors = [];
  const proxyCalls = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    if (request.url().startsWith(stack.proxyUrl) && request.method() !== "OPTIONS") proxyCalls.push(request.url());
  });
  await page.goto(stack.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const loadCalls = proxyCalls.splice(0);
  return { page, errors, proxyCalls, loadCalls };
}

async function shoot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `www-${name}.png`), fullPage: true });
}

/** Types a valid new customer (US, California). */
async function fillCustomer(page, overrides = {}) {
  const values = {
    "Company name": "Pond Supplies", "City": "San Jose", "Address line 1": "1 Pond Rd",
    "Postal code": "95110", "First name": "Daisy", "Last name": "Duck", "Email": "daisy@example.com", ...overrides,
  };
  await page.getByLabel("Country", { exact: true }).selectOption("US");
  await page.getByLabel("Region", { exact: true }).selectOption("CA");
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Keeps every text the order's status line shows, to see it move from pending to complete. */
async function recordStatuses(page) {
  await page.evaluate(() => {
    window.statusesSeen = [];
    const line = document.querySelector(".order-status");
    new MutationObserver(() => window.statusesSeen.push(line.textContent)).observe(line, { childList: true, characterData: true, subtree: true });
  });
}

const errorOf = (page, label) => page.getByLabel(label, { exact: true }).evaluate(
  (input) => document.getElementById(`${input.id}-error`).textContent);

test("happy path: a new customer, a quote, an order that completes, its subscription's auto-renewal edited", async () => {
  const { page, errors } = await openCheckout();
  try {
    await fillCustomer(page);
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.getByText(/Customer \d{10} created/).waitFor();

    await page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 239.88 USD" });
    await page.getByLabel("Quantity", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Add to basket" }).click();
    assert.equal(await page.textContent(".level-message"), "Volume Discount Level: 02");
    assert.match(await page.textContent(".level-next"), /12 licences; 38 more reach level 03/);
    assert.match(await page.textContent(".quote tbody"), /65304479CA02A12/); // the level-2 offer is sent

    await recordStatuses(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText(/Order \d{10}: complete/).waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => window.statusesSeen);
    assert.match(seen[0], /pending — Order open \(1002\)/);
    assert.match(seen.at(-1), /complete — .*\(1000\)/);
    await page.getByRole("heading", { name: /65304479CA02A12 · 12 licences/ }).waitFor();

    const renew = page.getByLabel("Renew automatically");
    assert.equal(await renew.isChecked(), true);
    await renew.uncheck();
    await page.getByRole("button", { name: "Save auto-renewal" }).click();
    await page.getByText("Saved: auto-renewal off.").waitFor();
    await shoot(page, "happy-path");

    await page.getByRole("button", { name: /Cancel this order/ }).click();
    await page.getByText(/Return \d{10}: complete/).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: /65304479CA02A12 · 0 licences/ }).waitFor();
    await shoot(page, "order-returned");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("a wrong postal code and a forbidden character are flagged at their fields before any request", async () => {
  const { page, errors, proxyCalls } = await openCheckout();
  try {
    await fillCustomer(page, { "Postal code": "9511", "Company name": "Pond <Supplies>" });
    assert.match(await errorOf(page, "Postal code"), /Postal code 9511 does not match the format for United States/);
    assert.match(await errorOf(page, "Company name"), /Company name cannot contain “<”/);
    await page.getByRole("button", { name: "Create customer" }).click();
    const postal = page.getByLabel("Postal code", { exact: true });
    assert.equal(await postal.getAttribute("aria-invalid"), "true");
    assert.match(await postal.getAttribute("aria-describedby"), /-error/);
    assert.equal(await page.getByLabel("Company name", { exact: true }).inputValue(), "Pond <Supplies>"); // nothing lost
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "companyProfile.companyName");
    assert.deepEqual(proxyCalls, []);
    await shoot(page, "field-errors");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("a basket with two containers and an add-on listed twice is blocked with the right messages", async () => {
  const { page, errors, proxyCalls } = await openCheckout();
  try {
    await page.getByLabel("Product").selectOption("container");
    await page.getByRole("button", { name: "Add to basket" }).click();
    await page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 239.88 USD" });
    await page.getByRole("button", { name: "Add to basket" }).click();
    await page.getByRole("button", { name: "Add to basket" }).click();
    const lineError = (index) => page.locator(`#b-line-${index}-error`).textContent();
    assert.match(await lineError(1), /Adobe subscription can be ordered only once/);
    assert.match(await lineError(3), /already in the basket; increase its quantity instead/);
    assert.equal(await page.locator("#b-line-3").getAttribute("aria-invalid"), "true");
    assert.equal(await page.getByRole("button", { name: "Place order" }).isDisabled(), true);
    assert.equal(await page.locator(".quote").isHidden(), true);
    assert.deepEqual(proxyCalls, []);
    await shoot(page, "basket-rules");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("a refusal only the server can make (segment the reseller does not sell) is shown at its field", async () => {
  const { page, errors, proxyCalls } = await openCheckout();
  try {
    await fillCustomer(page);
    await page.getByLabel("Market segment").selectOption("EDU");
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.getByText("The customer was not created: see the marked fields.").waitFor();
    const segment = page.getByLabel("Market segment");
    assert.equal(await segment.getAttribute("aria-invalid"), "true");
    assert.match(await errorOf(page, "Market segment"), /Adobe refused this \(code 1117\)/);
    assert.equal(proxyCalls.length, 1);
    assert.equal(await page.getByLabel("Email", { exact: true }).inputValue(), "daisy@example.com");
    await shoot(page, "server-error");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("keyboard only: tab to the form, submit with Enter, land on the first problem, add to the basket", async () => {
  const { page, errors, proxyCalls } = await openCheckout();
  try {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "existing-customer"); // pick one, or…
    await page.keyboard.press("Tab"); // Use this customer
    await page.keyboard.press("Tab"); // …create one
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "companyProfile.companyName");
    await page.keyboard.type("Pond Supplies");
    await page.keyboard.press("Enter"); // submits the form: the required fields left empty are flagged
    const focused = await page.evaluate(() => document.activeElement.dataset.path);
    assert.equal(focused, "companyProfile.address.region");
    assert.equal(await page.getByLabel("Company name", { exact: true }).inputValue(), "Pond Supplies");
    assert.deepEqual(proxyCalls, []);

    await page.getByLabel("Product").focus();
    await page.keyboard.press("Tab"); // quantity
    await page.keyboard.type("5");
    await page.keyboard.press("Tab"); // Add to basket
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".lines tbody tr").count(), 2);
    assert.equal(await page.textContent(".level-message"), "Volume Discount Level: 01");
    await shoot(page, "keyboard");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** Picks a customer from the reseller's list (loaded through the proxy) and uses it. */
async function useExisting(page, label) {
  await page.getByLabel("Existing customer").selectOption({ label });
  await page.getByRole("button", { name: "Use this customer" }).click();
  await page.getByText(/^Ordering for /).waitFor();
  // The page is ready once it has repriced for the customer and moved the
  // focus to the product picker (under load, that comes after the status line).
  await page.waitForFunction(() => document.activeElement?.id === "picker");
}

test("an existing customer, listed through the proxy, is picked: the form steps aside and the order goes through", async () => {
  const { page, errors, loadCalls } = await openCheckout();
  try {
    assert.ok(loadCalls.some((url) => url.endsWith("/v3/resellers/5000000101/customers")));
    await page.getByLabel("Company name", { exact: true }).fill("Typed before choosing");
    await useExisting(page, "Duck Industries (6000000201)");
    assert.equal(await page.locator("#customer").isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), "picker");
    await page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 239.88 USD" });
    await page.getByLabel("Quantity", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Add to basket" }).click();
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText(/Order \d{10}: complete/).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: /65304479CA01A12 · 3 licences/ }).waitFor();
    await shoot(page, "existing-customer");

    await page.getByRole("button", { name: "Create a new customer instead" }).click();
    assert.equal(await page.getByLabel("Company name", { exact: true }).inputValue(), "Typed before choosing"); // kept
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("a basket warning (the customer already has the product) is shown and does not block the order; a second container is refused", async () => {
  const { page, errors } = await openCheckout();
  try {
    await useExisting(page, "Duck Industries (6000000201)"); // holds Acrobat Pro from the previous test
    assert.doesNotMatch(await page.textContent(".lines tbody"), /Adobe Services/); // the add-ons go to the subscription
    await page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 239.88 USD" });
    await page.getByRole("button", { name: "Add to basket" }).click();
    const warnings = await page.locator(".basket-warnings").textContent();
    assert.match(warnings, /already has this Adobe product/);
    assert.equal(await page.locator(".basket-warnings .warning").count() >= 1, true);
    assert.equal(await page.getByRole("button", { name: "Place order" }).isDisabled(), false);
    assert.match(await page.textContent(".level-basis"), /licences of this order/);
    await shoot(page, "basket-warning");

    // Storefront rule 4: another "Adobe Services" container cannot be ordered.
    await page.getByLabel("Product").selectOption({ label: "Adobe Services (container)" });
    await page.getByRole("button", { name: "Add to basket" }).click();
    assert.match(await page.textContent("#basket"), /an Adobe subscription already exists for “Duck Industries”/);
    assert.equal(await page.getByRole("button", { name: "Place order" }).isDisabled(), true);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("several contacts: rows added and removed, an error on the second contact's email shown at that field", async () => {
  const { page, errors, proxyCalls } = await openCheckout();
  try {
    await fillCustomer(page);
    await page.getByRole("button", { name: "Add another contact" }).click();
    const second = page.getByRole("group", { name: "Contact 2" });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "companyProfile.contacts[1].firstName");
    await second.getByLabel("First name").fill("Gladstone");
    await second.getByLabel("Last name").fill("Gander");
    await second.getByLabel("Email").fill("gladstone@@example");
    const email = second.getByLabel("Email");
    assert.equal(await email.getAttribute("data-path"), "companyProfile.contacts[1].email");
    assert.notEqual(await email.evaluate((input) => document.getElementById(`${input.id}-error`).textContent), "");

    await page.getByRole("button", { name: "Add another contact" }).click();
    await page.getByRole("group", { name: "Contact 3" }).getByLabel("First name").fill("Scrooge");
    await page.getByRole("button", { name: "Remove contact 3" }).click();
    assert.equal(await page.locator("fieldset.contact").count(), 2);
    assert.equal(await second.getByLabel("First name").inputValue(), "Gladstone"); // kept

    await page.getByRole("button", { name: "Create customer" }).click();
    assert.equal(await email.getAttribute("aria-invalid"), "true");
    assert.match(await email.getAttribute("aria-describedby"), /-error/);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "companyProfile.contacts[1].email");
    assert.equal(await page.getByRole("group", { name: "Contact 1" }).getByLabel("Email").getAttribute("aria-invalid"), null);
    assert.deepEqual(proxyCalls, []);
    await shoot(page, "contacts");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** A region code of Germany, as the package's regions("DE") lists it in the page. */
const germanRegion = (page, name) => page.evaluate(
  async (wanted) => (await import("/pkg/web/vipmp.js")).regions("DE").find((r) => r.name === wanted).code, name);

test("a customer in Germany is quoted in euros from the WE price list", async () => {
  const { page, errors } = await openCheckout();
  try {
    await page.getByLabel("Country", { exact: true }).selectOption("DE");
    await page.getByLabel("Region", { exact: true }).selectOption(await germanRegion(page, "Berlin"));
    const values = {
      "Company name": "Gans Werkstatt", "City": "Berlin", "Address line 1": "Invalidenstraße 1",
      "Postal code": "10115", "First name": "Gustav", "Last name": "Gans", "Email": "gustav@example.com",
    };
    for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
    assert.equal(await errorOf(page, "Postal code"), "");
    await page.getByText("Prices in EUR for Germany (region WE).").waitFor();
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.getByText(/Customer \d{10} created/).waitFor();

    await page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 215.88 EUR" });
    await page.getByLabel("Quantity", { exact: true }).fill("2");
    await page.getByRole("button", { name: "Add to basket" }).click();
    assert.match(await page.textContent(".quote .total"), /^[\d.]+ EUR$/);
    assert.match(await page.textContent(".quote tbody"), /215\.88/);
    assert.equal(await page.textContent(".quote thead .quote-currency"), "EUR");
    assert.equal(await page.getByRole("button", { name: "Place order" }).isDisabled(), false);
    await shoot(page, "quote-eur");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("a country without a seeded price list gets a clear message instead of a quote", async () => {
  const { page, errors } = await openCheckout();
  try {
    await page.getByRole("button", { name: "Add to basket" }).click(); // a USD quote first
    assert.equal(await page.locator(".quote").isHidden(), false);
    await page.getByLabel("Country", { exact: true }).selectOption("JP");
    await page.getByText("No quote: see the basket.").waitFor();
    assert.match(await page.textContent(".quote-unavailable"), /No price list in JPY for Japan \(region JP\)/);
    assert.equal(await page.locator(".quote").isHidden(), true);
    assert.equal(await page.locator(".picker option").count(), 1); // the container only: no prices to show

    await page.getByLabel("Country", { exact: true }).selectOption("US");
    await page.getByText("Prices in USD for United States (region NA).").waitFor();
    assert.equal(await page.textContent(".quote-unavailable"), "");
    assert.match(await page.textContent(".quote .total"), /USD$/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** Arms a sandbox fault on an endpoint (admin route). */
async function armFault(route, fault, times = 1) {
  const response = await fetch(`${stack.sandboxUrl}/admin/faults`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ route, fault, times }),
  });
  assert.ok(response.ok, `arming ${route}: ${response.status}`);
}

/** The sandbox's orders with this externalReferenceId. */
async function ordersWithReference(reference) {
  const state = await (await fetch(`${stack.sandboxUrl}/admin/state`)).json();
  return Object.values(state.orders ?? {}).filter((order) => order.externalReferenceId === reference);
}

/**
 * A page with Acrobat Pro in the basket of the seeded customer, and the order
 * bodies it sends (recorded in `sent`).
 */
async function basketReadyToOrder() {
  const opened = await openCheckout();
  const sent = [];
  opened.page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/orders")) sent.push(JSON.parse(request.postData()));
  });
  await useExisting(opened.page, "Duck Industries (6000000201)");
  await opened.page.getByLabel("Product").selectOption({ label: "Acrobat Pro (sandbox) — 239.88 USD" });
  await opened.page.getByRole("button", { name: "Add to basket" }).click();
  return { ...opened, sent };
}

test("a server error after Adobe created the order is reconciled by the proxy: one order, shown as placed", async () => {
  const { page, errors, sent } = await basketReadyToOrder();
  try {
    await armFault("createOrder", { kind: "serverErrorAfter", status: 500 });
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText(/Order \d{10}: complete/).waitFor({ timeout: 30_000 });
    assert.equal(sent.length, 1);
    const reference = sent[0].externalReferenceId;
    assert.match(reference, /^cart-[0-9a-f]{20}$/);
    assert.equal((await ordersWithReference(reference)).length, 1);
    await shoot(page, "order-reconciled");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("server errors before any order is created: the page says so, and the retry places exactly one", async () => {
  const { page, errors, sent } = await basketReadyToOrder();
  try {
    // The first attempt and the proxy's own retry both fail before the order exists.
    await armFault("createOrder", { kind: "serverError", status: 503, recorded: true }, 2);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText(/code 1124/).waitFor({ timeout: 30_000 });
    assert.equal((await ordersWithReference(sent[0].externalReferenceId)).length, 0);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByText(/Order \d{10}: complete/).waitFor({ timeout: 30_000 });
    assert.equal(sent.length, 2);
    // The history proved no order existed, so the page started a new intent.
    assert.notEqual(sent[1].externalReferenceId, sent[0].externalReferenceId);
    assert.equal((await ordersWithReference(sent[1].externalReferenceId)).length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
