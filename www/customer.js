// The customer form: built from a list of field specs so every field gets the
// same accessible markup (label, hint, error, aria-describedby), validated per
// field as the user types (validateField) and as a whole on submit
// (validateCustomer). The form is never reset on an error, so nothing typed is lost.
import { countries, regions, locales, validateField, validateCustomer } from "/pkg/web/vipmp.js";
import { setFieldErrors, showViolations, clearAll, firstInvalid } from "./fields.js";

const PROFILE = "companyProfile";
const ADDRESS = `${PROFILE}.address`;
const CONTACT = `${PROFILE}.contacts[0]`;

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
  { group: "Contact", path: `${CONTACT}.firstName`, label: "First name", autocomplete: "given-name" },
  { group: "Contact", path: `${CONTACT}.lastName`, label: "Last name", autocomplete: "family-name" },
  { group: "Contact", path: `${CONTACT}.email`, label: "Email", autocomplete: "email", type: "email" },
  { group: "Contact", path: `${CONTACT}.phoneNumber`, label: "Contact phone", autocomplete: "tel", optional: true, type: "tel" },
];

const SEGMENTS = [["COM", "Commercial"], ["EDU", "Education"], ["GOV", "Government"]];

/** The rule name validateField knows a path by: its last segment. */
function ruleName(path) {
  return path.split(".").pop();
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

export class CustomerForm {
  constructor(form, resellerId) {
    this.form = form;
    this.resellerId = resellerId;
    this.countries = new Map(countries().map((c) => [c.code, c]));
    this.render();
    this.wire();
    this.countryChanged();
  }

  /** Builds the fieldsets from FIELDS and fills the lists from the package. */
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
    this.form.querySelector(".fields").append(...groups.values());
    const segment = this.input(`${PROFILE}.marketSegment`);
    for (const [code, name] of SEGMENTS) segment.append(option(code, name));
    const language = this.input(`${PROFILE}.preferredLanguage`);
    for (const locale of locales()) language.append(option(locale, locale));
    language.value = "en-US";
    fillCountries(this.input(`${ADDRESS}.country`));
  }

  input(path) {
    return this.form.querySelector(`[data-path="${path}"]`);
  }

  wire() {
    for (const spec of FIELDS) {
      const input = this.input(spec.path);
      const event = input.tagName === "SELECT" ? "change" : "input";
      input.addEventListener(event, () => this.checkField(spec));
    }
    this.input(`${ADDRESS}.country`).addEventListener("change", () => this.countryChanged());
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
      if (this.input(path).value) this.checkField(FIELDS.find((f) => f.path === path));
    }
  }

  /** One field as the user types: an empty optional field is fine, an empty required one waits for submit. */
  checkField(spec) {
    const input = this.input(spec.path);
    const value = input.value;
    if (value === "") {
      setFieldErrors(input, []);
      return;
    }
    const country = this.input(`${ADDRESS}.country`).value || undefined;
    const result = validateField(ruleName(spec.path), value, { country });
    setFieldErrors(input, result.violations.map((v) => v.message));
  }

  /** The Create Customer body from the form; empty optional fields are left out. */
  body() {
    const get = (path) => this.input(path).value.trim();
    const address = {};
    for (const key of ["country", "region", "city", "addressLine1", "addressLine2", "postalCode", "phoneNumber"]) {
      const value = get(`${ADDRESS}.${key}`);
      if (value) address[key] = value;
    }
    const contact = {};
    for (const key of ["firstName", "lastName", "email", "phoneNumber"]) {
      const value = get(`${CONTACT}.${key}`);
      if (value) contact[key] = value;
    }
    return {
      resellerId: this.resellerId,
      companyProfile: {
        companyName: get(`${PROFILE}.companyName`), marketSegment: get(`${PROFILE}.marketSegment`),
        preferredLanguage: get(`${PROFILE}.preferredLanguage`), address, contacts: [contact],
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

  /** The market segment, for the basket and quote rules. */
  segment() {
    return this.input(`${PROFILE}.marketSegment`).value;
  }
}
