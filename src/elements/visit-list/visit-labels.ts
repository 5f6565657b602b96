/** Why: a visit's numeric type and status codes in the patient's words, including codes the API adds later. */
import { VisitStatuses } from '../../client/types.js';
import type { CommonKey } from '../../i18n/common.js';
import type { LocalizeController } from '../controllers/localize.js';

/** Visit types and statuses as the API numbers them. */
const TYPE_KEYS: Record<number, CommonKey> = { 1: 'typeWalkin', 2: 'typeAppointment', 3: 'typeEconsult' };
const STATUS_KEYS: Record<number, CommonKey> = {
  10: 'statusPending',
  20: 'statusConfirmed',
  25: 'statusInProgress',
  30: 'statusCompleted',
  40: 'statusCancelled',
};

/** "Walk-in", "Appointment", "E-consult"; an unknown code by number ("Type 7"). */
export function visitTypeLabel(l10n: LocalizeController<string>, code: unknown): string {
  return codeLabel(l10n, TYPE_KEYS, 'typeOther', code);
}

/** "Pending", "Confirmed", …; an unknown code by number ("Status 55"). */
export function visitStatusLabel(l10n: LocalizeController<string>, code: unknown): string {
  return codeLabel(l10n, STATUS_KEYS, 'statusOther', code);
}

function codeLabel(l10n: LocalizeController<string>, known: Record<number, CommonKey>, other: CommonKey, code: unknown): string {
  // A code is a small whole number ("Status 1e+300" would only puzzle the patient).
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 9999) return l10n.msg('unknown');
  const key = known[code];
  return key ? l10n.msg(key) : l10n.msg(other, { code });
}

/** The status badge's class (its colour); `other` for a code the API adds later. */
export function statusClass(status: unknown): string {
  switch (status) {
    case VisitStatuses.pending:
      return 'pending';
    case VisitStatuses.confirmed:
      return 'confirmed';
    case VisitStatuses.inProgress:
      return 'in-progress';
    case VisitStatuses.completed:
      return 'completed';
    case VisitStatuses.cancelled:
      return 'cancelled';
    default:
      return 'other';
  }
}
