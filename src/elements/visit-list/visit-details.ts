/**
 * Why: a visit's details and notes are not needed for the first paint. Their view (and with it
 * the sanitizer) is a chunk of its own, imported here and nowhere else, fetched when the patient
 * points at or focuses *View details*, and in parallel with the visit's request on the click, so
 * the notes appear no later than when everything was in one file.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { Visit } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import type { VisitListKey } from '../../i18n/visit-list.js';
import type { LocalizeController } from '../controllers/localize.js';
import { errorPanel } from '../controllers/error-panel.js';
import { LazyChunk } from '../controllers/lazy-chunk.js';
import type { DetailsOptions } from './details-view.js';
import { VisitTasks } from './visit-tasks.js';
import type { FocusController } from '../controllers/focus.js';

type DetailsView = typeof import('./details-view.js');

/**
 * The one place the details chunk is imported. An object, so a test can make the import fail
 * the way a dropped connection does.
 */
export const detailsChunk = {
  load: (): Promise<DetailsView> => import('./details-view.js'),
};

export interface VisitDetailsOptions {
  /** The client in use now (undefined while misconfigured). */
  api: () => VseeClient | undefined;
  /** Reports a failed request (`vsee-error`). */
  reportError: (error: unknown, operation: string) => void;
  l10n: LocalizeController<VisitListKey>;
  focus: FocusController;
}

/**
 * Which visits are open, each open visit's `GET /visits/:id` (one Task per visit, added to the
 * host while the visit is listed and removed when it goes away), and the lazily loaded view.
 * It has no lifecycle of its own beyond its Tasks', so it is not itself added to the host.
 */
export class VisitDetailsController {
  readonly #host: ReactiveControllerHost;
  readonly #options: VisitDetailsOptions;
  readonly #expanded = new Set<string>();
  readonly #tasks: VisitTasks<Visit>;
  /** The view, per list: the browser downloads a module once whichever list imports it first. */
  readonly #view = new LazyChunk(() => detailsChunk.load());

  constructor(host: ReactiveControllerHost, options: VisitDetailsOptions) {
    this.#host = host;
    this.#options = options;
    this.#tasks = new VisitTasks(host, {
      ...options,
      operation: 'getVisit',
      call: (api, id, signal) => api.getVisit(id, { signal }),
    });
  }

  isExpanded(id: string): boolean {
    return this.#expanded.has(id);
  }

  /** What a visit's details show depends on: a visit re-renders only when one of these changed. */
  stamp(id: string): unknown[] {
    // A closed visit does not show the view: its arrival (on a hover) re-renders only open ones.
    if (!this.#expanded.has(id)) return [false];
    const task = this.#tasks.get(id);
    return [true, task?.status, task?.value, this.#view.module, this.#view.error];
  }

  /** The patient is about to open details (hover, focus): fetch the view's chunk now. */
  prefetch(): Promise<void> {
    if (this.#view.module) return Promise.resolve();
    // A failure is kept (this.#view.error) for the open visits to show; the next prefetch or
    // *Try again* imports again.
    return this.#view
      .load()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.#host.requestUpdate());
  }

  toggle(id: string): void {
    if (this.#expanded.has(id)) {
      this.#expanded.delete(id);
    } else {
      this.#expanded.add(id);
      // The request and the chunk travel together. Loaded once and kept while the visit is
      // listed; a failure can be tried again.
      const task = this.#tasks.for(id);
      if (task.status === TaskStatus.INITIAL) void task.run();
      // The sanitizer too starts now, not once the answer has rendered: the notes show as soon
      // as the slowest of the three (request, view, sanitizer) is here.
      void this.prefetch().then(() => this.#view.module?.prepareNotes());
    }
    this.#host.requestUpdate();
  }

  /** Forgets the visits that are no longer listed (their Tasks leave the host). */
  retain(ids: ReadonlySet<string>): void {
    this.#tasks.retain(ids);
    for (const id of [...this.#expanded]) if (!ids.has(id)) this.#expanded.delete(id);
  }

  /** Another account or patient: nothing cached belongs to it. */
  reset(): void {
    this.#tasks.clear();
    this.#expanded.clear();
  }

  /**
   * The details of `visit`: loading, a failure with *Try again* (the request or the chunk), or
   * the view. `merge` lays local changes (a cancellation) over the loaded detail.
   */
  render(visit: Visit, merge: (v: Visit) => Visit, options: DetailsOptions): TemplateResult {
    const l10n = this.#options.l10n;
    const task = this.#tasks.get(visit.id);
    // While a retry loads, focus waits on the visit (its *Try again* goes away).
    const keepFocus = (event: Event | undefined, settled: () => boolean) =>
      this.#options.focus.keepWhileLoading((event?.currentTarget as Element | null)?.closest<HTMLElement>('li.visit'), settled);
    if (task?.status === TaskStatus.ERROR) {
      return errorPanel(l10n, {
        what: l10n.msg('detailsFailed'),
        error: task.error,
        retry: (event) => {
          void task.run();
          keepFocus(event, () => task.status !== TaskStatus.PENDING);
        },
        buttonPart: 'button',
      });
    }
    if (this.#view.error !== undefined && !this.#view.loading) {
      return errorPanel(l10n, {
        what: l10n.msg('detailsChunkFailed'),
        retry: (event) => {
          void this.prefetch();
          this.#host.requestUpdate();
          keepFocus(event, () => !this.#view.loading);
        },
        buttonPart: 'button',
      });
    }
    const view = this.#view.module;
    if (!task || task.status !== TaskStatus.COMPLETE || !view) {
      return html`<p class="loading-text" role="status">${l10n.msg('detailsLoading')}</p>`;
    }
    // The detail endpoint has more fields; the list item fills what it lacks.
    return view.renderDetails(merge({ ...visit, ...task.value, id: visit.id }), l10n, options);
  }
}
