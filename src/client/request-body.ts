/**
 * Request bodies in the encoding the vendor's own samples use. The API is PHP: its samples post
 * form data (`curl -d` urlencoded, `curl -F` multipart) everywhere but the e-consult (JSON), and a
 * PHP backend may read only `$_POST`, which JSON never fills. Nested values are flattened the way
 * PHP parses them back: `consultation[id]=…`, `attachments[0]=…`.
 */

import type { IntakeFields } from './types.js';

/** How a POST's fields travel: as each endpoint's documented sample sends them. */
export type BodyEncoding = 'urlencoded' | 'multipart' | 'json';

/** One scalar as PHP would read it from a form (there are no types in a form field). */
function formValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return '';
  return String(v);
}

/**
 * The PHP-style `[name, value]` pairs of a body. Arrays are indexed (`a[0]`, `a[1]`) so that a list
 * of objects (`a[0][id]`) stays a list; an empty array is sent as an empty value, which the API
 * reads as "none" (attachments accept a comma-separated string). `undefined` is not sent.
 */
export function formEntries(body: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (name: string, v: unknown) => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push([name, '']);
      v.forEach((item, i) => walk(`${name}[${i}]`, item));
      return;
    }
    if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      if (keys.length === 0) out.push([name, '']);
      for (const k of keys) walk(`${name}[${k}]`, (v as Record<string, unknown>)[k]);
      return;
    }
    out.push([name, formValue(v)]);
  };
  for (const [k, v] of Object.entries(body)) walk(k, v);
  return out;
}

/** The body and its Content-Type (none for multipart: the browser adds the boundary). */
export function encodeBody(
  encoding: BodyEncoding,
  body: Record<string, unknown>,
): { body: string | URLSearchParams | FormData; contentType?: string } {
  if (encoding === 'json') return { body: JSON.stringify(body), contentType: 'application/json' };
  const entries = formEntries(body);
  if (encoding === 'urlencoded') {
    return { body: new URLSearchParams(entries), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return { body: form };
}

/** An intake body: `attachments` in the documented array-of-ids form, the rest as given. */
export function intakeBody(fields: IntakeFields): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (v !== undefined) body[k] = v;
  const a = fields?.attachments;
  if (a !== undefined) {
    const list = typeof a === 'string' ? a.split(',') : Array.isArray(a) ? a : [];
    body.attachments = list
      .map((x) => (typeof x === 'string' ? x.trim() : x && typeof x === 'object' ? String(x.id ?? '') : ''))
      .filter(Boolean);
  }
  return body;
}
