// The fault matrix for <vsee-slot-picker>: every request it makes × every failure kind.
import { expect } from '@open-wc/testing';
import '../src/elements/slot-picker/vsee-slot-picker.js';
import { VseeClient } from '../src/client.js';
import { slotPickerMessages } from '../src/i18n/slot-picker.js';
import { ACCOUNT, MEMBER, ROOM, TOKEN } from './helpers/mock.js';
import {
  $,
  $$,
  alerts,
  common,
  describeMatrix,
  msgOf,
  mountTag,
  squash,
  wait,
  type Ctx,
  type Locale,
  type Scenario,
} from './faults-harness.js';

const slots = (el: HTMLElement) => $$<HTMLButtonElement>(el, 'button[part~="slot"]');
const bookButton = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part="book-button"]');
const taken = { text: (_el: HTMLElement, locale: Locale) => msgOf(slotPickerMessages, locale, 'taken') };

function picker(ctx: Ctx, attrs: Record<string, string> = {}) {
  return mountTag<HTMLElement>('vsee-slot-picker', ctx, { 'room-code': ROOM, 'member-id': MEMBER, days: '2', duration: '3600', ...attrs });
}

async function withSlots(el: HTMLElement) {
  await wait(() => slots(el).length > 0, 'no slots shown');
  return el;
}

/** An upcoming appointment to reschedule, booked directly (not through the element). */
async function upcoming(ctx: Ctx): Promise<string> {
  const api = new VseeClient({
    baseUrl: ctx.t.base,
    accountCode: ACCOUNT,
    token: ctx.kind === '401-refresh' ? 'fresh-9' : TOKEN,
    retry: { retries: 0 },
  });
  const start = Math.ceil(Date.now() / 1000 / 3600) * 3600 + 3 * 86400;
  const visit = await api.createAppointment({ slot_start: start, slot_end: start + 3600, provider_id: '509', member_id: MEMBER, type: 2 });
  return visit.id;
}

let chosenStart: string | null = null;

async function choose(el: HTMLElement) {
  const b = slots(el)[1] ?? slots(el)[0]!;
  chosenStart = b.getAttribute('aria-label');
  b.click();
  await wait(() => bookButton(el), 'no book button');
}

/** The choice (and the summary with the book button) survives a failed booking. */
function kept(el: HTMLElement) {
  const pressed = $$(el, 'button[part~="slot"][aria-pressed="true"]');
  expect(
    pressed.map((b) => b.getAttribute('aria-label')),
    'the chosen time stays chosen',
  ).to.deep.equal([chosenStart]);
  expect(bookButton(el), 'the book button is still there').to.exist;
}

async function bookAgain(el: HTMLElement, ctx: Ctx) {
  if (ctx.kind === '409') {
    // The time was taken: the grid was reloaded and the patient chooses again.
    await withSlots(el);
    await choose(el);
  }
  await wait(() => bookButton(el)?.getAttribute('aria-disabled') === 'false', 'the book button stays busy');
  bookButton(el)!.click();
}

const booked = (el: HTMLElement) => wait(() => $(el, '[data-focus="booked"]') && !alerts(el), `not booked: ${alerts(el)}`);

const scenarios: Scenario[] = [
  {
    name: 'GET /availability',
    method: 'GET',
    path: '/availability',
    // Not a list of slots: "could not load", never "No open times".
    wrongShape: '{"data":{"slots":"none"}}',
    mount: (ctx) => picker(ctx),
    problem: alerts,
    async retry(el) {
      $<HTMLButtonElement>(el, '[data-focus="retry"]')!.click();
    },
    async done(el) {
      await withSlots(el);
    },
  },
  {
    name: 'GET /visits/:id (reschedule)',
    method: 'GET',
    path: '/visits/*',
    wrongShape: '{"data":{"visit":{"id":"7727"}}}',
    async mount(ctx) {
      return picker(ctx, { 'visit-id': await upcoming(ctx) });
    },
    problem: (el) => squash($(el, '.current')?.textContent),
    async retry(el) {
      $<HTMLButtonElement>(el, '.current button')!.click();
    },
    async done(el, ctx) {
      const prefix = msgOf(slotPickerMessages, ctx.locale, 'currentAppointment').split('{when}')[0]!;
      await wait(() => squash($(el, '.current')?.textContent).startsWith(squash(prefix)), 'the current appointment is not shown');
      await withSlots(el);
    },
  },
  {
    name: 'POST /visits (book)',
    method: 'POST',
    path: '/visits',
    creates: true,
    wrongShape: '{"data":{"status":"x","start":"soon","provider":null}}',
    mount: async (ctx) => withSlots(await picker(ctx)),
    prepare: async (el) => choose(el),
    act: async (el) => bookButton(el)!.click(),
    problem: alerts,
    outcomes: { '409': taken },
    retry: bookAgain,
    done: booked,
    kept: (el) => (squash(alerts(el)).includes(squash(msgOf(slotPickerMessages, 'en', 'taken'))) ? undefined : kept(el)),
  },
  {
    name: 'POST /visits/:id (reschedule)',
    method: 'POST',
    path: '/visits/*',
    wrongShape: '{"data":{"start":"soon","status":"x"}}',
    outcomes: { '409': taken, '2xx-wrong-shape': 'ok' },
    async mount(ctx) {
      const el = await withSlots(await picker(ctx, { 'visit-id': await upcoming(ctx) }));
      await wait(() => !squash($(el, '.current')?.textContent).includes(common(ctx.locale, 'loading')), 'no current appointment');
      return el;
    },
    prepare: async (el) => choose(el),
    act: async (el) => bookButton(el)!.click(),
    problem: alerts,
    retry: bookAgain,
    done: booked,
    kept: (el) => (squash(alerts(el)).includes(squash(msgOf(slotPickerMessages, 'en', 'taken'))) ? undefined : kept(el)),
  },
];

describeMatrix('Faults: <vsee-slot-picker>', scenarios);
