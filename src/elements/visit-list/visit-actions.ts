/**
 * Why: what a patient can do to one visit (cancel it after a confirmation, download its summary,
 * ask to reschedule it) and what each answer leaves on screen, apart from the list that shows
 * the visits.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { Visit } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import type { VisitListKey } from '../../i18n/visit-list.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import type { AnnouncerController } from '../controllers/announcer.js';
import { failureText } from '../controllers/error-panel.js';
import { VisitTasks } from './visit-tasks.js';

export const CANCEL_REASON = 'patient_cancel_appointment';

interface ActionMessage {
  kind: 'error' | 'info';
  text: string;
  /** A summary URL to open by hand when the popup was blocked. */
  url?: string;
}

export interface VisitActionsOptions {
  api: () => VseeClient | undefined;
  reportError: (error: unknown, operation: string) => void;
  l10n: LocalizeController<VisitListKey>;
  focus: FocusController;
  announcer: AnnouncerController;
  /** The DOM id of a visit's `<li>` (visit ids may hold any character). */
  domId: (id: string) => string;
  /** The visit was cancelled on the server: show it so, and tell the page. */
  cancelled: (id: string) => void;
  /** The patient asked to move the appointment. */
  reschedule: (visit: Visit) => void;
}

/**
 * Cancel, summary and reschedule of each visit: the confirmation step, what is in flight, and
 * the message each answer leaves. One Task per visit and action, removed with its visit.
 */
export class VisitActionsController {
  readonly #host: ReactiveControllerHost;
  readonly #o: VisitActionsOptions;
  readonly #cancels: VisitTasks<{ id: string }>;
  readonly #summaries: VisitTasks<string>;
  #confirming?: string;
  readonly #busy = new Map<string, 'cancel' | 'summary'>();
  readonly #messages = new Map<string, ActionMessage>();
  /** Visits this element is cancelling: the client's change event for them is ours. */
  readonly #ownCloses = new Set<string>();

  constructor(host: ReactiveControllerHost, options: VisitActionsOptions) {
    this.#host = host;
    this.#o = options;
    const common = { api: options.api, reportError: options.reportError };
    this.#cancels = new VisitTasks(host, {
      ...common,
      operation: 'closeVisit',
      call: (api, id, signal) => api.closeVisit(id, CANCEL_REASON, { signal }),
    });
    this.#summaries = new VisitTasks(host, {
      ...common,
      operation: 'getVisitSummaryUrl',
      call: (api, id, signal) => api.getVisitSummaryUrl(id, { signal }),
    });
  }

  /** What a visit's actions show depends on: a visit re-renders only when one of these changed. */
  stamp(id: string): unknown[] {
    return [this.#busy.get(id), this.#messages.get(id), this.#confirming === id];
  }

  busy(id: string): 'cancel' | 'summary' | undefined {
    return this.#busy.get(id);
  }

  isConfirming(id: string): boolean {
    return this.#confirming === id;
  }

  /** Whether a closed visit is this element's own cancellation (already shown in place). */
  isOwnClose(id: string): boolean {
    return this.#ownCloses.has(id);
  }

  /** Forgets visits that are no longer listed. */
  retain(ids: ReadonlySet<string>): void {
    this.#cancels.retain(ids);
    this.#summaries.retain(ids);
    for (const id of [...this.#messages.keys()]) if (!ids.has(id)) this.#messages.delete(id);
    if (this.#confirming !== undefined && !ids.has(this.#confirming)) this.#confirming = undefined;
  }

  /** Another account or patient. */
  reset(): void {
    this.#cancels.clear();
    this.#summaries.clear();
    this.#messages.clear();
    this.#busy.clear();
    this.#confirming = undefined;
  }

  reschedule(visit: Visit): void {
    this.#o.reschedule(visit);
  }

  askCancel(id: string): void {
    this.#confirming = id;
    this.#setMessage(id, undefined);
    this.#changed();
    // Start on the safe choice.
    this.#o.focus.request(`#${this.#o.domId(id)}-keep`);
  }

  abortCancel(id: string): void {
    if (this.#busy.get(id) === 'cancel') return;
    this.#confirming = undefined;
    this.#changed();
    this.#o.focus.request(`#${this.#o.domId(id)}-cancel`);
  }

  async confirmCancel(visit: Visit): Promise<void> {
    const { l10n, focus } = this.#o;
    const id = visit.id;
    if (this.#busy.has(id)) return;
    const when = l10n.dateTime(visit.start);
    const task = this.#cancels.for(id);
    this.#setBusy(id, 'cancel');
    this.#ownCloses.add(id);
    try {
      await task.run();
    } finally {
      this.#ownCloses.delete(id);
      this.#setBusy(id, undefined);
    }
    const dom = this.#o.domId(id);
    if (task.status === TaskStatus.COMPLETE) {
      this.#confirming = undefined;
      this.#o.cancelled(id);
      this.#o.announcer.announce(l10n.msg('cancelled', { when }));
      // The cancel button is gone: the visit itself keeps focus.
      focus.request(`#${dom}`);
    } else if (task.status === TaskStatus.ERROR) {
      this.#confirming = undefined;
      this.#setMessage(id, { kind: 'error', text: failureText(l10n, l10n.msg('cancelFailed'), task.error) });
      focus.request(`#${dom}-cancel`);
    }
  }

  /**
   * The new tab is opened synchronously in the click (popup blockers allow that), then pointed
   * at the URL once the API returns it.
   */
  async downloadSummary(visit: Visit): Promise<void> {
    const { l10n } = this.#o;
    const id = visit.id;
    if (this.#busy.has(id)) return;
    const win = openBlankTab(l10n.msg('summaryPreparing'));
    this.#setMessage(id, undefined);
    this.#setBusy(id, 'summary');
    const task = this.#summaries.for(id);
    try {
      await task.run();
    } finally {
      this.#setBusy(id, undefined);
    }
    if (task.status === TaskStatus.COMPLETE && typeof task.value === 'string') {
      if (win && !win.closed) {
        win.location.href = task.value;
        this.#o.announcer.announce(l10n.msg('summaryOpened'));
      } else {
        this.#setMessage(id, { kind: 'info', text: l10n.msg('summaryBlocked'), url: task.value });
      }
    } else {
      win?.close();
      if (task.status === TaskStatus.ERROR) {
        this.#setMessage(id, { kind: 'error', text: failureText(l10n, l10n.msg('summaryFailed'), task.error) });
      }
    }
  }

  /** The confirmation step of a cancellation, starting on *Keep visit*. */
  renderConfirm(visit: Visit): TemplateResult {
    const { l10n } = this.#o;
    const dom = this.#o.domId(visit.id);
    const pending = this.#busy.get(visit.id) === 'cancel';
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.abortCancel(visit.id);
    };
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="${dom}-q" @keydown=${onKey}>
      <p id="${dom}-q">${l10n.msg('cancelQuestion', { when: l10n.dateTime(visit.start) })}</p>
      <div class="confirm-buttons">
        <button
          part="button confirm-button"
          type="button"
          class="danger primary"
          aria-disabled=${pending ? 'true' : 'false'}
          @click=${() => this.confirmCancel(visit)}
        >
          ${l10n.msg('cancelYes')}
        </button>
        <button
          part="button keep-button"
          type="button"
          id="${dom}-keep"
          aria-disabled=${pending ? 'true' : 'false'}
          @click=${() => this.abortCancel(visit.id)}
        >
          ${l10n.msg('cancelNo')}
        </button>
      </div>
      ${pending ? html`<p class="pending" role="status">${l10n.msg('cancelling')}</p>` : nothing}
    </div>`;
  }

  /** What the last action on a visit left to say (a failure, a blocked popup's link). */
  renderMessage(id: string): TemplateResult | typeof nothing {
    const message = this.#messages.get(id);
    if (!message) return nothing;
    return html`<div class="message ${message.kind}" part="message" role=${message.kind === 'error' ? 'alert' : 'status'}>
      <p>${message.text}</p>
      ${
        message.url
          ? html`<p><a href=${message.url} target="_blank" rel="noopener noreferrer">${this.#o.l10n.msg('summaryLink')}</a></p>`
          : nothing
      }
    </div>`;
  }

  #setBusy(id: string, what: 'cancel' | 'summary' | undefined): void {
    if (what) this.#busy.set(id, what);
    else this.#busy.delete(id);
    this.#changed();
  }

  #setMessage(id: string, message: ActionMessage | undefined): void {
    if (message) this.#messages.set(id, message);
    else if (!this.#messages.delete(id)) return;
    this.#changed();
  }

  #changed(): void {
    this.#host.requestUpdate();
  }
}

/** A blank tab opened during the click, showing `text` until it gets the URL; null if blocked. */
function openBlankTab(text: string): Window | null {
  let win: Window | null = null;
  try {
    win = window.open('', '_blank');
  } catch {
    return null;
  }
  if (win) {
    try {
      win.opener = null;
      win.document.title = text;
      win.document.body.textContent = text;
    } catch {
      /* a cross-origin or closed window: nothing to write */
    }
  }
  return win;
}
