// `npm start`: the demo on http://localhost:8000/ against the mock VSee API. It listens on this
// machine only; `HOST=0.0.0.0 npm start` (or one address) opts in to the network, `PORT` picks the
// port. See scripts/demo-server.mjs for what it serves.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';
import { listen, listenHost } from './demo-server.mjs';

const dev = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
if (!dev.server) throw new Error('The dev server has no HTTP server to listen with.');
await listen(dev.server, listenHost(), config.port);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await dev.stop();
    process.exit(0);
  });
}
