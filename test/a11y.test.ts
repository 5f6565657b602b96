import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from './helpers/commands.js';
import type { Locale } from '../src/i18n/i18n.js';
import { $, $$, freshTenant, inLiveRegion, mount, STATES, unmountAll, type Lit } from './a11y-states.js';
import { contrast, deepActive, hasVisibleFocus } from './a11y-helpers.js';

/**
 * WCAG 2.1 AA, element by element: axe in every state and both locales, at 320 CSS px (the
 * width of a 1280 px window at 400% zoom, and narrower than 200% of any phone) with no
 * horizontal overflow and targets of 24×24 px or more, status changes in live regions, the
 * default theme's contrast, reduced motion and forced colours.
 */

const WIDTH = 320;

/** Elements (through nested shadow roots) whose content is wider than their box. */
function overflowing(el: Element): string[] {
  const out: string[] = [];
  const check = (node: Element) => {
    const cs = getComputedStyle(node);
    if (node.closest('.visually-hidden') || cs.display === 'none' || cs.visibility === 'hidden') return;
    // A scroll container (a wide table in the notes) scrolls on its own, as WCAG 1.4.10 allows.
    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') return;
    if (node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0) {
      out.push(
        `${node.localName}.${[...node.classList].join('.')}[part=${node.getAttribute('part') ?? ''}] ${node.scrollWidth}>${node.clientWidth}`,
      );
    }
    const r = node.getBoundingClientRect();
    if (r.width > 0 && r.right > WIDTH + 0.5)
      out.push(`${node.localName}.${[...node.classList].join('.')} ends at ${Math.round(r.right)}px`);
  };
  check(el);
  for (const node of Array.from(el.shadowRoot!.querySelectorAll('*'))) check(node);
  return out;
}

/** Buttons, fields and links smaller than 24×24 CSS px (a control inside its label counts the label). */
function smallTargets(el: Element): string[] {
  const out: string[] = [];
  for (const c of $$(el, 'button, input, select, textarea, a[href]')) {
    if (c.closest('[hidden], .visually-hidden')) continue;
    // Links inside a provider's notes are inline in sentences (WCAG's inline exception).
    if (c.closest('.notes')) continue;
    const target = (c.localName === 'input' && c.closest('label')) || c;
    const r = target.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.width < 24 || r.height < 24)
      out.push(
        `${c.localName}${c.id ? `#${c.id}` : ''} "${(c.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      );
  }
  return out;
}

describe('accessibility of every state', () => {
  // Each engine opens its own window size (WebKit 1024×730, the others 800×600): put it back.
  let before_ = { width: 800, height: 600 };
  before(async () => {
    before_ = { width: innerWidth, height: innerHeight };
    expect(await setViewport({ width: WIDTH, height: 800 }), `a ${WIDTH} px viewport`).to.equal(true);
    document.body.style.margin = '0';
  });
  after(async () => {
    document.body.style.margin = '';
    await setViewport(before_);
  });
  afterEach(unmountAll);

  for (const locale of ['en', 'es'] as Locale[]) {
    describe(`locale ${locale}`, () => {
      for (const state of STATES) {
        it(`<${state.tag}> ${state.name}: axe, 320 px, 24 px targets, live region`, async () => {
          const t = await freshTenant();
          const { el, announced } = await state.build(t, locale);
          await el.updateComplete;
          expect(el.shadowRoot!.textContent!.trim().length, 'renders something').to.be.greaterThan(0);
          await expect(el).to.be.accessible();
          expect(innerWidth).to.equal(WIDTH);
          expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(WIDTH);
          expect(overflowing(el), 'content wider than its box at 320 px').to.deep.equal([]);
          expect(smallTargets(el), 'targets under 24×24 px').to.deep.equal([]);
          if (announced) {
            await waitUntil(() => inLiveRegion(el, announced), `"${announced}" in a live region`, { timeout: 3000 });
          }
        });
      }
    });
  }
});

describe('the checks themselves', () => {
  // Each engine opens its own window size (WebKit 1024×730, the others 800×600): put it back.
  let before_ = { width: 800, height: 600 };
  before(async () => {
    before_ = { width: innerWidth, height: innerHeight };
    expect(await setViewport({ width: WIDTH, height: 800 }), `a ${WIDTH} px viewport`).to.equal(true);
    document.body.style.margin = '0';
  });
  after(async () => {
    document.body.style.margin = '';
    await setViewport(before_);
  });
  afterEach(unmountAll);

  it('fail on an unnamed field, a tiny button, a too-wide row and a status outside live regions', async () => {
    const t = await freshTenant();
    const el = await mount('vsee-visit-list', t, 'en');
    await waitUntil(() => $(el, 'li.visit'), 'visits', { timeout: 5000 });
    const bad = document.createElement('div');
    bad.innerHTML =
      '<input type="text"><button style="width:10px;height:10px;min-width:0;min-height:0;padding:0">x</button><p style="white-space:nowrap">' +
      'wide '.repeat(40) +
      '</p><p class="quiet">Saved quietly</p>';
    el.shadowRoot!.append(bad);
    await expect(el).not.to.be.accessible();
    expect(smallTargets(el).join()).to.contain('10×10');
    expect(overflowing(el).length).to.be.greaterThan(0);
    expect(inLiveRegion(el, 'Saved quietly')).to.be.false;
  });
});

describe('default theme colours', () => {
  afterEach(unmountAll);

  it('text, muted, primary, danger and success meet 4.5:1 on both surfaces; white on primary and danger too', async () => {
    const t = await freshTenant();
    const el = await mount('vsee-visit-list', t, 'en');
    const probe = document.createElement('span');
    el.shadowRoot!.append(probe);
    const resolve = (prop: 'color' | 'background-color', value: string) => {
      probe.style.setProperty(prop, value);
      return getComputedStyle(probe).getPropertyValue(prop);
    };
    const fg = (token: string) => resolve('color', `var(${token})`);
    const bg = (token: string) => resolve('background-color', `var(${token})`);
    const failures: string[] = [];
    for (const surface of ['--_surface', '--_surface-alt']) {
      for (const text of ['--_text', '--_muted', '--_primary', '--_danger', '--_success']) {
        const ratio = contrast(fg(text), bg(surface));
        if (ratio < 4.5) failures.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
      }
    }
    for (const [text, surface] of [
      ['--_on-primary', '--_primary'],
      ['#ffffff', '--_primary'],
      ['#ffffff', '--_danger'],
    ]) {
      const ratio = contrast(text.startsWith('#') ? resolve('color', text) : fg(text), bg(surface));
      if (ratio < 4.5) failures.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
    }
    // The focus ring against the surfaces (non-text contrast, 3:1).
    for (const surface of ['--_surface', '--_surface-alt']) {
      const ratio = contrast(fg('--_focus'), bg(surface));
      if (ratio < 3) failures.push(`--_focus on ${surface}: ${ratio.toFixed(2)}`);
    }
    probe.remove();
    expect(failures).to.deep.equal([]);
    // The check itself can fail: a light grey on white is refused.
    expect(contrast('rgb(150, 150, 150)', 'rgb(255, 255, 255)')).to.be.below(4.5);
  });

  it('every status badge of the visit list meets 4.5:1 on its own background', async () => {
    const t = await freshTenant();
    const el = await mount('vsee-visit-list', t, 'en');
    await waitUntil(() => $$(el, '.status').length > 3, 'statuses', { timeout: 5000 });
    for (const badge of $$(el, '.status, .mark')) {
      const cs = getComputedStyle(badge);
      let bgColor = cs.backgroundColor;
      for (let n: Element | null = badge; n && /rgba\(0, 0, 0, 0\)|transparent/.test(bgColor);) {
        n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
        if (n) bgColor = getComputedStyle(n).backgroundColor;
      }
      expect(contrast(cs.color, bgColor), badge.textContent!).to.be.at.least(4.5);
    }
  });
});

describe('motion and forced colours', () => {
  afterEach(async () => {
    unmountAll();
    await emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none' });
  });

  async function skeletons(): Promise<Lit[]> {
    const t = await freshTenant();
    await t.fault({ method: 'GET', path: '/rooms/*', delayMs: 3000 });
    await t.fault({ method: 'GET', path: '/availability', delayMs: 3000 });
    await t.fault({ method: 'GET', path: '/visits', delayMs: 3000 });
    const els = [
      await mount('vsee-intake-form', t, 'en'),
      await mount('vsee-slot-picker', t, 'en', { days: '3' }),
      await mount('vsee-visit-list', t, 'en'),
    ];
    await waitUntil(() => els.every((el) => $(el, '.skeleton')), 'skeletons', { timeout: 3000 });
    return els;
  }

  /** Running animations of the page and of the elements' shadow trees. */
  const running = (els: Lit[]) =>
    [...document.getAnimations(), ...els.flatMap((el) => el.shadowRoot!.getAnimations())].filter((a) => a.playState === 'running');

  it('skeletons shimmer normally, and not at all under prefers-reduced-motion', async function () {
    let els = await skeletons();
    expect(running(els).length, 'animations run without the preference (the check can fail)').to.be.greaterThan(0);
    unmountAll();
    // Only where the engine can be told (WebKit needs xsettingsd; see README, Browser support).
    if (!(await emulateMedia({ reducedMotion: 'reduce' }))) this.skip();
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.be.true;
    els = await skeletons();
    await aTimeout(50);
    expect(running(els).map((a) => (a as CSSAnimation).animationName ?? a.id)).to.deep.equal([]);
    for (const el of els) for (const sk of $$(el, '.skeleton')) expect(getComputedStyle(sk).animationName).to.equal('none');
  });

  it('elements already on the page stop animating when the preference changes, and start again', async function () {
    const els = await skeletons();
    // WebKit hears a preference change (the previous test's reset) a moment late, through xsettingsd.
    await waitUntil(() => running(els).length > 0, 'animations run without the preference', { timeout: 2000 });
    if (!(await emulateMedia({ reducedMotion: 'reduce' }))) this.skip();
    // The media query's change event reaches the elements after a moment (a task, or a frame).
    await waitUntil(() => running(els).length === 0, 'no animation once reduced motion is asked for', { timeout: 2000 });
    await emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil(() => running(els).length > 0, 'animations again without the preference', { timeout: 2000 });
  });

  it('forced colours: every focusable control shows an outline (not only a box shadow, which forced colours drop)', async function () {
    const t = await freshTenant();
    const els = [
      await mount('vsee-intake-form', t, 'en'),
      await mount('vsee-slot-picker', t, 'en', { days: '2' }),
      await mount('vsee-visit-list', t, 'en'),
    ];
    await waitUntil(() => $(els[0], '#reason') && $(els[1], '[part~="slot"]') && $(els[2], 'li.visit'), 'rendered', { timeout: 5000 });
    // Real forced colours (Chromium's media emulation, Firefox's own "override the page's
    // colours" setting; see scripts/engine-commands.mjs): the elements' own
    // `@media (forced-colors: active)` rules apply. WebKit has no forced-colours mode.
    if (!(await emulateMedia({ forcedColors: 'active' }))) this.skip();
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
    // Tab through everything: each stop inside an element has a visible outline. A last button
    // ends the walk inside the page (tabbing out of it would leave the browser window without
    // focus for the test files after this one).
    const end = document.createElement('button');
    end.textContent = 'end';
    document.body.append(end);
    (document.activeElement as HTMLElement | null)?.blur();
    const seen = new Set<Element>();
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      await sendKeys({ press: 'Tab' });
      const f = deepActive();
      if (!f || f === end || f === document.body || seen.has(f)) break;
      seen.add(f);
      const host = (f.getRootNode() as ShadowRoot).host;
      if (!host || !els.includes(host as Lit)) continue;
      const cs = getComputedStyle(f);
      if (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 2)
        failures.push(`${host.localName} ${f.localName}#${f.id}: ${cs.outlineStyle} ${cs.outlineWidth}`);
      if (!hasVisibleFocus(f)) failures.push(`${host.localName} ${f.localName}: no focus indicator`);
    }
    end.remove();
    await emulateMedia({ forcedColors: 'none' });
    expect(seen.size, 'tabbed through the elements').to.be.greaterThan(8);
    expect(failures).to.deep.equal([]);
  });
});
