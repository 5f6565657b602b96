import { expect, waitUntil } from '@open-wc/testing';
import { mockTenant } from './helpers/mock.js';

/**
 * The shipped files as users embed them: plain HTML with the CDN loader (served from an unrelated
 * deep path), with the classic script, with both on one page, and a React 19 app that bundles the
 * npm package. (test/loader.test.ts covers the loaders themselves.) `npm test` rebuilds dist/ first when the sources are newer.
 */

interface PageWindow extends Window {
  pageErrors: string[];
  VseeClinic?: Record<string, unknown> & { ready?: Promise<unknown> };
  tokenRequests?: number;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function open(path: string): Promise<{ win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:700px';
  frames.push(frame);
  frame.src = path;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

const shadowText = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function allThreeRender(doc: Document) {
  const form = doc.querySelector('vsee-intake-form')!;
  const picker = doc.querySelector('vsee-slot-picker')!;
  const list = doc.querySelector('vsee-visit-list')!;
  await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'intake form renders', { timeout: 8000 });
  await waitUntil(() => picker.shadowRoot?.querySelector('[part~="slot"]'), 'slot picker shows slots', { timeout: 8000 });
  await waitUntil(() => list.shadowRoot?.querySelector('[part~="visit"]'), 'visit list shows visits', { timeout: 8000 });
  return { form, picker, list };
}

async function openNotes(list: Element) {
  const visit = [...list.shadowRoot!.querySelectorAll('[part~="visit"]')].find((v) => /Anton Provider(?! III)/.test(v.textContent ?? ''))!;
  expect(visit, 'the seeded visit with notes').to.exist;
  (visit.querySelector('[part~="details-button"]') as HTMLButtonElement).click();
  await waitUntil(() => visit.querySelector('[part~="notes"] p, [part~="notes"] li'), 'notes render', { timeout: 8000 });
  return visit;
}

describe('integrations', () => {
  it('plain HTML with the CDN loader from any path: all three elements work, every file comes from beside it, DOMPurify only with the notes', async () => {
    const mock = mockTenant();
    const { win, doc } = await open(`/test/integration/cdn-esm.html?tenant=${mock.root.split('/').pop()}`);
    const { list } = await allThreeRender(doc);
    const resources = () => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    const bundle = (n: string) => /\/(cdn-copy|dist)\//.test(n);
    const first = resources().filter(bundle);
    expect(first[0]).to.equal('/cdn-copy/any/deep/path/vsee-clinic-elements.js');
    for (const f of ['intake-form.js', 'slot-picker.js', 'visit-list.js']) expect(first).to.include(`/cdn-copy/any/deep/path/${f}`);
    expect(
      first.filter((n) => /purify/.test(n)),
      'no sanitizer before notes are open',
    ).to.deep.equal([]);

    const visit = await openNotes(list);
    const later = resources().filter((n) => bundle(n) && !first.includes(n));
    expect(later.filter((n) => /purify/.test(n)).length, 'the sanitizer chunk was fetched').to.be.greaterThan(0);
    // Every file resolved relative to the loader, not to the page.
    for (const c of resources().filter(bundle)) expect(c).to.contain('/cdn-copy/any/deep/path/');
    expect(visit.querySelector('[part~="notes"] script, [part~="notes"] [onerror], [part~="notes"] iframe')).to.equal(null);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('plain HTML with the classic script: elements defined and window.VseeClinic exposes the client once ready', async () => {
    const mock = mockTenant();
    const { win, doc } = await open(`/test/integration/cdn-iife.html?tenant=${mock.root.split('/').pop()}`);
    await allThreeRender(doc);
    expect(win.VseeClinic).to.exist;
    await win.VseeClinic!.ready;
    expect(typeof win.VseeClinic!.VseeClient).to.equal('function');
    expect(typeof win.VseeClinic!.VseeApiError).to.equal('function');
    const { list } = await allThreeRender(doc);
    await openNotes(list);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('both loaders on one page: every element works without an error', async () => {
    const mock = mockTenant();
    const { win, doc } = await open(`/test/integration/cdn-both.html?tenant=${mock.root.split('/').pop()}`);
    await allThreeRender(doc);
    await new Promise((r) => setTimeout(r, 200));
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('the client alone, for bundlers (dist/client.js) and on the CDN (dist/cdn/client.js), brings no lit and no element', async () => {
    /** Every module a file imports statically, followed through (the dev server resolves bare names to /node_modules/). */
    async function closure(url: string, seen = new Map<string, string>()): Promise<Map<string, string>> {
      if (seen.has(url)) return seen;
      const text = await (await fetch(url)).text();
      seen.set(url, text);
      for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g))
        await closure(new URL(m[1], new URL(url, location.href)).pathname, seen);
      return seen;
    }
    for (const entry of ['/dist/client.js', '/dist/cdn/client.js']) {
      const files = await closure(entry);
      expect(files.size, entry).to.be.greaterThan(1);
      for (const [url, text] of files) {
        expect(url, `${entry} imports ${url}`).not.to.match(/node_modules|lit|elements/);
        expect(/lit(Html|Element)Versions|customElements\.define/.test(text), `${url} holds lit or defines an element`).to.equal(false);
      }
    }
  });

  it('a React 19 app: props become properties, tokenProvider is asked, custom events reach React', async () => {
    const mock = mockTenant();
    const { win, doc } = await open(`/test/integration/react.html?tenant=${mock.root.split('/').pop()}`);
    const picker = await waitUntil(() => doc.querySelector('vsee-slot-picker'), 'React rendered', { timeout: 8000 }).then(() =>
      doc.querySelector('vsee-slot-picker')!,
    );
    await waitUntil(() => picker.shadowRoot?.querySelector('[part~="slot"]'), 'slots via tokenProvider', { timeout: 8000 });
    expect(win.tokenRequests).to.equal(1);
    (picker.shadowRoot!.querySelector('[part~="slot"]') as HTMLButtonElement).click();
    await waitUntil(() => picker.shadowRoot!.querySelector('[part~="book-button"]'), 'book button', { timeout: 4000 });
    (picker.shadowRoot!.querySelector('[part~="book-button"]') as HTMLButtonElement).click();
    await waitUntil(() => /Booked visit \d+/.test(doc.getElementById('booked')!.textContent!), 'React saw vsee-appointment-booked', {
      timeout: 8000,
    });
    expect(shadowText(picker)).not.to.contain('demo-patient-token');
    expect(win.pageErrors).to.deep.equal([]);
  });
});

describe('theming', () => {
  it('restyles all three elements through custom properties and parts only', async () => {
    const mock = mockTenant();
    const { win, doc } = await open(`/demo/theme.html?tenant=${mock.root.split('/').pop()}`);
    const { form, picker, list } = await allThreeRender(doc);
    const css = (el: Element) => win.getComputedStyle(el);
    // Custom properties: the surface and text colours reach inside every shadow root.
    for (const host of [form, picker, list]) {
      expect(css(host).backgroundColor).to.equal('rgb(21, 26, 34)');
      expect(css(host).color).to.equal('rgb(232, 237, 243)');
      expect(css(host).fontFamily).to.contain('Georgia');
    }
    // Parts: the page's rules style named pieces.
    const slot = picker.shadowRoot!.querySelector('[part~="slot"]')!;
    expect(css(slot).borderTopLeftRadius).to.equal('999px');
    const submit = form.shadowRoot!.querySelector('[part~="submit"]')!;
    expect(css(submit).textTransform).to.equal('uppercase');
    expect(css(submit).backgroundColor).to.equal('rgb(124, 183, 255)');
    const visit = list.shadowRoot!.querySelector('[part~="visit"]')!;
    expect(css(visit).borderLeftColor).to.equal('rgb(124, 183, 255)');
    expect(win.pageErrors ?? []).to.deep.equal([]);
  });
});
