// The types of what ../i18n.js adds to both doors: the `locale` option of every
// validator, countries({ locale }), and the catalogue functions (i18n.js itself
// exports only their factory). The doors re-export these names explicitly, so
// they take the place of wasm-bindgen's declarations of the same functions.
import type {
  AccountOptions, AutoRenewal, Basket, BasketCheck, BasketContext, CountryInfo, Customer, FieldContext, Options, Order,
  QueryValidation, Reseller, ResellerChange, ValidationResult, VipTransferRequest,
} from "./web/vipmp_bg.js";
import type { LocaleOption } from "./schemas.js";

/** A locale with a shipped catalogue; any other tag resolves to one of these by language, else English. */
export type MessageLocale = "en" | "de" | "fr" | "es" | "it" | "ja" | "pt-BR" | "nl";

/**
 * A message catalogue (the shape of the package's `locales/*.json`): templates
 * keyed by violation code in the notation of `locales/en.json`, field labels by
 * JSON key, and the words the templates' modifiers need. Anything missing falls
 * back: a code without a message keeps its English one.
 */
export interface MessageCatalogue {
  messages: Record<string, string>;
  labels?: Record<string, string>;
  /** The label of the whole body. */
  request?: string;
  /** Opening and closing quotation marks for `{character:quoted}`. */
  quotes?: [string, string];
  /** `{character:quoted}` when the character is a double quote. */
  doubleQuote?: string;
  /** `{offerType:offer}`: the words for CONSUMABLES and for `other` offer types. */
  offerTypes?: { CONSUMABLES?: string; other?: string };
  /** `{n:count}`: the noun's forms by plural category (Intl.PluralRules), `#` standing for the number. */
  nouns?: Record<string, Partial<Record<Intl.LDMLPluralRule, string>>>;
  /** A parameter's English values in this language, by parameter name. */
  values?: Record<string, Record<string, string>>;
}

/**
 * Loads a catalogue: a shipped one by locale (read from disk in Node, fetched
 * beside the module in browsers), or your own under any name (its content, or
 * a URL to fetch). Answers the name it was stored under ("en" needs none).
 */
export function loadLocale(locale: string, catalogue?: MessageCatalogue | string | URL): Promise<string>;
/** Sets the locale of every call that names none, and loads its catalogue. */
export function setLocale(locale: string): Promise<string>;
/** The locale calls use when they name none ("en" until setLocale()). */
export function getLocale(): string;

/** Every country; with `locale`, each name in that language (Intl.DisplayNames). */
export function countries(options?: LocaleOption): CountryInfo[];

export function validateReseller(input: Reseller | unknown, options: AccountOptions & LocaleOption): ValidationResult;
export function validateCustomer(input: Customer | unknown, options: AccountOptions & LocaleOption): ValidationResult;
export function validateCustomerJson(json: string, options: AccountOptions & LocaleOption): ValidationResult;
export function validateOrder(input: Order | unknown, options?: Options & LocaleOption): ValidationResult;
export function validateOrderJson(json: string, options?: Options & LocaleOption): ValidationResult;
export function validateOrderUpdate(input: { externalReferenceId?: string } | unknown, options?: LocaleOption): ValidationResult;
export function validateSubscriptionUpdate(input: { autoRenewal: AutoRenewal } | unknown, options?: Options & LocaleOption): ValidationResult;
export function validateTransfer(input: ResellerChange | VipTransferRequest | unknown, options?: Options & LocaleOption): ValidationResult;
export function validateOrderHistoryQuery(query: string | Record<string, string | string[]>, options?: LocaleOption): QueryValidation;
export function validateField(name: string, value: string, context?: FieldContext & LocaleOption): ValidationResult;
export function checkBasket(basket: Basket | unknown, context?: Partial<BasketContext> & LocaleOption): BasketCheck;
