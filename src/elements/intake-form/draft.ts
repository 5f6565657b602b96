/**
 * The unsent draft of an intake, kept in `sessionStorage` only: it lives as long as the tab,
 * survives a reload, and never reaches `localStorage`, cookies or the URL (health data).
 */
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

export function draftKey(accountCode: string | undefined, roomCode: string | undefined, intakeId?: string): string {
  return `vsee-intake-draft:${accountCode ?? ''}:${roomCode ?? ''}:${intakeId || 'new'}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frame)
  }
}

export function loadDraft(key: string): IntakeDraft | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<IntakeDraft>;
    if (typeof d !== 'object' || d === null || typeof d.values !== 'object' || d.values === null) return undefined;
    const attachments = Array.isArray(d.attachments)
      ? d.attachments.filter((a): a is DraftAttachment => typeof a?.id === 'string' && typeof a?.name === 'string')
      : [];
    return { values: d.values, attachments, ...(typeof d.savedIntakeId === 'string' ? { savedIntakeId: d.savedIntakeId } : {}) };
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: IntakeDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    /* quota or disabled storage: the draft is a convenience */
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* ignore */
  }
}

/** A walk-in the patient is waiting for: a reload returns to the waiting room, not to a new intake. */
export interface WaitingRecord {
  visitId: string;
  since: number;
}

export function loadWaiting(key: string): WaitingRecord | undefined {
  try {
    const raw = storage()?.getItem(`${key}:waiting`);
    const w = raw ? (JSON.parse(raw) as Partial<WaitingRecord>) : undefined;
    if (!w || typeof w.visitId !== 'string' || typeof w.since !== 'number') return undefined;
    return { visitId: w.visitId, since: w.since };
  } catch {
    return undefined;
  }
}

export function saveWaiting(key: string, record: WaitingRecord): void {
  try {
    storage()?.setItem(`${key}:waiting`, JSON.stringify(record));
  } catch {
    /* ignore */
  }
}

export function clearWaiting(key: string): void {
  try {
    storage()?.removeItem(`${key}:waiting`);
  } catch {
    /* ignore */
  }
}
