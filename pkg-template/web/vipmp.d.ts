// The browser door's types: wasm-bindgen's (data types included, derived from the
// Rust types by tsify), with init() and initSync() taking the region names too.
import type { InitInput, InitOutput, SyncInitInput } from "./vipmp_bg.js";

export * from "./vipmp_bg.js";
export * from "../schemas.js";
export {
  checkBasket, countries, getLocale, loadLocale, setLocale, validateCustomer, validateCustomerJson, validateField,
  validateOrder, validateOrderHistoryQuery, validateOrderJson, validateOrderUpdate, validateReseller,
  validateSubscriptionUpdate, validateTransfer, type MessageCatalogue, type MessageLocale,
} from "../messages.js";

/** The content of the package's `forms.json` (`vipmp/forms.json`). */
export interface FormsData {
  /** Region names by country code, then region code; unnamed regions are absent. */
  regions: Record<string, Record<string, string>>;
}

/**
 * Where init() gets the region names that regions() adds: a URL of forms.json
 * (by default the one beside this module), its parsed content, or `false` to
 * skip them on a page that never calls regions().
 */
export type FormsSource = string | URL | FormsData | false;

/**
 * Fetches and instantiates the wasm, and loads the region names, once. Await it
 * before calling anything else. A failed names fetch does not reject: regions()
 * throws with the reason instead. `locale` sets the messages' language
 * (setLocale()) and fetches its catalogue meanwhile.
 */
export default function init(
  options?:
    | { module_or_path?: InitInput | Promise<InitInput>; forms?: FormsSource; locale?: string }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;

/** Instantiates the wasm synchronously; regions() needs `forms` (forms.json's content). */
export function initSync(options: { module: SyncInitInput; forms?: FormsData } | SyncInitInput): InitOutput;
