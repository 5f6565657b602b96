/**
 * Is a 2xx answer the documented shape? A proxy, a captive portal or a changed API can answer
 * 200 with something else, and an element that read `{"data": {"visits": "none"}}` as "no
 * visits" would tell the patient something false. These checks are about the containers (a list
 * is a list of records, a visit is a record with a visit's fields); a single field of the wrong
 * type inside a record is left to the elements, which show it as "unknown".
 */
import { VseeApiError, defaultMessage } from './errors.js';
import type { Visit } from './types.js';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The id a visit is listed under when the answer gives it none, or one that another visit of the
 * same list already has: a request with it would reach no visit, or the wrong one, so nothing
 * offers to open or cancel it (`hasServerId`).
 */
export function standInId(index: number | string): string {
  return `unknown-${index}`;
}

/** The visit's id is the server's own (not a stand-in): it can be opened, cancelled, looked up. */
export function hasServerId(v: { id?: unknown }): boolean {
  return typeof v.id === 'string' && v.id !== '' && !v.id.startsWith('unknown-');
}

/** PHP encodes an array whose keys are not 0..n-1 as an object: `{"0": {...}, "2": {...}}`. */
export function isIndexKeyed(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => /^\d+$/.test(k));
}

/** The items of a documented list, or `undefined` when it is not a list of records. */
export function listItems(v: unknown): Record<string, unknown>[] | undefined {
  const items = Array.isArray(v) ? v : isRecord(v) && isIndexKeyed(v) ? Object.values(v) : undefined;
  if (!items || !items.every(isRecord)) return undefined;
  return items as Record<string, unknown>[];
}

/** A record with at least one of the fields every documented sample of that kind has. */
const withAny =
  (fields: string[]) =>
  (v: unknown): v is Record<string, unknown> =>
    isRecord(v) && fields.some((f) => v[f] !== undefined);

export const looksLikeVisit = withAny(['id', '_id', 'start', 'status', 'type']);
/** The intake create answer may carry only the id. */
export const looksLikeIntake = withAny(['id', '_id', 'reason_for_visit', 'type', 'created']);
export const looksLikeRoom = withAny(['id', 'code', 'name', 'operation_settings', 'payment', 'specialties', 'visits']);

/** Visit statuses of a visit that has not happened yet or is happening: pending, confirmed, in progress. */
const OPEN_STATUSES = new Set([10, 20, 25]);

/**
 * Is this (normalized) visit one the patient is in or about to be in? `GET /visits/current` may
 * answer with the last visit however it ended: the documentation's own sample is a cancelled
 * visit (status 40) with an `actual_end`.
 */
export function isVisitInProgress(visit: Pick<Visit, 'status' | 'actual_end'>): boolean {
  return (
    typeof visit.status === 'number' && OPEN_STATUSES.has(visit.status) && (visit.actual_end === null || visit.actual_end === undefined)
  );
}

/** A documented answer shape, and its name for the `bad_response` message. */
export interface Shape {
  check: (v: unknown) => boolean;
  what: string;
}
export const ANY_RECORD: Shape = { check: isRecord, what: 'an object' };
export const VISIT: Shape = { check: looksLikeVisit, what: 'a visit' };
export const INTAKE: Shape = { check: looksLikeIntake, what: 'an intake' };
export const ROOM: Shape = { check: looksLikeRoom, what: 'a room' };

/** A 2xx answer that is not the documented shape. */
export function badResponse(what: string): VseeApiError {
  return new VseeApiError('bad_response', 200, `${defaultMessage('bad_response')} (expected ${what})`);
}
