// `npm test` after the type check: make sure a browser exists and the CDN bundles and the React
// integration page are fresh, then run @web/test-runner.
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from './find-chrome.mjs';

const chrome = findChrome();
if (!chrome) process.exit(1);

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// The integration tests load the real bundles: rebuild them when the sources are newer.
const bundle = 'dist/cdn/vsee-clinic-elements.js';
if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest('src'), statSync('package-lock.json').mtimeMs)) {
  console.log('Building dist/ for the integration tests…');
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] });
}
execSync('node scripts/build-integrations.mjs', { stdio: 'inherit' });

// A full run (not `--files`) also checks that the CDN bundles have not grown past their ceilings.
const sizeOk = process.argv.includes('--files') || spawnSync(process.execPath, ['scripts/size.mjs', '--no-build', '--ceiling'], { stdio: 'inherit' }).status === 0;

const result = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
process.exit(result.status === 0 && sizeOk ? 0 : (result.status || 1));
