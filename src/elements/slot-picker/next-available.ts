/** Why: an empty week should not be a dead end: the patient is offered the next open time, found with a bounded search. */
import type { AvailabilityQuery, Slot } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import { addDays, daysBetween, localDay, localMidnight, type DayRange } from './days.js';

/** How far past an empty range we look, and in how large requests. */
export const LOOKAHEAD_DAYS = 60;
const LOOKAHEAD_CHUNK = 14;

export interface NextOpen {
  /** The slot's start (Unix seconds). */
  start: number;
  /** The page (of the range's length) that shows it. */
  page: number;
}

/**
 * The first open time after `range`, within `LOOKAHEAD_DAYS`, asked for a chunk at a time so a
 * clinic with nothing open soon costs a few small requests; null when there is none. A failed
 * request rejects: the empty range stands and no shortcut is offered.
 */
export async function findNextOpen(
  api: VseeClient,
  range: DayRange,
  query: Omit<AvailabilityQuery, 'start' | 'end'>,
  providerId: string | undefined,
  timeZone: string,
  signal: AbortSignal,
): Promise<NextOpen | null> {
  for (let offset = 0; offset < LOOKAHEAD_DAYS; offset += LOOKAHEAD_CHUNK) {
    const fromDay = addDays(range.day0, range.days + offset);
    const toDay = addDays(fromDay, Math.min(LOOKAHEAD_CHUNK, LOOKAHEAD_DAYS - offset));
    const start = localMidnight(fromDay, timeZone);
    const end = localMidnight(toDay, timeZone);
    const now = Date.now() / 1000;
    if (end <= now) continue;
    const raw = await api.getAvailability({ ...query, start: Math.max(start, Math.floor(now / 60) * 60), end }, { signal });
    const first = earliest(raw, start, end, providerId);
    if (first) {
      const day = daysBetween(range.day0, localDay(first.start, timeZone));
      return { start: first.start, page: range.page + Math.floor(day / range.days) };
    }
  }
  return null;
}

/** The earliest future slot in `[start, end)`, with `providerId` when given. */
function earliest(slots: readonly Slot[], start: number, end: number, providerId: string | undefined): Slot | undefined {
  const now = Date.now() / 1000;
  let first: Slot | undefined;
  for (const s of slots) {
    if (!(s.start > now) || s.start < start || s.start >= end) continue;
    if (providerId && !s.providers.map(String).includes(providerId)) continue;
    if (!first || s.start < first.start) first = s;
  }
  return first;
}
