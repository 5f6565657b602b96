/**
 * The intake form's word-valued attributes (`visit-type`, `then`, `clinic-url`, `join-target`),
 * checked with the rest of the configuration on the first render. The numbers are checked by the
 * base element's `checkNumber`; the hand-off to the call itself is join-visit.ts, loaded with the
 * waiting room.
 */
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';

export type JoinTarget = '_self' | '_blank';

/** Whether `value` can be a clinic's web address: https only, since the token travels in it. */
export function isClinicUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

export function isJoinTarget(value: string): value is JoinTarget {
  return value === '_self' || value === '_blank';
}

/** The attributes as the element holds them (a page may set any string). */
export interface IntakeAttributes {
  visitType?: string;
  then?: string;
  clinicUrl?: string | null;
  joinTarget?: string;
}

/** One message per attribute whose value the form cannot use; none when all are fine. */
export function attributeErrors(attrs: IntakeAttributes, l10n: LocalizeController<IntakeFormKey>): string[] {
  const errors: string[] = [];
  const { visitType, then, clinicUrl, joinTarget } = attrs;
  if (visitType && visitType !== 'walkin' && visitType !== 'schedule') errors.push(l10n.msg('configBadVisitType', { value: visitType }));
  if (then && then !== 'none' && then !== 'walkin' && then !== 'econsult') errors.push(l10n.msg('configBadThen', { value: then }));
  if (clinicUrl !== undefined && clinicUrl !== null && !isClinicUrl(clinicUrl))
    errors.push(l10n.msg('configBadClinicUrl', { value: clinicUrl }));
  if (joinTarget && !isJoinTarget(joinTarget)) errors.push(l10n.msg('configBadJoinTarget', { value: joinTarget }));
  return errors;
}
