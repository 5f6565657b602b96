// Built before the browser tests (scripts/test.mjs):
// - the React 19 integration page, bundled with esbuild the way an app using the npm package would
//   (`vsee-clinic-elements` resolves to the built dist/ through the package's own exports);
// - dist-test/cdn-sizes.json: the gzip -9 size of every file of dist/cdn/ and the pages of the size
//   table (scripts/size-pages.mjs), which test/size-budget.test.ts checks in the browser.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSizes, measurePages } from './size-pages.mjs';

await build({
  entryPoints: ['test/integration/react-app.jsx'],
  bundle: true,
  format: 'esm',
  outfile: 'dist-test/react-app.js',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'vsee-clinic-elements': resolve('dist/index.js') },
  logLevel: 'warning',
});

mkdirSync('dist-test', { recursive: true });
writeFileSync('dist-test/cdn-sizes.json', JSON.stringify({ sizes: gzipSizes('dist/cdn'), pages: measurePages('dist/cdn') }, null, 2));
