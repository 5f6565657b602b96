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
    const key = JSON.stringify([options.baseUrl, options.accountCode ?? '', options.apiKey ?? '', options.token ?? '']);
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { client: new VseeClient(options), users: new Set() };
      this.#entries.set(key, entry);
    }
    // One element holds one client at a time: a new configuration lets go of the old one.
    for (const [other, e] of this.#entries) if (e !== entry && e.users.has(user)) this.#drop(other, e, user);
    entry.users.add(user);
    return entry.client;
  }

  /** `user` no longer needs its client; the last user's release forgets it. */
  release(user: object): void {
    for (const [key, e] of this.#entries) if (e.users.has(user)) this.#drop(key, e, user);
  }

  /** How many clients are held (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }

  #drop(key: string, entry: Entry, user: object): void {
    entry.users.delete(user);
    if (!entry.users.size) this.#entries.delete(key);
  }
}

/** The page's pool: every element of every bundle version on the page that imports this module. */
export const clientPool = new ClientPool();
