/**
 * A small typed client for the VSee Clinic REST API v3. No DOM beyond fetch/XMLHttpRequest,
 * no lit: it can run in any page, worker or test.
 */
import { VseeApiError, codeForStatus, defaultMessage, isAbortError, type VseeErrorCode } from './errors.js';
import { isEmptyPayload, normalizeList, normalizeRecord, normalizeSlots } from './normalize.js';
import type {
  AppointmentParams,
  AvailabilityQuery,
  CloseReason,
  Intake,
  IntakeFields,
  RequestOptions,
  Room,
  Slot,
  UploadOptions,
  UploadedFile,
  Visit,
  VisitFromIntakeParams,
} from './types.js';

export interface RetryOptions {
  /** Extra attempts for an idempotent GET (default 2). */
  retries?: number;
  /** First backoff delay in ms (default 300), doubled each attempt, with jitter. */
  baseDelayMs?: number;
  /** Cap of one backoff delay in ms (default 4000). */
  maxDelayMs?: number;
  /** Longest `Retry-After` we wait for, in ms (default 10000); longer fails at once. */
  maxRetryAfterMs?: number;
}

export interface VseeClientOptions {
  /** Base URL of the API, e.g. `https://api.vseepreview.com/vc/next/api_v3`. */
  baseUrl: string;
  /** Sent as `X-AccountCode`. */
  accountCode?: string;
  /** The signed-in user's token, sent as `X-ApiToken`. */
  token?: string;
  /** Sent as `X-ApiKey`. */
  apiKey?: string;
  /** Sent as `X-ApiSecret` (beta; only for availability without a user token). */
  apiSecret?: string;
  /** Asked for a token before the first request and once after a 401. */
  tokenProvider?: () => Promise<string>;
  /** The `fetch` to use (default the global one). */
  fetch?: typeof fetch;
  /** Time-out of one attempt in ms (default 15000). */
  timeoutMs?: number;
  retry?: RetryOptions;
}

type Method = 'GET' | 'POST';
type Query = Record<string, string | number | undefined | null>;

interface RequestSpec {
  method: Method;
  path: string;
  query?: Query;
  body?: Record<string, unknown>;
  signal?: AbortSignal | undefined;
}

/** Fired on the client (an EventTarget) after a call that changed data on the server. */
export interface VseeClientChangeDetail {
  operation: string;
  id?: string;
}

const DEFAULT_TIMEOUT = 15_000;

export class VseeClient extends EventTarget {
  readonly baseUrl: string;
  readonly accountCode?: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  #token?: string;
  #apiSecret?: string;
  #tokenProvider?: () => Promise<string>;
  #tokenPromise?: Promise<string | undefined>;
  /** Every token this client has held: a server may echo an old one after a refresh. */
  #secrets = new Set<string>();
  #fetch: typeof fetch;
  #retry: Required<RetryOptions>;
  #inflight = new Map<string, { promise: Promise<unknown>; controller: AbortController; users: number; handedOut?: boolean }>();

  constructor(options: VseeClientOptions) {
    super();
    const base = typeof options?.baseUrl === 'string' ? options.baseUrl.trim() : '';
    if (!base) throw new TypeError('VseeClient needs a baseUrl.');
    // Validate without resolving: a relative base ("/mock/demo/api_v3") is fine in a page.
    try {
      new URL(base, 'http://localhost/');
    } catch {
      throw new TypeError('VseeClient: baseUrl is not a URL.');
    }
    this.baseUrl = base.replace(/\/+$/, '');
    if (options.accountCode) this.accountCode = options.accountCode;
    if (options.apiKey) this.apiKey = options.apiKey;
    if (options.token) this.#secrets.add((this.#token = options.token));
    if (options.apiSecret) this.#secrets.add((this.#apiSecret = options.apiSecret));
    if (options.tokenProvider) this.#tokenProvider = options.tokenProvider;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT;
    this.#retry = {
      retries: options.retry?.retries ?? 2,
      baseDelayMs: options.retry?.baseDelayMs ?? 300,
      maxDelayMs: options.retry?.maxDelayMs ?? 4000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 10_000,
    };
  }

  /** Replace the token (e.g. after the page refreshed it). */
  setToken(token: string | undefined): void {
    this.#token = token || undefined;
    if (this.#token) this.#secrets.add(this.#token);
    this.#tokenPromise = undefined;
  }

  // ---- Intakes -------------------------------------------------------------------------------

  createIntake(fields: IntakeFields, opts?: RequestOptions): Promise<Intake> {
    return this.#record<Intake>('createIntake', { method: 'POST', path: '/intakes', body: intakeBody(fields), signal: opts?.signal });
  }

  updateIntake(id: string, fields: IntakeFields, opts?: RequestOptions): Promise<Intake> {
    return this.#record<Intake>('updateIntake', {
      method: 'POST', path: `/intakes/${seg(id)}`, body: intakeBody(fields), signal: opts?.signal,
    }, id);
  }

  getIntake(id: string, opts?: RequestOptions): Promise<Intake> {
    return this.#record<Intake>('getIntake', { method: 'GET', path: `/intakes/${seg(id)}`, signal: opts?.signal }, id);
  }

  // ---- Visits --------------------------------------------------------------------------------

  addWalkin(params: VisitFromIntakeParams, opts?: RequestOptions): Promise<Visit> {
    return this.#record<Visit>('addWalkin', { method: 'POST', path: '/visits/add_walkin', body: params, signal: opts?.signal });
  }

  addEconsult(params: VisitFromIntakeParams, opts?: RequestOptions): Promise<Visit> {
    return this.#record<Visit>('addEconsult', { method: 'POST', path: '/visits/add_econsult', body: params, signal: opts?.signal });
  }

  async getAvailability(query: AvailabilityQuery, opts?: RequestOptions): Promise<Slot[]> {
    const data = await this.#request({
      method: 'GET', path: '/availability', signal: opts?.signal,
      query: {
        room_code: query.room_code, start: query.start, end: query.end, duration: query.duration,
        provider_id: query.provider_id, intake_id: query.intake_id, consultation_id: query.consultation_id,
      },
    });
    const slots = isEmptyPayload(data) ? [] : normalizeSlots(data);
    if (!slots) throw badResponse('a list of slots');
    return slots;
  }

  createAppointment(params: AppointmentParams, opts?: RequestOptions): Promise<Visit> {
    // The docs name the intake `intakeId` in the sample and `intake_id` in the text: send both.
    const body = { type: 2, ...params, ...(params.intake_id ? { intakeId: params.intake_id } : {}) };
    return this.#record<Visit>('createAppointment', { method: 'POST', path: '/visits', body, signal: opts?.signal });
  }

  updateAppointment(id: string, params: Partial<AppointmentParams>, opts?: RequestOptions): Promise<Visit> {
    const body = { ...params, ...(params.intake_id ? { intakeId: params.intake_id } : {}) };
    return this.#record<Visit>('updateAppointment', {
      method: 'POST', path: `/visits/${seg(id)}`, query: { version: 2 }, body, signal: opts?.signal,
    }, id);
  }

  async listVisits(opts?: RequestOptions): Promise<Visit[]> {
    const data = await this.#request({ method: 'GET', path: '/visits', signal: opts?.signal });
    const empty = isEmptyPayload(data);
    const list = empty ? [] : normalizeList<Visit>(data);
    // Something that is not empty yet holds no visit record ({"data":{"ok":1}}) is not "no visits".
    if (!list || (!empty && list.length === 0)) throw badResponse('a list of visits');
    // A visit without an id cannot be opened or cancelled; keep it visible under a stand-in id.
    return list.map((v, i) => (typeof v.id === 'string' && v.id ? v : { ...v, id: `unknown-${i}` }));
  }

  getVisit(id: string, opts?: RequestOptions): Promise<Visit> {
    return this.#record<Visit>('getVisit', { method: 'GET', path: `/visits/${seg(id)}`, signal: opts?.signal }, id);
  }

  async getCurrentVisit(opts?: RequestOptions): Promise<Visit | null> {
    const data = await this.#request({ method: 'GET', path: '/visits/current', signal: opts?.signal });
    if (isEmptyPayload(data)) return null;
    // Some deployments answer with a one-item list.
    const item = Array.isArray(data) ? data[0] : data;
    if (typeof item !== 'object' || item === null) throw badResponse('a visit');
    return normalizeRecord<Visit>(item);
  }

  async closeVisit(id: string, reason: CloseReason, opts?: RequestOptions): Promise<{ id: string }> {
    const data = await this.#request({ method: 'POST', path: '/visits/close', body: { id, reason }, signal: opts?.signal });
    this.#changed('closeVisit', id);
    return { id, ...(normalizeRecord<Record<string, unknown>>(data) ?? {}) } as { id: string };
  }

  async deleteVisit(id: string, opts?: RequestOptions): Promise<{ id: string }> {
    const data = await this.#request({ method: 'POST', path: '/visits/delete', body: { id }, signal: opts?.signal });
    this.#changed('deleteVisit', id);
    return { id, ...(normalizeRecord<Record<string, unknown>>(data) ?? {}) } as { id: string };
  }

  /** The visit summary PDF's URL (only http/https URLs are accepted). */
  async getVisitSummaryUrl(id: string, opts?: RequestOptions): Promise<string> {
    const data = await this.#request({ method: 'GET', path: `/visits/${seg(id)}/exports/visit_summary`, signal: opts?.signal });
    const url = typeof data === 'string' ? data : (data as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') throw badResponse('a summary URL');
    let parsed: URL;
    try {
      parsed = new URL(url, globalThis.location?.href ?? 'http://localhost/');
    } catch {
      throw badResponse('a summary URL');
    }
    // The URL is opened in the patient's browser: never a javascript: or data: URL.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badResponse('a summary URL');
    return parsed.href;
  }

  getRoom(code: string, opts?: RequestOptions): Promise<Room> {
    return this.#record<Room>('getRoom', { method: 'GET', path: `/rooms/${seg(code)}`, signal: opts?.signal }, undefined, false);
  }

  /** `POST /files` with upload progress (XMLHttpRequest: fetch cannot report upload progress). */
  async uploadFile(file: Blob & { name?: string }, opts: UploadOptions = {}): Promise<UploadedFile> {
    const send = async (token: string | undefined) => {
      const form = new FormData();
      form.append('file', file, file.name ?? 'file');
      form.append('meta[category]', opts.category ?? 'intake_attachment');
      return this.#xhr(`${this.baseUrl}/files`, form, token, opts);
    };
    let token = await this.#currentToken();
    let result = await send(token);
    if (result.status === 401 && this.#tokenProvider) {
      token = await this.#refreshToken();
      result = await send(token);
    }
    const data = this.#unwrap(result.status, result.text, result.retryAfter);
    const rec = normalizeRecord<UploadedFile>(data);
    if (typeof rec !== 'object' || rec === null || typeof rec.id !== 'string') throw badResponse('an uploaded file');
    return rec;
  }

  // ---- Plumbing ------------------------------------------------------------------------------

  async #record<T>(operation: string, spec: RequestSpec, id?: string, notify = spec.method === 'POST'): Promise<T> {
    const data = await this.#request(spec);
    const rec = normalizeRecord<T & { id?: unknown }>(data);
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw badResponse('an object');
    if (id !== undefined && rec.id === undefined) (rec as { id?: string }).id = id;
    if (notify) this.#changed(operation, typeof rec.id === 'string' ? rec.id : id);
    return rec as T;
  }

  #changed(operation: string, id?: string) {
    this.dispatchEvent(new CustomEvent<VseeClientChangeDetail>('change', { detail: { operation, ...(id ? { id } : {}) } }));
  }

  #url(path: string, query?: Query): string {
    let url = this.baseUrl + path;
    if (query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
      }
      const qs = params.toString();
      if (qs) url += `?${qs}`;
    }
    return url;
  }

  /**
   * Identical concurrent GETs share one request; each caller may still abort its own wait. The first caller gets the
   * parsed body, any other a copy: normalizing works in place, and no caller sees another's objects.
   */
  #request(spec: RequestSpec): Promise<unknown> {
    if (spec.signal?.aborted) return Promise.reject(abortReason(spec.signal));
    if (spec.method !== 'GET') return this.#withAuth(spec, spec.signal);
    const key = this.#url(spec.path, spec.query);
    let entry = this.#inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = this.#withAuth(spec, controller.signal).finally(() => {
        if (this.#inflight.get(key)?.promise === promise) this.#inflight.delete(key);
      });
      entry = { promise, controller, users: 0 };
      this.#inflight.set(key, entry);
    }
    const shared = entry;
    shared.users++;
    const take = (data: unknown) => {
      if (!shared.handedOut) {
        shared.handedOut = true;
        return data;
      }
      return structuredClone(data);
    };
    const signal = spec.signal;
    if (!signal) return shared.promise.then(take);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(abortReason(signal));
        // The last caller to give up cancels the request itself.
        if (--shared.users === 0) {
          shared.controller.abort(abortReason(signal));
          if (this.#inflight.get(key) === shared) this.#inflight.delete(key);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then((data) => resolve(take(data)), reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #withAuth(spec: RequestSpec, signal: AbortSignal | undefined): Promise<unknown> {
    // With a token at hand the request goes out in this same turn: an element's first render (and a
    // cold page's Intl start-up) then overlaps the network instead of coming before it.
    const current = this.#currentToken();
    const token = typeof current === 'object' ? await current : current;
    try {
      return await this.#attempts(spec, signal, token);
    } catch (e) {
      if (e instanceof VseeApiError && e.code === 'unauthorized' && this.#tokenProvider) {
        const fresh = await this.#refreshToken();
        if (fresh && fresh !== token) return this.#attempts(spec, signal, fresh);
      }
      throw e;
    }
  }

  /** The token to send: the one at hand (no wait), else the tokenProvider's answer. */
  #currentToken(): string | undefined | Promise<string | undefined> {
    return this.#token || !this.#tokenProvider ? this.#token : this.#refreshToken();
  }

  /** One token request at a time, however many calls are waiting for it. */
  #refreshToken(): Promise<string | undefined> {
    const provider = this.#tokenProvider;
    if (!provider) return Promise.resolve(this.#token);
    if (!this.#tokenPromise) {
      this.#tokenPromise = (async () => {
        try {
          const t = await provider();
          this.#token = typeof t === 'string' && t ? t : undefined;
          if (this.#token) this.#secrets.add(this.#token);
          return this.#token;
        } catch {
          throw new VseeApiError('unauthorized', 401, 'A sign-in token could not be obtained.');
        } finally {
          // Let the next 401 ask again, but share this answer with everyone already waiting.
          queueMicrotask(() => (this.#tokenPromise = undefined));
        }
      })();
    }
    return this.#tokenPromise;
  }

  /** Retries only idempotent GETs, on network errors, 429 and 5xx, with capped backoff. */
  async #attempts(spec: RequestSpec, signal: AbortSignal | undefined, token: string | undefined): Promise<unknown> {
    const retries = spec.method === 'GET' ? this.#retry.retries : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#once(spec, signal, token);
      } catch (e) {
        if (!(e instanceof VseeApiError) || attempt >= retries) throw e;
        if (!(e.code === 'network' || e.code === 'rate_limited' || e.code === 'server')) throw e;
        let delay = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** attempt);
        delay = delay / 2 + Math.random() * (delay / 2);
        if (e.retryAfter !== undefined) {
          const asked = e.retryAfter * 1000;
          if (asked > this.#retry.maxRetryAfterMs) throw e;
          delay = Math.max(delay, asked);
        }
        await sleep(delay, signal);
      }
    }
  }

  #headers(token: string | undefined): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json' };
    if (token) h['X-ApiToken'] = token;
    if (this.accountCode) h['X-AccountCode'] = this.accountCode;
    if (this.apiKey) h['X-ApiKey'] = this.apiKey;
    if (this.#apiSecret) h['X-ApiSecret'] = this.#apiSecret;
    return h;
  }

  async #once(spec: RequestSpec, signal: AbortSignal | undefined, token: string | undefined): Promise<unknown> {
    // The caller may have aborted while we waited for a token or a backoff.
    if (signal?.aborted) throw abortReason(signal);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    const headers = this.#headers(token);
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
    try {
      let res: Response;
      try {
        res = await this.#fetch(this.#url(spec.path, spec.query), {
          method: spec.method, headers, body, signal: controller.signal, credentials: 'omit',
        });
      } catch (e) {
        if (timedOut) throw new VseeApiError('timeout', 0, defaultMessage('timeout'));
        if (signal?.aborted) throw abortReason(signal);
        if (isAbortError(e)) throw e;
        throw new VseeApiError('network', 0, defaultMessage('network'));
      }
      const ok = res.status >= 200 && res.status < 300;
      let text = '';
      let json: unknown;
      try {
        // A success is parsed straight from the body (a 1,000-visit history is a megabyte; no
        // intermediate string); an error keeps its text, which may be an HTML page from a proxy.
        if (ok) json = await res.json();
        else text = await res.text();
      } catch (e) {
        if (timedOut) throw new VseeApiError('timeout', 0, defaultMessage('timeout'));
        if (signal?.aborted) throw abortReason(signal);
        if (ok && e instanceof SyntaxError) throw new VseeApiError('bad_response', res.status, defaultMessage('bad_response'));
        throw new VseeApiError('network', 0, defaultMessage('network'));
      }
      if (ok) return dataOf(res.status, json);
      return this.#unwrap(res.status, text, parseRetryAfter(res.headers.get('Retry-After')));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Turns a status and body into `data`, or the right `VseeApiError`. */
  #unwrap(status: number, text: string, retryAfter?: number): unknown {
    let json: unknown;
    let parsed = false;
    if (text.trim()) {
      try {
        json = JSON.parse(text);
        parsed = true;
      } catch {
        /* an HTML page from a proxy, or plain text */
      }
    }
    if (status >= 200 && status < 300) {
      if (!parsed) throw new VseeApiError('bad_response', status, defaultMessage('bad_response'));
      return dataOf(status, json);
    }
    const code: VseeErrorCode = status === 0 ? 'network' : codeForStatus(status);
    const vendor = parsed ? vendorMessage(json) : undefined;
    return this.#throw(code, status, vendor, retryAfter);
  }

  #throw(code: VseeErrorCode, status: number, vendor: string | undefined, retryAfter?: number): never {
    // The token is a credential: never let it reach a message, even if the server echoed it.
    const redact = (m: string) => {
      for (const secret of this.#secrets) m = m.split(secret).join('[redacted]');
      return m;
    };
    const serverMessage = vendor ? redact(vendor) : undefined;
    throw new VseeApiError(code, status, serverMessage ?? defaultMessage(code), {
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(serverMessage ? { serverMessage } : {}),
    });
  }

  #xhr(
    url: string, form: FormData, token: string | undefined, opts: UploadOptions,
  ): Promise<{ status: number; text: string; retryAfter?: number }> {
    return new Promise((resolve, reject) => {
      const signal = opts.signal;
      if (signal?.aborted) return reject(abortReason(signal));
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      for (const [k, v] of Object.entries(this.#headers(token))) xhr.setRequestHeader(k, v);
      xhr.timeout = Math.max(this.timeoutMs, 120_000);
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : file(form).size);
      xhr.onload = () => {
        done();
        resolve({ status: xhr.status, text: xhr.responseText, retryAfter: parseRetryAfter(xhr.getResponseHeader('Retry-After')) });
      };
      xhr.onerror = () => {
        done();
        reject(new VseeApiError('network', 0, defaultMessage('network')));
      };
      xhr.ontimeout = () => {
        done();
        reject(new VseeApiError('timeout', 0, defaultMessage('timeout')));
      };
      xhr.onabort = () => {
        done();
        reject(signal ? abortReason(signal) : new DOMException('Aborted', 'AbortError'));
      };
      xhr.send(form);
    });
  }
}

function file(form: FormData): Blob {
  return form.get('file') as Blob;
}

/** An intake body: `attachments` in the documented array-of-ids form, the rest as given. */
function intakeBody(fields: IntakeFields): Record<string, unknown> {
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

function vendorMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const m = o.message ?? (o.error as Record<string, unknown> | undefined)?.message ?? o.error;
  return typeof m === 'string' && m.trim() ? m.trim().slice(0, 500) : undefined;
}

function badResponse(what: string): VseeApiError {
  return new VseeApiError('bad_response', 200, `${defaultMessage('bad_response')} (expected ${what})`);
}

function seg(id: string): string {
  return encodeURIComponent(String(id));
}

/** The `data` of a parsed success envelope; anything else is a `bad_response`. */
function dataOf(status: number, json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('data' in json)) {
    throw new VseeApiError('bad_response', status, defaultMessage('bad_response'));
  }
  return (json as { data: unknown }).data;
}

function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
