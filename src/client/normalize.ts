/**
 * The API's types drift between endpoints and versions: the same field arrives as `"1470669300"`
 * in one sample and `1631628616` in another, `"type": "2"` next to `"type": 2`, `"null"` for
 * null, `"true"` for true. One recursive pass makes them dependable, by field name, and keeps
 * every field it does not know.
 */
import { listItems } from './shapes.js';
import type { Slot } from './types.js';

const TIMESTAMP_KEYS = new Set([
  'start',
  'end',
  'actual_start',
  'actual_end',
  'created',
  'modified',
  'expiry',
  'slot_start',
  'slot_end',
  'total_start',
  'total_end',
  'call_start',
  'sec',
]);
const CODE_KEYS = new Set(['type', 'status', 'subtype', 'subType', 'gender']);
// `Qty`, `Refills`, `DaysSupply`: the e-prescribing system's own names (prescriptionsBeforeVisit).
const NUMBER_KEYS = new Set(['duration', 'size', 'slots', 'quantity_number', 'Qty', 'Refills', 'DaysSupply']);
const BOOLEAN_KEYS = new Set([
  'draft',
  'active',
  'tos',
  'incharge',
  'isEditExpired',
  'is_test',
  'charge',
  'group',
  'visible_to_patient',
  'consent',
  'livemode',
  'is_closed',
  'enabled',
  'disabled',
  'using_bool',
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

/**
 * Past this many seconds (the year 5138) a "timestamp" is milliseconds sent by mistake or garbage,
 * and far enough past it a date cannot be formatted at all (Intl throws): read as unknown.
 */
const LATEST_TIMESTAMP = 1e11;

function toTimestamp(v: unknown): number | null | undefined {
  if (v === null || v === 'null' || v === '') return null;
  // Attachments carry Mongo-style `{sec, usec}` timestamps.
  const n = typeof v === 'object' && v !== null && 'sec' in v ? toNumber((v as { sec: unknown }).sec) : toNumber(v);
  return n !== undefined && n >= 0 && n < LATEST_TIMESTAMP ? n : undefined;
}

function toBoolean(v: unknown): unknown {
  if (v === 'true' || v === '1' || v === 1) return true;
  if (v === 'false' || v === '0' || v === 0 || v === '') return false;
  return v;
}

/** A nested record or list, normalized in place; any other value as it came ("null" is null). */
function normalizeOther(v: unknown): unknown {
  if (v === 'null') return null;
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? nestedAll(v) : normalizeRecord(v);
  return v;
}

/** Normalizes the records in an array, in place. */
function nestedAll(list: unknown[]): unknown[] {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x === 'object' && x !== null) list[i] = normalizeOther(x);
  }
  return list;
}

function toId(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'string' || v === null || v === undefined) return v;
  return normalizeOther(v);
}

function toCode(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (v === '') return null;
  return toNumber(v);
}

function toIdList(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && x !== '').map(String);
  if (v === null || v === undefined) return v;
  return typeof v === 'string' ? v.split(',').filter(Boolean) : [String(v)];
}

/** An intake's attachments are a list of file objects, or "" when there are none. */
function toFiles(v: unknown): unknown {
  if (Array.isArray(v)) return nestedAll(v);
  if (v === '' || v === null || v === undefined) return [];
  return v;
}

type Normalizer = (v: unknown) => unknown;

/** How a field's value is read, by what its name says it holds. */
function normalizerFor(key: string): Normalizer {
  if (isIdKey(key)) return toId;
  if (TIMESTAMP_KEYS.has(key)) return toTimestamp;
  if (CODE_KEYS.has(key) || NUMBER_KEYS.has(key)) return toCode;
  if (BOOLEAN_KEYS.has(key)) return toBoolean;
  if (ID_LIST_KEYS.has(key)) return toIdList;
  if (key === 'attachments') return toFiles;
  return normalizeOther;
}

/**
 * Each field name's normalizer, worked out once: a 1,000-visit history repeats the same few
 * dozen names some fifty thousand times, and on a cold page (code not yet optimized) asking six
 * questions of every name was the largest part of the visit list's first render. Bounded, so
 * an answer with arbitrary keys cannot grow it for the page's life.
 */
const normalizers = new Map<string, Normalizer>();
const MAX_CACHED_NAMES = 1000;

function normalizeField(key: string, v: unknown): unknown {
  if (v === 'null') return null;
  let normalize = normalizers.get(key);
  if (!normalize) {
    normalize = normalizerFor(key);
    if (normalizers.size < MAX_CACHED_NAMES) normalizers.set(key, normalize);
  }
  return normalize(v);
}

/**
 * Normalizes one API object (recursively), in place: the client only hands it objects it has just parsed, and a
 * 1,000-visit history is then not copied object by object. Unknown fields are kept as they came.
 */
export function normalizeRecord<T = Record<string, unknown>>(input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input as T;
  const rec = input as Record<string, unknown>;
  // for…in allocates no key array (a 1,000-visit history has some five thousand records); own keys only.
  for (const key in rec) {
    if (!Object.prototype.hasOwnProperty.call(rec, key)) continue;
    const v = rec[key];
    const nv = normalizeField(key, v);
    if (nv === undefined) delete rec[key];
    else if (nv !== v) rec[key] = nv;
  }
  // Several samples carry the id only as `_id`.
  if (rec.id === undefined && typeof rec._id === 'string') rec.id = rec._id;
  return rec as T;
}

/**
 * A list payload (an array, or a PHP-style object keyed by index) of records, normalized; `undefined`
 * when the payload is not a list of records (see shapes.ts).
 */
export function normalizeList<T>(input: unknown): T[] | undefined {
  return listItems(input)?.map((x) => normalizeRecord<T>(x));
}

/** No appointment slot lasts longer: a longer one is garbage, not a time to offer. */
const LONGEST_SLOT = 86_400;

/** Slots without a usable start/end are dropped: a patient cannot book "unknown". */
export function normalizeSlots(input: unknown): Slot[] | undefined {
  const list = normalizeList<Record<string, unknown>>(input);
  if (!list) return undefined;
  const slots: Slot[] = [];
  for (const s of list) {
    const start = typeof s.start === 'number' ? s.start : undefined;
    const end = typeof s.end === 'number' ? s.end : undefined;
    if (start === undefined || end === undefined || end <= start || end - start > LONGEST_SLOT) continue;
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
