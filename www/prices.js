// The price list for a customer's country: the country's price region and its
// first currency (from the package's countries()), fetched from the price-list
// URL with ?region=&currency= and read by the package's loadPriceList.
import { loadPriceList } from "/pkg/web/vipmp.js";
import { catalogue } from "./basket.js";

/** Prices before any country is chosen: the demo's seeded list. */
export const DEFAULT_PRICING = { region: "NA", currency: "USD", label: "the default price list" };

/** { region, currency, label } for a country from countries(), or null when it has no price region or currency. */
export function pricingFor(country) {
  const currency = country?.currencies?.[0];
  if (!country?.priceRegion || !currency) return null;
  return { region: country.priceRegion, currency, label: country.name };
}

/** The price-list URL with the region and currency asked for. */
function priceListUrl(base, pricing) {
  const url = new URL(base, location.href);
  url.searchParams.set("region", pricing.region);
  url.searchParams.set("currency", pricing.currency);
  return url;
}

/** The message shown instead of a quote when no price list fits. */
function unavailable(pricing) {
  return `No price list in ${pricing.currency} for ${pricing.label} (region ${pricing.region}): `
    + "this storefront cannot quote this customer.";
}

/**
 * Fetches and reads the list. Resolves to { ok: true, priceList, products, currency }
 * or { ok: false, message } when the list is missing or unreadable.
 */
export async function loadPrices(base, pricing) {
  let response;
  try {
    response = await fetch(priceListUrl(base, pricing));
  } catch {
    return { ok: false, message: "The price list could not be reached. Check your connection and try again." };
  }
  if (!response.ok) return { ok: false, message: unavailable(pricing) };
  const text = await response.text();
  const loaded = loadPriceList(text, pricing.currency);
  if (!loaded.valid) return { ok: false, message: loaded.violations.map((v) => v.message).join(" ") };
  return { ok: true, priceList: loaded.priceList, products: catalogue(JSON.parse(text)), currency: pricing.currency };
}
