import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { VseeElement, defineOnce } from '../src/elements/vsee-element.js';
import { VseeClient } from '../src/client.js';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { describeError } from '../src/elements/controllers/error-panel.js';
import { TOKEN, mockTenant } from './helpers/mock.js';

/** A minimal element on the shared base, to test the base alone. */
class TestVseeProbe extends VseeElement {
  readonly #l10n = new LocalizeController(this);
  protected override renderContent() {
    return litHtml`<p class="ok">ready in ${this.resolvedLocale} / ${this.resolvedTimeZone}</p>`;
  }
  get exposedApi() {
    return this.api;
  }
  probeError(e: unknown) {
    return describeError(this.#l10n, e);
  }
}
defineOnce('test-vsee-probe', TestVseeProbe);

const mock = mockTenant();
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('VseeElement (the shared base)', () => {
  let errors: unknown[][];
  const original = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterEach(() => (console.error = original));

  it('renders its content once configured', async () => {
    const el = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base=${mock.base} account-code="vclinic" token="t" timezone="Asia/Tokyo"></test-vsee-probe>`,
    );
    expect(text(el)).to.equal('ready in en / Asia/Tokyo');
    expect(el.exposedApi).to.be.instanceOf(VseeClient);
    expect(errors).to.have.length(0);
  });

  it('shows every configuration problem inside the element and logs one console.error', async () => {
    const el = await fixture<TestVseeProbe>(html`<test-vsee-probe locale="fr" timezone="Mars/Olympus"></test-vsee-probe>`);
    const t = text(el);
    expect(t).to.contain('This widget is not set up correctly');
    expect(t).to.contain('api-base');
    expect(t).to.contain('account-code');
    expect(t).to.contain('token');
    expect(t).to.contain('"fr"');
    expect(t).to.contain('Mars/Olympus');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
    expect(errors).to.have.length(1);
    el.requestUpdate();
    await el.updateComplete;
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('accepts time-zone aliases and other letter case, as Intl does', async () => {
    for (const zone of ['US/Eastern', 'asia/tokyo', 'UTC']) {
      const el = await fixture<TestVseeProbe>(
        html`<test-vsee-probe api-base=${mock.base} account-code="vclinic" token="t" timezone=${zone}></test-vsee-probe>`,
      );
      expect(text(el), zone).to.equal(`ready in en / ${zone}`);
    }
    expect(errors).to.have.length(0);
  });

  it('rejects an api-base that is not a web address', async () => {
    const el = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base="javascript:alert(1)" account-code="a" token="t"></test-vsee-probe>`,
    );
    expect(text(el)).to.contain('is not a web address');
    expect(el.exposedApi).to.equal(undefined);
  });

  it('refuses a plain-http api-base on another machine with a message, and accepts one on localhost', async () => {
    const el = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base="http://api.example.com/api_v3" account-code="a" token="t"></test-vsee-probe>`,
    );
    expect(text(el)).to.contain('must start with https://');
    expect(el.exposedApi).to.equal(undefined);
    const local = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base="http://localhost:1/api_v3" account-code="a" token="t"></test-vsee-probe>`,
    );
    expect(local.exposedApi).to.not.equal(undefined);
  });

  it('recovers when the page author fixes the attributes', async () => {
    const el = await fixture<TestVseeProbe>(html`<test-vsee-probe account-code="a" token="t"></test-vsee-probe>`);
    expect(text(el)).to.contain('api-base');
    el.setAttribute('api-base', mock.base);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.ok')).to.exist;
  });

  it('accepts a client property instead of the attributes', async () => {
    const client = new VseeClient({ baseUrl: mock.base, accountCode: 'vclinic', token: 't' });
    const el = await fixture<TestVseeProbe>(html`<test-vsee-probe .client=${client}></test-vsee-probe>`);
    expect(el.exposedApi).to.equal(client);
  });

  it('accepts a tokenProvider instead of a token', async () => {
    const el = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base=${mock.base} account-code="vclinic" .tokenProvider=${async () => 'x'}></test-vsee-probe>`,
    );
    expect(el.shadowRoot!.querySelector('.ok')).to.exist;
  });

  it('shares one client between elements with the same configuration', async () => {
    const wrap = await fixture(html`<div>
      <test-vsee-probe api-base=${mock.base} account-code="vclinic" token="same"></test-vsee-probe>
      <test-vsee-probe api-base=${mock.base} account-code="vclinic" token="same"></test-vsee-probe>
      <test-vsee-probe api-base=${mock.base} account-code="vclinic" token="other"></test-vsee-probe>
    </div>`);
    const [a, b, c] = [...wrap.querySelectorAll<TestVseeProbe>('test-vsee-probe')];
    await Promise.all([a.updateComplete, b.updateComplete, c.updateComplete]);
    expect(a.exposedApi).to.equal(b.exposedApi);
    expect(a.exposedApi).not.to.equal(c.exposedApi);
  });

  it('identical GETs of two elements configured alike share one request', async () => {
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      requests.push(String(input));
      return original(input, init);
    };
    try {
      const wrap = await fixture(html`<div>
        <test-vsee-probe api-base=${mock.base} account-code="vclinic" token=${TOKEN}></test-vsee-probe>
        <test-vsee-probe api-base=${mock.base} account-code="vclinic" token=${TOKEN}></test-vsee-probe>
      </div>`);
      const [a, b] = [...wrap.querySelectorAll<TestVseeProbe>('test-vsee-probe')];
      await Promise.all([a.updateComplete, b.updateComplete]);
      const [ra, rb] = await Promise.all([a.exposedApi!.listVisits(), b.exposedApi!.listVisits()]);
      expect(ra).to.deep.equal(rb);
      expect(requests.filter((u) => u.includes('/visits'))).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });

  it('forgets a client (and its token) once no element on the page uses it', async () => {
    const wrap = await fixture(html`<div>
      <test-vsee-probe api-base=${mock.base} account-code="vclinic" token="old-token"></test-vsee-probe>
      <test-vsee-probe api-base=${mock.base} account-code="vclinic" token="old-token"></test-vsee-probe>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll<TestVseeProbe>('test-vsee-probe')];
    await Promise.all([a.updateComplete, b.updateComplete]);
    const old = a.exposedApi;
    // One element moves on to a new token: the other still uses the old client.
    a.setAttribute('token', 'new-token');
    await a.updateComplete;
    expect(a.exposedApi).not.to.equal(old);
    expect(b.exposedApi).to.equal(old);
    // The last user of the old token goes: nothing keeps that client any more.
    b.setAttribute('token', 'new-token');
    await b.updateComplete;
    expect(b.exposedApi).to.equal(a.exposedApi);
    const again = document.createElement('test-vsee-probe') as TestVseeProbe;
    for (const [k, v] of Object.entries({ 'api-base': mock.base, 'account-code': 'vclinic', token: 'old-token' })) again.setAttribute(k, v);
    wrap.append(again);
    await again.updateComplete;
    expect(again.exposedApi, 'a fresh client, not the forgotten one').not.to.equal(old);
    // Removing every element releases every client.
    wrap.remove();
    await Promise.resolve();
    const next = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base=${mock.base} account-code="vclinic" token="new-token"></test-vsee-probe>`,
    );
    expect(next.exposedApi).not.to.equal(a.exposedApi);
  });

  it('keeps its client when moved in the document', async () => {
    const wrap = await fixture(
      html`<div><section></section><test-vsee-probe api-base=${mock.base} account-code="vclinic" token="move-me"></test-vsee-probe></div>`,
    );
    const el = wrap.querySelector<TestVseeProbe>('test-vsee-probe')!;
    await el.updateComplete;
    const client = el.exposedApi;
    wrap.querySelector('section')!.append(el);
    await el.updateComplete;
    await Promise.resolve();
    expect(el.exposedApi).to.equal(client);
  });

  it('takes the locale from the nearest lang attribute, including across shadow roots', async () => {
    const wrap = await fixture(
      html`<div lang="es-MX"><test-vsee-probe api-base=${mock.base} account-code="a" token="t"></test-vsee-probe></div>`,
    );
    const el = wrap.querySelector<TestVseeProbe>('test-vsee-probe')!;
    await el.updateComplete;
    expect(el.resolvedLocale).to.equal('es');

    const host = await fixture(html`<section lang="es"></section>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('test-vsee-probe') as TestVseeProbe;
    inner.setAttribute('account-code', 'a');
    root.append(inner);
    await inner.updateComplete;
    expect(inner.resolvedLocale).to.equal('es');
    expect(text(inner)).to.contain('Indique en el atributo api-base');
  });

  it("puts failures in plain words in the element's locale", async () => {
    const { VseeApiError } = await import('../src/client.js');
    const el = await fixture<TestVseeProbe>(html`<test-vsee-probe locale="es" api-base="/x" account-code="a" token="t"></test-vsee-probe>`);
    expect(el.probeError(new VseeApiError('timeout', 0, 'x'))).to.contain('tarda demasiado');
    expect(el.probeError(new Error('boom'))).to.contain('Algo salió mal');
  });

  it('never renders the token into the shadow DOM', async () => {
    const el = await fixture<TestVseeProbe>(
      html`<test-vsee-probe api-base=${mock.base} account-code="vclinic" token="tok-sentinel-9"></test-vsee-probe>`,
    );
    expect(el.shadowRoot!.innerHTML).not.to.contain('tok-sentinel-9');
  });

  it('lets a second bundle define the same tags without throwing', () => {
    const warn = spyOnWarn();
    try {
      expect(() => defineOnce('test-vsee-probe', class extends TestVseeProbe {})).not.to.throw();
      expect(customElements.get('test-vsee-probe')).to.equal(TestVseeProbe);
      expect(warn.calls, 'our own class, defined twice: nothing to say').to.deep.equal([]);
    } finally {
      warn.restore();
    }
  });

  it('says in the console when another script defined the tag first', () => {
    const foreign = class extends HTMLElement {};
    customElements.define('test-vsee-taken', foreign);
    const warn = spyOnWarn();
    try {
      defineOnce('test-vsee-taken', class extends TestVseeProbe {});
      expect(customElements.get('test-vsee-taken')).to.equal(foreign);
      expect(warn.calls).to.deep.equal([
        "<test-vsee-taken> is already defined by another script; vsee-clinic-elements did not define it, so that script's element shows.",
      ]);
    } finally {
      warn.restore();
    }
  });
});

function spyOnWarn() {
  const original = console.warn;
  const calls: string[] = [];
  console.warn = (...args: unknown[]) => void calls.push(args.map(String).join(' '));
  return { calls, restore: () => (console.warn = original) };
}
