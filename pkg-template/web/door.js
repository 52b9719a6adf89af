// The package's way across the boundary for request bodies. wasm-bindgen would
// copy a body's JSON text into wasm memory one UTF-16 unit at a time in a
// JavaScript loop, after a JSON.stringify called from inside the wasm. Here a
// body given as an object is packed: walked in JavaScript and written in a
// small binary form (src/input/packed.rs), with its options, in which a key
// sent before is one number: about twice as fast as JSON.stringify writes
// text, and read in the wasm without parsing JSON. A body the packer does not
// take on (see `bodyPacker`) and a body given as text cross as JSON text, body
// and options each written with one TextEncoder.encodeInto, natively. Both
// doors use this (crates/wasm/src/door.rs says what each way measured).

const encoder = new TextEncoder();
// A leading U+FEFF is text here (a key or a value the caller sent), not a
// byte-order mark to drop: dropping it would shift every piece of an answer.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Decodes an answer's text the module wrote in UTF-16 (one not all ASCII),
 * with Node's `Buffer`: 0.12 µs for the create-customer bench's three
 * violations, against 0.8 for the same text decoded from UTF-8 by Node 20's
 * `TextDecoder`. `null` where there is no `Buffer`: browsers decode the UTF-8
 * (Chromium's `TextDecoder` is slower for UTF-16 than for UTF-8).
 */
const NodeBuffer = typeof globalThis.Buffer?.from === "function" ? globalThis.Buffer : null;
const wideText = NodeBuffer && ((buffer, address, size) => NodeBuffer.from(buffer, address, size).toString("utf16le"));

/** The verdicts crates/wasm/src/verdict.rs answers. */
const VALID_VERDICT = 0;
const KEYS_OUT_OF_STEP = 2;
const REFUSED = 3;
const NOT_ASCII_VIOLATIONS = 4;

/** The answer every valid body and value gets, frozen, as wasm-bindgen's functions answer it. */
const VALID_ANSWER = Object.freeze({ valid: true, violations: Object.freeze([]) });

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
 * wasm-bindgen's copy loop). `memoryOf` answers the module's memory once it
 * is instantiated (`initSync`'s output has it); asking the module instead
 * (`__vipmpMemory`, an `externref` answer) compiled the module's table
 * code on the first verdict of a cold start: 0.96 -> 0.88 ms.
 */
export function bodyDoors(bindings, memoryOf = () => bindings.__vipmpMemory()) {
  const writer = bufferWriter(bindings, memoryOf);
  const doors = {};
  for (const [name, number] of Object.entries(VALIDATORS)) {
    doors[name] = (body, options) => writer.validateBody(number, body, options);
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
function bufferWriter(bindings, memoryOf) {
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
    memory ??= memoryOf();
    // Reserving one buffer may grow the memory, which detaches the other's view.
    do {
      fit(options, optionsNeed);
      fit(body, bodyNeed);
    } while (options.view.buffer !== memory.buffer);
  }

  const packer = bodyPacker();

  /** The answer to a verdict (crates/wasm/src/verdict.rs): the valid answer, or the violations written. */
  function answerOf(verdict) {
    if (verdict === VALID_VERDICT) return VALID_ANSWER;
    if (verdict === REFUSED) throw bindings.__vipmpRefusal();
    return { valid: false, violations: writtenViolations(verdict === NOT_ASCII_VIOLATIONS && wideText !== null) };
  }

  /** The violations the module wrote: one text, cut by the lengths beside it (UTF-16 units). */
  function writtenViolations(wide) {
    // Widening allocates in the module, which may grow its memory: the
    // buffer is taken after it.
    const size = wide ? bindings.__vipmpWidenAnswer() : bindings.__vipmpAnswerTextLength();
    const buffer = memory.buffer;
    const address = bindings.__vipmpAnswerText();
    const text = wide ? wideText(buffer, address, size) : decoder.decode(new Uint8Array(buffer, address, size));
    const lengths = new Uint32Array(buffer, bindings.__vipmpAnswerLengths(), bindings.__vipmpAnswerLengthCount());
    let at = 0;
    let next = 0;
    const piece = () => text.slice(at, (at += lengths[next++]));
    const violations = new Array(lengths[next++]);
    for (let v = 0; v < violations.length; v++) {
      const path = piece();
      const code = piece();
      const message = piece();
      const params = {};
      for (let count = lengths[next++]; count > 0; count--) {
        const name = piece();
        const number = lengths[next++] === 1;
        const value = piece();
        params[name] = number ? Number(value) : value;
      }
      violations[v] = { path, code, params, message };
    }
    return violations;
  }

  /** The options' text in their buffer; answers its length in bytes. */
  function writeOptions(extra) {
    return extra === "" ? 0 : encoder.encodeInto(extra, options.view).written;
  }

  return {
    /** Runs a validator on a body given as a value: packed with its options, or as JSON text when the packer gives up. */
    validateBody(number, given, givenOptions) {
      // Options JSON.stringify cannot write are refused as they are through text.
      const optionsType = typeof givenOptions;
      if (optionsType === "function" || optionsType === "symbol") return this.validate(number, bodyText(given), givenOptions);
      const length = packer.pack([given, givenOptions]);
      if (length < 0) return this.validate(number, bodyText(given), givenOptions);
      reserve(length, 0);
      body.view.set(packer.written(length));
      const verdict = bindings.__vipmpValidatePacked(number, length);
      if (verdict !== KEYS_OUT_OF_STEP) return answerOf(verdict);
      // The module does not hold the keys the packer counted on: both forget
      // them, and the body goes again with every key spelled out.
      packer.forget();
      return this.validateBody(number, given, givenOptions);
    },
    validate(number, text, givenOptions) {
      const extra = optionsText(givenOptions);
      reserve(text.length * 3, extra.length * 3);
      const bodyLength = encoder.encodeInto(text, body.view).written;
      return answerOf(bindings.__vipmpValidate(number, bodyLength, writeOptions(extra)));
    },
    /**
     * validateField for a string value: the value in the body buffer, the
     * name then the context's country in the other; a context holding more
     * than a country crosses as JSON text (`withContextText`).
     */
    field(name, value, context) {
      const country = countryOf(context);
      if (country === undefined) return this.withContextText(name, value, context);
      reserve(value.length * 3, (name.length + country.length) * 3);
      const nameLength = encoder.encodeInto(name, options.view).written;
      const countryLength = country === "" ? 0 : encoder.encodeInto(country, options.view.subarray(nameLength)).written;
      const valueLength = encoder.encodeInto(value, body.view).written;
      return answerOf(bindings.__vipmpValidateFieldIn(nameLength, valueLength, countryLength));
    },
    /** validateField with its context as JSON text, read (or refused) as options are. */
    withContextText(name, value, context) {
      const extra = optionsText(context);
      reserve(value.length * 3, (name.length + extra.length) * 3);
      const nameLength = encoder.encodeInto(name, options.view).written;
      const contextLength = extra === "" ? 0 : encoder.encodeInto(extra, options.view.subarray(nameLength)).written;
      const valueLength = encoder.encodeInto(value, body.view).written;
      return answerOf(bindings.__vipmpValidateField(nameLength, valueLength, contextLength));
    },
  };
}

/**
 * The country of a validateField context that holds nothing else ("" for
 * none), which crosses as its text: a form checks a postal code or a region
 * on every keystroke, and writing the context as JSON for the module to read
 * back was a fifth of the call. Any other context (other members, a country
 * that is not well-formed text, an object that is not plain, a getter that
 * throws) answers undefined and crosses as JSON, read or refused as before.
 */
function countryOf(context) {
  if (context === undefined || context === null) return "";
  if (typeof context !== "object" || !plain(context)) return undefined;
  let country = "";
  try {
    for (const key in context) {
      if (key !== "country") return undefined;
      const given = context[key];
      if (typeof given === "string" && wellFormed(given)) country = given;
      else if (given !== undefined && given !== null) return undefined;
    }
  } catch {
    return undefined;
  }
  return country;
}

/** Deeper than this a body goes as JSON text, whose reader refuses nesting past 127. */
const MAX_PACKED_DEPTH = 100;
/** The most keys numbered (vipmp::input::MAX_PACKED_KEYS), and the longest key numbered. */
const MAX_KEYS = 4096;
const MAX_KEY_LENGTH = 64;
/** The key marks of the packed form: a key numbered now, a key not numbered. */
const DEFINE_KEY = 0xfffe;
const INLINE_KEY = 0xffff;
/** A table's column kinds: the tags of the values they hold. */
const WHOLE = 3;
const STRING = 5;
/** The most columns a table has (a count of one byte). */
const MAX_COLUMNS = 255;
/** Thrown inside the packer when a body is better sent as JSON text. */
const GIVE_UP = Symbol("give up packing");

const wellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/[\uD800-\uDFFF]/.test(text); // without isWellFormed: any surrogate gives up

/** Whether an object that is not an array is plain: JSON.stringify writes what for-in lists. */
function plain(given) {
  const prototype = Object.getPrototypeOf(given);
  return prototype === Object.prototype || prototype === null;
}

/** Whether something made Object.prototype's own properties enumerable (for-in would list them). */
function prototypeListsKeys() {
  for (const _ in {}) return true;
  return false;
}

/**
 * Packs bodies into the binary form src/input/packed.rs reads, keeping the
 * keys it numbered between bodies, as the module does. It packs what
 * JSON.stringify would write, value for value: members that are undefined,
 * functions or symbols are left out, and in lists they are null, as are NaN
 * and the infinities. It gives up (`pack` answers -1, and the body goes as
 * JSON text) on anything it would have to imitate more of: a value with
 * toJSON (a Date), an object that is not plain (a class instance, a boxed
 * primitive, a Map), a BigInt, a string with a lone surrogate (which
 * JSON.stringify escapes), nesting deeper than MAX_PACKED_DEPTH, a getter
 * that throws. A list of objects of one shape (an order's lines) is packed
 * as a table, its keys once (see `table`).
 */
export function bodyPacker() {
  let bytes = new Uint8Array(4096);
  let view = new DataView(bytes.buffer);
  let at = 0;
  /** Key → its number, as the module numbers them. */
  const numbers = new Map();
  /** The keys numbered in the body being packed: forgotten again if it gives up. */
  const numberedNow = [];
  /** The last numbered key met at each place of an object (the first 16), and its number. */
  const lastKeys = new Array(16).fill(null);
  const lastNumbers = new Array(16).fill(0);

  /** Room for `count` more bytes. */
  function room(count) {
    if (at + count <= bytes.length) return;
    let size = bytes.length * 2;
    while (size < at + count) size *= 2;
    const larger = new Uint8Array(size);
    larger.set(bytes.subarray(0, at));
    bytes = larger;
    view = new DataView(bytes.buffer);
  }

  /** A length, then the UTF-8 bytes: ASCII by hand, anything else by encodeInto. */
  function text(value) {
    const length = value.length;
    if (at + 4 + 3 * length > bytes.length) room(4 + 3 * length);
    let to = at + 4;
    let i = 0;
    for (; i < length; i++) {
      const unit = value.charCodeAt(i);
      if (unit >= 0x80) break;
      bytes[to++] = unit;
    }
    if (i < length) {
      if (!wellFormed(value)) throw GIVE_UP;
      to += encoder.encodeInto(i === 0 ? value : value.slice(i), bytes.subarray(to)).written;
    }
    view.setUint32(at, to - at - 4, true);
    at = to;
  }

  /** The key at `place` in an object, by its number, numbered now, or spelled out. */
  function key(name, place) {
    const known = numbers.get(name);
    if (known !== undefined) {
      view.setUint16(at, known, true);
      at += 2;
      if (place < lastKeys.length) {
        lastKeys[place] = name;
        lastNumbers[place] = known;
      }
      return;
    }
    if (numbers.size < MAX_KEYS && name.length <= MAX_KEY_LENGTH) {
      numbers.set(name, numbers.size);
      numberedNow.push(name);
      view.setUint16(at, DEFINE_KEY, true);
    } else {
      view.setUint16(at, INLINE_KEY, true);
    }
    at += 2;
    text(name);
  }

  /** A value; members JSON.stringify leaves out of objects are null here (in lists). */
  function value(given, depth) {
    // The most any value writes before text() or nested() makes room of its own.
    if (at + 9 > bytes.length) room(9);
    switch (typeof given) {
      case "string":
        bytes[at++] = 5;
        text(given);
        return;
      case "number":
        if ((given | 0) === given) {
          bytes[at] = 3;
          view.setInt32(at + 1, given, true);
          at += 5;
        } else if (Number.isFinite(given)) {
          // As JSON.stringify writes it, so that it reads as the same number.
          bytes[at++] = 4;
          text(String(given));
        } else {
          bytes[at++] = 0;
        }
        return;
      case "boolean":
        bytes[at++] = given ? 2 : 1;
        return;
      case "object":
        if (given === null) break;
        if (depth >= MAX_PACKED_DEPTH || typeof given.toJSON === "function") throw GIVE_UP;
        // A plain object's constructor is Object; asking is cheaper than its prototype.
        if (given.constructor === Object || (!Array.isArray(given) && plain(given))) object(given, depth + 1);
        else if (Array.isArray(given)) list(given, depth + 1);
        else throw GIVE_UP;
        return;
      case "bigint":
        throw GIVE_UP;
    }
    bytes[at++] = 0;
  }

  function list(given, depth) {
    const count = given.length;
    // Not the list pack() wraps a body and its options in (depth 1): they are never one shape.
    if (count >= 2 && depth > 1 && depth < MAX_PACKED_DEPTH && table(given, count)) return;
    bytes[at] = 6;
    view.setUint32(at + 1, count, true);
    at += 5;
    for (let i = 0; i < count; i++) value(given[i], depth);
  }

  /** A table's keys and their kinds (STRING or WHOLE), from its first row. */
  const columnNames = [];
  const columnKinds = [];

  /** Whether `row` is an object packed as value() would pack it, and not as JSON text. */
  function plainRow(row) {
    return row !== null && typeof row === "object" && row.constructor === Object && typeof row.toJSON !== "function";
  }

  /**
   * A list of objects with the same keys in the same order, each key's values
   * all whole numbers (that fit an i32) or all strings, such as an order's
   * lines: packed as a table (src/input/packed.rs), its keys and their kinds
   * once, its values without tags. Answers false, having written nothing and
   * numbered no key, for any other list.
   */
  function table(given, count) {
    const first = given[0];
    if (!plainRow(first)) return false;
    columnNames.length = 0;
    columnKinds.length = 0;
    for (const name in first) {
      const member = first[name];
      if (typeof member === "string") columnKinds.push(STRING);
      else if (typeof member === "number" && (member | 0) === member) columnKinds.push(WHOLE);
      else return false;
      if (columnNames.push(name) > MAX_COLUMNS) return false;
    }
    const columns = columnNames.length;
    if (columns === 0) return false;
    const start = at;
    const numberedBefore = numberedNow.length;
    if (at + 6 > bytes.length) room(6);
    bytes[at] = 8;
    view.setUint32(at + 1, count, true);
    bytes[at + 5] = columns;
    at += 6;
    for (let c = 0; c < columns; c++) {
      if (at + 2 > bytes.length) room(2);
      // Past the places lastKeys remembers: a column's key is sent once.
      key(columnNames[c], lastKeys.length);
      if (at + 1 > bytes.length) room(1);
      bytes[at++] = columnKinds[c];
    }
    for (let i = 0; i < count; i++) {
      const row = given[i];
      if (!plainRow(row)) return unwrite(start, numberedBefore);
      let c = 0;
      for (const name in row) {
        if (name !== columnNames[c]) return unwrite(start, numberedBefore);
        const member = row[name];
        if (columnKinds[c] === WHOLE) {
          if (typeof member !== "number" || (member | 0) !== member) return unwrite(start, numberedBefore);
          if (at + 4 > bytes.length) room(4);
          view.setInt32(at, member, true);
          at += 4;
        } else {
          if (typeof member !== "string") return unwrite(start, numberedBefore);
          text(member);
        }
        c++;
      }
      if (c !== columns) return unwrite(start, numberedBefore);
    }
    return true;
  }

  /** Takes back a table begun at `start`: its bytes, and the keys it numbered. */
  function unwrite(start, numberedBefore) {
    at = start;
    for (let i = numberedBefore; i < numberedNow.length; i++) numbers.delete(numberedNow[i]);
    numberedNow.length = numberedBefore;
    return false;
  }

  function object(given, depth) {
    bytes[at] = 7;
    const countAt = at + 1;
    at += 5;
    let count = 0;
    for (const name in given) {
      const member = given[name];
      const type = typeof member;
      // JSON.stringify leaves these members out.
      if (type === "undefined" || type === "function" || type === "symbol") continue;
      if (at + 2 > bytes.length) room(2);
      // The lines of a list mostly have the keys of the line before, in the
      // same places: the same key is the same string, so `===` is a pointer
      // comparison, where numbers.get() hashes.
      if (lastKeys[count] === name) {
        view.setUint16(at, lastNumbers[count], true);
        at += 2;
      } else {
        key(name, count);
      }
      value(member, depth);
      count++;
    }
    view.setUint32(countAt, count, true);
  }

  return {
    /** Packs `body`; answers its length in bytes, or -1 to send it as JSON text. */
    pack(body) {
      numberedNow.length = 0;
      at = 0;
      if (prototypeListsKeys()) return -1;
      room(4);
      view.setUint32(0, numbers.size, true);
      at = 4;
      try {
        value(body, 0);
        return at;
      } catch {
        for (const name of numberedNow) numbers.delete(name);
        lastKeys.fill(null);
        return -1;
      }
    },
    /** The first `length` bytes packed. */
    written(length) {
      return bytes.subarray(0, length);
    },
    /** Forgets every key numbered. */
    forget() {
      numbers.clear();
      lastKeys.fill(null);
    },
  };
}
