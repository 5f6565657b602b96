/**
 * Why: the first paint of the form needs neither the waiting room, nor the upload transport, nor
 * the handling of the clinic's own fields; each is its own chunk, and every `import()` of this
 * element is here, so the chunk boundaries can be read in one place.
 */

/**
 * The loaders, one per chunk. An object (not bare functions) so a test can make one fail the
 * way a dropped connection or a stale deploy does, and check the element says so.
 */
export const chunkLoaders = {
  waitingRoom: () => import('./waiting-room.js'),
  upload: () => import('./upload.js'),
  customFields: () => import('./custom-fields.js'),
};

type Loaders = typeof chunkLoaders;
type ModuleOf<K extends keyof Loaders> = Awaited<ReturnType<Loaders[K]>>;

/** One lazily loaded chunk: loaded once, on first use or earlier as a prefetch; a failure can be tried again. */
export class Chunk<K extends keyof Loaders> {
  readonly #name: K;
  #promise?: Promise<ModuleOf<K>>;
  #module?: ModuleOf<K>;

  constructor(name: K) {
    this.#name = name;
  }

  /** The module once it has loaded. */
  get module(): ModuleOf<K> | undefined {
    return this.#module;
  }

  load(): Promise<ModuleOf<K>> {
    this.#promise ??= (chunkLoaders[this.#name]() as Promise<ModuleOf<K>>).then(
      (m) => (this.#module = m),
      (e: unknown) => {
        // Forgotten, so *Try again* asks the network again instead of replaying the failure.
        this.#promise = undefined;
        throw e;
      },
    );
    return this.#promise;
  }

  /** Starts loading because it is about to be needed; a failure shows when it is really needed. */
  prefetch(): void {
    this.load().catch(() => undefined);
  }
}

/** Chunks are shared by every form on the page: one download each. */
export const chunks = {
  waitingRoom: new Chunk('waitingRoom'),
  upload: new Chunk('upload'),
  customFields: new Chunk('customFields'),
};
