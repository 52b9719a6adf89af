// Region names beside the codes the wasm lists: shared by the doors, which
// differ only in how they get forms.json (the browser doors fetch it in init(),
// the Node doors read the file on the first regions() call).

/** The regions of `country` from the wasm's `regionCodes`, each named where `names` has a name. */
export function namedRegions(regionCodes, names, country) {
  const ofCountry = Object.hasOwn(names, country) ? names[country] : {};
  return regionCodes(country).map((region) =>
    Object.hasOwn(ofCountry, region.code) ? { ...region, name: ofCountry[region.code] } : region);
}

/**
 * The Node doors' regions(): forms.json read from disk on the first call. The
 * path is from this module's place, or from the Node door's once esbuild has
 * bundled it in: both are one directory below the package's root.
 */
export function regionsFromFile(regionCodes) {
  let names;
  return (country) => {
    names ??= JSON.parse(globalThis.process.getBuiltinModule("node:fs").readFileSync(new URL("../forms.json", import.meta.url), "utf8")).regions;
    return namedRegions(regionCodes, names, country);
  };
}
