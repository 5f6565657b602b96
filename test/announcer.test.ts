import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AnnouncerController } from '../src/elements/controllers/announcer.js';

class TestAnnounceHost extends LitElement {
  readonly announcer = new AnnouncerController(this);
  protected override render() {
    return this.announcer.region();
  }
}
customElements.define('test-announce-host', TestAnnounceHost);

const region = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')!;

describe('AnnouncerController', () => {
  it('renders one polite live region that exists before anything is said', async () => {
    const el = await fixture<TestAnnounceHost>(html`<test-announce-host></test-announce-host>`);
    expect(el.shadowRoot!.querySelectorAll('[role="status"]')).to.have.length(1);
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).textContent).to.equal('');
  });

  it('says new words at once', async () => {
    const el = await fixture<TestAnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('Selected 9:30 AM.');
    await el.updateComplete;
    expect(region(el).textContent).to.equal('Selected 9:30 AM.');
  });

  it('says the same words twice by clearing the region in between', async () => {
    const el = await fixture<TestAnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('Your visit was cancelled.');
    await el.updateComplete;
    el.announcer.announce('Your visit was cancelled.');
    await el.updateComplete;
    expect(region(el).textContent, 'cleared first').to.equal('');
    await waitUntil(() => region(el).textContent === 'Your visit was cancelled.', 'said again');
  });

  it('clears', async () => {
    const el = await fixture<TestAnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('Saving…');
    el.announcer.clear();
    await el.updateComplete;
    expect(region(el).textContent).to.equal('');
  });
});
