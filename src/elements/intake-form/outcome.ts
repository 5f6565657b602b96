/**
 * What the patient sees once the form was sent: the confirmation (saved, e-consult), the waiting
 * room of a walk-in (its chunk loaded on first use, see chunks.ts), and how the wait ended, with
 * *Join your visit* when the provider is ready.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Visit } from '../../client/types.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { errorPanel } from '../controllers/error-panel.js';
import type { HostAccess } from './attachments.js';
import { chunks } from './chunks.js';
import type { DraftStore } from './draft-store.js';
import type { JoinHost, JoinVisitController } from './join-visit.js';
import { minutesText } from './room-details.js';
import type { WaitEnd, WaitingRoomController } from './waiting-room.js';

export type Outcome = 'saved' | 'econsult' | 'waiting' | WaitEnd;
type CloseReason = 'patient_exit_room' | 'max_waiting_time_reached';

export interface OutcomeHost extends ReactiveControllerHost, HTMLElement, JoinHost {
  readonly maxWait?: number;
  readonly pollInterval?: number;
}

export interface OutcomeDeps extends HostAccess {
  l10n: LocalizeController<IntakeFormKey>;
  focus: FocusController;
  /** The current patient's store (it changes with the patient). */
  store: () => DraftStore;
  roomName: () => string;
  /** Fires `vsee-visit-ready` (cancelable); false when the page cancelled it. */
  visitReady: (visit: Visit) => boolean;
  visitClosed: (id: string, reason: CloseReason) => void;
  /** Whether the last save updated an existing intake ("Your changes were saved"). */
  wasUpdate: () => boolean;
}

export class OutcomeController {
  readonly #host: OutcomeHost;
  readonly #deps: OutcomeDeps;
  /** Made when the provider is ready, from the waiting room's chunk (loaded by then). */
  #join?: JoinVisitController;
  #phase?: Outcome;
  #waiting?: WaitingRoomController;
  #waitFor?: { visit: Visit; since: number };
  #chunkFailed = false;
  #offerJoin = false;

  constructor(host: OutcomeHost, deps: OutcomeDeps) {
    this.#host = host;
    this.#deps = deps;
  }

  /** None while the form is on screen. */
  get phase(): Outcome | undefined {
    return this.#phase;
  }

  /** The intake was saved (`saved`) or the e-consult sent. */
  show(phase: 'saved' | 'econsult'): void {
    this.#phase = phase;
    this.#deps.focus.request('.done');
    this.#host.requestUpdate();
  }

  /** Shows the waiting room for `visit`; `since` is set when coming back to it after a reload. */
  async wait(visit: Visit, since?: number): Promise<void> {
    const fresh = since === undefined;
    const waitFor = { visit, since: since ?? Date.now() };
    this.#waitFor = waitFor;
    // Stored before the chunk loads: a reload after a failed load still comes back to this visit.
    if (fresh) this.#deps.store().saveWaiting({ visitId: visit.id, since: waitFor.since });
    this.#phase = 'waiting';
    this.#chunkFailed = false;
    this.#host.requestUpdate();
    try {
      const { WaitingRoomController } = await chunks.waitingRoom.load();
      if (this.#waitFor !== waitFor || !this.#host.isConnected) return;
      const ended = (end: WaitEnd, v: Visit, reason?: CloseReason) => this.#ended(end, v, reason);
      this.#waiting = new WaitingRoomController(this.#host, { ...this.#deps, store: this.#deps.store(), ended }, visit, waitFor.since);
      if (fresh) this.#deps.focus.request('.waiting .title');
    } catch {
      this.#chunkFailed = true;
      this.#deps.focus.request('[data-focus=retry]');
    }
    this.#host.requestUpdate();
  }

  #ended(end: WaitEnd, visit: Visit, reason?: CloseReason): void {
    this.#waiting = undefined;
    this.#waitFor = undefined;
    this.#phase = end;
    // The provider may be ready while the patient is elsewhere on the page: focus follows only
    // from inside the form (its waiting room goes away) or from nowhere; `.done` is announced anyway.
    if (focusIsHereOrNowhere(this.#host)) this.#deps.focus.request('.done');
    if (end === 'ready') {
      this.#offerJoin = this.#deps.visitReady(visit);
      const chunk = chunks.waitingRoom.module;
      if (this.#offerJoin && chunk) this.#join = new chunk.JoinVisitController(this.#host, this.#deps.l10n, this.#deps.focus);
    }
    if (reason) this.#deps.visitClosed(visit.id, reason);
    this.#host.requestUpdate();
  }

  /** Back to the form: stops the waiting room and forgets its stored record. */
  reset(): void {
    this.#waiting?.dispose();
    this.#waiting = undefined;
    this.#waitFor = undefined;
    this.#deps.store().clearWaiting();
    this.#chunkFailed = false;
    this.#offerJoin = false;
    this.#join = undefined;
    this.#phase = undefined;
    this.#host.requestUpdate();
  }

  render(actions: { startNew: () => void; editAgain: () => void; loading: (label: string) => TemplateResult }): TemplateResult {
    const l10n = this.#deps.l10n;
    if (this.#phase === 'waiting') {
      if (this.#waiting) return this.#waiting.render();
      const waitFor = this.#waitFor;
      if (this.#chunkFailed && waitFor) {
        return errorPanel(l10n, { what: l10n.msg('waitingChunkFailed'), retry: () => void this.wait(waitFor.visit, waitFor.since) });
      }
      return actions.loading(l10n.msg('loadingWaitingRoom'));
    }
    const startNew = html`<button type="button" @click=${actions.startNew}>${l10n.msg('startNew')}</button>`;
    const joinButton = this.#offerJoin && this.#host.clinicUrl ? this.#join?.render() : undefined;
    const panels: Record<Exclude<Outcome, 'waiting'>, [IntakeFormKey, IntakeFormKey, string, TemplateResult | typeof nothing]> = {
      saved: [
        'savedTitle',
        this.#deps.wasUpdate() ? 'updatedText' : 'savedText',
        'success',
        html`<button type="button" @click=${actions.editAgain}>${l10n.msg('editAnswers')}</button>`,
      ],
      econsult: ['econsultTitle', 'econsultText', 'success', nothing],
      ready: ['readyTitle', joinButton ? 'joinText' : 'readyText', 'success', joinButton ?? nothing],
      left: ['leftTitle', 'leftText', '', startNew],
      timedout: ['timedOutTitle', 'timedOutText', 'error', startNew],
      ended: ['endedTitle', 'endedText', '', startNew],
    };
    const [title, text, tone, action] = panels[this.#phase ?? 'saved'];
    const time = minutesText(l10n, Math.round((this.#host.maxWait ?? 0) / 60));
    return html`<div class="panel">
      <div class="message done ${tone}" part="message" role="status" tabindex="-1">
        <strong class="title">${l10n.msg(title)}</strong>
        <p>${l10n.msg(text, { time })}</p>
      </div>
      ${action !== nothing ? html`<div class="actions-row">${action}</div>` : nothing}
    </div>`;
  }
}

/** Focus is in `host` (its shadow root included), or on nothing but the page itself. */
function focusIsHereOrNowhere(host: HTMLElement): boolean {
  const active = (host.getRootNode() as Document | ShadowRoot).activeElement;
  return !active || active === document.body || active === host || host.contains(active);
}
