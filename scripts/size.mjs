// `npm run size`: builds, then prints raw, gzip -9 and brotli bytes of each CDN file and fails
// over budget. Sizes are deterministic for a given lockfile, so CI can enforce them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execSync } from 'node:child_process';

const KB = 1024;
// [budget enforced, target reported], gzip -9 bytes.
const BUDGETS = {
  entry: { label: 'ES module entry (no DOMPurify chunk)', budget: 24 * KB, target: 20 * KB },
  all: { label: 'ES module + every chunk (all elements, notes open)', budget: 36 * KB, target: 32 * KB },
  iife: { label: 'IIFE (classic script, everything inline)', budget: 36 * KB, target: 32 * KB },
};

if (!process.argv.includes('--no-build') || !existsSync('dist/cdn')) {
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] });
}

const dir = 'dist/cdn';
const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
const measure = (f) => {
  const buf = readFileSync(`${dir}/${f}`);
  return {
    file: f,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.map(measure);
const fmt = (n) => `${(n / KB).toFixed(1).padStart(6)} KB`;
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);

const entry = rows.find((r) => r.file === 'vsee-clinic-elements.js');
const iife = rows.find((r) => r.file === 'vsee-clinic-elements.iife.js');
const chunks = rows.filter((r) => r !== entry && r !== iife);
const totals = {
  entry: entry.gzip,
  all: entry.gzip + chunks.reduce((s, r) => s + r.gzip, 0),
  iife: iife.gzip,
};
console.log('');
let failed = false;
for (const [key, { label, budget, target }] of Object.entries(BUDGETS)) {
  const size = totals[key];
  const over = size > budget;
  failed ||= over;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${label.padEnd(52)} ${fmt(size)} gzip  (budget ${fmt(budget)}, target ${fmt(target)}${size <= target ? ', on target' : ''})`,
  );
}
if (failed) {
  console.error('\nSize budget exceeded.');
  process.exit(1);
}
