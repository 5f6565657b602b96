import puppeteer from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS } from './scripts/find-chrome.mjs';
import { findBrowser } from './scripts/find-browsers.mjs';
import { WebKitLauncher } from './scripts/webkit-launcher.mjs';
import { engineCommandsPlugin } from './scripts/engine-commands.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { mockApiMiddleware } from './demo/mock-api/index.js';
import { cspDemoMiddleware } from './scripts/csp.mjs';
import { demoTokenMiddleware } from './scripts/demo-token.mjs';

// One engine per run: scripts/test.mjs runs this config once per engine (VSEE_ENGINE) and adds
// up the counts. Run directly (`wtr`), it is Chromium.
const ENGINE = process.env.VSEE_ENGINE || 'chromium';

// Every engine sees the same locale and time zone (the tests pin their own zones where it matters).
const ENV = { LANG: 'en_US.UTF-8', LC_ALL: '', TZ: process.env.TZ || 'UTC' };

function launcher() {
  if (ENGINE === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_ARGS },
    });
  }
  const paths = findBrowser(ENGINE, { quiet: true });
  if (!paths) throw new Error(`${ENGINE} is not available (see the line above).`);
  if (ENGINE === 'firefox') {
    // puppeteer-core drives Firefox over WebDriver BiDi (no geckodriver). System access lets the
    // forced-colours and reduced-motion commands change Firefox's own settings at run time.
    return chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: paths.firefox,
        headless: true,
        args: ['-remote-allow-system-access'],
        env: { ...process.env, ...ENV },
        extraPrefsFirefox: {
          'remote.experimental.enabled': true,
          'intl.accept_languages': 'en-US',
        },
      },
    });
  }
  if (ENGINE === 'webkit') return new WebKitLauncher({ ...paths, env: ENV }).killOnExit();
  throw new Error(`Unknown engine "${ENGINE}": chromium, firefox or webkit.`);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // One page at a time: a background page gets no animation frames in headless Chromium, and
  // open-wc's fixture() waits for one; over WebDriver, more than one runs files in iframes where
  // key and mouse input fail. (Each test file still uses its own mock tenant.)
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  reporters: [defaultReporter(), summaryReporter(process.env.VSEE_SUMMARY)],
  middleware: [
    mockApiMiddleware(),
    demoTokenMiddleware(), // the demo page (journey, a11y, CSP suites) asks POST /demo/token
    cspDemoMiddleware(),
    // The CDN bundle must work from any path: serve it again under a deep, unrelated one.
    (ctx, next) => {
      if (ctx.path.startsWith('/cdn-copy/')) ctx.path = '/dist/cdn/' + ctx.path.split('/').pop();
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), engineCommandsPlugin()],
  browsers: [launcher()],
};
