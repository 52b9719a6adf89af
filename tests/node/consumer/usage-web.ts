// Type-checked as a bundler sees the package (the `default` condition): the web
// build, whose default export `init()` must be awaited once.
import init, { validateField, type ValidationResult } from "vipmp";

export async function check(postalCode: string): Promise<ValidationResult> {
  await init();
  return validateField("postalCode", postalCode, { country: "US" });
}
