/** Why: screen readers hear status changes only through a live region that already exists; one per element, set up once. */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How long the region stays empty before the same words are said again (screen readers ignore an unchanged region). */
const REPEAT_GAP_MS = 50;

/**
 * A polite live region and what it says. `announce()` from anywhere; render `region()` once, in
 * every phase, so the region exists before the words arrive. (No lifecycle: a repeat still
 * pending when the element leaves only sets text nobody hears.)
 */
export class AnnouncerController {
  readonly #host: ReactiveControllerHost;
  #text = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  announce(text: string): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (text && text === this.#text) {
      // The same words again: clear, then say them after a moment, so they are heard twice.
      this.#set('');
      this.#timer = setTimeout(() => this.#set(text), REPEAT_GAP_MS);
      return;
    }
    this.#set(text);
  }

  /** Says nothing (the message no longer applies). */
  clear(): void {
    this.announce('');
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#text}</div>`;
  }

  #set(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }
}
