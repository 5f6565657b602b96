// `npm test` after the type check: make sure a browser exists, then run @web/test-runner.
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.mjs';

const chrome = findChrome();
if (!chrome) process.exit(1);
const result = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
);
process.exit(result.status ?? 1);
