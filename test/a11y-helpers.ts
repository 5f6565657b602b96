/** Helpers shared by the accessibility, journey, Spanish and CSP suites (not a test file itself). */
import { waitUntil } from '@open-wc/testing';
import { mockTenant, type MockTenant } from './helpers/mock.js';

export interface DemoWindow extends Window {
  cspViolations?: Array<{ directive: string; blockedURI: string; sample: string; sourceFile: string; line: number }>;
}

export interface Demo {
  frame: HTMLIFrameElement;
  win: DemoWindow;
  doc: Document;
  mock: MockTenant;
  form: HTMLElement;
  picker: HTMLElement;
  list: HTMLElement;
}

const frames: HTMLIFrameElement[] = [];

/** Removes the iframes opened by `openDemo` (call in afterEach). */
export function closeDemos(): void {
  frames.splice(0).forEach((f) => f.remove());
}

/**
 * The demo page (`/demo/index.html` or `/csp`) in a same-origin iframe, against a fresh mock tenant, with the
 * three elements rendered (the form's text box, the picker's times, the list's visits).
 */
export async function openDemo(
  path: '/demo/index.html' | '/csp' = '/demo/index.html',
  options: { config?: Record<string, unknown>; width?: number; height?: number; query?: string } = {},
): Promise<Demo> {
  const mock = mockTenant();
  await mock.reset();
  if (options.config) await mock.config(options.config);
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${options.width ?? 1000}px;height:${options.height ?? 800}px;border:0`;
  frame.title = 'demo';
  frames.push(frame);
  frame.src = `${path}?tenant=${mock.root.split('/').pop()}${options.query ?? ''}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as DemoWindow;
  const doc = frame.contentDocument!;
  const form = doc.querySelector<HTMLElement>('vsee-intake-form')!;
  const picker = doc.querySelector<HTMLElement>('vsee-slot-picker')!;
  const list = doc.querySelector<HTMLElement>('vsee-visit-list')!;
  await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'intake form renders', { timeout: 8000 });
  await waitUntil(() => picker.shadowRoot?.querySelector('[part~="slot"]'), 'slot picker shows times', { timeout: 8000 });
  await waitUntil(() => list.shadowRoot?.querySelector('li.visit'), 'visit list shows visits', { timeout: 8000 });
  return { frame, win, doc, mock, form, picker, list };
}

/** The focused element, through shadow roots. */
export function deepActive(doc: Document | ShadowRoot = document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The chain of hosts and the focused element, e.g. `vsee-slot-picker > button#slot-3`. */
export function describeFocus(doc: Document = document): string {
  const parts: string[] = [];
  let el: Element | null = doc.activeElement;
  while (el) {
    parts.push(`${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`);
    el = el.shadowRoot?.activeElement ?? null;
  }
  return parts.join(' > ');
}

/** A focus indicator the patient can see: an outline that is not `none`/0 wide, or a box shadow. */
export function hasVisibleFocus(el: Element): boolean {
  const cs = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
  const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
  return outline || shadow;
}

export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Visible text plus `aria-label`, `title`, `placeholder`, `alt` of a shadow root (and nested roots). */
export function shadowStrings(root: ShadowRoot | Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = squash(node.textContent);
      if (t) out.push(t);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = node.getAttribute(a);
        if (v) out.push(squash(v));
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const c of Array.from(node.childNodes)) walk(c);
  };
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out;
}

/** Parses `rgb()`/`rgba()` as the browser resolves colours. */
export function parseRgb(color: string): [number, number, number, number] {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`not an rgb colour: ${color}`);
  const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

/** WCAG 2.1 contrast ratio of two opaque colours. */
export function contrast(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r, g, b] = parseRgb(c)
      .slice(0, 3)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
