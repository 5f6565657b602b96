/** Why: a failure always says what did not happen, why in the patient's words, and offers Try again: written once. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { VseeApiError } from '../../client/errors.js';
import type { CommonKey } from '../../i18n/common.js';
import type { LocalizeController } from './localize.js';

/** Each client error code's message; any other HTTP failure is `errForbidden` (403) or `errHttp`. */
const ERROR_KEYS: Partial<Record<VseeApiError['code'], CommonKey>> = {
  network: 'errNetwork',
  timeout: 'errTimeout',
  unauthorized: 'errUnauthorized',
  not_found: 'errNotFound',
  conflict: 'errConflict',
  rate_limited: 'errRateLimited',
  server: 'errServer',
  bad_response: 'errBadResponse',
};

/**
 * A failure in plain words, in the patient's language. For a request the API refused (a 4xx
 * with a message) the vendor's own words follow in parentheses, as sent (English): they help
 * the clinic's support, but alone ("Forbidden") they tell the patient neither what happened nor
 * what to do.
 */
export function describeError(l10n: LocalizeController<string>, error: unknown): string {
  if (!(error instanceof VseeApiError)) return l10n.msg('errUnknown');
  const generic = l10n.msg(ERROR_KEYS[error.code] ?? (error.status === 403 ? 'errForbidden' : 'errHttp'));
  const server = error.serverMessage;
  if (server && (error.code === 'http' || error.code === 'conflict')) {
    return `${generic} (${server})`;
  }
  return generic;
}

export interface ErrorPanelOptions {
  /** What did not happen, as a sentence: "Your visit was not cancelled." */
  what: string;
  /** The failure; its description follows `what`. None when `what` says it all. */
  error?: unknown;
  /** Offers *Try again* when given; it gets the click (its `currentTarget` is the button). */
  retry?: (event?: Event) => void;
  /** `part` of the *Try again* button, for elements whose buttons all carry one. */
  buttonPart?: string;
  /** More sentences after the detail, e.g. "Your answers are kept." */
  note?: string;
}

/**
 * The error panel: `what` + the detail, then *Try again*. An alert, so it is announced when it
 * appears; the button carries `data-focus="retry"` for elements that move focus to it.
 */
export function errorPanel(l10n: LocalizeController<string>, options: ErrorPanelOptions): TemplateResult {
  const { what, error, retry, buttonPart, note } = options;
  return html`<div class="message error" part="message" role="alert">
    <p>${error === undefined ? what : failureText(l10n, what, error)}</p>
    ${note ? html`<p>${note}</p>` : nothing}
    ${
      retry
        ? html`<button type="button" part=${ifDefined(buttonPart)} data-focus="retry" @click=${retry}>${l10n.msg('tryAgain')}</button>`
        : nothing
    }
  </div>`;
}

/** `what` and the detail as one sentence, for places that show text without the panel (a file's row). */
export function failureText(l10n: LocalizeController<string>, what: string, error: unknown): string {
  return `${what} ${describeError(l10n, error)}`;
}
