// `npm test` after the type check and lint: make sure the CDN bundles and the React integration
// page are fresh, then run @web/test-runner once per engine (Chromium, Firefox, WebKit), each
// with what it needs found or installed, and print a pass count and the time per engine.
//
//   node scripts/test.mjs [--browsers chromium,firefox,webkit] [any @web/test-runner flag…]
//   (also VSEE_BROWSERS=firefox; `npm test -- --browsers firefox` runs one engine)
import { spawnSync, execSync, execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findChrome } from './find-chrome.mjs';
import { ENGINES, findBrowser } from './find-browsers.mjs';

function parseArgs(argv) {
  let engines = process.env.VSEE_BROWSERS ? process.env.VSEE_BROWSERS.split(/[ ,]+/) : undefined;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browsers' || a.startsWith('--browsers=')) {
      const list = a.includes('=') ? [a.slice(a.indexOf('=') + 1)] : [];
      while (!a.includes('=') && argv[i + 1] && !argv[i + 1].startsWith('-')) list.push(argv[++i]);
      engines = list.flatMap((x) => x.split(',')).filter(Boolean);
    } else rest.push(a);
  }
  engines = (engines ?? ENGINES).map((e) => e.toLowerCase().replace(/^(chrome|chromium)$/, 'chromium'));
  const unknown = engines.filter((e) => !ENGINES.includes(e));
  if (unknown.length || !engines.length) {
    console.error(`Unknown browser "${unknown.join(', ') || '(none)'}": choose from ${ENGINES.join(', ')}.`);
    process.exit(2);
  }
  return { engines: [...new Set(engines)], rest };
}

const { engines, rest } = parseArgs(process.argv.slice(2));

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** "Chromium 156.0…", "Firefox 153.8.0esr", "WebKitGTK 2.50.6": what the run really used. */
function version(engine, paths) {
  const quiet = { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 20000 };
  try {
    if (engine === 'chromium')
      return execFileSync(paths.chrome, ['--version'], quiet)
        .trim()
        .split('\n')
        .pop()
        .replace(/ built on.*/, '');
    if (engine === 'firefox')
      return execFileSync(paths.firefox, ['--version'], quiet)
        .trim()
        .replace(/^Mozilla /, '');
    const v = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], quiet).trim();
    return `WebKitGTK ${v.replace(/-.*/, '')} (MiniBrowser)`;
  } catch {
    return engine;
  }
}

// Every engine first: a missing one is installed (as root on Debian) or named, before any run.
const paths = {};
for (const engine of engines) {
  if (engine === 'chromium') {
    const chrome = findChrome();
    paths[engine] = chrome && { chrome };
  } else paths[engine] = findBrowser(engine);
  if (!paths[engine]) process.exit(1);
}

// The integration tests load the real bundles: rebuild them when the sources are newer.
const bundle = 'dist/cdn/vsee-clinic-elements.js';
if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest('src'), statSync('package-lock.json').mtimeMs)) {
  console.log('Building dist/ for the integration tests…');
  try {
    execSync('npm run build --silent', { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.error('npm run build failed (above): the integration tests need dist/.');
    process.exit(1);
  }
}
execSync('node scripts/build-integrations.mjs', { stdio: 'inherit' });

// A full run (not `--files`) also checks that the CDN bundles have not grown past their ceilings.
const sizeOk =
  rest.includes('--files') ||
  spawnSync(process.execPath, ['scripts/size.mjs', '--no-build', '--ceiling'], { stdio: 'inherit' }).status === 0;

const tmp = mkdtempSync(join(tmpdir(), 'vsee-test-'));
const results = [];
for (const engine of engines) {
  console.log(`\n=== ${engine}: ${version(engine, paths[engine])} ===`);
  const summary = join(tmp, `${engine}.json`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...rest], {
    stdio: 'inherit',
    env: {
      ...process.env,
      VSEE_ENGINE: engine,
      VSEE_SUMMARY: summary,
      ...(paths[engine].chrome ? { CHROME_PATH: paths[engine].chrome } : {}),
    },
  });
  const seconds = (Date.now() - started) / 1000;
  let counts = { passed: 0, failed: [], skipped: [], fileErrors: [] };
  try {
    counts = JSON.parse(readFileSync(summary, 'utf8'));
  } catch {
    // The runner stopped before reporting (a browser that did not start): its exit code says so.
  }
  results.push({ engine, version: version(engine, paths[engine]), seconds, status: run.status ?? 1, ...counts });
}
rmSync(tmp, { recursive: true, force: true });

console.log('\nengine     passed  failed  skipped  time     browser');
for (const r of results) {
  const failed = r.failed.length + (r.status !== 0 && !r.failed.length ? 1 : 0);
  console.log(
    `${r.engine.padEnd(10)} ${String(r.passed).padStart(6)}  ${String(failed).padStart(6)}  ${String(r.skipped.length).padStart(7)}  ${`${r.seconds.toFixed(0)} s`.padStart(6)}   ${r.version}`,
  );
}
for (const r of results) {
  for (const s of r.skipped) console.log(`  skipped in ${r.engine}: ${s}`);
  for (const f of r.failed) console.log(`  FAILED in ${r.engine}: ${f}`);
  for (const f of r.fileErrors) console.log(`  FAILED in ${r.engine}: ${f} (the file itself failed)`);
  if (r.status !== 0 && !r.failed.length && !r.fileErrors.length)
    console.log(`  FAILED in ${r.engine}: the runner exited with ${r.status}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce(
  (n, r) => n + r.failed.length + r.fileErrors.length + (r.status !== 0 && !r.failed.length && !r.fileErrors.length ? 1 : 0),
  0,
);
const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
const total = results.reduce((n, r) => n + r.seconds, 0);
console.log(
  `Total time ${total.toFixed(0)} s for ${results.map((r) => r.engine).join(', ')}${sizeOk ? '' : '; the bundle size check FAILED'}`,
);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && sizeOk ? 0 : 1);
