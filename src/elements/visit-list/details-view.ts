/**
 * Why: the expanded details of one visit (facts, both prescription lists, attachments and the
 * provider's sanitized notes) are a chunk of their own: a patient who never opens a visit never
 * downloads them. Imported only by visit-details.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Prescription, Visit } from '../../client/types.js';
import type { VisitListKey } from '../../i18n/visit-list.js';
import type { LocalizeController } from '../controllers/localize.js';
import { sanitizedNotes } from './sanitized-notes.js';
import { sanitizeNotes } from '../../internal/sanitize.js';
import { reasonOf, text } from './visit-helpers.js';
import {
  attachmentsOf,
  notesAreDraft,
  notesOf,
  prescriptionFacts,
  prescriptionsOf,
  type NoteKey,
  type PrescriptionList,
} from './detail-helpers.js';

export interface DetailsOptions {
  /** Whether the notes may show (https) images; the clinic can turn them off. */
  images: boolean;
}

type L10n = LocalizeController<VisitListKey>;

const NOTE_LABELS: Record<NoteKey, VisitListKey> = {
  physical_exam: 'notePhysicalExam',
  assessment_plan: 'noteAssessmentPlan',
  patient_instructions: 'notePatientInstructions',
};

/** Each prescription list: its heading and what it says when empty. */
const RX_LISTS: Array<[PrescriptionList, VisitListKey, VisitListKey]> = [
  ['prescriptionsBeforeVisit', 'rxCurrentHeading', 'rxCurrentNone'],
  ['prescriptions', 'rxPrescribedHeading', 'rxPrescribedNone'],
];

/**
 * Starts loading the sanitizer (DOMPurify) while the visit's answer is on its way; a failure
 * here is shown, and tried again, when the notes render.
 */
export function prepareNotes(): void {
  sanitizeNotes('').catch(() => {});
}

export function renderDetails(d: Visit, l10n: L10n, options: DetailsOptions): TemplateResult {
  const pv = (typeof d.postvisit === 'object' && d.postvisit) || {};
  const unknown = l10n.msg('unknown');
  const files = attachmentsOf(d);
  return html`
    <dl class="facts detail-facts">
      <div><dt>${l10n.msg('reasonLabel')}</dt><dd>${reasonOf(d) ?? unknown}</dd></div>
      <div><dt>${l10n.msg('diagnosisLabel')}</dt><dd>${text(pv.diagnosis) ?? unknown}</dd></div>
      <div><dt>${l10n.msg('dispositionLabel')}</dt><dd>${text(pv.disposition) ?? unknown}</dd></div>
    </dl>
    ${RX_LISTS.map(([list, heading, none]) => {
      const rx = prescriptionsOf(d, list);
      return html`<h5>${l10n.msg(heading)}</h5>
        ${listOr(rx, none, l10n, (items) => html`<ul class="rx" data-list=${list}>${items.map((p) => renderPrescription(p, l10n))}</ul>`)}`;
    })}
    <h5>${l10n.msg('attachmentsHeading')}</h5>
    ${listOr(files, 'noAttachments', l10n, (items) => html`<ul class="files">${items.map((f) => html`<li>${text(f.name) ?? unknown}</li>`)}</ul>`)}
    ${renderNotes(d, l10n, options)}
  `;
}

/** A list's items, else "none" (`none`), else, when the list came in a shape we cannot read, say so. */
function listOr<T>(items: T[] | undefined, none: VisitListKey, l10n: L10n, render: (items: T[]) => TemplateResult): TemplateResult {
  if (!items) return html`<p>${l10n.msg('listUnreadable')}</p>`;
  return items.length ? render(items) : html`<p>${l10n.msg(none)}</p>`;
}

function renderPrescription(p: Prescription, l10n: L10n): TemplateResult {
  const f = prescriptionFacts(p);
  const unknown = l10n.msg('unknown');
  const row = (label: VisitListKey, value: string | undefined) => html`<div><dt>${l10n.msg(label)}</dt><dd>${value ?? unknown}</dd></div>`;
  // Status, prescriber and date are shown when the system sent them: an older record without
  // them is not "unknown" three times over.
  return html`<li>
    <strong>${f.drug ?? unknown}</strong>
    <dl class="facts">
      ${row('rxDirections', f.directions)} ${row('rxQuantity', f.quantity)} ${row('rxRefills', f.refills)}
      ${f.status ? row('rxStatus', f.status) : nothing} ${f.prescriber ? row('rxPrescriber', f.prescriber) : nothing}
      ${f.date !== undefined ? row('rxDate', utcDate(f.date, l10n.locale)) : nothing}
    </dl>
  </li>`;
}

function renderNotes(d: Visit, l10n: L10n, options: DetailsOptions): TemplateResult | TemplateResult[] {
  if (notesAreDraft(d)) return html`<p>${l10n.msg('notesDraft')}</p>`;
  const notes = notesOf(d);
  if (!notes.length) return html`<p>${l10n.msg('noNotes')}</p>`;
  const texts = { pending: l10n.msg('notesLoading'), failed: l10n.msg('notesFailed'), empty: l10n.msg('noteEmpty') };
  return notes.map(
    ([key, source]) => html`<h5>${l10n.msg(NOTE_LABELS[key])}</h5>
      <div class="notes" part="notes" data-note=${key}>${sanitizedNotes(source, texts, options.images)}</div>`,
  );
}

/** A calendar date (no zone) as the same day everywhere. */
function utcDate(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}
