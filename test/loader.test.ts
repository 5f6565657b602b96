import { expect, waitUntil } from '@open-wc/testing';
import { mockTenant } from './helpers/mock.js';
import { engine } from './helpers/commands.js';

/**
 * The loaders of dist/cdn/ (vsee-clinic-elements.js and its classic twin .iife.js) on a clinic page
 * (test/integration/page.html): each element's module is imported once, the first time its tag
 * appears, from beside the loader; two loaders on a page are harmless; a module that fails to
 * load says so inside the element, in the page's language, and *Try again* works without losing
 * what the patient typed. Failures come from test/integration/flaky-sw.js, a service worker that
 * answers the first request for a file with a 503.
 */

interface PageWindow extends Window {
  pageErrors: string[];
  pageWarnings: string[];
  contentShown(): Promise<number>;
  VseeClinic?: Record<string, unknown> & { ready?: Promise<Record<string, unknown>> };
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function open(params: Record<string, string>): Promise<{ win: PageWindow; doc: Document }> {
  const mock = mockTenant();
  const q = new URLSearchParams({ tenant: mock.root.split('/').pop()!, ...params });
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1024px;height:800px';
  frames.push(frame);
  frame.src = `/test/integration/page.html?${q}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

const shown = (win: PageWindow) =>
  Promise.race([win.contentShown(), new Promise((_, reject) => setTimeout(() => reject(new Error('no content after 8 s')), 8000))]);

/** Library files fetched so far, by path, counting repeats. */
const requests = (win: PageWindow) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.includes('/dist/cdn/') || p.startsWith('/cdn-copy/'));

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ES loader (vsee-clinic-elements.js)', () => {
  it('defines nothing and fetches nothing else on a page without elements', async () => {
    const { win } = await open({ tags: '' });
    await tick(300);
    expect(requests(win)).to.deep.equal(['/dist/cdn/vsee-clinic-elements.js']);
    for (const tag of ['vsee-intake-form', 'vsee-slot-picker', 'vsee-visit-list'])
      expect(win.customElements.get(tag), tag).to.equal(undefined);
  });

  it('imports an element the first time its tag appears, also when added later, and only once', async () => {
    const { win, doc } = await open({ tags: 'vsee-slot-picker' });
    await shown(win);
    expect(win.customElements.get('vsee-visit-list'), 'no list on the page yet').to.equal(undefined);
    // A framework adds a list later, then two more pickers.
    const list = doc.createElement('vsee-visit-list');
    for (const a of ['api-base', 'account-code', 'token', 'room-code'])
      list.setAttribute(a, doc.querySelector('vsee-slot-picker')!.getAttribute(a)!);
    doc.body.append(list);
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="visit"]'), 'the later list shows visits', { timeout: 8000 });
    doc.body.append(doc.createElement('vsee-slot-picker'), doc.createElement('vsee-slot-picker'));
    await tick(200);
    const r = requests(win);
    expect(r.filter((p) => p.endsWith('/slot-picker.js'))).to.have.length(1);
    expect(r.filter((p) => p.endsWith('/visit-list.js'))).to.have.length(1);
    expect(
      r.filter((p) => p.endsWith('/intake-form.js')),
      'no form, no form module',
    ).to.have.length(0);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('says in the console when another script defined one of its tags first, and loads nothing for it', async () => {
    const { win } = await open({ tags: 'vsee-slot-picker', foreign: 'vsee-slot-picker' });
    await tick(300);
    expect(win.pageWarnings).to.deep.equal([
      "<vsee-slot-picker> is already defined by another script; vsee-clinic-elements did not define it, so that script's element shows.",
    ]);
    expect(requests(win)).to.deep.equal(['/dist/cdn/vsee-clinic-elements.js']);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it("fetches an element's shared chunks together with its module, not one round trip after it", async () => {
    const { win, doc } = await open({ tags: 'vsee-visit-list' });
    await shown(win);
    const preloaded = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
    const list = await (await fetch('/dist/cdn/visit-list.js')).text();
    const imported = [...list.matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => `/dist/cdn/${m[1]}`);
    expect(imported.length).to.be.greaterThan(0);
    for (const f of imported) expect(preloaded, 'every chunk visit-list.js imports is preloaded').to.include(f);
    // Each chunk's request starts before the module's own response has ended (or in the same
    // millisecond: WebKit's resource timings are whole milliseconds).
    const timing = (path: string) =>
      win.performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path) as PerformanceResourceTiming;
    const module = timing('/dist/cdn/visit-list.js');
    for (const f of imported) expect(timing(f).startTime, f).to.be.at.most(module.responseEnd);
  });

  it('resolves the element modules beside itself, wherever it is served from', async () => {
    const { win } = await open({ tags: 'vsee-slot-picker', loader: 'es-copy' });
    await shown(win);
    const r = requests(win);
    expect(r[0]).to.equal('/cdn-copy/second/vsee-clinic-elements.js');
    expect(
      r.every((p) => p.startsWith('/cdn-copy/second/')),
      r.join(' '),
    ).to.equal(true);
  });
});

describe('the classic loader (vsee-clinic-elements.iife.js)', () => {
  it('loads the elements from beside itself and sets the client classes on window.VseeClinic once ready resolves', async () => {
    const { win } = await open({ tags: 'vsee-slot-picker,vsee-visit-list', loader: 'iife-copy' });
    expect(typeof win.VseeClinic?.ready?.then, 'VseeClinic.ready is there at once').to.equal('function');
    const client = await win.VseeClinic!.ready!;
    expect(typeof win.VseeClinic!.VseeClient).to.equal('function');
    expect(typeof win.VseeClinic!.VseeApiError).to.equal('function');
    expect(client.VseeClient).to.equal(win.VseeClinic!.VseeClient);
    await shown(win);
    expect(requests(win).every((p) => p.startsWith('/cdn-copy/second/'))).to.equal(true);
    expect(win.pageErrors).to.deep.equal([]);
  });
});

describe('two loaders on one page', () => {
  for (const loader of ['es,iife', 'iife,es', 'iife,iife', 'es,es-copy', 'iife,iife-copy,es-copy']) {
    it(`${loader}: every element works, each module is imported once, no error`, async () => {
      const { win } = await open({ tags: 'vsee-intake-form,vsee-slot-picker,vsee-visit-list', loader });
      await shown(win);
      if (loader.includes('iife')) await win.VseeClinic!.ready;
      const r = requests(win);
      for (const f of ['intake-form.js', 'slot-picker.js', 'visit-list.js'])
        expect(
          r.filter((p) => p.endsWith(`/${f}`)),
          f,
        ).to.have.length(1);
      expect(win.pageErrors).to.deep.equal([]);
    });
  }
});

describe('a module that fails to load', () => {
  let registration: ServiceWorkerRegistration;
  before(async () => {
    registration = await navigator.serviceWorker.register('/test/integration/flaky-sw.js', { scope: '/test/integration/' });
    // (`serviceWorker.ready` is for pages in the scope; this one is not.)
    await waitUntil(() => registration.active?.state === 'activated', 'the flaky service worker is active', { timeout: 5000 });
  });
  after(() => registration.unregister());

  // Each test's files come from a folder of its own (a /cdn-copy/ of dist/cdn/): a file this
  // browser already loaded for another page may be served from its memory cache, past the worker.
  const run = () => {
    const id = crypto.randomUUID().slice(0, 8);
    return { run: id, base: `/cdn-copy/${id}/` };
  };
  const failure = (el: Element) => el.querySelector<HTMLElement>(':scope > .vsee-load-failure');

  it('says so inside the element in Spanish, keeps what was typed in the clinic fields, and Try again loads it', async () => {
    const { win, doc } = await open({ tags: 'vsee-intake-form', fields: '1', lang: 'es', fail: 'intake-form.js', ...run() });
    const form = doc.querySelector('vsee-intake-form')!;
    await waitUntil(() => failure(form), 'the failure message', { timeout: 8000 });
    const box = failure(form)!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain('no se pudo cargar');
    const retry = box.querySelector('button')!;
    expect(retry.textContent).to.equal('Intentar de nuevo');
    expect(box.getBoundingClientRect().height, 'the message is visible').to.be.greaterThan(0);
    // The patient types into the clinic's own field meanwhile.
    const field = form.querySelector<HTMLInputElement>('input[name="insurance_member"]')!;
    field.value = 'AB-12345';
    retry.click();
    await shown(win);
    expect(failure(form), 'the message is gone').to.equal(null);
    expect(win.customElements.get('vsee-intake-form')).to.exist;
    expect(form.querySelector<HTMLInputElement>('input[name="insurance_member"]')!.value).to.equal('AB-12345');
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('under a strict CSP: the reserved room and the styled message with no violation, and Try again works', async () => {
    const mock = mockTenant();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1024px;height:800px';
    frames.push(frame);
    frame.src = `/test/integration/csp-loader.html?tenant=${mock.root.split('/').pop()}&fail=visit-list.js&run=${run().run}`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as PageWindow & { cspViolations?: unknown[] };
    const doc = frame.contentDocument!;
    const list = doc.querySelector('vsee-visit-list')!;
    await waitUntil(() => failure(list), 'the failure message', { timeout: 8000 });
    // The loader's stylesheet applies: the room held for the list, the message's own look.
    expect(win.getComputedStyle(list).minHeight).to.equal('480px');
    expect(win.getComputedStyle(failure(list)!).borderTopColor).to.equal('rgb(179, 38, 30)');
    await waitUntil(() => doc.querySelector('vsee-slot-picker')!.shadowRoot?.querySelector('[part~="slot"]'), 'the picker still works', {
      timeout: 8000,
    });
    failure(list)!.querySelector('button')!.click();
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="visit"]'), 'the list after Try again', { timeout: 8000 });
    expect(win.cspViolations ?? []).to.deep.equal([]);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('a retry that fails too adds "reload the page"; the next Try again still works', async () => {
    // The page resets every button (all: unset) and drops focus outlines: Try again keeps its look.
    const { win, doc } = await open({ tags: 'vsee-slot-picker', fail: 'slot-picker.js', times: '2', reset: '1', ...run() });
    const el = doc.querySelector('vsee-slot-picker')!;
    await waitUntil(() => failure(el), 'the first failure', { timeout: 8000 });
    expect(failure(el)!.textContent).not.to.contain('reload');
    const look = win.getComputedStyle(failure(el)!.querySelector('button')!);
    expect([look.borderTopStyle, look.borderTopWidth, look.cursor, look.minHeight]).to.deep.equal(['solid', '2px', 'pointer', '44px']);
    const ring = [...win.document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])].find((r) =>
      r.cssText.includes('.vsee-load-failure button:focus-visible'),
    ) as CSSStyleRule | undefined;
    // (Its colour is a var(), so the rule keeps the shorthand whole.)
    expect(ring?.style.getPropertyValue('outline'), 'a focus ring of its own').to.match(/^3px solid /);
    failure(el)!.querySelector('button')!.click();
    await waitUntil(() => /reload the page/.test(failure(el)?.textContent ?? ''), 'the second failure', { timeout: 8000 });
    failure(el)!.querySelector('button')!.click();
    await shown(win);
    expect(failure(el)).to.equal(null);
    // Each retry asked under a new URL (Firefox keeps a failed module URL failed for the page's life).
    const tries = win.performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('/slot-picker.js'));
    expect(tries.map((n) => new URL(n).search)).to.deep.equal(['', '?retry=1', '?retry=2']);
  });

  it('a shared chunk that fails: the message in English, and Try again loads the element', async () => {
    // The chunk the picker's module imports first (lit and the base element, today).
    const picker = await (await fetch('/dist/cdn/slot-picker.js')).text();
    const chunk = /from\s*["']\.\/([\w.-]+\.js)["']/.exec(picker)![1];
    // The chunk is asked for twice (preloaded beside the module, then imported by it), so it
    // fails until the server recovers, not just once.
    const r = run();
    const { win, doc } = await open({ tags: 'vsee-slot-picker', fail: chunk, times: '99', ...r });
    const el = doc.querySelector('vsee-slot-picker')!;
    await waitUntil(() => failure(el), `the failure message (${chunk} failed)`, { timeout: 8000 });
    expect(failure(el)!.textContent).to.contain('could not load');
    registration.active!.postMessage({ heal: r.run });
    await tick(50);
    failure(el)!.querySelector('button')!.click();
    if (engine() !== 'chromium') {
      // Firefox and WebKit keep a failed module's import failed for the page's life (a module map
      // entry is never retried), and a shared chunk cannot be asked for under a new URL by the
      // module that imports it: the retry fails there, and the message then says to reload.
      await waitUntil(() => failure(el)?.textContent?.includes('reload the page'), 'the advice to reload', { timeout: 8000 });
      return;
    }
    await shown(win);
    expect(failure(el)).to.equal(null);
    expect(win.pageErrors).to.deep.equal([]);
  });
});
