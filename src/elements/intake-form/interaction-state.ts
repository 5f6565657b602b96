/**
 * Why: an error shown before the patient did anything is noise (Lion's interaction-state, WCAG
 * 3.3.1): a field's error shows once it was touched (left) and changed, or after a submit.
 */
import type { ReactiveControllerHost } from 'lit';

export class InteractionState {
  readonly #host: ReactiveControllerHost;
  readonly #touched = new Set<string>();
  readonly #dirty = new Set<string>();
  #submitted = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The field lost focus. */
  touch(field: string): void {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** The patient changed the field's value. */
  change(field: string): void {
    if (this.#dirty.has(field)) return;
    this.#dirty.add(field);
    this.#host.requestUpdate();
  }

  isTouched(field: string): boolean {
    return this.#touched.has(field);
  }

  isDirty(field: string): boolean {
    return this.#dirty.has(field);
  }

  get submitted(): boolean {
    return this.#submitted;
  }

  /** A submit was tried: every error may show now. */
  submit(): void {
    this.#submitted = true;
    this.#host.requestUpdate();
  }

  /** Whether `field`'s error, if any, may be shown. */
  showsError(field: string): boolean {
    return this.#submitted || (this.#touched.has(field) && this.#dirty.has(field));
  }

  /** Back to editing after a save: errors wait for the next submit or change again. */
  resetSubmitted(): void {
    this.#submitted = false;
    this.#host.requestUpdate();
  }

  /** A fresh form. */
  reset(): void {
    this.#touched.clear();
    this.#dirty.clear();
    this.#submitted = false;
    this.#host.requestUpdate();
  }
}
