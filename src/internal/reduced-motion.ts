import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Stops every animation and transition in the host's shadow root while the patient asks for
 * reduced motion. The shared stylesheet already says so under `@media (prefers-reduced-motion:
 * reduce)`, but WebKit (Safari) does not re-evaluate that query in adopted stylesheets when the
 * setting changes while the page is open: a constructed sheet without a query, added and removed
 * here as the preference changes, works in every engine.
 */
const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
let still: CSSStyleSheet | undefined;

function stillSheet(): CSSStyleSheet {
  if (!still) {
    still = new CSSStyleSheet();
    still.replaceSync('*, *::before, *::after { animation: none !important; transition: none !important; }');
  }
  return still;
}

export class ReducedMotionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onChange = (): void => this.#apply();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    query?.addEventListener('change', this.#onChange);
    this.#apply();
  }

  hostDisconnected(): void {
    query?.removeEventListener('change', this.#onChange);
  }

  #apply(): void {
    const root = this.#host.shadowRoot;
    // Without adopted stylesheets lit uses <style> elements, where the media query works.
    if (!root || !query || !('adoptedStyleSheets' in root)) return;
    const sheets = root.adoptedStyleSheets.filter((s) => s !== still);
    if (query.matches) sheets.push(stillSheet());
    if (sheets.length !== root.adoptedStyleSheets.length) root.adoptedStyleSheets = sheets;
  }
}
