// A real WordPress for the plugin's suite: Debian's MariaDB and WordPress in temporary folders,
// served by `php -S` on loopback. Everything started here is stopped by `stop()`, which the suite
// calls even when a test fails. No network beyond 127.0.0.1, no system service touched.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../scripts/mock-server.mjs';

export const WORDPRESS_DIR = '/usr/share/wordpress';

/** Runs a command to completion; throws with its output when it fails. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

async function waitFor(what, check, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(150);
  }
}

/** MariaDB with its data, socket and logs in `dir`; no TCP port. */
async function startMariaDb(dir) {
  const user = userInfo().username;
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    `--user=${user}`,
    '--auth-root-authentication-method=socket',
    `--auth-root-socket-user=${user}`,
    '--skip-test-db',
  ]);
  const proc = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--user=${user}`,
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'mysqld.err')}`,
      '--innodb-buffer-pool-size=32M',
      '--performance-schema=OFF',
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  proc.on('exit', () => (exited = true));
  await waitFor('MariaDB', () => {
    if (exited) throw new Error(`mariadbd exited: ${readFileSync(join(dir, 'mysqld.err'), 'utf8').slice(-800)}`);
    return spawnSync('mariadb-admin', ['-S', socket, '-u', user, 'ping'], { stdio: 'ignore' }).status === 0;
  });
  run('mariadb', [
    '-S',
    socket,
    '-u',
    user,
    '-e',
    "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';",
  ]);
  return {
    socket,
    async stop() {
      if (exited) return;
      proc.kill('SIGTERM');
      await waitFor('MariaDB to stop', () => exited && !existsSync(socket), 30000).catch(() => proc.kill('SIGKILL'));
    },
  };
}

const ROUTER = `<?php
// php -S router: real files as they are, everything else to WordPress (pretty permalinks, /wp-json/).
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = __DIR__ . $path;
if ( $path !== '/' && is_file( $file ) ) return false;
if ( is_dir( $file ) && is_file( rtrim( $file, '/' ) . '/index.php' ) ) {
  $_SERVER['SCRIPT_NAME'] = rtrim( $path, '/' ) . '/index.php';
  require rtrim( $file, '/' ) . '/index.php';
  return;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
`;

// Runs PHP from stdin inside WordPress (the suite's wp-cli, which Debian does not package).
const EVAL = `<?php
$_SERVER['HTTP_HOST'] = parse_url( getenv( 'WP_TEST_ORIGIN' ), PHP_URL_HOST ) . ':' . parse_url( getenv( 'WP_TEST_ORIGIN' ), PHP_URL_PORT );
if ( getenv( 'WP_TEST_INSTALLING' ) ) define( 'WP_INSTALLING', true );
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
add_filter( 'pre_wp_mail', '__return_false' );
eval( stream_get_contents( STDIN ) );
`;

function wpConfig({ origin, socket, debugLog }) {
  const salt = () => randomBytes(32).toString('hex');
  const keys = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ];
  return `<?php
define( 'DB_NAME', 'wp' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((k) => `define( '${k}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${origin}' );
define( 'WP_SITEURL', '${origin}' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${debugLog}' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'FS_METHOD', 'direct' );
// No calls to wordpress.org; localhost (the mock API) stays reachable.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
if ( ! defined( 'ABSPATH' ) ) define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Starts MariaDB, copies WordPress, installs it and serves it.
 * @returns {Promise<{ origin: string, root: string, php: (code: string) => string, debugLog: () => string, stop: () => Promise<void> }>}
 */
export async function startWordPress({ admin = { user: 'admin', password: 'admin-pass-123' } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vsee-wp-'));
  const stops = [];
  const stop = async () => {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    for (const s of stops.splice(0).reverse()) await s().catch((e) => console.error(e));
    rmSync(dir, { recursive: true, force: true });
  };
  // An interrupted run still stops MariaDB and php -S and removes the temporary folder.
  const interrupted = () => stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const db = await startMariaDb(join(dir, 'db'));
    stops.push(() => db.stop());

    const root = join(dir, 'site');
    cpSync(WORDPRESS_DIR, root, { recursive: true, verbatimSymlinks: true });
    // Debian's config looks for /etc/wordpress/config-<host>.php; the .htaccess link points there too.
    for (const f of ['wp-config.php', '.htaccess']) rmSync(join(root, f), { force: true });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const debugLog = join(dir, 'debug.log');
    writeFileSync(join(root, 'wp-config.php'), wpConfig({ origin, socket: db.socket, debugLog }));
    writeFileSync(join(root, 'router.php'), ROUTER);
    writeFileSync(join(root, 'wp-eval.php'), EVAL);

    const php = (code, env = {}) => {
      try {
        return run('php', [join(root, 'wp-eval.php')], { input: code, env: { ...process.env, WP_TEST_ORIGIN: origin, ...env } });
      } catch (e) {
        // WordPress answers a fatal error with an HTML page; the cause is in its debug log.
        const log = existsSync(debugLog) ? readFileSync(debugLog, 'utf8').slice(-1500) : '(no debug log)';
        throw new Error(`PHP in WordPress failed:\n${code.trim().slice(0, 300)}\n--- debug.log ---\n${log}`);
      }
    };
    php(
      `require_once ABSPATH . 'wp-admin/includes/upgrade.php'; wp_install( 'Sunrise Family Clinic', '${admin.user}', 'admin@example.test', false, '', '${admin.password}' );`,
      { WP_TEST_INSTALLING: '1' },
    );

    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, join(root, 'router.php')], {
      // Its own process group: with workers, stopping the main pid alone would leave them running.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '3' },
    });
    server.stderr.resume();
    let serverExited = false;
    server.on('exit', () => (serverExited = true));
    stops.push(async () => {
      if (serverExited) return;
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await waitFor('php -S to stop', () => serverExited, 10000).catch(() => process.kill(-server.pid, 'SIGKILL'));
    });
    await waitFor('php -S', async () => {
      if (serverExited) throw new Error('php -S exited at start.');
      return fetch(`${origin}/wp-login.php`).then(
        (r) => r.ok,
        () => false,
      );
    });
    return {
      origin,
      root,
      php,
      debugLog: () => (existsSync(debugLog) ? readFileSync(debugLog, 'utf8') : ''),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Lint every PHP file under `dir` with `php -l`; returns the failures. */
export function phpLint(files) {
  return files
    .map((f) => ({ f, r: spawnSync('php', ['-l', f], { encoding: 'utf8' }) }))
    .filter(({ r }) => r.status !== 0)
    .map(({ f, r }) => `${f}: ${r.stdout}${r.stderr}`);
}
