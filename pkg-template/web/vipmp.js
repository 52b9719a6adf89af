/* @ts-self-types="./vipmp.d.ts" */
// The package's door for browsers and bundlers: an ES module whose default export
// init() must be awaited once. Everything is wasm-bindgen's output, vipmp_bg.js,
// except init(), initSync(), regions(), the body validators, which cross the
// boundary through door.js, and the Standard Schema objects (../standard.js). The wasm lists region codes only; the
// names a form shows beside them ship as ../forms.json, which init() fetches in
// parallel with the wasm so that regions() stays synchronous after it. Written as
// `new URL("../forms.json", import.meta.url)`, which bundlers (Vite, webpack)
// recognise and emit as an asset, as they do for the wasm.
import initWasm, { initSync as initWasmSync, regions as regionCodes } from "./vipmp_bg.js";
import * as bindings from "./vipmp_bg.js";
import { bodyDoors } from "./door.js";
import { namedRegions } from "./forms.js";
import { schemasOver } from "../standard.js";

export * from "./vipmp_bg.js";

const doors = bodyDoors(bindings);
export const {
  validateReseller,
  validateCustomer,
  validateCustomerJson,
  validateField,
  validateOrder,
  validateOrderJson,
  validateOrderUpdate,
  validateSubscriptionUpdate,
  validateTransfer,
} = doors;

/** The validators the Standard Schema objects run: the body doors, and the rest as wasm-bindgen exports them. */
const validators = { ...bindings, ...doors };

export const {
  resellerSchema, customerSchema, customerJsonSchema, orderSchema, orderJsonSchema, orderUpdateSchema,
  subscriptionUpdateSchema, transferSchema, orderHistoryQuerySchema, basketSchema, fieldSchema, formSchema,
} = schemasOver(validators, (result) => result);

/** forms.json's `regions` (country code → region code → name), once loaded. */
let regionNames;
/** Why the names are missing: not asked for yet, skipped, or a failed fetch. */
let missingNames = new Error("vipmp: region names are not loaded: await init(), or give initSync() { forms }");

/**
 * Instantiates the wasm and loads the region names. Takes wasm-bindgen's options
 * (`{ module_or_path }`) plus `forms`: where forms.json is (a URL), its parsed
 * content, or `false` to skip it on pages that never call regions(). A failed
 * fetch does not fail init(): validation does not need the names, and regions()
 * throws with the reason.
 */
export default async function init(options) {
  const [wasmOptions, forms] = splitOptions(options);
  const [output] = await Promise.all([initWasm(wasmOptions), regionNames ? null : loadNames(forms)]);
  return output;
}

/** init() without a fetch: `forms` is forms.json's parsed content. */
export function initSync(options) {
  const [wasmOptions, forms] = splitOptions(options);
  const output = initWasmSync(wasmOptions);
  if (isFormsData(forms)) regionNames = namesIn(forms);
  return output;
}

/** The regions Adobe accepts for a country, named where a name is known. */
export function regions(country) {
  if (!regionNames) throw missingNames;
  return namedRegions(regionCodes, regionNames, country);
}

/** wasm-bindgen's argument (its options object or a bare module) and our `forms`. */
function splitOptions(options) {
  if (options === null || typeof options !== "object" || Object.getPrototypeOf(options) !== Object.prototype) {
    return [options, undefined];
  }
  const { forms, ...wasmOptions } = options;
  return [wasmOptions, forms];
}

/** Whether `forms` is forms.json's content rather than where to fetch it. */
function isFormsData(forms) {
  return typeof forms === "object" && forms !== null && !(forms instanceof URL);
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
