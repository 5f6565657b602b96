/** Machine-readable failure kinds; see the contract's client section. */
export type VseeErrorCode =
  'network' | 'timeout' | 'unauthorized' | 'not_found' | 'conflict' | 'rate_limited' | 'server' | 'bad_response' | 'http';

/** Every failure of a `VseeClient` call. The message never contains the token. */
export class VseeApiError extends Error {
  override name = 'VseeApiError';
  /** HTTP status, or 0 for a network failure or a time-out. */
  readonly status: number;
  readonly code: VseeErrorCode;
  /** Seconds the server asked us to wait (429/503 `Retry-After`), when it said. */
  readonly retryAfter?: number;
  /** The server's own message, when its body had one (otherwise `message` is our default). */
  readonly serverMessage?: string;

  constructor(code: VseeErrorCode, status: number, message: string, extra: { retryAfter?: number; serverMessage?: string } = {}) {
    super(message);
    this.code = code;
    this.status = status;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
    if (extra.serverMessage) this.serverMessage = extra.serverMessage;
  }

  /** The error's plain fields, for logs and `JSON.stringify`. */
  toJSON() {
    return { name: this.name, code: this.code, status: this.status, message: this.message };
  }
}

/**
 * The API documents no status for "this time was taken meanwhile": a 409 says so, and so does a
 * 400 whose message says the slot or time is no longer free.
 */
const TAKEN = /no longer available|already (been )?(booked|taken)|(slot|time) (is |was )?taken|unavailable/i;

export function codeForStatus(status: number, vendorMessage?: string): VseeErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 && vendorMessage && TAKEN.test(vendorMessage)) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'http';
}

const DEFAULT_MESSAGES: Record<VseeErrorCode, string> = {
  network: 'The VSee service could not be reached. Check the connection and try again.',
  timeout: 'The VSee service took too long to answer.',
  unauthorized: 'The sign-in is missing or has expired.',
  not_found: 'The requested item was not found.',
  conflict: 'The request conflicts with the current state.',
  rate_limited: 'Too many requests; please wait a moment.',
  server: 'The VSee service had a problem answering.',
  bad_response: 'The VSee service sent an answer that could not be read.',
  http: 'The VSee service refused the request.',
};

export function defaultMessage(code: VseeErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export const REDIRECT_MESSAGE = 'The VSee service redirected the request; it was not followed, to keep the sign-in private.';

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
