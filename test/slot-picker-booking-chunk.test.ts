// The booking workflow is a chunk of its own (src/elements/slot-picker/booking.ts): what the
// patient sees while it loads, when it fails to load, and that the choice survives both. Its own
// file: the chunk is loaded once per page, and these tests need it not loaded yet.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/slot-picker.js';
import type { VseeSlotPicker } from '../src/slot-picker.js';
import { VseeClient } from '../src/client.js';
import { bookingChunk, bookingLoader } from '../src/elements/slot-picker/booking.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const sr = (el: Element) => el.shadowRoot!;
const slotButtons = (el: Element) => [...sr(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
const start = Date.parse('2027-03-09T09:00:00-05:00') / 1000;

function picker() {
  const f = fakeFetch((req) =>
    req.method === 'POST'
      ? json({ data: { id: '900', start, end: start + 1800, type: 2 } })
      : json({ data: [{ start, end: start + 1800, providers: ['101'] }] }),
  );
  const client = new VseeClient({ baseUrl: '/x/api_v3', accountCode: 'a', token: 't', fetch: f.fetch, retry: { retries: 0 } });
  return fixture<VseeSlotPicker>(
    html`<vsee-slot-picker .client=${client} start=${String(start - 3600)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
  );
}

describe('<vsee-slot-picker>: the booking chunk', () => {
  const real = bookingLoader.load;
  afterEach(() => (bookingLoader.load = real));

  // One test: the chunk is loaded once per page, so its stages follow each other here.
  it('is not in the first paint; a failed load says so with Try again, keeps the choice, and the retry books it', async () => {
    bookingLoader.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await picker();
    await waitUntil(() => slotButtons(el).length === 1, 'no times');
    expect(bookingChunk.module, 'loaded before any choice').to.equal(undefined);

    slotButtons(el)[0].click();
    await waitUntil(() => sr(el).querySelector('[data-focus="retry"]'), 'no failure shown');
    expect(norm(sr(el).textContent)).to.contain('The booking step could not load. Check your connection and try again.');
    expect(slotButtons(el)[0].getAttribute('aria-pressed'), 'the choice is kept').to.equal('true');
    await expect(el).to.be.accessible();

    // The retry waits for the network: meanwhile the summary's place says it is loading.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    bookingLoader.load = () => gate.then(real);
    sr(el).querySelector<HTMLButtonElement>('[data-focus="retry"]')!.click();
    await el.updateComplete;
    expect(norm(sr(el).querySelector('[part="summary"][role="status"]')?.textContent)).to.equal('Loading…');
    release();
    await waitUntil(() => sr(el).querySelector('[part="book-button"]'), 'the summary did not show');
    expect(norm(sr(el).querySelector('[part="summary"]')!.textContent)).to.contain('Tuesday, March 9, 2027');
    await waitUntil(() => sr(el).activeElement?.getAttribute('part') === 'book-button', 'the focus did not move on to Book');

    const booked = oneEvent(el, 'vsee-appointment-booked');
    sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
    expect((await booked).detail.visit.start).to.equal(start);
  });
});
