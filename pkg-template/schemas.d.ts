// The types of the Standard Schema objects both doors export (built by
// ../standard.js). StandardSchemaV1 is written here from the published
// specification (https://standardschema.dev, version 1), so the package has no
// runtime or type dependency for it; tests/node checks it against
// `@standard-schema/spec` at the type level.
import type {
  AccountOptions, Basket, BasketContext, Customer, FieldContext, Options, Order, OrderHistoryQuery, Reseller,
  ResellerChange, AutoRenewal, VipTransferRequest, ViolationCode,
} from "./web/vipmp_bg.js";

/** The Standard Schema v1 interface: what form libraries accept. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** A vipmp schema: Standard Schema v1 whose validate() answers at once (never a Promise). */
export interface VipmpSchema<Input, Output = Input> extends StandardSchemaV1<Input, Output> {
  readonly "~standard": VipmpSchema.Props<Input, Output>;
}

export declare namespace VipmpSchema {
  export interface Props<Input, Output> extends StandardSchemaV1.Props<Input, Output> {
    readonly vendor: "vipmp";
    readonly validate: (value: unknown) => Result<Output>;
  }
  export type Result<Output> = StandardSchemaV1.SuccessResult<Output> | FailureResult;
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  /** A violation as a Standard Schema issue, with its stable code and parameters kept. */
  export interface Issue extends StandardSchemaV1.Issue {
    /** Keys and array indices from the validated value to the field. */
    readonly path: ReadonlyArray<string | number>;
    readonly code: ViolationCode;
    readonly params: Record<string, string | number>;
  }
}

/** Every schema option takes the shopper's locale (see setLocale()). */
export interface LocaleOption {
  /** A locale such as "de", "pt-BR" or Adobe's "de_DE"; unset: the global one. */
  locale?: string;
}

export declare function resellerSchema(options: AccountOptions & LocaleOption): VipmpSchema<Reseller>;
export declare function customerSchema(options: AccountOptions & LocaleOption): VipmpSchema<Customer>;
/** customerSchema() for a body held as JSON text. */
export declare function customerJsonSchema(options: AccountOptions & LocaleOption): VipmpSchema<string>;
export declare function orderSchema(options?: Options & LocaleOption): VipmpSchema<Order>;
/** orderSchema() for a body held as JSON text. */
export declare function orderJsonSchema(options?: Options & LocaleOption): VipmpSchema<string>;
export declare function orderUpdateSchema(options?: LocaleOption): VipmpSchema<{ externalReferenceId?: string }>;
export declare function subscriptionUpdateSchema(options?: Options & LocaleOption): VipmpSchema<{ autoRenewal: AutoRenewal }>;
export declare function transferSchema(options?: Options & LocaleOption): VipmpSchema<ResellerChange | VipTransferRequest>;
/** Output: the normalised query (defaults filled in, `limit` clamped). */
export declare function orderHistoryQuerySchema(
  options?: LocaleOption,
): VipmpSchema<string | Record<string, string | string[]>, OrderHistoryQuery>;
/** checkBasket(): its violations are issues; its warnings do not fail. */
export declare function basketSchema(options?: Partial<BasketContext> & LocaleOption): VipmpSchema<Basket>;
/**
 * One field as the shopper types it (`fieldSchema("postalCode", { country: "CA" })`):
 * the same rule the request validators apply there. Issues have `path: []`.
 */
export declare function fieldSchema(name: string, options?: FieldContext & LocaleOption): VipmpSchema<string>;

/** formSchema()'s description of a flat form. */
export interface FormSpec<Key extends string> {
  /** Form key → vipmp field name (`{ zip: "postalCode", company: "companyName" }`). */
  fields: Record<Key, string>;
  /** The form key whose value is the country for `postalCode` and `region` (default "country"). */
  countryKey?: string;
  locale?: string;
}

/**
 * A flat form of fields, each checked by its vipmp rule (postal code and region
 * against the form's own country): issues sit at the form's keys.
 */
export declare function formSchema<Key extends string>(
  spec: FormSpec<Key>,
): VipmpSchema<Partial<Record<Key, string>> & Record<string, unknown>, Partial<Record<Key, string>> & Record<string, unknown>>;
