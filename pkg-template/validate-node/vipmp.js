/* @ts-self-types="./vipmp.d.ts" */
// The Node door of `vipmp/validate`: ../node/vipmp.js's way (instantiated
// synchronously as it loads, so Node code needs no init(); bundled into one
// module by `cargo xtask pkg`) over ../validate-web/, the module built without
// pricing and requests.
import { initSync } from "../validate-web/vipmp.js";
import { regions as regionCodes } from "../validate-web/vipmp_bg.js";
import { regionsFromFile } from "../web/forms.js";

export * from "../validate-web/vipmp.js";

const { readFileSync } = process.getBuiltinModule("node:fs");

// A path, not a URL: see CATALOGUES in ../web/front.js.
initSync({ module: readFileSync(`${import.meta.dirname}/../validate-web/vipmp_bg.wasm`) });

/** The regions Adobe accepts for a country, named where a name is known. */
export const regions = regionsFromFile(regionCodes);
