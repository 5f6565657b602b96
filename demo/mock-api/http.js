// Request/response plumbing shared by the API and control routes: body parsing in the three
// encodings the vendor's samples use, and the two response shapes (`{data}` and flat errors).

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

/** Names that would reach an object's prototype if used as keys (`__proto__[x]=1`). */
const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Largest request body the mock reads: an upload's 10 MB file plus the form around it. */
export const MAX_UPLOAD_BODY = 10 * 1024 * 1024 + 64 * 1024;
/** Largest body of any other request: an intake with long answers fits many times over. */
export const MAX_BODY = 256 * 1024;

/** @param {string} key */
function refuseProtoKey(key) {
  if (PROTO_KEYS.has(key)) throw new ApiError(400, `Invalid field name: ${key}.`);
}

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
      refuseProtoKey(rawKey);
      out[rawKey] = value;
      continue;
    }
    const keys = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
    keys.forEach(refuseProtoKey);
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
 * The body's bytes, refused with a 400 (the vendor lists no 413) past `limit`: the declared
 * Content-Length is checked first, the bytes actually sent as they arrive.
 * @param {any} ctx @param {number} limit
 * @returns {Promise<Buffer>}
 */
async function readBytes(ctx, limit) {
  const tooLarge = () => new ApiError(400, `Request body too large (at most ${Math.floor(limit / 1024)} KB).`);
  if (Number(ctx.get('content-length') || 0) > limit) throw tooLarge();
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  await new Promise((resolve, reject) => {
    const req = ctx.req;
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Keep nothing more: the rest is read and dropped (so the answer can still be sent), and
      // the connection is not kept alive afterwards.
      req.off('data', onData);
      req.resume();
      ctx.set('Connection', 'close');
      chunks.length = 0;
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(undefined));
    req.once('error', reject);
  });
  return Buffer.concat(chunks);
}

/** How a body was sent, as the request log records it. @param {string} type */
export function encodingOf(type) {
  if (type.startsWith('multipart/form-data')) return 'multipart';
  if (type.startsWith('application/x-www-form-urlencoded')) return 'urlencoded';
  if (type.includes('json')) return 'json';
  return type ? 'other' : 'none';
}

/**
 * Parses the request body into a plain object (uploaded files stay `File` objects) and says how
 * it was encoded. Field names that reach a prototype are refused.
 * @param {any} ctx
 * @param {number} [limit]
 * @returns {Promise<{ body: Record<string, any>, encoding: string }>}
 */
export async function readBody(ctx, limit = MAX_BODY) {
  if (ctx.method === 'GET' || ctx.method === 'HEAD' || ctx.method === 'OPTIONS') return { body: {}, encoding: 'none' };
  const type = String(ctx.get('content-type') || '').toLowerCase();
  const bytes = await readBytes(ctx, limit);
  if (bytes.length === 0) return { body: {}, encoding: 'none' };
  const encoding = encodingOf(type);
  if (encoding === 'multipart' || encoding === 'urlencoded') {
    let form;
    try {
      form = await new Request('http://mock.local/', {
        method: 'POST',
        headers: { 'content-type': ctx.get('content-type') },
        body: bytes,
      }).formData();
    } catch {
      throw new ApiError(400, 'Malformed form body.');
    }
    return { body: nestEntries(form.entries()), encoding };
  }
  const text = bytes.toString('utf8');
  if (!text.trim()) return { body: {}, encoding: 'none' };
  // The vendor parses JSON whenever the body looks like JSON, whatever the header says.
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (encoding === 'json') throw new ApiError(400, 'Invalid JSON body.');
    return { body: nestEntries(new URLSearchParams(text).entries()), encoding: 'urlencoded' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError(400, 'Invalid JSON body: expected an object.');
  refuseProtoKeysDeep(parsed);
  return { body: parsed, encoding: 'json' };
}

/** JSON.parse makes `__proto__` an own key, harmless until a handler copies it onto an object. */
function refuseProtoKeysDeep(value, depth = 0) {
  if (depth > 32) throw new ApiError(400, 'Invalid JSON body: nested too deeply.');
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    refuseProtoKey(key);
    refuseProtoKeysDeep(value[key], depth + 1);
  }
}

/** A copy of a parsed body that is safe to JSON-encode in the request log. */
export function loggableBody(body) {
  return JSON.parse(
    JSON.stringify(body, (_k, v) => (typeof File !== 'undefined' && v instanceof File ? { file: v.name, size: v.size, type: v.type } : v)),
  );
}
