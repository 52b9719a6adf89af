// Region names beside the codes the wasm lists: shared by both doors, which
// differ only in how they get forms.json (the web door fetches it in init(),
// the Node door reads the file on the first regions() call).

/** The regions of `country` from the wasm's `regionCodes`, each named where `names` has a name. */
export function namedRegions(regionCodes, names, country) {
  const ofCountry = Object.hasOwn(names, country) ? names[country] : {};
  return regionCodes(country).map((region) =>
    Object.hasOwn(ofCountry, region.code) ? { ...region, name: ofCountry[region.code] } : region);
}
