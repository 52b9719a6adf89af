// Debian's headless Chromium as every browser test here starts it, through
// playwright-core (no browser download). The flags keep it off the network this
// machine does not have (background networking, component updates, sync, QUIC)
// and let it run as root in a container.
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A new headless Chromium (close it when done). */
export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a new page of `browser` and waits (up to a minute) until the
 * page has set `window[name]`. Answers the page, that value, every error the
 * page threw meanwhile, and the URL of every request it made.
 */
export async function openAndWait(browser, url, name) {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForFunction((key) => window[key] !== undefined, name, { timeout: 60_000 });
  const value = await page.evaluate((key) => window[key], name);
  return { page, value, errors, requests };
}
