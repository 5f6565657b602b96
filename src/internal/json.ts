/**
 * `JSON.stringify` for plain data that a page's own `toJSON` on `Array.prototype` or
 * `Object.prototype` cannot change. Prototype.js 1.6 (still on older CMS sites) defines
 * `Array.prototype.toJSON`, which turns every array into one string: a saved draft's attachments
 * came back as "[…]" and were dropped without a word. Arrays and plain objects are walked here;
 * everything else (strings, numbers, dates) is JSON.stringify's, which asks a primitive for no
 * `toJSON`. The draft is the one JSON we write with arrays in it: the client's one JSON body (the
 * e-consult) holds scalars only, so every page does not pay for this.
 */
export function toJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => toJson(skipped(item) ? null : item)).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .filter((key) => !skipped(value[key]))
      .map((key) => `${JSON.stringify(key)}:${toJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  // `undefined` alone, as JSON.stringify's `undefined` would make `JSON.parse` throw later.
  return JSON.stringify(value) ?? 'null';
}

/** What JSON leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
