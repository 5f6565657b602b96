/**
 * The only module that imports DOMPurify. A provider's notes (`physical_exam`, `assessment_plan`,
 * `patient_instructions`) are HTML written outside the patient's control; they reach the DOM
 * only as the nodes this module returns.
 *
 * - DOMPurify is loaded with a dynamic import on first use, so pages that never open notes do
 *   not download it (it is the largest dependency).
 * - A private instance (`DOMPurify(window)`; the default export is a factory): our hook never
 *   touches a copy the host page configured for its own use, and theirs never touch ours.
 * - The result is a `DocumentFragment` (`RETURN_DOM_FRAGMENT`), inserted as nodes: the markup is
 *   never serialized and parsed again in another context (no mXSS round trip, no `innerHTML`
 *   sink, nothing for Trusted Types to block).
 * - Before DOMPurify parses, `stripInline` (strip-inline.ts) removes `on*`/`style` attributes,
 *   `<style>`, `<base>` and the other things a strict CSP reports even in an inert parse, so the
 *   notes cause no `securitypolicyviolation` on a page with `script-src`/`style-src 'self'`.
 * - Images load only over https, lazily and without a referrer: an image in a note is a request
 *   from the patient's browser to whatever host the note names (a tracking pixel learns the
 *   patient's IP and when the notes were read). `images: false` drops them altogether.
 */
import type { Config, DOMPurify } from 'dompurify';

/** Only these URL schemes survive in `href`/`src`/`cite`; relative URLs are dropped too. */
const SAFE_URL = /^(?:https?|mailto|tel):/i;
/** What browsers ignore when they read a URL's scheme (so `java\tscript:` is still javascript:). */
// eslint-disable-next-line no-control-regex
const URL_IGNORED = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000\uFEFF]/g;
const URL_ATTRS = ['href', 'src', 'cite', 'longdesc', 'xlink:href'];

const FORBID_TAGS = [
  // Code, styles and document-level elements.
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'template',
  'slot',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'portal',
  // Forms: notes must not be able to ask for a password or post anywhere.
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'fieldset',
  'legend',
  'label',
  'keygen',
  'dialog',
  // Embedded and active content.
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'canvas',
  'map',
  'area',
  'marquee',
  // Other namespaces (also excluded by the html-only profile).
  'svg',
  'math',
];

const FORBID_ATTR = [
  // Styling and ids could spoof or break the element's own UI and ARIA references.
  'style',
  'class',
  'id',
  'name',
  'form',
  // URL-bearing attributes DOMPurify does not check as URLs, or that fetch on their own.
  'srcset',
  'ping',
  'action',
  'formaction',
  'background',
  'poster',
  'xlink:href',
  'usemap',
  // Focus and editing behaviour belongs to the element.
  'tabindex',
  'accesskey',
  'autofocus',
  'contenteditable',
  'draggable',
  'popover',
  'popovertarget',
];

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: Promise<{ purify: DOMPurify; stripInline: (html: string) => string }> | undefined;

function createPurifier() {
  // Loaded with DOMPurify: pages that never open notes download neither.
  return Promise.all([import('dompurify'), import('./strip-inline.js')]).then(([{ default: factory }, { stripInline }]) => {
    const purify = factory(window);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType !== 1) return;
      const el = node as Element;
      // DOMPurify lets `data:` through on images (DATA_URI_TAGS); notes do not need that.
      for (const name of URL_ATTRS) {
        const value = el.getAttribute(name);
        if (value !== null && !SAFE_URL.test(value.replace(URL_IGNORED, ''))) el.removeAttribute(name);
      }
      if (el.localName === 'a' && el.hasAttribute('href')) {
        // A link leaves the patient's page: new tab, no window.opener, no referrer.
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('target');
      }
    });
    return { purify, stripInline };
  });
}

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML(s: string): string; createScriptURL(s: string): string }): Policy;
}

let policy: Policy | null | undefined;

/**
 * Under `require-trusted-types-for 'script'` DOMPurify's parser needs TrustedHTML. We hand it a
 * policy of our own (named `vsee-clinic-elements`) so a page that also runs DOMPurify does not
 * collide with the default `dompurify` policy name. The policy is private to this module and
 * only ever feeds DOMPurify's inert parser. If the page's CSP does not allow the name, DOMPurify
 * falls back to its own policy.
 */
function trustedTypesPolicy() {
  if (policy !== undefined) return policy;
  policy = null;
  const tt = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (tt?.createPolicy) {
    try {
      policy = tt.createPolicy('vsee-clinic-elements', { createHTML: (s: string) => s, createScriptURL: (s: string) => s });
    } catch {
      policy = null;
    }
  }
  return policy;
}

/** Options of `sanitizeNotes`. */
export interface SanitizeOptions {
  /**
   * Whether images in the notes are kept (default true). A clinic that does not want a note to
   * make the patient's browser fetch anything sets this to false: images are then left out.
   */
  images?: boolean;
}

/** Only https images are fetched: no plain-http request carries what the patient reads. */
const SAFE_IMAGE = /^https:/i;

/** Images per the options: https only, lazy, no referrer; or none at all. */
function limitImages(fragment: DocumentFragment, options: SanitizeOptions): void {
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = (img.getAttribute('src') ?? '').replace(URL_IGNORED, '');
    if (options.images === false || !SAFE_IMAGE.test(src)) {
      // An image that may not load is dropped rather than left as a broken-image box.
      img.remove();
      continue;
    }
    img.setAttribute('loading', 'lazy');
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('decoding', 'async');
    // Without alt text a screen reader reads the file name; the notes give us nothing better.
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }
}

/**
 * Sanitizes a provider's HTML notes into nodes that are safe to insert: HTML only (no SVG or
 * MathML), no scripts, styles, forms, frames, objects or event handlers, only http(s)/mailto/tel
 * URLs, every link opens in a new tab with `rel="noopener noreferrer"`, and images are https only,
 * lazy and sent no referrer (or dropped, with `images: false`). Loads DOMPurify on first use.
 */
export async function sanitizeNotes(html: string, options: SanitizeOptions = {}): Promise<DocumentFragment> {
  purifier ??= createPurifier();
  let purify: DOMPurify;
  let stripInline: (html: string) => string;
  try {
    ({ purify, stripInline } = await purifier);
  } catch (e) {
    // A failed chunk load (offline) may succeed later.
    purifier = undefined;
    throw e;
  }
  if (typeof html !== 'string' || !html) return document.createDocumentFragment();
  if (!purify.isSupported) {
    // Without a working DOMPurify nothing is trusted as markup: show the text only.
    const frag = document.createDocumentFragment();
    frag.append(document.createTextNode(html.replace(/<[^>]*>/g, ' ')));
    return frag;
  }
  const tt = trustedTypesPolicy();
  // Under a strict CSP even DOMPurify's inert parse reports inline handlers and styles (nothing
  // runs, but the page's violation reports fill up): drop what DOMPurify would drop, before it parses.
  html = stripInline(html);
  // Null when the markup leaves no <body> to sanitize (a <frameset> document): nothing to show.
  const fragment: DocumentFragment | null = purify.sanitize(html, tt ? { ...CONFIG, TRUSTED_TYPES_POLICY: tt } : CONFIG);
  if (!fragment) return document.createDocumentFragment();
  limitImages(fragment, options);
  return fragment;
}
