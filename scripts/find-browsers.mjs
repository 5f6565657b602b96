// Finds what each engine of the test suite needs (Chromium; Firefox ESR; WebKitGTK's MiniBrowser
// with WebKitWebDriver and Xvfb). On a Debian machine as root a missing piece is installed with
// apt-get, as find-chrome.mjs does for Chromium; elsewhere one line names what is missing.
import { existsSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { locateChrome } from './find-chrome.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** MiniBrowser lives under the multiarch library folder, whose name depends on the CPU. */
function miniBrowserCandidates() {
  const out = [];
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    let entries = [];
    try {
      entries = readdirSync(lib, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) out.push(`${lib}/${e.name}/webkit2gtk-4.1/MiniBrowser`, `${lib}/${e.name}/webkit2gtk-4.0/MiniBrowser`);
    }
    out.push(`${lib}/webkit2gtk-4.1/MiniBrowser`);
  }
  return out;
}

const first = (env, list) => (process.env[env] && existsSync(process.env[env]) ? process.env[env] : list.find((p) => existsSync(p)));

function locate(engine) {
  if (engine === 'chromium') {
    const chrome = locateChrome();
    return { found: chrome ? { chrome } : undefined, missing: ['Chromium'], packages: ['chromium'] };
  }
  if (engine === 'firefox') {
    const firefox = first('FIREFOX_PATH', FIREFOX);
    return { found: firefox ? { firefox } : undefined, missing: ['Firefox (FIREFOX_PATH)'], packages: ['firefox-esr'] };
  }
  const driver = first('WEBKIT_WEBDRIVER', ['/usr/bin/WebKitWebDriver']);
  const minibrowser = first('WEBKIT_MINIBROWSER', miniBrowserCandidates());
  const xvfb = first('XVFB_PATH', ['/usr/bin/Xvfb']);
  const missing = [];
  const packages = [];
  if (!driver || !minibrowser) {
    missing.push(!driver ? 'WebKitWebDriver (WEBKIT_WEBDRIVER)' : 'MiniBrowser (WEBKIT_MINIBROWSER)');
    packages.push('webkit2gtk-driver');
  }
  // A display is only needed when there is none: Xvfb supplies one on a headless machine.
  const needXvfb = !xvfb && !process.env.DISPLAY;
  if (needXvfb) {
    missing.push('Xvfb');
    packages.push('xvfb');
  }
  const ok = driver && minibrowser && (xvfb || process.env.DISPLAY);
  return { found: ok ? { driver, minibrowser, xvfb } : undefined, missing, packages };
}

/**
 * Paths for `engine`, installing Debian packages as root when something is missing; `undefined`
 * (after one line on stderr naming what is missing) when that cannot be done.
 */
export function findBrowser(engine) {
  let { found, missing, packages } = locate(engine);
  if (found) return found;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const what = missing.join(', ');
  if (!canInstall) {
    console.error(`${engine}: ${what} not found: install Debian's ${packages.join(' ')} (apt-get install ${packages.join(' ')}) or set the path variable named.`);
    return undefined;
  }
  console.error(`${engine}: ${what} not found; installing Debian's ${packages.join(' ')} with apt-get…`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`, {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    console.error(`${engine}: apt-get install ${packages.join(' ')} failed.`);
    return undefined;
  }
  ({ found } = locate(engine));
  if (!found) console.error(`${engine}: still no ${what} after installing ${packages.join(' ')}.`);
  return found;
}
