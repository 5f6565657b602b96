/**
 * Pure helpers of a visit's details (the lazily loaded view): its prescription lists, attachments
 * and notes, read from the API's loosely typed answer. No DOM, no lit. Apart from visit-helpers.ts
 * so that a list with no details open does not load them.
 */
import type { FileRef, Prescription, Visit } from '../../client/types.js';
import { isIndexKeyed, listItems } from '../../client/shapes.js';
import { record, text } from './visit-helpers.js';

/** The two prescription lists of a visit detail. */
export type PrescriptionList = 'prescriptionsBeforeVisit' | 'prescriptions';

/**
 * A list of records as the API may send one: an array, a PHP index-keyed object (`{"0": …}`), or
 * one record alone; `[]` for none (absent, `null`, `""`, `{}`); `undefined` when it cannot be read
 * (a number, a list of strings): "nothing was prescribed" would then be a false statement.
 */
function recordList(v: unknown): Record<string, unknown>[] | undefined {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) {
    const records = v.filter((x) => record(x) !== undefined) as Record<string, unknown>[];
    return records.length || !v.length ? records : undefined;
  }
  const r = record(v);
  if (!r) return undefined;
  if (Object.keys(r).length === 0) return [];
  return isIndexKeyed(r) ? listItems(r) : [r];
}

/** One list's prescriptions; `undefined` when the list came in a shape that cannot be read. */
export function prescriptionsOf(visit: Visit, list: PrescriptionList): Prescription[] | undefined {
  return recordList(visit[list]) as Prescription[] | undefined;
}

/** What the patient reads of a prescription; `undefined` where the field is missing or garbage. */
export interface PrescriptionFacts {
  drug?: string;
  directions?: string;
  /** "60 Tablet": `Qty` with its unit `QtyQual`. */
  quantity?: string;
  refills?: string;
  status?: string;
  prescriber?: string;
  /** Midnight UTC of `PrescriptionDate`, in ms, to format in UTC (the date has no zone). */
  date?: number;
}

/**
 * A prescription by the e-prescribing system's documented names (`Drug`, `Qty`, …). The
 * lowercase names an older mock used are read when the documented ones are absent.
 */
export function prescriptionFacts(p: Prescription): PrescriptionFacts {
  const qty = count(p.Qty) ?? text(p.quantity);
  const unit = text(p.QtyQual);
  return {
    drug: text(p.Drug ?? p.drug),
    directions: text(p.Directions ?? p.directions),
    quantity: qty && unit ? `${qty} ${unit}` : qty,
    refills: count(p.Refills ?? p.refills),
    status: text(p.Status),
    prescriber: text(p.PrescriberName),
    date: prescriptionDate(p.PrescriptionDate),
  };
}

/** A count (`Qty`, `Refills`) as sent, as a number or a numeric string, not negative; anything else undefined. */
function count(v: unknown): string | undefined {
  const t = text(v);
  return t !== undefined && Number.isFinite(Number(t)) && Number(t) >= 0 ? t : undefined;
}

/** "2016-01-30T00:00:00" as midnight UTC; "0001-01-01T00:00:00" (the system's "none") and garbage as undefined. */
export function prescriptionDate(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls Feb 31 into March: such a date is garbage, not another day.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

/** Files attached by the provider (postvisit) and by the patient (intake), each once. */
export function attachmentsOf(visit: Visit): FileRef[] | undefined {
  const out: FileRef[] = [];
  const seen = new Set<string>();
  for (const list of [record(visit.postvisit)?.attachments, record(visit.intake)?.attachments]) {
    // An intake's own `attachments` may be its files' ids (comma-separated, or a list): nothing to name them by.
    if (typeof list === 'string' || (Array.isArray(list) && list.every((x) => typeof x === 'string'))) continue;
    const files = recordList(list);
    if (!files) return undefined;
    for (const file of files as FileRef[]) {
      const key = text(file.id) ?? text(file._id);
      if (key) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push(file);
    }
  }
  return out;
}

export const NOTE_KEYS = ['physical_exam', 'assessment_plan', 'patient_instructions'] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

/** What an empty rich-text editor saves: nothing, blanks, or empty paragraphs ("<p><br></p>"). */
const EMPTY_NOTE = /^(?:\s|&nbsp;|<p>(?:\s|&nbsp;|<br\s*\/?>)*<\/p>)*$/i;

/** The provider's HTML notes that have content (unsanitized: only for the sanitizer). */
export function notesOf(visit: Visit): Array<[NoteKey, string]> {
  const pv = record(visit.postvisit);
  if (!pv) return [];
  const out: Array<[NoteKey, string]> = [];
  for (const key of NOTE_KEYS) {
    const v = pv[key];
    if (typeof v === 'string' && !EMPTY_NOTE.test(v)) out.push([key, v]);
  }
  return out;
}

/** Notes still being written by the provider are not the patient's to read yet. */
export function notesAreDraft(visit: Visit): boolean {
  return record(visit.postvisit)?.draft === true;
}
