/**
 * *Join your visit*: VSee Clinic's documented sign-in hand-off (`GET {clinic-url}/auth`), which
 * signs the patient in to the clinic's own web app and sends them to their clinic page, where the
 * call happens.
 *
 * This is the ONE place the patient's token appears in a URL. The hand-off is a top-level
 * navigation to another origin, which cannot carry an `X-ApiToken` header, so the vendor takes
 * the token as `sso_token`; `invalidate=1` makes it single-use, so the URL is worthless once
 * followed (history, logs, a shared screen). The URL is built only inside the patient's click and
 * handed straight to `window.open`: it is never rendered into an attribute, stored or logged.
 *
 * Part of the waiting room's chunk (waiting-room.ts re-exports it): *Join your visit* is offered
 * only when a walk-in's provider is ready. What the first paint checks (`clinic-url`,
 * `join-target`) is in config.ts.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { VseeApiError } from '../../client/errors.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { errorPanel } from '../controllers/error-panel.js';
import type { TokenRequest } from '../vsee-element.js';
import type { JoinTarget } from './config.js';

/**
 * `{clinic-url}/auth?sso_token=…&next=/u/{room}&invalidate=1`. `next` is a path on the clinic's
 * web app: the patient's clinic page `/u/{room code}` (the vendor's example: `next=/u/clinic`).
 */
export function joinUrl(clinicUrl: string, token: string, roomCode: string): string {
  const base = clinicUrl.trim().replace(/\/+$/, '');
  const url = new URL(`${base}/auth`);
  url.searchParams.set('sso_token', token);
  url.searchParams.set('next', `/u/${encodeURIComponent(roomCode)}`);
  url.searchParams.set('invalidate', '1');
  return url.href;
}

/** Opens the hand-off; a new tab gets no `opener`, so the clinic's app cannot reach back into this page. */
export function openJoin(url: string, target: JoinTarget): void {
  if (target === '_blank') window.open(url, '_blank', 'noopener');
  else window.open(url, '_self');
}

/** What *Join your visit* reads from the element when clicked. */
export interface JoinHost extends ReactiveControllerHost {
  readonly clinicUrl?: string;
  readonly joinTarget?: string;
  readonly roomCode?: string;
  readonly token?: string;
  readonly tokenProvider?: (request?: TokenRequest) => Promise<string>;
}

/** The *Join your visit* button of "Your provider is ready", and its failure. */
export class JoinVisitController {
  readonly #host: JoinHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #focus: FocusController;
  #error?: VseeApiError;

  constructor(host: JoinHost, l10n: LocalizeController<IntakeFormKey>, focus: FocusController) {
    this.#host = host;
    this.#l10n = l10n;
    this.#focus = focus;
  }

  /** Forgets an earlier failure (a new visit). */
  reset(): void {
    this.#error = undefined;
  }

  #join = async () => {
    const host = this.#host;
    this.#error = undefined;
    host.requestUpdate();
    try {
      // The token is read here, inside the click, and goes straight into the hand-off. The hand-off
      // spends it (invalidate=1), so a provider is asked for a fresh one, not the page's own.
      const token = host.tokenProvider ? await host.tokenProvider({ purpose: 'join' }) : host.token;
      if (!token || !host.clinicUrl || !host.roomCode) throw new Error('no token');
      openJoin(joinUrl(host.clinicUrl, token, host.roomCode), host.joinTarget === '_blank' ? '_blank' : '_self');
    } catch {
      // Without a token (the page's provider failed) the hand-off cannot sign the patient in.
      this.#error = new VseeApiError('unauthorized', 401, 'No token for the sign-in hand-off.');
      host.requestUpdate();
      this.#focus.request('[data-focus=retry]');
    }
  };

  render(): TemplateResult {
    const l10n = this.#l10n;
    const newTab = this.#host.joinTarget === '_blank';
    return html`${this.#error ? errorPanel(l10n, { what: l10n.msg('joinFailed'), error: this.#error, retry: () => void this.#join() }) : nothing}
      <button type="button" class="primary" part="join" @click=${this.#join}>
        ${l10n.msg('joinVisit')}${newTab ? html` <span class="visually-hidden">${l10n.msg('joinNewTab')}</span>` : nothing}
      </button>`;
  }
}
