/** The client's options, and its retry policy for idempotent GETs. */
import { VseeApiError } from './errors.js';
import { sleep } from './transport.js';

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

/**
 * What a token is for, passed to `tokenProvider`: nothing for a first token; `{ purpose: 'refresh' }`
 * after VSee refused the token at hand (a 401), so a server that caches tokens must answer a new
 * one, not the refused one again; `{ purpose: 'join' }` for the intake form's *Join your visit*
 * sign-in hand-off, which uses the token once (`invalidate=1`), so the answer is a fresh one of
 * its own instead of the page's cached token.
 */
export interface TokenRequest {
  purpose?: 'refresh' | 'join';
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
  /** Asked for a token before the first request, and with `{ purpose: 'refresh' }` once after a 401. */
  tokenProvider?: (request?: TokenRequest) => Promise<string>;
  /** The `fetch` to use (default the global one). */
  fetch?: typeof fetch;
  /** Time-out of one attempt in ms (default 15000). */
  timeoutMs?: number;
  retry?: RetryOptions;
}

/**
 * Runs `attempt`, again after a network error, a 429 or a 5xx, up to `retries` more times:
 * exponential backoff with jitter, capped, and a server's `Retry-After` honoured up to
 * `maxRetryAfterMs` (a longer wait fails at once rather than leave the patient staring).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retry: Required<RetryOptions>,
  signal: AbortSignal | undefined,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof VseeApiError) || n >= retry.retries) throw e;
      if (!(e.code === 'network' || e.code === 'rate_limited' || e.code === 'server')) throw e;
      let delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** n);
      delay = delay / 2 + Math.random() * (delay / 2);
      if (e.retryAfter !== undefined) {
        const asked = e.retryAfter * 1000;
        if (asked > retry.maxRetryAfterMs) throw e;
        delay = Math.max(delay, asked);
      }
      await sleep(delay, signal);
    }
  }
}
