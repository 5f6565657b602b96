// Unit tests of details-view.ts (the lazily loaded chunk): what one visit's details show.
import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import { renderDetails } from '../src/elements/visit-list/details-view.js';
import { LocalizeController, type LocalizeHost } from '../src/elements/controllers/localize.js';
import { visitListMessages } from '../src/i18n/visit-list.js';
import type { Visit } from '../src/client/types.js';

const host: LocalizeHost = {
  resolvedLocale: 'en',
  resolvedTimeZone: 'UTC',
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
} as LocalizeHost & ReactiveControllerHost;
const l10n = new LocalizeController(host, visitListMessages);

function show(visit: Visit, images = true) {
  const root = document.createElement('div');
  render(renderDetails(visit, l10n, { images }), root);
  return root;
}
/** Text with a space between elements (a `<dt>` and its `<dd>` read as "Reason unknown"). */
const words = (n: Element) => {
  const out: string[] = [];
  const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) out.push(walker.currentNode.nodeValue ?? '');
  return out.join(' ').replace(/\s+/g, ' ').trim();
};

describe('details-view', () => {
  it('shows reason, diagnosis and disposition, "unknown" when missing', () => {
    const root = show({ id: '1', postvisit: { diagnosis: 'Dermatitis', disposition: 7 as never } });
    expect(words(root.querySelector('dl')!)).to.equal('Reason unknown Diagnosis Dermatitis Disposition 7');
  });

  it('shows both prescription lists under their own headings', () => {
    const root = show({
      id: '1',
      prescriptionsBeforeVisit: [{ Drug: 'Iron', Qty: 60, QtyQual: 'Tablet', Refills: 0, Directions: 'Daily' }],
      prescriptions: [],
    });
    const headings = Array.from(root.querySelectorAll('h5')).map(words);
    expect(headings.slice(0, 2)).to.deep.equal(['Current medications', 'Prescribed at this visit']);
    expect(words(root.querySelector('.rx[data-list="prescriptionsBeforeVisit"]')!)).to.equal(
      'Iron Directions Daily Quantity 60 Tablet Refills 0',
    );
    expect(root.querySelector('.rx[data-list="prescriptions"]')).to.be.null;
    expect(words(root)).to.contain('Nothing was prescribed at this visit.');
  });

  it('does not show draft notes, and says when there are none', () => {
    expect(words(show({ id: '1', postvisit: { physical_exam: '<p>x</p>', draft: true } }))).to.contain(
      'Your provider has not finished the notes for this visit yet.',
    );
    expect(words(show({ id: '1' }))).to.contain('Your provider has not added notes to this visit.');
  });

  it('sanitizes the notes, keeping or leaving out images as asked', async () => {
    const notes = '<p onclick="x()">Hi</p><img src="https://example.org/a.png"><script>x()</script>';
    const withImages = show({ id: '1', postvisit: { patient_instructions: notes } });
    const without = show({ id: '1', postvisit: { patient_instructions: notes } }, false);
    await waitUntil(() => withImages.querySelector('[data-notes="ready"]') && without.querySelector('[data-notes="ready"]'));
    expect(withImages.querySelector('.notes p')!.hasAttribute('onclick')).to.be.false;
    expect(withImages.querySelector('.notes script')).to.be.null;
    expect(withImages.querySelectorAll('.notes img')).to.have.length(1);
    expect(without.querySelectorAll('.notes img')).to.have.length(0);
  });
});
