/** The form's own panels: the loading skeleton, the closed clinic, and the summary of what to fix. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';

/** One thing to fix, as the summary lists it, and how to reach its field. */
export interface Problem {
  field: string;
  message: string;
  focus: () => void;
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
