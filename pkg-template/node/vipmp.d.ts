// The Node door's types: the web door's, without init() (this door instantiates
// as it loads); initSync() is there and does nothing once the wasm is loaded.
export * from "../web/vipmp.js";
