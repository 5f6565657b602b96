// `uploadFile` (issue 12): an upload is a call like any other, so its token never leaves the
// configured origin. A redirect of `POST /files` fails the upload; progress is its start and end.
import { expect } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { REDIRECT_MESSAGE } from '../src/client/errors.js';
import { fakeFetch, json, deferred } from './helpers/fake-fetch.js';
import { ACCOUNT, TOKEN, mockTenant, requests } from './helpers/mock.js';
import { failure } from './helpers/failure.js';

/** The test server under this page's other loopback name: same server, another origin. */
function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

const png = (bytes = 4096) => new File([new Uint8Array(bytes)], 'rash.png', { type: 'image/png' });

describe('VseeClient.uploadFile: the token stays with the configured origin', () => {
  it('a cross-origin 307 of POST /files fails the upload, and the other origin never receives the token', async () => {
    const api = mockTenant();
    // The other origin is the mock itself under another host name: a tenant that logs what it gets,
    // and whose CORS answer (`*`, X-ApiToken allowed) would let a followed redirect through.
    const thief = mockTenant();
    const target = `${otherOrigin()}${thief.base}/files`;
    await api.fault({ method: 'POST', path: '/files', status: 307, headers: { Location: target } });
    const c = new VseeClient({ baseUrl: api.base, accountCode: ACCOUNT, token: TOKEN });
    const e = await failure(c.uploadFile(png()));
    expect(e.code).to.equal('http');
    expect(e.message).to.equal(REDIRECT_MESSAGE);
    expect(requests(await api.log(), 'POST', '/files').map((r) => r.status)).to.deep.equal([307]);
    // Give a followed request time to arrive, then look at what the other origin saw.
    await new Promise((r) => setTimeout(r, 300));
    const stolen = await thief.log();
    expect(stolen, JSON.stringify(stolen)).to.have.length(0);
  });

  it('a same-origin 307 of POST /files fails like any other call redirected (nothing is followed)', async () => {
    const api = mockTenant();
    const target = `${location.origin}${api.base}/files`;
    await api.fault({ method: 'POST', path: '/files', status: 307, headers: { Location: target } });
    await api.fault({ method: 'POST', path: '/visits/close', status: 307, headers: { Location: target } });
    const c = new VseeClient({ baseUrl: api.base, accountCode: ACCOUNT, token: TOKEN });
    const upload = await failure(c.uploadFile(png()));
    const close = await failure(c.closeVisit('1', 'patient_exit_room'));
    expect([upload.code, upload.status, upload.message]).to.deep.equal([close.code, close.status, close.message]);
    expect(upload.message).to.equal(REDIRECT_MESSAGE);
    // One POST /files (the redirected one), none followed to the same place.
    expect(requests(await api.log(), 'POST', '/files').map((r) => r.status)).to.deep.equal([307]);
  });

  it('asks fetch not to follow redirects, and not to send cookies', async () => {
    const fake = fakeFetch(() => json({ data: { _id: 'f1', name: 'rash.png' } }));
    let init: RequestInit | undefined;
    const c = new VseeClient({
      baseUrl: 'https://api.example.test/api_v3',
      token: TOKEN,
      fetch: (input, i) => ((init = i), fake.fetch(input, i)),
    });
    expect((await c.uploadFile(png(10))).id).to.equal('f1');
    expect(init?.redirect).to.equal('manual');
    expect(init?.credentials).to.equal('omit');
  });
});

describe('VseeClient.uploadFile: progress, time-out, abort, failures', () => {
  it('reports progress as (0, size) when the upload starts and (size, size) once it succeeded', async () => {
    const answer = deferred<Response>();
    const fake = fakeFetch(() => answer.promise);
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch });
    const progress: Array<[number, number]> = [];
    const done = c.uploadFile(png(4096), { onProgress: (loaded, total) => progress.push([loaded, total]) });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls, 'the request went out').to.have.length(1);
    expect(progress).to.deep.equal([[0, 4096]]);
    answer.resolve(json({ data: { id: 'f1' } }));
    await done;
    expect(progress).to.deep.equal([
      [0, 4096],
      [4096, 4096],
    ]);
  });

  it('reports no completion for an upload that failed', async () => {
    const fake = fakeFetch(() => json({ code: 500, message: 'Disk full' }, 500));
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch });
    const progress: Array<[number, number]> = [];
    const e = await failure(c.uploadFile(png(100), { onProgress: (loaded, total) => progress.push([loaded, total]) }));
    expect([e.code, e.status, e.message]).to.deep.equal(['server', 500, 'Disk full']);
    expect(progress).to.deep.equal([[0, 100]]);
    expect(fake.calls, 'a POST is never re-sent by itself').to.have.length(1);
  });

  it('against the mock: uploads, with (0, size) then (size, size)', async () => {
    const t = mockTenant();
    const c = new VseeClient({ baseUrl: t.base, accountCode: ACCOUNT, token: TOKEN });
    const progress: Array<[number, number]> = [];
    const file = await c.uploadFile(png(200_000), { onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(file.id).to.be.a('string').and.not.empty;
    expect(progress).to.deep.equal([
      [0, 200_000],
      [200_000, 200_000],
    ]);
  });

  it('gets at least 2 minutes, whatever timeoutMs is, then fails with "timeout"', async () => {
    // A compressed clock: the upload's 2-minute timer fires at once, every other timer as asked.
    const realSetTimeout = globalThis.setTimeout;
    const delays: number[] = [];
    globalThis.setTimeout = ((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, (ms ?? 0) >= 120_000 ? 20 : ms);
    }) as typeof setTimeout;
    try {
      const never = fakeFetch(() => new Promise<Response>(() => {}));
      const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: never.fetch, timeoutMs: 50 });
      const e = await failure(c.uploadFile(png(10)));
      expect([e.code, e.status]).to.deep.equal(['timeout', 0]);
      expect(Math.max(...delays)).to.equal(120_000);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });

  it('is not cut off at timeoutMs (other calls are)', async () => {
    const slow = fakeFetch(() => new Promise<Response>((r) => setTimeout(() => r(json({ data: { id: 'f1' } })), 150)));
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: slow.fetch, timeoutMs: 50 });
    expect((await c.uploadFile(png(10))).id).to.equal('f1');
    expect((await failure(c.getVisit('1'))).code).to.equal('timeout');
  });

  it('a longer timeoutMs applies to uploads too', async () => {
    const realSetTimeout = globalThis.setTimeout;
    const delays: number[] = [];
    globalThis.setTimeout = ((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout;
    try {
      const fake = fakeFetch(() => json({ data: { id: 'f1' } }));
      const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch, timeoutMs: 300_000 });
      await c.uploadFile(png(10));
      expect(delays).to.include(300_000);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });

  it('stops when the signal aborts, rejecting with the AbortError', async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => {}));
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch });
    const controller = new AbortController();
    const progress: number[] = [];
    const done = c.uploadFile(png(10), { signal: controller.signal, onProgress: (loaded) => progress.push(loaded) });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const e = await done.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as DOMException).name).to.equal('AbortError');
    expect(fake.calls[0]!.signal!.aborted, 'the request itself was cancelled').to.be.true;
    expect(progress).to.deep.equal([0]);
  });

  it('an already aborted signal sends nothing', async () => {
    const fake = fakeFetch(() => json({ data: { id: 'f1' } }));
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch });
    const controller = new AbortController();
    controller.abort();
    const progress: number[] = [];
    const e = await c.uploadFile(png(10), { signal: controller.signal, onProgress: (l) => progress.push(l) }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as DOMException).name).to.equal('AbortError');
    expect(fake.calls).to.have.length(0);
    expect(progress).to.deep.equal([]);
  });

  it("keeps a 429's Retry-After on the error, and does not re-send the upload", async () => {
    const fake = fakeFetch(() => json({ code: 429, message: 'Slow down' }, 429, { 'Retry-After': '7' }));
    const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fake.fetch });
    const e = await failure(c.uploadFile(png(10)));
    expect([e.code, e.status, e.retryAfter]).to.deep.equal(['rate_limited', 429, 7]);
    expect(fake.calls).to.have.length(1);
  });

  it('after a 401 asks the tokenProvider once and sends the upload again with the new token', async () => {
    const fake = fakeFetch((r) =>
      r.headers['x-apitoken'] === 'fresh' ? json({ data: { id: 'f1' } }) : json({ code: 401, message: 'Expired' }, 401),
    );
    let asked = 0;
    const c = new VseeClient({
      baseUrl: 'https://api.example.test/api_v3',
      token: 'old',
      tokenProvider: async () => (++asked, 'fresh'),
      fetch: fake.fetch,
    });
    expect((await c.uploadFile(png(10))).id).to.equal('f1');
    expect(asked).to.equal(1);
    expect(fake.calls.map((r) => r.headers['x-apitoken'])).to.deep.equal(['old', 'fresh']);
  });

  it('a network failure, an unreadable answer and an answer without an id keep their error kinds', async () => {
    const cases: Array<[Parameters<typeof fakeFetch>[0], string]> = [
      [() => 'network-error', 'network'],
      [() => new Response('<html>oops</html>', { status: 200 }), 'bad_response'],
      [() => json({ data: { name: 'rash.png' } }), 'bad_response'],
    ];
    for (const [responder, code] of cases) {
      const c = new VseeClient({ baseUrl: 'https://api.example.test/api_v3', token: TOKEN, fetch: fakeFetch(responder).fetch });
      expect((await failure(c.uploadFile(png(10)))).code).to.equal(code);
    }
  });
});
