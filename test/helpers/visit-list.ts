// Shared by the visit-list browser tests: a client over a fake fetch, visits, and finding things in the element.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/visit-list/vsee-visit-list.js';
import type { VseeVisitList } from '../../src/elements/visit-list/vsee-visit-list.js';
import { VseeClient } from '../../src/client/vsee-client.js';
import { fakeFetch, json, type RecordedRequest } from './fake-fetch.js';

export const TZ = 'America/New_York';
export const NOW = Math.floor(Date.now() / 1000);
export const HOUR = 3600;
export const DAY = 86400;

export type Handler = (req: RecordedRequest, match: RegExpMatchArray) => Response | Promise<Response> | 'network-error';

/** A client over a fake fetch that answers API paths (below `/x`) with the handlers given. */
export function fakeApi(routes: Array<[string, RegExp, Handler]>) {
  const fake = fakeFetch((req) => {
    const path = new URL(req.url, location.href).pathname.replace(/^\/x/, '');
    for (const [method, re, fn] of routes) {
      const m = path.match(re);
      if (m && req.method === method) return fn(req, m);
    }
    return json({ message: `no route for ${req.method} ${path}` }, 404);
  });
  const client = new VseeClient({ baseUrl: '/x', accountCode: 'a', token: 't', fetch: fake.fetch, retry: { retries: 0 } });
  const count = (method: string, re: RegExp) =>
    fake.calls.filter((c) => c.method === method && re.test(new URL(c.url, location.href).pathname.replace(/^\/x/, ''))).length;
  return { client, calls: fake.calls, count };
}

export const LIST = /^\/visits$/;
export const ONE = /^\/visits\/([^/]+)$/;

export function visit(id: string, startOffset: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    start: NOW + startOffset,
    end: NOW + startOffset + 900,
    type: 2,
    status: 20,
    member_id: '575',
    provider: { first_name: 'Ada', last_name: 'Lovelace', title: 'Dr.' },
    ...extra,
  };
}

export function detailOf(v: Record<string, unknown>, postvisit: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    ...v,
    postvisit: {
      reason_for_visit: 'Rash',
      diagnosis: 'Contact dermatitis (L25.9)',
      disposition: 'Self care',
      draft: false,
      physical_exam: '<p>Alert, <strong>no distress</strong>.</p>',
      assessment_plan: '<ul><li>Cream twice a day</li></ul><p>See <a href="https://example.org/rash">the guide</a>.</p>',
      patient_instructions: '<p>Call us if it spreads.</p>',
      attachments: [{ id: 'f1', name: 'rash-photo.png' }],
      ...postvisit,
    },
    // The e-prescribing system's documented field names (GET /visits/:id).
    prescriptionsBeforeVisit: [
      {
        ID: '97316',
        Drug: 'One Tab Daily with Iron oral tablet',
        Directions: '1 tablet a day',
        Qty: 60,
        QtyQual: 'Tablet',
        Refills: 0,
        Status: 'Current',
        PrescriberName: 'Dr. John Will, M.D.',
        PrescriptionDate: '2016-01-30T00:00:00',
      },
    ],
    prescriptions: [{ Drug: 'Hydrocortisone 1% cream', Directions: 'Thin layer twice a day', Qty: '1', QtyQual: 'Tube', Refills: 0 }],
    ...extra,
  };
}

export async function mount(
  client: VseeClient,
  attrs: { filter?: string; showCurrent?: boolean; locale?: string; hideNoteImages?: boolean } = {},
) {
  const el = await fixture<VseeVisitList>(
    html`<vsee-visit-list
      timezone=${TZ}
      filter=${attrs.filter ?? 'all'}
      locale=${attrs.locale ?? 'en'}
      ?show-current=${attrs.showCurrent ?? false}
      ?hide-note-images=${attrs.hideNoteImages ?? false}
      .client=${client}
    ></vsee-visit-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('section[data-section], .message.error, .config-error'), 'list rendered');
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: VseeVisitList, sel: string) => el.shadowRoot!.querySelector<T & HTMLElement>(sel);
export const $$ = (el: VseeVisitList, sel: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(sel));
export const items = (el: VseeVisitList, section: 'upcoming' | 'past') => $$(el, `section[data-section="${section}"] li.visit`);
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** Text with a space between elements (a `<dt>` and its `<dd>` read as "Type Appointment"). */
export const words = (node: Node) => {
  const out: string[] = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) out.push(walker.currentNode.nodeValue ?? '');
  return squash(out.join(' '));
};
export const fmt = (ts: number) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ts * 1000);
export const buttonIn = (root: Element, text: string) =>
  Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => squash(b.textContent) === text);
export const activeIn = (el: VseeVisitList) => el.shadowRoot!.activeElement as HTMLElement | null;
