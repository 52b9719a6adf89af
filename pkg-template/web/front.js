// What the package's browser doors share (web/vipmp.js for `vipmp`,
// validate-web/vipmp.js for `vipmp/validate`): each binds this to its own
// wasm-bindgen module. init(), initSync(), regions(), the body validators, which
// cross the boundary through door.js, the validators' `locale` option
// (../i18n.js, catalogues from ../locales/) and the Standard Schema objects
// (../standard.js). The wasm lists region codes only; the names a form shows
// beside them ship as ../forms.json, which init() fetches in parallel with the
// wasm so that regions() stays synchronous after it. Written as
// `new URL("../forms.json", import.meta.url)`, which bundlers (Vite, webpack)
// recognise and emit as an asset, as they do for the wasm; this module's
// place, web/, is what these paths start from for both doors.
import { bodyDoors } from "./door.js";
import { namedRegions } from "./forms.js";
import { schemasOver } from "../standard.js";
import { i18nOver } from "../i18n.js";

/**
 * Where each shipped catalogue is: spelled out one by one so that bundlers
 * (Vite, webpack) emit each as an asset, fetched only when its locale is asked
 * for. Each URL is made when its locale is asked for: with the Node door's
 * path to the wasm also made without one, a cold start in Node builds no URL
 * (0.27 ms of 11.4).
 */
const CATALOGUES = {
  de: () => new URL("../locales/de.json", import.meta.url),
  fr: () => new URL("../locales/fr.json", import.meta.url),
  es: () => new URL("../locales/es.json", import.meta.url),
  it: () => new URL("../locales/it.json", import.meta.url),
  ja: () => new URL("../locales/ja.json", import.meta.url),
  "pt-BR": () => new URL("../locales/pt-BR.json", import.meta.url),
  nl: () => new URL("../locales/nl.json", import.meta.url),
};

/**
 * A shipped catalogue: fetched in browsers; where the module is a file (Node,
 * through the Node door), read from disk at once, so that a call naming a
 * locale is answered in it on the first call. `process.getBuiltinModule`, not
 * an import, keeps `node:fs` out of bundlers' sight.
 */
function loadCatalogue(locale) {
  const url = CATALOGUES[locale]();
  const fs = url.protocol === "file:" ? globalThis.process?.getBuiltinModule?.("node:fs") : undefined;
  return fs ? JSON.parse(fs.readFileSync(url, "utf8")) : fetchJson(url);
}

/**
 * A browser door over one wasm-bindgen module: `bindings` is the module's
 * namespace, `initWasm`/`initWasmSync` its default export and `initSync`.
 * Answers everything the door exports besides wasm-bindgen's own functions:
 * `init` (its default export), `initSync`, `regions`, the i18n functions, the
 * validators that take `locale` and the schema factories. `checkBasket` and
 * `basketSchema` come only with a module that has `checkBasket`.
 */
export function frontDoor(bindings, initWasm, initWasmSync) {
  /** The module's memory, from the output of init() or initSync(). */
  let wasmMemory;
  const doors = bodyDoors(bindings, () => wasmMemory ?? bindings.__vipmpMemory());

  const i18n = i18nOver({ load: loadCatalogue, countries: bindings.countries });

  /** The raw validators: door.js's, and the rest as wasm-bindgen exports them. */
  // Named, not spread: in the bundled Node door `bindings` is an object of
  // getters, and spreading it compiled and ran every one at load (0.2 ms).
  // `checkBasket` is undefined in a module without it: validatorsOf() and
  // schemasOver() leave out what the module does not have.
  const validators = {
    validateOrderHistoryQuery: bindings.validateOrderHistoryQuery,
    checkBasket: bindings.checkBasket,
    ...doors,
  };

  /** forms.json's `regions` (country code → region code → name), once loaded. */
  let regionNames;
  /** Why the names are missing: not asked for yet, skipped, or a failed fetch. */
  let missingNames = new Error("vipmp: region names are not loaded: await init(), or give initSync() { forms }");

  /**
   * Instantiates the wasm and loads the region names. Takes wasm-bindgen's options
   * (`{ module_or_path }`) plus `forms`: where forms.json is (a URL), its parsed
   * content, or `false` to skip it on pages that never call regions(). A failed
   * fetch does not fail init(): validation does not need the names, and regions()
   * throws with the reason. `locale` sets the messages' language (setLocale()) and
   * fetches its catalogue meanwhile; a catalogue that fails to load rejects.
   */
  async function init(options) {
    const [wasmOptions, forms, locale] = splitOptions(options);
    const [output] = await Promise.all([
      initWasm(wasmOptions),
      regionNames ? null : loadNames(forms),
      locale === undefined ? null : i18n.setLocale(locale),
    ]);
    wasmMemory = output.memory;
    return output;
  }

  /** init() without a fetch: `forms` is forms.json's parsed content. */
  function initSync(options) {
    const [wasmOptions, forms] = splitOptions(options);
    const output = initWasmSync(wasmOptions);
    wasmMemory = output.memory;
    if (isFormsData(forms)) regionNames = namesIn(forms);
    return output;
  }

  /** The regions Adobe accepts for a country, named where a name is known. */
  function regions(country) {
    if (!regionNames) throw missingNames;
    return namedRegions(bindings.regions, regionNames, country);
  }

  /** Sets regionNames, or else missingNames to the reason. */
  async function loadNames(forms = new URL("../forms.json", import.meta.url)) {
    if (forms === false) {
      missingNames = new Error("vipmp: region names were skipped (init({ forms: false }))");
      return;
    }
    try {
      regionNames = namesIn(isFormsData(forms) ? forms : await fetchJson(forms));
    } catch (cause) {
      const from = isFormsData(forms) ? "" : ` from ${forms}`;
      missingNames = new Error(`vipmp: region names did not load${from}`, { cause });
    }
  }

  const { loadLocale, setLocale, getLocale, countries } = i18n;
  return {
    init, initSync, regions, loadLocale, setLocale, getLocale, countries,
    ...i18n.validatorsOf(validators),
    ...schemasOver(validators, i18n.localize),
  };
}

/** wasm-bindgen's argument (its options object or a bare module), our `forms` and `locale`. */
function splitOptions(options) {
  if (options === null || typeof options !== "object" || Object.getPrototypeOf(options) !== Object.prototype) {
    return [options, undefined, undefined];
  }
  const { forms, locale, ...wasmOptions } = options;
  return [wasmOptions, forms, locale];
}

/** Whether `forms` is forms.json's content rather than where to fetch it. */
function isFormsData(forms) {
  return typeof forms === "object" && forms !== null && !(forms instanceof URL);
}

/** The `regions` of forms.json's content; throws on anything else. */
function namesIn(forms) {
  if (typeof forms.regions !== "object" || forms.regions === null) throw new Error("vipmp: forms data without `regions`");
  return forms.regions;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}
