import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from './helpers/commands.js';
import '../src/elements/visit-list/vsee-visit-list.js';
import type { VseeVisitList } from '../src/elements/visit-list/vsee-visit-list.js';
import { mockTenant, requests, type MockTenant } from './helpers/mock.js';
import { dangerIn, installTrap, SETTLE_MS } from './fixtures/xss/xss-checks.js';

/** End to end against the demo's mock API (a fresh tenant per test). */

async function mount(t: MockTenant, extra: { filter?: string } = {}) {
  const el = await fixture<VseeVisitList>(html`<vsee-visit-list
    api-base=${t.attrs['api-base']}
    account-code=${t.attrs['account-code']}
    token=${t.attrs.token}
    timezone="America/Los_Angeles"
    filter=${extra.filter ?? 'all'}
  ></vsee-visit-list>`);
  await waitUntil(() => el.shadowRoot!.querySelector('li.visit'), 'visits shown', { timeout: 5000 });
  return el;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const items = (el: VseeVisitList, section: 'upcoming' | 'past') =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(`section[data-section="${section}"] li.visit`));
const buttonIn = (root: Element, text: string) =>
  Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => squash(b.textContent) === text);
const find = (el: VseeVisitList, section: 'upcoming' | 'past', text: string) =>
  items(el, section).find((li) => squash(li.textContent).includes(text));
const activeIn = (el: VseeVisitList) => el.shadowRoot!.activeElement;

describe('<vsee-visit-list> against the mock API', () => {
  let t: MockTenant;
  beforeEach(async () => {
    t = mockTenant();
    await t.reset();
  });

  it('shows the seeded visits: upcoming with a group class, past with statuses in words', async () => {
    const el = await mount(t);
    const upcoming = items(el, 'upcoming');
    expect(upcoming).to.have.length(2);
    expect(squash(upcoming[0].textContent)).to.contain('Anton Provider III');
    expect(squash(upcoming[0].querySelector('[part="status"]')!.textContent)).to.equal('Status: Confirmed');
    expect(upcoming[0].querySelector('[part="group-mark"]')).to.be.null;
    expect(squash(upcoming[1].querySelector('[part="group-mark"]')!.textContent)).to.equal('Group visit');
    const statuses = items(el, 'past').map((li) => squash(li.querySelector('[part="status"]')!.textContent));
    expect(statuses).to.include.members(['Status: Completed', 'Status: Cancelled', 'Status: Status 35']);
    const text = el.shadowRoot!.textContent!;
    for (const bad of ['undefined', 'NaN', 'Invalid Date']) expect(text).not.to.contain(bad);
  });

  it('opens the notes of a past visit sanitized: hostile markup gone, the clinical text kept', async () => {
    const restore = installTrap();
    try {
      const el = await mount(t);
      // The seed's detailed visit (Anton Provider, not Anton Provider III) carries the hostile notes.
      const visitWithNotes = items(el, 'past').find((x) => {
        const text = squash(x.textContent);
        return text.includes('Anton Provider') && !text.includes('Anton Provider III');
      })!;
      buttonIn(visitWithNotes, 'View details')!.click();
      await waitUntil(() => visitWithNotes.querySelectorAll('.notes[data-notes="ready"]').length === 3, 'notes shown', { timeout: 5000 });
      await aTimeout(SETTLE_MS);
      expect(window.__xss).to.deep.equal([]);
      const notes = Array.from(visitWithNotes.querySelectorAll<HTMLElement>('.notes'));
      for (const n of notes) expect(dangerIn(n)).to.deep.equal([]);
      const all = notes.map((n) => squash(n.textContent)).join(' ');
      expect(all).to.contain('in no acute distress');
      expect(all).to.contain('Hydrocortisone 1% cream twice a day');
      expect(all).to.contain('Open your lab results');
      expect(all).to.contain('Call us if the rash spreads');
      const links = notes.flatMap((n) => Array.from(n.querySelectorAll('a')));
      const guide = links.find((a) => a.textContent === 'AAD patient guide')!;
      expect(guide.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(guide.getAttribute('target')).to.equal('_blank');
      expect(links.find((a) => a.textContent === 'Open your lab results')!.hasAttribute('href')).to.be.false;
      const details = squash(visitWithNotes.querySelector('.details')!.textContent);
      expect(details).to.contain('Hydrocortisone 1% topical cream');
      expect(details).to.contain('Cetirizine 10 mg oral tablet');
    } finally {
      restore();
    }
  });

  it('cancels an upcoming visit with the keyboard alone, in place', async () => {
    const el = await mount(t);
    const li = find(el, 'upcoming', 'Anton Provider III')!;
    const cancel = buttonIn(li, 'Cancel visit')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(activeIn(el) === buttonIn(li, 'Keep visit'), 'focus on "Keep visit"').to.be.true;
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(activeIn(el) === buttonIn(li, 'Yes, cancel visit'), 'focus on "Yes"').to.be.true;
    const closed = oneEvent(el, 'vsee-visit-closed');
    await sendKeys({ press: 'Enter' });
    expect((await closed).detail).to.deep.equal({ id: '7727', reason: 'patient_cancel_appointment' });
    await el.updateComplete;
    expect(squash(li.querySelector('[part="status"]')!.textContent)).to.equal('Status: Cancelled');
    expect(activeIn(el) === li, 'focus on the visit').to.be.true;
    const log = await t.log();
    const posts = requests(log, 'POST', '/visits/close');
    expect(posts).to.have.length(1);
    expect(posts[0].body).to.deep.equal({ id: '7727', reason: 'patient_cancel_appointment' });
    expect(requests(log, 'GET', '/visits').filter((e) => e.path.endsWith('/visits'))).to.have.length(1);
    // The server agrees after a refresh.
    await el.refresh();
    await el.updateComplete;
    expect(squash(find(el, 'upcoming', 'Anton Provider III')!.querySelector('[part="status"]')!.textContent)).to.equal('Status: Cancelled');
  });

  it('downloads a summary into the tab opened on the click', async () => {
    const saved = window.open;
    const popup = {
      opener: window as unknown,
      closed: false,
      location: { href: '' },
      document: document.implementation.createHTMLDocument(''),
      close() {},
    };
    window.open = (() => popup) as unknown as typeof window.open;
    try {
      const el = await mount(t);
      // An upcoming visit has no summary yet; a past one that took place has.
      expect(buttonIn(find(el, 'upcoming', 'Anton Provider III')!, 'Download summary')).to.be.undefined;
      const past = items(el, 'past').find((li) => buttonIn(li, 'Download summary'))!;
      buttonIn(past, 'Download summary')!.click();
      await waitUntil(() => popup.location.href !== '', 'pointed at the summary');
      expect(popup.location.href).to.match(new RegExp(`/mock/${t.root.split('/').pop()}/files/visit-summary-[^/]+\\.pdf$`));
      expect(popup.opener).to.be.null;
    } finally {
      window.open = saved;
    }
  });

  it('pages through 1,000 visits without refetching, focus on the first new one', async () => {
    await t.config({ visits: 993 });
    const el = await mount(t, { filter: 'past' });
    expect(items(el, 'past')).to.have.length(20);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    expect(squash(more.textContent)).to.equal('Show 20 more');
    expect(squash(el.shadowRoot!.querySelector('.more .count')!.textContent)).to.equal('Showing 20 of 998.');
    more.click();
    await el.updateComplete;
    const shown = items(el, 'past');
    expect(shown).to.have.length(40);
    expect(activeIn(el) === shown[20], 'focus on the 21st visit').to.be.true;
    // Opening details and paging again do not reload the list.
    buttonIn(shown[0], 'View details')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
    await el.updateComplete;
    await aTimeout(50);
    const log = await t.log();
    expect(requests(log, 'GET', '/visits').filter((e) => e.path.endsWith('/visits'))).to.have.length(1);
    expect(items(el, 'past')).to.have.length(60);
  });

  it('shows nothing for show-current when no visit is in progress', async () => {
    const el = await fixture<VseeVisitList>(html`<vsee-visit-list
      api-base=${t.attrs['api-base']}
      account-code=${t.attrs['account-code']}
      token=${t.attrs.token}
      show-current
    ></vsee-visit-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('li.visit'), 'visits shown', { timeout: 5000 });
    await waitUntil(async () => requests(await t.log(), 'GET', '/visits/current').length === 1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="current"]')).to.be.null;
    expect(el.shadowRoot!.querySelector('.message.error')).to.be.null;
  });

  it('is accessible with the hostile notes open and a cancel step showing', async () => {
    const el = await mount(t);
    const past = items(el, 'past').find((x) => squash(x.textContent).includes('Allergic reaction'))!;
    buttonIn(past, 'View details')!.click();
    buttonIn(find(el, 'upcoming', 'Anton Provider III')!, 'Cancel visit')!.click();
    await waitUntil(() => past.querySelector('.notes[data-notes="ready"]'), 'notes shown', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });
});
