// `npm start`'s token route (scripts/demo-token.mjs): the demo page gets its token from the demo
// server through tokenProvider, and no token is written in the demo's markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startMockServer } from '../../scripts/mock-server.mjs';
import { demoTokenMiddleware } from '../../scripts/demo-token.mjs';

let server;
before(async () => (server = await startMockServer({ middleware: [demoTokenMiddleware()] })));
after(() => server?.stop());

test('the demo pages carry no token in their markup or scripts', () => {
  for (const file of ['demo/index.html', 'demo/theme.html', 'demo/demo.js', 'demo/theme.js']) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/\btoken="/.test(text), `${file} has a token attribute`);
    assert.ok(!text.includes('demo-patient-token'), `${file} names a token`);
  }
});

test('POST /demo/token answers a token the tenant accepts; the same one again from the cache', async () => {
  const url = `${server.origin}/demo/token?tenant=demo-route-1`;
  const a = await fetch(url, { method: 'POST' });
  assert.equal(a.status, 200);
  const { token, expiry } = await a.json();
  assert.ok(expiry > Date.now() / 1000);
  const visits = await fetch(`${server.origin}/mock/demo-route-1/api_v3/visits`, {
    headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': token },
  });
  assert.equal(visits.status, 200);
  assert.equal((await (await fetch(url, { method: 'POST' })).json()).token, token);
  // Another tenant is another mock world, so another token.
  const other = await (await fetch(`${server.origin}/demo/token?tenant=demo-route-2`, { method: 'POST' })).json();
  assert.notEqual(other.token, token);
});

test("POST /demo/token passes the page's purpose on: refresh replaces the cached token, join gets one of its own", async () => {
  const url = `${server.origin}/demo/token?tenant=demo-route-3`;
  const ask = async (purpose) =>
    (
      await (
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ purpose }) })
      ).json()
    ).token;
  const page = await ask('api');
  const join = await ask('join');
  assert.notEqual(join, page);
  assert.equal(await ask('api'), page, 'join does not touch the cached token');
  const renewed = await ask('refresh');
  assert.notEqual(renewed, page);
  assert.equal(await ask('api'), renewed, 'the cache now answers the new token');
});

test('the demo route refuses GET, other sites and a malformed tenant', async () => {
  assert.equal((await fetch(`${server.origin}/demo/token`)).status, 405);
  assert.equal((await fetch(`${server.origin}/demo/token`, { method: 'POST', headers: { origin: 'https://evil.example' } })).status, 403);
  assert.equal((await fetch(`${server.origin}/demo/token?tenant=../x`, { method: 'POST' })).status, 400);
});
