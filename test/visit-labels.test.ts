// Unit tests of visit-labels.ts: a visit's type and status codes in the patient's words.
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { statusClass, visitStatusLabel, visitTypeLabel } from '../src/elements/visit-list/visit-labels.js';
import { visitListMessages } from '../src/i18n/visit-list.js';

class VisitLabelsHost extends LitElement {
  resolvedLocale = 'en' as const;
  resolvedTimeZone = 'UTC';
}
customElements.define('visit-labels-host', VisitLabelsHost);

const l10n = () => new LocalizeController(document.createElement('visit-labels-host') as VisitLabelsHost, visitListMessages);

describe('visit-labels', () => {
  it('names the known codes, an unknown whole code by number, and anything else as unknown', () => {
    expect(visitStatusLabel(l10n(), 40)).to.equal('Cancelled');
    expect(visitTypeLabel(l10n(), 3)).to.equal('E-consult');
    expect(visitStatusLabel(l10n(), 55)).to.equal('Status 55');
    expect(visitTypeLabel(l10n(), 7)).to.equal('Type 7');
    for (const garbage of [1e300, -1, 2.5, NaN, '40', null, undefined]) {
      expect(visitStatusLabel(l10n(), garbage), String(garbage)).to.equal('unknown');
      expect(visitTypeLabel(l10n(), garbage), String(garbage)).to.equal('unknown');
    }
  });

  it('colours a status by its code, other for codes the API adds later', () => {
    expect(statusClass(40)).to.not.equal(statusClass(20));
    expect(statusClass(55)).to.equal(statusClass(99));
  });
});
