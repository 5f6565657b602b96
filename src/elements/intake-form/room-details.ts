/** What the form shows of the room (`GET /rooms/:code`): its consultation types with their prices, and its name. */
import type { Consultation, Room, VseeRecord } from '../../client/types.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';

/** The consultations a patient may choose: with an id, and not hidden from patients. */
export function patientConsultations(room: Room | undefined): Consultation[] {
  const list = room?.payment?.consultations;
  if (!Array.isArray(list)) return [];
  return list.filter((c) => c && typeof c.id === 'string' && c.id && (c as VseeRecord).visible_to_patient !== false);
}

/** "Follow-up ($25.00)"; a missing or zero price shows the description alone, a missing description "unknown". */
export function consultationText(l10n: LocalizeController<IntakeFormKey>, room: Room | undefined, c: Consultation): string {
  const description = (typeof c.description === 'string' && c.description.trim()) || l10n.msg('unknown');
  const amount = typeof c.amount === 'number' ? c.amount : typeof c.amount === 'string' ? Number(c.amount) : NaN;
  if (!Number.isFinite(amount) || amount <= 0) return description;
  const currency = room?.payment?.currency;
  let price: string;
  try {
    const code = typeof currency === 'string' ? currency : 'USD';
    price = new Intl.NumberFormat(l10n.locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: code }).format(amount);
  } catch {
    // An unknown currency code from the API: the amount with the code as sent, not a bare number.
    price = typeof currency === 'string' && currency.trim() ? `${amount} ${currency.trim()}` : String(amount);
  }
  return l10n.msg('consultationWithPrice', { description, price });
}

/** The room's name, else its code. */
export function roomName(l10n: LocalizeController<IntakeFormKey>, room: Room | undefined, code: string | undefined): string {
  const name = room?.name;
  return (typeof name === 'string' && name.trim()) || code || l10n.msg('unknown');
}

/** "5 minutes", "less than a minute". */
export function minutesText(l10n: LocalizeController<IntakeFormKey>, minutes: number): string {
  if (minutes < 1) return l10n.msg('waitedUnderMinute');
  return new Intl.NumberFormat(l10n.locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
