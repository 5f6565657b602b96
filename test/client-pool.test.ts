import { expect } from '@open-wc/testing';
import { ClientPool } from '../src/elements/client-pool.js';

const options = (token: string) => ({ baseUrl: '/api', accountCode: 'acme', token });

describe('ClientPool', () => {
  it('gives users configured alike one client', () => {
    const pool = new ClientPool();
    const a = {};
    const b = {};
    expect(pool.acquire(a, options('t'))).to.equal(pool.acquire(b, options('t')));
    expect(pool.acquire({}, options('u'))).not.to.equal(pool.acquire(a, options('t')));
  });

  it('forgets a client when its last user lets go or moves to another token', () => {
    const pool = new ClientPool();
    const a = {};
    const b = {};
    const old = pool.acquire(a, options('old'));
    pool.acquire(b, options('old'));
    const fresh = pool.acquire(a, options('new'));
    const peek = {};
    expect(pool.acquire(peek, options('old')), 'b still holds the old client').to.equal(old);
    pool.release(peek);
    pool.release(b);
    const c = {};
    expect(pool.acquire(c, options('old')), 'a fresh client for the old token').not.to.equal(old);
    pool.release(a);
    expect(pool.acquire({}, options('new')), 'nobody held the new one any more').not.to.equal(fresh);
  });

  it('lets a user hold one client at a time, however often it asks', () => {
    const pool = new ClientPool();
    const a = {};
    const first = pool.acquire(a, options('same'));
    for (let i = 0; i < 3; i++) pool.acquire(a, options('same'));
    pool.release(a);
    expect(pool.acquire({}, options('same'))).not.to.equal(first);
  });
});
