// Placing the order through the proxy, following it from pending to complete,
// then listing its subscriptions with auto-renewal editable.
import { validateOrder, validateSubscriptionUpdate } from "/pkg/web/vipmp.js";
import { call, cartReference, newIntent, plainWords } from "./api.js";
import { setFieldErrors, showViolations, clearAll } from "./fields.js";

const POLL_MS = 700;
const POLL_LIMIT = 60;
const DONE = new Set(["1000"]);

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The sandbox's clock stands still; the demo's dev server moves it while the page waits. */
async function nudgeClock(config) {
  if (config.clock) await fetch(config.clock, { method: "POST" }).catch(() => {});
}

export class Orders {
  constructor(section, config) {
    this.section = section;
    this.config = config;
    this.status = section.querySelector(".order-status");
  }

  /** Validates and sends a NEW order in the quote's currency; answers { ok, order } or { ok: false, violations | error }. */
  async place(customerId, lines, currency, intent) {
    const body = { orderType: "NEW", externalReferenceId: cartReference(intent), currencyCode: currency, lineItems: lines };
    const check = validateOrder(body);
    if (!check.valid) return { ok: false, violations: check.violations };
    const answer = await call(this.config, "createOrder", { params: { customerId }, body }, intent);
    if (!answer.ok) return answer;
    this.say(`Order ${answer.body.orderId}: ${statusText(answer)}`);
    return { ok: true, order: answer.body };
  }

  /** Polls the order until it leaves pending; resolves to its last answer. */
  async follow(customerId, orderId, what = "Order") {
    for (let attempt = 0; attempt < POLL_LIMIT; attempt += 1) {
      await sleep(POLL_MS);
      await nudgeClock(this.config);
      const answer = await call(this.config, "getOrder", { params: { customerId, orderId } });
      if (!answer.ok) {
        this.say(`${what} ${orderId}: ${plainWords(answer.error)}`);
        return answer;
      }
      this.say(`${what} ${orderId}: ${statusText(answer)}`);
      if (answer.body.status !== "1002") return answer;
    }
    this.say(`${what} ${orderId} is still pending; check back later.`);
    return null;
  }

  /**
   * Cancels a completed order within Adobe's 14-day return window: a RETURN
   * order for every line, checked in the page first (validateOrder with the
   * reference order and today), then followed like any order.
   */
  async cancel(customerId, order, today, intent) {
    const lineItems = order.lineItems.map((line) => ({
      extLineItemNumber: line.extLineItemNumber, offerId: line.offerId, quantity: line.quantity,
    }));
    const body = { orderType: "RETURN", referenceOrderId: order.orderId, currencyCode: order.currencyCode, lineItems };
    const check = validateOrder(body, { context: { referenceOrder: order, today } });
    if (!check.valid) return { ok: false, violations: check.violations };
    const answer = await call(this.config, "createOrder", { params: { customerId }, body }, intent);
    if (!answer.ok) return answer;
    this.say(`Return ${answer.body.orderId}: ${statusText(answer)}`);
    const final = await this.follow(customerId, answer.body.orderId, "Return");
    return final ?? { ok: false, violations: [{ path: "", message: "The return is still pending." }] };
  }

  say(text) {
    this.status.textContent = text;
  }

  /** Lists the customer's subscriptions, each with its auto-renewal form. */
  async showSubscriptions(customerId) {
    const answer = await call(this.config, "listSubscriptions", { params: { customerId } });
    const list = this.section.querySelector(".subscriptions");
    if (!answer.ok) {
      list.textContent = plainWords(answer.error);
      return;
    }
    list.replaceChildren(...answer.body.items.map((item) => this.subscriptionForm(customerId, item)));
    this.section.querySelector(".subscriptions-box").hidden = false;
  }

  subscriptionForm(customerId, item) {
    const form = document.createElement("form");
    form.className = "subscription";
    const id = `s-${item.subscriptionId}`;
    form.innerHTML = `
      <h4>${item.offerId} · ${item.currentQuantity} licences · renews ${item.renewalDate ?? "—"}</h4>
      <p class="sub-status">Subscription ${item.subscriptionId}</p>
      <div class="field inline">
        <input type="checkbox" id="${id}-on" data-path="autoRenewal.enabled" aria-describedby="${id}-on-error">
        <label for="${id}-on">Renew automatically</label>
        <p id="${id}-on-error" class="error" aria-live="polite"></p>
      </div>
      <div class="field">
        <label for="${id}-qty">Renewal quantity</label>
        <input type="number" min="1" id="${id}-qty" data-path="autoRenewal.renewalQuantity" aria-describedby="${id}-qty-error">
        <p id="${id}-qty-error" class="error" aria-live="polite"></p>
      </div>
      <button type="submit">Save auto-renewal</button>
      <p class="saved" role="status"></p>`;
    form.querySelector(`#${id}-on`).checked = Boolean(item.autoRenewal?.enabled);
    form.querySelector(`#${id}-qty`).value = item.autoRenewal?.renewalQuantity ?? item.currentQuantity;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.saveRenewal(form, customerId, item);
    });
    return form;
  }

  /** Checks the auto-renewal change in the page, then PATCHes it; errors land at the field. */
  async saveRenewal(form, customerId, item) {
    const enabled = form.querySelector('[data-path="autoRenewal.enabled"]').checked;
    const quantity = Number(form.querySelector('[data-path="autoRenewal.renewalQuantity"]').value);
    const body = { autoRenewal: enabled ? { enabled, renewalQuantity: quantity } : { enabled } };
    const saved = form.querySelector(".saved");
    clearAll(form);
    const check = validateSubscriptionUpdate(body, { context: { subscription: item } });
    let violations = check.violations;
    if (check.valid) {
      const answer = await call(this.config, "updateSubscription", { params: { customerId, subscriptionId: item.subscriptionId }, body }, newIntent());
      if (answer.ok) {
        saved.textContent = `Saved: auto-renewal ${answer.body.autoRenewal?.enabled ? "on" : "off"}.`;
        return;
      }
      violations = answer.violations ?? toViolations(answer.error);
    }
    const unplaced = showViolations(form, violations);
    saved.textContent = unplaced.map((v) => v.message).join(" ") || "Not saved: see the marked field.";
  }
}

/** "Order open (1002)" from the package's reading of the status, else the bare code. */
function statusText(answer) {
  const status = answer.resourceStatus;
  const pending = answer.body.status === "1002" ? "pending" : answer.body.status === "1000" ? "complete" : "failed";
  return `${pending} — ${status?.text ?? "status"} (${answer.body.status})`;
}

/** An Adobe error as violations at the fields it names (or one without a field). */
export function toViolations(error) {
  const message = plainWords(error);
  const paths = error.fieldPaths?.length ? error.fieldPaths : [""];
  return paths.map((path) => ({ path, code: error.code, message }));
}

export { setFieldErrors };
