/**
 * The fault matrix behind test/faults-*.test.ts: every request an element makes, crossed with
 * every way it can fail, against the mock API (a fresh tenant per case).
 *
 * A scenario says how to reach its request (mount, or a user action after mounting), where the
 * element shows a problem, how the patient tries again and what success looks like. The runner
 * injects the fault, checks the message (in the element's locale), that what the patient typed
 * is still there, that "Try again" then works, and counts the POSTs in the mock's log.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { commonMessages, type CommonKey } from '../src/i18n/common.js';
import type { MessageTable } from '../src/i18n/i18n.js';
import { ACCOUNT, TOKEN, mockTenant, type MockFault, type MockLogEntry, type MockTenant } from './helpers/mock.js';
import { pathMatches } from '../demo/mock-api/glob.js';

export const KINDS = [
  '401',
  '401-refresh',
  '403',
  '404',
  '409',
  '429',
  '500',
  '502-html',
  '2xx-not-json',
  '2xx-wrong-shape',
  'timeout',
  'drop',
] as const;
export type Kind = (typeof KINDS)[number];
export type Locale = 'en' | 'es';

/** Vendor-style bodies: what a real refusal carries. */
const VENDOR_403 = 'Access denied for this account.';
const VENDOR_409 = 'The request conflicts with the current state of this record.';

/** What the patient should read for a kind, from the common table (in the element's locale). */
const COMMON_FOR: Record<Exclude<Kind, '401-refresh'>, CommonKey> = {
  '401': 'errUnauthorized',
  '403': 'errForbidden',
  '404': 'errNotFound',
  '409': 'errConflict',
  '429': 'errRateLimited',
  '500': 'errServer',
  '502-html': 'errServer',
  '2xx-not-json': 'errBadResponse',
  '2xx-wrong-shape': 'errBadResponse',
  timeout: 'errTimeout',
  drop: 'errNetwork',
};

/** Words that must never reach the patient. */
export const BAD_WORDS = [
  'undefined',
  'NaN',
  'Invalid Date',
  '[object',
  '<html',
  '<body',
  '<h1',
  'Bad Gateway',
  'VseeApiError',
  'TypeError',
  'Injected fault',
  'SyntaxError',
  'JSON',
  TOKEN,
  'expired-token',
  'fresh-',
];

export const CLIENT_TIMEOUT_MS = 300;
/** The server answers a timed-out request this late (and still does what it was asked). */
const TIMEOUT_DELAY_MS = 700;

export interface Ctx {
  t: MockTenant;
  kind: Kind;
  locale: Locale;
  /** The token the element is given. */
  token: string;
  client?: VseeClient;
  tokenProvider?: () => Promise<string>;
  providerCalls: () => number;
}

export type Outcome =
  /** The default: the kind's common message, or an own message of the element. */
  | { text: (el: HTMLElement, locale: Locale) => string }
  /** Nothing to see: the element works (e.g. it renders a malformed answer with "unknown"). */
  | 'ok';

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** The fault's path: a glob over the whole API path (`/visits/*`), as the mock matches it. */
  path: string;
  /** A 2xx body that is not the documented shape (the raw JSON text): the client calls it bad_response. */
  wrongShape: string;
  /** The fault hits this many requests in a row (a poll needs two misses before it says so). */
  faultTimes?: number;
  /** A POST that creates something: exactly one must succeed per intent. */
  creates?: boolean;
  /**
   * Kinds after which a second create cannot be ruled out, with the reason (the API offers no
   * way to look the first one up). The count is then at most two, and docs/faults.md says so.
   */
  mayDuplicate?: Partial<Record<Kind, string>>;
  /** Mock configuration for this scenario. */
  config?: Record<string, unknown>;
  /** Kinds this request cannot meet in a test (with the reason in docs/faults.md). */
  skip?: Partial<Record<Kind, string>>;
  /** Mounts the element; resolves once the element has settled (or, for a mount-time request, once it is connected). */
  mount(ctx: Ctx): Promise<HTMLElement>;
  /** Fills in what the patient types before the request (checked again after the failure). */
  prepare?(el: HTMLElement, ctx: Ctx): Promise<void>;
  /** The user action that sends the request; absent when mounting sends it. */
  act?(el: HTMLElement, ctx: Ctx): Promise<void>;
  /** The text of where the element shows a problem ('' when none). */
  problem(el: HTMLElement): string;
  /** Per-kind expectations that differ from the common message. */
  outcomes?: Partial<Record<Kind, Outcome>>;
  /** Tries again after the failure (the fault is gone by now). */
  retry(el: HTMLElement, ctx: Ctx): Promise<void>;
  /** Waits for the success state. */
  done(el: HTMLElement, ctx: Ctx): Promise<void>;
  /** Asserts that what `prepare` typed is still there. */
  kept?(el: HTMLElement): void;
}

// ---- small helpers ---------------------------------------------------------------------------

export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
export const sr = (el: Element) => el.shadowRoot!;
export const shadowText = (el: Element) => squash(sr(el).textContent);
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel as string) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...sr(el).querySelectorAll<T>(sel)];
export const buttonNamed = (root: Element | ShadowRoot, name: string | RegExp) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const label = squash(b.getAttribute('aria-label') ?? b.textContent);
    return typeof name === 'string' ? label === name || squash(b.textContent) === name : name.test(label);
  });
/** Text of every alert and error box in the element. */
export const alerts = (el: Element) =>
  $$(el, '[role="alert"], .message.error, .error-text')
    .map((n) => squash(n.textContent))
    .filter(Boolean)
    .join(' | ');

export function msgOf<K extends string>(table: MessageTable<K>, locale: Locale, key: K, params?: Record<string, string | number>): string {
  const t = (locale === 'es' ? table.es : table.en) ?? table.en;
  let s = t[key];
  if (params) s = s.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m));
  return s;
}

export const common = (locale: Locale, key: CommonKey) => msgOf(commonMessages, locale, key);

export const tryAgain = (locale: Locale) => common(locale, 'tryAgain');

export function expectClean(el: Element, where = '') {
  const text = shadowText(el);
  for (const w of BAD_WORDS) expect(text, `${where}: "${w}" shown in: ${text.slice(0, 400)}`).not.to.contain(w);
}

const mounted: Element[] = [];
export function cleanup() {
  mounted.splice(0).forEach((el) => el.remove());
}

/** Mounts without `fixture()` (which waits for an animation frame a background tab never gets). */
export async function mountTag<T extends HTMLElement>(tag: string, ctx: Ctx, attrs: Record<string, string>, children = ''): Promise<T> {
  const el = document.createElement(tag) as T;
  const props = el as unknown as Record<string, unknown>;
  if (ctx.client) props.client = ctx.client;
  if (ctx.tokenProvider) props.tokenProvider = ctx.tokenProvider;
  const all: Record<string, string> = {
    'api-base': ctx.t.base,
    'account-code': ACCOUNT,
    token: ctx.token,
    locale: ctx.locale,
    timezone: 'America/New_York',
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  if (children) el.innerHTML = children;
  document.body.append(el);
  mounted.push(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

export const wait = (cond: () => unknown, message: string, timeout = 10000) => waitUntil(cond, message, { timeout, interval: 20 });

export function faultFor(kind: Kind, s: Scenario): MockFault {
  const times = s.faultTimes && kind !== '401-refresh' && kind !== '429' ? s.faultTimes : 1;
  const base = { method: s.method, path: s.path, times };
  const json = (status: number, message: string) => ({
    ...base,
    status,
    body: JSON.stringify({ code: status, message }),
    contentType: 'application/json',
  });
  switch (kind) {
    case '401':
    case '401-refresh':
      return json(401, 'Invalid or expired token');
    case '403':
      return json(403, VENDOR_403);
    case '404':
      return json(404, 'Not found.');
    case '409':
      return json(409, VENDOR_409);
    case '429':
      return { ...json(429, 'Too many requests.'), headers: { 'Retry-After': '1' } };
    case '500':
      return json(500, 'Internal error');
    case '502-html':
      return { ...base, status: 502, body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', contentType: 'text/html' };
    case '2xx-not-json':
      return { ...base, status: 200, body: 'OK, saved it for you', contentType: 'text/plain' };
    case '2xx-wrong-shape':
      return { ...base, status: 200, body: s.wrongShape, contentType: 'application/json' };
    case 'timeout':
      return { ...base, delayMs: TIMEOUT_DELAY_MS };
    case 'drop':
      return { ...base, drop: true };
  }
}

/** The default expectation: the kind's message; a 429 on a GET is retried by the client (Retry-After: 1). */
function outcomeFor(s: Scenario, kind: Kind): Outcome {
  const own = s.outcomes?.[kind];
  if (own) return own;
  if (kind === '401-refresh') return 'ok';
  if (kind === '429' && s.method === 'GET') return 'ok';
  const key = COMMON_FOR[kind];
  return {
    text: (_el, locale) => {
      const ours = common(locale, key);
      // A refusal with the vendor's own words shows them (in English alone, or after ours).
      if (locale === 'en' && kind === '403') return VENDOR_403;
      if (locale === 'en' && kind === '409') return VENDOR_409;
      return ours;
    },
  };
}

const isOk = (e: MockLogEntry) => e.status >= 200 && e.status < 300;

function matching(log: MockLogEntry[], s: Scenario): MockLogEntry[] {
  return log.filter((e) => e.method === s.method && pathMatches(s.path, e.path));
}

/** Runs one cell of the matrix. */
export async function runCase(s: Scenario, kind: Kind, locale: Locale): Promise<void> {
  const t = mockTenant();
  let calls = 0;
  const refresh = kind === '401-refresh';
  await t.config({
    alwaysAvailable: true,
    ...(refresh ? { validTokens: Array.from({ length: 9 }, (_, i) => `fresh-${i + 1}`) } : {}),
    ...s.config,
  });
  sessionStorage.clear();
  const ctx: Ctx = {
    t,
    kind,
    locale,
    token: refresh ? 'expired-token' : TOKEN,
    providerCalls: () => calls,
    ...(refresh
      ? { tokenProvider: async () => `fresh-${++calls}` }
      : {
          client: new VseeClient({
            baseUrl: t.base,
            accountCode: ACCOUNT,
            token: TOKEN,
            timeoutMs: CLIENT_TIMEOUT_MS,
            retry: { retries: kind === '429' ? 1 : 0, baseDelayMs: 1 },
          }),
        }),
  };
  const fault = faultFor(kind, s);
  const where = `${s.name} × ${kind} (${locale})`;
  let el: HTMLElement;
  let callsBefore = 0;
  if (!s.act) {
    await t.fault(fault);
    el = await s.mount(ctx);
  } else {
    el = await s.mount(ctx);
    await s.prepare?.(el, ctx);
    await t.fault(fault);
    callsBefore = calls;
    await s.act(el, ctx);
  }

  const outcome = outcomeFor(s, kind);
  if (outcome === 'ok') {
    await s.done(el, ctx);
    expectClean(el, where);
    expect(alerts(el), `${where}: no problem shown`).to.equal('');
  } else {
    let expected = '';
    await wait(
      () => {
        expected = outcome.text(el, locale);
        return s.problem(el).includes(expected);
      },
      `${where}: expected "${expected}" but the element shows "${s.problem(el)}"`,
    );
    expectClean(el, where);
    s.kept?.(el);
    // A request that timed out is still processed by the server: let it finish before the patient tries again.
    if (kind === 'timeout') await aTimeout(TIMEOUT_DELAY_MS - CLIENT_TIMEOUT_MS + 150);
    await s.retry(el, ctx);
    await s.done(el, ctx);
    expectClean(el, `${where}, after trying again`);
  }

  const log = matching(await t.log(), s);
  if (refresh) {
    // The request met one 401, the page's tokenProvider gave a fresh token once, and it went through.
    const statuses = log.map((e) => e.status);
    expect(statuses.slice(0, 2), `${where}: ${statuses.join(',')}`).to.deep.equal([401, statuses[1]]);
    expect(isOk(log[1]!), `${where}: second attempt ${statuses[1]}`).to.be.true;
    // (An action that first sends other requests may meet the expired token there too.)
    expect(calls - callsBefore, `${where}: tokenProvider calls`).to.be.within(1, 2);
  }
  if (s.method === 'POST') {
    // The client never re-sends a POST by itself: one failed attempt, then the patient's one.
    const injected2xx = kind === '2xx-not-json' || kind === '2xx-wrong-shape' ? 1 : 0;
    const succeeded = log.filter(isOk).length - injected2xx;
    const creates = `${where}: successful creates (${log.map((e) => e.status).join(',')})`;
    if (s.creates && s.mayDuplicate?.[kind]) expect(succeeded, creates).to.be.within(1, 2);
    else if (s.creates) expect(succeeded, creates).to.equal(1);
    expect(log.length, `${where}: POSTs sent (${log.map((e) => e.status).join(',')})`).to.be.at.most(2);
  }
}

/** Registers the matrix for a list of scenarios: every kind in English, a subset in Spanish. */
export function describeMatrix(title: string, scenarios: Scenario[], spanishKinds: readonly Kind[] = ['401', '500', 'drop']) {
  describe(title, function () {
    this.timeout(25000);
    afterEach(cleanup);
    for (const s of scenarios) {
      describe(s.name, () => {
        for (const kind of KINDS) {
          const skip = s.skip?.[kind];
          if (skip) {
            it.skip(`${kind}: ${skip}`, () => {});
            continue;
          }
          it(`${kind}`, () => runCase(s, kind, 'en'));
        }
        for (const kind of spanishKinds) {
          if (s.skip?.[kind]) continue;
          it(`${kind}, in Spanish`, () => runCase(s, kind, 'es'));
        }
      });
    }
  });
}
