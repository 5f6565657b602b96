// The clinic's server side of the patient token: a standard `(Request) => Promise<Response>`
// handler that trades the clinic's API key and secret for the signed-in patient's VSee token
// (`POST /users/sso`) and answers the page only `{ token, expiry }`. No DOM, no dependency: it
// runs wherever `fetch`, `Request` and `Response` exist (Node 18+, Deno, Bun, edge workers).

/** The signed-in person, as your own user system knows them. */
export interface TokenPatient {
  /** Your own stable, unique id for this person (sent to VSee as `code`; at most 128 characters). */
  id: string | number;
  firstName: string;
  lastName: string;
  email?: string;
  /** `YYYY-MM-DD` */
  dob?: string;
}

/** Where tokens are kept between requests; the default is an in-memory map per process. */
export interface TokenCache {
  get(key: string): CachedToken | undefined | Promise<CachedToken | undefined>;
  set(key: string, value: CachedToken): void | Promise<void>;
}

export interface CachedToken {
  token: string;
  /** Unix seconds */
  expiry: number;
}

export interface TokenHandlerOptions<C = unknown> {
  /** The API base, e.g. `https://api.vsee.me/api_v3` (production) or the staging base. */
  apiBase: string;
  accountCode: string;
  apiKey: string;
  apiSecret: string;
  /**
   * Who is signed in, from your session (cookie, header, framework auth). Return `null` or
   * `undefined` for nobody: the handler answers 401. `context` is whatever your adapter passes as
   * the handler's second argument (e.g. Express's `req`).
   */
  patient: (request: Request, context: C) => TokenPatient | null | undefined | Promise<TokenPatient | null | undefined>;
  /**
   * Origins besides the request's own that may ask (e.g. `https://www.clinic.example` when the
   * handler runs on `https://api.clinic.example`). Anything else cross-site is refused (403).
   */
  allowedOrigins?: string[];
  /** A token is fetched again when it has less than this many seconds left (default 300). */
  renewBeforeSeconds?: number;
  /** How long to wait for VSee, in ms (default 10000). */
  timeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Defaults to an in-memory cache of up to 10,000 patients. */
  cache?: TokenCache;
}

export type TokenHandler<C = unknown> = (request: Request, context?: C) => Promise<Response>;

/** A refusal or failure, answered as `{ error: { code, message } }`. */
class HandlerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  // A token must never be stored by a browser or a shared cache.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });

/** How many patients the in-memory cache and the join counts remember, the oldest forgotten first. */
const MAX_PATIENTS = 10_000;

/** A map that forgets its least recently set entry past `max` entries. */
function boundedMap<V>(max: number) {
  const map = new Map<string, V>();
  return {
    get: (key: string): V | undefined => map.get(key),
    set: (key: string, value: V): void => {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
  };
}

/** A small in-memory cache that forgets the oldest patient past `max` entries. */
export function memoryTokenCache(max = MAX_PATIENTS): TokenCache {
  return boundedMap<CachedToken>(max);
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`createTokenHandler: \`${name}\` is required (a non-empty string).`);
  }
  return value.trim();
}

/** Checks the options once, at start-up, so a misconfigured server fails loudly and early. */
function checkOptions(options: TokenHandlerOptions<never>): URL {
  if (!options || typeof options !== 'object') throw new TypeError('createTokenHandler: options are required.');
  const base = requireText(options.apiBase, 'apiBase');
  let url: URL;
  try {
    url = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new TypeError(`createTokenHandler: \`apiBase\` is not a URL: ${base}`);
  }
  // The API secret goes there: https only, http only to this machine (a local mock).
  const h = url.hostname;
  // 127.x, ::1, and IPv4-mapped 127.x (::ffff:7f00:1): the address a local server is reached on.
  const loopback = h === 'localhost' || /^127\./.test(h) || h === '[::1]' || /^\[::ffff:7f/i.test(h);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError('createTokenHandler: `apiBase` must be an https URL (http only for localhost).');
  }
  for (const name of ['accountCode', 'apiKey', 'apiSecret'] as const) requireText(options[name], name);
  if (typeof options.patient !== 'function') throw new TypeError('createTokenHandler: `patient` must be a function.');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw new TypeError('createTokenHandler: no `fetch` in this runtime; pass `fetch`.');
  return url;
}

/** Is this a browser request from another site? Non-browser callers send neither header. */
function isCrossSite(request: Request, allowed: Set<string>): boolean {
  const origin = request.headers.get('origin');
  const own = new URL(request.url).origin;
  if (origin && origin !== 'null') return origin !== own && !allowed.has(origin);
  if (origin === 'null') return true;
  // No Origin: browsers send Sec-Fetch-Site on every fetch; a same-origin one is fine.
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/** The patient's fields as VSee's `/users/sso` wants them, or a 500 that names the bad field. */
function ssoForm(patient: TokenPatient): FormData {
  const bad = (what: string) =>
    new HandlerError(500, 'bad_patient', `The server's patient() answered ${what}; the token cannot be requested.`);
  const id = typeof patient.id === 'number' && Number.isFinite(patient.id) ? String(patient.id) : patient.id;
  if (typeof id !== 'string' || id.trim() === '') throw bad('no id');
  if (id.trim().length > 128) throw bad('an id longer than 128 characters');
  if (typeof patient.firstName !== 'string' || !patient.firstName.trim()) throw bad('no firstName');
  if (typeof patient.lastName !== 'string' || !patient.lastName.trim()) throw bad('no lastName');
  if (patient.dob !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(patient.dob)) throw bad('a dob that is not YYYY-MM-DD');
  const form = new FormData();
  form.set('type', '200');
  form.set('code', id.trim());
  form.set('first_name', patient.firstName.trim());
  form.set('last_name', patient.lastName.trim());
  if (patient.email) form.set('email', String(patient.email).trim());
  if (patient.dob) form.set('dob', patient.dob);
  return form;
}

/** The largest body read: `{"purpose":"join"}` is 18 bytes. */
const MAX_BODY = 1000;

/** The optional `purpose` of a JSON body; anything unreadable (or larger than MAX_BODY) counts as the default. */
async function readPurpose(request: Request): Promise<string | undefined> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return undefined;
  try {
    const text = await readAtMost(request, MAX_BODY);
    if (text === undefined) return undefined;
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' && typeof (body as { purpose?: unknown }).purpose === 'string'
      ? (body as { purpose: string }).purpose
      : undefined;
  } catch {
    return undefined;
  }
}

/** The body as text, or undefined once it passes `max` bytes: what is larger is never read to its end. */
async function readAtMost(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max || !request.body) return undefined;
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** `expiry` arrives as a number or a numeric string (the API mixes both). */
function readExpiry(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** VSee's flat error message, trimmed, with the secret and key removed should it ever echo them. */
function vseeMessage(body: unknown, secrets: string[]): string {
  const raw =
    body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : '';
  let text = raw.replace(/\s+/g, ' ').trim().slice(0, 200);
  for (const s of secrets) text = text.split(s).join('[redacted]');
  return text;
}

/**
 * Join and refresh tokens pass the cache, so each costs a call to VSee: a patient gets this many
 * of each a minute.
 */
const FRESH_PER_MINUTE = 5;

/**
 * Counts each patient's fresh tokens of one purpose over the last minute (in this process), so
 * that a signed-in caller looping `{ "purpose": "join" }` (or "refresh") cannot spend the
 * clinic's VSee rate limit.
 */
function freshTokenLimiter(code: string, message: string) {
  const recent = boundedMap<number[]>(MAX_PATIENTS);
  return {
    admit(key: string): void {
      const now = Date.now();
      const times = (recent.get(key) ?? []).filter((t) => now - t < 60_000);
      if (times.length >= FRESH_PER_MINUTE) {
        const wait = Math.ceil((times[0]! + 60_000 - now) / 1000);
        throw new HandlerError(429, code, message, { 'Retry-After': String(wait) });
      }
      times.push(now);
      recent.set(key, times);
    },
  };
}

/**
 * Creates the token endpoint. Mount it on a POST route your pages call with their session
 * cookie; it answers `{ token, expiry }` (expiry in Unix seconds) and nothing else.
 */
export function createTokenHandler<C = unknown>(options: TokenHandlerOptions<C>): TokenHandler<C> {
  const base = checkOptions(options as TokenHandlerOptions<never>);
  const ssoUrl = new URL('users/sso.json', base).href;
  const accountCode = options.accountCode.trim();
  const apiKey = options.apiKey.trim();
  const apiSecret = options.apiSecret.trim();
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const renewBefore = Math.max(0, options.renewBeforeSeconds ?? 300);
  const timeoutMs = Math.max(1, options.timeoutMs ?? 10_000);
  const cache = options.cache ?? memoryTokenCache();
  const allowed = new Set(
    (options.allowedOrigins ?? []).map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new TypeError(`createTokenHandler: \`allowedOrigins\` has an entry that is not a URL: ${o}`);
      }
    }),
  );
  // Concurrent requests for one patient (three elements on a page) share one call to VSee.
  const inFlight = new Map<string, Promise<CachedToken>>();
  // A cache shared with another handler (staging and production, two clinics on one Redis) must
  // not hand one account's token to the same patient id of another.
  const cacheKey = (patient: TokenPatient) => `${accountCode}@${base.href}#${String(patient.id).trim()}`;
  const joins = freshTokenLimiter('too_many_joins', 'Too many sign-in links in a minute. Please wait a moment.');
  const refreshes = freshTokenLimiter('too_many_refreshes', 'Too many new sign-ins in a minute. Please wait a moment.');

  async function requestToken(patient: TokenPatient): Promise<CachedToken> {
    const form = ssoForm(patient);
    let res: Response;
    try {
      res = await fetchFn(ssoUrl, {
        method: 'POST',
        headers: { 'X-AccountCode': accountCode, 'X-ApiKey': apiKey, 'X-ApiSecret': apiSecret, Accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect would carry X-ApiSecret to wherever it points (fetch keeps custom headers).
        redirect: 'manual',
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw timedOut
        ? new HandlerError(504, 'vsee_timeout', `VSee did not answer within ${timeoutMs / 1000} s. Please try again.`)
        : new HandlerError(502, 'vsee_unreachable', 'Could not reach VSee. Please try again.');
    }
    if (res.status >= 300 && res.status < 400) {
      throw new HandlerError(502, 'vsee_redirect', 'VSee answered with a redirect, which is not followed. Check the API base.');
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const detail = vseeMessage(body, [apiSecret, apiKey]);
      const said = detail ? ` VSee said: "${detail}"` : '';
      if (res.status === 401 || res.status === 403) {
        throw new HandlerError(
          502,
          'vsee_credentials',
          `VSee refused the clinic's API key, secret or account code, or single sign-on is not enabled for this account.${said}`,
        );
      }
      if (res.status === 400 || res.status === 422) {
        throw new HandlerError(502, 'vsee_rejected_patient', `VSee refused this patient's details.${said}`);
      }
      if (res.status === 429) {
        const retry = res.headers.get('retry-after');
        throw new HandlerError(
          503,
          'vsee_rate_limited',
          'VSee is receiving too many requests. Please try again shortly.',
          retry && /^\d+$/.test(retry) ? { 'Retry-After': retry } : {},
        );
      }
      throw new HandlerError(502, 'vsee_unavailable', `VSee answered with an error (HTTP ${res.status}). Please try again.`);
    }
    const tok = (body as { data?: { token?: { token?: unknown; expiry?: unknown } } } | undefined)?.data?.token;
    const token = typeof tok?.token === 'string' && tok.token.trim() ? tok.token.trim() : undefined;
    const expiry = readExpiry(tok?.expiry);
    if (!token || expiry === undefined) {
      throw new HandlerError(502, 'vsee_bad_response', 'VSee answered without a usable token. Please try again.');
    }
    return { token, expiry };
  }

  /** The cached token while it has time left, else a new one, cached; `renew`: a new one anyway. */
  async function tokenFor(patient: TokenPatient, renew: boolean): Promise<CachedToken> {
    const key = cacheKey(patient);
    const now = Math.floor(Date.now() / 1000);
    const cached = renew ? undefined : await cache.get(key);
    if (cached && cached.expiry - renewBefore > now) return cached;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = requestToken(patient).then(async (fresh) => {
        // A token that would need renewing at once is answered but not kept.
        if (fresh.expiry - renewBefore > now) await cache.set(key, fresh);
        return fresh;
      });
      inFlight.set(key, pending);
      pending.finally(() => inFlight.delete(key)).catch(() => {});
    }
    return pending;
  }

  return async function vseeTokenHandler(request: Request, context?: C): Promise<Response> {
    try {
      if (request.method !== 'POST') {
        throw new HandlerError(405, 'method_not_allowed', 'Ask for a token with POST.', { Allow: 'POST' });
      }
      if (isCrossSite(request, allowed)) {
        throw new HandlerError(403, 'cross_site', 'This token is only given to pages of this site.');
      }
      let patient: TokenPatient | null | undefined;
      try {
        patient = await options.patient(request, context as C);
      } catch {
        throw new HandlerError(500, 'patient_failed', 'The server could not tell who is signed in (patient() threw).');
      }
      if (patient === null || patient === undefined) {
        throw new HandlerError(401, 'not_signed_in', 'Please sign in to see your visits.');
      }
      if (typeof patient !== 'object') {
        throw new HandlerError(500, 'bad_patient', "The server's patient() answered something that is not a patient.");
      }
      // `{ "purpose": "join" }`: the *Join your visit* hand-off, which VSee makes single-use
      // (invalidate=1). It gets a fresh token of its own, never cached, so the page's stays valid.
      // `{ "purpose": "refresh" }`: VSee refused the token the page had (a 401). A new one replaces
      // it in the cache, which would otherwise hand the refused token out until its expiry.
      const purpose = await readPurpose(request);
      if (purpose === 'join') joins.admit(cacheKey(patient));
      if (purpose === 'refresh') refreshes.admit(cacheKey(patient));
      const { token, expiry } = purpose === 'join' ? await requestToken(patient) : await tokenFor(patient, purpose === 'refresh');
      return respond(200, { token, expiry });
    } catch (e) {
      if (e instanceof HandlerError) return respond(e.status, { error: { code: e.code, message: e.message } }, e.headers);
      return respond(500, { error: { code: 'internal', message: 'The token could not be issued.' } });
    }
  };
}
