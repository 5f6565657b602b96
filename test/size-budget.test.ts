import { expect } from '@open-wc/testing';
import { mockTenant } from './helpers/mock.js';

/**
 * What a page pays, measured as the browser pays it: each page of the size table
 * (scripts/size-pages.mjs, built into dist-test/cdn-sizes.json before the tests) is opened, and
 * the library files it fetched before its elements showed real content (times, visits, a form
 * ready to type) are summed, gzip -9, against the page's budget. The same list must come out of
 * `npm run size`'s reading of the built files, so its table cannot drift from what a browser does.
 */

interface Page {
  id: string;
  label: string;
  tags: string[];
  loaders: string[];
  every?: boolean;
  budget: number;
  /** The budget, or while a page is still over it, the ceiling CI holds it to (size-pages.mjs). */
  limit: number;
  target: number;
  files: string[];
  bytes: number;
}
interface Sizes {
  sizes: Record<string, number>;
  pages: Page[];
}
interface PageWindow extends Window {
  pageErrors: string[];
  contentShown(): Promise<number>;
  VseeClinic?: { ready?: Promise<unknown> };
}

const table: Sizes = await (await fetch('/dist-test/cdn-sizes.json')).json();
const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

async function open(path: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1024px;height:800px';
  frames.push(frame);
  frame.src = path;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The files of dist/cdn/ the page fetched so far, by name. */
function fetched(win: PageWindow): string[] {
  const names = win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/cdn/'))
    .map((p) => p.slice('/dist/cdn/'.length));
  return [...new Set(names)].sort();
}

describe('what a page pays (gzip -9 of the library files fetched before content shows)', () => {
  for (const page of table.pages.filter((p) => !p.every)) {
    it(`${page.label}: within ${kb(page.limit)}`, async () => {
      const mock = mockTenant();
      await mock.config({ alwaysAvailable: true });
      const q = new URLSearchParams({ tags: page.tags.join(','), loader: page.loaders.join(','), tenant: mock.root.split('/').pop()! });
      const win = await open(`/test/integration/page.html?${q}`);
      await Promise.race([
        win.contentShown(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${page.label}: no content after 8 s`)), 8000)),
      ]);
      // With no element there is no content to wait for: give the loader time to (not) fetch.
      if (!page.tags.length) await new Promise((r) => setTimeout(r, 300));
      // The classic script fetches the client at once for `VseeClinic.ready`: counted whole.
      if (page.loaders.includes('iife')) await win.VseeClinic!.ready;
      const files = fetched(win);
      for (const f of files) expect(table.sizes, `${f} is a file of dist/cdn/`).to.have.property(f);
      const bytes = files.reduce((n, f) => n + table.sizes[f], 0);
      expect(files, `${page.label}: the files the browser fetched, and the ones \`npm run size\` counts`).to.deep.equal(page.files);
      if (bytes > page.limit) {
        const list = files.map((f) => `${f} ${table.sizes[f]} B`).join(', ');
        expect.fail(
          `${page.label}: ${bytes} B (${kb(bytes)}) gzip fetched before content showed, over its limit of ${page.limit} B (${kb(page.limit)}; budget ${kb(page.budget)}); files: ${list}`,
        );
      }
      expect(win.pageErrors).to.deep.equal([]);
    });
  }

  const every = table.pages.find((p) => p.every)!;
  it(`${every.label}: within ${kb(every.limit)}, and each one loads`, async () => {
    const files = Object.keys(table.sizes).filter((f) => !f.endsWith('.iife.js'));
    expect(files).to.deep.equal(every.files);
    // Every ES file is a module that loads in the browser (no broken chunk is shipped).
    for (const f of files) await import(/* @vite-ignore */ `/dist/cdn/${f}`);
    const bytes = files.reduce((n, f) => n + table.sizes[f], 0);
    if (bytes > every.limit)
      expect.fail(
        `${every.label}: ${bytes} B (${kb(bytes)}) gzip, over its limit of ${every.limit} B (${kb(every.limit)}; budget ${kb(every.budget)})`,
      );
  });
});
