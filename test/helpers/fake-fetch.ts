/** A controllable fake `fetch` for unit tests: records requests, answers from a queue or a handler. */

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** JSON bodies parsed; form bodies as their `name → value` pairs (PHP-style names kept). */
  body: unknown;
  /** How the body was sent: as the client chose per endpoint. */
  encoding: 'json' | 'urlencoded' | 'multipart' | 'text' | 'none';
  signal?: AbortSignal | null;
}

export type Responder = (req: RecordedRequest) => Response | Promise<Response> | 'network-error';

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function fakeFetch(responder: Responder) {
  const calls: RecordedRequest[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    let body: unknown = init.body;
    let encoding: RecordedRequest['encoding'] = body === undefined || body === null ? 'none' : 'text';
    if (body instanceof URLSearchParams) {
      encoding = 'urlencoded';
      body = Object.fromEntries(body);
    } else if (body instanceof FormData) {
      encoding = 'multipart';
      body = Object.fromEntries(body);
    } else if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
        encoding = 'json';
      } catch {
        /* keep the string */
      }
    }
    const req: RecordedRequest = { url: String(input), method: init.method ?? 'GET', headers, body, encoding, signal: init.signal };
    calls.push(req);
    if (init.signal?.aborted) throw init.signal.reason ?? new DOMException('Aborted', 'AbortError');
    const answer = responder(req);
    const result = await new Promise<Response | 'network-error'>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal!.reason ?? new DOMException('Aborted', 'AbortError')), {
        once: true,
      });
      Promise.resolve(answer).then(resolve, reject);
    });
    if (result === 'network-error') throw new TypeError('Failed to fetch');
    return result;
  };
  return { fetch: fn as typeof fetch, calls };
}

/** A promise you settle later: for responses that arrive when the test says so. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
