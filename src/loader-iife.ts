/**
 * `dist/cdn/vsee-clinic-elements.iife.js`: the same loader as a classic `<script src>`, for pages
 * (or CMS themes) that cannot use `type="module"`. A classic script can still `import()`; it
 * imports the same ES files from the folder it was served from. `window.VseeClinic.ready` resolves
 * once the client classes (`VseeClient`, `VseeApiError`, …) are on `window.VseeClinic`.
 */
import { startLoader } from './loader/start.js';
import { preloadDependencies } from './loader/preload.js';

type ClientModule = typeof import('./client.js');

/** `window.VseeClinic`: the client classes, once `ready` has resolved. */
type Namespace = Partial<ClientModule> & { ready?: Promise<ClientModule> };

const script = document.currentScript as HTMLScriptElement | null;
// `currentScript` is null only when run outside a normal <script> (e.g. eval'd); then the page's
// own URL is the best guess for the folder.
const base = new URL('./', script?.src || location.href).href;

startLoader(base);
const page = window as { VseeClinic?: Namespace };
const ns = (page.VseeClinic ??= {});
// Keep the first `ready`: with the script on the page twice, a page may already be waiting on it.
if (!ns.ready) {
  preloadDependencies('client.js', base);
  ns.ready = (import(new URL('client.js', base).href) as Promise<ClientModule>).then((client) => {
    Object.assign(ns, client);
    return client;
  });
  // Said once in the console even when no page code awaits `ready`.
  ns.ready.catch((error: unknown) => console.error('vsee-clinic-elements: could not load client.js.', error));
}
