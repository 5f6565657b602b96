/**
 * Every element in every state a patient can meet, built against a fresh mock tenant: shared by
 * the accessibility suite (axe, 320 px, targets, live regions) and the Spanish suite (no English
 * left). Not a test file itself.
 */
import { waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { mockTenant, MEMBER, type MockTenant } from './helpers/mock.js';
import { ensureLocale, type Locale, type MessageTable } from '../src/i18n/i18n.js';
import { commonMessages } from '../src/i18n/common.js';
import { intakeFormMessages } from '../src/i18n/intake-form.js';
import { slotPickerMessages } from '../src/i18n/slot-picker.js';
import { visitListMessages } from '../src/i18n/visit-list.js';

export type Tag = 'vsee-intake-form' | 'vsee-slot-picker' | 'vsee-visit-list';
export type Lit = HTMLElement & { updateComplete: Promise<boolean> };

export interface Built {
  el: Lit;
  /** Text (a message's words before its first placeholder) that must be in a live region. */
  announced?: string;
}

export interface ElementState {
  tag: Tag;
  name: string;
  build(t: MockTenant, locale: Locale): Promise<Built>;
}

export const TABLES = { common: commonMessages, intake: intakeFormMessages, picker: slotPickerMessages, list: visitListMessages };

/** A message in a locale (Spanish loaded first), cut before its first placeholder. */
export async function words(locale: Locale, table: MessageTable<string>, key: string): Promise<string> {
  await ensureLocale(locale, [table]);
  const text = (locale === 'es' ? table.es! : table.en)[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.split('{')[0].trim();
}

const mounted: HTMLElement[] = [];

/** Removes what `mount` added (call in afterEach). */
export function unmountAll(): void {
  mounted.splice(0).forEach((el) => el.remove());
  sessionStorage.clear();
}

/**
 * How `mount` sets the locale: the `locale` attribute (default), or no attribute and a wrapper
 * with `lang` (the nearest `lang` up the tree is the element's locale then).
 */
export const mountMode = { viaLang: false };

/** An element against the tenant, in a locale, appended to the page. */
export async function mount(
  tag: Tag,
  t: MockTenant,
  locale: Locale | null,
  attrs: Record<string, string> = {},
  parent: HTMLElement = document.body,
): Promise<Lit> {
  const el = document.createElement(tag) as Lit;
  const all: Record<string, string> = { ...t.attrs, timezone: 'America/New_York', ...attrs };
  if (tag !== 'vsee-visit-list') all['member-id'] = MEMBER;
  if (locale && mountMode.viaLang) {
    const wrapper = document.createElement('div');
    wrapper.lang = locale;
    parent.append(wrapper);
    parent = wrapper;
  } else if (locale) all.locale = locale;
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  parent.append(el);
  mounted.push(parent === document.body ? el : parent);
  if (el.lang) throw new Error('an element under test must not carry its own lang');
  await el.updateComplete;
  return el;
}

export const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E & Element>(sel) as E | null;
export const $$ = <E extends Element = HTMLElement>(el: Element, sel: string) => Array.from(el.shadowRoot!.querySelectorAll(sel)) as E[];
const until = (fn: () => unknown, what: string, timeout = 5000) => waitUntil(fn, what, { timeout });

function typeReason(el: Lit, text: string) {
  const ta = $<HTMLTextAreaElement>(el, '#reason')!;
  ta.value = text;
  ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function intakeForm(t: MockTenant, locale: Locale, attrs: Record<string, string> = {}) {
  const el = await mount('vsee-intake-form', t, locale, attrs);
  await until(() => $(el, '#reason'), 'the form');
  return el;
}

async function picker(t: MockTenant, locale: Locale, attrs: Record<string, string> = {}) {
  const el = await mount('vsee-slot-picker', t, locale, { days: '3', ...attrs });
  await until(() => $(el, '[part~="slot"]'), 'times');
  return el;
}

async function list(t: MockTenant, locale: Locale) {
  const el = await mount('vsee-visit-list', t, locale, { 'show-current': '' });
  await until(() => $(el, 'li.visit'), 'visits');
  return el;
}

const past = (el: Element) => $$(el, 'section[data-section="past"] li.visit');
const upcoming = (el: Element) => $$(el, 'section[data-section="upcoming"] li.visit');
const hostileVisit = (el: Element) => past(el).find((li) => /Anton Provider(?! III)/.test(li.textContent ?? ''))!;
const cancellable = (el: Element) => upcoming(el).find((li) => li.querySelector('[part~="cancel-button"]'))!;

export const STATES: ElementState[] = [
  // ---- <vsee-intake-form> ----
  {
    tag: 'vsee-intake-form',
    name: 'loading',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/rooms/*', delayMs: 4000 });
      const el = await mount('vsee-intake-form', t, locale);
      await until(() => $(el, '[aria-busy="true"] .skeleton'), 'skeleton');
      return { el, announced: await words(locale, TABLES.intake, 'loadingForm') };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'loaded',
    async build(t, locale) {
      return { el: await intakeForm(t, locale) };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'validation errors',
    async build(t, locale) {
      const el = await intakeForm(t, locale);
      const phone = $<HTMLInputElement>(el, '#phone')!;
      phone.value = '12';
      phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '[part~="summary"] li') && $(el, '#phone-error'), 'error summary');
      return { el, announced: await words(locale, TABLES.intake, 'summaryMany') };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'success',
    async build(t, locale) {
      const el = await intakeForm(t, locale);
      typeReason(el, 'Rash on both forearms');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '.done'), 'saved');
      return { el, announced: await words(locale, TABLES.intake, 'savedTitle') };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'error',
    async build(t, locale) {
      const el = await intakeForm(t, locale);
      await t.fault({ method: 'POST', path: '/intakes', status: 403 });
      typeReason(el, 'Rash on both forearms');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '.message.error'), 'save error');
      return { el, announced: await words(locale, TABLES.intake, 'errSaveTitle') };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'waiting room',
    async build(t, locale) {
      await t.config({ walkinReadyAfterMs: 600000 });
      const el = await intakeForm(t, locale, { then: 'walkin' });
      typeReason(el, 'Sore throat');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '[part~="waiting-room"]'), 'waiting room');
      return { el, announced: await words(locale, TABLES.intake, 'waitingIn') };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'confirm step (leave the waiting room)',
    async build(t, locale) {
      await t.config({ walkinReadyAfterMs: 600000 });
      const el = await intakeForm(t, locale, { then: 'walkin' });
      typeReason(el, 'Sore throat');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '#leave'), 'waiting room');
      $<HTMLButtonElement>(el, '#leave')!.click();
      await until(() => $(el, '#leave-cancel'), 'confirm step');
      return { el };
    },
  },
  {
    tag: 'vsee-intake-form',
    name: 'empty (room closed)',
    async build(t, locale) {
      await t.config({ roomClosed: true, closeMsg: '' });
      const el = await mount('vsee-intake-form', t, locale);
      await until(() => $(el, '[part~="message"] .title'), 'closed message');
      return { el, announced: await words(locale, TABLES.intake, 'roomClosedTitle') };
    },
  },
  // ---- <vsee-slot-picker> ----
  {
    tag: 'vsee-slot-picker',
    name: 'loading',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/availability', delayMs: 4000 });
      const el = await mount('vsee-slot-picker', t, locale, { days: '3' });
      await until(() => $(el, '[part~="skeleton"]'), 'skeleton');
      return { el };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'loaded',
    async build(t, locale) {
      return { el: await picker(t, locale) };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'time chosen',
    async build(t, locale) {
      const el = await picker(t, locale);
      $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
      await until(() => $(el, '[part~="book-button"]'), 'summary');
      return { el, announced: await words(locale, TABLES.picker, 'announceChosen') };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'success (booked)',
    async build(t, locale) {
      const el = await picker(t, locale);
      $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
      await until(() => $(el, '[part~="book-button"]'), 'summary');
      $<HTMLButtonElement>(el, '[part~="book-button"]')!.click();
      await until(() => $(el, '[data-focus="booked"]'), 'booked');
      await until(() => $(el, '[part~="slot"]'), 'times again');
      return { el, announced: await words(locale, TABLES.picker, 'booked') };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'empty',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/availability', status: 200, body: '{"data":[]}', contentType: 'application/json', times: 20 });
      const el = await mount('vsee-slot-picker', t, locale, { days: '3' });
      await until(() => $(el, '.empty') && !$(el, '.searching'), 'empty, look-ahead done');
      return { el, announced: await words(locale, TABLES.picker, 'empty') };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'error',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/availability', status: 403 });
      const el = await mount('vsee-slot-picker', t, locale, { days: '3' });
      await until(() => $(el, '.message.error [data-focus="retry"]'), 'error');
      return { el, announced: await words(locale, TABLES.picker, 'loadError') };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'error (time taken)',
    async build(t, locale) {
      const el = await picker(t, locale);
      await t.fault({ method: 'POST', path: '/visits', status: 409 });
      $<HTMLButtonElement>(el, '[part~="slot"]')!.click();
      await until(() => $(el, '[part~="book-button"]'), 'summary');
      $<HTMLButtonElement>(el, '[part~="book-button"]')!.click();
      await until(() => $(el, '[data-focus="taken"]'), 'taken');
      await until(() => $(el, '[part~="slot"]'), 'times again');
      return { el, announced: await words(locale, TABLES.picker, 'taken') };
    },
  },
  {
    tag: 'vsee-slot-picker',
    name: 'validation errors (configuration)',
    async build(t, locale) {
      const el = await mount('vsee-slot-picker', t, locale, { days: '-3', duration: '0' });
      await until(() => $(el, '[part~="config-error"]'), 'config error');
      return { el, announced: await words(locale, TABLES.common, 'configTitle') };
    },
  },
  // ---- <vsee-visit-list> ----
  {
    tag: 'vsee-visit-list',
    name: 'loading',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/visits', delayMs: 4000 });
      const el = await mount('vsee-visit-list', t, locale);
      await until(() => $(el, '.loading .skeleton'), 'skeleton');
      return { el, announced: await words(locale, TABLES.list, 'loadingVisits') };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'loaded',
    async build(t, locale) {
      return { el: await list(t, locale) };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'empty',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/visits', status: 200, body: '{"data":[]}', contentType: 'application/json' });
      const el = await mount('vsee-visit-list', t, locale);
      await until(() => $$(el, '.message.empty').length === 2, 'empty sections');
      return { el };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'error',
    async build(t, locale) {
      await t.fault({ method: 'GET', path: '/visits', status: 403 });
      const el = await mount('vsee-visit-list', t, locale);
      await until(() => $(el, '.message.error button'), 'error');
      return { el, announced: await words(locale, TABLES.list, 'loadFailed') };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'details open (notes)',
    async build(t, locale) {
      const el = await list(t, locale);
      const li = hostileVisit(el);
      li.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
      await until(() => li.querySelectorAll('.notes[data-notes="ready"]').length === 3, 'notes');
      return { el };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'confirm step (cancel)',
    async build(t, locale) {
      const el = await list(t, locale);
      cancellable(el).querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
      await until(() => $(el, '[part~="confirm"]'), 'confirm step');
      return { el };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'success (cancelled)',
    async build(t, locale) {
      const el = await list(t, locale);
      const li = cancellable(el);
      li.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
      await until(() => $(el, '[part~="confirm-button"]'), 'confirm step');
      $<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await until(() => !$(el, '[part~="confirm"]') && li.querySelector('.status.cancelled'), 'cancelled');
      return { el, announced: await words(locale, TABLES.list, 'cancelled') };
    },
  },
  {
    tag: 'vsee-visit-list',
    name: 'error (cancel failed)',
    async build(t, locale) {
      const el = await list(t, locale);
      await t.fault({ method: 'POST', path: '/visits/close', status: 403 });
      const li = cancellable(el);
      li.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
      await until(() => $(el, '[part~="confirm-button"]'), 'confirm step');
      $<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
      await until(() => li.querySelector('.message.error'), 'cancel error');
      return { el, announced: await words(locale, TABLES.list, 'cancelFailed') };
    },
  },
];

/** A fresh tenant for one state. */
export async function freshTenant(): Promise<MockTenant> {
  const t = mockTenant();
  await t.reset();
  return t;
}

/** Whether `text` is inside an ARIA live region of the element (polite/assertive, status, alert, log, timer excluded). */
export function inLiveRegion(el: Element, text: string): boolean {
  const regions = $$(el, '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]');
  return regions.some((r) => (r.textContent ?? '').replace(/\s+/g, ' ').includes(text));
}
