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

/**
 * The loaders preload each module's shared chunks (src/loader/preload.ts). The chunk names carry
 * content hashes, known only once the ES build has written its chunks: this plugin collects every
 * module's static imports there, then writes them into both loaders in place of the placeholder.
 * (Rollup builds the configurations below in order, so both loaders come after.)
 */
let chunkGraph;
// The whole `JSON.parse("__VSEE_CHUNK_GRAPH__")` call becomes an object literal (no escaped quotes).
const PLACEHOLDER = /JSON\.parse\((["'])__VSEE_CHUNK_GRAPH__\1\)/;
function chunkGraphPlugin({ collect }) {
  return {
    name: 'vsee-chunk-graph',
    generateBundle(_options, bundle) {
      if (collect) {
        chunkGraph = {};
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          const deps = new Set();
          const visit = (name) => bundle[name].imports.forEach((d) => deps.has(d) || (deps.add(d), visit(d)));
          visit(chunk.fileName);
          chunkGraph[chunk.fileName] = [...deps].sort();
        }
      }
      if (!chunkGraph) this.error('the ES build must run before the classic loader (chunk graph missing)');
      const loader = Object.values(bundle).find((c) => c.type === 'chunk' && /^vsee-clinic-elements(\.iife)?\.js$/.test(c.fileName));
      if (!loader) return;
      if (!PLACEHOLDER.test(loader.code)) this.error(`no chunk-graph placeholder in ${loader.fileName}`);
      loader.code = loader.code.replace(PLACEHOLDER, `(${JSON.stringify(chunkGraph)})`);
    },
  };
}

export default [
  {
    // One ES module per element and the client alone, sharing chunks (lit, the base element, the
    // client…); lazily imported pieces (DOMPurify, Spanish, features used after the first paint)
    // are chunks of their own. Every import is relative, so the folder works from any path. The
    // loader (built next) imports the element modules by URL at run time, and bundles none of them.
    input: {
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
      chunkFileNames: (chunk) =>
        chunk.moduleIds.some((id) => id.includes('/node_modules/lit-element/')) ? 'lit-[hash].js' : '[name]-[hash].js',
      sourcemap: true,
    },
    // An entry's exports are kept whole (a page may import `slot-picker.js` for its class), and a
    // lazily loaded feature (the intake form's waiting room, uploads, clinic fields; the visit
    // list's details) may import the element's helpers from its element's module, instead of
    // Rollup moving that code to one more file every page would fetch before first paint.
    preserveEntrySignatures: 'allow-extension',
    plugins: [...plugins(), chunkGraphPlugin({ collect: true })],
  },
  {
    // The loader, a build of its own: a module it shares with the elements (the mark of our
    // element classes) is copied into it, not split into one more chunk every page would fetch.
    input: 'src/loader.ts',
    output: {
      file: 'dist/cdn/vsee-clinic-elements.js',
      format: 'es',
      sourcemap: true,
    },
    plugins: [...plugins(), chunkGraphPlugin({ collect: false })],
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
    plugins: [...plugins({ module: false }), chunkGraphPlugin({ collect: false })],
  },
];
