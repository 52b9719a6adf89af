// A one-file storefront page as a new user writes it: import the package, await
// init() once, check what the shopper typed. Vite bundles it; nothing is copied
// by hand.
import init, { validateField, regions } from "vipmp";

await init();
const check = (value) => validateField("postalCode", value, { country: "CA" });
const input = document.querySelector("#postal");
const verdict = document.querySelector("#verdict");
const show = () => {
  const result = check(input.value);
  verdict.textContent = result.valid ? "valid" : result.violations[0].message;
};
input.addEventListener("input", show);
show();
window.vipmpVerdicts = {
  good: check("K1A 0B1"),
  bad: check("12345"),
  quebec: regions("CA").find((region) => region.code === "QC"),
};
