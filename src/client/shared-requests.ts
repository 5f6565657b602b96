/**
 * Identical concurrent GETs share one request; each caller may still abort its own wait, and the
 * last one to give up cancels the request. The first caller gets the parsed body, any other a
 * copy: normalizing works in place, and no caller sees another's objects.
 */
import { abortReason } from './errors.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  users: number;
  handedOut?: boolean;
}

export class SharedRequests {
  #inflight = new Map<string, Entry>();

  /** `start` runs once per key at a time, with a signal that aborts when every caller has. */
  share(key: string, start: (signal: AbortSignal) => Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
    let entry = this.#inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
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
    if (!signal) return shared.promise.then(take);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(abortReason(signal));
        if (--shared.users === 0) {
          shared.controller.abort(abortReason(signal));
          if (this.#inflight.get(key) === shared) this.#inflight.delete(key);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then((data) => resolve(take(data)), reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
