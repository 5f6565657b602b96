// `npm start` as someone else on the network, or a curious visitor, would meet it (issue 12,
// finding 8): loopback only unless HOST says so, only the files the demo loads, and the
// VSEE_API_BASE proxy for this machine only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { isAllowed, listenHost } from '../../scripts/demo-server.mjs';
import { proxyMiddleware } from '../../scripts/proxy.mjs';

const lan = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** Starts `npm start`'s script on a free-ish port; resolves once it prints its address. */
async function start(env = {}) {
  const port = 8100 + Math.floor(Math.random() * 800);
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 20 s: ${out}`)), 20_000);
    const onData = (d) => {
      out += d;
      if (/Demo on http/.test(out)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return {
    port,
    output: () => out,
    stop: () =>
      new Promise((r) => {
        child.removeAllListeners('exit');
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

const status = async (url) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 'refused';
  }
};

test('npm start serves the demo on loopback only, and nothing but what the demo loads', async () => {
  const s = await start();
  try {
    const base = `http://127.0.0.1:${s.port}`;
    for (const path of [
      '/',
      '/demo/index.html',
      '/demo/demo.js',
      '/demo/theme.html',
      '/csp',
      '/src/index.ts',
      '/node_modules/lit/index.js',
    ]) {
      assert.equal(await status(base + path), 200, path);
    }
    assert.equal((await fetch(`${base}/mock/demo/api_v3/rooms/ceproom1`, { headers: { 'X-AccountCode': 'vclinic' } })).status, 200);
    for (const path of [
      '/.git/config',
      '/.git/HEAD',
      '/.env',
      '/.gitignore',
      '/.ci/run',
      '/demo/.env',
      '/package.json',
      '/package-lock.json',
      '/README.md',
      '/scripts/start.mjs',
      '/test/client.test.ts',
      '/demo/mock-api/index.js',
      '/demo/mock-api/fixtures.js',
      '/node_modules/lit/package.json',
      '/node_modules/.package-lock.json',
      '/web-dev-server.config.mjs',
      '/anything',
      '/%2e%2e/etc/passwd',
      '/demo/%2e%2e/package.json',
      '/__wds-outside-root__/1/etc/passwd',
    ]) {
      assert.equal(await status(base + path), 404, path);
    }
    if (lan) assert.equal(await status(`http://${lan}:${s.port}/`), 'refused', 'reachable from the network');
  } finally {
    await s.stop();
  }
});

test('HOST opts in to listening beyond loopback', { skip: lan ? false : 'no non-loopback address here' }, async () => {
  const s = await start({ HOST: '0.0.0.0' });
  try {
    const home = await fetch(`http://${lan}:${s.port}/`);
    assert.equal(home.status, 200, `${home.status}: ${(await home.text()).slice(0, 300)} ${s.output()}`);
    assert.match(s.output(), /reachable from the network/);
    // Still only the demo's files, and the mock's controls still for this machine only.
    assert.equal(await status(`http://${lan}:${s.port}/.git/config`), 404);
    assert.equal(await status(`http://${lan}:${s.port}/mock/demo/__control/log`), 403);
  } finally {
    await s.stop();
  }
});

test('the default listen address is loopback; HOST=localhost too', () => {
  assert.equal(listenHost({}), '127.0.0.1');
  assert.equal(listenHost({ HOST: 'localhost' }), '127.0.0.1');
  assert.equal(listenHost({ HOST: '0.0.0.0' }), '0.0.0.0');
  assert.equal(listenHost({ HOST: '[::1]' }), '::1');
  assert.equal(isAllowed('/demo/../.git/config'), false);
});

test('the VSEE_API_BASE proxy answers only this machine', async () => {
  const proxy = proxyMiddleware('/mock/demo/api_v3', 'https://api.invalid/api_v3');
  const ctx = (remoteAddress) => ({
    path: '/mock/demo/api_v3/visits',
    url: '/mock/demo/api_v3/visits',
    method: 'GET',
    request: { headers: {} },
    req: { socket: { remoteAddress } },
    status: 404,
    body: undefined,
    type: '',
    set() {},
  });
  const far = ctx('192.0.2.77');
  await proxy(far, () => assert.fail('passed on'));
  assert.equal(far.status, 403);
  assert.match(far.body, /only this machine/);
  const mapped = ctx('::ffff:10.1.2.3');
  await proxy(mapped, () => assert.fail('passed on'));
  assert.equal(mapped.status, 403);
});
