// The Node door's types are wasm-bindgen's, data types included (derived from
// the Rust types by tsify): vipmp.js wraps regions() without changing its type.
export * from "./vipmp_bg.js";
