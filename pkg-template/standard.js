// Every validator of the package as a Standard Schema v1 object
// (https://standardschema.dev): `schema["~standard"].validate(value)` answers
// `{ value }` or `{ issues: [{ message, path }] }`, which form libraries
// (TanStack Form, react-hook-form's standard-schema resolver, tRPC, …) take
// with no adapter. The web door (which the Node door re-exports) passes in its
// validators and its way of putting messages into the shopper's language, so
// this module holds no state and imports nothing.
//
// A violation's path is a string in the Partner API's notation
// (`companyProfile.contacts[0].email`, `["a.b"]` for a key holding a dot);
// Standard Schema wants it as an array of keys and indices, which pathSegments()
// reads back.

const VENDOR = "vipmp";

/**
 * The schema factories over one door's functions. `api` holds the validators
 * (validateCustomer, validateField, …); `localize(result, locale)` answers the
 * result with its messages in `locale` (the door's i18n).
 */
export function schemasOver(api, localize) {
  /** A schema whose validate() runs `check(value)` and turns its result into issues. */
  const schema = (check, { locale, output = identity, relativeTo } = {}) => ({
    "~standard": {
      version: 1,
      vendor: VENDOR,
      validate(value) {
        const result = localize(check(value), locale);
        if (result.valid) return { value: output(value, result) };
        return { issues: result.violations.map((violation) => issueOf(violation, relativeTo)) };
      },
    },
  });
  /** Splits `{ locale }` off options meant for the wasm. */
  const split = (options) => {
    if (options === null || typeof options !== "object") return [options, undefined];
    const { locale, ...rest } = options;
    return [rest, locale];
  };
  const withOptions = (validate) => (options) => {
    const [wasmOptions, locale] = split(options);
    return schema((value) => validate(value, wasmOptions), { locale });
  };

  return {
    resellerSchema: withOptions(api.validateReseller),
    customerSchema: withOptions(api.validateCustomer),
    customerJsonSchema: withOptions(api.validateCustomerJson),
    orderSchema: withOptions(api.validateOrder),
    orderJsonSchema: withOptions(api.validateOrderJson),
    orderUpdateSchema: (options) => schema(api.validateOrderUpdate, { locale: options?.locale }),
    subscriptionUpdateSchema: withOptions(api.validateSubscriptionUpdate),
    transferSchema: withOptions(api.validateTransfer),
    orderHistoryQuerySchema: (options) =>
      schema(api.validateOrderHistoryQuery, { locale: options?.locale, output: (_, result) => result.query }),
    fieldSchema(name, options) {
      const [context, locale] = split(options);
      return schema((value) => api.validateField(name, value, context), { locale, relativeTo: name });
    },
    formSchema(spec) {
      const { fields, countryKey = "country", locale } = spec ?? {};
      if (fields === null || typeof fields !== "object") throw new TypeError("vipmp: formSchema({ fields }) needs an object of form key → field name");
      return schema((values) => checkForm(api, fields, countryKey, values), { locale });
    },
    // Only where the door has the basket rules (`vipmp`, not `vipmp/validate`).
    ...(api.checkBasket && {
      basketSchema: (options) => {
        const [context, locale] = split(options);
        return schema((basket) => api.checkBasket(basket, context), { locale });
      },
    }),
  };
}

/** Every field of a form object, each at its form key; country-dependent fields read `countryKey`. */
function checkForm(api, fields, countryKey, values) {
  const record = values !== null && typeof values === "object" ? values : {};
  const text = (key) => (typeof record[key] === "string" ? record[key] : record[key] == null ? "" : record[key]);
  const country = text(countryKey);
  const context = typeof country === "string" && country !== "" ? { country } : {};
  const violations = [];
  for (const [key, name] of Object.entries(fields)) {
    const result = api.validateField(name, text(key), context);
    for (const violation of result.violations) {
      violations.push({ ...violation, path: joinPath([key, ...pathSegments(violation.path).slice(1)]) });
    }
  }
  return violations.length === 0 ? { valid: true, violations: [] } : { valid: false, violations };
}

function identity(value) {
  return value;
}

/** A Standard Schema issue; a field schema's paths are relative to the field. */
function issueOf(violation, relativeTo) {
  let path = pathSegments(violation.path);
  if (relativeTo !== undefined && path[0] === relativeTo) path = path.slice(1);
  return { message: violation.message, path, code: violation.code, params: violation.params };
}

/**
 * `companyProfile.contacts[0].email` → ["companyProfile", "contacts", 0, "email"];
 * `["a.b"]` → ["a.b"] (a key the dotted notation cannot carry, JSON-quoted);
 * "" (the whole body) → [].
 */
export function pathSegments(text) {
  const segments = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === ".") {
      at += 1;
    } else if (text.startsWith('["', at)) {
      let end = at + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      segments.push(JSON.parse(text.slice(at + 1, end + 1)));
      at = end + 2;
    } else if (text[at] === "[") {
      const end = text.indexOf("]", at);
      segments.push(Number(text.slice(at + 1, end)));
      at = end + 1;
    } else {
      let end = at;
      while (end < text.length && text[end] !== "." && text[end] !== "[") end += 1;
      segments.push(text.slice(at, end));
      at = end;
    }
  }
  return segments;
}

/** pathSegments() undone, in the same notation. */
export function joinPath(segments) {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (segment === "" || /[.[\]]/.test(segment)) text += `[${JSON.stringify(segment)}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text;
}
