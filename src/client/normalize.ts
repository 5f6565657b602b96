/**
 * The API's types drift between endpoints and versions: the same field arrives as `"1470669300"`
 * in one sample and `1631628616` in another, `"type": "2"` next to `"type": 2`, `"null"` for
 * null, `"true"` for true. One recursive pass makes them dependable, by field name, and keeps
 * every field it does not know.
 */
import type { Slot } from './types.js';

const TIMESTAMP_KEYS = new Set([
  'start', 'end', 'actual_start', 'actual_end', 'created', 'modified', 'expiry',
  'slot_start', 'slot_end', 'total_start', 'total_end', 'call_start', 'sec',
]);
const CODE_KEYS = new Set(['type', 'status', 'subtype', 'subType', 'gender']);
const NUMBER_KEYS = new Set(['duration', 'size', 'slots', 'quantity_number']);
const BOOLEAN_KEYS = new Set([
  'draft', 'active', 'tos', 'incharge', 'isEditExpired', 'is_test', 'charge', 'group',
  'visible_to_patient', 'consent', 'livemode', 'is_closed', 'enabled', 'disabled', 'using_bool',
]);
/** Arrays of ids. */
const ID_LIST_KEYS = new Set(['providers', 'host_ids', 'more_provider_ids']);

function isIdKey(key: string): boolean {
  return key === 'id' || key === '_id' || key.endsWith('_id') || key === 'intakeId';
}

/** A number from a number or a numeric string; `undefined` for anything else. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function toTimestamp(v: unknown): number | null | undefined {
  if (v === null || v === 'null' || v === '') return null;
  // Attachments carry Mongo-style `{sec, usec}` timestamps.
  if (typeof v === 'object' && v !== null && 'sec' in v) return toNumber((v as { sec: unknown }).sec);
  return toNumber(v);
}

function toBoolean(v: unknown): unknown {
  if (v === 'true' || v === '1' || v === 1) return true;
  if (v === 'false' || v === '0' || v === 0 || v === '') return false;
  return v;
}

const enum Kind { Id, Time, Num, Bool, IdList, Files, Other }

/** Each field name's kind, worked out once: a 1,000-visit history repeats the same few dozen names. */
const kinds = new Map<string, Kind>();
function kindOf(key: string): Kind {
  let k = kinds.get(key);
  if (k === undefined) {
    k = isIdKey(key) ? Kind.Id
      : TIMESTAMP_KEYS.has(key) ? Kind.Time
      : CODE_KEYS.has(key) || NUMBER_KEYS.has(key) ? Kind.Num
      : BOOLEAN_KEYS.has(key) ? Kind.Bool
      : ID_LIST_KEYS.has(key) ? Kind.IdList
      : key === 'attachments' ? Kind.Files
      : Kind.Other;
    kinds.set(key, k);
  }
  return k;
}

/** Normalizes the records in an array, in place. */
function nestedAll(list: unknown[]): unknown[] {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x === 'object' && x !== null) list[i] = Array.isArray(x) ? nestedAll(x) : normalizeRecord(x);
  }
  return list;
}

/** A value of a field whose name says nothing about its type: nested records are normalized. */
function normalizeOther(v: unknown): unknown {
  if (v === 'null') return null;
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? nestedAll(v) : normalizeRecord(v);
  return v;
}

function normalizeValue(kind: Kind, v: unknown): unknown {
  if (v === 'null') return null;
  switch (kind) {
    case Kind.Id:
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
      if (typeof v === 'string' || v === null || v === undefined) return v;
      break;
    case Kind.Time:
      return toTimestamp(v);
    case Kind.Num:
      if (v === null || v === undefined || v === '') return v === '' ? null : v;
      return toNumber(v);
    case Kind.Bool:
      return toBoolean(v);
    case Kind.IdList:
      if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && x !== '').map(String);
      if (v === null || v === undefined) return v;
      return typeof v === 'string' ? v.split(',').filter(Boolean) : [String(v)];
    case Kind.Files:
      // An intake's attachments are a list of file objects, or "" when there are none.
      if (Array.isArray(v)) return nestedAll(v);
      if (v === '' || v === null || v === undefined) return [];
      return v;
  }
  return normalizeOther(v);
}

/**
 * Normalizes one API object (recursively), in place: the client only hands it objects it has just parsed, and a
 * 1,000-visit history is then not copied object by object. Unknown fields are kept as they came.
 */
export function normalizeRecord<T = Record<string, unknown>>(input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input as T;
  const rec = input as Record<string, unknown>;
  // for…in allocates no key array (a thousand visits have five thousand records); own keys only.
  for (const key in rec) {
    if (!Object.prototype.hasOwnProperty.call(rec, key)) continue;
    const v = rec[key];
    const kind = kinds.get(key) ?? kindOf(key);
    // Most fields are plain strings of no particular kind: the fast path.
    const nv = kind === Kind.Other ? normalizeOther(v) : normalizeValue(kind, v);
    if (nv === undefined) delete rec[key];
    else if (nv !== v) rec[key] = nv;
  }
  // Several samples carry the id only as `_id`.
  if (rec.id === undefined && typeof rec._id === 'string') rec.id = rec._id;
  return rec as T;
}

/** A list payload: an array, or a PHP-style object keyed by index. */
export function normalizeList<T>(input: unknown): T[] | undefined {
  if (Array.isArray(input)) {
    const list: T[] = [];
    for (const x of input) if (typeof x === 'object' && x !== null && !Array.isArray(x)) list.push(normalizeRecord<T>(x));
    return list;
  }
  if (typeof input === 'object' && input !== null) return normalizeList<T>(Object.values(input));
  return undefined;
}

/** Slots without a usable start/end are dropped: a patient cannot book "unknown". */
export function normalizeSlots(input: unknown): Slot[] | undefined {
  const list = normalizeList<Record<string, unknown>>(input);
  if (!list) return undefined;
  const slots: Slot[] = [];
  for (const s of list) {
    const start = typeof s.start === 'number' ? s.start : undefined;
    const end = typeof s.end === 'number' ? s.end : undefined;
    if (start === undefined || end === undefined || end <= start) continue;
    slots.push({ ...s, start, end, providers: Array.isArray(s.providers) ? (s.providers as string[]) : [] });
  }
  return slots;
}

/** `GET /visits/current` says "none" as null, `[]`, `{}` or `""`. */
export function isEmptyPayload(v: unknown): boolean {
  if (v === null || v === undefined || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}
