/**
 * Keeps the form and its draft in step: opens the store of the patient now configured (another
 * patient empties the form first), restores the draft (or the waiting room after a reload) once,
 * and saves what the patient types while the form is on screen.
 */
import { DraftStore, type DraftScope, type IntakeDraft, type WaitingRecord } from './draft-store.js';

export interface DraftSyncHost {
  /** Who and where: the store's key. */
  scope(): DraftScope;
  /** The form as a draft keeps it. */
  snapshot(): IntakeDraft;
  /** Whether the form is on screen (nothing is saved from a confirmation or the waiting room). */
  editing(): boolean;
  restore(draft: IntakeDraft): void;
  /** Reloaded while in the waiting room: go back there rather than start a second visit. */
  resumeWaiting(record: WaitingRecord): void;
  /** Another patient: nothing of the previous one may stay on screen or be sent for this one. */
  patientChanged(): void;
}

export class DraftSync {
  readonly #host: DraftSyncHost;
  #store = new DraftStore({});
  #restored = false;

  constructor(host: DraftSyncHost) {
    this.#host = host;
  }

  get store(): DraftStore {
    return this.#store;
  }

  /** Whether the draft was restored (a new intake at once, an edited one after it loaded). */
  get restored(): boolean {
    return this.#restored;
  }

  /** Opens the store of the patient now configured. */
  open(): void {
    const store = new DraftStore(this.#host.scope());
    if (store.key === this.#store.key) return;
    if (this.#restored) {
      this.#host.patientChanged();
      this.#restored = false;
    }
    this.#store = store;
    store.forgetOtherPatients();
  }

  restore(): void {
    this.#restored = true;
    const waiting = this.#store.loadWaiting();
    if (waiting && this.#host.editing()) return this.#host.resumeWaiting(waiting);
    const draft = this.#store.load();
    if (draft) this.#host.restore(draft);
  }

  save(): void {
    if (this.#restored && this.#host.editing()) this.#store.save(this.#host.snapshot());
  }
}
