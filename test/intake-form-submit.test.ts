// submit.ts: what the form knows of a submit before the pipeline's chunk is here, and how a failed step is told.
import { expect } from '@open-wc/testing';
import { LazySubmitPipeline, StepError, UploadsIncomplete, submitFailure } from '../src/elements/intake-form/submit.js';
import type { SubmitRequest } from '../src/elements/intake-form/submit-pipeline.js';
import { chunkLoaders } from '../src/elements/intake-form/chunks.js';
import { VseeApiError } from '../src/client/errors.js';
import type { VseeClient } from '../src/client/vsee-client.js';

/** A request whose client records each call; only the intake calls are needed here. */
function request(): { req: SubmitRequest; calls: string[] } {
  const calls: string[] = [];
  const api = {
    createIntake: async () => (calls.push('createIntake'), { id: 'new-intake' }),
    updateIntake: async (id: string) => (calls.push(`updateIntake:${id}`), { id }),
  } as unknown as VseeClient;
  const req: SubmitRequest = {
    api,
    roomCode: 'room1',
    fields: () => ({ room_code: 'room1', reason_for_visit: 'Cough' }),
    signal: new AbortController().signal,
    reportError: () => undefined,
    intakeSaved: () => undefined,
    visitCreated: () => undefined,
  };
  return { req, calls };
}

describe('intake submit (first paint side)', () => {
  const original = { ...chunkLoaders };
  afterEach(() => Object.assign(chunkLoaders, original));

  // First in the file: the chunk loads once per page, and this test needs it to fail first.
  it('a pipeline that cannot load is a failed `load` step; the next run loads it and sends', async () => {
    chunkLoaders.submit = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const lazy = new LazySubmitPipeline();
    const { req, calls } = request();
    const error = await lazy.run(req).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StepError);
    expect(submitFailure(error)).to.include({ step: 'load' });
    expect(calls).to.deep.equal([]);
    chunkLoaders.submit = original.submit;
    const { intake } = await lazy.run(req);
    expect(intake.id).to.equal('new-intake');
    expect(calls).to.deep.equal(['createIntake']);
  });

  it('an intake a draft restored before the pipeline loaded is the one the first submit updates', async () => {
    const lazy = new LazySubmitPipeline();
    lazy.restoreIntake('from-draft');
    expect(lazy.savedIntakeId).to.equal('from-draft');
    expect(lazy.wasUpdate).to.equal(false);
    const { req, calls } = request();
    await lazy.run(req);
    expect(calls).to.deep.equal(['updateIntake:from-draft']);
    expect(lazy.wasUpdate).to.equal(true);
  });

  it('reset forgets a restored intake, before and after the pipeline loaded', async () => {
    const lazy = new LazySubmitPipeline();
    lazy.restoreIntake('old');
    lazy.reset();
    expect(lazy.savedIntakeId).to.equal(undefined);
    const { req, calls } = request();
    await lazy.run(req);
    expect(lazy.savedIntakeId).to.equal('new-intake');
    lazy.reset();
    expect(lazy.savedIntakeId).to.equal(undefined);
    expect(calls).to.deep.equal(['createIntake']);
  });

  it('says which step failed, and nothing for an abort', () => {
    expect(submitFailure(new UploadsIncomplete())).to.deep.equal({ step: 'uploads' });
    const cause = new VseeApiError('server', 500, 'x');
    expect(submitFailure(new StepError('visit', cause))).to.deep.equal({ step: 'visit', error: cause });
    expect(submitFailure(new StepError('save', new DOMException('stop', 'AbortError')))).to.equal(undefined);
  });
});
