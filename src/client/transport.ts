/**
 * Transport details of the client: which base URLs are safe, one request and its answer, the
 * success envelope, waiting.
 */
import { REDIRECT_MESSAGE, VseeApiError, abortReason, defaultMessage, isAbortError, parseRetryAfter } from './errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a base URL cannot be used, or undefined. https: only, except for this machine (a dev
 * server or a local proxy): over plain http the patient's token would cross the network readable.
 * A path ("/mock/demo/api_v3") is resolved against the page's address (see resolveBaseUrl).
 */
export function baseUrlProblem(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(resolveBaseUrl(base), 'https://localhost/');
  } catch {
    return 'baseUrl is not a URL.';
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined;
  return `baseUrl must be https: (http: only for localhost), not ${url.protocol}`;
}

/**
 * A relative base ("/mock/demo/api_v3") resolved against the page's own address, once. Left
 * relative, every request would resolve against `document.baseURI`, which a `<base href>` (the
 * page's, or one injected into it) points at another host, plain http included: the patient's
 * token would go there, past the https check above. Without a page (Node, a test) it stays as given.
 */
export function resolveBaseUrl(base: string): string {
  const page = globalThis.location?.href;
  if (!page) return base;
  try {
    return new URL(base, page).href.replace(/\/+$/, '');
  } catch {
    return base;
  }
}

/** The `data` of a parsed success envelope; anything else is a `bad_response`. */
export function dataOf(status: number, json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('data' in json)) {
    throw new VseeApiError('bad_response', status, defaultMessage('bad_response'));
  }
  return (json as { data: unknown }).data;
}

/** The vendor's message in an error body (`{code, message}`, or the odd `{error}`). */
export function vendorMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const m = o.message ?? (o.error as Record<string, unknown> | undefined)?.message ?? o.error;
  if (typeof m !== 'string') return undefined;
  // Shown to the patient as text: markup is dropped, and a serialized nothing is no message.
  const words = m
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words && !/^(null|undefined|\[object \w+\])$/i.test(words) ? words.slice(0, 500) : undefined;
}

/** Waits `ms`, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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

/** An answer that is not a 2xx, as it came: the client turns it into its `VseeApiError`. */
export interface Refusal {
  status: number;
  text: string;
  retryAfter?: number | undefined;
}

export interface ExchangeInit {
  method: string;
  headers: Record<string, string>;
  body?: BodyInit | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** A 2xx with no body at all is a success without data (the delete sample shows no answer). */
  emptyOk?: boolean | undefined;
}

/**
 * One request and its answer: the envelope's `data` of a 2xx, `refuse(…)` for any other status.
 * A failure of the connection, a time-out, a redirect or a success that is not JSON rejects with
 * its `VseeApiError`; the caller's abort rejects with the caller's reason.
 */
export async function exchange(send: typeof fetch, url: string, init: ExchangeInit, refuse: (refusal: Refusal) => never): Promise<unknown> {
  const { signal } = init;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, init.timeoutMs);
  const onAbort = () => controller.abort(abortReason(signal!));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await send(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: controller.signal,
        credentials: 'omit',
        // A redirect would carry X-ApiToken to wherever it points: never follow one.
        redirect: 'manual',
      });
    } catch (e) {
      if (timedOut) throw new VseeApiError('timeout', 0, defaultMessage('timeout'));
      if (signal?.aborted) throw abortReason(signal);
      if (isAbortError(e)) throw e;
      throw new VseeApiError('network', 0, defaultMessage('network'));
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      throw new VseeApiError('http', res.status, REDIRECT_MESSAGE);
    }
    const ok = res.status >= 200 && res.status < 300;
    let text = '';
    let json: unknown;
    try {
      // A success is parsed straight from the body (a 1,000-visit history is a megabyte; no
      // intermediate string); an error keeps its text, which may be an HTML page from a proxy.
      if (ok && init.emptyOk) {
        const body = await res.text();
        json = body.trim() ? JSON.parse(body) : { data: undefined };
      } else if (ok) json = await res.json();
      else text = await res.text();
    } catch (e) {
      if (timedOut) throw new VseeApiError('timeout', 0, defaultMessage('timeout'));
      if (signal?.aborted) throw abortReason(signal);
      // Body that is not JSON: a SyntaxError in Chromium and Firefox, a DOMException named
      // SyntaxError in WebKit (Safari). Anything else is the connection failing mid-body.
      if (ok && (e as { name?: unknown } | null)?.name === 'SyntaxError')
        throw new VseeApiError('bad_response', res.status, defaultMessage('bad_response'));
      throw new VseeApiError('network', 0, defaultMessage('network'));
    }
    if (ok) return dataOf(res.status, json);
    return refuse({ status: res.status, text, retryAfter: parseRetryAfter(res.headers.get('Retry-After')) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
