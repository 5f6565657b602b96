import { expect } from '@open-wc/testing';
import { SubmitPipeline, type SubmitRequest } from '../src/elements/intake-form/submit-pipeline.js';
import { StepError } from '../src/elements/intake-form/submit.js';
import { VseeApiError } from '../src/client/errors.js';
import type { VseeClient } from '../src/client/vsee-client.js';

/** A client whose answers each test scripts; it records what was called. */
function fakeApi(script: Partial<Record<string, (...args: unknown[]) => Promise<unknown>>> = {}) {
  const calls: string[] = [];
  const handler =
    (name: string, fallback: (...args: unknown[]) => unknown) =>
    async (...args: unknown[]) => {
      calls.push(name);
      return script[name] ? script[name]!(...args) : fallback(...args);
    };
  const api = {
    createIntake: handler('createIntake', () => ({ id: 'intake-1' })),
    updateIntake: handler('updateIntake', (id) => ({ id })),
    addWalkin: handler('addWalkin', () => ({ id: 'visit-1', intake_id: 'intake-1' })),
    addEconsult: handler('addEconsult', () => ({ id: 'visit-2', intake_id: 'intake-1', type: 3 })),
    getCurrentVisit: handler('getCurrentVisit', () => null),
    listVisits: handler('listVisits', () => []),
    getVisit: handler('getVisit', (id) => ({ id })),
  } as unknown as VseeClient;
  return { api, calls };
}

/** A POST that gets no answer the first time (the server may have acted on it), then answers `created`. */
function unansweredOnce(created: Record<string, unknown>, code: 'timeout' | 'network' = 'timeout') {
  let answered = false;
  const post = async () => {
    if (answered) return created;
    answered = true;
    throw new VseeApiError(code, 0, 'no answer');
  };
  return Object.assign(post, { rearm: () => void (answered = false) });
}

function request(api: VseeClient, over: Partial<SubmitRequest> = {}) {
  const events: string[] = [];
  let reason = 'Rash';
  const req: SubmitRequest = {
    api,
    roomCode: 'room1',
    fields: (editing) => ({ room_code: 'room1', reason_for_visit: reason, ...(editing ? { phone: '' } : {}) }),
    signal: new AbortController().signal,
    reportError: (_e, op) => events.push(`error:${op}`),
    visitStarting: (k) => events.push(`starting:${k}`),
    intakeSaved: (i) => events.push(`saved:${i.id}`),
    visitCreated: (v, k) => events.push(`created:${k}:${v.id}`),
    ...over,
  };
  return { req, events, setReason: (r: string) => (reason = r) };
}

describe('intake submit pipeline', () => {
  it('saves the intake, then creates the walk-in from it, telling the form each step', async () => {
    const { api, calls } = fakeApi();
    const { req, events } = request(api, { kind: 'walkin' });
    const result = await new SubmitPipeline().run(req);
    expect(calls).to.deep.equal(['createIntake', 'addWalkin']);
    expect(events).to.deep.equal(['saved:intake-1', 'starting:walkin', 'created:walkin:visit-1']);
    expect(result.visit!.id).to.equal('visit-1');
  });

  it('tells the form the intake as saved: what was sent, with the answer (an id only, as in the samples) over it', async () => {
    let saved: unknown;
    const { api } = fakeApi({ createIntake: async () => ({ id: 'intake-9' }) });
    const { req } = request(api, { intakeSaved: (i) => (saved = i) });
    await new SubmitPipeline().run(req);
    expect(saved).to.deep.equal({ room_code: 'room1', reason_for_visit: 'Rash', id: 'intake-9' });
  });

  it('a retry after the visit failed does not save the unchanged intake again', async () => {
    let fail = true;
    const { api, calls } = fakeApi({
      addWalkin: async () => {
        if (fail) throw new VseeApiError('server', 500, 'down');
        return { id: 'v' };
      },
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'walkin' });
    const error = await pipeline.run(req).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(StepError);
    expect((error as StepError).step).to.equal('visit');
    fail = false;
    await pipeline.run(req);
    expect(calls).to.deep.equal(['createIntake', 'addWalkin', 'addWalkin']);
  });

  it('a change after the save updates that intake (cleared fields sent empty) instead of creating another', async () => {
    const { api, calls } = fakeApi({
      addWalkin: async () => {
        throw new VseeApiError('server', 500, 'down');
      },
    });
    const pipeline = new SubmitPipeline();
    const { req, setReason } = request(api, { kind: 'walkin' });
    await pipeline.run(req).catch(() => undefined);
    setReason('Rash and fever');
    let body: Record<string, unknown> = {};
    const { api: api2, calls: calls2 } = fakeApi({
      updateIntake: async (_id, fields) => ((body = fields as Record<string, unknown>), { id: 'intake-1' }),
    });
    await pipeline.run({ ...req, api: api2 });
    expect(calls).to.deep.equal(['createIntake', 'addWalkin']);
    expect(calls2).to.deep.equal(['updateIntake', 'addWalkin']);
    expect(body).to.include({ reason_for_visit: 'Rash and fever', phone: '' });
  });

  it('after a walk-in POST got no answer, the retry finds the visit on the server instead of posting again', async () => {
    const post = unansweredOnce({ id: 'second' });
    const { api, calls } = fakeApi({
      addWalkin: post,
      // As the current-visit sample has it: the intake only nested, no top-level `intake_id`.
      getCurrentVisit: async () => ({ id: 'visit-made', intake: { id: 'intake-1' } }),
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'walkin' });
    await pipeline.run(req).catch(() => undefined);
    const result = await pipeline.run(req);
    expect(result.visit!.id).to.equal('visit-made');
    expect(calls).to.deep.equal(['createIntake', 'addWalkin', 'getCurrentVisit']);
  });

  it("a current visit of another intake is not taken for the unanswered walk-in's", async () => {
    const post = unansweredOnce({ id: 'second' });
    const { api, calls } = fakeApi({
      addWalkin: post,
      // Names no intake at all: its own page says which one.
      getCurrentVisit: async () => ({ id: 'older-walkin' }),
      getVisit: async (id) => ({ id, intake_id: 'intake-0' }),
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'walkin' });
    await pipeline.run(req).catch(() => undefined);
    const result = await pipeline.run(req);
    expect(result.visit!.id).to.equal('second');
    expect(calls).to.deep.equal(['createIntake', 'addWalkin', 'getCurrentVisit', 'getVisit', 'addWalkin']);
  });

  it('after an e-consult POST got no answer, the retry opens the newest e-consults the list shows without their intake', async () => {
    const post = unansweredOnce({ id: 'second', type: 3 });
    const opened: unknown[] = [];
    const { api, calls } = fakeApi({
      addEconsult: post,
      // As in the list sample, no item names its intake.
      listVisits: async () => [
        { id: 'appointment', type: 2, created: 300 },
        { id: 'old-econsult', type: 3, created: 100 },
        { id: 'new-econsult', type: 3, created: 200 },
        { id: 'unknown-3', type: 3, created: 400 },
      ],
      getVisit: async (id) => {
        opened.push(id);
        return { id, intake_id: id === 'old-econsult' ? 'intake-1' : 'intake-0' };
      },
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'econsult' });
    await pipeline.run(req).catch(() => undefined);
    const result = await pipeline.run(req);
    expect(result.visit!.id).to.equal('old-econsult');
    expect(opened, 'newest first, never the stand-in id').to.deep.equal(['new-econsult', 'old-econsult']);
    expect(calls.filter((c) => c === 'addEconsult')).to.have.length(1);
  });

  it('opens undated e-consults first, takes a page that cannot be read for another visit, and stops on no answer', async () => {
    const answers: Record<string, () => unknown> = {
      gone: () => {
        throw new VseeApiError('not_found', 404, 'gone');
      },
      undated: () => ({ id: 'undated', intake: { id: 'intake-1' } }),
    };
    const post = unansweredOnce({ id: 'second', type: 3 });
    const opened: unknown[] = [];
    const { api, calls } = fakeApi({
      addEconsult: post,
      listVisits: async () => [
        { id: 'dated', type: 3, created: 100 },
        { id: 'gone', type: 3 },
        { id: 'undated', type: 3 },
      ],
      getVisit: async (id) => (opened.push(id), answers[id as string]!()),
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'econsult' });
    await pipeline.run(req).catch(() => undefined);
    expect((await pipeline.run(req)).visit!.id).to.equal('undated');
    expect(opened).to.deep.equal(['gone', 'undated']);
    expect(calls.filter((c) => c === 'addEconsult')).to.have.length(1);

    // No answer about a page: nothing is posted on a guess, the patient can try again.
    answers.gone = () => {
      throw new VseeApiError('timeout', 0, 'no answer');
    };
    post.rearm();
    const again = new SubmitPipeline();
    await again.run(req).catch(() => undefined);
    const error = (await again.run(req).catch((e: unknown) => e)) as StepError;
    expect([error.step, (error.cause as VseeApiError).code]).to.deep.equal(['visit', 'timeout']);
    expect(calls.filter((c) => c === 'addEconsult')).to.have.length(2);
  });

  it('an e-consult the list names with its intake is found without opening any', async () => {
    const post = unansweredOnce({ id: 'second', type: 3 }, 'network');
    const { api, calls } = fakeApi({
      addEconsult: post,
      listVisits: async () => [
        { id: 'other', type: 3, created: 200 },
        { id: 'mine', type: 3, created: 100, intake_id: 'intake-1' },
      ],
    });
    const pipeline = new SubmitPipeline();
    const { req } = request(api, { kind: 'econsult' });
    await pipeline.run(req).catch(() => undefined);
    expect((await pipeline.run(req)).visit!.id).to.equal('mine');
    expect(calls).to.deep.equal(['createIntake', 'addEconsult', 'listVisits']);
  });

  it('an answer without an id counts as unreadable, and reset() starts afresh', async () => {
    const { api } = fakeApi({ createIntake: async () => ({ reason_for_visit: 'x' }) });
    const pipeline = new SubmitPipeline();
    const { req, events } = request(api);
    const error = (await pipeline.run(req).catch((e: unknown) => e)) as StepError;
    expect(error.step).to.equal('save');
    expect((error.cause as VseeApiError).code).to.equal('bad_response');
    expect(events).to.deep.equal(['error:createIntake']);
    pipeline.restoreIntake('old');
    pipeline.reset();
    expect(pipeline.intake).to.equal(undefined);
  });
});
