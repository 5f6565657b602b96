/**
 * The submit pipeline: save the intake (create, or update when one exists), then create the
 * walk-in or e-consult from it. A step that got no answer may have worked, so its retry first
 * looks on the server (the foundation's `PostOnce`, shared with the slot picker's booking); a
 * retry after a saved intake updates it only if the patient changed something. Loaded on first
 * use (see submit.ts, which stands for it on the first paint).
 */
import type { Intake, IntakeFields, Visit } from '../../client/types.js';
import type { VseeClient } from '../../client/vsee-client.js';
import { VseeApiError } from '../../client/errors.js';
import { hasServerId } from '../../client/shapes.js';
import { PostOnce, missingId } from '../controllers/post-once.js';
import { StepError } from './submit.js';

export type VisitKind = 'walkin' | 'econsult';

export interface SubmitRequest {
  api: VseeClient;
  roomCode: string;
  /** The intake being edited (`intake-id`), if any. */
  intakeId?: string;
  /** The body of the intake; `editing` sends cleared fields empty instead of leaving them out. */
  fields: (editing: boolean) => IntakeFields;
  kind?: VisitKind;
  signal: AbortSignal;
  reportError(error: unknown, operation: string): unknown;
  /** The visit step is about to start (the waiting room's chunk can be requested now). */
  visitStarting?(kind: VisitKind): void;
  intakeSaved(intake: Intake): void;
  visitCreated(visit: Visit, kind: VisitKind): void;
}

export class SubmitPipeline {
  readonly #visitOnce = new PostOnce<Visit>();
  #intake?: Intake;
  #snapshot?: string;
  #wasUpdate = false;
  #visit?: Visit;

  /** The intake saved by this form (or restored from its draft). */
  get intake(): Intake | undefined {
    return this.#intake;
  }

  /** Whether the last save updated an existing intake. */
  get wasUpdate(): boolean {
    return this.#wasUpdate;
  }

  get visit(): Visit | undefined {
    return this.#visit;
  }

  /** An intake this patient's draft says was already saved: the next submit updates it. */
  restoreIntake(id: string): void {
    this.#intake = { id };
  }

  /** Starts afresh (a new form, another patient). */
  reset(): void {
    this.#intake = undefined;
    this.#snapshot = undefined;
    this.#wasUpdate = false;
    this.#visit = undefined;
    this.#visitOnce.reset();
  }

  async run(req: SubmitRequest): Promise<{ intake: Intake; visit?: Visit }> {
    const intake = await this.#saveIntake(req);
    if (req.kind && !this.#visit) {
      req.visitStarting?.(req.kind);
      const visit = await this.#createVisit(req, req.kind, intake);
      this.#visit = visit;
      req.visitCreated(visit, req.kind);
    }
    return { intake, ...(this.#visit ? { visit: this.#visit } : {}) };
  }

  async #saveIntake(req: SubmitRequest): Promise<Intake> {
    const { api, signal } = req;
    const existing = req.intakeId || this.#intake?.id;
    // Compared in one shape: a retry after a saved intake must not update it when nothing changed.
    const snapshot = JSON.stringify(req.fields(false));
    if (this.#intake && snapshot === this.#snapshot) return this.#intake;
    const fields = req.fields(Boolean(existing));
    let intake: Intake;
    try {
      const answer = existing ? await api.updateIntake(existing, fields, { signal }) : await api.createIntake(fields, { signal });
      // Without an id nothing can follow (a visit, an edit): the answer was not usable.
      if (typeof answer?.id !== 'string' || !answer.id) throw missingId('intake');
      // The samples answer with the id (and a create with the custom fields) only: the intake as
      // saved is what was sent, with the answer over it.
      intake = { ...fields, ...answer } as Intake;
    } catch (e) {
      req.reportError(e, existing ? 'updateIntake' : 'createIntake');
      throw new StepError('save', e);
    }
    this.#intake = intake;
    this.#snapshot = snapshot;
    this.#wasUpdate = Boolean(existing);
    req.intakeSaved(intake);
    return intake;
  }

  async #createVisit(req: SubmitRequest, kind: VisitKind, intake: Intake): Promise<Visit> {
    const { api, signal } = req;
    const params = { intake_id: intake.id, room_code: req.roomCode };
    try {
      return await this.#visitOnce.run(
        `${kind}:${intake.id}`,
        () => findVisit(api, kind, intake.id, signal),
        async () => {
          const created = kind === 'walkin' ? await api.addWalkin(params, { signal }) : await api.addEconsult(params, { signal });
          if (typeof created?.id !== 'string' || !created.id) throw missingId('visit');
          return created;
        },
      );
    } catch (e) {
      req.reportError(e, kind === 'walkin' ? 'addWalkin' : 'addEconsult');
      throw new StepError('visit', e);
    }
  }
}

/**
 * How many of the e-consults that the list shows without their intake are opened to look for it,
 * newest first. The one an unanswered attempt made is the newest; a few more cover another tab's,
 * and a list that dates none of them (then its order decides, and it has been seen both ways).
 */
const ECONSULTS_TO_OPEN = 5;

/**
 * The visit an earlier, unanswered attempt may have created for this intake. Where a visit names
 * its intake differs: its own page (`GET /visits/:id`) has `intake_id`, the walk-in and
 * current-visit samples only the nested `intake.id`, and the list's items neither, so a visit
 * that names none is opened before it is taken for another intake's.
 */
async function findVisit(api: VseeClient, kind: VisitKind, intakeId: string, signal: AbortSignal): Promise<Visit | undefined> {
  const confirmed = async (v: Visit): Promise<Visit | undefined> => {
    const named = intakeOf(v) ?? (await intakeOnItsPage(api, v, signal));
    return named === intakeId ? v : undefined;
  };
  if (kind === 'walkin') {
    const current = await api.getCurrentVisit({ signal });
    return current && hasServerId(current) ? confirmed(current) : undefined;
  }
  const econsults = (await api.listVisits({ signal })).filter((v) => v.type === 3 && hasServerId(v));
  const named = econsults.find((v) => intakeOf(v) === intakeId);
  if (named) return named;
  // Undated ones first: any of them may be the one just made.
  const unnamed = econsults.filter((v) => intakeOf(v) === undefined).sort((a, b) => createdAt(b) - createdAt(a) || 0);
  for (const v of unnamed.slice(0, ECONSULTS_TO_OPEN)) {
    const found = await confirmed(v);
    if (found) return found;
  }
  return undefined;
}

/** The id of the intake a visit was made from, where the answer names one. */
function intakeOf(v: Visit): string | undefined {
  const id = v.intake_id ?? v.intake?.id;
  return (typeof id === 'string' || typeof id === 'number') && String(id) ? String(id) : undefined;
}

/** Newest first; a visit without a readable `created` sorts before every dated one. */
function createdAt(v: Visit): number {
  return typeof v.created === 'number' && Number.isFinite(v.created) ? v.created : Infinity;
}

/**
 * The intake a visit's own page names. A page that cannot be read (gone, not the patient's, not a
 * visit) is another visit's; no answer at all is not known, and stops the look-up, so that
 * nothing is posted again on a guess.
 */
async function intakeOnItsPage(api: VseeClient, v: Visit, signal: AbortSignal): Promise<string | undefined> {
  try {
    return intakeOf(await api.getVisit(v.id, { signal }));
  } catch (e) {
    if (e instanceof VseeApiError && ['not_found', 'http', 'bad_response'].includes(e.code)) return undefined;
    throw e;
  }
}
