/**
 * `sanitizedNotes(html, pendingText, failedText, images)`: a lit directive that shows a provider's HTML
 * notes as the nodes `sanitizeNotes` returns (DOMPurify with `RETURN_DOM_FRAGMENT`), never as a
 * string parsed again. While DOMPurify loads it shows `pendingText` and marks its container
 * `aria-busy`; if loading fails it shows `failedText` (never the raw markup). With `images`
 * false the notes keep no image (the clinic turned them off).
 */
import { noChange, type ChildPart } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType } from 'lit/async-directive.js';
import { sanitizeNotes } from '../../internal/sanitize.js';

class SanitizedNotesDirective extends AsyncDirective {
  #source?: string;
  #images?: boolean;
  #container?: Element;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('sanitizedNotes() goes in child position.');
  }

  override update(part: ChildPart, args: [string, string, string, boolean?]) {
    const parent = part.parentNode;
    this.#container = parent instanceof Element ? parent : undefined;
    return this.render(...args);
  }

  render(source: string, pendingText: string, failedText: string, images = true) {
    if (source === this.#source && images === this.#images) return noChange;
    this.#source = source;
    this.#images = images;
    this.#container?.setAttribute('aria-busy', 'true');
    sanitizeNotes(source, { images }).then(
      (fragment) => this.#settle(source, images, fragment),
      () => this.#settle(source, images, failedText, true),
    );
    return pendingText;
  }

  #settle(source: string, images: boolean, value: DocumentFragment | string, failed = false) {
    // A later render asked for other notes (or other images): this answer is stale.
    if (source !== this.#source || images !== this.#images) return;
    // A failure is tried again the next time the same notes are rendered.
    if (failed) this.#source = undefined;
    this.#container?.removeAttribute('aria-busy');
    this.#container?.setAttribute('data-notes', failed ? 'failed' : 'ready');
    this.setValue(value);
  }
}

export const sanitizedNotes = directive(SanitizedNotesDirective);
