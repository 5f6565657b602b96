// The mock API as an attacker on the demo machine would try it (issue 12, finding 9 and the
// mock's part of 8): prototype keys, huge bodies, fault paths, uploaded HTML, control endpoints
// from the network. Runs in Node: what is at stake is the server's own process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import Koa from 'koa';
import { mockApiMiddleware } from '../../demo/mock-api/index.js';
import { nestEntries } from '../../demo/mock-api/http.js';

const AUTH = { 'X-AccountCode': 'vclinic', 'X-ApiToken': 'demo-patient-token' };
/** One address of this machine that is not loopback, if it has one. */
const lan = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

let server;
let lanServer;
let origin;
const tenant = () => `/mock/n-${Math.random().toString(36).slice(2, 10)}`;

before(async () => {
  const app = new Koa();
  app.use(mockApiMiddleware());
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  if (lan) {
    lanServer = app.listen(0, lan);
    await new Promise((r) => lanServer.once('listening', r));
  }
});

after(() => {
  server.close();
  lanServer?.close();
});

const post = (path, body, headers = {}) => fetch(origin + path, { method: 'POST', headers: { ...AUTH, ...headers }, body });

test('form field names that reach a prototype are refused, and Object.prototype stays clean', async () => {
  assert.throws(() => nestEntries([['__proto__[polluted]', 'yes']]), /Invalid field name: __proto__/);
  assert.throws(() => nestEntries([['constructor[prototype][polluted]', 'yes']]), /Invalid field name: constructor/);
  assert.throws(() => nestEntries([['a[__proto__][polluted]', 'yes']]), /Invalid field name/);
  const t = tenant();
  for (const body of ['__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', 'x[prototype]=1', '__proto__=1']) {
    const res = await post(`${t}/api_v3/intakes`, new URLSearchParams(body));
    assert.equal(res.status, 400, body);
    assert.deepEqual(await res.json(), {
      code: 400,
      message: `Invalid field name: ${/^(\w+)/.exec(body)[1] === 'x' ? 'prototype' : /^(\w+)/.exec(body)[1]}.`,
    });
  }
  const form = new FormData();
  form.append('__proto__[polluted]', 'yes');
  assert.equal((await post(`${t}/api_v3/intakes/57b4c678-de20-4c1a-a52b-43e9ac1f0144`, form)).status, 400);
  const json = await post(`${t}/api_v3/intakes`, '{"reason_for_visit":"x","__proto__":{"polluted":"yes"}}', {
    'Content-Type': 'application/json',
  });
  assert.equal(json.status, 400);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});

test('request bodies are capped with a 400 the vendor lists (no 413), uploads at 10 MB', async () => {
  const t = tenant();
  const big = await post(`${t}/api_v3/intakes`, new URLSearchParams({ reason_for_visit: 'x'.repeat(300 * 1024) }));
  assert.equal(big.status, 400);
  assert.match((await big.json()).message, /too large/);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' }), 'big.png');
  const upload = await post(`${t}/api_v3/files`, form);
  assert.equal(upload.status, 400);
  assert.match((await upload.json()).message, /too large/);
  // A body that states no length is counted as it arrives.
  const stream = new ReadableStream({
    start(c) {
      for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('reason_for_visit=' + 'y'.repeat(10_000) + '&'));
      c.close();
    },
  });
  const chunked = await fetch(`${origin}${t}/api_v3/intakes`, {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: stream,
    duplex: 'half',
  });
  assert.equal(chunked.status, 400);
  // The server is still fine afterwards.
  assert.equal((await fetch(`${origin}${t}/api_v3/visits`, { headers: AUTH })).status, 200);
});

test('a fault path is a plain string or a glob, never a regular expression', async () => {
  const t = tenant();
  const fault = (f) =>
    fetch(`${origin}${t}/__control/fault`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(f) });
  // A regular-expression-looking string is matched literally: it selects nothing here.
  assert.equal((await fault({ path: '/^\\/visits$/', status: 500 })).status, 200);
  assert.equal((await fetch(`${origin}${t}/api_v3/visits`, { headers: AUTH })).status, 200);
  // A catastrophic-backtracking pattern is just text, answered at once.
  assert.equal((await fault({ path: '(a+)+$', status: 500 })).status, 200);
  const t0 = performance.now();
  assert.equal((await fetch(`${origin}${t}/api_v3/visits/${'a'.repeat(40)}!`, { headers: AUTH })).status, 404);
  assert.ok(performance.now() - t0 < 1000);
  // Globs: `*` within a segment.
  await fetch(`${origin}${t}/__control/reset`, { method: 'POST' });
  assert.equal((await fault({ method: 'GET', path: '/visits/*', status: 503 })).status, 200);
  assert.equal((await fetch(`${origin}${t}/api_v3/visits`, { headers: AUTH })).status, 200);
  assert.equal((await fetch(`${origin}${t}/api_v3/visits/7727`, { headers: AUTH })).status, 503);
  // A pattern without a leading slash is found anywhere in the path.
  assert.equal((await fault({ method: 'GET', path: 'exports/', status: 503 })).status, 200);
  assert.equal((await fetch(`${origin}${t}/api_v3/visits/7727/exports/visit_summary`, { headers: AUTH })).status, 503);
  // Patterns that could cost time are refused.
  assert.equal((await fault({ path: '/*a*a*a*a*a*b', status: 500 })).status, 400);
  assert.equal((await fault({ path: 'x'.repeat(201), status: 500 })).status, 400);
});

test('an uploaded file comes back as a download that cannot run on the demo origin', async () => {
  const t = tenant();
  const form = new FormData();
  form.append('file', new Blob(['<script>alert(document.cookie)</script>'], { type: 'text/html' }), 'evil.html');
  const res = await post(`${t}/api_v3/files`, form);
  assert.equal(res.status, 200);
  const { data } = await res.json();
  const intake = await (await post(`${t}/api_v3/intakes`, new URLSearchParams({ 'attachments[0]': data.id }))).json();
  const path = (await (await fetch(`${origin}${t}/api_v3/intakes/${intake.data.id}`, { headers: AUTH })).json()).data.attachments[0].path;
  const file = await fetch(`${origin}${t}/${path}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/octet-stream');
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.match(file.headers.get('content-disposition'), /^attachment; filename="evil.html"/);
  assert.match(file.headers.get('content-security-policy'), /sandbox/);
});

test('the control endpoints answer only this machine', { skip: lan ? false : 'no non-loopback address here' }, async () => {
  const t = tenant();
  const far = `http://${lan}:${lanServer.address().port}`;
  for (const [method, action] of [
    ['GET', 'log'],
    ['POST', 'reset'],
    ['POST', 'config'],
    ['POST', 'fault'],
  ]) {
    const res = await fetch(`${far}${t}/__control/${action}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? '{"status":500}' : undefined,
    });
    assert.equal(res.status, 403, `${method} ${action}`);
  }
  // The API itself still answers (a HOST opt-in is for trying the demo from another device).
  assert.equal((await fetch(`${far}${t}/api_v3/visits`, { headers: AUTH })).status, 200);
  assert.equal((await fetch(`${origin}${t}/__control/log`)).status, 200);
});
