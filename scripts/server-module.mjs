// Loads src/server.ts (the token handler) into Node without a full build: esbuild compiles it to a
// cache file, which is then imported. The demo server and the Node tests use this, so they run the
// source as it is now, not a stale dist/.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}node_modules/.cache/vsee-clinic-elements/server.mjs`;

/** @returns {Promise<typeof import('../src/server.ts')>} */
export async function loadServerModule() {
  await build({
    entryPoints: [`${root}src/server.ts`],
    bundle: true,
    // `neutral`: the handler must not need Node's built-ins, so none is resolved for it.
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    outfile: out,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(out).href}?v=${Date.now()}`);
}
