// Type-checked as a bundler sees the package (the `default` condition): the web
// build, whose default export `init()` must be awaited once, and after which
// regions() answers synchronously with the names init() loaded.
import init, { initSync, regions, validateField, type FormsData, type RegionInfo, type ValidationResult } from "vipmp";

export async function check(postalCode: string): Promise<ValidationResult> {
  await init();
  return validateField("postalCode", postalCode, { country: "US" });
}

export async function regionOptions(country: string): Promise<RegionInfo[]> {
  await init({ forms: new URL("/assets/forms.json", "https://shop.example") });
  return regions(country);
}

export async function validationOnly(): Promise<void> {
  await init({ module_or_path: "/vipmp_bg.wasm", forms: false });
}

export function inWorker(module: WebAssembly.Module, forms: FormsData): RegionInfo[] {
  initSync({ module, forms });
  return regions("CA");
}
