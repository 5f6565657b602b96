// End to end against the demo's mock VSee API: booking, a slot taken meanwhile, rescheduling.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/slot-picker.js';
import type { VseeSlotPicker } from '../src/slot-picker.js';
import { VseeClient } from '../src/client.js';
import { ACCOUNT, MEMBER, TOKEN, mockTenant, requests, type MockTenant } from './helpers/mock.js';

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const sr = (el: Element) => el.shadowRoot!;
const slotButtons = (el: Element) => [...sr(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
const bookButton = (el: Element) => sr(el).querySelector<HTMLButtonElement>('[part="book-button"]');
/** The booking step is its own chunk: the summary shows once it is here. */
const bookingShown = (el: Element) => waitUntil(() => bookButton(el), 'the booking summary did not show');

const timeIn = (ts: number) =>
  norm(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(ts * 1000));
/** The button of the slot at `ts` (its label starts with the local time; the first such day). */
const buttonAt = (el: Element, ts: number) => slotButtons(el).find((b) => norm(b.getAttribute('aria-label')).startsWith(`${timeIn(ts)},`))!;

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

async function picker(mock: MockTenant, extra: Record<string, string> = {}) {
  const el = document.createElement('vsee-slot-picker');
  for (const [k, v] of Object.entries({
    ...mock.attrs,
    'member-id': MEMBER,
    timezone: 'America/New_York',
    days: '2',
    duration: '3600',
    ...extra,
  }))
    el.setAttribute(k, v);
  // Not `fixture()` of a plain element: it waits for an animation frame, which a background tab never gets.
  document.body.append(el);
  mounted.push(el);
  await waitUntil(() => slotButtons(el).length > 0, 'no slots shown', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('<vsee-slot-picker> with the mock API', () => {
  let mock: MockTenant;
  let api: VseeClient;
  beforeEach(async () => {
    mock = mockTenant();
    await mock.config({ alwaysAvailable: true });
    api = new VseeClient({ baseUrl: mock.base, accountCode: ACCOUNT, token: TOKEN, retry: { retries: 0 } });
  });

  it('books once however often "Book appointment" is clicked, then confirms', async () => {
    const el = await picker(mock);
    await expect(el).to.be.accessible();
    const chosen = slotButtons(el)[0];
    chosen.click();
    await bookingShown(el);
    await mock.fault({ method: 'POST', path: '/visits', delayMs: 150 });
    const booked = oneEvent(el, 'vsee-appointment-booked');
    const button = bookButton(el)!;
    button.click();
    button.click();
    await el.updateComplete;
    expect(norm(button.textContent)).to.equal('Booking…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    const { detail } = await booked;
    const posts = requests(await mock.log(), 'POST', '/visits');
    expect(posts).to.have.length(1);
    expect(posts[0].body).to.deep.include({ member_id: MEMBER, type: '2', provider_id: '509' });
    expect(String(detail.visit.start)).to.equal((posts[0].body as { slot_start: string }).slot_start);
    await el.updateComplete;
    const confirmation = sr(el).querySelector('[data-focus="booked"]')!;
    expect(norm(confirmation.textContent)).to.match(/^Your appointment is booked: .+ \(Eastern Time\)\.$/);
    expect(sr(el).activeElement).to.equal(confirmation);
    const visits = await api.listVisits();
    expect(visits.some((v) => v.id === detail.visit.id)).to.be.true;
  });

  it('keeps the focused confirmation in view while the times load again (below them, the new times pushed it off screen)', async () => {
    const el = await picker(mock, { days: '5', duration: '900' });
    const gets = async () => requests(await mock.log(), 'GET', '/availability').length;
    const before = await gets();
    // A late time, far down the grid, as a patient scrolls to it.
    const late = slotButtons(el).at(-1)!;
    late.scrollIntoView();
    late.click();
    await bookingShown(el);
    bookButton(el)!.scrollIntoView();
    bookButton(el)!.click();
    await waitUntil(() => sr(el).querySelector('[data-focus="booked"]'), 'not booked');
    const loaded = () => sr(el).querySelector('.body[aria-busy="false"]') && slotButtons(el).length > 0;
    await waitUntil(async () => (await gets()) > before && loaded(), 'the times did not load again', { timeout: 5000 });
    await el.updateComplete;
    const confirmation = sr(el).querySelector('[data-focus="booked"]')!;
    expect(sr(el).activeElement).to.equal(confirmation);
    const { top, bottom } = confirmation.getBoundingClientRect();
    expect({ top, bottom }, `in a window ${innerHeight} px high`).to.satisfy(() => top >= 0 && bottom <= innerHeight);
  });

  it('refetches when another element sharing its client books or cancels, not for its own booking', async () => {
    const el = document.createElement('vsee-slot-picker') as VseeSlotPicker;
    for (const [k, v] of Object.entries({
      'member-id': MEMBER,
      'room-code': 'ceproom1',
      timezone: 'America/New_York',
      days: '2',
      duration: '3600',
    }))
      el.setAttribute(k, v);
    el.client = api;
    document.body.append(el);
    mounted.push(el);
    await waitUntil(() => slotButtons(el).length > 0, 'no slots shown', { timeout: 5000 });
    const gets = async () => requests(await mock.log(), 'GET', '/availability').length;
    const before = await gets();
    // Another element on the page (the visit list, a reschedule dialog) writes through the same client.
    const now = Math.floor(Date.now() / 1000);
    const [slot] = await api.getAvailability({ start: now, end: now + 2 * 86400, room_code: 'ceproom1', duration: 3600 });
    const visit = await api.createAppointment({ slot_start: slot.start, slot_end: slot.end, provider_id: '509', member_id: MEMBER });
    await waitUntil(async () => (await gets()) === before + 2, 'the picker refetched after the booking', { timeout: 4000 });
    await api.closeVisit(visit.id, 'patient_cancel_appointment');
    await waitUntil(async () => (await gets()) === before + 3, 'the picker refetched after the cancellation', { timeout: 4000 });
    await waitUntil(() => slotButtons(el).length > 0, 'slots back', { timeout: 4000 });
    await el.updateComplete;
    // Its own booking: one refetch (the booked time disappears), not a second one for the change event.
    slotButtons(el)[0].click();
    await bookingShown(el);
    const booked = oneEvent(el, 'vsee-appointment-booked');
    bookButton(el)!.click();
    await booked;
    await new Promise((r) => setTimeout(r, 300));
    expect(await gets()).to.equal(before + 4);
  });

  it('says the slot was taken, refetches and lets the patient choose again', async () => {
    const el = await picker(mock);
    const now = Math.floor(Date.now() / 1000);
    const [{ start }] = await api.getAvailability({ start: now, end: now + 7 * 86400, room_code: 'ceproom1', duration: 3600 });
    buttonAt(el, start).click();
    await bookingShown(el);
    // Another patient books the same provider at that time first.
    await api.createAppointment({ slot_start: start, slot_end: start + 3600, provider_id: '509', type: 2 });
    const before = requests(await mock.log(), 'GET', '/availability').length;
    let errors = 0;
    el.addEventListener('vsee-error', () => errors++);
    bookButton(el)!.click();
    await waitUntil(() => sr(el).querySelector('[data-focus="taken"]'), 'no taken message');
    const notice = sr(el).querySelector('[data-focus="taken"]')!;
    expect(norm(notice.textContent)).to.equal('Sorry, that time was just taken. Please choose another time.');
    expect(notice.getAttribute('role')).to.equal('alert');
    await el.updateComplete;
    expect(sr(el).activeElement).to.equal(notice);
    expect(sr(el).querySelector('[part="summary"]')).to.be.null;
    await waitUntil(async () => requests(await mock.log(), 'GET', '/availability').length > before, 'no refetch');
    await waitUntil(() => slotButtons(el).length > 0);
    expect(errors).to.equal(0);
    // The other provider is still free at that time: one choice, booked with that provider.
    buttonAt(el, start).click();
    await bookingShown(el);
    expect(sr(el).querySelector('[data-focus="taken"]')).to.be.null;
    const booked = oneEvent(el, 'vsee-appointment-booked');
    bookButton(el)!.click();
    const { detail } = await booked;
    expect(detail.visit.start).to.equal(start);
    expect(String(detail.visit.provider_id)).to.equal('1096');
  });

  it('reschedules with visit-id: shows the old and new time and moves the appointment', async () => {
    const [s1, , s3] = await api.getAvailability({
      start: Math.floor(Date.now() / 1000),
      end: Math.floor(Date.now() / 1000) + 3 * 86400,
      room_code: 'ceproom1',
      duration: 3600,
    });
    const visit = await api.createAppointment({ slot_start: s1.start, slot_end: s1.end, provider_id: '509', member_id: MEMBER, type: 2 });
    const el = await picker(mock, { 'visit-id': visit.id });
    await waitUntil(() => norm(sr(el).querySelector('[part~="current"]')?.textContent).startsWith('Your current appointment:'));
    buttonAt(el, s3.start).click();
    await bookingShown(el);
    const summary = norm(sr(el).querySelector('[part="summary"]')!.textContent);
    expect(summary).to.contain('Current time');
    expect(summary).to.contain('New time');
    expect(norm(bookButton(el)!.textContent)).to.equal('Reschedule');
    await expect(el).to.be.accessible();
    const booked = oneEvent(el, 'vsee-appointment-booked');
    bookButton(el)!.click();
    const { detail } = await booked;
    expect(detail.visit.id).to.equal(visit.id);
    expect(detail.visit.start).to.equal(s3.start);
    const log = await mock.log();
    expect(requests(log, 'POST', `/visits/${visit.id}`)[0].query).to.deep.include({ version: '2' });
    expect(requests(log, 'POST', '/visits').filter((e) => e.path.endsWith('/visits'))).to.have.length(1); // only the setup's
    await el.updateComplete;
    expect(norm(sr(el).querySelector('[data-focus="booked"]')!.textContent)).to.match(/^Your appointment was moved to /);
  });
});
