/**
 * Why: a list keeps one Task per visit and resource (its details, its cancellation, its
 * summary). Each Task is a controller of the host; a visit that leaves the list must take its
 * Tasks with it, or a long-lived page collects controllers of visits it no longer shows.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task, initialState } from '@lit/task';
import type { VseeClient } from '../../client/vsee-client.js';

export interface VisitTaskOptions<R> {
  /** The client in use now (undefined while misconfigured: the Task then does nothing). */
  api: () => VseeClient | undefined;
  /** The client operation, for `vsee-error`. */
  operation: string;
  call: (api: VseeClient, id: string, signal: AbortSignal) => Promise<R>;
  reportError: (error: unknown, operation: string) => void;
}

/** Tasks of one resource, keyed by visit id, created on first use; a Task's value is the cache. */
export class VisitTasks<R> {
  readonly #host: ReactiveControllerHost;
  readonly #options: VisitTaskOptions<R>;
  readonly #tasks = new Map<string, Task<[string], R>>();

  constructor(host: ReactiveControllerHost, options: VisitTaskOptions<R>) {
    this.#host = host;
    this.#options = options;
  }

  get(id: string): Task<[string], R> | undefined {
    return this.#tasks.get(id);
  }

  /** The visit's Task, added to the host on first use. It runs only when asked (`run()`). */
  for(id: string): Task<[string], R> {
    let task = this.#tasks.get(id);
    if (!task) {
      const { api, call, operation, reportError } = this.#options;
      task = new Task<[string], R>(this.#host, {
        autoRun: false,
        args: () => [id],
        task: async ([vid], { signal }) => {
          const client = api();
          if (!client) return initialState;
          return call(client, vid, signal);
        },
        onError: (e) => reportError(e, operation),
      });
      this.#tasks.set(id, task);
    }
    return task;
  }

  /** Drops the Tasks of visits not in `ids` (aborting any still running). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.#tasks.keys()]) if (!ids.has(id)) this.#drop(id);
  }

  /** Drops every Task (another account or patient). */
  clear(): void {
    for (const id of [...this.#tasks.keys()]) this.#drop(id);
  }

  #drop(id: string): void {
    const task = this.#tasks.get(id)!;
    task.abort();
    this.#host.removeController(task);
    this.#tasks.delete(id);
  }
}
