import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from './helpers/commands.js';
import '../src/slot-picker.js';
import type { VseeSlotPicker } from '../src/slot-picker.js';
import { VseeClient } from '../src/client.js';
import type { Slot } from '../src/client/types.js';
import { fakeFetch, json, deferred, type RecordedRequest, type Responder } from './helpers/fake-fetch.js';

/** Unix seconds of an ISO time with an explicit offset. */
const at = (iso: string) => Date.parse(iso) / 1000;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const sr = (el: Element) => el.shadowRoot!;
const slotButtons = (el: Element) => [...sr(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
const headings = (el: Element) => [...sr(el).querySelectorAll('[role="rowheader"]')].map((h) => norm(h.textContent));
const labels = (el: Element) => slotButtons(el).map((b) => norm(b.getAttribute('aria-label')));
const query = (r: RecordedRequest) => Object.fromEntries(new URL(r.url, location.href).searchParams);
const isAvailability = (r: RecordedRequest) => new URL(r.url, location.href).pathname.endsWith('/availability');
const availabilityCalls = (calls: RecordedRequest[]) => calls.filter(isAvailability);
const focused = (el: Element) => sr(el).activeElement as HTMLElement | null;
/** The booking step is its own chunk: the summary shows once it is here. */
const bookingShown = (el: Element) => waitUntil(() => sr(el).querySelector('[part="book-button"]'), 'the booking summary did not show');

const slot = (start: number, minutes = 30, providers = ['101']): Slot => ({ start, end: start + minutes * 60, providers });

/** Answers `GET /availability` like the API: the slots inside the requested range. */
function serve(slots: Slot[], other: Responder = () => json({ data: {} })): Responder {
  return (req) => {
    if (!isAvailability(req)) return other(req);
    const q = query(req);
    return json({ data: slots.filter((s) => s.start >= Number(q.start) && s.start < Number(q.end)) });
  };
}

function fake(responder: Responder) {
  const f = fakeFetch(responder);
  const client = new VseeClient({ baseUrl: '/x/api_v3', accountCode: 'a', token: 't', fetch: f.fetch, retry: { retries: 0 } });
  return { client, calls: f.calls };
}

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

async function loaded(el: VseeSlotPicker) {
  await waitUntil(() => sr(el).querySelector('[role="grid"], .empty, .body .message.error'), 'the picker did not load', { timeout: 4000 });
  await el.updateComplete;
}

// Tuesday 2027-03-09, noon in New York (EST; DST starts on Sunday 2027-03-14).
const MAR9 = at('2027-03-09T12:00:00-05:00');

describe('<vsee-slot-picker>', () => {
  const originalError = console.error;
  let consoleErrors: unknown[][];
  beforeEach(() => {
    consoleErrors = [];
    console.error = (...args: unknown[]) => consoleErrors.push(args);
  });
  afterEach(() => (console.error = originalError));

  describe('requests', () => {
    it('asks for whole local days with every attribute as a query parameter', async () => {
      const { client, calls } = fake(serve([]));
      const el = await fixture<VseeSlotPicker>(html`<vsee-slot-picker
        .client=${client}
        room-code="ceproom1"
        provider-id="101"
        intake-id="in-7"
        consultation-id="c-3"
        duration="1800"
        days="5"
        start=${String(MAR9)}
        timezone="America/New_York"
      ></vsee-slot-picker>`);
      await loaded(el);
      const q = query(availabilityCalls(calls)[0]);
      // From Tuesday's local midnight to the midnight five days later, which is already EDT.
      expect(q).to.deep.include({
        start: String(at('2027-03-09T00:00:00-05:00')),
        end: String(at('2027-03-14T00:00:00-05:00')),
        duration: '1800',
        room_code: 'ceproom1',
        provider_id: '101',
        intake_id: 'in-7',
        consultation_id: 'c-3',
      });
    });

    it('defaults to 7 days from now with 15-minute slots, and never asks for the past', async () => {
      const { client, calls } = fake(serve([]));
      const before = Date.now() / 1000;
      const el = await fixture<VseeSlotPicker>(html`<vsee-slot-picker .client=${client} timezone="America/New_York"></vsee-slot-picker>`);
      await loaded(el);
      const q = query(availabilityCalls(calls)[0]);
      expect(q.duration).to.equal('900');
      expect(Number(q.start)).to.be.within(before - 60, Date.now() / 1000);
      const end = new Date(Number(q.end) * 1000);
      const hm = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
      }).format(end);
      expect(hm).to.equal('00:00');
      const days = (Number(q.end) - before) / 86400;
      expect(days).to.be.within(6, 7.05);
    });

    it('refetches when an attribute changes and drops the stale answer', async () => {
      const first = deferred<Response>();
      let n = 0;
      const s1 = slot(at('2027-03-09T09:00:00-05:00'));
      const s2 = slot(at('2027-03-09T15:00:00-05:00'));
      const { client, calls } = fake((req) => (n++ === 0 ? first.promise : serve([s2])(req)));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      el.setAttribute('duration', '1800');
      await loaded(el);
      expect(calls[0].signal?.aborted).to.be.true;
      expect(query(calls[1]).duration).to.equal('1800');
      first.resolve(json({ data: [s1] }));
      await aTimeout(20);
      expect(slotButtons(el).map((b) => norm(b.textContent))).to.deep.equal(['3:00 PM']);
    });

    it('moves by `days` with Previous / Next, and Previous stops at today', async () => {
      const noon = Math.floor(Date.now() / 86400000) * 86400 + 12 * 3600;
      const { client, calls } = fake(serve(Array.from({ length: 20 }, (_, i) => slot(noon + (i + 1) * 86400))));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      const prev = sr(el).querySelector<HTMLButtonElement>('button.prev')!;
      const next = sr(el).querySelector<HTMLButtonElement>('button.next')!;
      expect(prev.getAttribute('aria-disabled')).to.equal('true');
      expect(norm(next.textContent)).to.equal('Next 3 days ›');
      prev.click();
      await el.updateComplete;
      expect(availabilityCalls(calls)).to.have.length(1);
      const firstEnd = Number(query(calls[0]).end);
      next.click();
      await loaded(el);
      await waitUntil(() => availabilityCalls(calls).length >= 2);
      const q = query(availabilityCalls(calls)[1]);
      expect(Number(q.start)).to.equal(firstEnd);
      expect(Number(q.end) - Number(q.start)).to.be.within(3 * 86400 - 3600, 3 * 86400 + 3600);
      await el.updateComplete;
      expect(prev.getAttribute('aria-disabled')).to.equal('false');
    });
  });

  describe('days and times', () => {
    const evening = slot(at('2027-03-09T20:00:00-05:00')); // = Wed 10:00 in Tokyo
    const morning = slot(at('2027-03-10T09:30:00-05:00'));

    it('groups by the local day in New York and labels each slot with its time and date', async () => {
      const { client } = fake(serve([morning, evening]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      expect(headings(el)).to.deep.equal(['Tuesday, March 9', 'Wednesday, March 10']);
      expect(labels(el)).to.deep.equal(['8:00 PM, Tuesday, March 9', '9:30 AM, Wednesday, March 10']);
      expect(norm(sr(el).querySelector('[part="timezone"]')!.textContent)).to.equal('Times in Eastern Time');
      expect(norm(sr(el).querySelector('[part="range"]')!.textContent)).to.match(/^Mar 9 – 11, 2027$/);
    });

    it('shows the same slots on Tokyo days', async () => {
      const { client } = fake(serve([morning, evening]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="3" timezone="Asia/Tokyo"></vsee-slot-picker>`,
      );
      await loaded(el);
      expect(headings(el)).to.deep.equal(['Wednesday, March 10']);
      expect(labels(el)).to.deep.equal(['10:00 AM, Wednesday, March 10', '11:30 PM, Wednesday, March 10']);
      expect(norm(sr(el).querySelector('[part="timezone"]')!.textContent)).to.match(/^Times in Japan/);
    });

    it('splits days at local midnight across the end of daylight saving time', async () => {
      // New York falls back on Sunday 2027-11-07: that day has 25 hours.
      const slots = [
        slot(at('2027-11-06T09:00:00-04:00')),
        slot(at('2027-11-07T01:30:00-04:00')), // the first 1:30 AM (EDT)
        slot(at('2027-11-07T01:30:00-05:00')), // the second 1:30 AM (EST)
        slot(at('2027-11-07T23:30:00-05:00')), // 04:30 UTC on the 8th: still Sunday here
        slot(at('2027-11-08T00:30:00-05:00')),
      ];
      const { client, calls } = fake(serve(slots));
      const el = await fixture<VseeSlotPicker>(html`<vsee-slot-picker
        .client=${client}
        start=${String(at('2027-11-06T12:00:00-04:00'))}
        days="3"
        timezone="America/New_York"
      ></vsee-slot-picker>`);
      await loaded(el);
      const q = query(calls[0]);
      expect(Number(q.start)).to.equal(at('2027-11-06T00:00:00-04:00'));
      expect(Number(q.end)).to.equal(at('2027-11-09T00:00:00-05:00'));
      expect(headings(el)).to.deep.equal(['Saturday, November 6', 'Sunday, November 7', 'Monday, November 8']);
      const rows = [...sr(el).querySelectorAll('[role="row"]')].map((r) =>
        [...r.querySelectorAll('button')].map((b) => norm(b.textContent)),
      );
      // The day the clock falls back shows the zone, so the two 1:30 AMs differ.
      expect(rows).to.deep.equal([['9:00 AM'], ['1:30 AM EDT', '1:30 AM EST', '11:30 PM EST'], ['12:30 AM']]);
    });

    it('does not offer past slots', async () => {
      const now = Math.floor(Date.now() / 1000);
      const { client } = fake(serve([slot(now - 7200), slot(now - 60), slot(now + 3 * 3600)]));
      const el = await fixture<VseeSlotPicker>(html`<vsee-slot-picker .client=${client} timezone="UTC" days="2"></vsee-slot-picker>`);
      await loaded(el);
      expect(slotButtons(el)).to.have.length(1);
      expect(slotButtons(el)[0].getAttribute('aria-label')).to.contain(
        new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format((now + 3 * 3600) * 1000),
      );
    });

    it('offers several providers at one time as one choice, and with provider-id only that provider', async () => {
      const t1 = at('2027-03-09T09:00:00-05:00');
      const t2 = at('2027-03-09T10:00:00-05:00');
      const data = [slot(t1, 30, ['101', '102']), slot(t2, 30, ['102']), slot(t2, 30, ['103'])];
      const a = fake(serve(data));
      const all = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${a.client} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(all);
      expect(slotButtons(all).map((b) => norm(b.textContent))).to.deep.equal(['9:00 AM', '10:00 AM']);
      const b = fake(serve(data));
      const one = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${b.client} provider-id="101" start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(one);
      expect(slotButtons(one).map((x) => norm(x.textContent))).to.deep.equal(['9:00 AM']);
    });

    it('speaks Spanish', async () => {
      const { client } = fake(serve([evening]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} locale="es" start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      expect(headings(el)).to.deep.equal(['martes, 9 de marzo']);
      expect(labels(el)[0]).to.match(/^8:00 p\. ?m\., martes, 9 de marzo$/);
      expect(norm(sr(el).querySelector('[part="timezone"]')!.textContent)).to.match(/^Horas en hora \S+/);
      expect(norm(sr(el).querySelector('button.next')!.textContent)).to.equal('3 días siguientes ›');
      slotButtons(el)[0].click();
      await bookingShown(el);
      expect(norm(sr(el).querySelector('[part="book-button"]')!.textContent)).to.equal('Reservar cita');
      expect(norm(sr(el).querySelector('[role="status"].visually-hidden')!.textContent)).to.match(/^Seleccionado: 8:00/);
    });
  });

  describe('switching language', () => {
    it('relabels every day without refetching', async () => {
      const data = Array.from({ length: 5 }, (_, d) => slot(at(`2027-03-${String(9 + d).padStart(2, '0')}T09:00:00-05:00`)));
      const { client, calls } = fake(serve(data));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="5" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      el.setAttribute('locale', 'es');
      await waitUntil(
        () =>
          headings(el).join() === 'martes, 9 de marzo,miércoles, 10 de marzo,jueves, 11 de marzo,viernes, 12 de marzo,sábado, 13 de marzo',
      );
      expect(labels(el).every((l) => /de marzo$/.test(l))).to.be.true;
      expect(availabilityCalls(calls)).to.have.length(1);
    });
  });

  describe('loading and failures', () => {
    it('shows a busy skeleton of the grid while loading', async () => {
      const answer = deferred<Response>();
      const { client } = fake(() => answer.promise);
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} timezone="America/New_York"></vsee-slot-picker>`,
      );
      const body = sr(el).querySelector('.body')!;
      expect(body.getAttribute('aria-busy')).to.equal('true');
      expect(sr(el).querySelector('[part="skeleton"]')).to.exist;
      expect(norm(body.textContent)).to.equal('Loading available times…');
      answer.resolve(json({ data: [slot(at('2027-03-09T09:00:00-05:00'))] }));
      await loaded(el);
      expect(body.getAttribute('aria-busy')).to.equal('false');
    });

    it('shows a failure with Try again and fires vsee-error', async () => {
      let fail = true;
      const { client } = fake((req) => (fail ? json({ message: 'boom' }, 500) : serve([slot(at('2027-03-09T09:00:00-05:00'))])(req)));
      const el = document.createElement('vsee-slot-picker');
      el.client = client;
      el.setAttribute('start', String(MAR9));
      el.setAttribute('timezone', 'America/New_York');
      const errorEvent = oneEvent(el, 'vsee-error');
      document.body.append(el);
      mounted.push(el);
      const { detail } = await errorEvent;
      expect(detail.operation).to.equal('getAvailability');
      expect(detail.error.status).to.equal(500);
      await loaded(el);
      const alert = sr(el).querySelector('.body [role="alert"]')!;
      expect(norm(alert.textContent)).to.contain('We could not load the available times.');
      await expect(el).to.be.accessible();
      fail = false;
      sr(el).querySelector<HTMLButtonElement>('[data-focus="retry"]')!.click();
      await waitUntil(() => slotButtons(el).length === 1);
      await el.updateComplete;
      expect(focused(el)).to.equal(slotButtons(el)[0]);
    });

    it('explains garbage attributes instead of fetching', async () => {
      const { client, calls } = fake(serve([]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} days="-3" start="tomorrow" duration="0" mode="sometimes"></vsee-slot-picker>`,
      );
      const items = [...sr(el).querySelectorAll('.config-error li')].map((li) => norm(li.textContent));
      expect(items).to.deep.equal([
        'The duration attribute must be a whole number of seconds from 60 to 86400; it is "0".',
        'The days attribute must be a whole number from 1 to 60; it is "-3".',
        'The start attribute must be a time in Unix seconds, e.g. 1798794000; it is "tomorrow".',
        'The mode attribute must be "book" or "select"; it is "sometimes".',
      ]);
      expect(consoleErrors).to.have.length(1);
      await aTimeout(20);
      expect(calls).to.have.length(0);
      el.setAttribute('days', '2');
      el.setAttribute('start', String(MAR9));
      el.setAttribute('duration', '600');
      el.setAttribute('mode', 'select');
      await loaded(el);
      expect(query(calls[0]).duration).to.equal('600');
    });
  });

  describe('keyboard', () => {
    // Tue: 3 times, Wed: 1, Thu: 4.
    const times = [
      '2027-03-09T09:00',
      '2027-03-09T09:30',
      '2027-03-09T10:00',
      '2027-03-10T11:00',
      '2027-03-11T08:00',
      '2027-03-11T08:30',
      '2027-03-11T09:00',
      '2027-03-11T09:30',
    ].map((t) => slot(at(`${t}:00-05:00`)));

    it('draws the focus ring in the primary colour unless --vsee-color-focus is set', async () => {
      const { client } = fake(serve(times));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker
          .client=${client}
          style="--vsee-color-primary: rgb(107, 47, 163)"
          start=${String(MAR9)}
          days="3"
          timezone="America/New_York"
        ></vsee-slot-picker>`,
      );
      await loaded(el);
      const ring = () => getComputedStyle(sr(el).querySelector('[role="grid"]')!).getPropertyValue('--_focus').trim();
      expect(getComputedStyle(el).getPropertyValue('--_focus').trim()).to.equal('rgb(107, 47, 163)');
      el.style.setProperty('--vsee-color-focus', 'rgb(200, 80, 0)');
      expect(ring()).to.equal('rgb(200, 80, 0)');
    });

    it('keeps the browser\u2019s own controls light on a dark page unless its theme says dark', async () => {
      const { client } = fake(serve(times));
      const page = await fixture<HTMLElement>(
        html`<div style="color-scheme: dark">
          <vsee-slot-picker .client=${client} start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>
        </div>`,
      );
      const el = page.querySelector<VseeSlotPicker>('vsee-slot-picker')!;
      await loaded(el);
      const scheme = () => getComputedStyle(slotButtons(el)[0]).colorScheme;
      expect(scheme()).to.equal('light');
      el.style.setProperty('--vsee-color-scheme', 'dark');
      expect(scheme()).to.equal('dark');
    });

    it('reads and moves left to right on a right-to-left page that also passes down nowrap and uppercase', async () => {
      const { client } = fake(serve(times));
      const page = await fixture<HTMLElement>(
        html`<div dir="rtl" style="white-space: nowrap; text-transform: uppercase; letter-spacing: 3px">
          <vsee-slot-picker .client=${client} mode="select" start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>
        </div>`,
      );
      const el = page.querySelector<VseeSlotPicker>('vsee-slot-picker')!;
      await loaded(el);
      const [first, second] = slotButtons(el);
      const style = getComputedStyle(first);
      expect([style.direction, style.whiteSpace, style.textTransform, style.letterSpacing]).to.deep.equal([
        'ltr',
        'normal',
        'none',
        'normal',
      ]);
      // The grid's next time is to the right, and ArrowRight goes there.
      expect(second.getBoundingClientRect().left).to.be.above(first.getBoundingClientRect().left);
      first.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(second);
    });

    it('is one tab stop: arrows move between times and days, Home/End jump, Enter chooses', async () => {
      const { client } = fake(serve(times));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} mode="select" start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      const tabStops = () => slotButtons(el).filter((b) => b.tabIndex === 0);
      const at_ = () => norm(focused(el)?.getAttribute('aria-label'));
      expect(tabStops()).to.have.length(1);
      sr(el).querySelector<HTMLButtonElement>('button.next')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(at_()).to.equal('9:00 AM, Tuesday, March 9');
      const steps: Array<[string, string]> = [
        ['ArrowRight', '9:30 AM, Tuesday, March 9'],
        ['ArrowRight', '10:00 AM, Tuesday, March 9'],
        ['ArrowDown', '11:00 AM, Wednesday, March 10'], // same position, or the nearest
        ['ArrowDown', '8:00 AM, Thursday, March 11'],
        ['End', '9:30 AM, Thursday, March 11'],
        ['ArrowRight', '9:30 AM, Thursday, March 11'], // the last time stays
        ['ArrowUp', '11:00 AM, Wednesday, March 10'],
        ['ArrowLeft', '10:00 AM, Tuesday, March 9'], // back over the day boundary
        ['Home', '9:00 AM, Tuesday, March 9'],
        ['Control+End', '9:30 AM, Thursday, March 11'],
        ['Control+Home', '9:00 AM, Tuesday, March 9'],
        ['ArrowDown', '11:00 AM, Wednesday, March 10'],
      ];
      for (const [key, expected] of steps) {
        const [mod, k] = key.includes('+') ? key.split('+') : [undefined, key];
        if (mod) await sendKeys({ down: mod });
        await sendKeys({ press: k });
        if (mod) await sendKeys({ up: mod });
        expect(at_(), key).to.equal(expected);
        expect(tabStops(), key).to.have.length(1);
      }
      const selected = oneEvent(el, 'vsee-slot-select');
      await sendKeys({ press: 'Enter' });
      const { detail } = await selected;
      expect(detail.slot).to.deep.equal(times[3]);
      await el.updateComplete;
      expect(focused(el)?.getAttribute('aria-pressed')).to.equal('true');
      expect(norm(sr(el).querySelector('.visually-hidden[role="status"]')!.textContent)).to.equal(
        'Selected 11:00 AM, Wednesday, March 10, 2027.',
      );
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(
        slotButtons(el)
          .filter((b) => b.getAttribute('aria-pressed') === 'true')
          .map((b) => norm(b.textContent)),
      ).to.deep.equal(['8:00 AM']);
      // Leaving and coming back lands on the same time.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Tab' });
      expect(at_()).to.equal('8:00 AM, Thursday, March 11');
    });
  });

  describe('select mode', () => {
    it('fires a cancelable vsee-slot-select; a veto keeps the previous choice; nothing is posted', async () => {
      const data = [slot(at('2027-03-09T09:00:00-05:00')), slot(at('2027-03-09T10:00:00-05:00'))];
      const { client, calls } = fake(serve(data));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} mode="select" start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      let veto = false;
      const seen: unknown[] = [];
      el.addEventListener('vsee-slot-select', (e) => {
        seen.push(e.detail.slot);
        expect(e.cancelable).to.be.true;
        if (veto) e.preventDefault();
      });
      slotButtons(el)[0].click();
      await el.updateComplete;
      veto = true;
      slotButtons(el)[1].click();
      await el.updateComplete;
      expect(seen).to.deep.equal(data);
      expect(slotButtons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
      expect(sr(el).querySelector('[part="summary"]')).to.be.null;
      expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
    });
  });

  describe('empty range', () => {
    it('says so and offers the next available time, which jumps there', async () => {
      const later = slot(at('2027-03-20T10:00:00-04:00'));
      const { client, calls } = fake(serve([later]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      expect(norm(sr(el).querySelector('.empty')!.textContent)).to.contain('No open times for Mar 9 – 11, 2027.');
      await waitUntil(() => sr(el).querySelector('[part="next-available"]'));
      expect(norm(sr(el).querySelector('[part="next-available"]')!.textContent)).to.equal('Next available: Saturday, March 20, 2027');
      await expect(el).to.be.accessible();
      sr(el).querySelector<HTMLButtonElement>('[part="next-available"]')!.click();
      await waitUntil(() => slotButtons(el).length === 1);
      await el.updateComplete;
      expect(norm(sr(el).querySelector('[part="range"]')!.textContent)).to.equal('Mar 18 – 20, 2027');
      expect(focused(el)).to.equal(slotButtons(el)[0]);
      const last = query(availabilityCalls(calls).at(-1)!);
      expect(Number(last.start)).to.equal(at('2027-03-18T00:00:00-04:00'));
    });

    it('says when nothing is open within the horizon either, after a bounded search', async () => {
      const { client, calls } = fake(serve([]));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="3" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      await waitUntil(() => norm(sr(el).querySelector('.empty')?.textContent).includes('following 60 days'));
      const asked = availabilityCalls(calls).map(query);
      expect(asked).to.have.length(1 + 5);
      expect(Number(asked.at(-1)!.end) - Number(asked[0].end)).to.be.within(60 * 86400 - 3600, 60 * 86400 + 3600);
    });
  });

  describe('booking (fake API)', () => {
    const t = at('2027-03-09T09:00:00-05:00');
    function bookingApi(post: (req: RecordedRequest) => Response | Promise<Response>) {
      return fake(serve([slot(t, 30, ['101', '102'])], post));
    }

    it('sends the chosen slot, the first provider, the intake and the member', async () => {
      const { client, calls } = bookingApi(() => json({ data: { id: '900', start: t, end: t + 1800, type: 2 } }));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} intake-id="in-1" member-id="575" start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      slotButtons(el)[0].click();
      await bookingShown(el);
      await expect(el).to.be.accessible();
      const summary = norm(sr(el).querySelector('[part="summary"]')!.textContent);
      expect(summary).to.contain('Tuesday, March 9, 2027');
      expect(summary).to.match(/9:00\s?–\s?9:30\sAM/);
      expect(summary).to.contain('Eastern Time');
      expect(summary).to.contain('30 min');
      const booked = oneEvent(el, 'vsee-appointment-booked');
      sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
      const { detail } = await booked;
      expect(detail.visit.id).to.equal('900');
      const post = calls.find((c) => c.method === 'POST')!;
      expect(new URL(post.url, location.href).pathname).to.equal('/x/api_v3/visits');
      // Form fields, as the documentation's sample sends them: every value is text.
      expect(post.encoding).to.equal('multipart');
      expect(post.body).to.deep.include({
        slot_start: String(t),
        slot_end: String(t + 1800),
        provider_id: '101',
        intake_id: 'in-1',
        member_id: '575',
        type: '2',
      });
    });

    it('books with provider-id when it is set', async () => {
      const { client, calls } = bookingApi(() => json({ data: { id: '901' } }));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} provider-id="102" start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      slotButtons(el)[0].click();
      await bookingShown(el);
      sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
      await oneEvent(el, 'vsee-appointment-booked');
      expect(calls.find((c) => c.method === 'POST')!.body).to.deep.include({ provider_id: '102' });
    });

    it('treats a refusal that says the time is no longer available like a conflict', async () => {
      const { client, calls } = bookingApi(() => json({ message: 'This time slot is no longer available.' }, 400));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      slotButtons(el)[0].click();
      await bookingShown(el);
      sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
      await waitUntil(() => sr(el).querySelector('[data-focus="taken"]'));
      await waitUntil(() => availabilityCalls(calls).length === 2 && slotButtons(el).length === 1);
      expect(slotButtons(el)[0].getAttribute('aria-pressed')).to.equal('false');
    });

    it('asks whether the time is still open after a refusal that does not say why: taken when it is gone, the refusal when not', async () => {
      for (const goneAfterwards of [true, false]) {
        let open = [slot(t, 30, ['101', '102'])];
        const { client, calls } = fake((req) => {
          if (isAvailability(req)) return serve(open)(req);
          if (goneAfterwards) open = [];
          return json({ code: 400, message: 'Unable to save the appointment.' }, 400);
        });
        const el = await fixture<VseeSlotPicker>(
          html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
        );
        await loaded(el);
        slotButtons(el)[0].click();
        await bookingShown(el);
        sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
        const shown = () => sr(el).querySelector('[data-focus="taken"], [part="summary"] .message.error');
        await waitUntil(shown, 'nothing said', { timeout: 4000 });
        // The second question about that time asks just for it, as the times were asked.
        const asked = query(availabilityCalls(calls)[1]!);
        expect([asked.start, asked.end], String(goneAfterwards)).to.deep.equal([String(t), String(t + 1800)]);
        if (goneAfterwards) {
          expect(norm(shown()!.textContent)).to.equal('Sorry, that time was just taken. Please choose another time.');
        } else {
          expect(norm(shown()!.textContent)).to.contain('Your appointment was not booked.').and.contain('Unable to save the appointment.');
        }
        el.remove();
      }
    });

    it("says in the patient's language what a refused booking did not do, with the vendor's words as detail", async () => {
      for (const [locale, what, why] of [
        ['en', 'Your appointment was not booked.', 'You do not have permission to do this. Please contact the clinic.'],
        ['es', 'Su cita no se reservó.', 'No tiene permiso para hacer esto. Comuníquese con la clínica.'],
      ]) {
        const { client } = bookingApi(() => json({ message: 'Forbidden' }, 403));
        const el = await fixture<VseeSlotPicker>(
          html`<vsee-slot-picker .client=${client} locale=${locale} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
        );
        await loaded(el);
        slotButtons(el)[0].click();
        await bookingShown(el);
        const error = oneEvent(el, 'vsee-error');
        sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!.click();
        expect((await error).detail.error.status).to.equal(403);
        await el.updateComplete;
        expect(norm(sr(el).querySelector('[part="summary"] [role="alert"]')!.textContent), locale).to.equal(`${what} ${why} (Forbidden)`);
        await expect(el).to.be.accessible();
      }
    });

    it('keeps the choice after a failure, fires vsee-error, and books on retry', async () => {
      let fail = true;
      const { client, calls } = bookingApi(() => (fail ? json({ message: 'Server exploded' }, 500) : json({ data: { id: '902' } })));
      const el = await fixture<VseeSlotPicker>(
        html`<vsee-slot-picker .client=${client} start=${String(MAR9)} days="1" timezone="America/New_York"></vsee-slot-picker>`,
      );
      await loaded(el);
      slotButtons(el)[0].click();
      await bookingShown(el);
      const button = sr(el).querySelector<HTMLButtonElement>('[part="book-button"]')!;
      button.focus();
      const error = oneEvent(el, 'vsee-error');
      button.click();
      expect((await error).detail.operation).to.equal('createAppointment');
      await el.updateComplete;
      expect(norm(sr(el).querySelector('[part="summary"] [role="alert"]')!.textContent)).to.contain('had a problem');
      expect(slotButtons(el)[0].getAttribute('aria-pressed')).to.equal('true');
      expect(focused(el)).to.equal(button);
      fail = false;
      const booked = oneEvent(el, 'vsee-appointment-booked');
      button.click();
      await booked;
      expect(calls.filter((c) => c.method === 'POST')).to.have.length(2);
    });
  });
});
