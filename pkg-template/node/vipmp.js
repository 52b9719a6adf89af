/* @ts-self-types="./vipmp.d.ts" */
// The package's Node door: the web door's module, instantiated synchronously
// from the wasm file as this module loads, so Node code needs no init(). An ES
// module, which `require("vipmp")` loads too (Node 20.19 and later), so that
// `import` and `require` share one instance and a cold `import` skips the
// CommonJS translation (measured: see BENCHMARKS.md, cold start). regions()
// reads the names a form shows beside the codes from ../forms.json on its
// first call (../web/forms.js). node:fs comes from process.getBuiltinModule
// (Node 20.16 and later), not an import: Node 20 builds an ES module of fs's
// exports for an import, which measured 1.5 ms of a 14 ms cold start.
// `cargo xtask pkg` bundles this file with the modules it imports into the
// package's node/vipmp.js (one module to load instead of seven: 2.7 ms less).
import { initSync } from "../web/vipmp.js";
import { regions as regionCodes } from "../web/vipmp_bg.js";
import { regionsFromFile } from "../web/forms.js";

export * from "../web/vipmp.js";

const { readFileSync } = process.getBuiltinModule("node:fs");

// A path, not a URL: see CATALOGUES in ../web/front.js.
initSync({ module: readFileSync(`${import.meta.dirname}/../web/vipmp_bg.wasm`) });

/** The regions Adobe accepts for a country, named where a name is known. */
export const regions = regionsFromFile(regionCodes);
