/**
 * The form's side of submitting, on the first paint: which step of a submit failed, and the
 * pipeline that does the sending (submit-pipeline.ts), a chunk of its own. The chunk is fetched
 * when the patient moves into the form (`prefetch`) and loaded at the latest by the first submit;
 * if it cannot load, nothing is sent and the form says so with *Try again*, every answer kept.
 */
import { isAbortError } from '../../client/errors.js';
import type { Intake, Visit } from '../../client/types.js';
import { chunks } from './chunks.js';
import type { SubmitPipeline, SubmitRequest } from './submit-pipeline.js';

/** A failure of one step, kept with the step so the message can say which. */
export class StepError extends Error {
  constructor(
    readonly step: 'load' | 'save' | 'visit',
    override readonly cause: unknown,
  ) {
    super(step);
  }
}

/** Thrown when an attachment is still not uploaded: not an API failure (its row offers the retry). */
export class UploadsIncomplete extends Error {}

/** Which step of a submit failed, and how, as the form shows it. `load`: the pipeline's chunk did not arrive. */
export interface SubmitFailure {
  step: 'load' | 'save' | 'visit' | 'uploads';
  error?: unknown;
}

/** The failure to show for what a submit threw; none for an abort (the patient or the page moved on). */
export function submitFailure(err: unknown): SubmitFailure | undefined {
  if (err instanceof UploadsIncomplete) return { step: 'uploads' };
  const step = err instanceof StepError ? err.step : 'save';
  const cause = err instanceof StepError ? err.cause : err;
  return isAbortError(cause) ? undefined : { step, error: cause };
}

/**
 * Stands for the pipeline until its chunk is here: what the first paint needs of it (the intake a
 * draft says was saved, whether the last save was an update) and the run that loads it.
 */
export class LazySubmitPipeline {
  #pipeline?: SubmitPipeline;
  /** A draft's saved intake, restored before the pipeline loaded. */
  #restoredId?: string;

  /** The id of the intake this form saved (or that its draft says was saved). */
  get savedIntakeId(): string | undefined {
    return this.#pipeline ? this.#pipeline.intake?.id : this.#restoredId;
  }

  /** Whether the last save updated an existing intake. */
  get wasUpdate(): boolean {
    return this.#pipeline?.wasUpdate ?? false;
  }

  /** The patient moved into the form: a submit may follow. */
  prefetch = (): void => chunks.submit.prefetch();

  restoreIntake(id: string): void {
    if (this.#pipeline) this.#pipeline.restoreIntake(id);
    else this.#restoredId = id;
  }

  /** Starts afresh (a new form, another patient). */
  reset(): void {
    this.#pipeline?.reset();
    this.#restoredId = undefined;
  }

  async run(req: SubmitRequest): Promise<{ intake: Intake; visit?: Visit }> {
    if (!this.#pipeline) {
      let loaded: typeof import('./submit-pipeline.js');
      try {
        loaded = await chunks.submit.load();
      } catch (e) {
        throw new StepError('load', e);
      }
      this.#pipeline ??= new loaded.SubmitPipeline();
      if (this.#restoredId) this.#pipeline.restoreIntake(this.#restoredId);
      this.#restoredId = undefined;
    }
    return this.#pipeline.run(req);
  }
}
