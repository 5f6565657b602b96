/**
 * `POST /files` through XMLHttpRequest: fetch cannot report upload progress. XHR always follows
 * redirects (there is no `redirect: 'manual'`), so an answer that came from another origin is
 * refused rather than trusted; the request's own origin is the one the page configured.
 */
import { REDIRECT_MESSAGE, VseeApiError, abortReason, defaultMessage, parseRetryAfter } from './errors.js';
import type { UploadOptions } from './types.js';

export interface UploadResult {
  status: number;
  text: string;
  retryAfter?: number;
}

export function xhrUpload(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  timeoutMs: number,
  opts: UploadOptions,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const signal = opts.signal;
    if (signal?.aborted) return reject(abortReason(signal));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.timeout = timeoutMs;
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    const size = (form.get('file') as Blob | null)?.size ?? 0;
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : size);
    xhr.onload = () => {
      done();
      if (xhr.responseURL && originOf(xhr.responseURL) !== originOf(url)) {
        reject(new VseeApiError('http', xhr.status, REDIRECT_MESSAGE));
        return;
      }
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

function originOf(url: string): string {
  return new URL(url, globalThis.location?.href).origin;
}
