import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mockApiMiddleware } from './demo/mock-api/index.js';
import { cspDemoMiddleware } from './scripts/csp.mjs';
import { proxyMiddleware } from './scripts/proxy.mjs';
import { demoTokenMiddleware } from './scripts/demo-token.mjs';
import { demoFilesOnly } from './scripts/demo-server.mjs';

// VSEE_API_BASE forwards the demo's API path to a real VSee base instead of the mock, for
// trying a real account from localhost where the API may not answer cross-origin requests.
const realBase = process.env.VSEE_API_BASE;

// Started by scripts/start.mjs (`npm start`), which listens on loopback unless HOST says
// otherwise: an empty hostname keeps the dev server from listening on every interface itself.
export default {
  port: Number(process.env.PORT) || 8000,
  hostname: '',
  rootDir: '.',
  appIndex: 'demo/index.html',
  nodeResolve: { exportConditions: ['development'] },
  middleware: [
    // Only what the demo loads; never the repository's other files or dotfiles.
    demoFilesOnly({ bench: process.env.VSEE_BENCH === '1' }),
    ...(realBase ? [proxyMiddleware('/mock/demo/api_v3', realBase)] : []),
    mockApiMiddleware(),
    demoTokenMiddleware(), // POST /demo/token: the demo page's token, as a clinic's server would give it
    cspDemoMiddleware(),
    // `/` serves the demo page.
    (ctx, next) => {
      if (ctx.path === '/') ctx.path = '/demo/index.html';
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
};
