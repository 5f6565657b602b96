/**
 * The loader's one job, shared by the ES loader (`src/loader.ts`) and the classic script
 * (`src/loader-iife.ts`): find `vsee-*` tags that are not defined yet, in the document now and
 * whenever some are added, and import each element's module once, from the folder the loader was
 * served from. It defines nothing itself (Shoelace's autoloader is the model), so a page pays only
 * for the elements it shows.
 */
import { reserveSpace } from './reserve.js';
import { showFailure, clearFailure } from './failure.js';
import { preloadDependencies } from './preload.js';
import { warnIfForeign } from '../internal/element-mark.js';

/** Each tag's module, named as in `dist/cdn/`. */
export const MODULES: Readonly<Record<string, string>> = {
  'vsee-intake-form': 'intake-form.js',
  'vsee-slot-picker': 'slot-picker.js',
  'vsee-visit-list': 'visit-list.js',
};

/**
 * One loader per page: a second copy (the other bundle, or the same one twice) finds this mark
 * and stays idle, so tags are imported once and no second observer runs.
 */
const MARK = Symbol.for('vsee-clinic-elements.loader');

type Loading = Map<string, Promise<unknown>>;

/** Starts watching the document; `base` is the URL of the folder holding the element modules. */
export function startLoader(base: string): void {
  const g = globalThis as { [MARK]?: true };
  if (g[MARK]) return;
  g[MARK] = true;
  reserveSpace();
  const loading: Loading = new Map();
  const discover = (root: ParentNode) => {
    const found = new Set<string>();
    if (root instanceof Element && root.localName.startsWith('vsee-') && !customElements.get(root.localName)) found.add(root.localName);
    for (const el of root.querySelectorAll(':not(:defined)')) if (el.localName.startsWith('vsee-')) found.add(el.localName);
    for (const tag of found) load(tag, base, loading);
  };
  discover(document);
  // A tag another script defined first is never ours to load: say so once.
  for (const tag of Object.keys(MODULES)) warnIfForeign(tag);
  // Tags added later: by the parser (a loader in <head>), a framework, or the page's own code.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) discover(n);
  }).observe(document, { childList: true, subtree: true });
}

function load(tag: string, base: string, loading: Loading, failures = 0): void {
  if (loading.has(tag)) return;
  const file = MODULES[tag];
  if (!file) {
    // A typo in a page's markup would otherwise be an empty box with no clue why. Said in the
    // console only: other VSee scripts may own other `vsee-*` tags, and their content is theirs.
    console.error(`<${tag}> is not a vsee-clinic-elements element (known: ${Object.keys(MODULES).join(', ')}).`);
    loading.set(tag, Promise.resolve());
    return;
  }
  // Chromium fetches a failed module again when it is imported again; Firefox remembers the
  // failure for the page's life, so a retry asks for the element's module under a new URL. (A
  // failed shared chunk stays failed there: after one failed retry the message suggests a reload.)
  const url = new URL(failures ? `${file}?retry=${failures}` : file, base).href;
  preloadDependencies(file, base);
  const attempt = import(url).then(
    () => {
      for (const el of document.querySelectorAll(tag)) clearFailure(el);
    },
    (error: unknown) => {
      // Forget the attempt so that *Try again*, or the next tag of this kind added, imports again.
      loading.delete(tag);
      console.error(`vsee-clinic-elements: could not load ${file} for <${tag}>.`, error);
      const retry = () => {
        for (const el of document.querySelectorAll(tag)) clearFailure(el);
        load(tag, base, loading, failures + 1);
      };
      for (const el of document.querySelectorAll(`${tag}:not(:defined)`)) showFailure(el, retry, failures > 0);
    },
  );
  loading.set(tag, attempt);
}
