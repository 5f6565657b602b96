// Request/response plumbing shared by the API and control routes: body parsing in the three
// encodings the vendor's samples use, and the two response shapes (`{data}` and flat errors).
import { Readable } from 'node:stream';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'X-ApiToken, X-AccountCode, X-ApiKey, X-ApiSecret, Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

/** An error a handler throws to answer with the vendor's flat error body. */
export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {any} ctx */
export function setCommonHeaders(ctx) {
  for (const [k, v] of Object.entries(CORS_HEADERS)) ctx.set(k, v);
  // The browser must never answer a mock GET from its cache: state changes between calls.
  ctx.set('Cache-Control', 'no-store');
  // @web/test-runner's own middleware, which wraps ours, marks every path with an extension
  // (`/visits.json`, a PDF) as cacheable for a year once we have answered. Keep no-store.
  const set = ctx.response.set.bind(ctx.response);
  ctx.response.set = (/** @type {any} */ field, /** @type {any} */ val) => {
    if (typeof field === 'string' && field.toLowerCase() === 'cache-control') return;
    set(field, val);
  };
}

/** @param {any} ctx @param {number} status @param {unknown} payload */
export function sendJson(ctx, status, payload) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(payload);
}

/** @param {any} ctx @param {unknown} data */
export const sendData = (ctx, data) => sendJson(ctx, 200, { data: data === undefined ? null : data });

/** @param {any} ctx @param {number} status @param {string} message */
export const sendError = (ctx, status, message) => sendJson(ctx, status, { code: status, message });

/**
 * Turns PHP-style bracket keys into nested values, as the vendor's PHP backend does for form
 * bodies: `attachments[]=a&attachments[]=b`, `attachments[0][id]=a`, `consultation[id]=x`.
 * @param {Iterable<[string, any]>} entries
 */
export function nestEntries(entries) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [rawKey, value] of entries) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(rawKey);
    if (!m) {
      out[rawKey] = value;
      continue;
    }
    const keys = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
    /** @type {any} */
    let node = out;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const last = i === keys.length - 1;
      const slot = key === '' && Array.isArray(node) ? node.length : key;
      if (last) {
        node[slot] = value;
      } else {
        if (node[slot] === undefined || typeof node[slot] !== 'object') {
          const next = keys[i + 1];
          node[slot] = next === '' || /^\d+$/.test(next) ? [] : {};
        }
        node = node[slot];
      }
    }
  }
  return out;
}

/**
 * Parses the request body into a plain object. Uploaded files stay `File` objects.
 * @param {any} ctx
 * @returns {Promise<Record<string, any>>}
 */
export async function readBody(ctx) {
  if (ctx.method === 'GET' || ctx.method === 'HEAD' || ctx.method === 'OPTIONS') return {};
  const type = String(ctx.get('content-type') || '').toLowerCase();
  const request = new Request('http://mock.local/', {
    method: 'POST',
    headers: type ? { 'content-type': ctx.get('content-type') } : {},
    body: /** @type {any} */ (Readable.toWeb(ctx.req)),
    duplex: 'half',
  });
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    try {
      const form = await request.formData();
      return nestEntries(form.entries());
    } catch {
      throw new ApiError(400, 'Malformed form body.');
    }
  }
  const text = await request.text();
  if (!text.trim()) return {};
  // The vendor parses JSON whenever the body looks like JSON, whatever the header says.
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    throw new Error('not an object');
  } catch {
    if (type.includes('json')) throw new ApiError(400, 'Invalid JSON body.');
    return nestEntries(new URLSearchParams(text).entries());
  }
}

/** A copy of a parsed body that is safe to JSON-encode in the request log. */
export function loggableBody(body) {
  return JSON.parse(
    JSON.stringify(body, (_k, v) =>
      typeof File !== 'undefined' && v instanceof File ? { file: v.name, size: v.size, type: v.type } : v,
    ),
  );
}
