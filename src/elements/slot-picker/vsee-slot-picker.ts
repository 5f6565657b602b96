import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { AvailabilityQuery, Slot, Visit } from '../../client/types.js';
import type { VseeClient, VseeClientChangeDetail } from '../../client/vsee-client.js';
import { VseeApiError } from '../../client/errors.js';
import { VseeElement, defineOnce, numberAttr } from '../vsee-element.js';
import { LocalizeController } from '../controllers/localize.js';
import { FocusController } from '../controllers/focus.js';
import { AnnouncerController } from '../controllers/announcer.js';
import { errorPanel } from '../controllers/error-panel.js';
import { PostOnce, missingId } from '../controllers/post-once.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { slotPickerMessages } from '../../i18n/slot-picker.js';
import { format } from '../../i18n/i18n.js';
import { dateTimeFormat, dayKey, formatTime } from '../../internal/format.js';
import { addDays, daysBetween, groupSlots, keyOf, localDay, localMidnight, type DayGroup, type LocalDay } from './days.js';
import { slotPickerStyles } from './vsee-slot-picker.styles.js';

const DEFAULT_DURATION = 900;
const DEFAULT_DAYS = 7;
/** How far past an empty range we look for the next open time, and in how large requests. */
const LOOKAHEAD_DAYS = 60;
const LOOKAHEAD_CHUNK = 14;
/** Slot buttons rendered per task at most (whole days). */
const RENDER_CHUNK = 200;

/** Lets the browser paint and handle input between parsing a large answer and rendering it. */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve));

/** A range of whole local days: `bounds` are the `days + 1` local midnights that split it. */
interface DayRange {
  day0: LocalDay;
  days: number;
  page: number;
  bounds: number[];
  keys: string[];
  start: number;
  end: number;
}

interface Loaded {
  range: DayRange;
  query: Omit<AvailabilityQuery, 'start' | 'end'>;
  providerId?: string;
  slots: Slot[];
  days: DayGroup[];
}

/** Labels for one loaded range in one locale and zone, computed once (not per render). */
interface View {
  loaded: Loaded;
  times: string[];
  labels: string[];
  dayLabels: string[];
}

interface Booked {
  visit: Visit;
  slot: Slot;
  rescheduled: boolean;
}

const nowSec = () => Date.now() / 1000;

/** A booking refused because someone else took the slot: 409, or a message that says so. */
function isTaken(error: unknown): boolean {
  if (!(error instanceof VseeApiError)) return false;
  if (error.status === 409 || error.code === 'conflict') return true;
  return /no longer available|not available|already (been )?(booked|taken)|slot (is |was )?taken|unavailable/i.test(
    error.serverMessage ?? '',
  );
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
 * @cssprop --vsee-color-primary - Buttons, the chosen time and the focus ring.
 * @cssprop --vsee-color-text - Text.
 * @cssprop --vsee-color-surface - Background.
 * @cssprop --vsee-color-danger - Error messages.
 * @cssprop --vsee-font-family - Font.
 * @cssprop --vsee-radius - Corner radius.
 * @cssprop --vsee-slot-min-width - Minimum width of a time button (default 6.5rem).
 */
export class VseeSlotPicker extends VseeElement {
  static override styles = [sharedStyles, slotPickerStyles];
  readonly #l10n = new LocalizeController(this, slotPickerMessages);
  readonly #focus = new FocusController(this);
  readonly #announcer = new AnnouncerController(this);
  /** A booking without an answer may have been made: look before booking the same time again. */
  readonly #bookOnce = new PostOnce<Visit>();

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
  @state() private _chosen?: Slot;
  @state() private _taken = false;
  @state() private _bookError?: unknown;
  @state() private _booked?: Booked;

  /** The slot with the grid's single tab stop (roving tabindex), by start time. */
  #activeStart?: number;
  /** Synchronous guard: a double click must not post twice. */
  #booking = false;
  #view?: View;
  #viewKey = '';
  /** Days of the current view rendered so far; the rest follow a chunk per task. */
  #shownDays = 0;
  /** The view each rendered day was last rendered with; days lagging behind catch up per task. */
  #dayViews: View[] = [];
  #chunkTimer?: ReturnType<typeof setTimeout>;

  private _slots = new Task(this, {
    args: () =>
      [this.api, this.start, this.#days, this._page, this.#duration, this.roomCode, this.providerId, this.intakeId, this.consultationId, this.resolvedTimeZone] as const,
    task: async ([api, start, days, page, duration, roomCode, providerId, intakeId, consultationId, tz], { signal }) => {
      if (!api) return initialState;
      const range = this.#rangeFor(start, days, page, tz);
      const query = {
        duration, room_code: roomCode, provider_id: providerId, intake_id: intakeId, consultation_id: consultationId,
      };
      const now = nowSec();
      let raw: Slot[] = [];
      // Past slots are never asked for (nor shown): the range starts now at the earliest.
      if (range.end > now) {
        try {
          raw = await api.getAvailability({ ...query, start: Math.max(range.start, Math.floor(now / 60) * 60), end: range.end }, { signal });
        } catch (error) {
          this.reportError(error, 'getAvailability');
          throw error;
        }
        if (raw.length > RENDER_CHUNK) await yieldToMain();
        signal.throwIfAborted();
      }
      const pid = providerId ? String(providerId) : undefined;
      const grouped = groupSlots(raw, range.bounds, range.keys, nowSec(), pid);
      return { range, query, providerId: pid, ...grouped } satisfies Loaded as Loaded;
    },
  });

  /** After an empty range: the next open time within `LOOKAHEAD_DAYS`, searched a chunk at a time. */
  private _ahead = new Task(this, {
    args: () => {
      const loaded = this._slots.status === TaskStatus.COMPLETE ? this._slots.value : undefined;
      return [loaded && loaded.slots.length === 0 ? loaded : undefined, this.api] as const;
    },
    task: async ([loaded, api], { signal }) => {
      if (!loaded || !api) return initialState;
      const { range } = loaded;
      const tz = this.resolvedTimeZone;
      for (let offset = 0; offset < LOOKAHEAD_DAYS; offset += LOOKAHEAD_CHUNK) {
        const fromDay = addDays(range.day0, range.days + offset);
        const toDay = addDays(fromDay, Math.min(LOOKAHEAD_CHUNK, LOOKAHEAD_DAYS - offset));
        const start = localMidnight(fromDay, tz);
        const end = localMidnight(toDay, tz);
        if (end <= nowSec()) continue;
        // A failed look-ahead only means we cannot offer a shortcut; the empty range stands.
        const raw = await api.getAvailability({ ...loaded.query, start: Math.max(start, Math.floor(nowSec() / 60) * 60), end }, { signal });
        const now = nowSec();
        let first: Slot | undefined;
        for (const s of raw) {
          if (!(s.start > now) || s.start < start || s.start >= end) continue;
          if (loaded.providerId && !s.providers.map(String).includes(loaded.providerId)) continue;
          if (!first || s.start < first.start) first = s;
        }
        if (first) {
          const day = daysBetween(range.day0, localDay(first.start, tz));
          return { start: first.start, page: range.page + Math.floor(day / range.days) };
        }
      }
      return null;
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

  private _book = new Task(this, {
    autoRun: false,
    args: () => [this.api, this._chosen, this.visitId] as const,
    task: async ([api, slot, visitId]: readonly [VseeClient | undefined, Slot | undefined, string | undefined], { signal }) => {
      if (!api || !slot) return initialState;
      const provider = this.#providerFor(slot);
      const params = {
        slot_start: slot.start,
        slot_end: slot.end,
        ...(provider ? { provider_id: provider } : {}),
        ...(this.intakeId ? { intake_id: this.intakeId } : {}),
      };
      const withId = (visit: Visit) => {
        if (typeof visit?.id !== 'string' || !visit.id) throw missingId('appointment');
        return visit;
      };
      try {
        // Moving an appointment is idempotent; creating one is not (see PostOnce).
        const visit = visitId
          ? withId(await api.updateAppointment(visitId, params, { signal }))
          : await this.#bookOnce.run(
              String(slot.start),
              () => this.#findBooked(api, slot, provider, signal),
              async () => withId(await api.createAppointment({ ...params, member_id: this.memberId || undefined, type: 2 }, { signal })),
            );
        this.#booking = false;
        this._booked = { visit, slot, rescheduled: Boolean(visitId) };
        this._chosen = undefined;
        this.#focus.request('[data-focus="booked"]');
        this.emit('vsee-appointment-booked', { visit });
        // The booked time is gone from the availability; a rescheduled visit has a new time.
        void this._slots.run();
        if (visitId) void this._visit.run();
        return visit;
      } catch (error) {
        this.#booking = false;
        if (isTaken(error)) {
          this._chosen = undefined;
          this._taken = true;
          this.#focus.request('[data-focus="taken"]');
          void this._slots.run();
          return initialState;
        }
        this._bookError = error;
        this.reportError(error, visitId ? 'updateAppointment' : 'createAppointment');
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

  protected override validateConfig(): string[] {
    const errors = super.validateConfig();
    this.checkNumber(errors, 'duration', this.duration, (n) => Number.isInteger(n) && n >= 60 && n <= 86400, this.#l10n.msg('ruleDuration'));
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
    if (['duration', 'providerId', 'consultationId', 'intakeId', 'roomCode', 'visitId'].some((p) => changed.has(p))) {
      // A different query or appointment: an earlier choice may not exist any more.
      if (this.hasUpdated) {
        this._chosen = undefined;
        this._booked = undefined;
      }
    }
    super.willUpdate(changed);
  }

  /** The local days of a page: `days` local midnights from the day of `start` (or today). */
  #rangeFor(start: number | undefined, days: number, page: number, tz: string): DayRange {
    const base = localDay(start ?? nowSec(), tz);
    const day0 = addDays(base, page * days);
    const bounds: number[] = [];
    const keys: string[] = [];
    for (let i = 0; i <= days; i++) {
      const d = addDays(day0, i);
      bounds.push(localMidnight(d, tz));
      keys.push(keyOf(d));
    }
    return { day0, days, page, bounds, keys, start: bounds[0], end: bounds[days] };
  }

  #currentRange(): DayRange {
    return this.#rangeFor(this.start, this.#days, this._page, this.resolvedTimeZone);
  }

  /** The patient's appointment at this slot's time, if an unanswered booking made it. */
  async #findBooked(api: VseeClient, slot: Slot, provider: string | undefined, signal: AbortSignal): Promise<Visit | undefined> {
    const visits = await api.listVisits({ signal });
    return visits.find(
      (v) =>
        v.start === slot.start &&
        v.status !== 40 &&
        !v.id.startsWith('unknown-') &&
        (!provider || v.provider_id === undefined || String(v.provider_id) === provider),
    );
  }

  #providerFor(slot: Slot): string | undefined {
    const providers = slot.providers.map(String);
    if (this.providerId && providers.includes(String(this.providerId))) return String(this.providerId);
    const current = this._visit.value?.provider_id;
    if (this.visitId && current && providers.includes(String(current))) return String(current);
    return providers[0] ?? (this.providerId ? String(this.providerId) : undefined);
  }

  // ---- Labels ----------------------------------------------------------------------------------

  #viewOf(loaded: Loaded): View {
    const locale = this.resolvedLocale;
    const tz = this.resolvedTimeZone;
    const key = `${locale}|${tz}`;
    if (this.#view?.loaded === loaded && this.#viewKey === key) return this.#view;
    const n = loaded.slots.length;
    // New data starts again from the first days; new labels for the same data replace the
    // rendered days a chunk at a time (see #renderGrid).
    if (this.#view?.loaded !== loaded) {
      this.#shownDays = 0;
      this.#dayViews = [];
    }
    this.#view = { loaded, times: new Array<string>(n), labels: new Array<string>(n), dayLabels: [] };
    this.#viewKey = key;
    return this.#view;
  }

  /** Formats one day's labels the first time the day renders (Intl formatters are cached). */
  #labelDay(view: View, d: number): void {
    if (view.dayLabels[d] !== undefined) return;
    const { slots } = view.loaded;
    const day = view.loaded.days[d];
    const locale = this.resolvedLocale;
    const tz = this.resolvedTimeZone;
    const unknown = this.#l10n.msg('unknown');
    // Noon of the day is safely inside it whatever the DST change.
    const dayLabel = dateTimeFormat(locale, tz, { weekday: 'long', month: 'long', day: 'numeric' }).format((day.start + 12 * 3600) * 1000);
    const template = this.#l10n.msg('slotLabel');
    let seen: Set<string> | undefined = new Set();
    for (let i = day.from; i < day.to; i++) {
      const time = formatTime(slots[i].start, locale, tz, unknown);
      view.times[i] = time;
      if (seen?.has(time)) seen = undefined;
      else seen?.add(time);
    }
    // When the clock falls back, 1:30 AM happens twice: name the zone (EDT / EST) that day.
    const zoned = seen ? undefined : dateTimeFormat(locale, tz, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    for (let i = day.from; i < day.to; i++) {
      if (zoned) view.times[i] = zoned.format(slots[i].start * 1000);
      view.labels[i] = format(template, { time: view.times[i], date: dayLabel });
    }
    view.dayLabels[d] = dayLabel;
  }

  /**
   * How many days to render now. A long range renders a chunk of days per task, so ~4,000
   * buttons never block the main thread for long; the day holding the tab stop comes first.
   */
  #daysToShow(view: View): number {
    const { days, slots } = view.loaded;
    let count = this.#shownDays;
    let budget = 0;
    while (count < days.length && (budget === 0 || budget + (days[count].to - days[count].from) <= RENDER_CHUNK)) {
      budget += days[count].to - days[count].from;
      count++;
    }
    if (this.#activeStart !== undefined && slots.length) {
      count = Math.max(count, this.#dayOf(days, this.#indexAt(slots, this.#activeStart)) + 1);
    }
    this.#shownDays = count;
    return count;
  }

  #rangeLabel(range: DayRange): string {
    const f = dateTimeFormat(this.resolvedLocale, this.resolvedTimeZone, { month: 'short', day: 'numeric', year: 'numeric' });
    const first = (range.bounds[0] + 12 * 3600) * 1000;
    const last = (range.bounds[range.days - 1] + 12 * 3600) * 1000;
    return range.days === 1 ? f.format(first) : f.formatRange(first, last);
  }

  #slotDate(slot: Slot): string {
    return dateTimeFormat(this.resolvedLocale, this.resolvedTimeZone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(
      slot.start * 1000,
    );
  }

  #slotTimes(slot: Slot): string {
    return dateTimeFormat(this.resolvedLocale, this.resolvedTimeZone, { hour: 'numeric', minute: '2-digit' }).formatRange(slot.start * 1000, slot.end * 1000);
  }

  // ---- Actions ---------------------------------------------------------------------------------

  #choose(slot: Slot): void {
    if (this.#mode === 'select') {
      const detail = { slot: { start: slot.start, end: slot.end, providers: [...slot.providers] } };
      if (!this.emit('vsee-slot-select', detail, { cancelable: true })) return;
    }
    this._chosen = slot;
    this._taken = false;
    this._bookError = undefined;
    this._booked = undefined;
    this.#announcer.announce(this.#l10n.msg('announceChosen', { time: this.#l10n.time(slot.start), date: this.#slotDate(slot) }));
  }

  #go(delta: number): void {
    const range = this.#currentRange();
    if (delta < 0 && range.keys[0] <= dayKey(nowSec(), this.resolvedTimeZone)) return;
    this._page += delta;
    this.#activeStart = undefined;
    this.#announcer.announce(this.#l10n.msg('announceRange', { range: this.#rangeLabel(this.#currentRange()) }));
  }

  #jumpTo(page: number, start: number): void {
    this._page = page;
    this.#activeStart = start;
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
    root.querySelector<HTMLElement>('[data-focus="body"]')?.focus();
    this.#focus.request(() => {
      const status = this._slots.status;
      if (status !== TaskStatus.COMPLETE && status !== TaskStatus.ERROR) return undefined;
      return (
        root.querySelector<HTMLElement>('[role="grid"] button[tabindex="0"]') ??
        root.querySelector<HTMLElement>('[data-focus="empty"], [data-focus="retry"]')
      );
    });
  }

  #onBook(): void {
    if (this.#booking || !this._chosen || !this.api) return;
    // Set before anything async and cleared by the task itself: one click or ten post once.
    this.#booking = true;
    this._bookError = undefined;
    this._taken = false;
    void this._book.run([this.api, this._chosen, this.visitId]);
  }

  // ---- The grid: one tab stop, arrow keys (APG layout grid) --------------------------------------

  #slotButton(i: number): HTMLButtonElement | null {
    return (this.renderRoot as ShadowRoot).getElementById?.(`slot-${i}`) as HTMLButtonElement | null;
  }

  #indexOf(target: EventTarget | null): number {
    const el = target instanceof Element ? target.closest('button[id^="slot-"]') : null;
    return el ? Number(el.id.slice(5)) : -1;
  }

  /** Index of the slot at `start`, else the nearest later one (binary search). */
  #indexAt(slots: Slot[], start: number): number {
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slots[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, slots.length - 1);
  }

  #dayOf(days: DayGroup[], i: number): number {
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid].from <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Moves the single tab stop without a render: only two attributes change. */
  #setActive(i: number, focus: boolean): void {
    const view = this.#view;
    const target = this.#slotButton(i);
    if (!view || !target) return;
    const prev = this.#activeStart === undefined ? null : this.#slotButton(this.#indexAt(view.loaded.slots, this.#activeStart));
    if (prev && prev !== target) prev.tabIndex = -1;
    target.tabIndex = 0;
    this.#activeStart = view.loaded.slots[i].start;
    if (focus) target.focus();
  }

  #onGridKey = (e: KeyboardEvent): void => {
    const view = this.#view;
    const i = this.#indexOf(e.target);
    if (!view || i < 0 || e.altKey || e.metaKey) return;
    const { days, slots } = view.loaded;
    const d = this.#dayOf(days, i);
    const day = days[d];
    let next: number;
    switch (e.key) {
      case 'ArrowRight': next = Math.min(i + 1, slots.length - 1); break;
      case 'ArrowLeft': next = Math.max(i - 1, 0); break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const other = days[d + (e.key === 'ArrowDown' ? 1 : -1)];
        next = other ? Math.min(other.from + (i - day.from), other.to - 1) : i;
        break;
      }
      case 'Home': next = e.ctrlKey ? 0 : day.from; break;
      case 'End': next = e.ctrlKey ? slots.length - 1 : day.to - 1; break;
      default: return;
    }
    e.preventDefault();
    this.#setActive(next, true);
  };

  #onGridClick = (e: Event): void => {
    const view = this.#view;
    const i = this.#indexOf(e.target);
    if (!view || i < 0) return;
    this.#setActive(i, false);
    this.#choose(view.loaded.slots[i]);
  };

  #onGridFocus = (e: FocusEvent): void => {
    const i = this.#indexOf(e.target);
    if (i >= 0) this.#setActive(i, false);
  };

  #scheduleChunk(): void {
    const view = this.#view;
    const showing = this._slots.status === TaskStatus.COMPLETE && this._slots.value === view?.loaded;
    // A removed picker must not keep rendering days nobody will see.
    if (!view || !showing || this.#chunkTimer !== undefined || !this.isConnected) return;
    if (this.#shownDays >= view.loaded.days.length && this.#dayViews.every((v) => v === view)) return;
    this.#chunkTimer = setTimeout(() => {
      this.#chunkTimer = undefined;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#chunkTimer);
    this.#chunkTimer = undefined;
  }

  /** Another element on the page (sharing the client) booked, moved or cancelled a visit: times changed. */
  protected override clientChanged({ operation }: VseeClientChangeDetail): void {
    // Our own booking refetches by itself once it has its answer.
    if (this.#booking) return;
    if (['createAppointment', 'updateAppointment', 'closeVisit', 'deleteVisit'].includes(operation)) void this._slots.run();
  }

  /** After a render: exactly one slot button is in the tab order. */
  #syncRovingTabindex(): void {
    const view = this.#view;
    const root = this.renderRoot as ShadowRoot;
    const grid = root.querySelector('[role="grid"]');
    if (!view || !grid || !view.loaded.slots.length) return;
    const slots = view.loaded.slots;
    const wanted = this.#activeStart ?? this._chosen?.start ?? slots[0].start;
    const i = this.#indexAt(slots, wanted);
    for (const el of grid.querySelectorAll<HTMLElement>('button[tabindex="0"]')) if (el.id !== `slot-${i}`) el.tabIndex = -1;
    const target = this.#slotButton(i);
    if (target) target.tabIndex = 0;
    this.#activeStart = slots[i].start;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncRovingTabindex();
    this.#scheduleChunk();
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const range = this.#currentRange();
    const atToday = range.keys[0] <= dayKey(nowSec(), this.resolvedTimeZone);
    const n = this.#days;
    const pending = this._slots.status === TaskStatus.PENDING;
    return html`
      ${this.visitId ? this.#renderCurrent() : nothing}
      <div class="header" part="header">
        <p class="tz" id="tz" part="timezone">${this.#l10n.msg('timesIn', { zone: this.#l10n.zoneLabel() })}</p>
        <div class="nav" part="nav">
          <button
            type="button"
            part="nav-button"
            class="prev"
            aria-disabled=${atToday ? 'true' : 'false'}
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
      ${this._taken
        ? html`<p class="message error" part="message" role="alert" tabindex="-1" data-focus="taken">${this.#l10n.msg('taken')}</p>`
        : nothing}
      <div class="body" aria-busy=${pending ? 'true' : 'false'} tabindex="-1" data-focus="body">
        ${this.#renderBody(range)}
      </div>
      ${this.#mode === 'book' ? this.#renderSummary() : nothing}
      ${this.#announcer.region()}
    `;
  }

  #renderCurrent(): TemplateResult {
    const v = this._visit;
    let text: string | TemplateResult;
    if (v.status === TaskStatus.ERROR) {
      text = errorPanel(this.#l10n, { what: this.#l10n.msg('visitLoadError'), error: v.error, retry: () => void v.run() });
    } else if (v.status === TaskStatus.COMPLETE && v.value) {
      text = this.#l10n.msg('currentAppointment', { when: this.#l10n.dateTime(v.value.start) });
    } else {
      text = this.#l10n.msg('loading');
    }
    return html`<div class="current" part="current message">${text}</div>`;
  }

  #renderBody(range: DayRange): TemplateResult | typeof nothing {
    switch (this._slots.status) {
      case TaskStatus.INITIAL:
      case TaskStatus.PENDING:
        return this.#renderSkeleton(range);
      case TaskStatus.ERROR:
        return errorPanel(this.#l10n, { what: this.#l10n.msg('loadError'), error: this._slots.error, retry: () => this.#retry() });
      case TaskStatus.COMPLETE: {
        const loaded = this._slots.value;
        if (!loaded) return nothing;
        if (!loaded.slots.length) return this.#renderEmpty(loaded);
        return this.#renderGrid(this.#viewOf(loaded));
      }
    }
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
    const ahead = this._ahead;
    let more: TemplateResult | typeof nothing = nothing;
    if (ahead.status === TaskStatus.PENDING) {
      more = html`<p class="searching">${this.#l10n.msg('searching')}</p>`;
    } else if (ahead.status === TaskStatus.COMPLETE && ahead.value) {
      const next = ahead.value;
      more = html`<button
        type="button"
        class="primary"
        part="next-available"
        @click=${() => this.#jumpTo(next.page, next.start)}
      >
        ${this.#l10n.msg('nextAvailable', { date: this.#l10n.date(next.start) })}
      </button>`;
    } else if (ahead.status === TaskStatus.COMPLETE) {
      more = html`<p>${this.#l10n.msg('noneAhead', { n: LOOKAHEAD_DAYS })}</p>`;
    }
    return html`<div class="empty message" part="message" role="status">
      <p tabindex="-1" data-focus="empty">${this.#l10n.msg('empty', { range: this.#rangeLabel(loaded.range) })}</p>
      ${more}
    </div>`;
  }

  #renderGrid(view: View): TemplateResult {
    const chosen = this._chosen?.start;
    const { days, slots } = view.loaded;
    const shown = this.#daysToShow(view);
    let budget = 0;
    for (let d = 0; d < shown; d++) {
      if (this.#dayViews[d] === view) continue;
      if (this.#dayViews[d] !== undefined && budget >= RENDER_CHUNK) continue;
      if (this.#dayViews[d] !== undefined) budget += days[d].to - days[d].from;
      this.#dayViews[d] = view;
    }
    return html`<div
      role="grid"
      class="grid"
      part="grid"
      aria-label=${this.#l10n.msg('gridLabel')}
      aria-describedby="tz"
      @keydown=${this.#onGridKey}
      @click=${this.#onGridClick}
      @focusin=${this.#onGridFocus}
    >
      ${days.slice(0, shown).map((day, d) => {
        const chosenHere = chosen !== undefined && chosen >= slots[day.from].start && chosen <= slots[day.to - 1].start ? chosen : -1;
        // Only the days whose choice changed render again: ~4,000 buttons stay cheap.
        const dayView = this.#dayViews[d];
        return guard([dayView, chosenHere], () => this.#renderDay(dayView, day, d, chosenHere));
      })}
    </div>`;
  }

  #renderDay(view: View, day: DayGroup, d: number, chosen: number): TemplateResult {
    const { slots } = view.loaded;
    this.#labelDay(view, d);
    const buttons: TemplateResult[] = [];
    for (let i = day.from; i < day.to; i++) {
      const on = slots[i].start === chosen;
      buttons.push(html`<div role="gridcell"><button
        type="button"
        tabindex="-1"
        id=${`slot-${i}`}
        part=${on ? 'slot slot-selected' : 'slot'}
        aria-pressed=${on ? 'true' : 'false'}
        aria-label=${view.labels[i]}
      >${view.times[i]}</button></div>`);
    }
    return html`<div role="row" class="day" part="day">
      <div role="rowheader" class="day-heading" part="day-heading">${view.dayLabels[d]}</div>
      ${buttons}
    </div>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (this._booked) {
      const { slot, rescheduled } = this._booked;
      const params = { date: this.#slotDate(slot), time: this.#l10n.time(slot.start), zone: this.#l10n.zoneLabel() };
      return html`<p class="message success" part="message" role="status" tabindex="-1" data-focus="booked">
        ${this.#l10n.msg(rescheduled ? 'rescheduled' : 'booked', params)}
      </p>`;
    }
    const slot = this._chosen;
    if (!slot) return nothing;
    const busy = this._book.status === TaskStatus.PENDING;
    const reschedule = Boolean(this.visitId);
    const minutes = Math.round((slot.end - slot.start) / 60);
    const old = this._visit.value;
    return html`<section class="summary" part="summary" aria-labelledby="summary-title">
      <p class="summary-title" id="summary-title">${this.#l10n.msg('summaryTitle')}</p>
      <dl>
        ${reschedule
          ? html`<div><dt>${this.#l10n.msg('currentTime')}</dt><dd>${old ? this.#l10n.dateTime(old.start) : this.#l10n.msg('unknown')}</dd></div>`
          : nothing}
        <div><dt>${reschedule ? this.#l10n.msg('newTime') : this.#l10n.msg('date')}</dt><dd>${this.#slotDate(slot)}</dd></div>
        <div><dt>${this.#l10n.msg('time')}</dt><dd>${this.#slotTimes(slot)}</dd></div>
        <div><dt>${this.#l10n.msg('timeZone')}</dt><dd>${this.#l10n.zoneLabel()}</dd></div>
        <div><dt>${this.#l10n.msg('duration')}</dt><dd>${this.#l10n.msg('minutes', { n: minutes })}</dd></div>
      </dl>
      ${this._bookError
        ? // No Try again of its own: the book button below is it, and keeps the focus.
          errorPanel(this.#l10n, { what: this.#l10n.msg(reschedule ? 'rescheduleFailed' : 'bookFailed'), error: this._bookError })
        : nothing}
      <button
        type="button"
        class="primary"
        part="book-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => this.#onBook()}
      >
        ${busy ? this.#l10n.msg(reschedule ? 'rescheduling' : 'booking') : this.#l10n.msg(reschedule ? 'reschedule' : 'book')}
      </button>
    </section>`;
  }
}

defineOnce('vsee-slot-picker', VseeSlotPicker);

declare global {
  interface HTMLElementTagNameMap {
    'vsee-slot-picker': VseeSlotPicker;
  }
}
