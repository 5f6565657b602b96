/** Why: a POST that got no answer may have worked; posting again blindly books twice, so we look on the server first. */
import { VseeApiError } from '../../client/errors.js';

/** Failures after which the server may have acted anyway: no answer, or an answer we could not read. */
export function mayHaveHappened(error: unknown): boolean {
  return error instanceof VseeApiError && (error.code === 'timeout' || error.code === 'network' || error.code === 'bad_response');
}

/** A created record without an id: nothing can follow it, so the answer counts as unreadable. */
export function missingId(what: string): VseeApiError {
  return new VseeApiError('bad_response', 200, `The answer had no ${what} id.`);
}

/**
 * Creates a record at most once per `key` (the intake of a walk-in, the time of a booking). When
 * an attempt for a key failed without a readable answer, the next attempt for the same key first
 * asks the server (`find`) whether the record exists, and posts only when it does not.
 */
export class PostOnce<T> {
  /** The key whose last attempt may have created the record. */
  #unsure?: string;

  async run(key: string, find: () => Promise<T | undefined>, post: () => Promise<T>): Promise<T> {
    try {
      const found = this.#unsure === key ? await find() : undefined;
      const result = found ?? (await post());
      this.#unsure = undefined;
      return result;
    } catch (error) {
      if (mayHaveHappened(error)) this.#unsure = key;
      throw error;
    }
  }

  /** Starts afresh (a new form, another patient). */
  reset(): void {
    this.#unsure = undefined;
  }
}
