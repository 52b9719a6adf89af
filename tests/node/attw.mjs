// are-the-types-wrong over the packed package, for the resolutions it is built
// for: node16 (CommonJS and ESM callers) and bundlers. Fails on any problem
// there, except the ones the package's design accepts, each named below.
//
// usage: node tests/node/attw.mjs path/to/vipmp-x.y.z.tgz
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tarball = process.argv[2];

/** Problems the design accepts, and why. */
const ACCEPTED = [
  // node10 has no `exports`: its resolution of subpaths and of the top-level
  // `types` (the web door's, for bundlers that read `types` without `exports`)
  // is legacy; TypeScript's node16, nodenext and bundler modes are checked.
  (problem) => problem.resolutionKind === "node10",
  (problem) => problem.kind === "FalseExportDefault" && problem.resolutionKind === undefined,
  // Both doors are ES modules by design; `require()` loads them in Node 20.19+
  // (the package's `engines`), one instance for `import` and `require`.
  (problem) => problem.kind === "CJSResolvesToESM",
];

const output = (() => {
  try {
    return execFileSync(join(here, "node_modules/.bin/attw"), [tarball, "--format", "json",
      // assets without types (the wasm, the data files) are not entry points
      "--exclude-entrypoints", "./vipmp_bg.wasm", "./validate/vipmp_bg.wasm", "./forms.json", "./package.json", "./locales/*.json"],
    { encoding: "utf8" });
  } catch (failure) {
    return failure.stdout; // attw exits 1 whenever it finds a problem, accepted or not
  }
})();
const { analysis } = JSON.parse(output);
const problems = analysis.problems.filter((problem) => !ACCEPTED.some((accepts) => accepts(problem)));
console.log(`attw: ${analysis.problems.length} problems, ${problems.length} not accepted`);
if (problems.length > 0) {
  console.error(JSON.stringify(problems, null, 2));
  process.exit(1);
}
