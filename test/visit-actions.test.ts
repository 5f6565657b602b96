// Unit tests of visit-actions.ts: cancel after a confirmation, the summary, and what each answer leaves.
import { expect } from '@open-wc/testing';
import { LitElement, render, type TemplateResult } from 'lit';
import { VisitActionsController } from '../src/elements/visit-list/visit-actions.js';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { FocusController } from '../src/elements/controllers/focus.js';
import { AnnouncerController } from '../src/elements/controllers/announcer.js';
import { visitListMessages } from '../src/i18n/visit-list.js';
import { VseeApiError } from '../src/client/errors.js';
import type { VseeClient } from '../src/client/vsee-client.js';
import type { Visit } from '../src/client/types.js';

class ActionsHost extends LitElement {
  resolvedLocale = 'en' as const;
  resolvedTimeZone = 'UTC';
}
customElements.define('visit-actions-host', ActionsHost);

const visit: Visit = { id: 'v1', start: Date.UTC(2030, 0, 2, 15) / 1000, type: 2, status: 20 };

function setup(client: Partial<VseeClient>) {
  const host = document.createElement('visit-actions-host') as ActionsHost;
  document.body.append(host);
  const l10n = new LocalizeController(host, visitListMessages);
  const announcer = new AnnouncerController(host);
  const cancelled: string[] = [];
  const errors: string[] = [];
  const actions = new VisitActionsController(host, {
    api: () => client as VseeClient,
    reportError: (_e, op) => errors.push(op),
    l10n,
    focus: new FocusController(host),
    announcer,
    domId: () => 'visit-1',
    cancelled: (id) => cancelled.push(id),
    reschedule: () => {},
  });
  return { host, actions, announcer, cancelled, errors };
}

const text = (t: TemplateResult | symbol) => {
  const root = document.createElement('div');
  render(t, root);
  return root;
};

describe('VisitActionsController', () => {
  afterEach(() => document.querySelectorAll('visit-actions-host').forEach((h) => h.remove()));

  it('cancels after the confirmation with patient_cancel_appointment, and says so', async () => {
    const sent: unknown[] = [];
    const { actions, announcer, cancelled } = setup({ closeVisit: async (id, reason) => (sent.push([id, reason]), { id }) });
    actions.askCancel('v1');
    expect(actions.isConfirming('v1')).to.be.true;
    expect(text(actions.renderConfirm(visit)).textContent).to.contain('Cancel your visit on');
    await actions.confirmCancel(visit);
    expect(sent).to.deep.equal([['v1', 'patient_cancel_appointment']]);
    expect(cancelled).to.deep.equal(['v1']);
    expect(actions.isConfirming('v1')).to.be.false;
    expect(announcer.text).to.match(/^Your visit on .+ was cancelled\.$/);
  });

  it('says what did not happen, with the vendor\u2019s words, when cancelling fails', async () => {
    const { actions, cancelled, errors } = setup({
      closeVisit: () => Promise.reject(new VseeApiError('http', 403, 'Forbidden', { serverMessage: 'Forbidden' })),
    });
    actions.askCancel('v1');
    await actions.confirmCancel(visit);
    expect(cancelled).to.deep.equal([]);
    expect(errors).to.deep.equal(['closeVisit']);
    const message = text(actions.renderMessage('v1')).querySelector('[role="alert"]')!;
    expect(message.textContent).to.contain('Your visit was not cancelled.');
    expect(message.textContent).to.contain('(Forbidden)');
    // The visit leaves the list: its message goes with it.
    actions.retain(new Set());
    expect(text(actions.renderMessage('v1')).textContent).to.equal('');
  });

  it('offers a link to the summary when the browser blocked the new tab', async () => {
    const saved = window.open;
    window.open = () => null;
    try {
      const { actions } = setup({ getVisitSummaryUrl: async () => 'https://example.org/s.pdf' });
      await actions.downloadSummary(visit);
      const link = text(actions.renderMessage('v1')).querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.org/s.pdf');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(actions.busy('v1')).to.be.undefined;
    } finally {
      window.open = saved;
    }
  });
});
