/**
 * The patient's token, where a fresh one comes from (`tokenProvider`), and every credential the
 * client has held, for redaction: a server may echo an old token after a refresh.
 */
import { VseeApiError } from './errors.js';
import { secretForms } from './redact.js';
import type { TokenRequest } from './options.js';

export class Credentials {
  #token?: string;
  readonly #provider?: (request?: TokenRequest) => Promise<string>;
  #pending?: Promise<string | undefined>;
  /** Every credential held, in each encoded form it could come back in. */
  readonly secrets = new Set<string>();

  constructor(token: string | undefined, provider: ((request?: TokenRequest) => Promise<string>) | undefined) {
    if (provider) this.#provider = provider;
    this.set(token);
  }

  /** A 401 can be answered with a fresh token. */
  get canRefresh(): boolean {
    return this.#provider !== undefined;
  }

  /** Replace the token (e.g. after the page refreshed it). */
  set(token: string | undefined): void {
    this.#token = token || undefined;
    if (this.#token) this.keep(this.#token);
    this.#pending = undefined;
  }

  /** Remembers a credential, and the encoded forms it could come back in. */
  keep(secret: string): void {
    for (const form of secretForms(secret)) this.secrets.add(form);
  }

  /** The token to send: the one at hand (no wait), else the tokenProvider's answer. */
  current(): string | undefined | Promise<string | undefined> {
    return this.#token || !this.#provider ? this.#token : this.refresh();
  }

  /**
   * One token request at a time, however many calls are waiting for it. `refused`: the token at
   * hand was refused (a 401), so the provider is asked for a new one (`{ purpose: 'refresh' }`).
   */
  refresh(refused = false): Promise<string | undefined> {
    const provider = this.#provider;
    if (!provider) return Promise.resolve(this.#token);
    if (!this.#pending) {
      this.#pending = (async () => {
        try {
          const t = await (refused ? provider({ purpose: 'refresh' }) : provider());
          this.#token = typeof t === 'string' && t ? t : undefined;
          if (this.#token) this.keep(this.#token);
          return this.#token;
        } catch {
          throw new VseeApiError('unauthorized', 401, 'A sign-in token could not be obtained.');
        } finally {
          // Let the next 401 ask again, but share this answer with everyone already waiting.
          queueMicrotask(() => (this.#pending = undefined));
        }
      })();
    }
    return this.#pending;
  }
}
