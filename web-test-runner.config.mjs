import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS } from './scripts/find-chrome.mjs';
import { mockApiMiddleware } from './demo/mock-api/index.js';
import { cspDemoMiddleware } from './scripts/csp.mjs';
import { demoTokenMiddleware } from './scripts/demo-token.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // One page at a time: a background page gets no animation frames in headless Chromium, and
  // open-wc's fixture() waits for one. (Each test file still uses its own mock tenant.)
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
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
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    {
      // `executeServerCommand('emulate-forced-colors', { active })`: Puppeteer's media emulation
      // has no forced-colors, Chromium's DevTools protocol has.
      name: 'emulate-forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'emulate-forced-colors') return undefined;
        const page = session.browser.getPage(session.id);
        const cdp = await page.target().createCDPSession();
        await cdp.send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
        });
        return true;
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
};
