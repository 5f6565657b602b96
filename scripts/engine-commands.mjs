// Server commands the tests use (through test/helpers/commands.ts) that behave the same in every
// engine. @web/test-runner's own sendKeys/setViewport/emulateMedia cover Chromium only here:
// held modifiers are refused over WebDriver classic (WebKit) and media emulation is CDP-only
// (Firefox speaks WebDriver BiDi). Each command answers whether it could do what was asked.

// WebDriver's key codes (W3C WebDriver, "keyboard actions") for the names the tests press.
const WD_KEYS = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
};
const wdKey = (name) => {
  if (WD_KEYS[name]) return WD_KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`No WebDriver key code for "${name}"`);
};

/** Per session: modifiers held down (WebDriver), and the media features emulated. */
const state = new Map();
const stateOf = (id) => {
  if (!state.has(id)) state.set(id, { held: [], media: {} });
  return state.get(id);
};

async function webdriverKeys(session, payload) {
  const s = stateOf(session.id);
  const manager = session.browser.driverManager;
  const actions = (list) => manager.performActions(session.id, [{ type: 'key', id: 'keyboard', actions: list }]);
  if ('down' in payload) {
    // Held until `up`: pressed again around every later key, as one chord.
    s.held.push(wdKey(payload.down));
    return true;
  }
  if ('up' in payload) {
    s.held = s.held.filter((k) => k !== wdKey(payload.up));
    return true;
  }
  const keys = 'press' in payload ? [wdKey(payload.press)] : [...payload.type];
  for (const key of keys) {
    await actions([
      ...s.held.map((k) => ({ type: 'keyDown', value: k })),
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
      ...[...s.held].reverse().map((k) => ({ type: 'keyUp', value: k })),
    ]);
  }
  return true;
}

// Puppeteer's BiDi keyboard (Firefox) knows the space bar only as ' ', its CDP one as both.
const ppKey = (name) => (name === 'Space' ? ' ' : name);

async function puppeteerKeys(page, payload) {
  if ('down' in payload) await page.keyboard.down(ppKey(payload.down));
  else if ('up' in payload) await page.keyboard.up(ppKey(payload.up));
  else if ('press' in payload) await page.keyboard.press(ppKey(payload.press));
  else await page.keyboard.type(payload.type);
  return true;
}

/** Runs `expression` in Firefox's privileged (chrome) scope: how Firefox's prefs change at run time. */
async function firefoxChrome(page, expression) {
  const session = page.mainFrame().browsingContext.userContext.browser.session;
  const { result } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  await session.send('script.evaluate', { expression, target: { context: result.contexts[0].context }, awaitPromise: false });
}

/**
 * Forced colours and reduced motion. Chromium: the DevTools protocol's media emulation. Firefox:
 * its own settings for them (document colours "never", the reduced-motion system setting), set
 * live, so the page really renders in forced colours. WebKitGTK: reduced motion through GTK's
 * settings; no forced colours.
 */
async function emulate(session, change) {
  const s = stateOf(session.id);
  Object.assign(s.media, change);
  if (session.browser.type !== 'puppeteer') {
    // WebKitGTK has no forced-colours mode at all (a high-contrast GTK theme only sets
    // prefers-contrast); reduced motion follows GTK's settings (scripts/webkit-launcher.mjs).
    if (s.media.forcedColors === 'active') return false;
    return 'reducedMotion' in change ? session.browser.setReducedMotion(s.media.reducedMotion === 'reduce') : true;
  }
  const page = session.browser.getPage(session.id);
  if (session.browser.name === 'Firefox') {
    const pref = (name, on, value) => (on ? `Services.prefs.setIntPref('${name}', ${value});` : `Services.prefs.clearUserPref('${name}');`);
    await firefoxChrome(
      page,
      pref('browser.display.document_color_use', s.media.forcedColors === 'active', 2) +
        pref('ui.prefersReducedMotion', s.media.reducedMotion === 'reduce', 1),
    );
    // The preferences reach the page's content process a moment later (once in a while the test
    // asked matchMedia before they had): wait, up to 2 s, until its media queries see them.
    const want = [s.media.forcedColors === 'active', s.media.reducedMotion === 'reduce'];
    for (let tries = 0; tries < 40; tries++) {
      const seen = await page.evaluate(() => [
        matchMedia('(forced-colors: active)').matches,
        matchMedia('(prefers-reduced-motion: reduce)').matches,
      ]);
      if (seen[0] === want[0] && seen[1] === want[1]) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }
  // One DevTools session per page, kept open: emulation ends when its session is detached.
  s.cdp ??= await page.target().createCDPSession();
  await s.cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: s.media.forcedColors ?? 'none' },
      { name: 'prefers-reduced-motion', value: s.media.reducedMotion ?? 'no-preference' },
    ],
  });
  return true;
}

async function viewport(session, { width, height }) {
  if (session.browser.type === 'puppeteer') {
    await session.browser.getPage(session.id).setViewport({ width, height });
    return true;
  }
  return session.browser.setViewport(session.id, width, height);
}

export function engineCommandsPlugin() {
  return {
    name: 'vsee-engine-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'vsee-send-keys':
          return session.browser.type === 'webdriver'
            ? webdriverKeys(session, payload)
            : puppeteerKeys(session.browser.getPage(session.id), payload);
        case 'vsee-set-viewport':
          return viewport(session, payload);
        case 'vsee-emulate-media':
          return emulate(session, payload);
        default:
          return undefined;
      }
    },
  };
}
