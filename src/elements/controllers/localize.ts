/** Why: one typed way to say things in the patient's language, so a mistyped key fails the type check instead of showing on screen. */
import type { ReactiveControllerHost } from 'lit';
import { commonMessages, type CommonKey } from '../../i18n/common.js';
import { ensureLocale, format, type Locale, type MessageTable, type Params } from '../../i18n/i18n.js';
import { formatDate, formatDateTime, formatTime, timeZoneLabel } from '../../internal/format.js';

/** What a localize controller needs from its element: the locale and time zone in force. */
export interface LocalizeHost extends ReactiveControllerHost {
  readonly resolvedLocale: Locale;
  readonly resolvedTimeZone: string;
}

/** The tables each host's controllers read (the common one always). */
const tables = new WeakMap<LocalizeHost, Set<MessageTable<string>>>();

/**
 * Loads the Spanish of every table `host` reads, when it is in Spanish and they are not here yet;
 * undefined when nothing is missing. The host waits for it before rendering.
 */
export function loadMessages(host: LocalizeHost): Promise<void> | undefined {
  return ensureLocale(host.resolvedLocale, [commonMessages, ...(tables.get(host) ?? [])]);
}

/**
 * Messages of one element's table (keys of type `K`) and of the common table, in the host's
 * locale, plus dates and times in the host's zone. Spanish tables load lazily: the host waits
 * for them (`loadMessages`, in `VseeElement.scheduleUpdate`) so a Spanish page never flashes English.
 * It has no lifecycle of its own, so it is not added to the host's controllers.
 */
export class LocalizeController<K extends string = never> {
  readonly #host: LocalizeHost;
  readonly #table?: MessageTable<K>;

  constructor(host: LocalizeHost, table?: MessageTable<K>) {
    this.#host = host;
    this.#table = table;
    if (table) {
      const set = tables.get(host) ?? new Set();
      tables.set(host, set.add(table));
    }
  }

  get locale(): Locale {
    return this.#host.resolvedLocale;
  }

  get timeZone(): string {
    return this.#host.resolvedTimeZone;
  }

  /** The element's message for `key` (or the common one), with `{name}` placeholders filled. */
  msg(key: K | CommonKey, params?: Params): string {
    const lang = this.locale;
    const own = this.#table;
    const table = (own && key in own.en ? own : commonMessages) as MessageTable<string>;
    // A Spanish table still loading (or failed to load) falls back to English, never to the key.
    const template = table[lang]?.[key] ?? table.en[key] ?? key;
    return format(template, params);
  }

  /** "Tuesday, November 24, 2026"; a missing or broken timestamp reads "unknown". */
  date(ts: unknown): string {
    return formatDate(ts, this.locale, this.timeZone, this.msg('unknown'));
  }

  /** "9:30 AM" */
  time(ts: unknown): string {
    return formatTime(ts, this.locale, this.timeZone, this.msg('unknown'));
  }

  /** "Tue, Nov 24, 2026, 9:30 AM" */
  dateTime(ts: unknown): string {
    return formatDateTime(ts, this.locale, this.timeZone, this.msg('unknown'));
  }

  /** "Eastern Time" for the host's zone. */
  zoneLabel(): string {
    return timeZoneLabel(this.locale, this.timeZone);
  }
}
