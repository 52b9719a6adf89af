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
