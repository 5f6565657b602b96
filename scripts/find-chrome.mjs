// Finds a Chrome/Chromium for the test runner and the benchmark: CHROME_PATH, then the usual
// install paths. On a fresh Debian machine as root it installs Debian's `chromium` itself.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags that keep headless Chromium quiet on a machine with no general network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // The test runner keeps two pages open; a background page must still get frames and timers.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

/** The first Chrome/Chromium found, without installing or printing anything. */
export function locateChrome() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

export function findChrome({ install = true } = {}) {
  let found = locateChrome();
  if (found) return found;
  const canInstall = install && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  console.error(
    canInstall
      ? "No Chrome/Chromium found (set CHROME_PATH to use another); installing Debian's chromium with apt-get…"
      : 'No Chrome/Chromium found: install Chromium (Debian: apt-get install chromium) or set CHROME_PATH.',
  );
  if (!canInstall) return undefined;
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  found = locateChrome();
  return found;
}
