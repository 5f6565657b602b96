/** The form's own panels (the loading skeleton, the closed clinic, the summary of what to fix) and its submit button with the last submit's failure. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { errorPanel } from '../controllers/error-panel.js';
import type { SubmitFailure } from './submit.js';
import type { BuiltinProblem } from './builtin-fields.js';
import type { CustomProblem } from './custom-fields.js';

/** One thing to fix, as the summary lists it, and how to reach its field. */
export interface Problem {
  field: string;
  message: string;
  focus: () => void;
}

/** The form's own problems (found in `root` by selector) and the clinic's (their controls), as the summary lists them. */
export function collectProblems(root: ParentNode, own: BuiltinProblem[], clinic: CustomProblem[]): Problem[] {
  return [
    ...own.map((p) => ({ field: p.label, message: p.message, focus: () => root.querySelector<HTMLElement>(p.selector)?.focus() })),
    ...clinic.map((p) => ({ field: p.label, message: p.message, focus: () => p.control.focus() })),
  ];
}

/** A skeleton in the space the form will take (the page does not jump), with its name for screen readers. */
export function renderLoading(label: string): TemplateResult {
  return html`<div class="panel" aria-busy="true">
    <span class="visually-hidden" role="status">${label}</span>
    <div class="skeleton skeleton-field tall"></div>
    <div class="skeleton skeleton-field"></div>
    <div class="skeleton skeleton-field"></div>
  </div>`;
}

/** The clinic is closed: its own words (`close_msg`) when it has any. */
export function renderRoomClosed(l10n: LocalizeController<IntakeFormKey>, closeMsg: unknown): TemplateResult {
  const text = typeof closeMsg === 'string' && closeMsg.trim() ? closeMsg : l10n.msg('roomClosedDefault');
  return html`<div class="message" part="message" role="status">
    <strong class="title">${l10n.msg('roomClosedTitle')}</strong>
    <p>${text}</p>
  </div>`;
}

/** The problems as they are now: a fixed one leaves the list while the patient works. */
export function renderSummary(l10n: LocalizeController<IntakeFormKey>, problems: Problem[]): TemplateResult | typeof nothing {
  const n = problems.length;
  if (!n) return nothing;
  return html`<div class="summary" part="summary" role="alert">
    <p>${n === 1 ? l10n.msg('summaryOne') : l10n.msg('summaryMany', { count: n })}</p>
    <ul>
      ${problems.map(
        (p) =>
          html`<li>
            <button type="button" class="link" @click=${p.focus}>${l10n.msg('summaryItem', { field: p.field, error: p.message })}</button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** A submit that failed: what did not happen (the intake, or the visit after it), why, and *Try again*. */
export function renderSubmitFailure(
  l10n: LocalizeController<IntakeFormKey>,
  { step, error }: SubmitFailure,
  then: string | undefined,
  retry: () => void,
): TemplateResult {
  // An attachment that did not upload is retried on its own row, not here.
  if (step === 'uploads') return errorPanel(l10n, { what: l10n.msg('errUploadsFailed') });
  // The sending code itself did not load: the API's words would not apply.
  if (step === 'load') return errorPanel(l10n, { what: l10n.msg('submitChunkFailed'), note: l10n.msg('valuesKept'), retry });
  let what = l10n.msg('errSaveTitle');
  if (step === 'visit') what = l10n.msg(then === 'econsult' ? 'errVisitEconsultTitle' : 'errVisitWalkinTitle');
  return errorPanel(l10n, { what, error, note: l10n.msg('valuesKept'), retry });
}

/** The last submit's failure, if any, right before the Submit button, which says what a running submit waits for. */
export function renderSubmitArea(
  l10n: LocalizeController<IntakeFormKey>,
  options: { failure: SubmitFailure | undefined; then: string | undefined; busy: Busy; retry: () => void },
): TemplateResult {
  const { failure, then, busy, retry } = options;
  return html`${failure ? renderSubmitFailure(l10n, failure, then, retry) : nothing}
    <div class="actions-row">
      <button type="submit" class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${submitLabel(l10n, busy)}
      </button>
    </div>`;
}

/**
 * A submit from the failure's *Try again* (focused), which goes away meanwhile: focus waits on
 * Submit, then goes to the new *Try again* if this fails too (the failure sits right before
 * Submit's row, see renderSubmitArea); success moves focus on by itself. Otherwise nothing.
 */
export function keepFocusThroughRetry(focus: FocusController, root: ShadowRoot, settled: () => boolean): void {
  if (!root.activeElement?.matches('[data-focus="retry"]')) return;
  focus.keepWhileLoading(root.querySelector<HTMLElement>('[part="submit"]'), settled, () =>
    root.querySelector('.actions-row')?.previousElementSibling?.querySelector<HTMLElement>('[data-focus="retry"]'),
  );
}

/** What a running submit is waiting for, if anything: the button says so. */
export type Busy = 'uploads' | 'saving' | 'visit' | null;

export function submitLabel(l10n: LocalizeController<IntakeFormKey>, busy: Busy): string {
  if (busy === 'uploads') return l10n.msg('submitUploading');
  return busy ? l10n.msg('submitSaving') : l10n.msg('submit');
}
