/**
 * Why: elements configured alike share one client, so their identical GETs share requests; but a
 * client (and the token inside it) lives only while an element on the page uses it.
 */
import { VseeClient, type VseeClientOptions } from '../client/vsee-client.js';

interface Entry {
  client: VseeClient;
  users: Set<object>;
}

/** Clients by configuration, each kept while at least one element holds it. */
export class ClientPool {
  readonly #entries = new Map<string, Entry>();

  /** The shared client for `options`, held for `user` until `release(user)`. */
  acquire(user: object, options: VseeClientOptions): VseeClient {
    const key = clientKey(options);
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { client: new VseeClient(options), users: new Set() };
      this.#entries.set(key, entry);
    }
    if (!entry.users.has(user)) {
      // One user holds one client at a time: a new configuration lets go of the old one.
      this.release(user);
      entry.users.add(user);
    }
    return entry.client;
  }

  /** `user` no longer needs its client; the last user's release forgets it. */
  release(user: object): void {
    for (const [key, entry] of this.#entries) {
      if (entry.users.delete(user) && !entry.users.size) this.#entries.delete(key);
    }
  }
}

/** Clients made from equal options behave the same (a token provider aside, which is page code). */
export function clientKey({ baseUrl, accountCode, apiKey, token }: VseeClientOptions): string {
  return JSON.stringify([baseUrl, accountCode ?? '', apiKey ?? '', token ?? '']);
}

/** The page's pool: every element of every bundle version on the page that imports this module. */
export const clientPool = new ClientPool();
