// Serves the project's mock VSee API (demo/mock-api) on a loopback port from Node, for suites that
// run outside the test runner's browser: the token handler's tests and the WordPress suite.
import { startDevServer } from '@web/dev-server';
import { createServer } from 'node:net';
import { mockApiMiddleware } from '../demo/mock-api/index.js';

/** A free loopback port (the dev server itself would fall back to 8000, which others use). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ port?: number, middleware?: any[] }} [options] port 0 (default) picks a free one
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function startMockServer({ port = 0, middleware = [] } = {}) {
  if (!port) port = await freePort();
  const server = await startDevServer({
    config: {
      rootDir: process.cwd(),
      hostname: '127.0.0.1',
      port,
      middleware: [...middleware, mockApiMiddleware()],
      // Nothing but the API is served: a missing route is the mock's 404, not a file listing.
      watch: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
