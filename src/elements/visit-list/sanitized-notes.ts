/**
 * `sanitizedNotes(html, texts, images)`: a lit directive that shows a provider's HTML notes as the
 * nodes `sanitizeNotes` returns (DOMPurify with `RETURN_DOM_FRAGMENT`), never as a string parsed
 * again. While DOMPurify loads it shows `texts.pending` and marks its container `aria-busy`; if
 * loading fails it shows `texts.failed` (never the raw markup); notes that nothing is left of
 * (a script alone, empty tags) show `texts.empty`, not a blank under their heading. With
 * `images` false the notes keep no image (the clinic turned them off).
 */
import { noChange, type ChildPart } from 'lit';
import { AsyncDirective, directive, type PartInfo, PartType } from 'lit/async-directive.js';
import { sanitizeNotes } from '../../internal/sanitize.js';

/** What shows instead of the notes: while DOMPurify loads, if it cannot, and when nothing is left. */
export interface NotesTexts {
  pending: string;
  failed: string;
  empty: string;
}

class SanitizedNotesDirective extends AsyncDirective {
  #source?: string;
  #images?: boolean;
  #container?: Element;
  /** Which of the texts stands in for the notes now: while they load, or when nothing is left of them. */
  #standIn?: 'pending' | 'empty';

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('sanitizedNotes() goes in child position.');
  }

  override update(part: ChildPart, args: [string, NotesTexts, boolean?]) {
    const parent = part.parentNode;
    this.#container = parent instanceof Element ? parent : undefined;
    return this.render(...args);
  }

  render(source: string, texts: NotesTexts, images = true) {
    // The same notes: only the words around them may have changed (another language).
    if (source === this.#source && images === this.#images) return this.#standIn ? texts[this.#standIn] : noChange;
    this.#source = source;
    this.#images = images;
    this.#standIn = 'pending';
    this.#container?.setAttribute('aria-busy', 'true');
    sanitizeNotes(source, { images }).then(
      (fragment) =>
        fragment.textContent?.trim() || fragment.querySelector('img')
          ? this.#settle(source, images, fragment, 'ready')
          : this.#settle(source, images, texts.empty, 'empty'),
      () => this.#settle(source, images, texts.failed, 'failed'),
    );
    return texts.pending;
  }

  #settle(source: string, images: boolean, value: DocumentFragment | string, state: 'ready' | 'empty' | 'failed') {
    // A later render asked for other notes (or other images): this answer is stale.
    if (source !== this.#source || images !== this.#images) return;
    // A failure is tried again the next time the same notes are rendered.
    if (state === 'failed') this.#source = undefined;
    this.#standIn = state === 'empty' ? 'empty' : undefined;
    this.#container?.removeAttribute('aria-busy');
    this.#container?.setAttribute('data-notes', state);
    this.setValue(value);
  }
}

export const sanitizedNotes = directive(SanitizedNotesDirective);
