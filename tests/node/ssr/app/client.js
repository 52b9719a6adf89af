// The browser half of the server-rendered page: the same package's web door,
// init() once, then the shopper's typing is checked where the server left off.
import init, { fieldSchema } from "vipmp";

const serverVerdict = document.querySelector("#verdict").textContent;
await init({ forms: false }); // the server already rendered the region names
const input = document.querySelector("#postal");
const country = document.querySelector("#country");
const verdict = document.querySelector("#verdict");
const show = () => {
  const result = fieldSchema("postalCode", { country: country.value })["~standard"].validate(input.value);
  verdict.textContent = result.issues ? result.issues[0].message : "valid";
  verdict.dataset.renderedBy = "browser";
};
input.addEventListener("input", show);
country.addEventListener("change", show);
show();
window.vipmpHydrated = { serverVerdict, browserVerdict: verdict.textContent };
