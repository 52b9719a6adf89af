// A storefront page as an esbuild user writes it. esbuild does not follow
// `new URL(…, import.meta.url)`, so the page names the package's assets by
// import: the wasm through esbuild's `file` loader (emitted beside the bundle
// with a hashed name), the region names and one message catalogue as JSON
// data (bundled).
import init, { fieldSchema, loadLocale, regions, validateField } from "vipmp";
import wasmUrl from "vipmp/vipmp_bg.wasm";
import forms from "vipmp/forms.json";
import japanese from "vipmp/locales/ja.json";

await init({ module_or_path: new URL(wasmUrl, import.meta.url), forms });
await loadLocale("ja", japanese);
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
  japanese: fieldSchema("postalCode", { country: "CA", locale: "ja" })["~standard"].validate("12345"),
};
