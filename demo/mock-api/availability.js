// Free slots computed from provider working hours. Working hours are wall-clock times in the
// provider's own time zone, so the UTC instants move when that zone changes to or from
// daylight saving time; Intl gives the zone offset for any instant without a tz database.

import { DAY } from './fixtures.js';

/** @type {Map<string, Intl.DateTimeFormat>} */
const formatters = new Map();

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds. */
export function zoneOffsetMs(ms, timeZone) {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  /** @type {Record<string, number>} */
  const p = {};
  for (const part of fmt.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant (Unix seconds) at which the wall clock in `timeZone` shows the given local time.
 * Two passes settle the offset across a DST change. A wall time skipped or repeated by the
 * change (01:00–03:00 local) resolves to one nearby instant; working hours never fall there.
 */
export function zonedToUnix(year, month, day, hour, minute, timeZone) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let utc = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(utc, timeZone);
  if (second !== utc) utc = second;
  return Math.floor(utc / 1000);
}

/** The local calendar date in `timeZone` at the instant `sec`. */
function localDate(sec, timeZone) {
  const d = new Date(sec * 1000 + zoneOffsetMs(sec * 1000, timeZone));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** @param {string} hhmm */
const parseHm = (hhmm) => hhmm.split(':').map(Number);

/**
 * Working windows `[from, to)` in Unix seconds that touch `[start, end)`.
 * @param {{days: number[], from: string, to: string}} schedule
 * @param {string} timeZone
 */
export function workingWindows(schedule, timeZone, start, end) {
  const windows = [];
  const first = localDate(start - DAY, timeZone);
  const [fh, fm] = parseHm(schedule.from);
  const [th, tm] = parseHm(schedule.to);
  for (let i = 0; ; i++) {
    const date = new Date(Date.UTC(first.y, first.m - 1, first.d + i));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const from = zonedToUnix(y, m, d, fh, fm, timeZone);
    if (from >= end) break;
    if (!schedule.days.includes(date.getUTCDay())) continue;
    const to = zonedToUnix(y, m, d, th, tm, timeZone);
    if (to > start) windows.push([from, to]);
  }
  return windows;
}

/**
 * @param {object} q
 * @param {number} q.start
 * @param {number} q.end
 * @param {number} q.duration
 * @param {number} q.now
 * @param {Array<{id: string, timeZone: string, schedule: {days: number[], from: string, to: string} | null}>} q.providers
 * @param {(providerId: string, start: number, end: number) => boolean} q.isBusy
 * @param {boolean} [q.alwaysAvailable]
 * @returns {Array<{start: number, end: number, providers: string[]}>}
 */
export function computeAvailability({ start, end, duration, now, providers, isBusy, alwaysAvailable = false }) {
  /** @type {Map<number, {start: number, end: number, providers: string[]}>} */
  const slots = new Map();
  for (const provider of providers) {
    let windows;
    if (alwaysAvailable) {
      // Round the window out to the duration grid so every provider shares the same slots.
      windows = [[Math.floor(start / duration) * duration, end + duration]];
    } else if (provider.schedule) {
      windows = workingWindows(provider.schedule, provider.timeZone, start, end);
    } else continue;
    for (const [from, to] of windows) {
      for (let s = from; s + duration <= to; s += duration) {
        if (s < start || s >= end || s < now) continue;
        if (isBusy(provider.id, s, s + duration)) continue;
        let slot = slots.get(s);
        if (!slot) slots.set(s, (slot = { start: s, end: s + duration, providers: [] }));
        slot.providers.push(provider.id);
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.start - b.start);
}
