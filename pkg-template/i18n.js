// Messages in the shopper's language. The wasm writes every message in English
// (its templates live in the core's code registry); a violation also carries
// its stable code, its parameters and its path, which is all a catalogue needs
// to say the same thing in another language. Catalogues are JSON files beside
// the module (locales/de.json, …), keyed by code, in the notation of the
// English templates (locales/en.json, generated from the registry by
// `cargo xtask codegen`): a page pays for one only when it asks for its locale.
// A code a catalogue lacks keeps its English message.
//
// The web door (which the Node door re-exports) says how a catalogue arrives:
// in Node it is read from disk when first asked (synchronously); a browser
// fetches it (await setLocale() or loadLocale() first; a call that names a
// locale not yet loaded answers in English and starts the fetch).

import { pathSegments } from "./standard.js";

/** The catalogues the package ships, besides English. */
export const SHIPPED_LOCALES = ["de", "fr", "es", "it", "ja", "pt-BR", "nl"];

/** Each validator that answers violations, and which argument holds its options (and `locale`). */
const VALIDATORS = {
  validateReseller: 1, validateCustomer: 1, validateCustomerJson: 1, validateOrder: 1, validateOrderJson: 1,
  validateOrderUpdate: 1, validateSubscriptionUpdate: 1, validateTransfer: 1, validateOrderHistoryQuery: 1,
  validateField: 2, checkBasket: 1,
};

const ENGLISH = "en";

/**
 * The i18n of one door. `load(locale)` answers a shipped catalogue (an object,
 * or a Promise of one); `countries()` is the wasm's country list, used to
 * name countries in the shopper's language.
 */
export function i18nOver({ load, countries }) {
  /** Loaded catalogues by locale; a Promise while one is on its way. */
  const catalogues = new Map();
  let globalLocale = ENGLISH;
  let codesByName;

  /** A locale as given, when a catalogue was loaded under that name; else the shipped one it resolves to. */
  function resolve(locale) {
    return typeof locale === "string" && catalogues.has(locale) ? locale : resolveLocale(locale);
  }

  /** The catalogue for a resolved locale if it is here; starts loading it if not. */
  function catalogueFor(locale) {
    const entry = catalogues.get(locale);
    if (entry && !(entry instanceof Promise)) return entry;
    if (entry || !SHIPPED_LOCALES.includes(locale)) return undefined;
    loadLocale(locale).catch(() => {}); // Node's loader is synchronous: the catalogue may be here now
    const loaded = catalogues.get(locale);
    return loaded instanceof Promise ? undefined : loaded;
  }

  /** Loads a catalogue: a shipped one by name, or `data` (an object, or a URL to fetch) under any name. */
  function loadLocale(locale, data) {
    const name = data === undefined ? resolve(locale) : String(locale);
    if (name === ENGLISH) return Promise.resolve(ENGLISH);
    if (data === undefined && catalogues.has(name)) return Promise.resolve(catalogues.get(name)).then(() => name);
    if (data === undefined && !SHIPPED_LOCALES.includes(name)) {
      return Promise.reject(new Error(`vipmp: no message catalogue for ${JSON.stringify(locale)}`));
    }
    const store = (catalogue) => {
      checkCatalogue(catalogue, name);
      catalogues.set(name, catalogue);
      return name;
    };
    let answer;
    try {
      answer = data === undefined ? load(name) : isUrl(data) ? fetchJson(data) : data;
    } catch (error) {
      return Promise.reject(error);
    }
    if (!(answer instanceof Promise)) return Promise.resolve(store(answer));
    const pending = answer.then(store, (error) => {
      catalogues.delete(name);
      throw new Error(`vipmp: the ${name} message catalogue did not load`, { cause: error });
    });
    catalogues.set(name, pending);
    return pending;
  }

  /** Sets the locale of every call that names none; resolves once its catalogue is loaded. */
  function setLocale(locale) {
    const name = resolve(locale);
    globalLocale = name;
    return loadLocale(name);
  }

  /** The result with its messages in `locale` (or the global locale). */
  function localize(result, locale) {
    const name = locale === undefined ? globalLocale : resolve(locale);
    if (name === ENGLISH || result.violations.length === 0) return result;
    const catalogue = catalogueFor(name);
    if (!catalogue) return result;
    const translate = (violation) => ({ ...violation, message: render(violation, catalogue, name) });
    const localized = { ...result, violations: result.violations.map(translate) };
    if (Array.isArray(result.warnings)) localized.warnings = result.warnings.map(translate);
    return localized;
  }

  /** One violation's message in `locale`. */
  function render(violation, catalogue, locale) {
    const template = own(catalogue.messages, violation.code);
    if (typeof template !== "string") return violation.message;
    const values = {
      label: () => labelOf(violation.path, catalogue),
      param: (param) => paramText(violation.params, param, catalogue, locale),
    };
    return fill(template, values, violation.params, catalogue, locale);
  }

  /** A parameter as text, in the catalogue's words where it has them; countries by Intl. */
  function paramText(params, param, catalogue, locale) {
    const value = own(params, param);
    if (value === undefined || value === null) return "";
    const text = String(value);
    const translated = own(own(catalogue.values, param), text);
    if (typeof translated === "string") return translated;
    if (param === "country") return countryName(text, locale);
    if (param === "examples") return alternatives(text, locale);
    return text;
  }

  /** "United States" or "US" → the country's name in `locale`, when Intl knows it. */
  function countryName(text, locale) {
    if (!codesByName) codesByName = new Map(countries().map((country) => [country.name, country.code]));
    const code = /^[A-Z]{2}$/.test(text) ? text : codesByName.get(text);
    if (!code) return text;
    try {
      return new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code) ?? text;
    } catch {
      return text;
    }
  }

  /** "95014 or 22162-1010" → "95014 oder 22162-1010": the English list of examples, in `locale`. */
  function alternatives(text, locale) {
    try {
      return new Intl.ListFormat(locale, { type: "disjunction" }).format(text.split(/, | or /));
    } catch {
      return text;
    }
  }

  /** Wraps a validator whose options (argument `at`) may carry `locale`. */
  function localized(validate, at) {
    return function (...args) {
      const options = args[at];
      let locale;
      if (options !== null && typeof options === "object" && Object.hasOwn(options, "locale")) {
        ({ locale, ...args[at] } = options);
      }
      return localize(validate.apply(this, args), locale);
    };
  }

  /**
   * countries() with `{ locale }`: each name in that language from
   * `Intl.DisplayNames` (Node 20 and current browsers name every ISO 3166-1
   * code in the shipped locales), the English name where it has none.
   */
  function countriesIn(options) {
    const list = countries();
    const locale = options?.locale;
    if (locale === undefined || resolveLocale(locale) === ENGLISH) return list;
    let names;
    try {
      names = new Intl.DisplayNames([locale.replace(/_/g, "-")], { type: "region", fallback: "none" });
    } catch {
      return list;
    }
    return list.map((country) => ({ ...country, name: names.of(country.code) ?? country.name }));
  }

  /** The door's validators, each taking `locale` among its options (those its module has). */
  function validatorsOf(bindings) {
    return Object.fromEntries(Object.entries(VALIDATORS)
      .filter(([name]) => typeof bindings[name] === "function")
      .map(([name, at]) => [name, localized(bindings[name], at)]));
  }

  return { loadLocale, setLocale, localize, validatorsOf, countries: countriesIn, getLocale: () => globalLocale };
}

/**
 * `de_DE`, `de-AT`, `DE` → "de"; `pt`, `pt_BR`, `pt-PT` → "pt-BR"; `en-GB`,
 * and any language without a catalogue → "en".
 */
export function resolveLocale(locale) {
  if (typeof locale !== "string" || locale === "") return ENGLISH;
  const tag = locale.replace(/_/g, "-").toLowerCase();
  const exact = SHIPPED_LOCALES.find((shipped) => shipped.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split("-")[0];
  return SHIPPED_LOCALES.find((shipped) => shipped.toLowerCase().split("-")[0] === language) ?? ENGLISH;
}

/** A catalogue must at least have messages; anything else it lacks falls back. */
function checkCatalogue(catalogue, name) {
  if (catalogue === null || typeof catalogue !== "object" || typeof catalogue.messages !== "object" || catalogue.messages === null) {
    throw new Error(`vipmp: the ${name} message catalogue has no \`messages\``);
  }
}

function isUrl(data) {
  return typeof data === "string" || data instanceof URL;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} from ${url}`);
  return response.json();
}

/** An own property, or undefined (no prototype keys from user-controlled names). */
function own(object, key) {
  return object !== null && typeof object === "object" && Object.hasOwn(object, key) ? object[key] : undefined;
}

// --- Templates: the notation of src/report/message.rs, filled in -----------

/** Fills `template`: `{name}`, `{name:modifier}` and `[then|else]` sections. */
function fill(template, values, params, catalogue, locale) {
  let out = "";
  let rest = template;
  for (;;) {
    const at = rest.search(/[{[]/);
    if (at < 0) return out + rest;
    out += rest.slice(0, at);
    const close = rest[at] === "{" ? "}" : "]";
    const end = rest.indexOf(close, at + 1);
    const inner = rest.slice(at + 1, end < 0 ? rest.length : end);
    if (rest[at] === "{") {
      out += placeholder(inner, values, params, catalogue, locale);
    } else {
      const [then, otherwise = ""] = splitOnce(inner, "|");
      const set = placeholderNames(then).every((name) => name === "label" || values.param(name) !== "");
      out += fill(set ? then : otherwise, values, params, catalogue, locale);
    }
    rest = end < 0 ? "" : rest.slice(end + 1);
  }
}

function placeholder(spec, values, params, catalogue, locale) {
  const [name, modifier = ""] = splitOnce(spec, ":");
  const text = name === "label" ? values.label() : values.param(name);
  switch (modifier) {
    case "lower":
      return text.toLocaleLowerCase(locale);
    case "quoted":
      return quoted(text, catalogue);
    case "count":
      return counted(text, own(params, "noun"), catalogue, locale);
    case "offer":
      return own(catalogue.offerTypes, text === "CONSUMABLES" ? "CONSUMABLES" : "other") ?? text;
    default:
      return text;
  }
}

/** The parameter names a template or section uses, modifiers dropped. */
export function placeholderNames(template) {
  return [...template.matchAll(/\{([^}:]*)(?::[^}]*)?\}/g)].map((match) => match[1]);
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}

function quoted(character, catalogue) {
  if (character === '"' && typeof catalogue.doubleQuote === "string") return catalogue.doubleQuote;
  const [open, close] = Array.isArray(catalogue.quotes) ? catalogue.quotes : ["“", "”"];
  return `${open}${character}${close}`;
}

/** "3 Kontakte": the catalogue's form of the noun for the count's plural category, `#` the count. */
function counted(count, noun, catalogue, locale) {
  const forms = own(catalogue.nouns, noun ?? "item") ?? own(catalogue.nouns, "item");
  if (!forms) return `${count} ${noun ?? "item"}`;
  const category = new Intl.PluralRules(locale).select(Number(count));
  const form = own(forms, category) ?? own(forms, "other") ?? "#";
  return form.replace("#", count);
}

/**
 * The field's name in the catalogue's words: the last object key of the path,
 * or the whole request. A key the catalogue does not name is spelled out in
 * words, as the English messages do (`referenceOrderId` → "Reference order ID").
 */
function labelOf(path, catalogue) {
  const key = pathSegments(path).findLast((segment) => typeof segment === "string");
  if (key === undefined) return catalogue.request ?? "";
  return own(catalogue.labels, key) ?? wordsOf(key);
}

/** `referenceOrderId` → "Reference order ID"; `start-date` → "Start date" (message.rs's words_of). */
function wordsOf(key) {
  let words = "";
  [...key].forEach((ch, position) => {
    if (ch === "-" || ch === "_") words += " ";
    else if (/[A-Z]/.test(ch) && position > 0) words += ` ${ch.toLowerCase()}`;
    else words += position === 0 ? ch.toUpperCase() : ch;
  });
  return words.replaceAll(" id", " ID");
}
