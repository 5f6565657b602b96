// The fault matrix for <vsee-visit-list>: every request it makes × every failure kind.
import { expect } from '@open-wc/testing';
import '../src/elements/visit-list/vsee-visit-list.js';
import { $, $$, alerts, common, describeMatrix, mountTag, squash, tryAgain, wait, type Ctx, type Scenario } from './faults-harness.js';

const items = (el: HTMLElement) => $$(el, 'li.visit');
const firstUpcoming = (el: HTMLElement) => $(el, 'section[data-section="upcoming"] li.visit')!;

function list(ctx: Ctx, attrs: Record<string, string> = {}) {
  return mountTag<HTMLElement>('vsee-visit-list', ctx, attrs);
}

async function loaded(el: HTMLElement) {
  await wait(() => items(el).length > 0, 'no visits shown');
  return el;
}

function clickTryAgain(root: Element | ShadowRoot, ctx: Ctx) {
  const b = [...root.querySelectorAll<HTMLButtonElement>('button')].find((x) => squash(x.textContent) === tryAgain(ctx.locale));
  expect(b, 'a "Try again" button').to.exist;
  b!.click();
}

/** The DOM id of the visit being cancelled. */
let cancelling = '';

const noProblem = (el: HTMLElement) => wait(() => !alerts(el), `still a problem: ${alerts(el)}`);

/** A stand-in for the tab the summary opens in (a real popup would outlive the test). */
interface FakeWindow {
  closed: boolean;
  opener: unknown;
  location: { href: string };
  document: { title: string; body: { textContent: string } };
  close(): void;
}
let popup: FakeWindow;
let savedOpen: typeof window.open;
before(() => {
  savedOpen = window.open;
  window.open = (() => {
    popup = {
      closed: false,
      opener: window,
      location: { href: '' },
      document: { title: '', body: { textContent: '' } },
      close() {
        this.closed = true;
      },
    };
    return popup;
  }) as unknown as typeof window.open;
});
after(() => {
  window.open = savedOpen;
});

const scenarios: Scenario[] = [
  {
    name: 'GET /visits',
    method: 'GET',
    path: '/visits',
    // Not a list of visits: "could not load" with Try again, never "You have no upcoming visits".
    // (Visits with garbage fields show "unknown": visit-list.test.ts.)
    wrongShape: '{"data":{"visits":"none"}}',
    mount: (ctx) => list(ctx),
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el.shadowRoot!, ctx),
    async done(el) {
      await loaded(el);
    },
  },
  {
    name: 'GET /visits/current',
    method: 'GET',
    path: '/visits/current',
    // Not a visit. (A visit with a garbage status is not "in progress": visit-list.test.ts.)
    wrongShape: '{"data":"in progress"}',
    mount: (ctx) => list(ctx, { 'show-current': '' }),
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(el.shadowRoot!, ctx),
    async done(el) {
      await loaded(el);
      await noProblem(el);
    },
  },
  {
    name: 'GET /visits/:id (details)',
    method: 'GET',
    path: '/visits/*',
    wrongShape: '{"data":{"visit":{"id":"7727"}}}',
    mount: async (ctx) => loaded(await list(ctx)),
    act: async (el) => firstUpcoming(el).querySelector<HTMLButtonElement>('[part~="details-button"]')!.click(),
    problem: alerts,
    retry: async (el, ctx) => clickTryAgain(firstUpcoming(el).querySelector('.details')!, ctx),
    async done(el) {
      await wait(() => firstUpcoming(el).querySelector('.details h5'), 'no details shown');
      await noProblem(el);
    },
  },
  {
    name: 'POST /visits/close (cancel)',
    method: 'POST',
    path: '/visits/close',
    wrongShape: '{"data":"yes"}',
    outcomes: { '2xx-wrong-shape': 'ok' },
    mount: async (ctx) => loaded(await list(ctx)),
    async act(el) {
      cancelling = firstUpcoming(el).id;
      firstUpcoming(el).querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
      await wait(() => firstUpcoming(el).querySelector('[part~="confirm-button"]'), 'no confirmation step');
      firstUpcoming(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    },
    problem: alerts,
    async retry(el) {
      // "Cancel visit" is the way to try again; it has focus after the failure.
      const cancel = firstUpcoming(el).querySelector<HTMLButtonElement>('[part~="cancel-button"]')!;
      await wait(() => el.shadowRoot!.activeElement === cancel, 'focus is not on "Cancel visit"');
      cancel.click();
      await wait(() => firstUpcoming(el).querySelector('[part~="confirm-button"]'), 'no confirmation step');
      firstUpcoming(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    },
    async done(el, ctx) {
      const cancelled = common(ctx.locale, 'statusCancelled');
      const status = () => squash(el.shadowRoot!.getElementById(cancelling)?.querySelector('[part="status"]')?.textContent);
      await wait(() => status().endsWith(cancelled), `not cancelled: ${status()}`);
      await noProblem(el);
    },
  },
  {
    name: 'GET /visits/:id/exports/visit_summary',
    method: 'GET',
    path: '/visits/*/exports/visit_summary',
    wrongShape: '{"data":{"url":"javascript:alert(1)"}}',
    mount: async (ctx) => loaded(await list(ctx)),
    act: async (el) => items(el).at(-1)!.querySelector<HTMLButtonElement>('[part~="summary-button"]')!.click(),
    problem: alerts,
    async retry(el) {
      const b = items(el).at(-1)!.querySelector<HTMLButtonElement>('[part~="summary-button"]')!;
      await wait(() => b.getAttribute('aria-disabled') === 'false', 'the summary button stays busy');
      b.click();
    },
    async done(el) {
      await wait(() => popup?.location.href.endsWith('.pdf'), 'the summary did not open');
      await noProblem(el);
    },
  },
];

describeMatrix('Faults: <vsee-visit-list>', scenarios);
