// The customer form: built from a list of field specs so every field gets the
// same accessible markup (label, hint, error, aria-describedby), validated per
// field as the user types (validateField) and as a whole on submit
// (validateCustomer). The form is never reset on an error, so nothing typed is lost.
import { countries, regions, locales, validateField, validateCustomer } from "/pkg/web/vipmp.js";
import { setFieldErrors, showViolations, clearAll, firstInvalid } from "./fields.js";

const PROFILE = "companyProfile";
const ADDRESS = `${PROFILE}.address`;

/** The fields, in form order. `kind` is input (default) or select; `optional` fields may stay empty. */
const FIELDS = [
  { group: "Company", path: `${PROFILE}.companyName`, label: "Company name", autocomplete: "organization" },
  { group: "Company", path: `${PROFILE}.marketSegment`, label: "Market segment", kind: "select" },
  { group: "Company", path: `${PROFILE}.preferredLanguage`, label: "Preferred language", kind: "select" },
  { group: "Address", path: `${ADDRESS}.country`, label: "Country", kind: "select" },
  { group: "Address", path: `${ADDRESS}.region`, label: "Region", kind: "select" },
  { group: "Address", path: `${ADDRESS}.city`, label: "City", autocomplete: "address-level2" },
  { group: "Address", path: `${ADDRESS}.addressLine1`, label: "Address line 1", autocomplete: "address-line1" },
  { group: "Address", path: `${ADDRESS}.addressLine2`, label: "Address line 2", autocomplete: "address-line2", optional: true },
  { group: "Address", path: `${ADDRESS}.postalCode`, label: "Postal code", autocomplete: "postal-code" },
  { group: "Address", path: `${ADDRESS}.phoneNumber`, label: "Phone", autocomplete: "tel", optional: true, type: "tel" },
];

/** One contact's fields; each contact row gets them with its own index in the path. */
const CONTACT_FIELDS = [
  { key: "firstName", label: "First name", autocomplete: "given-name" },
  { key: "lastName", label: "Last name", autocomplete: "family-name" },
  { key: "email", label: "Email", autocomplete: "email", type: "email" },
  { key: "phoneNumber", label: "Contact phone", autocomplete: "tel", optional: true, type: "tel" },
];

/** The API path of one contact's field: companyProfile.contacts[i].key. */
function contactPath(index, key) {
  return `${PROFILE}.contacts[${index}].${key}`;
}

const SEGMENTS = [["COM", "Commercial"], ["EDU", "Education"], ["GOV", "Government"]];

/** The rule name validateField knows a path by: its last segment, except a contact's phone, whose rule differs from the address's. */
function ruleName(path) {
  const name = path.split(".").pop();
  return name === "phoneNumber" && path.includes(".contacts[") ? "contactPhoneNumber" : name;
}

/** A DOM id from an API path. */
function idFor(path) {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** One labelled field with its hint and error elements. */
function renderField(spec) {
  const id = idFor(spec.path);
  const wrap = document.createElement("div");
  wrap.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = spec.optional ? `${spec.label} (optional)` : spec.label;
  const input = document.createElement(spec.kind === "select" ? "select" : "input");
  input.id = id;
  input.name = spec.path;
  input.dataset.path = spec.path;
  if (input.tagName === "INPUT") {
    input.type = spec.type === "email" ? "text" : spec.type ?? "text"; // our rules, not the browser's, judge emails
    if (spec.autocomplete) input.autocomplete = spec.autocomplete;
    if (spec.type === "email") input.inputMode = "email";
  }
  if (!spec.optional) input.setAttribute("aria-required", "true");
  input.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
  const hint = document.createElement("p");
  hint.id = `${id}-hint`;
  hint.className = "hint";
  const error = document.createElement("p");
  error.id = `${id}-error`;
  error.className = "error";
  error.setAttribute("aria-live", "polite");
  wrap.append(label, input, hint, error);
  return wrap;
}

function option(value, text, extra = {}) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  Object.assign(element.dataset, extra);
  return element;
}

/** Country options; unsupported ones stay visible, marked, so the user learns why. */
function fillCountries(select) {
  select.append(option("", "Choose a country"));
  for (const country of countries()) {
    const note = country.supported ? "" : ` — not sold by Adobe${country.reason ? ` (${country.reason})` : ""}`;
    select.append(option(country.code, `${country.name}${note}`));
  }
  select.value = "US";
}

function fillRegions(select, country) {
  const previous = select.value;
  select.replaceChildren(option("", "Choose a region"));
  for (const region of country ? regions(country) : []) {
    select.append(option(region.code, region.name ? `${region.name} (${region.code})` : region.code));
  }
  if ([...select.options].some((o) => o.value === previous)) select.value = previous; // keep the choice
}

/** The "Contacts" fieldset: one nested fieldset per contact, and the add button. */
function renderContactsBox() {
  const box = document.createElement("fieldset");
  box.className = "contacts";
  const legend = document.createElement("legend");
  legend.textContent = "Contacts";
  const rows = document.createElement("div");
  rows.className = "contact-rows";
  const add = document.createElement("button");
  add.type = "button";
  add.className = "add-contact";
  add.textContent = "Add another contact";
  box.append(legend, rows, add);
  return box;
}

/** Contact number index+1 with the values given; a remove button unless it is the only one. */
function renderContact(index, values, removable) {
  const row = document.createElement("fieldset");
  row.className = "contact";
  row.dataset.index = String(index);
  const legend = document.createElement("legend");
  legend.textContent = `Contact ${index + 1}`;
  row.append(legend);
  for (const field of CONTACT_FIELDS) {
    const wrap = renderField({ ...field, path: contactPath(index, field.key) });
    wrap.querySelector("input").value = values[field.key] ?? "";
    row.append(wrap);
  }
  if (removable) {
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "remove-contact";
    remove.dataset.index = String(index);
    remove.textContent = `Remove contact ${index + 1}`;
    row.append(remove);
  }
  return row;
}

export class CustomerForm {
  constructor(form, resellerId) {
    this.form = form;
    this.resellerId = resellerId;
    this.countries = new Map(countries().map((c) => [c.code, c]));
    this.render();
    this.wire();
    this.countryChanged();
  }

  /** Builds the fieldsets from FIELDS and the contact rows, and fills the lists from the package. */
  render() {
    const groups = new Map();
    for (const spec of FIELDS) {
      if (!groups.has(spec.group)) {
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = spec.group;
        fieldset.append(legend);
        groups.set(spec.group, fieldset);
      }
      groups.get(spec.group).append(renderField(spec));
    }
    this.form.querySelector(".fields").append(...groups.values(), renderContactsBox());
    this.renderContacts([{}]);
    const segment = this.input(`${PROFILE}.marketSegment`);
    for (const [code, name] of SEGMENTS) segment.append(option(code, name));
    const language = this.input(`${PROFILE}.preferredLanguage`);
    for (const locale of locales()) language.append(option(locale, locale));
    language.value = "en-US";
    fillCountries(this.input(`${ADDRESS}.country`));
  }

  input(path) {
    return this.form.querySelector(`[data-path="${CSS.escape(path)}"]`);
  }

  /** One listener for every field, contact rows included (they come and go). */
  wire() {
    this.form.addEventListener("input", (event) => {
      if (event.target.tagName === "INPUT" && event.target.dataset.path) this.checkInput(event.target);
    });
    this.form.addEventListener("change", (event) => {
      if (event.target.tagName === "SELECT" && event.target.dataset.path) this.checkInput(event.target);
    });
    this.input(`${ADDRESS}.country`).addEventListener("change", () => this.countryChanged());
    this.form.querySelector(".add-contact").addEventListener("click", () => this.addContact());
    this.form.querySelector(".contact-rows").addEventListener("click", (event) => {
      const remove = event.target.closest(".remove-contact");
      if (remove) this.removeContact(Number(remove.dataset.index));
    });
  }

  /** What is typed in each contact row, untrimmed, in order. */
  contactValues() {
    return [...this.form.querySelectorAll(".contact")].map((row) => {
      const values = {};
      for (const field of CONTACT_FIELDS) values[field.key] = this.input(contactPath(row.dataset.index, field.key)).value;
      return values;
    });
  }

  /** Redraws the contact rows from values (indexes follow the order), re-checking what is filled in. */
  renderContacts(values) {
    const rows = values.map((v, i) => renderContact(i, v, values.length > 1));
    this.form.querySelector(".contact-rows").replaceChildren(...rows);
    for (const input of this.form.querySelectorAll(".contact input")) {
      if (input.value) this.checkInput(input);
    }
  }

  /** A new empty contact row; the keyboard user lands in its first field. */
  addContact() {
    const values = [...this.contactValues(), {}];
    this.renderContacts(values);
    this.input(contactPath(values.length - 1, "firstName")).focus();
  }

  /** Removes one contact; the others keep what was typed and move up. */
  removeContact(index) {
    const values = this.contactValues();
    values.splice(index, 1);
    this.renderContacts(values);
    this.input(contactPath(Math.min(index, values.length - 1), "firstName")).focus();
  }

  /** New country: its regions, its postal example, why it is not sold; re-check what depends on it. */
  countryChanged() {
    const code = this.input(`${ADDRESS}.country`).value;
    const country = this.countries.get(code);
    fillRegions(this.input(`${ADDRESS}.region`), code);
    const postal = this.input(`${ADDRESS}.postalCode`);
    postal.placeholder = country?.postalExample ? `e.g. ${country.postalExample}` : "";
    document.getElementById(`${postal.id}-hint`).textContent = country && !country.hasPostalCodes
      ? "This country has no postal-code format to check." : "";
    const hint = document.getElementById(`${idFor(`${ADDRESS}.country`)}-hint`);
    hint.textContent = country && !country.supported
      ? [country.reason, country.remediation].filter(Boolean).join(". ") : "";
    for (const path of [`${ADDRESS}.region`, `${ADDRESS}.postalCode`]) {
      if (this.input(path).value) this.checkInput(this.input(path));
    }
  }

  /** One field as the user types: an empty optional field is fine, an empty required one waits for submit. */
  checkInput(input) {
    const value = input.value;
    if (value === "") {
      setFieldErrors(input, []);
      return;
    }
    const country = this.input(`${ADDRESS}.country`).value || undefined;
    const result = validateField(ruleName(input.dataset.path), value, { country });
    setFieldErrors(input, result.violations.map((v) => v.message));
  }

  /**
   * The Create Customer body from the form; empty optional fields are left out.
   * The postal code is always sent (Adobe's Resources table does not make it
   * optional), empty where the country has no postal codes.
   */
  body() {
    const get = (path) => this.input(path).value.trim();
    const address = {};
    for (const key of ["country", "region", "city", "addressLine1", "addressLine2", "postalCode", "phoneNumber"]) {
      const value = get(`${ADDRESS}.${key}`);
      if (value || key === "postalCode") address[key] = value;
    }
    const contacts = this.contactValues().map(trimmedContact);
    return {
      resellerId: this.resellerId,
      companyProfile: {
        companyName: get(`${PROFILE}.companyName`), marketSegment: get(`${PROFILE}.marketSegment`),
        preferredLanguage: get(`${PROFILE}.preferredLanguage`), address, contacts,
      },
    };
  }

  /**
   * The whole form by the package's rules. Returns the body when valid, else
   * marks the fields, focuses the first and returns null.
   */
  validate() {
    const body = this.body();
    const result = validateCustomer(body, { op: "create" });
    this.showErrors(result.violations);
    return result.valid ? body : null;
  }

  /** Marks violations (from the package, the proxy or Adobe) and moves focus to the first. */
  showErrors(violations) {
    clearAll(this.form);
    const unplaced = showViolations(this.form, violations);
    const summary = this.form.querySelector(".summary");
    summary.textContent = unplaced.map((v) => v.message).join(" ");
    const first = firstInvalid(this.form);
    if (first) first.focus();
    else if (unplaced.length) summary.focus();
  }

  /** The chosen country as countries() describes it, or undefined before one is chosen. */
  country() {
    return this.countries.get(this.input(`${ADDRESS}.country`).value);
  }

  /** The market segment, for the basket and quote rules. */
  segment() {
    return this.input(`${PROFILE}.marketSegment`).value;
  }
}

/** A contact for the body: values trimmed, empty ones left out. */
function trimmedContact(values) {
  const contact = {};
  for (const [key, value] of Object.entries(values)) {
    if (value.trim()) contact[key] = value.trim();
  }
  return contact;
}
