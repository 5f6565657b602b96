import { expect } from '@open-wc/testing';
import { VseeApiError } from '../src/client.js';
import { PostOnce, mayHaveHappened } from '../src/elements/controllers/post-once.js';

describe('PostOnce (no answer: look on the server before posting again)', () => {
  it('posts when nothing failed before, without looking', async () => {
    const once = new PostOnce<string>();
    let finds = 0;
    expect(
      await once.run(
        '9:00',
        async () => (finds++, undefined),
        async () => 'booked',
      ),
    ).to.equal('booked');
    expect(finds).to.equal(0);
  });

  it('after a time-out, finds the record the lost answer created instead of posting again', async () => {
    const once = new PostOnce<string>();
    let posts = 0;
    const post = async () => {
      posts++;
      throw new VseeApiError('timeout', 0, 'no answer');
    };
    await once.run('9:00', async () => undefined, post).catch(() => undefined);
    expect(await once.run('9:00', async () => 'found', post)).to.equal('found');
    expect(posts).to.equal(1);
    // Settled: the next attempt posts without looking.
    let finds = 0;
    expect(
      await once.run(
        '9:00',
        async () => (finds++, 'found'),
        async () => 'posted',
      ),
    ).to.equal('posted');
    expect(finds).to.equal(0);
  });

  it('posts again when the server has nothing, and only for the same key', async () => {
    const once = new PostOnce<string>();
    await once
      .run(
        '9:00',
        async () => undefined,
        async () => {
          throw new VseeApiError('network', 0, 'offline');
        },
      )
      .catch(() => undefined);
    let finds = 0;
    expect(
      await once.run(
        '10:00',
        async () => (finds++, 'other'),
        async () => 'posted',
      ),
    ).to.equal('posted');
    expect(finds, 'another time is not looked for').to.equal(0);
  });

  it('a refusal (the server answered) does not make the next attempt look first', async () => {
    const once = new PostOnce<string>();
    await once
      .run(
        '9:00',
        async () => undefined,
        async () => {
          throw new VseeApiError('http', 403, 'Forbidden');
        },
      )
      .catch(() => undefined);
    let finds = 0;
    expect(
      await once.run(
        '9:00',
        async () => (finds++, 'found'),
        async () => 'posted',
      ),
    ).to.equal('posted');
    expect(finds).to.equal(0);
  });

  it('knows which failures may hide a success', () => {
    expect(mayHaveHappened(new VseeApiError('timeout', 0, 'x'))).to.equal(true);
    expect(mayHaveHappened(new VseeApiError('bad_response', 200, 'x'))).to.equal(true);
    expect(mayHaveHappened(new VseeApiError('server', 500, 'x'))).to.equal(false);
    expect(mayHaveHappened(new Error('x'))).to.equal(false);
  });
});
