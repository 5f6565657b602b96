// `npm run test:wordpress` (part of `npm test`): the WordPress plugin on a real WordPress. It needs
// Debian's wordpress, php-cli, php-mysql and mariadb-server packages and a Chromium. As root on
// Debian it installs what is missing (keeping services from starting); elsewhere it says in one
// line why the suite did not run, and exits 0 so the rest of `npm test` stands on its own.
import { existsSync, statSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findChrome } from './find-chrome.mjs';

const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'php-cli', 'php-mysql', 'mariadb-server'];
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const phpMysql = () => has('php') && spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0;

function missing() {
  const out = [];
  if (!existsSync('/usr/share/wordpress/wp-settings.php')) out.push('wordpress');
  if (!existsSync('/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css')) out.push('wordpress-theme-twentytwentythree');
  if (!has('php')) out.push('php-cli');
  if (!phpMysql()) out.push('php-mysql');
  if (!has('mariadbd') || !has('mariadb-install-db')) out.push('mariadb-server');
  return [...new Set(out)];
}

function skip(reason) {
  console.log(`WordPress suite did not run: ${reason}`);
  process.exit(0);
}

let lacking = missing();
if (lacking.length) {
  const canInstall =
    process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (!canInstall) skip(`${lacking.join(', ')} missing (Debian: apt-get install ${PACKAGES.join(' ')}).`);
  console.log(`Installing Debian's ${PACKAGES.join(' ')} for the WordPress suite…`);
  // The packages pull in apache2 and MariaDB's service: keep invoke-rc.d from starting them.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGES.join(' ')}`, {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    skip('installing the Debian packages failed (see above).');
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  lacking = missing();
  if (lacking.length) skip(`${lacking.join(', ')} still missing after apt-get.`);
}
if (!findChrome()) skip('no Chrome/Chromium.');

// The suite installs the zip that `npm run build` writes: rebuild when the sources are newer.
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const zip = 'dist/vsee-clinic-wordpress.zip';
const cdn = 'dist/cdn/vsee-clinic-elements.js';
if (!existsSync(cdn) || statSync(cdn).mtimeMs < newest('src')) {
  console.log('Building dist/ for the WordPress suite…');
  execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] });
} else if (!existsSync(zip) || statSync(zip).mtimeMs < Math.max(newest('integrations/wordpress'), statSync(cdn).mtimeMs)) {
  execSync('node scripts/build-wordpress.mjs', { stdio: 'inherit' });
}

const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'test/wordpress/'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
