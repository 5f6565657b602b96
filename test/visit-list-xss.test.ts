import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/visit-list/vsee-visit-list.js';
import type { VseeVisitList } from '../src/elements/visit-list/vsee-visit-list.js';
import { corpusClient, dangerIn, installTrap, loadCorpus, SETTLE_MS } from './fixtures/xss/xss-checks.js';

describe('<vsee-visit-list> notes under attack', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = installTrap();
  });
  afterEach(() => restore());

  it('renders every corpus payload as a provider note without running it or keeping anything dangerous', async () => {
    const corpus = (await loadCorpus()).map((c) => c.payload);
    // Three payloads per visit, one in each note field.
    const client = corpusClient(corpus, '<p>-</p>');
    const visitCount = Math.ceil(corpus.length / 3);
    const el = await fixture<VseeVisitList>(html`<vsee-visit-list filter="past" .client=${client}></vsee-visit-list>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('li.visit'), 'list shown');
    // Page through the whole history, then open every visit.
    for (
      let more = root.querySelector<HTMLButtonElement>('[part~="more-button"]');
      more;
      more = root.querySelector('[part~="more-button"]')
    ) {
      more.click();
      await el.updateComplete;
    }
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[part~="details-button"]'));
    expect(buttons).to.have.length(visitCount);
    for (const b of buttons) b.click();
    await waitUntil(
      () => root.querySelectorAll('.details dl').length === visitCount && !root.querySelector('.notes:not([data-notes])'),
      'all notes sanitized',
      { timeout: 5000 },
    );
    expect(root.querySelectorAll('.notes[data-notes="failed"]')).to.have.length(0);
    const notes = Array.from(root.querySelectorAll<HTMLElement>('.notes'));
    // Payloads that are nothing but markup of an empty editor are skipped; the rest are all here.
    expect(notes.length).to.be.greaterThan(corpus.length - 5);
    await aTimeout(SETTLE_MS);
    expect(window.__xss, 'a payload executed').to.deep.equal([]);
    const failures = notes.flatMap((n) => dangerIn(n).map((p) => `${n.dataset.note}: ${p}`));
    expect(failures, failures.join('\n')).to.deep.equal([]);
    // Nothing leaked out of the notes into the element's own UI either.
    expect(
      root.querySelectorAll('script, iframe, object, embed, form, style, svg, math, input, button:not([part~="button"])'),
    ).to.have.length(0);
  });
});
