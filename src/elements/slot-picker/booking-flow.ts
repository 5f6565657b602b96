/**
 * Why: booking a time is its own small workflow: the choice, one POST however often it is clicked,
 * a taken time, a failure, the confirmation. Its own chunk, loaded by booking.ts on the first
 * choice (fetched earlier when the patient points at or moves into the times); a picker in
 * `mode="select"` never loads it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { Slot, Visit } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import { VseeApiError } from '../../client/errors.js';
import { hasServerId } from '../../client/shapes.js';
import type { SlotPickerKey } from '../../i18n/slot-picker.js';
import { TIME, dateTimeFormat } from '../../internal/format.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { errorPanel } from '../controllers/error-panel.js';
import { PostOnce, missingId } from '../controllers/post-once.js';

/** What a booking is made with, read when it starts. */
export interface BookingContext {
  api?: VseeClient;
  /** Move this appointment instead of creating one. */
  visitId?: string;
  intakeId?: string;
  memberId?: string;
  providerId?: string;
  /** The appointment being moved, once loaded (its provider is kept when the new time has them). */
  current?: Visit;
}

export interface BookingOptions {
  l10n: LocalizeController<SlotPickerKey>;
  focus: FocusController;
  context: () => BookingContext;
  /** The appointment exists: tell the page and refresh what shows it. */
  onBooked: (visit: Visit, rescheduled: boolean) => void;
  /** Someone else took the time: the times shown are out of date. */
  onTaken: () => void;
  /** Whether the API still offers `slot` (with `provider`), asked as the times are. */
  stillOpen: (api: VseeClient, slot: Slot, provider: string | undefined, signal: AbortSignal) => Promise<boolean>;
  onError: (error: unknown, operation: 'createAppointment' | 'updateAppointment') => void;
}

interface Booked {
  visit: Visit;
  slot: Slot;
  rescheduled: boolean;
}

/** A booking refused because someone else took the slot: 409, or a message that says so. */
export function isTaken(error: unknown): boolean {
  if (!(error instanceof VseeApiError)) return false;
  if (error.status === 409 || error.code === 'conflict') return true;
  return /no longer available|not available|already (been )?(booked|taken)|slot (is |was )?taken|unavailable/i.test(
    error.serverMessage ?? '',
  );
}

/** The provider a slot is booked with: `provider-id`, else the moved visit's own, else the slot's first. */
export function providerFor(slot: Slot, providerId?: string, current?: Visit): string | undefined {
  const providers = slot.providers.map(String);
  if (providerId && providers.includes(String(providerId))) return String(providerId);
  const own = current?.provider_id;
  if (own && providers.includes(String(own))) return String(own);
  return providers[0] ?? (providerId ? String(providerId) : undefined);
}

/**
 * The chosen time and its booking (`mode="book"`): the summary with *Book appointment*
 * (*Reschedule* with `visit-id`), one request however often it is pressed, and what followed.
 */
export class BookingFlow {
  readonly #host: ReactiveControllerHost;
  readonly #options: BookingOptions;
  /** A booking without an answer may have been made: look before booking the same time again. */
  readonly #once = new PostOnce<Visit>();
  /** Synchronous guard: set before anything async, so one click or ten post once. */
  #inFlight = false;

  chosen?: Slot;
  /** The chosen time was taken by someone else meanwhile. */
  taken = false;
  error?: unknown;
  booked?: Booked;

  readonly #task: Task<readonly [VseeClient | undefined, Slot | undefined], Visit>;

  constructor(host: ReactiveControllerHost, options: BookingOptions) {
    this.#host = host;
    this.#options = options;
    // Its Task is the reactive part (added to the host); the booking itself has no lifecycle.
    this.#task = new Task(host, {
      autoRun: false,
      task: async ([api, slot], { signal }) => (api && slot ? this.#book(api, slot, signal) : initialState),
    });
  }

  /** A booking is waiting for its answer. */
  get busy(): boolean {
    return this.#inFlight;
  }

  choose(slot: Slot): void {
    this.chosen = slot;
    this.taken = false;
    this.error = undefined;
    this.booked = undefined;
    this.#host.requestUpdate();
  }

  /** A different query or appointment: an earlier choice may not exist any more. */
  reset(): void {
    this.chosen = undefined;
    this.booked = undefined;
    this.#host.requestUpdate();
  }

  book(): void {
    const { api } = this.#options.context();
    if (this.#inFlight || !this.chosen || !api) return;
    this.#inFlight = true;
    this.error = undefined;
    this.taken = false;
    // The task's pending state renders the busy button.
    void this.#task.run([api, this.chosen]);
  }

  /** Books (or moves); a time someone else took meanwhile ends quietly (`initialState`), with the notice. */
  async #book(api: VseeClient, slot: Slot, signal: AbortSignal): Promise<Visit | typeof initialState> {
    const { visitId, intakeId, memberId, providerId, current } = this.#options.context();
    const provider = providerFor(slot, providerId, current);
    const params = {
      slot_start: slot.start,
      slot_end: slot.end,
      ...(provider ? { provider_id: provider } : {}),
      ...(intakeId ? { intake_id: intakeId } : {}),
    };
    const withId = (visit: Visit): Visit => {
      if (typeof visit?.id !== 'string' || !visit.id) throw missingId('appointment');
      return visit;
    };
    try {
      // Moving an appointment is idempotent; creating one is not (see PostOnce).
      const visit = visitId
        ? withId(await api.updateAppointment(visitId, params, { signal }))
        : await this.#once.run(
            String(slot.start),
            () => findBooked(api, slot, provider, signal),
            async () => withId(await api.createAppointment({ ...params, member_id: memberId || undefined, type: 2 }, { signal })),
          );
      this.booked = { visit, slot, rescheduled: Boolean(visitId) };
      this.chosen = undefined;
      this.#host.requestUpdate();
      this.#options.focus.request('[data-focus="booked"]');
      this.#options.onBooked(visit, Boolean(visitId));
      return visit;
    } catch (error) {
      if (isTaken(error) || (await this.#takenMeanwhile(error, api, slot, provider, signal))) {
        this.chosen = undefined;
        this.taken = true;
        this.#host.requestUpdate();
        this.#options.focus.request('[data-focus="taken"]');
        this.#options.onTaken();
        return initialState;
      }
      this.error = error;
      this.#host.requestUpdate();
      this.#options.onError(error, visitId ? 'updateAppointment' : 'createAppointment');
      throw error;
    } finally {
      this.#inFlight = false;
    }
  }

  /**
   * A refusal that does not say why (a 400 or 422 in the vendor's own words: the API documents no
   * error for a time someone else took) is looked into: if the time is no longer offered, it was taken.
   */
  async #takenMeanwhile(error: unknown, api: VseeClient, slot: Slot, provider: string | undefined, signal: AbortSignal): Promise<boolean> {
    if (!(error instanceof VseeApiError) || error.code !== 'http' || (error.status !== 400 && error.status !== 422)) return false;
    try {
      return !(await this.#options.stillOpen(api, slot, provider, signal));
    } catch {
      // Cancelled: so is the booking. Not known: the refusal is shown as it came.
      signal.throwIfAborted();
      return false;
    }
  }

  /**
   * What became of the booking: "Your appointment is booked…", or "Sorry, that time was just
   * taken", focused so the patient hears it. Shown above the times, which are loaded again after
   * either: below them, the new times (a skeleton first, then the grid) pushed the focused
   * message out of view, thousands of pixels down on a phone.
   */
  renderOutcome(): TemplateResult | typeof nothing {
    const l10n = this.#options.l10n;
    if (this.booked) {
      const { slot, rescheduled } = this.booked;
      const params = { date: l10n.date(slot.start), time: l10n.time(slot.start), zone: l10n.zoneLabel() };
      return html`<p class="message success" part="message" role="status" tabindex="-1" data-focus="booked">
        ${l10n.msg(rescheduled ? 'rescheduled' : 'booked', params)}
      </p>`;
    }
    if (!this.taken) return nothing;
    return html`<p class="message error" part="message" role="alert" tabindex="-1" data-focus="taken">${l10n.msg('taken')}</p>`;
  }

  /** The chosen time with its book button. */
  render(): TemplateResult | typeof nothing {
    const l10n = this.#options.l10n;
    const slot = this.chosen;
    if (!slot) return nothing;
    const { visitId, current } = this.#options.context();
    const reschedule = Boolean(visitId);
    const busy = this.#task.status === TaskStatus.PENDING;
    const minutes = Math.round((slot.end - slot.start) / 60);
    let buttonText = l10n.msg(reschedule ? 'reschedule' : 'book');
    if (busy) buttonText = l10n.msg(reschedule ? 'rescheduling' : 'booking');
    return html`<section class="summary" part="summary" aria-labelledby="summary-title">
      <p class="summary-title" id="summary-title">${l10n.msg('summaryTitle')}</p>
      <dl>
        ${
          reschedule
            ? html`<div>
              <dt>${l10n.msg('currentTime')}</dt>
              <dd>${current ? l10n.dateTime(current.start) : l10n.msg('unknown')}</dd>
            </div>`
            : nothing
        }
        <div><dt>${l10n.msg(reschedule ? 'newTime' : 'date')}</dt><dd>${l10n.date(slot.start)}</dd></div>
        <div><dt>${l10n.msg('time')}</dt><dd>${slotTimes(l10n, slot)}</dd></div>
        <div><dt>${l10n.msg('timeZone')}</dt><dd>${l10n.zoneLabel()}</dd></div>
        <div><dt>${l10n.msg('duration')}</dt><dd>${l10n.msg('minutes', { n: minutes })}</dd></div>
      </dl>
      ${
        this.error !== undefined
          ? // No Try again of its own: the book button below is it, and keeps the focus.
            errorPanel(l10n, { what: l10n.msg(reschedule ? 'rescheduleFailed' : 'bookFailed'), error: this.error })
          : nothing
      }
      <button type="button" class="primary" part="book-button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.book()}>
        ${buttonText}
      </button>
    </section>`;
  }
}

/** The patient's appointment at this slot's time, if an unanswered booking made it. */
async function findBooked(api: VseeClient, slot: Slot, provider: string | undefined, signal: AbortSignal): Promise<Visit | undefined> {
  const visits = await api.listVisits({ signal });
  return visits.find(
    (v) =>
      v.start === slot.start &&
      v.status !== 40 &&
      hasServerId(v) &&
      (!provider || v.provider_id === undefined || String(v.provider_id) === provider),
  );
}

/** "9:00 – 9:30 AM" */
function slotTimes(l10n: LocalizeController<string>, slot: Slot): string {
  return dateTimeFormat(l10n.locale, l10n.timeZone, TIME).formatRange(slot.start * 1000, slot.end * 1000);
}
