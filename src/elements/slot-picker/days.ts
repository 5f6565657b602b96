/**
 * Calendar days in the patient's time zone: local midnights (correct across daylight-saving
 * changes), ranges of whole days, and slots grouped by day. Only Intl, no tz database.
 */
import type { Slot } from '../../client/types.js';
import type { Locale } from '../../i18n/i18n.js';
import { dateTimeFormat, dayKey } from '../../internal/format.js';

export interface LocalDay {
  y: number;
  m: number;
  d: number;
}

/** The local calendar date of an instant (Unix seconds) in `timeZone`. */
export function localDay(ts: number, timeZone: string): LocalDay {
  const [y, m, d] = dayKey(ts, timeZone).split('-').map(Number);
  return { y, m, d };
}

export function keyOf(day: LocalDay): string {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

/** The calendar date `n` days after `day` (n may be negative). */
export function addDays(day: LocalDay, n: number): LocalDay {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Whole calendar days from `a` to `b`. */
export function daysBetween(a: LocalDay, b: LocalDay): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** Offset of `timeZone` from UTC at the instant `ms`, in ms (positive east of Greenwich). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = dateTimeFormat('en', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const p: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return asUtc - (ms - (ms % 1000));
}

const midnights = new Map<string, number>();

/**
 * The first instant (Unix seconds) of a local calendar day. The offset is read twice so a
 * daylight-saving change on that day settles; where midnight itself is skipped (zones that
 * spring forward at 00:00) the day starts at the first hour that exists.
 */
export function localMidnight(day: LocalDay, timeZone: string): number {
  const key = `${timeZone}|${keyOf(day)}`;
  const cached = midnights.get(key);
  if (cached !== undefined) return cached;
  const wall = Date.UTC(day.y, day.m - 1, day.d);
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  let t = Math.floor(utc / 1000);
  const target = keyOf(day);
  for (let i = 0; i < 4 && dayKey(t, timeZone) < target; i++) t += 1800;
  for (let i = 0; i < 4 && dayKey(t - 1800, timeZone) === target; i++) t -= 1800;
  midnights.set(key, t);
  return t;
}

export interface DayGroup {
  key: string;
  /** Local midnight that starts the day (Unix seconds). */
  start: number;
  /** Index of the day's first slot in the flat list, and one past its last. */
  from: number;
  to: number;
}

/**
 * Slots of `[bounds[0], bounds[last])` grouped by local day, given the local midnights that
 * split the range (`days + 1` of them). Slots outside the range, in the past or without
 * `providerId` (when set) are dropped; slots at the same time are merged into one choice.
 */
export function groupSlots(
  slots: readonly Slot[],
  bounds: readonly number[],
  dayKeys: readonly string[],
  now: number,
  providerId?: string,
): { slots: Slot[]; days: DayGroup[] } {
  const byStart = new Map<number, Slot>();
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  for (const s of slots) {
    if (!(s.start > now) || s.start < first || s.start >= last) continue;
    const providers = (Array.isArray(s.providers) ? s.providers : []).map(String);
    if (providerId && !providers.includes(providerId)) continue;
    const same = byStart.get(s.start);
    if (same) {
      for (const p of providers) if (!same.providers.includes(p)) same.providers.push(p);
    } else {
      byStart.set(s.start, { start: s.start, end: s.end, providers: [...providers] });
    }
  }
  const flat = [...byStart.values()].sort((a, b) => a.start - b.start);
  const days: DayGroup[] = [];
  let i = 0;
  for (let d = 0; d < bounds.length - 1; d++) {
    const from = i;
    while (i < flat.length && flat[i].start < bounds[d + 1]) i++;
    if (i > from) days.push({ key: dayKeys[d], start: bounds[d], from, to: i });
  }
  return { slots: flat, days };
}

/** A page of whole local days: `bounds` are the `days + 1` local midnights that split it. */
export interface DayRange {
  day0: LocalDay;
  days: number;
  page: number;
  bounds: number[];
  keys: string[];
  /** The first and the last bound (Unix seconds). */
  start: number;
  end: number;
}

/** Page `page` of `days` local days, counted from the day of `from` (Unix seconds). */
export function dayRange(from: number, days: number, page: number, timeZone: string): DayRange {
  const day0 = addDays(localDay(from, timeZone), page * days);
  const bounds: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i <= days; i++) {
    const d = addDays(day0, i);
    bounds.push(localMidnight(d, timeZone));
    keys.push(keyOf(d));
  }
  return { day0, days, page, bounds, keys, start: bounds[0], end: bounds[days] };
}

/** "Mar 9 – 11, 2027" (or one date for a one-day range). */
export function rangeLabel(range: DayRange, locale: Locale, timeZone: string): string {
  const f = dateTimeFormat(locale, timeZone, { month: 'short', day: 'numeric', year: 'numeric' });
  // Noon is inside its day whatever a daylight-saving change does that day.
  const first = (range.bounds[0] + 12 * 3600) * 1000;
  const last = (range.bounds[range.days - 1] + 12 * 3600) * 1000;
  return range.days === 1 ? f.format(first) : f.formatRange(first, last);
}
