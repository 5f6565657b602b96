// The mock API's `POST /users/sso` (demo/mock-api/sso.js), from Node as a clinic's server calls it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMockServer } from '../../scripts/mock-server.mjs';

let server;
let n = 0;
before(async () => (server = await startMockServer()));
after(() => server?.stop());

const KEYS = { 'X-AccountCode': 'vclinic', 'X-ApiKey': 'demo-api-key', 'X-ApiSecret': 'demo-api-secret' };

function tenant() {
  const root = `${server.origin}/mock/sso-${++n}-${Date.now().toString(36)}`;
  const sso = async (fields, headers = KEYS) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await fetch(`${root}/api_v3/users/sso.json`, { method: 'POST', headers, body: form });
    return { status: res.status, body: await res.json() };
  };
  const get = (path, token) => fetch(`${root}/api_v3${path}`, { headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': token } });
  return { root, sso, get };
}

const PATIENT = { first_name: 'Ana', last_name: 'Ruiz', code: 'wp-3', email: 'ana@example.test', type: '200' };

test('issues a token the rest of the mock accepts for that patient', async () => {
  const t = tenant();
  const { status, body } = await t.sso(PATIENT);
  assert.equal(status, 200);
  const { data } = body;
  assert.equal(data.code, 'wp-3');
  assert.equal(data.first_name, 'Ana');
  assert.equal(data.token.user_id, data.id);
  assert.match(data.token.token, /^sso-[0-9a-f]{36}$/);
  assert.ok(Math.abs(data.token.expiry - (Date.now() / 1000 + 86400)) < 60);
  assert.equal(typeof data.token.refresh_token.token, 'string');
  assert.equal((await t.get('/visits', data.token.token)).status, 200);
  assert.equal((await t.get('/visits/current', data.token.token)).status, 200);
  assert.equal((await t.get('/visits', 'sso-made-up')).status, 401);
});

test('the same code is the same VSee user; every call a new token, all accepted', async () => {
  const t = tenant();
  const a = (await t.sso(PATIENT)).body.data;
  const b = (await t.sso({ ...PATIENT, first_name: 'Anita' })).body.data;
  const c = (await t.sso({ ...PATIENT, code: 'wp-4' })).body.data;
  assert.equal(a.id, b.id);
  assert.equal(b.first_name, 'Anita');
  assert.notEqual(a.id, c.id);
  assert.notEqual(a.token.token, b.token.token);
  for (const u of [a, b, c]) assert.equal((await t.get('/visits', u.token.token)).status, 200);
});

test('a token of one tenant is not accepted by another', async () => {
  const a = tenant();
  const b = tenant();
  const token = (await a.sso(PATIENT)).body.data.token.token;
  assert.equal((await b.get('/visits', token)).status, 401);
});

test('a wrong key, secret or account code is 401 with the flat {code, message} body', async () => {
  const t = tenant();
  for (const headers of [
    { ...KEYS, 'X-ApiSecret': 'nope' },
    { ...KEYS, 'X-ApiKey': 'nope' },
    { 'X-AccountCode': 'vclinic', 'X-ApiKey': 'demo-api-key' },
    { ...KEYS, 'X-AccountCode': 'other' },
  ]) {
    const res = await t.sso(PATIENT, headers);
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 401);
    assert.equal(typeof res.body.message, 'string');
    assert.ok(!JSON.stringify(res.body).includes('demo-api-secret'));
  }
});

test('missing or malformed identity fields are 400s that name the field', async () => {
  const t = tenant();
  const cases = [
    [{ ...PATIENT, first_name: '' }, /first_name/],
    [{ ...PATIENT, last_name: ' ' }, /last_name/],
    [{ ...PATIENT, code: '' }, /code/],
    [{ ...PATIENT, code: 'x'.repeat(129) }, /128/],
    [{ ...PATIENT, type: '300' }, /type/],
    [{ ...PATIENT, dob: '03/04/1990' }, /dob/],
  ];
  for (const [fields, message] of cases) {
    const res = await t.sso(fields);
    assert.equal(res.status, 400, JSON.stringify(fields));
    assert.match(res.body.message, message);
  }
  // A guest (600) needs no code.
  const { code: _, ...guest } = PATIENT;
  assert.equal((await t.sso({ ...guest, type: '600' })).status, 200);
});

test('ssoTokenTtl in the config shortens the expiry; a reset forgets issued tokens', async () => {
  const t = tenant();
  await fetch(`${t.root}/__control/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ssoTokenTtl: 90 }),
  });
  const data = (await t.sso(PATIENT)).body.data;
  assert.ok(Math.abs(data.token.expiry - (Date.now() / 1000 + 90)) < 5);
  await fetch(`${t.root}/__control/reset`, { method: 'POST' });
  assert.equal((await t.get('/visits', data.token.token)).status, 401);
});
