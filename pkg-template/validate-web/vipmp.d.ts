// The types of `vipmp/validate`'s browser door: wasm-bindgen's declarations of
// this module (the validators, the field rules, the form data, and every data
// type), with the door's init() and initSync(), the validators that take
// `locale` and the schema factories of `vipmp`, less what prices or builds
// requests (`checkBasket`, `basketSchema`, which this module does not have).
export * from "./vipmp_bg.js";
export {
  type FormSpec, type LocaleOption, type StandardSchemaV1, type VipmpSchema, customerJsonSchema, customerSchema,
  fieldSchema, formSchema, orderHistoryQuerySchema, orderJsonSchema, orderSchema, orderUpdateSchema, resellerSchema,
  subscriptionUpdateSchema, transferSchema,
} from "../schemas.js";
export {
  countries, getLocale, loadLocale, setLocale, validateCustomer, validateCustomerJson, validateField, validateOrder,
  validateOrderHistoryQuery, validateOrderJson, validateOrderUpdate, validateReseller, validateSubscriptionUpdate,
  validateTransfer, type MessageCatalogue, type MessageLocale,
} from "../messages.js";
export { default, initSync, type FormsData, type FormsSource } from "../web/vipmp.js";
