// The README's "Your own server" plain node:http example, run as written (with the handler loaded
// from source and the mock API as VSee), so the documented adapter lines are known to work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { loadServerModule } from '../../scripts/server-module.mjs';
import { startMockServer } from '../../scripts/mock-server.mjs';

let mock;
let server;
let origin;

before(async () => {
  const { createTokenHandler } = await loadServerModule();
  mock = await startMockServer();
  // A stand-in for the site's own sessions: the cookie names the user.
  const users = { s1: { id: 'u-1', firstName: 'Ana', lastName: 'Ruiz', email: 'ana@example.test' } };
  const sessionUser = (req) => users[/(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie || '')?.[1]] ?? null;

  // ---- as in the README ----
  const vseeToken = createTokenHandler({
    apiBase: `${mock.origin}/mock/readme/api_v3`,
    accountCode: 'vclinic',
    apiKey: 'demo-api-key',
    apiSecret: 'demo-api-secret',
    patient: (request, req) => sessionUser(req),
  });

  server = createServer(async (req, res) => {
    if (req.url !== '/api/vsee-token') return void res.writeHead(404).end();
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).filter(([, v]) => typeof v === 'string'),
      // The body carries `{ "purpose": … }`: join, refresh (a GET has none, and gets 405).
      ...(req.method === 'POST' && { body: req, duplex: 'half' }),
    });
    const answer = await vseeToken(request, req);
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
  });
  // ---- end of the README's lines ----
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await new Promise((r) => server?.close(r));
  await mock?.stop();
});

test('a signed-in browser gets its token; a signed-out one gets 401; another site 403', async () => {
  const ok = await fetch(`${origin}/api/vsee-token`, { method: 'POST', headers: { cookie: 'session=s1', origin } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('content-type'), 'application/json; charset=utf-8');
  const { token } = await ok.json();
  const visits = await fetch(`${mock.origin}/mock/readme/api_v3/visits`, { headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': token } });
  assert.equal(visits.status, 200);
  assert.equal((await fetch(`${origin}/api/vsee-token`, { method: 'POST' })).status, 401);
  assert.equal(
    (await fetch(`${origin}/api/vsee-token`, { method: 'POST', headers: { cookie: 'session=s1', origin: 'https://evil.example' } })).status,
    403,
  );
  assert.equal((await fetch(`${origin}/api/vsee-token`, { headers: { cookie: 'session=s1' } })).status, 405);
});

test('the body reaches the handler: { purpose: "join" } gets its own token, the page keeps its', async () => {
  const ask = (purpose) =>
    fetch(`${origin}/api/vsee-token`, {
      method: 'POST',
      headers: { cookie: 'session=s1', origin, 'content-type': 'application/json' },
      body: JSON.stringify({ purpose }),
    }).then((r) => r.json());
  const page = (await ask('api')).token;
  const join = (await ask('join')).token;
  assert.notEqual(join, page);
  assert.equal((await ask('api')).token, page);
});
