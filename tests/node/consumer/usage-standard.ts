// Type-level conformance: every schema the package exports is a Standard Schema
// v1 as `@standard-schema/spec` (the specification's own types) defines it, the
// package's hand-written interface is interchangeable with the published one,
// and inference gives the validated body's type. Checked by tsc under NodeNext
// (Node door) and Bundler (web door) resolution.
import type { StandardSchemaV1 as Published } from "@standard-schema/spec";
import {
  basketSchema, customerJsonSchema, customerSchema, fieldSchema, formSchema, orderHistoryQuerySchema, orderJsonSchema,
  orderSchema, orderUpdateSchema, resellerSchema, subscriptionUpdateSchema, transferSchema,
  type Customer, type OrderHistoryQuery, type StandardSchemaV1, type VipmpSchema,
} from "vipmp";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(): T | void {}

export const schemas: Published[] = [
  resellerSchema({ op: "create" }),
  customerSchema({ op: "update", locale: "de" }),
  customerJsonSchema({ op: "create" }),
  orderSchema(),
  orderJsonSchema({ locale: "fr" }),
  orderUpdateSchema(),
  subscriptionUpdateSchema(),
  transferSchema({ kind: "vip" }),
  orderHistoryQuerySchema(),
  basketSchema({ locale: "ja" }),
  fieldSchema("postalCode", { country: "CA", locale: "pt-BR" }),
  formSchema({ fields: { zip: "postalCode" } }),
];

const customer = customerSchema({ op: "create" });
expectType<Equal<Published.InferInput<typeof customer>, Customer>>();
expectType<Equal<Published.InferOutput<typeof customer>, Customer>>();
const query = orderHistoryQuerySchema();
expectType<Equal<Published.InferOutput<typeof query>, OrderHistoryQuery>>();
expectType<Equal<Published.InferInput<typeof query>, string | Record<string, string | string[]>>>();
const postalCode = fieldSchema("postalCode", { country: "CA" });
expectType<Equal<StandardSchemaV1.InferOutput<typeof postalCode>, string>>();

// The hand-written interface and the published one accept each other.
export const fromOurs = (schema: StandardSchemaV1<string>): Published<string> => schema;
export const fromTheirs = (schema: Published<string>): StandardSchemaV1<string> => schema;

// validate() answers at once: no await needed, and issues carry array paths.
export function firstPath(schema: VipmpSchema<string>, value: string): readonly (string | number)[] | undefined {
  const result = schema["~standard"].validate(value);
  return result.issues?.[0]?.path;
}
