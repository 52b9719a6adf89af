// A storefront page as a webpack user writes it: import the package, await
// init() once, check what the shopper typed with a Standard Schema. webpack
// emits the wasm and forms.json as assets (both are `new URL(…, import.meta.url)`
// in the package), and the message catalogues likewise; nothing is copied by hand.
import init, { fieldSchema, loadLocale, regions, validateField } from "vipmp";

await init();
const postalCode = fieldSchema("postalCode", { country: "CA" });
const input = document.querySelector("#postal");
const verdict = document.querySelector("#verdict");
const show = () => {
  const result = postalCode["~standard"].validate(input.value);
  verdict.textContent = result.issues ? result.issues[0].message : "valid";
};
input.addEventListener("input", show);
show();
window.vipmpVerdicts = {
  good: validateField("postalCode", "K1A 0B1", { country: "CA" }),
  bad: validateField("postalCode", "12345", { country: "CA" }),
  schema: postalCode["~standard"].validate("12345"),
  quebec: regions("CA").find((region) => region.code === "QC"),
  // fetched now, not before: the page pays for one catalogue, when it asks
  german: await loadLocale("de").then(() => validateField("postalCode", "12345", { country: "CA", locale: "de" })),
};
