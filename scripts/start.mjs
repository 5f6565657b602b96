// `npm start`: the demo on http://localhost:8000/ (PORT to change) against the mock VSee API.
import { spawn } from 'node:child_process';

const child = spawn(
  process.execPath,
  ['node_modules/@web/dev-server/dist/bin.js', '--config', 'web-dev-server.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
