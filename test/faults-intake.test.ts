// The fault matrix for <vsee-intake-form>: every request it makes × every failure kind.
import { expect } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import { intakeFormMessages } from '../src/i18n/intake-form.js';
import { MEMBER, ROOM, requests } from './helpers/mock.js';
import { $, $$, alerts, describeMatrix, msgOf, mountTag, squash, tryAgain, wait, type Ctx, type Scenario } from './faults-harness.js';

const SEEDED_INTAKE = '57b4c678-de20-4c1a-a52b-43e9ac1f0144';
const REASON = 'Itchy rash on my left arm since Monday';
const PHONE = '212-555-0100';
const own = (key: keyof typeof intakeFormMessages.en) => ({
  text: (_el: HTMLElement, locale: 'en' | 'es') => msgOf(intakeFormMessages, locale, key),
});

function form(ctx: Ctx, attrs: Record<string, string> = {}) {
  return mountTag<HTMLElement>('vsee-intake-form', ctx, { 'room-code': ROOM, 'member-id': MEMBER, 'poll-interval': '5', ...attrs });
}

async function ready(el: HTMLElement) {
  await wait(() => $(el, '#reason'), 'the form did not appear');
  return el;
}

function type(el: HTMLElement, sel: string, value: string) {
  const c = $<HTMLInputElement>(el, sel)!;
  c.value = value;
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function fill(el: HTMLElement) {
  type(el, '#reason', REASON);
  type(el, '#phone', PHONE);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

function kept(el: HTMLElement) {
  expect($<HTMLTextAreaElement>(el, '#reason')?.value, 'reason kept').to.equal(REASON);
  expect($<HTMLInputElement>(el, '#phone')?.value, 'phone kept').to.equal(PHONE);
}

const submit = async (el: HTMLElement) => $<HTMLButtonElement>(el, 'button[part=submit]')!.click();

function clickTryAgain(el: HTMLElement, ctx: Ctx) {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) => squash(x.textContent) === tryAgain(ctx.locale));
  expect(b, 'a "Try again" button').to.exist;
  b!.click();
}

const png = () => new File([new Uint8Array(2048)], 'rash.png', { type: 'image/png' });

function chooseFile(el: HTMLElement) {
  const input = $<HTMLInputElement>(el, '#files')!;
  const dt = new DataTransfer();
  dt.items.add(png());
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const donePanel = (el: HTMLElement) => wait(() => $(el, '.done') && !alerts(el), 'no confirmation shown');

async function intakePosts(ctx: Ctx) {
  return requests(await ctx.t.log(), 'POST', '/intakes').filter((e) => e.status === 200).length;
}

const scenarios: Scenario[] = [
  {
    name: 'GET /rooms/:code',
    method: 'GET',
    path: '/rooms/*',
    wrongShape: '{"data":{"closed":true}}',
    mount: (ctx) => form(ctx),
    problem: alerts,
    outcomes: { '404': own('roomNotFound') },
    async retry(el, ctx) {
      // Whatever the patient typed meanwhile stays.
      if ($(el, '#reason')) await fill(el);
      clickTryAgain(el, ctx);
    },
    async done(el) {
      await ready(el);
      await wait(() => !alerts(el), `still a problem: ${alerts(el)}`);
    },
  },
  {
    name: 'GET /intakes/:id (edit)',
    method: 'GET',
    path: '/intakes/*',
    wrongShape: '{"data":{"intake":{"id":"57b4c678-de20-4c1a-a52b-43e9ac1f0144"}}}',
    mount: (ctx) => form(ctx, { 'intake-id': SEEDED_INTAKE }),
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el, ctx),
    async done(el) {
      await ready(el);
      await wait(() => $<HTMLTextAreaElement>(el, '#reason')!.value === 'the reason', 'the intake was not filled in');
    },
  },
  {
    name: 'POST /files',
    method: 'POST',
    path: '/files',
    creates: true,
    wrongShape: '{"data":{"name":"rash.png","size":"big"}}',
    skip: {
      timeout:
        'an upload may take up to 2 minutes (its own time-out), too long here; client-upload.test.ts checks it on a compressed clock',
    },
    mount: async (ctx) => ready(await form(ctx)),
    prepare: async (el) => fill(el),
    act: async (el) => chooseFile(el),
    problem: alerts,
    async retry(el) {
      const b = $<HTMLButtonElement>(el, '[part=attachment] button:not(.danger)');
      expect(b, 'a retry button on the file').to.exist;
      b!.click();
    },
    async done(el, ctx) {
      await wait(
        () => $(el, '[part=attachment]')?.textContent?.includes(msgOf(intakeFormMessages, ctx.locale, 'uploadDone')),
        'not uploaded',
      );
    },
    kept,
  },
  {
    name: 'POST /intakes',
    method: 'POST',
    path: '/intakes',
    creates: true,
    mayDuplicate: { timeout: 'intakes cannot be listed: an intake created by a timed-out request stays unused' },
    wrongShape: '{"data":{"reason_for_visit":"Rash","type":"x","created":"soon"}}',
    mount: async (ctx) => ready(await form(ctx)),
    prepare: async (el) => fill(el),
    act: submit,
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el, ctx),
    done: donePanel,
    kept,
  },
  {
    name: 'POST /intakes/:id (edit)',
    method: 'POST',
    path: '/intakes/*',
    wrongShape: '{"data":{"reason_for_visit":null,"type":"x"}}',
    outcomes: { '2xx-wrong-shape': 'ok' },
    async mount(ctx) {
      const el = await ready(await form(ctx, { 'intake-id': SEEDED_INTAKE }));
      await wait(() => $<HTMLTextAreaElement>(el, '#reason')!.value === 'the reason', 'the intake was not filled in');
      return el;
    },
    prepare: async (el) => fill(el),
    act: submit,
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el, ctx),
    done: donePanel,
    kept,
  },
  {
    name: 'POST /visits/add_walkin',
    method: 'POST',
    path: '/visits/add_walkin',
    creates: true,
    config: { walkinReadyAfterMs: 60000 },
    wrongShape: '{"data":{"status":"10","type":"walkin","start":"soon"}}',
    mount: async (ctx) => ready(await form(ctx, { then: 'walkin' })),
    prepare: async (el) => fill(el),
    act: submit,
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el, ctx),
    async done(el, ctx) {
      await wait(() => $(el, '[part=waiting-room]'), 'not in the waiting room');
      expect(await intakePosts(ctx), 'the intake is saved once').to.equal(1);
    },
    kept,
  },
  {
    name: 'POST /visits/add_econsult',
    method: 'POST',
    path: '/visits/add_econsult',
    creates: true,
    wrongShape: '{"data":{"status":"x","type":3}}',
    mount: async (ctx) => ready(await form(ctx, { then: 'econsult' })),
    prepare: async (el) => fill(el),
    act: submit,
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el, ctx),
    async done(el, ctx) {
      await donePanel(el);
      expect(squash($(el, '.done')!.textContent)).to.contain(msgOf(intakeFormMessages, ctx.locale, 'econsultTitle'));
      expect(await intakePosts(ctx), 'the intake is saved once').to.equal(1);
    },
    kept,
  },
  {
    name: 'GET /visits/:id (waiting room poll)',
    method: 'GET',
    path: '/visits/*',
    faultTimes: 2,
    config: { walkinReadyAfterMs: 1500 },
    wrongShape: '{"data":{"visit":"waiting"}}',
    mount: async (ctx) => ready(await form(ctx, { then: 'walkin', 'poll-interval': '0.05' })),
    prepare: async (el) => fill(el),
    act: submit,
    // Polling keeps trying by itself; after two failed checks the patient is told.
    problem: (el) => [...el.shadowRoot!.querySelectorAll('.note')].map((n) => squash(n.textContent)).join(' '),
    outcomes: {
      ...Object.fromEntries(
        (['401', '403', '404', '409', '500', '502-html', '2xx-not-json', '2xx-wrong-shape', 'timeout', 'drop'] as const).map((k) => [
          k,
          own('waitingCheckFailed'),
        ]),
      ),
    },
    retry: async () => {},
    async done(el) {
      await wait(() => $(el, '.done'), 'the provider never became ready', 8000);
    },
  },
  {
    name: 'POST /visits/close (leave the waiting room)',
    method: 'POST',
    path: '/visits/close',
    config: { walkinReadyAfterMs: 60000 },
    wrongShape: '{"data":"closed"}',
    outcomes: { '2xx-wrong-shape': 'ok' },
    async mount(ctx) {
      const el = await ready(await form(ctx, { then: 'walkin' }));
      await fill(el);
      await submit(el);
      await wait(() => $(el, '#leave'), 'not in the waiting room');
      return el;
    },
    async prepare(el) {
      $<HTMLButtonElement>(el, '#leave')!.click();
      await wait(() => $(el, '#leave-confirm'), 'no confirmation step');
    },
    act: async (el) => $<HTMLButtonElement>(el, '#leave-confirm')!.click(),
    problem: alerts,
    async retry(el) {
      await wait(() => $(el, '#leave-confirm')?.getAttribute('aria-disabled') === 'false', 'the leave button stays busy');
      $<HTMLButtonElement>(el, '#leave-confirm')!.click();
    },
    async done(el, ctx) {
      await donePanel(el);
      expect(squash($(el, '.done')!.textContent)).to.contain(msgOf(intakeFormMessages, ctx.locale, 'leftTitle'));
    },
  },
];

describeMatrix('Faults: <vsee-intake-form>', scenarios);
