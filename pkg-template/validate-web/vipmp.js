/* @ts-self-types="./vipmp.d.ts" */
// The browser door of `vipmp/validate`: the validators, the field rules and
// the form data (countries, regions, locales) of `vipmp`, over a wasm built
// without pricing and requests (crates/wasm's `commerce` feature), for pages
// that check what a shopper types and price nothing. The same door as
// ../web/vipmp.js (front.js) over this directory's wasm-bindgen output; a page
// imports one entry point or the other, never both (each has its own module).
import initWasm, { initSync as initWasmSync } from "./vipmp_bg.js";
import * as bindings from "./vipmp_bg.js";
import { frontDoor } from "../web/front.js";

export * from "./vipmp_bg.js";

const door = frontDoor(bindings, initWasm, initWasmSync);

export default door.init;
export const {
  initSync, regions, loadLocale, setLocale, getLocale, countries,
  validateReseller, validateCustomer, validateCustomerJson, validateOrder, validateOrderJson, validateOrderUpdate,
  validateSubscriptionUpdate, validateTransfer, validateOrderHistoryQuery, validateField,
  resellerSchema, customerSchema, customerJsonSchema, orderSchema, orderJsonSchema, orderUpdateSchema,
  subscriptionUpdateSchema, transferSchema, orderHistoryQuerySchema, fieldSchema, formSchema,
} = door;
