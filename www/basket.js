// The basket and its live quote. Lines follow the package's Basket shape: the
// container product ("Adobe Services", price 0) first, then add-ons by offer ID.
// After every change the basket rules (checkBasket) and the quote (quote) run
// again in the page: no request is sent until the order is placed.
import { checkBasket, quote } from "/pkg/web/vipmp.js";
import { setFieldErrors, showViolations, clearAll } from "./fields.js";

const CONTAINER = { kind: "container", name: "Adobe Services", quantity: 1, unitPrice: "0" };

/**
 * Adobe's licence levels (01: 1–9, 02: 10–49, 03: 50–99, 04: 100+), as the
 * price list's levelDetails and the quote's explanation state them; the bar
 * shows where the basket sits between two of them.
 */
const LICENCE_LEVELS = [["01", 1], ["02", 10], ["03", 50], ["04", 100]];

/**
 * Which reading of the volume discount level the quote used (the quote's
 * `level.basis`): the default counts this order, as Adobe's reference and the
 * storefront rules say; "term" is the package's other reading.
 */
const LEVEL_BASIS = {
  order: "The level counts the licences of this order, together with the customer's current level in Adobe.",
  term: "The level counts the licences the customer holds this term plus this order.",
};

/** The products a shopper picks: one per product, at its level-1 offer, from the price list's rows. */
export function catalogue(priceListJson) {
  const products = new Map();
  for (const offer of priceListJson.offers ?? []) {
    const product = offer.offerId.slice(0, 8);
    if (/^Level 1\b/.test(offer.levelDetails ?? "") && !products.has(product)) {
      products.set(product, { offerId: offer.offerId, name: offer.productFamily, price: offer.partnerPrice });
    }
  }
  return [...products.values()];
}

export class Basket {
  /** prices: { priceList, products, currency } from prices.js. */
  constructor(section, prices, context) {
    this.section = section;
    this.context = context; // () => { marketSegment, today, existing }
    this.lines = [{ ...CONTAINER }];
    this.onChange = () => {};
    section.querySelector(".add").addEventListener("click", () => this.add());
    this.setPrices(prices);
  }

  /** Quotes from another price list: the picker, the lines' currency and the quote follow it. */
  setPrices({ priceList, products, currency }) {
    Object.assign(this, { priceList, products, currency, unavailableMessage: "" });
    for (const line of this.lines) if (line.kind === "addOn") line.currency = currency;
    this.fillPicker();
    this.update();
  }

  /** No price list fits the customer: no products to pick, and the message instead of a quote. */
  setUnavailable(message) {
    Object.assign(this, { priceList: null, products: [], unavailableMessage: message });
    this.fillPicker();
    this.update();
  }

  /** The product picker: the container (a real storefront may list it too) and each add-on, keeping the choice. */
  fillPicker() {
    const picker = this.section.querySelector(".picker");
    const chosen = picker.value;
    picker.replaceChildren(new Option("Adobe Services (container)", "container"));
    for (const product of this.products) {
      picker.append(new Option(`${product.name} — ${product.price} ${this.currency}`, product.offerId));
    }
    picker.value = chosen;
    if (picker.selectedIndex < 0 || !chosen) picker.selectedIndex = Math.min(1, picker.options.length - 1);
  }

  /**
   * Storefront rule 4: a customer who already has an Adobe subscription gets no
   * second "Adobe Services" container (the add-ons go to that subscription); a
   * new one needs it. Called when the customer changes.
   */
  followCustomer(hasSubscription) {
    const addOns = this.lines.filter((line) => line.kind !== "container");
    this.lines = hasSubscription ? addOns : [{ ...CONTAINER }, ...addOns];
    this.update();
  }

  add() {
    const picker = this.section.querySelector(".picker");
    const quantity = Number(this.section.querySelector(".add-quantity").value);
    if (picker.value === "container") {
      this.lines.push({ ...CONTAINER });
    } else {
      const product = this.products.find((p) => p.offerId === picker.value);
      this.lines.push({ kind: "addOn", offerId: product.offerId, name: product.name, quantity, currency: this.currency });
    }
    this.update();
  }

  /** Re-renders the lines, then runs the rules and the quote. */
  update() {
    this.renderLines();
    this.check = checkBasket({ lines: this.lines }, this.basketContext());
    this.quote = this.check.valid && this.priceList ? this.priceQuote() : null;
    this.showCheck();
    this.renderQuote();
    this.onChange();
  }

  basketContext() {
    const { marketSegment, existing } = this.context();
    const context = { marketSegment: marketSegment || undefined, currency: this.currency };
    if (existing) {
      Object.assign(context, {
        existingSubscription: existing.products.length > 0, existingProducts: existing.products, accountName: existing.name,
      });
    }
    return context;
  }

  priceQuote() {
    const { marketSegment, today } = this.context();
    const options = { today, currency: this.currency, marketSegment: marketSegment || undefined };
    return quote({ lines: this.lines }, this.priceList, options);
  }

  /** One row per line: name, quantity (editable for add-ons), remove; each with its error cell. */
  renderLines() {
    const body = this.section.querySelector(".lines tbody");
    body.replaceChildren(...this.lines.map((line, index) => this.row(line, index)));
  }

  row(line, index) {
    const row = document.createElement("tr");
    const id = `b-line-${index}`;
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = line.kind === "container" ? line.name : `${line.name} (${line.offerId})`;
    const quantityCell = document.createElement("td");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.className = "visually-hidden";
    label.textContent = `Quantity of ${line.name}, line ${index + 1}`;
    const input = document.createElement("input");
    Object.assign(input, { id, type: "number", min: "1", value: String(line.quantity) });
    input.dataset.path = `lines[${index}]`;
    input.disabled = line.kind === "container";
    input.setAttribute("aria-describedby", `${id}-error`);
    input.addEventListener("change", () => {
      line.quantity = Number(input.value);
      this.update();
      this.section.querySelector(`#${id}`)?.focus(); // keep the keyboard user's place
    });
    const error = document.createElement("p");
    error.id = `${id}-error`;
    error.className = "error";
    error.setAttribute("aria-live", "polite");
    quantityCell.append(label, input, error);
    const removeCell = document.createElement("td");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", `Remove ${line.name}, line ${index + 1}`);
    remove.addEventListener("click", () => {
      this.lines.splice(index, 1);
      this.update();
    });
    removeCell.append(remove);
    row.append(name, quantityCell, removeCell);
    return row;
  }

  /** Violations at their lines, line-less ones in the notes; warnings (which do not block) apart. */
  showCheck() {
    clearAll(this.section);
    const unplaced = showViolations(this.section, this.check.violations);
    this.section.querySelector(".basket-notes").textContent = unplaced.map((v) => v.message).join(" ");
    const warnings = this.check.warnings.map((warning) => {
      const note = document.createElement("p");
      note.className = "warning";
      note.textContent = `Note: ${warning.message}`;
      return note;
    });
    this.section.querySelector(".basket-warnings").replaceChildren(...warnings);
  }

  renderQuote() {
    const box = this.section.querySelector(".quote");
    this.section.querySelector(".quote-unavailable").textContent = this.unavailableMessage;
    if (!this.quote) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.querySelector(".quote-currency").textContent = this.currency;
    const rows = this.quote.lines.map((line) => {
      const name = this.lines[line.index].name;
      const prorated = line.prorated ? `${line.proratedDays} days` : "full term";
      return `<tr><th scope="row">${escape(name)}</th><td>${line.offerId}</td><td>${line.quantity}</td>`
        + `<td>${line.unitPrice.amount}</td><td>${prorated}</td><td>${line.lineTotal.amount}</td></tr>`;
    });
    box.querySelector("tbody").innerHTML = rows.join("");
    box.querySelector(".total").textContent = `${this.quote.total.amount} ${this.quote.total.currency}`;
    box.querySelector(".level-message").textContent = this.quote.level.message;
    box.querySelector(".level-explanation").textContent = this.quote.level.license.explanation;
    box.querySelector(".level-basis").textContent = LEVEL_BASIS[this.quote.level.basis] ?? "";
    this.renderLevelBar(box);
    box.querySelector(".quote-problems").textContent = this.quote.violations.map((v) => v.message).join(" ");
    box.querySelector(".quote-warnings").textContent = this.quote.warnings.map((w) => `Note: ${w.message}`).join(" ");
  }

  /** The bar between the level reached and the next one, and how many licences are missing. */
  renderLevelBar(box) {
    const licences = this.quote.lines.filter((l) => l.offerType === "LICENSE").reduce((n, l) => n + l.quantity, 0);
    const reached = LICENCE_LEVELS.findLastIndex(([, min]) => licences >= min);
    const [, from] = LICENCE_LEVELS[Math.max(reached, 0)];
    const next = LICENCE_LEVELS[reached + 1];
    const meter = box.querySelector(".level-bar");
    const note = box.querySelector(".level-next");
    if (!next) {
      Object.assign(meter, { min: 0, max: 1, value: 1 });
      note.textContent = "The highest licence level is reached.";
      return;
    }
    Object.assign(meter, { min: from, max: next[1], value: licences });
    const missing = next[1] - licences;
    note.textContent = `${licences} licences; ${missing} more reach level ${next[0]}.`;
  }

  /** The order's lines: each add-on at the offer ID the quote says to send. */
  orderLines() {
    return this.quote.lines.map((line, i) => ({ extLineItemNumber: i + 1, offerId: line.offerId, quantity: line.quantity }));
  }

  /** Places Adobe's or the proxy's line errors (lineItems[i]) at the basket line they came from. */
  showOrderErrors(violations) {
    const mapped = violations.map((v) => {
      const match = /^lineItems\[(\d+)\]/.exec(v.path);
      if (!match || !this.quote) return v;
      const line = this.quote.lines[Number(match[1])];
      return { ...v, path: line ? `lines[${line.index}]` : v.path };
    });
    return showViolations(this.section, mapped);
  }

  ready() {
    return Boolean(this.quote?.valid && this.quote.lines.length);
  }
}

export { setFieldErrors };

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
