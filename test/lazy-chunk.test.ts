import { expect } from '@open-wc/testing';
import { LazyChunk } from '../src/elements/controllers/lazy-chunk.js';

describe('LazyChunk: one lazily loaded chunk', () => {
  it('imports once however often it is loaded or prefetched, and keeps the module', async () => {
    let calls = 0;
    const chunk = new LazyChunk(async () => ({ n: ++calls }));
    expect(chunk.module).to.equal(undefined);
    chunk.prefetch();
    expect(chunk.loading).to.equal(true);
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect(calls).to.equal(1);
    expect(a).to.equal(b);
    expect(chunk.module).to.deep.equal({ n: 1 });
    expect(chunk.loading).to.equal(false);
  });

  it('a failed import is kept as the error and forgotten, so the next load asks again', async () => {
    let calls = 0;
    const chunk = new LazyChunk(async () => {
      if (++calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'view';
    });
    chunk.prefetch(); // a failed prefetch is quiet: no unhandled rejection
    await chunk.load().catch(() => undefined);
    expect(calls).to.equal(1);
    expect(chunk.error).to.be.instanceOf(TypeError);
    expect(chunk.loading).to.equal(false);
    const retry = chunk.load();
    expect(chunk.error, 'a new attempt clears the old failure').to.equal(undefined);
    expect(await retry).to.equal('view');
    expect(calls).to.equal(2);
  });
});
