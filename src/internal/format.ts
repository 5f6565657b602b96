/** Dates and times through Intl, in the element's locale and time zone. Never "Invalid Date". */
import type { Locale } from '../i18n/i18n.js';

const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** The latest time a Date holds, in seconds: Intl throws a RangeError for anything later. */
const LATEST_DATE = 8.64e12;

function valid(ts: unknown): ts is number {
  return typeof ts === 'number' && ts > 0 && ts <= LATEST_DATE;
}

/** "Tuesday, November 24, 2026" */
export function formatDate(ts: unknown, locale: Locale, timeZone: string, fallback: string): string {
  if (!valid(ts)) return fallback;
  return dateTimeFormat(locale, timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(ts * 1000);
}

/** The options of a time of day: "9:30 AM". */
export const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "9:30 AM" */
export function formatTime(ts: unknown, locale: Locale, timeZone: string, fallback: string): string {
  if (!valid(ts)) return fallback;
  return dateTimeFormat(locale, timeZone, TIME).format(ts * 1000);
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/** "Tue, Nov 24, 2026, 9:30 AM" */
export function formatDateTime(ts: unknown, locale: Locale, timeZone: string, fallback: string): string {
  if (!valid(ts)) return fallback;
  return dateTimeFormat(locale, timeZone, DATE_TIME).format(ts * 1000);
}

const zoneLabels = new Map<string, { label: string; at: number }>();

/** "Eastern Time" (the generic name); where Intl has none ("GMT+00:00"), the long name
 * ("Coordinated Universal Time"); else the offset ("GMT-05:00"). Worked out at most once an hour
 * per locale and zone: every render of a list or a picker shows it. */
export function timeZoneLabel(locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  const now = Date.now();
  const hit = zoneLabels.get(key);
  if (hit && now - hit.at < 3_600_000) return hit.label;
  const name = (style: 'longGeneric' | 'long') =>
    dateTimeFormat(locale, timeZone, { timeZoneName: style })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value;
  let label: string;
  try {
    const generic = name('longGeneric');
    if (generic && !/^GMT[+-]/.test(generic)) label = generic;
    else {
      const long = name('long');
      label = (long && !/^GMT[+-]/.test(long) ? long : generic) ?? timeZone;
    }
  } catch {
    label = timeZone;
  }
  zoneLabels.set(key, { label, at: now });
  return label;
}

/** The calendar day (YYYY-MM-DD) of a timestamp in a time zone: days split at local midnight. */
export function dayKey(ts: number, timeZone: string): string {
  const parts = dateTimeFormat('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ts * 1000);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const zoneValidity = new Map<string, boolean>();
let canonicalZones: Set<string> | undefined;

/**
 * Whether Intl knows the zone. The canonical names come from a list that costs a cold page a few
 * milliseconds; only other spellings (aliases such as "US/Eastern", other letter case) build a
 * formatter, the first of which costs a cold page tens of milliseconds.
 */
export function isValidTimeZone(tz: string): boolean {
  let ok = zoneValidity.get(tz);
  if (ok === undefined) {
    try {
      canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    } catch {
      canonicalZones = new Set();
    }
    ok = canonicalZones.has(tz);
    if (!ok) {
      try {
        // The formatter an English list needs anyway, so an alias costs one formatter, not two.
        dateTimeFormat('en', tz, DATE_TIME);
        ok = true;
      } catch {
        ok = false;
      }
    }
    zoneValidity.set(tz, ok);
  }
  return ok;
}

let browserZone: string | undefined;

/** The browser's zone, read once: `resolvedOptions()` is slow enough to matter per visit row. */
export function browserTimeZone(): string {
  if (!browserZone) {
    try {
      browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      browserZone = 'UTC';
    }
  }
  return browserZone;
}
