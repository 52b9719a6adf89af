/* @ts-self-types="./vipmp.d.ts" */
// The package's door for browsers and bundlers (`vipmp`): an ES module whose
// default export init() must be awaited once. Everything is wasm-bindgen's
// output, vipmp_bg.js, except what front.js adds over it (init(), initSync(),
// regions(), the body validators, `locale`, the Standard Schema objects).
import initWasm, { initSync as initWasmSync } from "./vipmp_bg.js";
import * as bindings from "./vipmp_bg.js";
import { frontDoor } from "./front.js";

export * from "./vipmp_bg.js";

const door = frontDoor(bindings, initWasm, initWasmSync);

export default door.init;
export const {
  initSync, regions, loadLocale, setLocale, getLocale, countries,
  validateReseller, validateCustomer, validateCustomerJson, validateOrder, validateOrderJson, validateOrderUpdate,
  validateSubscriptionUpdate, validateTransfer, validateOrderHistoryQuery, validateField, checkBasket,
  resellerSchema, customerSchema, customerJsonSchema, orderSchema, orderJsonSchema, orderUpdateSchema,
  subscriptionUpdateSchema, transferSchema, orderHistoryQuerySchema, basketSchema, fieldSchema, formSchema,
} = door;
