import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { corpusClient, dangerIn, installTrap, loadCorpus, SETTLE_MS } from './fixtures/xss/xss-checks.js';

/**
 * A browser without Trusted Types (the three engines of the suite all have them today, older
 * Safari and Firefox did not): the page's `trustedTypes` is taken away before DOMPurify, the
 * sanitizer and the visit list are loaded (lit itself came first, with the test helpers), and the
 * notes must be exactly as safe, and still shown.
 */
describe('in a browser without Trusted Types', () => {
  let restore: () => void;
  let sanitizeNotes: (html: string) => Promise<DocumentFragment>;

  before(async () => {
    Object.defineProperty(window, 'trustedTypes', { value: undefined, configurable: true, writable: true });
    ({ sanitizeNotes } = await import('../src/internal/sanitize.js'));
    await import('../src/elements/visit-list/vsee-visit-list.js');
  });
  beforeEach(() => {
    restore = installTrap();
  });
  afterEach(() => restore());

  it('really has none', () => {
    expect((window as { trustedTypes?: unknown }).trustedTypes).to.equal(undefined);
  });

  it('the sanitizer neutralizes every corpus payload and keeps ordinary notes', async () => {
    const corpus = await loadCorpus();
    const failures: string[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    for (const c of corpus) {
      const root = document.createElement('div');
      shadow.append(root);
      root.replaceChildren(await sanitizeNotes(c.payload));
      for (const p of dangerIn(root)) failures.push(`[${c.source}] ${c.payload.slice(0, 100)}: ${p}`);
    }
    await aTimeout(SETTLE_MS);
    expect(window.__xss, 'a payload executed').to.deep.equal([]);
    expect(failures, failures.join('\n')).to.deep.equal([]);
    const ok = document.createElement('div');
    ok.append(await sanitizeNotes('<p>Take <strong>ibuprofen</strong> twice a day.</p><ul><li>Rest</li></ul>'));
    expect(ok.innerHTML).to.equal('<p>Take <strong>ibuprofen</strong> twice a day.</p><ul><li>Rest</li></ul>');
    host.remove();
  });

  it('the visit list shows hostile notes without running them', async () => {
    // An ordinary note first, then hostile ones: 19 visits, all on the first page.
    const corpus = ['<p>Rest and fluids.</p>', ...(await loadCorpus()).slice(0, 56).map((c) => c.payload)];
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<vsee-visit-list filter="past" .client=${corpusClient(corpus, '<p>Rest and fluids.</p>')}></vsee-visit-list>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="details-button"]'), 'visits shown', { timeout: 5000 });
    for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('[part~="details-button"]'))) b.click();
    await waitUntil(() => root.querySelector('.notes') && !root.querySelector('.notes:not([data-notes])'), 'notes sanitized', {
      timeout: 5000,
    });
    expect(root.querySelectorAll('.notes[data-notes="failed"]')).to.have.length(0);
    expect(root.textContent!.includes('Rest and fluids.'), 'the ordinary note is shown').to.equal(true);
    await aTimeout(SETTLE_MS);
    expect(window.__xss, 'a payload executed').to.deep.equal([]);
    const failures = Array.from(root.querySelectorAll<HTMLElement>('.notes')).flatMap((n) => dangerIn(n));
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });
});
