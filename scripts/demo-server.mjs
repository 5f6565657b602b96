// What `npm start` exposes, and where. The dev server would otherwise serve the whole repository
// (`/.git/config`, a stray `.env`, the mock's server code) to every network interface: it treats
// the hostnames "localhost" and "127.0.0.1" as "listen everywhere".

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The address `npm start` listens on: loopback unless `HOST` says otherwise. */
export function listenHost(env = process.env) {
  const host = (env.HOST || '').trim();
  return !host || host === 'localhost' ? '127.0.0.1' : host.replace(/^\[(.*)\]$/, '$1');
}

export const isLoopbackHost = (host) => LOOPBACK_HOSTS.has(host);

/** Is the request from this machine? */
export function isLoopbackRequest(ctx) {
  const addr = String(ctx.req.socket.remoteAddress || '');
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

/**
 * Listens on `host` once every dev-server plugin has started: the config sets `hostname: ''`, so
 * the dev server does not listen by itself (it would pass no host, i.e. every interface, for
 * "localhost"), and a request must not arrive before the plugins are ready.
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {number} port
 */
export async function listen(server, host, port) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => resolve(undefined));
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  const where = isLoopbackHost(host) ? '' : '  (HOST: reachable from the network)';
  console.log(`Demo on http://${shown === '127.0.0.1' ? 'localhost' : shown}:${port}/${where}`);
}

/** Paths the demo pages load (after `/` became `/demo/index.html`), as prefixes. */
const DEMO_PREFIXES = [
  '/demo/', // the pages, their scripts and styles (not demo/mock-api/: server code)
  '/src/', // the library, compiled on the fly
  '/node_modules/', // lit, @lit/task, dompurify as the browser imports them (scripts only, below)
  '/mock/', // the mock API (and the VSEE_API_BASE proxy)
  '/__web-dev-server', // the dev server's own reload socket script
];
/** Extra paths `npm run bench` needs (its pages, the clinic page of the size table, and the built bundles). */
const BENCH_PREFIXES = ['/scripts/bench/', '/test/integration/', '/dist/'];

/**
 * Answers 404 for anything the demo does not load: dotfiles and dot-folders anywhere, the
 * repository's other files, the mock's server code, and non-script files in node_modules.
 * @param {{ bench?: boolean }} [options]
 */
export function demoFilesOnly(options = {}) {
  const prefixes = options.bench ? [...DEMO_PREFIXES, ...BENCH_PREFIXES] : DEMO_PREFIXES;
  return (ctx, next) => {
    if (isAllowed(ctx.path, prefixes)) return next();
    ctx.status = 404;
    ctx.type = 'text/plain';
    ctx.body = 'Not found.';
  };
}

/** @param {string} path decoded request path @param {string[]} prefixes */
export function isAllowed(path, prefixes = DEMO_PREFIXES) {
  if (path === '/' || path === '/csp' || path === '/demo/csp') return true;
  // No traversal, no backslashes, no dotfile or dot-folder (".git", ".env", ".ci") at any depth.
  if (path.includes('\\') || path.includes('\0') || path.split('/').some((seg) => seg.startsWith('.'))) return false;
  if (path.startsWith('/demo/mock-api/')) return false;
  if (path.startsWith('/node_modules/') && !/\.(m?js|map)$/.test(path)) return false;
  return prefixes.some((p) => path.startsWith(p));
}
