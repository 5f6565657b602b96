/**
 * The waiting room of a walk-in: polls the visit until the provider picks it up (with a gentle
 * backoff, paused while the page is hidden), counts the time waited, closes the visit when the
 * patient leaves or `max-wait` runs out, and keeps its record in the draft store so a reload
 * comes back here instead of starting a second visit. Its own chunk (see chunks.ts), requested
 * while the walk-in POST is in flight.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isAbortError } from '../../client/errors.js';
import type { Visit, VseeRecord } from '../../client/types.js';
import type { HostAccess } from './attachments.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { errorPanel } from '../controllers/error-panel.js';
import type { DraftStore } from './draft-store.js';
import { minutesText } from './room-details.js';

// *Join your visit* follows only a wait: it travels in this chunk (see join-visit.ts).
export { JoinVisitController } from './join-visit.js';

/** How the wait ended. */
export type WaitEnd = 'ready' | 'ended' | 'left' | 'timedout';
type CloseReason = 'patient_exit_room' | 'max_waiting_time_reached';

export interface WaitingRoomHost extends ReactiveControllerHost, HTMLElement {
  /** Seconds between checks. */
  readonly pollInterval?: number;
  /** Seconds before the room closes the visit. */
  readonly maxWait?: number;
}

export class WaitingRoomController implements ReactiveController {
  readonly #host: WaitingRoomHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #focus: FocusController;
  readonly #store: DraftStore;
  readonly #roomName: () => string;
  readonly #access: HostAccess;
  readonly #ended: (end: WaitEnd, visit: Visit, reason?: CloseReason) => void;
  #visit: Visit;
  #since: number;
  #active = true;
  #pollTimer?: ReturnType<typeof setTimeout>;
  #tickTimer?: ReturnType<typeof setInterval>;
  #maxWaitTimer?: ReturnType<typeof setTimeout>;
  #pollDelay = 0;
  #failures = 0;
  #pollAbort?: AbortController;
  #trouble = false;
  #confirmLeave = false;
  #closing = false;
  #closeError?: unknown;

  /** Starts waiting for `visit`, waited for since `since` (now, or before a reload: the store's record). */
  constructor(
    host: WaitingRoomHost,
    deps: HostAccess & {
      l10n: LocalizeController<IntakeFormKey>;
      focus: FocusController;
      store: DraftStore;
      roomName: () => string;
      /** The wait is over; `visit` is the last answer (for `ready`), `reason` why it was closed. */
      ended: (end: WaitEnd, visit: Visit, reason?: CloseReason) => void;
    },
    visit: Visit,
    since: number,
  ) {
    this.#host = host;
    this.#l10n = deps.l10n;
    this.#focus = deps.focus;
    this.#store = deps.store;
    this.#roomName = deps.roomName;
    this.#access = deps;
    this.#ended = deps.ended;
    this.#visit = visit;
    this.#since = since;
    host.addController(this); // connected already: hostConnected runs now and starts watching
  }

  get visitId(): string {
    return this.#visit.id;
  }

  hostConnected(): void {
    if (!this.#active) return;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#resume();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  /** Stops everything for good and forgets the stored record (a new form, another patient). */
  dispose(): void {
    this.#active = false;
    this.hostDisconnected();
    this.#store.clearWaiting();
    this.#host.removeController(this);
  }

  get #pollMs(): number {
    const s = this.#host.pollInterval;
    return s && s > 0 ? s * 1000 : 4000;
  }

  #resume(): void {
    this.#stop();
    this.#failures = 0;
    const maxWait = this.#host.maxWait;
    if (maxWait && maxWait > 0) {
      const left = this.#since + maxWait * 1000 - Date.now();
      this.#maxWaitTimer = setTimeout(() => void this.#close('max_waiting_time_reached'), Math.max(0, left));
    }
    this.#watch();
  }

  /** Polls the visit and ticks the waited time (after a failed close too, with no new max-wait timer). */
  #watch(): void {
    this.#pollDelay = this.#pollMs;
    this.#tickTimer = setInterval(() => this.#host.requestUpdate(), Math.min(15_000, Math.max(1000, this.#pollMs)));
    this.#schedule(this.#pollDelay);
  }

  #stop(): void {
    clearTimeout(this.#pollTimer);
    clearInterval(this.#tickTimer);
    clearTimeout(this.#maxWaitTimer);
    this.#pollTimer = this.#tickTimer = this.#maxWaitTimer = undefined;
    this.#pollAbort?.abort();
    this.#pollAbort = undefined;
  }

  #end(end: WaitEnd, visit: Visit, reason?: CloseReason): void {
    this.dispose();
    this.#ended(end, visit, reason);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#pollTimer);
    // While the page is hidden nothing is polled; visibilitychange resumes.
    if (document.hidden || !this.#host.isConnected || !this.#active) return;
    this.#pollTimer = setTimeout(() => void this.#poll(), ms);
  }

  #onVisibility = () => {
    if (document.hidden) {
      clearTimeout(this.#pollTimer);
      this.#pollAbort?.abort();
    } else {
      this.#host.requestUpdate();
      this.#schedule(0);
    }
  };

  async #poll(): Promise<void> {
    const api = this.#access.api();
    const id = this.#visit.id;
    if (!api || !this.#active || this.#closing) return;
    const controller = new AbortController();
    this.#pollAbort = controller;
    try {
      const visit = await api.getVisit(id, { signal: controller.signal });
      if (!this.#active || controller.signal.aborted) return;
      this.#failures = 0;
      this.#trouble = false;
      // The id we asked for stays, whatever the answer carried.
      this.#visit = { ...this.#visit, ...visit, id };
      this.#host.requestUpdate();
      const started = visit.status === 25 || (typeof visit.actual_start === 'number' && visit.actual_start > 0);
      if (started) return this.#end('ready', visit);
      if (visit.status === 30 || visit.status === 40) return this.#end('ended', visit);
      // Gentle backoff: a long wait needs fewer checks.
      this.#pollDelay = Math.min(this.#pollDelay * 1.25, Math.max(this.#pollMs, 15_000));
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) return;
      this.#failures++;
      if (this.#failures >= 2) this.#trouble = true;
      if (this.#failures === 2) this.#access.reportError(e, 'getVisit');
      this.#pollDelay = Math.min(this.#pollDelay * 2, Math.max(this.#pollMs, 60_000));
      this.#host.requestUpdate();
    }
    if (this.#active) this.#schedule(this.#pollDelay);
  }

  async #close(reason: CloseReason): Promise<void> {
    const api = this.#access.api();
    if (!api || this.#closing || !this.#active) return;
    this.#closing = true;
    this.#closeError = undefined;
    this.#stop();
    this.#host.requestUpdate();
    try {
      await api.closeVisit(this.#visit.id, reason);
      this.#confirmLeave = false;
      this.#end(reason === 'patient_exit_room' ? 'left' : 'timedout', this.#visit, reason);
    } catch (e) {
      this.#access.reportError(e, 'closeVisit');
      this.#closeError = e;
      // Still waiting as far as the clinic knows: keep watching.
      if (reason === 'max_waiting_time_reached') this.#confirmLeave = false;
      this.#watch();
    } finally {
      this.#closing = false;
      this.#host.requestUpdate();
    }
  }

  #askLeave = () => {
    this.#confirmLeave = true;
    this.#host.requestUpdate();
    this.#focus.request('#leave-cancel');
  };

  #cancelLeave = () => {
    this.#confirmLeave = false;
    this.#host.requestUpdate();
    this.#focus.request('#leave');
  };

  /** The room's name as the visit knows it, else the host's. */
  #room(): string {
    const name = (this.#visit.room as VseeRecord | undefined)?.name;
    return (typeof name === 'string' && name.trim()) || this.#roomName();
  }

  render(): TemplateResult {
    const l10n = this.#l10n;
    const waited = minutesText(l10n, Math.floor((Date.now() - this.#since) / 60_000));
    return html`<section class="waiting" part="waiting-room" aria-labelledby="waiting-title">
      <strong id="waiting-title" class="title" tabindex="-1">${l10n.msg('waitingTitle')}</strong>
      <div role="status" aria-live="polite">
        <p>${l10n.msg('waitingIn', { room: this.#room() })}</p>
        <p>${l10n.msg('waitingKeepOpen')}</p>
        ${this.#trouble ? html`<p class="note">${l10n.msg('waitingCheckFailed')}</p>` : nothing}
      </div>
      <p class="timer" role="timer">${l10n.msg('waitedFor', { time: waited })}</p>
      ${
        this.#closeError !== undefined
          ? // No Try again of its own: "Leave the waiting room" below is it.
            errorPanel(l10n, { what: l10n.msg('leaveFailed'), error: this.#closeError })
          : nothing
      }
      ${
        this.#confirmLeave
          ? this.#renderConfirm()
          : html`<div class="actions-row">
              <button type="button" class="danger" id="leave" @click=${this.#askLeave}>${l10n.msg('leaveRoom')}</button>
            </div>`
      }
    </section>`;
  }

  #renderConfirm(): TemplateResult {
    const l10n = this.#l10n;
    // Escape backs out, as it does from the visit list's cancel confirmation.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Ours even while leaving (a dialog around the form must not close on it).
      e.stopPropagation();
      if (!this.#closing) this.#cancelLeave();
    };
    return html`<div class="confirm" role="group" aria-labelledby="leave-q" @keydown=${onKey}>
      <p id="leave-q">${l10n.msg('leaveQuestion')}</p>
      <div class="actions-row">
        <button
          type="button"
          class="danger primary"
          id="leave-confirm"
          aria-disabled=${this.#closing ? 'true' : 'false'}
          @click=${() => void this.#close('patient_exit_room')}
        >
          ${this.#closing ? l10n.msg('leaving') : l10n.msg('leaveConfirm')}
        </button>
        <button type="button" id="leave-cancel" @click=${this.#cancelLeave}>${l10n.msg('stay')}</button>
      </div>
    </div>`;
  }
}
