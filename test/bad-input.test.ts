// Garbage attributes: each gives a clear configuration message inside the element and one
// console.error, never a crash, a blank element or a request.
import { aTimeout, expect } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import '../src/elements/slot-picker/vsee-slot-picker.js';
import '../src/elements/visit-list/vsee-visit-list.js';
import { ACCOUNT, MEMBER, ROOM, TOKEN, mockTenant, type MockTenant } from './helpers/mock.js';
import { BAD_WORDS, squash } from './faults-harness.js';

type Tag = 'vsee-intake-form' | 'vsee-slot-picker' | 'vsee-visit-list';
const TAGS: Tag[] = ['vsee-intake-form', 'vsee-slot-picker', 'vsee-visit-list'];

interface Case {
  attr: string;
  value: string;
  tags: Tag[];
  /** Words the message must contain (besides the value). */
  says: RegExp;
}

const CASES: Case[] = [
  { attr: 'days', value: '-3', tags: ['vsee-slot-picker'], says: /days attribute must be a whole number/ },
  { attr: 'start', value: 'tomorrow', tags: ['vsee-slot-picker'], says: /start attribute must be/ },
  { attr: 'duration', value: '0', tags: ['vsee-slot-picker'], says: /duration attribute must be/ },
  { attr: 'api-base', value: 'not a url', tags: TAGS, says: /api-base attribute .* is not a web address/ },
  { attr: 'api-base', value: 'javascript:alert(1)', tags: TAGS, says: /api-base attribute .* is not a web address/ },
  { attr: 'locale', value: 'fr', tags: TAGS, says: /locale "fr" is not supported; use "en" or "es"/ },
  { attr: 'timezone', value: 'Mars/Olympus_Mons', tags: TAGS, says: /time zone .* is not a known IANA time zone/ },
  { attr: 'filter', value: 'sometimes', tags: ['vsee-visit-list'], says: /filter attribute must be "all", "upcoming" or "past"/ },
  { attr: 'then', value: 'later', tags: ['vsee-intake-form'], says: /then attribute must be "none", "walkin" or "econsult"/ },
  { attr: 'visit-type', value: 'x', tags: ['vsee-intake-form'], says: /visit-type attribute must be "walkin" or "schedule"/ },
  { attr: 'max-wait', value: '-1', tags: ['vsee-intake-form'], says: /max-wait attribute must be/ },
];

/** Every request the page makes (fetch and XMLHttpRequest), but the test's own mock control calls. */
function spyRequests() {
  const urls: string[] = [];
  const savedFetch = window.fetch;
  const savedOpen = XMLHttpRequest.prototype.open;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/__control/')) urls.push(url);
    return savedFetch(input, init);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    urls.push(String(url));
    return (savedOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  return {
    urls,
    restore() {
      window.fetch = savedFetch;
      XMLHttpRequest.prototype.open = savedOpen;
    },
  };
}

function spyConsoleErrors() {
  const calls: string[] = [];
  const saved = console.error;
  console.error = (...args: unknown[]) => {
    calls.push(args.map(String).join(' '));
  };
  return { calls, restore: () => (console.error = saved) };
}

async function mountWith(t: MockTenant, tag: Tag, attrs: Record<string, string>) {
  const el = document.createElement(tag);
  const all: Record<string, string> = {
    'api-base': t.base,
    'account-code': ACCOUNT,
    token: TOKEN,
    'room-code': ROOM,
    'member-id': MEMBER,
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('Bad input: garbage attributes', () => {
  let errors: Error[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  beforeEach(() => {
    errors = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    document.querySelectorAll(TAGS.join(',')).forEach((el) => el.remove());
  });

  for (const c of CASES) {
    for (const tag of c.tags) {
      it(`<${tag} ${c.attr}="${c.value}">: a clear message, one console.error, no request`, async () => {
        const t = mockTenant();
        const requests = spyRequests();
        const consoleErrors = spyConsoleErrors();
        let el!: HTMLElementTagNameMap[Tag];
        try {
          el = await mountWith(t, tag, { [c.attr]: c.value });
          await aTimeout(150);
          await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        } finally {
          requests.restore();
          consoleErrors.restore();
        }
        const box = el.shadowRoot!.querySelector('[part="config-error"]');
        expect(box, 'a configuration message').to.exist;
        expect(box!.getAttribute('role')).to.equal('alert');
        const text = squash(box!.textContent);
        expect(text).to.contain('This widget is not set up correctly');
        expect(text).to.match(c.says);
        expect(text).to.contain(`"${c.value}"`);
        for (const w of BAD_WORDS.filter((x) => x !== 'JSON')) expect(text).not.to.contain(w);
        // Nothing else is shown: no half-working form, list or grid next to the message.
        expect(el.shadowRoot!.querySelectorAll('button, input, textarea, select')).to.have.length(0);
        expect(consoleErrors.calls, consoleErrors.calls.join('\n')).to.have.length(1);
        expect(consoleErrors.calls[0]).to.contain(`<${tag}>`);
        expect(consoleErrors.calls[0]).to.contain(c.value);
        expect(requests.urls, `requests: ${requests.urls.join(', ')}`).to.deep.equal([]);
        expect(await t.log()).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
      });
    }
  }

  it('says it in Spanish with locale="es", and recovers when the attribute is fixed', async () => {
    const t = mockTenant();
    await t.config({ alwaysAvailable: true });
    const consoleErrors = spyConsoleErrors();
    let el!: HTMLElementTagNameMap[Tag];
    try {
      el = await mountWith(t, 'vsee-slot-picker', { locale: 'es', days: '-3', timezone: 'America/New_York' });
      await aTimeout(50);
      await el.updateComplete;
    } finally {
      consoleErrors.restore();
    }
    const text = squash(el.shadowRoot!.querySelector('[part="config-error"]')!.textContent);
    expect(text).to.contain('Este módulo no está bien configurado');
    expect(text).to.contain('El atributo days debe ser');
    expect(text).to.contain('"-3"');
    expect(consoleErrors.calls).to.have.length(1);
    el.setAttribute('days', '2');
    const start = Date.now();
    while (!el.shadowRoot!.querySelector('button[part~="slot"]') && Date.now() - start < 5000) await aTimeout(20);
    expect(el.shadowRoot!.querySelector('[part="config-error"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('button[part~="slot"]')).to.exist;
  });

  it('several problems are listed together, still with one console.error', async () => {
    const t = mockTenant();
    const consoleErrors = spyConsoleErrors();
    let el!: HTMLElementTagNameMap[Tag];
    try {
      el = await mountWith(t, 'vsee-intake-form', { then: 'later', 'max-wait': '-1', 'visit-type': 'x', locale: 'fr' });
      await aTimeout(50);
      await el.updateComplete;
    } finally {
      consoleErrors.restore();
    }
    expect(el.shadowRoot!.querySelectorAll('[part="config-error"] li')).to.have.length(4);
    expect(consoleErrors.calls).to.have.length(1);
    expect(await t.log()).to.deep.equal([]);
  });
});
