// The CDN bundles. The unbundled `dist/` (ES modules + .d.ts) is written by `tsc` before this.
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
  // A classic script's top level is global: `module: false` keeps `var VseeClinic`.
  terser({ module, ecma: 2022, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
];

export default [
  {
    // One ES module; DOMPurify (a dynamic import) becomes a chunk beside it, resolved
    // relative to the module's own URL, so the bundle works from any path.
    input: 'src/index.ts',
    // The visit details chunk imports lit and the helpers from the entry itself: without this,
    // rollup keeps the entry's export list exact by moving everything into a second shared chunk
    // that the entry re-exports (one more request before first paint).
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: 'vsee-clinic-elements.js',
      chunkFileNames: '[name]-[hash].js',
      // All Spanish tables in one chunk, fetched the first time an element shows Spanish.
      manualChunks: (id) => (/\.es\.ts$/.test(id) ? 'locale-es' : undefined),
      sourcemap: true,
    },
    plugins: plugins(),
  },
  {
    // A classic script: everything inline, the client classes on window.VseeClinic.
    input: 'src/index.ts',
    output: {
      file: 'dist/cdn/vsee-clinic-elements.iife.js',
      format: 'iife',
      name: 'VseeClinic',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: plugins({ module: false }),
  },
];
