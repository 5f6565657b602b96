/**
 * Small named validators for the intake's own fields. Each returns a message key of the
 * intake-form table (see src/i18n/intake-form.ts), or null when the value is fine.
 */
import { isUsStateCode } from './us-states.js';

export const REASON_MAX_LENGTH = 1000;
export const DEFAULT_ACCEPT = 'image/*,application/pdf,.pdf';
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * A US phone number as the API wants it: 10 digits. Accepts the ways people write one —
 * `(712) 345-6789`, `712.345.6789`, `+1 712 345 6789`, `1-712-345-6789` — and nothing with
 * letters or a wrong digit count. North American numbers never start an area code or an
 * exchange with 0 or 1.
 */
export function normalizePhone(raw: string): string | null {
  const v = raw.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(v)) return null;
  let digits = v.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  else if (v.startsWith('+')) return null; // a country code other than +1
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits) ? digits : null;
}

export type ReasonError = 'errReasonRequired' | 'errReasonTooLong';
export function validateReason(value: string, max = REASON_MAX_LENGTH): ReasonError | null {
  if (!value.trim()) return 'errReasonRequired';
  if (value.length > max) return 'errReasonTooLong';
  return null;
}

export function validatePhone(value: string): 'errPhoneInvalid' | null {
  if (!value.trim()) return null;
  return normalizePhone(value) ? null : 'errPhoneInvalid';
}

export function validateState(value: string): 'errStateInvalid' | null {
  if (!value) return null;
  return isUsStateCode(value) ? null : 'errStateInvalid';
}

/** Does a file match an `accept` list (`.pdf`, `image/*`, `application/pdf`)? An empty list accepts all. */
export function fileAccepted(file: { name: string; type: string }, accept: string): boolean {
  const tokens = accept
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (!tokens.length) return true;
  const name = file.name.toLowerCase();
  const type = (file.type || '').toLowerCase();
  return tokens.some((t) => {
    if (t.startsWith('.')) return name.endsWith(t);
    if (t.endsWith('/*')) return type.startsWith(t.slice(0, -1));
    return type === t;
  });
}

/** Bytes in words: "850 KB", "10 MB". */
export function formatBytes(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const units: Array<[number, string]> = [
    [1024 * 1024 * 1024, 'gigabyte'],
    [1024 * 1024, 'megabyte'],
    [1024, 'kilobyte'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
}
