// The server token handler (src/server/token-handler.ts) against the project's mock VSee API,
// served from Node on a loopback port. Run with `npm run test:server`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadServerModule } from '../../scripts/server-module.mjs';
import { startMockServer } from '../../scripts/mock-server.mjs';

const KEY = 'demo-api-key';
const SECRET = 'demo-api-secret';
const ALICE = { id: 'wp-17', firstName: 'Alice', lastName: 'Ng', email: 'alice@example.test' };

let server;
let createTokenHandler;
let n = 0;

before(async () => {
  ({ createTokenHandler } = await loadServerModule());
  server = await startMockServer();
});
after(() => server?.stop());

/** A fresh mock tenant and a handler pointed at it. */
function setup(options = {}) {
  const tenant = `srv-${++n}-${Date.now().toString(36)}`;
  const root = `${server.origin}/mock/${tenant}`;
  const handler = createTokenHandler({
    apiBase: `${root}/api_v3`,
    accountCode: 'vclinic',
    apiKey: KEY,
    apiSecret: SECRET,
    patient: () => ALICE,
    ...options,
  });
  const control = (path, body) =>
    fetch(
      `${root}/__control/${path}`,
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    ).then((r) => r.json());
  const ssoCalls = async () => (await control('log')).filter((e) => e.path === '/users/sso').length;
  return { handler, root, control, ssoCalls };
}

const post = (headers = {}) => new Request('https://clinic.example/api/vsee-token', { method: 'POST', headers });

async function answer(res) {
  const text = await res.text();
  assert.ok(!text.includes(SECRET), 'the secret never appears in an answer');
  assert.ok(!text.includes(KEY), 'the API key never appears in an answer');
  for (const [, v] of res.headers) assert.ok(!v.includes(SECRET) && !v.includes(KEY));
  return { status: res.status, body: JSON.parse(text), headers: res.headers };
}

test('answers the signed-in patient a token the API accepts, and only the token and its expiry', async () => {
  const { handler, root } = setup();
  const res = await answer(await handler(post()));
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body).sort(), ['expiry', 'token']);
  assert.match(res.body.token, /^sso-/);
  assert.ok(Math.abs(res.body.expiry - (Date.now() / 1000 + 86400)) < 120);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const visits = await fetch(`${root}/api_v3/visits`, { headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': res.body.token } });
  assert.equal(visits.status, 200);
});

test('sends the patient to /users/sso as the vendor documents it', async () => {
  const { handler, control } = setup();
  await handler(post());
  const entry = (await control('log')).find((e) => e.path === '/users/sso');
  assert.equal(entry.method, 'POST');
  assert.match(entry.url, /\/users\/sso\.json$/);
  assert.match(entry.headers['content-type'], /^multipart\/form-data/);
  assert.equal(entry.headers['x-apikey'], KEY);
  assert.deepEqual(entry.body, { type: '200', code: 'wp-17', first_name: 'Alice', last_name: 'Ng', email: 'alice@example.test' });
});

test('caches the token per patient until shortly before it expires', async () => {
  let who = ALICE;
  const { handler, ssoCalls } = setup({ patient: () => who });
  const first = (await answer(await handler(post()))).body.token;
  assert.equal((await answer(await handler(post()))).body.token, first);
  assert.equal(await ssoCalls(), 1);
  who = { id: 42, firstName: 'Bo', lastName: 'Li' };
  const bo = (await answer(await handler(post()))).body.token;
  assert.notEqual(bo, first);
  assert.equal(await ssoCalls(), 2);
});

test('asks again when the cached token is within renewBeforeSeconds of its expiry', async () => {
  const { handler, control, ssoCalls } = setup({ renewBeforeSeconds: 600 });
  await control('config', { ssoTokenTtl: 500 });
  const a = (await answer(await handler(post()))).body.token;
  const b = (await answer(await handler(post()))).body.token;
  assert.notEqual(a, b);
  assert.equal(await ssoCalls(), 2);
});

test('{ purpose: "join" } gets a fresh token of its own, not cached; the page keeps its token', async () => {
  const { handler, ssoCalls } = setup();
  const page = (await answer(await handler(post()))).body.token;
  const joinReq = () =>
    new Request('https://clinic.example/api/vsee-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ purpose: 'join' }),
    });
  const join1 = (await answer(await handler(joinReq()))).body.token;
  const join2 = (await answer(await handler(joinReq()))).body.token;
  assert.equal(new Set([page, join1, join2]).size, 3);
  assert.equal((await answer(await handler(post()))).body.token, page);
  assert.equal(await ssoCalls(), 3);
});

test('three elements asking at once make one call to VSee', async () => {
  const { handler, ssoCalls } = setup();
  const all = await Promise.all([1, 2, 3].map(async () => (await answer(await handler(post()))).body.token));
  assert.equal(new Set(all).size, 1);
  assert.equal(await ssoCalls(), 1);
});

test('refuses a request without a signed-in patient with 401', async () => {
  const { handler, ssoCalls } = setup({ patient: () => null });
  const res = await answer(await handler(post()));
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'not_signed_in');
  assert.equal(await ssoCalls(), 0);
});

test('refuses anything but POST (405 with Allow) and cross-site requests (403)', async () => {
  const { handler, ssoCalls } = setup();
  const get = await handler(new Request('https://clinic.example/api/vsee-token'));
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  for (const headers of [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ]) {
    const res = await answer(await handler(post(headers)));
    assert.equal(res.status, 403, JSON.stringify(headers));
    assert.equal(res.body.error.code, 'cross_site');
  }
  assert.equal(await ssoCalls(), 0);
  assert.equal((await handler(post({ origin: 'https://clinic.example', 'sec-fetch-site': 'same-origin' }))).status, 200);
});

test('lets the listed other origins ask', async () => {
  const { handler } = setup({ allowedOrigins: ['https://www.clinic.example/'] });
  assert.equal((await handler(post({ origin: 'https://www.clinic.example' }))).status, 200);
  assert.equal((await handler(post({ origin: 'https://other.example' }))).status, 403);
});

test('a wrong secret is a clear 502 that names the credentials, without the secret', async () => {
  const { handler } = setup({ apiSecret: 'wrong-secret' });
  const res = await answer(await handler(post()));
  assert.equal(res.status, 502);
  assert.equal(res.body.error.code, 'vsee_credentials');
  assert.match(res.body.error.message, /API key, secret or account code/);
  assert.ok(!JSON.stringify(res.body).includes('wrong-secret'));
});

test("maps VSee's failures to clear JSON errors", async () => {
  const cases = [
    [{ status: 500 }, 502, 'vsee_unavailable'],
    [{ status: 502, body: '<html><body>Bad gateway</body></html>' }, 502, 'vsee_unavailable'],
    [{ status: 429, headers: { 'Retry-After': '7' } }, 503, 'vsee_rate_limited'],
    [{ status: 400, body: { code: 400, message: 'Missing required parameter: code.' } }, 502, 'vsee_rejected_patient'],
    [{ status: 200, body: { data: { id: 1 } } }, 502, 'vsee_bad_response'],
    [{ status: 200, body: 'not json' }, 502, 'vsee_bad_response'],
  ];
  for (const [fault, status, code] of cases) {
    const { handler, control } = setup();
    await control('fault', { path: '/users/sso', ...fault });
    const res = await answer(await handler(post()));
    assert.equal(res.status, status, JSON.stringify(fault));
    assert.equal(res.body.error.code, code);
    assert.ok(res.body.error.message.length > 10);
    if (fault.status === 429) assert.equal(res.headers.get('retry-after'), '7');
    if (fault.status === 400) assert.match(res.body.error.message, /Missing required parameter: code/);
  }
});

test('a failure is not cached: the next request asks VSee again', async () => {
  const { handler, control, ssoCalls } = setup();
  await control('fault', { path: '/users/sso', status: 503 });
  assert.equal((await handler(post())).status, 502);
  assert.equal((await handler(post())).status, 200);
  assert.equal(await ssoCalls(), 2);
});

test('a slow or unreachable VSee gives 504 or 502, not a hang', async () => {
  const slow = setup({ timeoutMs: 300 });
  await slow.control('fault', { path: '/users/sso', delayMs: 2000 });
  const res = await answer(await slow.handler(post()));
  assert.equal(res.status, 504);
  assert.equal(res.body.error.code, 'vsee_timeout');

  const gone = createTokenHandler({
    apiBase: 'http://127.0.0.1:9/api_v3',
    accountCode: 'vclinic',
    apiKey: KEY,
    apiSecret: SECRET,
    patient: () => ALICE,
  });
  const down = await answer(await gone(post()));
  assert.equal(down.status, 502);
  assert.equal(down.body.error.code, 'vsee_unreachable');
});

test("bad answers from the site's own patient() are 500s that say what is wrong", async () => {
  const cases = [
    [() => ({ id: '', firstName: 'A', lastName: 'B' }), 'bad_patient', /no id/],
    [() => ({ id: 'x'.repeat(129), firstName: 'A', lastName: 'B' }), 'bad_patient', /128/],
    [() => ({ id: 'x', lastName: 'B' }), 'bad_patient', /firstName/],
    [() => ({ id: 'x', firstName: 'A', lastName: 'B', dob: '1/2/1990' }), 'bad_patient', /YYYY-MM-DD/],
    [() => 'alice', 'bad_patient', /not a patient/],
    [
      () => {
        throw new Error('db down');
      },
      'patient_failed',
      /patient\(\) threw/,
    ],
  ];
  for (const [patient, code, message] of cases) {
    const { handler } = setup({ patient });
    const res = await answer(await handler(post()));
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, code);
    assert.match(res.body.error.message, message);
    assert.ok(!JSON.stringify(res.body).includes('db down'));
  }
});

test('passes the adapter context to patient()', async () => {
  const { handler } = setup({ patient: (_req, ctx) => ctx?.user ?? null });
  assert.equal((await handler(post(), { user: ALICE })).status, 200);
  assert.equal((await handler(post(), {})).status, 401);
});

test('refuses a bad configuration at start-up with a message naming the option', () => {
  const ok = { apiBase: 'https://api.vsee.me/api_v3', accountCode: 'c', apiKey: 'k', apiSecret: 's', patient: () => null };
  const bad = [
    [{ ...ok, apiBase: 'not a url' }, /apiBase/],
    [{ ...ok, apiBase: 'ftp://x/api' }, /https/],
    // The secret would cross the network unencrypted: http only to this machine.
    [{ ...ok, apiBase: 'http://api.vsee.me/api_v3' }, /https URL \(http only for localhost\)/],
    [{ ...ok, apiSecret: '' }, /apiSecret/],
    [{ ...ok, accountCode: undefined }, /accountCode/],
    [{ ...ok, patient: 'alice' }, /patient/],
    [{ ...ok, allowedOrigins: ['nope'] }, /allowedOrigins/],
    [undefined, /options/],
  ];
  for (const [options, message] of bad) assert.throws(() => createTokenHandler(options), message);
  for (const apiBase of [
    'http://127.0.0.1:8000/api_v3',
    'http://localhost/api_v3',
    'http://[::1]:9/api_v3',
    'http://[::ffff:127.0.0.1]:9/x',
  ])
    assert.doesNotThrow(() => createTokenHandler({ ...ok, apiBase }), apiBase);
});

const joinRequest = (body = JSON.stringify({ purpose: 'join' })) =>
  new Request('https://clinic.example/api/vsee-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('never follows a redirect from VSee: the secret stays here', async () => {
  const seen = [];
  const fetchSpy = async (url, init) => {
    seen.push(String(url));
    assert.equal(init.redirect, 'manual', 'fetch is told not to follow');
    return new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/sso' } });
  };
  const { handler } = setup({ fetch: fetchSpy });
  const res = await answer(await handler(post()));
  assert.deepEqual([res.status, res.body.error.code], [502, 'vsee_redirect']);
  assert.equal(seen.length, 1);
  assert.ok(!seen[0].includes('elsewhere'));
});

test('a body past 1,000 bytes is not read to its end, and counts as the page token', async () => {
  const { handler, ssoCalls } = setup();
  const page = (await answer(await handler(post()))).body.token;
  const big = JSON.stringify({ purpose: 'join', pad: 'x'.repeat(50_000) });
  assert.equal((await answer(await handler(joinRequest(big)))).body.token, page);
  // Without a Content-Length (a stream), the same.
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(big));
      c.close();
    },
  });
  const streamed = new Request('https://clinic.example/api/vsee-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  });
  assert.equal((await answer(await handler(streamed))).body.token, page);
  assert.equal(await ssoCalls(), 1);
});

test('a patient gets at most 5 join tokens a minute (each costs a call to VSee); then 429 with Retry-After', async () => {
  const { handler, ssoCalls } = setup();
  for (let i = 0; i < 5; i++) assert.equal((await answer(await handler(joinRequest()))).status, 200);
  const refused = await answer(await handler(joinRequest()));
  assert.deepEqual([refused.status, refused.body.error.code], [429, 'too_many_joins']);
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  assert.equal(await ssoCalls(), 5);
  // The page's own token is not limited.
  assert.equal((await answer(await handler(post()))).status, 200);
});

test('{ purpose: "refresh" } (VSee refused the page token) gets a new token, which the cache then answers; at most 5 a minute', async () => {
  const { handler, ssoCalls } = setup();
  const refused = (await answer(await handler(post()))).body.token;
  const refresh = () => joinRequest(JSON.stringify({ purpose: 'refresh' }));
  const renewed = (await answer(await handler(refresh()))).body.token;
  assert.notEqual(renewed, refused, 'not the refused token again');
  assert.equal((await answer(await handler(post()))).body.token, renewed, 'the cache now holds the new one');
  assert.equal(await ssoCalls(), 2);
  for (let i = 0; i < 4; i++) assert.equal((await answer(await handler(refresh()))).status, 200);
  const limited = await answer(await handler(refresh()));
  assert.deepEqual([limited.status, limited.body.error.code], [429, 'too_many_refreshes']);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.equal((await answer(await handler(post()))).status, 200, 'the cached page token is not limited');
});

test('two handlers sharing one cache keep their APIs and accounts apart', async () => {
  const store = new Map();
  const cache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
  const a = setup({ cache });
  // Another API base (another tenant here: staging beside production, say), the same patient id.
  const b = setup({ cache });
  const tokenA = (await answer(await a.handler(post()))).body.token;
  await b.handler(post());
  assert.equal(store.size, 2, 'one entry per API for the same patient id');
  assert.equal(await b.ssoCalls(), 1, 'the other API was asked for its own');
  assert.equal((await answer(await a.handler(post()))).body.token, tokenA);
});
