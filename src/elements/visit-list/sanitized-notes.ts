/**
 * `sanitizedNotes(html, pendingText, failedText)`: a lit directive that shows a provider's HTML
 * notes as the nodes `sanitizeNotes` returns (DOMPurify with `RETURN_DOM_FRAGMENT`), never as a
 * string parsed again. While DOMPurify loads it shows `pendingText` and marks its container
 * `aria-busy`; if loading fails it shows `failedText` (never the raw markup).
 */
import { noChange, type ChildPart } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType } from 'lit/async-directive.js';
import { sanitizeNotes } from '../../internal/sanitize.js';

class SanitizedNotesDirective extends AsyncDirective {
  #source?: string;
  #container?: Element;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('sanitizedNotes() goes in child position.');
  }

  override update(part: ChildPart, args: [string, string, string]) {
    const parent = part.parentNode;
    this.#container = parent instanceof Element ? parent : undefined;
    return this.render(...args);
  }

  render(source: string, pendingText: string, failedText: string) {
    if (source === this.#source) return noChange;
    this.#source = source;
    this.#container?.setAttribute('aria-busy', 'true');
    sanitizeNotes(source).then(
      (fragment) => this.#settle(source, fragment),
      () => this.#settle(source, failedText, true),
    );
    return pendingText;
  }

  #settle(source: string, value: DocumentFragment | string, failed = false) {
    if (source !== this.#source) return;
    // A failure is tried again the next time the same notes are rendered.
    if (failed) this.#source = undefined;
    this.#container?.removeAttribute('aria-busy');
    this.#container?.setAttribute('data-notes', failed ? 'failed' : 'ready');
    this.setValue(value);
  }
}

export const sanitizedNotes = directive(SanitizedNotesDirective);
