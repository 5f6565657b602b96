// `npm run lint:compat`: ESLint's compat check of src/ against package.json's browserslist, then
// a check of the check: an unguarded API that Safari and Firefox lack must be reported, and the same API
// behind a feature test must not (else a broken config or stale data would pass everything).
import { ESLint } from 'eslint';

const eslint = new ESLint();
const results = await eslint.lintFiles(['src/**/*.ts']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text) console.log(text);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);

const probe = async (code) =>
  (await eslint.lintText(code, { filePath: 'src/__compat-probe__.ts' }))[0].messages.filter((m) => m.ruleId === 'compat/compat');
// Web Bluetooth: neither Apple nor Mozilla ships it, so the probe stays meaningful.
const unguarded = await probe('export const f = () => navigator.bluetooth;\n');
const guarded = await probe("export const f = () => { if ('bluetooth' in navigator) return navigator.bluetooth; };\n");
const selfCheck = unguarded.length === 1 && guarded.length === 0;
if (!selfCheck)
  console.error(
    `lint:compat: the check itself is broken (unguarded navigator.bluetooth: ${unguarded.length} reports, guarded: ${guarded.length}; expected 1 and 0).`,
  );

console.log(`lint:compat: ${results.length} files of src/ checked against the browserslist, ${problems} problems.`);
process.exit(problems === 0 && selfCheck ? 0 : 1);
