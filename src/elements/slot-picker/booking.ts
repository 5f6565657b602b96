/**
 * The picker's side of booking: remembers the patient's choice at once, and hands it to the
 * booking workflow (booking-flow.ts), a chunk of its own that the first paint does not need. The
 * chunk is fetched when the patient points at or moves into the times (`prefetch`), and at the
 * latest on the first choice; until it is here the summary says it is loading, and a failed
 * load says so with *Try again*, the choice kept.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Slot } from '../../client/types.js';
import { errorPanel } from '../controllers/error-panel.js';
import { LazyChunk } from '../controllers/lazy-chunk.js';
import type { BookingFlow, BookingOptions } from './booking-flow.js';

export type { BookingContext, BookingOptions } from './booking-flow.js';

/** The one place the workflow is imported. An object, so a test can make the import fail as a dropped connection does. */
export const bookingLoader = {
  load: () => import('./booking-flow.js'),
};

/** Shared by every picker on the page: one download. */
export const bookingChunk = new LazyChunk(() => bookingLoader.load());

export class BookingController {
  readonly #host: ReactiveControllerHost;
  readonly #options: BookingOptions;
  #flow?: BookingFlow;
  /** A time chosen before the workflow arrived. */
  #pending?: Slot;

  constructor(host: ReactiveControllerHost, options: BookingOptions) {
    this.#host = host;
    this.#options = options;
  }

  get chosen(): Slot | undefined {
    return this.#flow ? this.#flow.chosen : this.#pending;
  }

  /** A booking is waiting for its answer. */
  get busy(): boolean {
    return this.#flow?.busy ?? false;
  }

  /** The patient is about to choose (pointer or focus in the times): fetch the workflow now. */
  prefetch = (): void => bookingChunk.prefetch();

  choose(slot: Slot): void {
    if (this.#flow) return this.#flow.choose(slot);
    this.#pending = slot;
    this.#host.requestUpdate();
    void this.#start();
  }

  /** A different query or appointment: an earlier choice may not exist any more. */
  reset(): void {
    this.#pending = undefined;
    this.#flow?.reset();
    this.#host.requestUpdate();
  }

  async #start(): Promise<void> {
    // After a failure the patient pressed Try again, which goes away: the focus moves on to Book.
    const retry = bookingChunk.error !== undefined;
    const loading = bookingChunk.load();
    // A retry replaces the failure with "Loading…" at once.
    this.#host.requestUpdate();
    try {
      const { BookingFlow } = await loading;
      this.#flow ??= new BookingFlow(this.#host, this.#options);
      if (this.#pending) this.#flow.choose(this.#pending);
      this.#pending = undefined;
      if (retry) this.#options.focus.request('[part="book-button"]');
    } catch {
      // render() shows the chunk's failure with Try again; the choice is kept.
    }
    this.#host.requestUpdate();
  }

  /** Booked, or "that time was just taken" (only a booking can find either out). */
  renderOutcome(): TemplateResult | typeof nothing {
    return this.#flow ? this.#flow.renderOutcome() : nothing;
  }

  /** The chosen time with its book button; until the workflow is here, its loading or failure. */
  render(): TemplateResult | typeof nothing {
    if (this.#flow) return this.#flow.render();
    if (!this.#pending) return nothing;
    const l10n = this.#options.l10n;
    if (bookingChunk.error !== undefined && !bookingChunk.loading) {
      return errorPanel(l10n, { what: l10n.msg('bookingChunkFailed'), retry: () => void this.#start() });
    }
    return html`<p class="summary loading-text" part="summary" role="status">${l10n.msg('loading')}</p>`;
  }
}
