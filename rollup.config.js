// The CDN files (`dist/cdn/`). The unbundled `dist/` (ES modules + .d.ts) is written by `tsc` before this.
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const plugins = ({ module = true } = {}) => [
  // `browser: true` and no "development" condition: lit's production build.
  resolve({ browser: true }),
  typescript({
    tsconfig: './tsconfig.json',
    declaration: false,
    declarationMap: false,
    outDir: 'dist/cdn',
    rootDir: 'src',
    sourceMap: true,
  }),
  // Whitespace in lit's html`` and css`` templates is dead weight in a bundle.
  minifyHTML(),
  terser({ module, ecma: 2022, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
];

export default [
  {
    // One ES module per element and the client alone, sharing chunks (lit, the base element, the
    // client…); lazily imported pieces (DOMPurify, Spanish, features used after the first paint)
    // are chunks of their own. Every import is relative, so the folder works from any path. The
    // loader imports the element modules by URL at run time, so it bundles none of them.
    input: {
      'vsee-clinic-elements': 'src/loader.ts',
      'intake-form': 'src/intake-form.ts',
      'slot-picker': 'src/slot-picker.ts',
      'visit-list': 'src/visit-list.ts',
      client: 'src/client.ts',
    },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      // The whole client in one chunk that client.js re-exports: otherwise its few constants
      // (VisitTypes…) stay in client.js and a page with the visit list fetches both.
      manualChunks: (id) => (id.includes('/src/client/') ? 'vsee-client' : undefined),
      // Rollup names a chunk after one of its modules; the one holding lit (and the base element
      // every element shares) would otherwise be called after whichever module came first.
      chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('/node_modules/lit-element/')) ? 'lit-[hash].js' : '[name]-[hash].js'),
      sourcemap: true,
    },
    // An entry's exports are kept whole (a page may import `slot-picker.js` for its class).
    preserveEntrySignatures: 'strict',
    plugins: plugins(),
  },
  {
    // The same loader as a classic script; it imports the ES files above from beside itself.
    // `module: false` for terser: a classic script's top level is the page's global scope.
    input: 'src/loader-iife.ts',
    output: {
      file: 'dist/cdn/vsee-clinic-elements.iife.js',
      format: 'iife',
      sourcemap: true,
    },
    plugins: plugins({ module: false }),
  },
];
