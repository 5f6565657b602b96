/**
 * Why: what one visit shows in the list (its time, badges, facts and buttons, the cancel
 * confirmation, the last action's message, its details) reads in one place, apart from the
 * element that fetches, groups and pages the visits.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Visit } from '../../client/types.js';
import type { VisitListKey } from '../../i18n/visit-list.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { VisitDetailsController } from './visit-details.js';
import type { VisitActionsController } from './visit-actions.js';
import { statusClass, visitStatusLabel, visitTypeLabel } from './visit-labels.js';
import { hasServerId } from '../../client/shapes.js';
import { hasTakenPlace, isCancellable, isGroupVisit, isReschedulable, providerName, reasonOf } from './visit-helpers.js';

/** What a row needs from its list. */
export interface VisitRowContext {
  l10n: LocalizeController<VisitListKey>;
  details: VisitDetailsController;
  actions: VisitActionsController;
  /** The DOM id of a visit's `<li>` (visit ids may hold any character). */
  domId: (id: string) => string;
  /** Lays local changes (a cancellation) over a visit, here over its loaded detail. */
  withOverrides: (v: Visit) => Visit;
  /** Whether the provider's notes may show images (no `hide-note-images`). */
  noteImages: () => boolean;
}

/** One visit; `current` when it is the visit in progress, shown above the lists. */
export function renderVisitRow(visit: Visit, current: boolean, row: VisitRowContext): TemplateResult {
  const { l10n, details, actions } = row;
  const id = visit.id;
  const dom = row.domId(id);
  const now = Date.now() / 1000;
  const expanded = details.isExpanded(id);
  // A visit the answer gave no id of its own (see `standInId`) can only be read, not opened or changed.
  const actionable = hasServerId(visit);
  const canCancel = actionable && !current && isCancellable(visit, now);
  const reason = reasonOf(visit);
  return html`<li class="visit" part="visit" id=${dom} tabindex="-1" aria-labelledby="${dom}-h">
    <div class="visit-top">
      <h4 class="when" part="visit-heading" id="${dom}-h">${l10n.dateTime(visit.start)}</h4>
      <span class="badges">
        ${current ? html`<span class="mark current-mark" part="current-mark">${l10n.msg('currentMark')}</span>` : nothing}
        <span class="status ${statusClass(visit.status)}" part="status"
          ><span class="visually-hidden">${l10n.msg('statusLabel')}: </span>${visitStatusLabel(l10n, visit.status)}</span
        >
        ${isGroupVisit(visit) ? groupMark(l10n.msg('groupMark')) : nothing}
      </span>
    </div>
    <dl class="facts" part="facts">
      <div><dt>${l10n.msg('typeLabel')}</dt><dd>${visitTypeLabel(l10n, visit.type)}</dd></div>
      <div><dt>${l10n.msg('providerLabel')}</dt><dd>${providerName(visit.provider) ?? l10n.msg('unknown')}</dd></div>
      ${reason ? html`<div><dt>${l10n.msg('reasonLabel')}</dt><dd>${reason}</dd></div>` : nothing}
    </dl>
    ${actionable ? actionButtons(visit, current, canCancel, row) : html`<p class="message" part="message">${l10n.msg('noVisitId')}</p>`}
    ${canCancel && actions.isConfirming(id) ? actions.renderConfirm(visit) : nothing}
    ${actions.renderMessage(id)}
    <div class="details" part="details" id="${dom}-d" ?hidden=${!expanded}>
      ${expanded ? details.render(visit, row.withOverrides, { images: row.noteImages() }) : nothing}
    </div>
  </li>`;
}

/** View details, Reschedule, Cancel visit and Download summary, as far as the visit allows them. */
function actionButtons(visit: Visit, current: boolean, canCancel: boolean, row: VisitRowContext): TemplateResult {
  const { l10n, details, actions } = row;
  const id = visit.id;
  const dom = row.domId(id);
  const now = Date.now() / 1000;
  const expanded = details.isExpanded(id);
  return html`<div class="actions" part="actions">
    <button
      part="button details-button"
      type="button"
      class="details-button"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="${dom}-d"
      aria-describedby="${dom}-h"
      @click=${() => details.toggle(id)}
      @pointerenter=${() => details.prefetch()}
      @focus=${() => details.prefetch()}
    >
      <span class="chevron" aria-hidden="true"></span>${l10n.msg('viewDetails')}
    </button>
    ${
      !current && isReschedulable(visit, now)
        ? html`<button part="button reschedule-button" type="button" aria-describedby="${dom}-h" @click=${() => actions.reschedule(visit)}>
          ${l10n.msg('reschedule')}
        </button>`
        : nothing
    }
    ${
      canCancel
        ? html`<button
          part="button cancel-button"
          type="button"
          class="danger"
          id="${dom}-cancel"
          aria-describedby="${dom}-h"
          @click=${() => actions.askCancel(id)}
        >
          ${l10n.msg('cancelVisit')}
        </button>`
        : nothing
    }
    ${hasTakenPlace(visit, now) ? summaryButton(visit, dom, row) : nothing}
  </div>`;
}

/** Only a visit that took place has a summary (not an upcoming or cancelled one). */
function summaryButton(visit: Visit, dom: string, { l10n, actions }: VisitRowContext): TemplateResult {
  const preparing = actions.busy(visit.id) === 'summary';
  return html`<button
    part="button summary-button"
    type="button"
    id="${dom}-summary"
    aria-describedby="${dom}-h"
    aria-disabled=${preparing ? 'true' : 'false'}
    @click=${() => actions.downloadSummary(visit)}
  >
    ${preparing ? l10n.msg('summaryPreparing') : l10n.msg('downloadSummary')}
  </button>`;
}

function groupMark(label: string): TemplateResult {
  return html`<span class="mark group-mark" part="group-mark"
    ><svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
      <path
        fill="currentColor"
        d="M9 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm7.5 0a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7ZM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1v-1Zm17.5 1v-1c0-2-1-3.8-2.6-5.1 3.7.3 6.6 2.5 6.6 5.1v1h-4Z"
      /></svg
    >${label}</span
  >`;
}
