// `npm run size`: builds, then prints raw, gzip -9 and brotli bytes of each CDN file and fails
// over budget. Sizes are deterministic for a given lockfile, so CI can enforce them.
// `npm run size -- --by-module` also shows where the entry's bytes come from (via its source map).
// `--ceiling` (run by `npm test`, so by CI) fails only when a size grows past today's ceiling: the
// budget is not met yet, and until it is, nothing may quietly make it worse.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execSync } from 'node:child_process';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const KB = 1024;
// [budget enforced, target reported], gzip -9 bytes.
const BUDGETS = {
  entry: { label: 'ES module entry (no DOMPurify chunk)', budget: 24 * KB, target: 20 * KB },
  all: { label: 'ES module + every chunk (all elements, notes open)', budget: 36 * KB, target: 32 * KB },
  iife: { label: 'IIFE (classic script, everything inline)', budget: 36 * KB, target: 32 * KB },
};

// Today's sizes plus about 1 KB: the ratchet `--ceiling` enforces. Lower them as sizes come down.
// Raised by issue 12 (documented request encodings, answer-shape checks, redirect refusal, token
// redaction in encoded spellings, https-only bases): +1.0 KB gzip, measured against the tree before.
const CEILINGS = { entry: 45_000, all: 61_600, iife: 61_000 };

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
if (process.argv.includes('--by-module')) byModule(`${dir}/vsee-clinic-elements.js`, entry.gzip);

/**
 * The entry's minified bytes by source area, from its source map. "gzip alone" compresses each area
 * by itself, so it overstates (gzip shares a dictionary across areas); "share" is the area's part
 * of the raw bytes applied to the real gzip size.
 */
function byModule(file, gzipTotal) {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const segs = [];
  eachMapping(map, (m) => segs.push(m));
  segs.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const area = (src) => {
    const s = String(src);
    if (s.includes('node_modules/')) return s.includes('@lit/task') ? 'lit: @lit/task' : 'lit';
    const m = s.match(/src\/(.*)$/);
    const p = m ? m[1] : s;
    if (p.startsWith('i18n/')) return `English strings (${p.replace(/^i18n\/|\.ts$/g, '')})`;
    if (p.endsWith('.styles.ts')) return 'styles';
    if (p.startsWith('elements/intake-form/')) return 'intake form';
    if (p.startsWith('elements/slot-picker/')) return 'slot picker';
    if (p.startsWith('elements/visit-list/')) return 'visit list';
    if (p.startsWith('client/')) return 'client';
    if (p.startsWith('elements/vsee-element')) return 'base element';
    return `other (${p})`;
  };
  const parts = new Map();
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const next = segs[i + 1];
    const line = lines[seg.generatedLine - 1];
    const end = next && next.generatedLine === seg.generatedLine ? next.generatedColumn : line.length;
    const key = seg.source ? area(seg.source) : 'unmapped';
    parts.set(key, (parts.get(key) ?? '') + line.slice(seg.generatedColumn, end));
  }
  const total = [...parts.values()].reduce((n, t) => n + t.length, 0);
  const rows = [...parts].map(([k, t]) => [k, t.length, gzipSync(t, { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
  console.log(`\n${'entry by area'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip alone'.padStart(10)} ${'share'.padStart(9)}`);
  for (const [k, raw, gz] of rows) console.log(`${k.padEnd(44)} ${fmt(raw)} ${fmt(gz).padStart(10)} ${fmt((raw / total) * gzipTotal)}`);
}

if (process.argv.includes('--ceiling')) {
  const grown = Object.entries(CEILINGS).filter(([key, max]) => totals[key] > max);
  for (const [key, max] of grown) console.error(`GREW  ${BUDGETS[key].label}: ${totals[key]} B gzip, ceiling ${max} B`);
  if (grown.length) {
    console.error('\nThe bundle grew past its ceiling (scripts/size.mjs CEILINGS).');
    process.exit(1);
  }
  console.log(`\nWithin today's ceilings (${Object.entries(CEILINGS).map(([k, v]) => `${k} ${v} B`).join(', ')}); the budget above is not met yet.`);
} else if (failed) {
  console.error('\nSize budget exceeded.');
  process.exit(1);
}
