// `npm start`: the demo on http://localhost:8000/ against the mock VSee API. It listens on this
// machine only; `HOST=0.0.0.0 npm start` (or an address) opts in to the network, `PORT` picks the
// port. The config's listenPlugin prints the address.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';

const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await server.stop();
    process.exit(0);
  });
}
