// `npm run size`: builds, prints raw, gzip -9 and brotli bytes of each file of dist/cdn/, then the
// table that matters, what each kind of page pays (scripts/size-pages.mjs: the gzip -9 bytes of the
// library files fetched before its elements show content), and fails when a page is over its
// budget, or, while a page is still over its budget, over the ceiling that holds it meanwhile. Sizes are deterministic for a given lockfile, so CI enforces them: `npm test` runs this
// (scripts/test.mjs passes `--no-build --ceiling`; `--ceiling` is accepted and means the same).
// test/size-budget.test.ts checks the same table in a browser.
// `npm run size -- --by-module` also shows where each element module's bytes come from (via its
// source map).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execSync } from 'node:child_process';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { KB, measurePages } from './size-pages.mjs';

if (!process.argv.includes('--no-build') || !existsSync('dist/cdn')) {
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] });
}

const dir = 'dist/cdn';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort();
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
console.log(`${'file of dist/cdn/'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);

const pages = measurePages(dir);
console.log(
  `\n${'what a page pays (gzip -9, before content shows)'.padEnd(62)} ${'bytes'.padStart(9)} ${'budget'.padStart(9)} ${'target'.padStart(9)} ${'ceiling'.padStart(9)}`,
);
// Over its budget but within its ceiling: reported, not failed (see `ceiling` in size-pages.mjs).
const over = [];
const overBudget = [];
for (const p of pages) {
  const state = p.bytes > p.limit ? 'OVER CEILING' : p.bytes > p.budget ? 'over budget' : p.bytes <= p.target ? 'on target' : 'ok';
  if (p.bytes > p.limit) over.push(p);
  else if (p.bytes > p.budget) overBudget.push(p);
  const ceiling = p.ceiling ? fmt(p.ceiling) : '        -';
  console.log(`${p.label.padEnd(62)} ${fmt(p.bytes)} ${fmt(p.budget)} ${fmt(p.target)} ${ceiling}  ${state}`);
}
if (overBudget.length) {
  console.log(`\n${overBudget.length} page(s) still over budget, held at their ceilings: ${overBudget.map((p) => p.id).join(', ')}.`);
}
if (process.argv.includes('--files')) {
  for (const p of pages) console.log(`\n${p.label}:\n  ${p.files.join('\n  ')}`);
}
if (process.argv.includes('--by-module')) {
  for (const f of files.filter((f) => !f.includes('vsee-clinic-elements'))) byModule(`${dir}/${f}`, rows.find((r) => r.file === f).gzip);
}

/**
 * A file's minified bytes by source area, from its source map. "gzip alone" compresses each area
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
    if (s.includes('node_modules/dompurify')) return 'DOMPurify';
    if (s.includes('node_modules/')) return s.includes('@lit/task') ? 'lit: @lit/task' : 'lit';
    const m = s.match(/src\/(.*)$/);
    const p = m ? m[1] : s;
    if (p === 'i18n/i18n.ts') return 'message lookup (i18n.ts)';
    if (p.startsWith('i18n/')) return `${p.endsWith('.es.ts') ? 'Spanish' : 'English'} strings (${p.replace(/^i18n\/|(\.es)?\.ts$/g, '')})`;
    if (p.startsWith('loader')) return 'loader';
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
  console.log(`\n${file.split('/').pop().padEnd(44)} ${'raw'.padStart(9)} ${'gzip alone'.padStart(10)} ${'share'.padStart(9)}`);
  for (const [k, raw, gz] of rows) console.log(`${k.padEnd(44)} ${fmt(raw)} ${fmt(gz).padStart(10)} ${fmt((raw / total) * gzipTotal)}`);
}

if (over.length) {
  for (const p of over)
    console.error(`OVER  ${p.label}: ${p.bytes} B gzip, limit ${p.limit} B (budget ${p.budget} B) (${p.files.join(' + ')})`);
  console.error('\nA page pays more than it may (scripts/size-pages.mjs). `npm run size -- --by-module` shows where the bytes are.');
  process.exit(1);
}
