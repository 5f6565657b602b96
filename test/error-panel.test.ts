import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import { VseeApiError } from '../src/client.js';
import { LocalizeController, loadMessages, type LocalizeHost } from '../src/elements/controllers/localize.js';
import { describeError, errorPanel } from '../src/elements/controllers/error-panel.js';
import type { Locale } from '../src/i18n/i18n.js';

function l10n(locale: Locale) {
  const host: LocalizeHost = {
    resolvedLocale: locale,
    resolvedTimeZone: 'UTC',
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  };
  return { t: new LocalizeController(host), host };
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const forbidden = new VseeApiError('http', 403, 'Forbidden', { serverMessage: 'Forbidden' });

describe('error panel', () => {
  it("says what did not happen, why in the patient's words, and the vendor's words as detail", async () => {
    const { t } = l10n('en');
    const el = await fixture<HTMLDivElement>('<div></div>');
    render(errorPanel(t, { what: 'Your appointment was not booked.', error: forbidden }), el);
    const text = squash(el.textContent);
    expect(text).to.match(/^Your appointment was not booked\. You do not have permission to do this\..*contact the clinic.*\(Forbidden\)$/);
    expect(el.querySelector('[role="alert"][part="message"].message.error')).to.exist;
    expect(el.querySelector('button'), 'no Try again without a retry').to.equal(null);
  });

  it('offers Try again, which calls retry', async () => {
    const { t } = l10n('en');
    const el = await fixture<HTMLDivElement>('<div></div>');
    let retried = 0;
    render(
      errorPanel(t, {
        what: 'We could not load your visits.',
        error: new VseeApiError('server', 500, 'x'),
        retry: () => retried++,
        buttonPart: 'button',
      }),
      el,
    );
    const button = el.querySelector<HTMLButtonElement>('button[data-focus="retry"]')!;
    expect(squash(button.textContent)).to.equal('Try again');
    expect(button.getAttribute('part')).to.equal('button');
    button.click();
    expect(retried).to.equal(1);
  });

  it("speaks Spanish, keeping the vendor's words as sent", async () => {
    const { t, host } = l10n('es');
    await loadMessages(host);
    expect(describeError(t, forbidden)).to.match(/^No tiene permiso.*\(Forbidden\)$/);
    expect(describeError(t, new VseeApiError('timeout', 0, 'x'))).to.contain('tarda demasiado');
  });

  it('never shows undefined for something that is not an API error', () => {
    const { t } = l10n('en');
    expect(describeError(t, undefined)).to.equal('Something went wrong. Please try again.');
    expect(describeError(t, new Error('boom'))).to.equal('Something went wrong. Please try again.');
  });
});
