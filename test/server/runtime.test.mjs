// "No DOM, no dependency, any runtime with fetch": the handler, bundled on its own, runs in a bare
// JavaScript context that has only the web platform's fetch family (no window, no document, no
// process, no Buffer, no require) and answers a token from the mock API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { build } from 'esbuild';
import { startMockServer } from '../../scripts/mock-server.mjs';

let mock;
before(async () => (mock = await startMockServer()));
after(() => mock?.stop());

test('runs where only fetch, Request, Response, Headers, FormData, URL and AbortSignal exist', async () => {
  const out = await build({
    entryPoints: ['src/server.ts'],
    bundle: true,
    // `neutral` resolves no Node built-in: an import of one would fail this build.
    platform: 'neutral',
    format: 'iife',
    globalName: 'vseeServer',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const sandbox = vm.createContext({ fetch, Request, Response, Headers, FormData, URL, AbortSignal, setTimeout, clearTimeout });
  const { createTokenHandler } = vm.runInContext(`${code}; vseeServer`, sandbox);
  for (const name of ['window', 'document', 'process', 'Buffer', 'require']) {
    assert.equal(vm.runInContext(`typeof ${name}`, sandbox), 'undefined', name);
  }
  const handler = createTokenHandler({
    apiBase: `${mock.origin}/mock/runtime/api_v3`,
    accountCode: 'vclinic',
    apiKey: 'demo-api-key',
    apiSecret: 'demo-api-secret',
    patient: () => ({ id: 7, firstName: 'Ana', lastName: 'Ruiz' }),
  });
  const res = await handler(new Request('https://clinic.example/t', { method: 'POST' }));
  assert.equal(res.status, 200);
  assert.match((await res.json()).token, /^sso-/);
});
