/** Why: thousands of time buttons must appear fast, stay one tab stop and move with the arrow keys. */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Slot } from '../../client/types.js';
import type { SlotPickerKey } from '../../i18n/slot-picker.js';
import { TIME, dateTimeFormat } from '../../internal/format.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { DayGroup } from './days.js';

/** The slots of a range, flat and sorted, and the days that split them. */
export interface GridData {
  slots: Slot[];
  days: DayGroup[];
}

/**
 * How long one task may spend building rows; the rest follow in later tasks, so even ~4,000
 * buttons never block input for long (a long task is 50 ms). The day with the tab stop is
 * always built at once. Longer chunks finish sooner but leave less room for the render and
 * layout that follow each one (`npm run bench` prints the longest task while building).
 */
const CHUNK_MS = 20;

/** On the day the clock falls back, 1:30 AM happens twice: the zone (EDT / EST) tells them apart. */
const ZONED_TIME: Intl.DateTimeFormatOptions = { ...TIME, timeZoneName: 'short' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };

export interface SlotGridOptions {
  l10n: LocalizeController<SlotPickerKey>;
  /** A time was clicked, or chosen with Enter or Space. */
  onChoose: (slot: Slot) => void;
  /** Milliseconds of building per task (tests make it 0: one day per task). */
  chunkMs?: number;
}

interface Row {
  el: HTMLElement;
  heading: HTMLElement;
  /** The locale and zone its words are in. */
  words: string;
}

let cellPrototype: HTMLElement | undefined;

/**
 * One time cell as the browser clones it: cloning copies the fixed attributes at once instead of
 * setting them button by button. Rows are built with the DOM API rather than a lit template per
 * button: for ~4,000 buttons a template instance each cost about 2.5x a plain clone (profiled
 * with `npm run bench`), and the rows never change shape, only their words and the chosen one.
 */
function newCell(): HTMLElement {
  if (!cellPrototype) {
    cellPrototype = document.createElement('div');
    cellPrototype.setAttribute('role', 'gridcell');
    const button = document.createElement('button');
    button.type = 'button';
    button.tabIndex = -1;
    button.setAttribute('part', 'slot');
    button.setAttribute('aria-pressed', 'false');
    cellPrototype.append(button);
  }
  return cellPrototype.cloneNode(true) as HTMLElement;
}

/**
 * The grid of days (rows) and times (buttons), as the APG "layout grid": one tab stop that
 * arrows move (Left/Right through times, Up/Down to the same position on the next day,
 * Home/End within a day, Ctrl+Home/End overall), Enter or Space chooses. Rows are built a chunk
 * per task; words change in place when the locale or zone does, so focus stays where it was.
 */
export class SlotGridController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #l10n: LocalizeController<SlotPickerKey>;
  readonly #onChoose: (slot: Slot) => void;
  readonly #chunkMs: number;

  #data?: GridData;
  #rows: Row[] = [];
  /** The button of each slot, by index in `data.slots` (only those built so far). */
  #buttons: HTMLButtonElement[] = [];
  #indexOf = new WeakMap<Element, number>();
  /** The start of the slot that holds the tab stop; kept across reloads of the same range. */
  #activeStart?: number;
  #chosenStart?: number;
  #tabStop?: HTMLButtonElement;
  #pressed?: HTMLButtonElement;
  #renderedThisUpdate = false;
  #chunkTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SlotGridOptions) {
    this.#host = host;
    this.#l10n = options.l10n;
    this.#onChoose = options.onChoose;
    this.#chunkMs = options.chunkMs ?? CHUNK_MS;
    host.addController(this);
  }

  /** Puts the tab stop on the slot starting at `start` (or the next later one); undefined: the first. */
  setActive(start: number | undefined): void {
    this.#activeStart = start;
  }

  /** The grid, with the slot starting at `chosen` pressed. Builds what the time allows now. */
  render(data: GridData, chosen: number | undefined, label: string): TemplateResult {
    if (data !== this.#data) this.#reset(data);
    this.#chosenStart = chosen;
    this.#renderedThisUpdate = true;
    this.#build(data);
    return html`<div
      role="grid"
      class="grid"
      part="grid"
      aria-label=${label}
      aria-describedby="tz"
      @keydown=${this.#onKey}
      @click=${this.#onClick}
      @focusin=${this.#onFocusIn}
    >
      ${this.#rows.map((row) => row.el)}
    </div>`;
  }

  hostUpdated(): void {
    if (!this.#renderedThisUpdate) return;
    this.#renderedThisUpdate = false;
    this.#syncTabStop();
    this.#syncPressed();
    if (this.#unfinished() && this.#chunkTimer === undefined && this.#host.isConnected) {
      this.#chunkTimer = setTimeout(() => {
        this.#chunkTimer = undefined;
        this.#host.requestUpdate();
      });
    }
  }

  hostDisconnected(): void {
    // A removed picker must not keep building days nobody will see.
    clearTimeout(this.#chunkTimer);
    this.#chunkTimer = undefined;
  }

  #reset(data: GridData): void {
    this.#data = data;
    this.#rows = [];
    this.#buttons = [];
    this.#tabStop = undefined;
    this.#pressed = undefined;
  }

  get #words(): string {
    return `${this.#l10n.locale}|${this.#l10n.timeZone}`;
  }

  #unfinished(): boolean {
    const data = this.#data;
    const words = this.#words;
    return !!data && (this.#rows.length < data.days.length || this.#rows.some((r) => r.words !== words));
  }

  /** Builds missing rows and rewords stale ones, in day order, until the chunk's time is up. */
  #build(data: GridData): void {
    const words = this.#words;
    const deadline = performance.now() + this.#chunkMs;
    const active = this.#activeStart === undefined || !data.slots.length ? 0 : this.#dayOf(indexAt(data.slots, this.#activeStart));
    for (let d = 0; d < data.days.length; d++) {
      const row = this.#rows[d];
      if (row?.words === words) continue;
      if (d > active && performance.now() > deadline) {
        // An old-worded row stays readable until its turn; a missing one ends the grid for now.
        if (row) continue;
        return;
      }
      if (row) this.#reword(data, d, row, words);
      else this.#rows.push(this.#newRow(data, d, words));
    }
  }

  #newRow(data: GridData, d: number, words: string): Row {
    const day = data.days[d];
    const el = document.createElement('div');
    el.className = 'day';
    el.setAttribute('role', 'row');
    el.setAttribute('part', 'day');
    // Through the CSSOM, which a strict Content-Security-Policy allows (a style attribute it would not).
    el.style.setProperty('--_slots', String(day.to - day.from));
    const heading = document.createElement('div');
    heading.className = 'day-heading';
    heading.setAttribute('role', 'rowheader');
    heading.setAttribute('part', 'day-heading');
    el.append(heading);
    for (let i = day.from; i < day.to; i++) {
      const cell = newCell();
      const button = cell.firstChild as HTMLButtonElement;
      this.#buttons[i] = button;
      this.#indexOf.set(button, i);
      el.append(cell);
    }
    const row = { el, heading, words };
    this.#reword(data, d, row, words);
    return row;
  }

  /** Writes a day's heading, times and labels in the current locale and zone. */
  #reword(data: GridData, d: number, row: Row, words: string): void {
    const { slots } = data;
    const day = data.days[d];
    const { locale, timeZone } = this.#l10n;
    // Noon of the day is safely inside it whatever the daylight-saving change.
    const dayLabel = dateTimeFormat(locale, timeZone, DAY).format((day.start + 12 * 3600) * 1000);
    const time = dateTimeFormat(locale, timeZone, TIME);
    const times: string[] = [];
    const seen = new Set<string>();
    for (let i = day.from; i < day.to; i++) {
      const t = time.format(slots[i].start * 1000);
      times.push(t);
      seen.add(t);
    }
    if (seen.size < times.length) {
      const zoned = dateTimeFormat(locale, timeZone, ZONED_TIME);
      for (let i = day.from; i < day.to; i++) times[i - day.from] = zoned.format(slots[i].start * 1000);
    }
    // The date is the same for the whole day: filled in once, the time per button.
    const template = this.#l10n.msg('slotLabel', { date: dayLabel });
    for (let i = day.from; i < day.to; i++) {
      const button = this.#buttons[i];
      const t = times[i - day.from];
      button.textContent = t;
      button.setAttribute(
        'aria-label',
        template.replace('{time}', () => t),
      );
    }
    row.heading.textContent = dayLabel;
    row.words = words;
  }

  /** Exactly one built button is in the tab order: the active one, else the chosen, else the first. */
  #syncTabStop(): void {
    const slots = this.#data?.slots;
    if (slots?.length) this.#activate(indexAt(slots, this.#activeStart ?? this.#chosenStart ?? slots[0].start), false);
  }

  #syncPressed(): void {
    const slots = this.#data?.slots ?? [];
    const chosen = this.#chosenStart;
    const i = chosen === undefined || !slots.length ? -1 : indexAt(slots, chosen);
    const target = i >= 0 && slots[i].start === chosen ? this.#buttons[i] : undefined;
    if (target === this.#pressed) return;
    if (this.#pressed) {
      this.#pressed.setAttribute('part', 'slot');
      this.#pressed.setAttribute('aria-pressed', 'false');
    }
    target?.setAttribute('part', 'slot slot-selected');
    target?.setAttribute('aria-pressed', 'true');
    this.#pressed = target;
  }

  /** Moves the tab stop (and focus) without a render: only two attributes change. */
  #activate(i: number, focus: boolean): void {
    const slots = this.#data?.slots;
    const target = this.#buttons[i];
    if (!slots || !target) return;
    if (this.#tabStop && this.#tabStop !== target) this.#tabStop.tabIndex = -1;
    target.tabIndex = 0;
    this.#tabStop = target;
    this.#activeStart = slots[i].start;
    if (focus) target.focus();
  }

  #dayOf(i: number): number {
    const days = this.#data?.days ?? [];
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (days[mid].from <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #targetIndex(target: EventTarget | null): number {
    const button = target instanceof Element ? target.closest('button') : null;
    const i = button ? this.#indexOf.get(button) : undefined;
    return i ?? -1;
  }

  #onKey = (e: KeyboardEvent): void => {
    const data = this.#data;
    const i = this.#targetIndex(e.target);
    if (!data || i < 0 || e.altKey || e.metaKey) return;
    const { days, slots } = data;
    const d = this.#dayOf(i);
    const day = days[d];
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = Math.min(i + 1, slots.length - 1);
        break;
      case 'ArrowLeft':
        next = Math.max(i - 1, 0);
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const other = days[d + (e.key === 'ArrowDown' ? 1 : -1)];
        next = other ? Math.min(other.from + (i - day.from), other.to - 1) : i;
        break;
      }
      case 'Home':
        next = e.ctrlKey ? 0 : day.from;
        break;
      case 'End':
        next = e.ctrlKey ? slots.length - 1 : day.to - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    // Ctrl+End may aim at a day still waiting for its chunk: build up to it first.
    if (!this.#buttons[next]) {
      this.#activeStart = slots[next].start;
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => this.#activate(next, true));
      return;
    }
    this.#activate(next, true);
  };

  #onClick = (e: Event): void => {
    const data = this.#data;
    const i = this.#targetIndex(e.target);
    if (!data || i < 0) return;
    this.#activate(i, false);
    this.#onChoose(data.slots[i]);
  };

  #onFocusIn = (e: FocusEvent): void => {
    const i = this.#targetIndex(e.target);
    if (i >= 0) this.#activate(i, false);
  };
}

/** Index of the slot at `start`, else the nearest later one, else the last (binary search). */
function indexAt(slots: readonly Slot[], start: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, slots.length - 1);
}
