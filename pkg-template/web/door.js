// The package's way across the boundary for request bodies. wasm-bindgen would
// copy a body's JSON text into wasm memory one UTF-16 unit at a time in a
// JavaScript loop, after a JSON.stringify called from inside the wasm; here the
// body and the options are stringified in JavaScript and written with one
// TextEncoder.encodeInto each, natively, into two buffers the module owns
// (crates/wasm/src/door.rs says what it measured). Both doors use it.

const encoder = new TextEncoder();

/** The validator numbers door.rs reads, by the package's function names. */
const VALIDATORS = {
  validateReseller: 0,
  validateCustomer: 1,
  validateOrder: 2,
  validateOrderUpdate: 3,
  validateSubscriptionUpdate: 4,
  validateTransfer: 5,
};

/** The smallest buffer asked for, so that small bodies never regrow it. */
const MIN_BUFFER = 4096;

/**
 * The body validators over `bindings` (wasm-bindgen's exports, usable once the
 * wasm is instantiated): each takes a body as a JS value, and the `*Json`
 * variants take JSON text the caller already holds; and validateField, whose
 * value is copied the same way (a 64 KiB value spent most of its time in
 * wasm-bindgen's copy loop).
 */
export function bodyDoors(bindings) {
  const writer = bufferWriter(bindings);
  const doors = {};
  for (const [name, number] of Object.entries(VALIDATORS)) {
    doors[name] = (body, options) => writer.validate(number, bodyText(body), options);
  }
  doors.validateCustomerJson = (json, options) => writer.validate(VALIDATORS.validateCustomer, String(json), options);
  doors.validateOrderJson = (json, options) => writer.validate(VALIDATORS.validateOrder, String(json), options);
  // A value that is not a string is a violation wasm-bindgen's own function files.
  doors.validateField = (name, value, context) =>
    typeof value === "string" ? writer.field(String(name), value, context) : bindings.validateField(name, value, context);
  return doors;
}

/** A body as JSON text; what JSON cannot express (undefined, a cycle, a BigInt) is `null`, a missing body. */
function bodyText(body) {
  try {
    return JSON.stringify(body) ?? "null";
  } catch {
    return "null";
  }
}

/**
 * Options as JSON text: "" for none (undefined or null: the defaults, or the
 * error a required option gives); "!" for options JSON cannot express, which
 * door.rs refuses as options of the wrong shape, as it refuses `null`.
 */
function optionsText(options) {
  if (options === undefined || options === null) return "";
  try {
    return JSON.stringify(options) ?? "!";
  } catch {
    return "!";
  }
}

/** Writes texts into the module's two buffers and runs a validator on them. */
function bufferWriter(bindings) {
  let memory = null;
  const body = { view: null, size: 0, reserve: bindings.__vipmpBodyBuffer };
  const options = { view: null, size: 0, reserve: bindings.__vipmpOptionsBuffer };

  /** Makes `buffer.view` a view of at least `need` bytes over the current memory. */
  function fit(buffer, need) {
    if (buffer.view !== null && buffer.size >= need && buffer.view.buffer === memory.buffer) return;
    if (buffer.size < need) buffer.size = Math.max(need, MIN_BUFFER, buffer.size * 2);
    // Same size: the same address, in a memory that grew since the view was made.
    const address = buffer.reserve(buffer.size);
    buffer.view = new Uint8Array(memory.buffer, address, buffer.size);
  }

  /** Room for `bodyNeed` and `optionsNeed` bytes, both views over the current memory. */
  function reserve(bodyNeed, optionsNeed) {
    memory ??= bindings.__vipmpMemory();
    // Reserving one buffer may grow the memory, which detaches the other's view.
    do {
      fit(options, optionsNeed);
      fit(body, bodyNeed);
    } while (options.view.buffer !== memory.buffer);
  }

  return {
    validate(number, text, givenOptions) {
      const extra = optionsText(givenOptions);
      reserve(text.length * 3, extra.length * 3);
      const bodyLength = encoder.encodeInto(text, body.view).written;
      const optionsLength = extra === "" ? 0 : encoder.encodeInto(extra, options.view).written;
      return bindings.__vipmpValidate(number, bodyLength, optionsLength);
    },
    /** validateField for a string value: the value in the body buffer, the name then the context in the other. */
    field(name, value, context) {
      const extra = optionsText(context);
      reserve(value.length * 3, (name.length + extra.length) * 3);
      const nameLength = encoder.encodeInto(name, options.view).written;
      const contextLength = extra === "" ? 0 : encoder.encodeInto(extra, options.view.subarray(nameLength)).written;
      const valueLength = encoder.encodeInto(value, body.view).written;
      return bindings.__vipmpValidateField(nameLength, valueLength, contextLength);
    },
  };
}
