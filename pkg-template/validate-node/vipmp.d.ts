// The types of `vipmp/validate`'s Node door: its browser door's, without init()
// (this door instantiates as it loads); initSync() is there and does nothing
// once the wasm is loaded.
export * from "../validate-web/vipmp.js";
