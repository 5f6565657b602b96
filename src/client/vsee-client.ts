/**
 * A small typed client for the VSee Clinic REST API v3. No DOM beyond fetch, no lit: it can run
 * in any page, worker or test.
 */
import { VseeApiError, abortReason, codeForStatus, defaultMessage, type VseeErrorCode } from './errors.js';
import { SharedRequests } from './shared-requests.js';
import { isEmptyPayload, normalizeList, normalizeRecord, normalizeSlots } from './normalize.js';
import { encodeBody, intakeBody, type BodyEncoding } from './request-body.js';
import { baseUrlProblem, exchange, resolveBaseUrl, vendorMessage, type Refusal } from './transport.js';
import {
  ANY_RECORD,
  INTAKE,
  ROOM,
  VISIT,
  badResponse,
  hasServerId,
  isRecord,
  isVisitInProgress,
  looksLikeVisit,
  standInId,
  type Shape,
} from './shapes.js';
import { redact } from './redact.js';
import { Credentials } from './credentials.js';
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
import { withRetries, type RetryOptions, type VseeClientOptions } from './options.js';

export type { RetryOptions, TokenRequest, VseeClientOptions } from './options.js';

type Method = 'GET' | 'POST';
type Query = Record<string, string | number | undefined | null>;

interface RequestSpec {
  method: Method;
  path: string;
  query?: Query;
  body?: Record<string, unknown>;
  /** How `body` is sent: the encoding of the endpoint's documented sample. */
  encoding?: BodyEncoding;
  /** A body built by the caller and sent as it is: an upload's multipart form with its file. */
  form?: FormData;
  signal?: AbortSignal | undefined;
  /** Time-out of one attempt, when not the client's `timeoutMs`. */
  timeoutMs?: number;
  /** A 2xx without a body is a success (see `ExchangeInit`). */
  emptyOk?: boolean;
}

/** Fired on the client (an EventTarget) after a call that changed data on the server. */
export interface VseeClientChangeDetail {
  operation: string;
  id?: string;
}

const DEFAULT_TIMEOUT = 15_000;
/** An upload's least time-out: a large file on a slow connection needs this long. */
const UPLOAD_TIMEOUT = 120_000;

export class VseeClient extends EventTarget {
  readonly baseUrl: string;
  readonly accountCode?: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  /** `baseUrl` made absolute against the page, what requests go to (see resolveBaseUrl). */
  readonly #requestBase: string;
  #apiSecret?: string;
  readonly #credentials: Credentials;
  #fetch: typeof fetch;
  #retry: Required<RetryOptions>;
  #gets = new SharedRequests();

  constructor(options: VseeClientOptions) {
    super();
    const base = typeof options?.baseUrl === 'string' ? options.baseUrl.trim() : '';
    if (!base) throw new TypeError('VseeClient needs a baseUrl.');
    // Validate without resolving: a relative base ("/mock/demo/api_v3") is fine in a page.
    const problem = baseUrlProblem(base);
    if (problem) throw new TypeError(`VseeClient: ${problem}`);
    this.baseUrl = base.replace(/\/+$/, '');
    this.#requestBase = resolveBaseUrl(this.baseUrl);
    if (options.accountCode) this.accountCode = options.accountCode;
    if (options.apiKey) this.apiKey = options.apiKey;
    this.#credentials = new Credentials(options.token, options.tokenProvider);
    if (options.apiSecret) this.#credentials.keep((this.#apiSecret = options.apiSecret));
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
    this.#credentials.set(token);
  }

  // ---- Intakes -------------------------------------------------------------------------------
  // Each POST goes in the encoding of the documentation's curl sample (see request-body.ts).

  createIntake(fields: IntakeFields, opts?: RequestOptions): Promise<Intake> {
    return this.#record<Intake>(
      'createIntake',
      {
        method: 'POST',
        path: '/intakes',
        body: intakeBody(fields),
        encoding: 'urlencoded',
        signal: opts?.signal,
      },
      undefined,
      true,
      INTAKE,
    );
  }

  /** Resolves with the id asked for: the update sample answers with another one. */
  async updateIntake(id: string, fields: IntakeFields, opts?: RequestOptions): Promise<Intake> {
    const intake = await this.#record<Intake>(
      'updateIntake',
      {
        method: 'POST',
        path: `/intakes/${seg(id)}`,
        body: intakeBody(fields),
        encoding: 'multipart',
        signal: opts?.signal,
      },
      id,
    );
    return { ...intake, id };
  }

  getIntake(id: string, opts?: RequestOptions): Promise<Intake> {
    return this.#record<Intake>('getIntake', { method: 'GET', path: `/intakes/${seg(id)}`, signal: opts?.signal }, id, false, INTAKE);
  }

  // ---- Visits --------------------------------------------------------------------------------

  addWalkin(params: VisitFromIntakeParams, opts?: RequestOptions): Promise<Visit> {
    return this.#record<Visit>('addWalkin', {
      method: 'POST',
      path: '/visits/add_walkin',
      body: params,
      encoding: 'multipart',
      signal: opts?.signal,
    });
  }

  addEconsult(params: VisitFromIntakeParams, opts?: RequestOptions): Promise<Visit> {
    // The one JSON sample of the documentation.
    return this.#record<Visit>('addEconsult', {
      method: 'POST',
      path: '/visits/add_econsult',
      body: params,
      encoding: 'json',
      signal: opts?.signal,
    });
  }

  async getAvailability(query: AvailabilityQuery, opts?: RequestOptions): Promise<Slot[]> {
    const data = await this.#request({
      method: 'GET',
      path: '/availability',
      signal: opts?.signal,
      query: {
        room_code: query.room_code,
        start: query.start,
        end: query.end,
        duration: query.duration,
        provider_id: query.provider_id,
        intake_id: query.intake_id,
        consultation_id: query.consultation_id,
      },
    });
    const slots = normalizeSlots(data);
    if (!slots) throw badResponse('a list of slots');
    return slots;
  }

  createAppointment(params: AppointmentParams, opts?: RequestOptions): Promise<Visit> {
    // The docs name the intake `intakeId` in the sample and `intake_id` in the text: send both.
    const body = { type: 2, ...params, ...(params.intake_id ? { intakeId: params.intake_id } : {}) };
    return this.#record<Visit>('createAppointment', { method: 'POST', path: '/visits', body, encoding: 'multipart', signal: opts?.signal });
  }

  updateAppointment(id: string, params: Partial<AppointmentParams>, opts?: RequestOptions): Promise<Visit> {
    const body = { ...params, ...(params.intake_id ? { intakeId: params.intake_id } : {}) };
    return this.#record<Visit>(
      'updateAppointment',
      {
        method: 'POST',
        path: `/visits/${seg(id)}`,
        query: { version: 2 },
        body,
        encoding: 'multipart',
        signal: opts?.signal,
      },
      id,
    );
  }

  async listVisits(opts?: RequestOptions): Promise<Visit[]> {
    const data = await this.#request({ method: 'GET', path: '/visits', signal: opts?.signal });
    const list = normalizeList<Visit>(data);
    if (!list || !list.every(looksLikeVisit)) throw badResponse('a list of visits');
    // A visit without an id, or with one an earlier visit has, stays visible under a stand-in id.
    const seen = new Set<string>();
    return list.map((v, i) => {
      if (!hasServerId(v) || seen.has(v.id)) return { ...v, id: standInId(i) };
      seen.add(v.id);
      return v;
    });
  }

  getVisit(id: string, opts?: RequestOptions): Promise<Visit> {
    return this.#record<Visit>('getVisit', { method: 'GET', path: `/visits/${seg(id)}`, signal: opts?.signal }, id, false, VISIT);
  }

  /**
   * The visit the patient is in or about to be in, or null. The API answers with the patient's
   * latest visit however it ended (its documented sample is a cancelled, ended one): only a pending,
   * confirmed or in-progress visit without an `actual_end` counts.
   */
  async getCurrentVisit(opts?: RequestOptions): Promise<Visit | null> {
    const data = await this.#request({ method: 'GET', path: '/visits/current', signal: opts?.signal });
    if (isEmptyPayload(data)) return null;
    // Some deployments answer with a one-item list.
    const item = Array.isArray(data) && data.length === 1 ? data[0] : data;
    if (!looksLikeVisit(item)) throw badResponse('a visit');
    const visit = normalizeRecord<Visit>(item);
    if (!hasServerId(visit)) visit.id = standInId('current');
    return isVisitInProgress(visit) ? visit : null;
  }

  async closeVisit(id: string, reason: CloseReason, opts?: RequestOptions): Promise<{ id: string }> {
    const data = await this.#request({
      method: 'POST',
      path: '/visits/close',
      body: { id, reason },
      encoding: 'multipart',
      signal: opts?.signal,
      emptyOk: true,
    });
    this.#changed('closeVisit', id);
    return withId(data, id);
  }

  async deleteVisit(id: string, opts?: RequestOptions): Promise<{ id: string }> {
    const data = await this.#request({
      method: 'POST',
      path: '/visits/delete',
      body: { id },
      encoding: 'multipart',
      signal: opts?.signal,
      emptyOk: true,
    });
    this.#changed('deleteVisit', id);
    return withId(data, id);
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
    return this.#record<Room>('getRoom', { method: 'GET', path: `/rooms/${seg(code)}`, signal: opts?.signal }, undefined, false, ROOM);
  }

  /**
   * `POST /files`: one file, multipart with its `meta[category]`. It goes through the same fetch as
   * every other call, so a redirect fails it before the file or the token goes anywhere else;
   * fetch cannot report upload progress, so `onProgress` hears the start and the end only. Each
   * attempt gets at least 2 minutes, whatever `timeoutMs` is. Not re-sent by itself, like any POST.
   */
  async uploadFile(file: Blob & { name?: string }, opts: UploadOptions = {}): Promise<UploadedFile> {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const form = new FormData();
    form.append('file', file, file.name ?? 'file');
    form.append('meta[category]', opts.category ?? 'intake_attachment');
    opts.onProgress?.(0, file.size);
    const data = await this.#request({
      method: 'POST',
      path: '/files',
      form,
      signal: opts.signal,
      timeoutMs: Math.max(this.timeoutMs, UPLOAD_TIMEOUT),
    });
    const rec = normalizeRecord<UploadedFile>(data);
    if (typeof rec !== 'object' || rec === null || typeof rec.id !== 'string') throw badResponse('an uploaded file');
    opts.onProgress?.(file.size, file.size);
    return rec;
  }

  // ---- Plumbing ------------------------------------------------------------------------------

  /** A call answered by one record; `shape` says whether the answer is the documented one. */
  async #record<T>(
    operation: string,
    spec: RequestSpec,
    id?: string,
    notify = spec.method === 'POST',
    shape: Shape = ANY_RECORD,
  ): Promise<T> {
    const data = await this.#request(spec);
    if (!shape.check(data)) throw badResponse(shape.what);
    const rec = normalizeRecord<T & { id?: unknown }>(data);
    if (id !== undefined && rec.id === undefined) (rec as { id?: string }).id = id;
    if (notify) this.#changed(operation, typeof rec.id === 'string' ? rec.id : id);
    return rec as T;
  }

  #changed(operation: string, id?: string) {
    this.dispatchEvent(new CustomEvent<VseeClientChangeDetail>('change', { detail: { operation, ...(id ? { id } : {}) } }));
  }

  #url(path: string, query?: Query): string {
    let url = this.#requestBase + path;
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

  /** Identical concurrent GETs share one request (see shared-requests.ts). */
  #request(spec: RequestSpec): Promise<unknown> {
    if (spec.signal?.aborted) return Promise.reject(abortReason(spec.signal));
    if (spec.method !== 'GET') return this.#withAuth(spec, spec.signal);
    return this.#gets.share(this.#url(spec.path, spec.query), (signal) => this.#withAuth(spec, signal), spec.signal);
  }

  async #withAuth(spec: RequestSpec, signal: AbortSignal | undefined): Promise<unknown> {
    // With a token at hand the request goes out in this same turn: an element's first render (and a
    // cold page's Intl start-up) then overlaps the network instead of coming before it.
    const current = this.#credentials.current();
    const token = typeof current === 'object' ? await current : current;
    try {
      return await this.#attempts(spec, signal, token);
    } catch (e) {
      if (e instanceof VseeApiError && e.code === 'unauthorized' && this.#credentials.canRefresh) {
        const fresh = await this.#credentials.refresh(true);
        if (fresh && fresh !== token) return this.#attempts(spec, signal, fresh);
      }
      throw e;
    }
  }

  /** Retries only idempotent GETs (see options.ts); a POST is never re-sent by itself. */
  #attempts(spec: RequestSpec, signal: AbortSignal | undefined, token: string | undefined): Promise<unknown> {
    return withRetries(() => this.#once(spec, signal, token), spec.method === 'GET' ? this.#retry : { ...this.#retry, retries: 0 }, signal);
  }

  #headers(token: string | undefined): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json' };
    if (token) h['X-ApiToken'] = token;
    if (this.accountCode) h['X-AccountCode'] = this.accountCode;
    if (this.apiKey) h['X-ApiKey'] = this.apiKey;
    if (this.#apiSecret) h['X-ApiSecret'] = this.#apiSecret;
    return h;
  }

  #once(spec: RequestSpec, signal: AbortSignal | undefined, token: string | undefined): Promise<unknown> {
    // The caller may have aborted while we waited for a token or a backoff.
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const headers = this.#headers(token);
    let body: BodyInit | undefined = spec.form;
    if (spec.body !== undefined) {
      const encoded = encodeBody(spec.encoding ?? 'json', spec.body);
      if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
      body = encoded.body;
    }
    const init = { method: spec.method, headers, body, signal, timeoutMs: spec.timeoutMs ?? this.timeoutMs, emptyOk: spec.emptyOk };
    return exchange(this.#fetch, this.#url(spec.path, spec.query), init, (r) => this.#refusal(r));
  }

  /** The `VseeApiError` for an answer that is not a 2xx, with the vendor's message when its body has one. */
  #refusal({ status, text, retryAfter }: Refusal): never {
    let vendor: string | undefined;
    try {
      vendor = vendorMessage(JSON.parse(text));
    } catch {
      /* empty, an HTML page from a proxy, or plain text */
    }
    const code: VseeErrorCode = status === 0 ? 'network' : codeForStatus(status, vendor);
    // The token is a credential: never let it reach a message, even if the server echoed it.
    const serverMessage = vendor ? redact(vendor, this.#credentials.secrets) : undefined;
    throw new VseeApiError(code, status, serverMessage ?? defaultMessage(code), {
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(serverMessage ? { serverMessage } : {}),
    });
  }
}

/**
 * The answer to closing or deleting a visit, with the id asked for: the close sample answers
 * `id=14` with `{"id": "1525"}`, and what the caller keys its visit by is the id it sent.
 */
function withId(data: unknown, id: string): { id: string } {
  return { ...(isRecord(data) ? normalizeRecord<Record<string, unknown>>(data) : {}), id };
}

function seg(id: string): string {
  return encodeURIComponent(String(id));
}
