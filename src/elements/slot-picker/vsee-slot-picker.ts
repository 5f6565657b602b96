import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { AvailabilityQuery, Slot } from '../../client/types.js';
import type { VseeClientChangeDetail } from '../../client/vsee-client.js';
import { VseeElement, defineOnce, numberAttr } from '../vsee-element.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { slotPickerMessages } from '../../i18n/slot-picker.js';
import { dayKey } from '../../internal/format.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { errorPanel } from '../controllers/error-panel.js';
import { dayRange, groupSlots, rangeLabel, type DayGroup, type DayRange } from './days.js';
import { SlotGridController } from './slot-grid.js';
import { BookingController } from './booking.js';
import { LOOKAHEAD_DAYS, findNextOpen } from './next-available.js';
import { slotPickerStyles } from './vsee-slot-picker.styles.js';

const DEFAULT_DURATION = 900;
const DEFAULT_DAYS = 7;
/** Above this many slots the answer is grouped in a task of its own, so the skeleton keeps painting. */
const LARGE_ANSWER = 200;
/** Client operations after which the open times may have changed (another element on the page may call them). */
const SLOT_OPERATIONS = new Set(['createAppointment', 'updateAppointment', 'closeVisit', 'deleteVisit']);

/** Lets the browser paint and handle input between parsing a large answer and rendering it. */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve));
const nowSec = () => Date.now() / 1000;

/** One page of open times, as asked for and as grouped by local day. */
interface Loaded {
  range: DayRange;
  query: Omit<AvailabilityQuery, 'start' | 'end'>;
  providerId?: string;
  slots: Slot[];
  days: DayGroup[];
}

/**
 * Shows a provider's free appointment times grouped by day in the patient's time zone, and
 * books (or reschedules) the chosen one.
 *
 * @summary Choose an appointment time and book it.
 * @tagname vsee-slot-picker
 *
 * @fires {CustomEvent<VseeSlotSelectDetail>} vsee-slot-select - `select` mode: a slot was chosen. `detail: {slot: {start, end, providers}}`. Cancelable: `preventDefault()` keeps the previous choice.
 * @fires {CustomEvent<VseeAppointmentBookedDetail>} vsee-appointment-booked - The appointment was booked (or rescheduled with `visit-id`). `detail: {visit}`.
 * @fires {CustomEvent<VseeErrorDetail>} vsee-error - A request failed. `detail: {error, operation}` (`getAvailability`, `createAppointment`, `updateAppointment`, `getVisit`).
 *
 * @csspart header - The bar with the time zone, the range and the navigation.
 * @csspart timezone - "Times in Eastern Time".
 * @csspart nav - The previous / next buttons and the range label.
 * @csspart nav-button - The previous and next buttons.
 * @csspart range - The dates shown, e.g. "Nov 24 – 30, 2026".
 * @csspart grid - The grid of days and times.
 * @csspart day - One day's row.
 * @csspart day-heading - A day's heading.
 * @csspart slot - A time button.
 * @csspart slot-selected - The chosen time button (in addition to `slot`).
 * @csspart skeleton - The placeholder grid while times load.
 * @csspart summary - The chosen time with the book button (`book` mode).
 * @csspart book-button - "Book appointment" / "Reschedule".
 * @csspart next-available - The "Next available" button of an empty range.
 * @csspart message - Status, empty, error and confirmation messages.
 * @csspart current - The appointment being rescheduled.
 *
 * @cssprop [--vsee-slot-min-width=6.5rem] - Minimum width of a time button
 */
export class VseeSlotPicker extends VseeElement {
  static override styles = [sharedStyles, slotPickerStyles];

  /** Only this provider's slots; booking assigns this provider. */
  @property({ attribute: 'provider-id' }) providerId?: string;
  /** The intake the appointment is for (sent with the availability query and the booking). */
  @property({ attribute: 'intake-id' }) intakeId?: string;
  /** A consultation type; the API then uses its duration. */
  @property({ attribute: 'consultation-id' }) consultationId?: string;
  /** The patient the appointment is booked for. */
  @property({ attribute: 'member-id' }) memberId?: string;
  /** Length of an appointment in seconds, 60 to 86400. */
  @property({ attribute: 'duration', converter: numberAttr }) duration?: number = 900;
  /** How many days to show at once, 1 to 60. */
  @property({ attribute: 'days', converter: numberAttr }) days?: number = 7;
  /** First day to show, as Unix seconds (default now); the range starts at that day's local midnight. */
  @property({ attribute: 'start', converter: numberAttr }) start?: number;
  /** `book` (default): confirm and book the chosen time. `select`: only fire `vsee-slot-select`. */
  @property({ attribute: 'mode' }) mode: 'book' | 'select' = 'book';
  /** Reschedule this appointment instead of creating a new one. */
  @property({ attribute: 'visit-id' }) visitId?: string;

  /** Pages of `days` away from `start` (previous / next). */
  @state() private _page = 0;

  readonly #l10n = new LocalizeController(this, slotPickerMessages);
  readonly #focus = new FocusController(this);
  readonly #announcer = new AnnouncerController(this);
  readonly #grid = new SlotGridController(this, { l10n: this.#l10n, onChoose: (slot) => this.#choose(slot) });
  readonly #booking = new BookingController(this, {
    l10n: this.#l10n,
    focus: this.#focus,
    context: () => ({
      api: this.api,
      visitId: this.visitId,
      intakeId: this.intakeId,
      memberId: this.memberId,
      providerId: this.providerId,
      current: this._visit.value,
    }),
    onBooked: (visit, rescheduled) => {
      this.emit('vsee-appointment-booked', { visit });
      // The booked time is gone from the availability; a moved visit has a new time.
      void this._slots.run();
      if (rescheduled) void this._visit.run();
    },
    onTaken: () => void this._slots.run(),
    // Asked as the times shown were.
    stillOpen: async (api, slot, provider, signal) => {
      const query = this._slots.value?.query;
      if (!query) return true;
      const open = await api.getAvailability({ ...query, start: slot.start, end: slot.end }, { signal });
      return open.some((s) => s.start === slot.start && (!provider || s.providers.includes(provider)));
    },
    onError: (error, operation) => this.reportError(error, operation),
  });

  /** The open times of the page shown. */
  private _slots = new Task(this, {
    args: () =>
      [
        this.api,
        this.start,
        this.#days,
        this._page,
        this.#duration,
        this.roomCode,
        this.providerId,
        this.intakeId,
        this.consultationId,
        this.resolvedTimeZone,
      ] as const,
    task: async ([api, start, days, page, duration, roomCode, providerId, intakeId, consultationId, tz], { signal }) => {
      if (!api) return initialState;
      const range = dayRange(start ?? nowSec(), days, page, tz);
      const query = { duration, room_code: roomCode, provider_id: providerId, intake_id: intakeId, consultation_id: consultationId };
      const now = nowSec();
      let raw: Slot[] = [];
      // Past slots are never asked for (nor shown): the range starts now at the earliest.
      if (range.end > now) {
        try {
          raw = await api.getAvailability(
            { ...query, start: Math.max(range.start, Math.floor(now / 60) * 60), end: range.end },
            { signal },
          );
        } catch (error) {
          this.reportError(error, 'getAvailability');
          throw error;
        }
        if (raw.length > LARGE_ANSWER) await yieldToMain();
        signal.throwIfAborted();
      }
      const pid = providerId ? String(providerId) : undefined;
      const grouped = groupSlots(raw, range.bounds, range.keys, nowSec(), pid);
      return { range, query, providerId: pid, ...grouped } satisfies Loaded as Loaded;
    },
  });

  /** After an empty page: the next open time, to offer as a shortcut. */
  private _ahead = new Task(this, {
    args: () => [this.#emptyPage(), this.api] as const,
    task: async ([empty, api], { signal }) => {
      if (!empty || !api) return initialState;
      // A failure only means no shortcut is offered: the empty page stands.
      return findNextOpen(api, empty.range, empty.query, empty.providerId, this.resolvedTimeZone, signal);
    },
  });

  /** The appointment being rescheduled, to show its current time. */
  private _visit = new Task(this, {
    args: () => [this.api, this.visitId] as const,
    task: async ([api, visitId], { signal }) => {
      if (!api || !visitId) return initialState;
      try {
        return await api.getVisit(visitId, { signal });
      } catch (error) {
        this.reportError(error, 'getVisit');
        throw error;
      }
    },
  });

  get #days(): number {
    return this.days ?? DEFAULT_DAYS;
  }

  get #duration(): number {
    return this.duration ?? DEFAULT_DURATION;
  }

  get #mode(): 'book' | 'select' {
    return this.mode === 'select' ? 'select' : 'book';
  }

  #emptyPage(): Loaded | undefined {
    const loaded = this._slots.value;
    return loaded && loaded.slots.length === 0 && this._slots.status === TaskStatus.COMPLETE ? loaded : undefined;
  }

  protected override validateConfig(): string[] {
    const errors = super.validateConfig();
    this.checkNumber(
      errors,
      'duration',
      this.duration,
      (n) => Number.isInteger(n) && n >= 60 && n <= 86400,
      this.#l10n.msg('ruleDuration'),
    );
    this.checkNumber(errors, 'days', this.days, (n) => Number.isInteger(n) && n >= 1 && n <= 60, this.#l10n.msg('ruleDays'));
    this.checkNumber(errors, 'start', this.start, (n) => n > 0 && n < 1e11, this.#l10n.msg('ruleStart'));
    // An attribute can hold anything; removing it gives null (the default).
    const mode = this.mode as string | null | undefined;
    if (mode !== undefined && mode !== null && mode !== 'book' && mode !== 'select') {
      errors.push(this.#l10n.msg('configBadMode', { value: String(mode) }));
    }
    return errors;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('start') || changed.has('days')) this._page = 0;
    const query = ['duration', 'providerId', 'consultationId', 'intakeId', 'roomCode', 'visitId'];
    // A different query or appointment: an earlier choice may not exist any more.
    if (this.hasUpdated && query.some((p) => changed.has(p))) this.#booking.reset();
    super.willUpdate(changed);
  }

  /** Another element on the page (sharing the client) booked, moved or cancelled a visit: times changed. */
  protected override clientChanged({ operation }: VseeClientChangeDetail): void {
    // Our own booking refetches by itself once it has its answer.
    if (this.#booking.busy) return;
    if (SLOT_OPERATIONS.has(operation)) void this._slots.run();
  }

  #currentRange(): DayRange {
    return dayRange(this.start ?? nowSec(), this.#days, this._page, this.resolvedTimeZone);
  }

  #rangeLabel(range: DayRange): string {
    return rangeLabel(range, this.resolvedLocale, this.resolvedTimeZone);
  }

  // ---- Actions ---------------------------------------------------------------------------------

  #choose(slot: Slot): void {
    if (this.#mode === 'select') {
      const detail = { slot: { start: slot.start, end: slot.end, providers: [...slot.providers] } };
      if (!this.emit('vsee-slot-select', detail, { cancelable: true })) return;
    }
    this.#booking.choose(slot);
    this.#announcer.announce(this.#l10n.msg('announceChosen', { time: this.#l10n.time(slot.start), date: this.#l10n.date(slot.start) }));
  }

  #go(delta: number): void {
    if (delta < 0 && this.#atToday(this.#currentRange())) return;
    this._page += delta;
    this.#grid.setActive(undefined);
    this.#announcer.announce(this.#l10n.msg('announceRange', { range: this.#rangeLabel(this.#currentRange()) }));
  }

  #jumpTo(page: number, start: number): void {
    this._page = page;
    this.#grid.setActive(start);
    this.#focusBodyThenGrid();
    this.#announcer.announce(this.#l10n.msg('announceRange', { range: this.#rangeLabel(this.#currentRange()) }));
  }

  #retry(): void {
    void this._slots.run();
    this.#focusBodyThenGrid();
  }

  /**
   * The button the patient pressed is about to go: focus waits on the times' container while they
   * load, then moves to the grid's tab stop (or to the message that took the grid's place).
   */
  #focusBodyThenGrid(): void {
    const root = this.renderRoot;
    this.#focus.keepWhileLoading(
      root.querySelector<HTMLElement>('[data-focus="body"]'),
      () => this._slots.status === TaskStatus.COMPLETE || this._slots.status === TaskStatus.ERROR,
      () =>
        root.querySelector<HTMLElement>('[role="grid"] button[tabindex="0"]') ?? root.querySelector<HTMLElement>('[data-focus="empty"]'),
    );
  }

  #atToday(range: DayRange): boolean {
    return range.keys[0] <= dayKey(nowSec(), this.resolvedTimeZone);
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const range = this.#currentRange();
    const n = this.#days;
    return html`
      ${this.visitId ? this.#renderCurrent() : nothing}
      <div class="header" part="header">
        <p class="tz" id="tz" part="timezone">${this.#l10n.msg('timesIn', { zone: this.#l10n.zoneLabel() })}</p>
        <div class="nav" part="nav">
          <button
            type="button"
            part="nav-button"
            class="prev"
            aria-disabled=${this.#atToday(range) ? 'true' : 'false'}
            @click=${() => this.#go(-1)}
          >
            <span aria-hidden="true">‹</span> ${n === 1 ? this.#l10n.msg('prevDay') : this.#l10n.msg('prevDays', { n })}
          </button>
          <span class="range" part="range">${this.#rangeLabel(range)}</span>
          <button type="button" part="nav-button" class="next" @click=${() => this.#go(1)}>
            ${n === 1 ? this.#l10n.msg('nextDay') : this.#l10n.msg('nextDays', { n })} <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      ${this.#booking.renderOutcome()}
      <div
        class="body"
        aria-busy=${this._slots.status === TaskStatus.PENDING ? 'true' : 'false'}
        tabindex="-1"
        data-focus="body"
        @pointerover=${this.#mode === 'book' ? this.#booking.prefetch : nothing}
        @focusin=${this.#mode === 'book' ? this.#booking.prefetch : nothing}
      >
        ${this._slots.render({
          initial: () => this.#renderSkeleton(range),
          pending: () => this.#renderSkeleton(range),
          complete: (loaded) => this.#renderTimes(loaded),
          error: (error) => errorPanel(this.#l10n, { what: this.#l10n.msg('loadError'), error, retry: () => this.#retry() }),
        })}
      </div>
      ${this.#mode === 'book' ? this.#booking.render() : nothing}
      ${this.#announcer.region()}
    `;
  }

  #renderCurrent(): TemplateResult {
    const loading = () => this.#l10n.msg('loading');
    return html`<div class="current" part="current message">
      ${this._visit.render({
        initial: loading,
        pending: loading,
        complete: (visit) => this.#l10n.msg('currentAppointment', { when: this.#l10n.dateTime(visit?.start) }),
        error: (error) => errorPanel(this.#l10n, { what: this.#l10n.msg('visitLoadError'), error, retry: () => void this._visit.run() }),
      })}
    </div>`;
  }

  #renderTimes(loaded: Loaded): TemplateResult {
    if (!loaded.slots.length) return this.#renderEmpty(loaded);
    return this.#grid.render(loaded, this.#booking.chosen?.start, this.#l10n.msg('gridLabel'));
  }

  #renderSkeleton(range: DayRange): TemplateResult {
    const rows = Math.min(range.days, 3);
    return html`<div class="skeleton-grid" part="skeleton">
      <span class="visually-hidden">${this.#l10n.msg('loadingTimes')}</span>
      ${Array.from(
        { length: rows },
        () => html`<div class="skeleton-day" aria-hidden="true">
          <div class="skeleton sk-heading"></div>
          <div class="sk-slots">${Array.from({ length: 6 }, () => html`<div class="skeleton sk-slot"></div>`)}</div>
        </div>`,
      )}
    </div>`;
  }

  #renderEmpty(loaded: Loaded): TemplateResult {
    const more = this._ahead.render({
      pending: () => html`<p class="searching">${this.#l10n.msg('searching')}</p>`,
      complete: (next) =>
        next
          ? html`<button type="button" class="primary" part="next-available" @click=${() => this.#jumpTo(next.page, next.start)}>
              ${this.#l10n.msg('nextAvailable', { date: this.#l10n.date(next.start) })}
            </button>`
          : html`<p>${this.#l10n.msg('noneAhead', { n: LOOKAHEAD_DAYS })}</p>`,
    });
    return html`<div class="empty message" part="message" role="status">
      <p tabindex="-1" data-focus="empty">${this.#l10n.msg('empty', { range: this.#rangeLabel(loaded.range) })}</p>
      ${more ?? nothing}
    </div>`;
  }
}

defineOnce('vsee-slot-picker', VseeSlotPicker);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-slot-picker': VseeSlotPicker;
  }
}
