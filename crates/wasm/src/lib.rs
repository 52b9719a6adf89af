//! WebAssembly bindings of the `vipmp` core, published to npm as `vipmp`.
//!
//! This crate is an empty shell for now: the package issue fills it with
//! `#[wasm_bindgen]` functions, each a few lines over the core. Nothing that needs
//! a unit test belongs here; it belongs in the core.
