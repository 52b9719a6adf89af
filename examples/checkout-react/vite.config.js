// Nothing vipmp-specific: Vite emits the package's wasm, forms.json and
// message catalogues as assets on its own. JSX uses React's automatic runtime.
import { defineConfig } from "vite";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  build: { target: "es2022" },
});
