// Type-checked as a bundler sees `vipmp/validate` (the `default` condition):
// init() to await once, then the validators and regions() answer at once.
import init, { initSync, regions, validateField, type FormsData, type RegionInfo, type ValidationResult } from "vipmp/validate";

export async function check(postalCode: string): Promise<ValidationResult> {
  await init({ locale: "de" });
  return validateField("postalCode", postalCode, { country: "DE" });
}

export function inWorker(module: WebAssembly.Module, forms: FormsData): RegionInfo[] {
  initSync({ module, forms });
  return regions("CA");
}
