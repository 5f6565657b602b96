// Bundles the React 19 integration page with esbuild, the way an app using the npm package would
// (`vsee-clinic-elements` resolves to the built dist/ through the package's own exports).
import { build } from 'esbuild';
import { resolve } from 'node:path';

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
