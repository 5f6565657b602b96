/**
 * One lazily loaded chunk (a feature the first paint does not need): imported once, on first use
 * or earlier as a prefetch. A failed import is forgotten, so *Try again* asks the network again
 * instead of replaying the failure; the failure is kept (`error`) until the next attempt, for an
 * element to show. The one mechanism behind every `import()` of the elements: the intake form's
 * chunks.ts, the slot picker's booking.ts and the visit list's visit-details.ts. (The browser
 * downloads a module once per page whichever instance imports it first.)
 */
export class LazyChunk<M> {
  readonly #load: () => Promise<M>;
  #promise?: Promise<M> | undefined;
  #module?: M;
  #error?: unknown;

  /** `load` is read at each attempt, so a test can make one attempt fail as a dropped connection does. */
  constructor(load: () => Promise<M>) {
    this.#load = load;
  }

  /** The module once it has loaded. */
  get module(): M | undefined {
    return this.#module;
  }

  /** An import is under way. */
  get loading(): boolean {
    return this.#promise !== undefined && this.#module === undefined;
  }

  /** Why the last attempt failed, until the next one starts. */
  get error(): unknown {
    return this.#error;
  }

  load(): Promise<M> {
    if (!this.#promise) {
      this.#error = undefined;
      this.#promise = this.#load().then(
        (m) => (this.#module = m),
        (e: unknown) => {
          this.#promise = undefined;
          this.#error = e;
          throw e;
        },
      );
    }
    return this.#promise;
  }

  /**
   * Starts loading because it is about to be needed; a failure shows when it is really needed.
   * Called on every hover or focus of what needs it: nothing to do once loading or loaded.
   */
  prefetch(): void {
    if (this.#promise) return;
    this.load().catch(() => undefined);
  }
}
