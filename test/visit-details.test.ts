// Unit tests of visit-details.ts: open/close, one request per visit, the lazily loaded view and its failure.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { VisitDetailsController, detailsChunk } from '../src/elements/visit-list/visit-details.js';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { FocusController } from '../src/elements/controllers/focus.js';
import { visitListMessages } from '../src/i18n/visit-list.js';
import type { VseeClient } from '../src/client/vsee-client.js';
import type { Visit } from '../src/client/types.js';

class DetailsHost extends LitElement {
  resolvedLocale = 'en' as const;
  resolvedTimeZone = 'UTC';
}
customElements.define('visit-details-host', DetailsHost);

const visit: Visit = { id: 'v1', start: 1_700_000_000, status: 30 };

function setup() {
  const host = document.createElement('visit-details-host') as DetailsHost;
  document.body.append(host);
  const requested: string[] = [];
  const client = {
    getVisit: async (id: string) => (requested.push(id), { id, postvisit: { diagnosis: 'Dermatitis' } }),
  } as unknown as VseeClient;
  const details = new VisitDetailsController(host, {
    api: () => client,
    reportError: () => {},
    l10n: new LocalizeController(host, visitListMessages),
    focus: new FocusController(host),
  });
  const shown = () => {
    const root = document.createElement('div');
    render(
      details.render(visit, (v) => v, { images: true }),
      root,
    );
    return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  return { host, details, requested, shown };
}

describe('VisitDetailsController', () => {
  afterEach(() => document.querySelectorAll('visit-details-host').forEach((h) => h.remove()));

  it('opens a visit: one request, the view loaded with it; closing and opening again asks nothing', async () => {
    const { details, requested, shown } = setup();
    details.toggle('v1');
    expect(details.isExpanded('v1')).to.be.true;
    expect(shown()).to.equal('Loading details\u2026');
    await waitUntil(() => shown().includes('DiagnosisDermatitis'), 'the details');
    details.toggle('v1');
    details.toggle('v1');
    expect(requested).to.deep.equal(['v1']);
  });

  it('a view that cannot download says so; Try again loads it', async () => {
    const real = detailsChunk.load;
    detailsChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { details, shown } = setup();
      details.toggle('v1');
      await waitUntil(() => shown().startsWith('The details of this visit could not be shown'), 'the failure');
      detailsChunk.load = real;
      const root = document.createElement('div');
      render(
        details.render(visit, (v) => v, { images: true }),
        root,
      );
      root.querySelector('button')!.click();
      await waitUntil(() => shown().includes('DiagnosisDermatitis'), 'the details after Try again');
    } finally {
      detailsChunk.load = real;
    }
  });

  it('forgets visits that are no longer listed', async () => {
    const { details, requested } = setup();
    details.toggle('v1');
    await waitUntil(() => requested.length === 1, 'the first request');
    details.retain(new Set(['other']));
    expect(details.isExpanded('v1')).to.be.false;
    details.toggle('v1');
    await waitUntil(() => requested.length === 2, 'asked again: its cache went with it');
  });
});
