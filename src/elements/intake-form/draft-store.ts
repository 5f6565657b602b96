/**
 * The unsent draft of an intake and the walk-in being waited for, kept in `sessionStorage` only:
 * they live as long as the tab, survive a reload, and never reach `localStorage`, cookies or the
 * URL (health data).
 *
 * Per patient (issue 12, finding 10): a tab may be shared (a family computer, a clinic kiosk), so
 * every record is keyed by a hash of the patient's member id or token (never the token itself),
 * and opening the store for one patient drops every other patient's records. Without a known
 * patient nothing is kept at all.
 */
import { toJson } from '../../internal/json.js';

export interface DraftAttachment {
  id: string;
  name: string;
  size?: number;
}

export interface IntakeDraft {
  values: Record<string, unknown>;
  attachments: DraftAttachment[];
  /** An intake already saved for this draft: a retry after a reload must not create another. */
  savedIntakeId?: string;
}

/** A walk-in the patient is waiting for: a reload returns to the waiting room, not to a new intake. */
export interface WaitingRecord {
  visitId: string;
  since: number;
}

/** Inputs whose values a draft never holds: secrets, page-internal values, files. */
export const UNDRAFTED_TYPES: ReadonlySet<string> = new Set(['password', 'hidden', 'file']);

const PREFIX = 'vsee-intake-draft:';

/**
 * A short, stable hash (cyrb53) of who the patient is. Not a security boundary (the storage is the
 * page's own), but the token must not sit in storage, and the key must differ per patient.
 */
export function patientHash(id: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frame)
  }
}

function read(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, toJson(value));
  } catch {
    /* quota or disabled storage: the draft is a convenience */
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* disabled storage */
  }
}

export interface DraftScope {
  accountCode?: string;
  roomCode?: string;
  /** The intake being edited; none for a new one. */
  intakeId?: string;
  /** The member id or token that says who the patient is; none: nothing is kept. */
  patient?: string;
}

export class DraftStore {
  readonly #key?: string;
  readonly #patient?: string;

  constructor(scope: DraftScope) {
    if (!scope.patient) return;
    this.#patient = patientHash(scope.patient);
    this.#key = `${PREFIX}${this.#patient}:${scope.accountCode ?? ''}:${scope.roomCode ?? ''}:${scope.intakeId || 'new'}`;
  }

  /** Whether anything can be kept (a patient is known). */
  get enabled(): boolean {
    return this.#key !== undefined;
  }

  /** The storage key: two stores with the same key read the same records. */
  get key(): string | undefined {
    return this.#key;
  }

  /** Removes every record of any other patient in this tab: their answers must never show here. */
  forgetOtherPatients(): void {
    const s = storage();
    if (!s || !this.#patient) return;
    const mine = `${PREFIX}${this.#patient}:`;
    const stale: string[] = [];
    try {
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k?.startsWith(PREFIX) && !k.startsWith(mine)) stale.push(k);
      }
    } catch {
      return;
    }
    stale.forEach(remove);
  }

  load(): IntakeDraft | undefined {
    if (!this.#key) return undefined;
    const d = read(this.#key) as Partial<IntakeDraft> | undefined;
    if (typeof d !== 'object' || d === null || typeof d.values !== 'object' || d.values === null) return undefined;
    const attachments = Array.isArray(d.attachments)
      ? d.attachments.filter((a): a is DraftAttachment => typeof a?.id === 'string' && typeof a?.name === 'string')
      : [];
    return { values: d.values, attachments, ...(typeof d.savedIntakeId === 'string' ? { savedIntakeId: d.savedIntakeId } : {}) };
  }

  save(draft: IntakeDraft): void {
    if (this.#key) write(this.#key, draft);
  }

  clear(): void {
    if (this.#key) remove(this.#key);
  }

  loadWaiting(): WaitingRecord | undefined {
    if (!this.#key) return undefined;
    const w = read(`${this.#key}:waiting`) as Partial<WaitingRecord> | undefined;
    if (!w || typeof w.visitId !== 'string' || typeof w.since !== 'number') return undefined;
    return { visitId: w.visitId, since: w.since };
  }

  saveWaiting(record: WaitingRecord): void {
    if (this.#key) write(`${this.#key}:waiting`, record);
  }

  clearWaiting(): void {
    if (this.#key) remove(`${this.#key}:waiting`);
  }
}
