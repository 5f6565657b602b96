/** Transport details of the client: which base URLs are safe, the success envelope, waiting. */
import { VseeApiError, abortReason, defaultMessage } from './errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a base URL cannot be used, or undefined. https: only, except for this machine (a dev
 * server or a local proxy): over plain http the patient's token would cross the network readable.
 * A path ("/mock/demo/api_v3") is resolved against the page.
 */
export function baseUrlProblem(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base, globalThis.location?.href ?? 'https://localhost/');
  } catch {
    return 'baseUrl is not a URL.';
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined;
  return `baseUrl must be https: (http: only for localhost), not ${url.protocol}`;
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
  return typeof m === 'string' && m.trim() ? m.trim().slice(0, 500) : undefined;
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
