/**
 * Pure helpers of `<vsee-visit-list>`: reading the API's loosely typed visits (any field may be
 * missing, `null`, `"null"`, a number where a string was expected, or the other way round) and
 * ordering them. No DOM, no lit. What only the details read (prescriptions, attachments, notes)
 * is in detail-helpers.ts, which loads with them.
 */
import type { Visit } from '../../client/types.js';
import { VisitStatuses, VisitTypes } from '../../client/types.js';

/** A non-empty display string from a string or a finite number; `undefined` for anything else. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t && t !== 'null' && t !== 'undefined' ? t : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * "Dr. Anton Provider, MD": `full_name` (the detail sample) or `first_name last_name` (the
 * list sample), with `title` before and `suffix` after when the account sets them.
 */
export function providerName(provider: unknown): string | undefined {
  const p = record(provider);
  if (!p) return undefined;
  const name = text(p.full_name) ?? ([text(p.first_name), text(p.last_name)].filter(Boolean).join(' ') || undefined);
  if (!name) return undefined;
  const title = text(p.title);
  const suffix = text(p.suffix);
  return `${title && !name.startsWith(title) ? `${title} ` : ''}${name}${suffix ? `, ${suffix}` : ''}`;
}

/** The reason for the visit: the provider's (postvisit) first, else the patient's (intake). */
export function reasonOf(visit: Visit): string | undefined {
  return text(record(visit.postvisit)?.reason_for_visit) ?? text(record(visit.intake)?.reason_for_visit);
}

/** A start time usable for ordering, or undefined. */
export function startOf(visit: Visit): number | undefined {
  return typeof visit.start === 'number' && Number.isFinite(visit.start) && visit.start > 0 ? visit.start : undefined;
}

export function isGroupVisit(visit: Visit): boolean {
  return text(visit.visit_group_id) !== undefined;
}

/** Whether the patient may still cancel: upcoming and neither completed nor cancelled. */
export function isCancellable(visit: Visit, now: number): boolean {
  const start = startOf(visit);
  if (start === undefined || start <= now) return false;
  return visit.status !== VisitStatuses.completed && visit.status !== VisitStatuses.cancelled;
}

/** Only scheduled appointments can move to another slot. */
export function isReschedulable(visit: Visit, now: number): boolean {
  return visit.type === VisitTypes.appointment && isCancellable(visit, now);
}

export interface GroupedVisits {
  /** Start later than now, soonest first. */
  upcoming: Visit[];
  /** Start now or earlier, latest first; visits without a usable start last. */
  past: Visit[];
}

/** Splits visits into upcoming and past, skipping `excludeId` (the visit shown as current). */
export function groupVisits(visits: readonly Visit[], now: number, excludeId?: string): GroupedVisits {
  const upcoming: Array<[number, Visit]> = [];
  const past: Array<[number, Visit]> = [];
  for (const v of visits) {
    if (excludeId !== undefined && v.id === excludeId) continue;
    const start = startOf(v);
    if (start !== undefined && start > now) upcoming.push([start, v]);
    else past.push([start ?? -Infinity, v]);
  }
  upcoming.sort((a, b) => a[0] - b[0]);
  past.sort((a, b) => b[0] - a[0]);
  return { upcoming: upcoming.map((e) => e[1]), past: past.map((e) => e[1]) };
}

/** Whether a visit is going on now: the client's rule, applied again after a local change (a cancel). */
export { isVisitInProgress } from '../../client/shapes.js';

/** Whether a visit took place, so a summary of it can exist: started, and not cancelled. */
export function hasTakenPlace(visit: Visit, now: number): boolean {
  const start = startOf(visit);
  return start !== undefined && start <= now && visit.status !== VisitStatuses.cancelled;
}
