import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import type { VseeIntakeForm } from '../src/elements/intake-form/vsee-intake-form.js';
import { joinUrl } from '../src/elements/intake-form/join-visit.js';
import { isClinicUrl } from '../src/elements/intake-form/config.js';
import { ACCOUNT, ROOM, TOKEN, mockTenant, type MockTenant } from './helpers/mock.js';

const $ = <T extends Element = HTMLElement>(el: VseeIntakeForm, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const CLINIC = 'https://clinic.example.test/vc/next';

/** window.open, recorded instead of navigating away from the test page. */
let opened: Array<[string, string, string | undefined]> = [];
const realOpen = window.open;

async function walkinUntilReady(mock: MockTenant, attrs: Record<string, string>, props: Partial<VseeIntakeForm> = {}) {
  await mock.config({ walkinReadyAfterMs: 150 });
  const el = await fixture<VseeIntakeForm>(
    html`<vsee-intake-form
      api-base=${mock.base}
      account-code=${ACCOUNT}
      room-code=${ROOM}
      member-id="575"
      then="walkin"
      poll-interval="0.05"
      locale=${attrs.locale ?? 'en'}
      .token=${props.token}
      .tokenProvider=${props.tokenProvider}
    ></vsee-intake-form>`,
  );
  for (const [k, v] of Object.entries(attrs)) if (k !== 'locale') el.setAttribute(k, v);
  await waitUntil(() => el.shadowRoot!.querySelector('#reason'), 'no form', { timeout: 4000 });
  const reason = $<HTMLTextAreaElement>(el, '#reason');
  reason.value = 'Ready to talk';
  reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  const ready = oneEvent(el, 'vsee-visit-ready');
  $<HTMLButtonElement>(el, 'button[part=submit]').click();
  return { el, ready };
}

describe('<vsee-intake-form> Join your visit', () => {
  let mock: MockTenant;
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
    opened = [];
    window.open = ((url: string, target: string, features?: string) => {
      opened.push([url, target, features]);
      return null;
    }) as typeof window.open;
  });
  afterEach(() => {
    window.open = realOpen;
  });

  it('builds the vendor\u2019s hand-off: {clinic-url}/auth with sso_token, next=/u/{room} and invalidate=1', () => {
    const url = new URL(joinUrl(`${CLINIC}/`, 'tok en&1', 'room 1'));
    expect(url.origin + url.pathname).to.equal(`${CLINIC}/auth`);
    expect(url.searchParams.get('sso_token')).to.equal('tok en&1');
    expect(url.searchParams.get('next')).to.equal('/u/room%201');
    expect(url.searchParams.get('invalidate')).to.equal('1');
    expect(isClinicUrl('https://clinic.vsee.me')).to.equal(true);
    expect(isClinicUrl('http://clinic.vsee.me')).to.equal(false);
    expect(isClinicUrl('javascript:alert(1)')).to.equal(false);
    expect(isClinicUrl('https://user:pw@clinic.vsee.me')).to.equal(false);
    expect(isClinicUrl('clinic.vsee.me')).to.equal(false);
  });

  it('offers Join your visit when the provider is ready, opened only by the click, in this tab; the token goes nowhere else', async () => {
    const secret = `${TOKEN}`;
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const saved = methods.map((m) => console[m]);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    try {
      const { el, ready } = await walkinUntilReady(mock, { 'clinic-url': CLINIC }, { token: secret });
      await ready;
      await el.updateComplete;
      expect(text(el)).to.contain('Your provider is ready').and.contain('Join your visit');
      expect(opened, 'nothing opens before the click').to.have.length(0);
      const join = $<HTMLButtonElement>(el, '[part=join]');
      expect(join.tagName).to.equal('BUTTON');
      await expect(el).to.be.accessible();
      join.click();
      await waitUntil(() => opened.length === 1, 'the hand-off did not open');
      const [url, target, features] = opened[0]!;
      expect(target).to.equal('_self');
      expect(features).to.equal(undefined);
      const u = new URL(url);
      expect(u.origin + u.pathname).to.equal(`${CLINIC}/auth`);
      expect(u.searchParams.get('sso_token')).to.equal(secret);
      expect(u.searchParams.get('next')).to.equal(`/u/${ROOM}`);
      expect(u.searchParams.get('invalidate')).to.equal('1');
      // Nowhere else: no attribute or text in the page or the element, no other URL, no storage, no console.
      expect(document.documentElement.outerHTML).to.not.contain(secret);
      expect(el.shadowRoot!.innerHTML).to.not.contain(secret);
      for (const e of performance.getEntriesByType('resource')) expect(e.name).to.not.contain(secret);
      for (const entry of await mock.log()) expect(`${entry.path}?${JSON.stringify(entry.query)}`).to.not.contain(secret);
      expect(JSON.stringify({ ...sessionStorage, ...localStorage })).to.not.contain(secret);
      expect(document.cookie).to.not.contain(secret);
      expect(logged.join('\n')).to.not.contain(secret);
    } finally {
      methods.forEach((m, i) => (console[m] = saved[i]!));
    }
  });

  it('join-target="_blank" opens a new tab with no opener, and asks a token provider for a join token at the click', async () => {
    const asked: unknown[] = [];
    const { el, ready } = await walkinUntilReady(
      mock,
      { 'clinic-url': CLINIC, 'join-target': '_blank' },
      { tokenProvider: async (request?: unknown) => (asked.push(request), TOKEN) },
    );
    await ready;
    await el.updateComplete;
    const before = asked.length;
    $<HTMLButtonElement>(el, '[part=join]').click();
    await waitUntil(() => opened.length === 1, 'the hand-off did not open');
    // The hand-off spends its token (invalidate=1): the provider is asked for a fresh one.
    expect(asked.slice(before)).to.deep.equal([{ purpose: 'join' }]);
    expect(opened[0]![1]).to.equal('_blank');
    expect(opened[0]![2]).to.equal('noopener');
    expect(text(el)).to.contain('(opens in a new tab)');
  });

  it('a token provider that fails: a sentence and Try again, nothing opened', async () => {
    let fail = true;
    const { el, ready } = await walkinUntilReady(
      mock,
      { 'clinic-url': CLINIC },
      {
        tokenProvider: async () => {
          if (fail && opened.length === 0 && document.querySelector('vsee-intake-form')?.shadowRoot?.querySelector('[part=join]'))
            throw new Error('sso down');
          return TOKEN;
        },
      },
    );
    await ready;
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=join]').click();
    await waitUntil(() => text(el).includes('Your visit did not open.'), 'no message');
    expect(opened).to.have.length(0);
    fail = false;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!.click();
    await waitUntil(() => opened.length === 1, 'the retry did not open it');
  });

  it('a page that handles vsee-visit-ready itself cancels the offer with preventDefault()', async () => {
    const { el, ready } = await walkinUntilReady(mock, { 'clinic-url': CLINIC }, { token: TOKEN });
    el.addEventListener('vsee-visit-ready', (e) => e.preventDefault());
    const { defaultPrevented, cancelable } = await ready;
    expect(cancelable).to.equal(true);
    expect(defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(text(el)).to.contain('Your provider is ready');
    expect($(el, '[part=join]')).to.equal(null);
  });

  it('without clinic-url there is no Join button (the page opens the call)', async () => {
    const { el, ready } = await walkinUntilReady(mock, {}, { token: TOKEN });
    await ready;
    await el.updateComplete;
    expect(text(el)).to.contain('Your visit is starting now.');
    expect($(el, '[part=join]')).to.equal(null);
  });

  it('Spanish: Entrar a su consulta', async () => {
    const { el, ready } = await walkinUntilReady(mock, { 'clinic-url': CLINIC, locale: 'es' }, { token: TOKEN });
    await ready;
    await el.updateComplete;
    expect(text(el)).to.contain('Su proveedor está listo').and.contain('Entrar a su consulta');
  });

  it('a clinic-url that is not https, or an unknown join-target, is a clear configuration message', async () => {
    const el = await fixture<VseeIntakeForm>(
      html`<vsee-intake-form
        api-base=${mock.base}
        account-code=${ACCOUNT}
        token=${TOKEN}
        room-code=${ROOM}
        clinic-url="http://clinic.example.test"
        join-target="popup"
      ></vsee-intake-form>`,
    );
    const shown = text(el);
    expect(shown).to.contain('clinic-url').and.contain('https://').and.contain('http://clinic.example.test');
    expect(shown).to.contain('join-target').and.contain('"popup"');
  });
});
