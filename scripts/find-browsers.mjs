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
    return { found: chrome ? { chrome } : undefined, missing: ['Chromium'], packages: ['chromium'], optional: [] };
  }
  if (engine === 'firefox') {
    const firefox = first('FIREFOX_PATH', FIREFOX);
    return { found: firefox ? { firefox } : undefined, missing: ['Firefox (FIREFOX_PATH)'], packages: ['firefox-esr'], optional: [] };
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
  // Optional: an XSETTINGS daemon lets the suite switch GTK's "reduce animations" (so WebKit's
  // prefers-reduced-motion) on and off while it runs; without it that one test is skipped.
  const xsettingsd = first('XSETTINGSD_PATH', ['/usr/bin/xsettingsd']);
  const ok = driver && minibrowser && (xvfb || process.env.DISPLAY);
  return {
    found: ok ? { driver, minibrowser, xvfb, xsettingsd } : undefined,
    missing,
    packages,
    optional: xsettingsd ? [] : ['xsettingsd'],
  };
}

/**
 * Paths for `engine`, installing Debian packages as root when something is missing; `undefined`
 * (after one line on stderr naming what is missing) when that cannot be done.
 */
export function findBrowser(engine, { quiet = false } = {}) {
  let { found, missing, packages, optional } = locate(engine);
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (found && optional.length && canInstall) {
    console.error(`${engine}: installing Debian's ${optional.join(' ')} with apt-get…`);
    if (aptInstall(optional)) ({ found } = locate(engine));
  }
  if (found && optional.length && !quiet) {
    console.error(`${engine}: no ${optional.join(', ')} (apt-get install ${optional.join(' ')}): the tests that need it are skipped.`);
  }
  if (found) return found;
  const what = missing.join(', ');
  if (!canInstall) {
    console.error(
      `${engine}: ${what} not found: install Debian's ${packages.join(' ')} (apt-get install ${packages.join(' ')}) or set the path variable named.`,
    );
    return undefined;
  }
  console.error(`${engine}: ${what} not found; installing Debian's ${packages.join(' ')} with apt-get…`);
  if (!aptInstall([...packages, ...optional])) return undefined;
  ({ found } = locate(engine));
  if (!found) console.error(`${engine}: still no ${what} after installing ${packages.join(' ')}.`);
  return found;
}

function aptInstall(packages) {
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return true;
  } catch {
    console.error(`apt-get install ${packages.join(' ')} failed.`);
    return false;
  }
}
