// Unit tests of visit-tasks.ts: one Task per visit, created on first use, removed with its visit.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus } from '@lit/task';
import { VisitTasks } from '../src/elements/visit-list/visit-tasks.js';
import type { VseeClient } from '../src/client/vsee-client.js';

/** A host that keeps its controllers in a set, as ReactiveElement does. */
function fakeHost() {
  const controllers = new Set<ReactiveController>();
  const host: ReactiveControllerHost = {
    addController: (c) => void controllers.add(c),
    removeController: (c) => void controllers.delete(c),
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  return { host, controllers };
}

describe('VisitTasks', () => {
  const api = {} as VseeClient;

  it('creates one Task per visit on first use, adds it to the host, and runs it only when asked', async () => {
    const { host, controllers } = fakeHost();
    const calls: string[] = [];
    const tasks = new VisitTasks<string>(host, {
      api: () => api,
      operation: 'op',
      reportError: () => {},
      call: async (_api, id) => (calls.push(id), `value ${id}`),
    });
    const a = tasks.for('a');
    expect(tasks.for('a')).to.equal(a);
    expect(controllers.has(a)).to.be.true;
    expect(calls).to.deep.equal([]);
    await a.run();
    expect(a.status).to.equal(TaskStatus.COMPLETE);
    expect(a.value).to.equal('value a');
  });

  it('removes and aborts the Tasks of visits no longer listed, and all on clear()', async () => {
    const { host, controllers } = fakeHost();
    let signal: AbortSignal | undefined;
    const tasks = new VisitTasks<string>(host, {
      api: () => api,
      operation: 'op',
      reportError: () => {},
      call: (_api, id, s) => (id === 'b' ? ((signal = s), new Promise<string>(() => {})) : Promise.resolve(id)),
    });
    const a = tasks.for('a');
    const b = tasks.for('b');
    void b.run();
    tasks.retain(new Set(['a']));
    expect(controllers.has(a)).to.be.true;
    expect(controllers.has(b)).to.be.false;
    expect(tasks.get('b')).to.be.undefined;
    expect(signal?.aborted, 'the request of the visit that went away').to.be.true;
    tasks.clear();
    expect(controllers.size).to.equal(0);
  });

  it('reports a failure with its operation, and does nothing without a client', async () => {
    const { host } = fakeHost();
    const reported: string[] = [];
    const config: { client?: VseeClient } = {};
    const tasks = new VisitTasks<string>(host, {
      api: () => config.client,
      operation: 'getVisit',
      reportError: (_e, op) => reported.push(op),
      call: () => Promise.reject(new Error('boom')),
    });
    await tasks.for('a').run();
    expect(tasks.for('a').status).to.not.equal(TaskStatus.ERROR);
    config.client = api;
    await tasks.for('a').run();
    expect(tasks.for('a').status).to.equal(TaskStatus.ERROR);
    expect(reported).to.deep.equal(['getVisit']);
  });
});
