/* @ts-self-types="./vipmp.d.ts" */
// The package's Node door: CommonJS, synchronous, no init() (ESM `import` reaches
// it through Node's CommonJS named exports). Everything is wasm-bindgen's output,
// vipmp_bg.js, except the body validators, which cross the boundary through
// door.js, and regions(): the wasm lists region codes only, and the names a form
// shows beside them ship as ../forms.json, read on the first call.
"use strict";

const bindings = require("./vipmp_bg.js");
const doors = require("./door.js").bodyDoors(bindings);

/** forms.json's `regions`: country code → region code → name. */
let regionNames;

/** The regions Adobe accepts for a country, named where a name is known. */
function regions(country) {
  regionNames ??= require("../forms.json").regions;
  const names = Object.hasOwn(regionNames, country) ? regionNames[country] : {};
  return bindings.regions(country).map((region) =>
    Object.hasOwn(names, region.code) ? { ...region, name: names[region.code] } : region);
}

// Spelled so that Node's CommonJS lexer sees every name for ESM importers.
module.exports = { ...require("./vipmp_bg.js"), ...doors, regions };
