/** Why: focus can only move to what has rendered; one mechanism waits for it instead of three. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A CSS selector in the host's shadow root, or a function that finds the element (undefined: not
 * there yet; `false`: no longer wanted, the request ends without moving focus).
 */
export type FocusTarget = string | (() => HTMLElement | null | undefined | false);

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Moves focus after the host's next render to a target that the render creates: the confirmation
 * of a booking, the safe button of a dialog, the first new item of a list. A target that is not
 * there yet (the answer is still loading) is looked for again after each render, until it
 * appears or another request replaces it.
 */
export class FocusController implements ReactiveController {
  readonly #host: Host;
  #target?: FocusTarget;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** Focus `target` once it has rendered. A later request wins over an earlier one still waiting. */
  request(target: FocusTarget): void {
    this.#target = target;
    this.#host.requestUpdate();
  }

  /**
   * A button that starts a load (*Try again*, a jump to other days) goes away while it runs, and
   * focus would fall to the page's `<body>` (the next Tab starting over at the top of the page).
   * Focus waits on `holder` (an element that stays, `tabindex="-1"`); once `settled()`, it moves
   * to the new *Try again* inside `holder` if the load failed again, else to `then` (or stays).
   * If the patient moved focus elsewhere meanwhile, it is left where they put it.
   */
  keepWhileLoading(holder: HTMLElement | null | undefined, settled: () => boolean, then?: () => HTMLElement | null | undefined): void {
    if (!holder) return;
    holder.focus({ preventScroll: true });
    this.request(() => {
      if (!settled()) return undefined;
      if ((holder.getRootNode() as Document | ShadowRoot).activeElement !== holder) return false;
      const found = holder.querySelector<HTMLElement>('[data-focus="retry"]') ?? then?.();
      if (found) return found;
      // What settled may not have rendered yet (this look was queued by the update before): look
      // again after the next one.
      return (this.#host as { isUpdatePending?: boolean }).isUpdatePending ? undefined : false;
    });
  }

  hostUpdated(): void {
    if (this.#target === undefined) return;
    // Looked for after the whole update, the element's own `updated()` included (it runs after
    // the controllers' hooks and may still set attributes the target is found by); and not inside
    // the update, because focusing fires blur handlers that change state.
    // (Two updates in a row queue two looks; the first that finds the target ends the request.)
    queueMicrotask(() => {
      const target = this.#target;
      if (target === undefined || !this.#host.isConnected) return;
      const root = this.#host.shadowRoot ?? this.#host;
      const el = typeof target === 'string' ? root.querySelector<HTMLElement>(target) : target();
      if (el === false) return void (this.#target = undefined);
      if (!el) return; // not rendered yet: looked for again after the next update
      this.#target = undefined;
      el.focus();
      // Firefox and Safari leave a focused element that is partly out of view where it is (a
      // confirmation half above the window once the times under it reloaded): show all of it.
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }

  hostDisconnected(): void {
    this.#target = undefined;
  }
}
