import { expect } from '@open-wc/testing';
import {
  REASON_MAX_LENGTH,
  fileAccepted,
  formatBytes,
  normalizePhone,
  validatePhone,
  validateReason,
  validateState,
} from '../src/elements/intake-form/validators.js';

describe('intake validators', () => {
  it('the reason is required, and at most the maximum length', () => {
    expect(validateReason('')).to.equal('errReasonRequired');
    expect(validateReason('   \n ')).to.equal('errReasonRequired');
    expect(validateReason('Rash')).to.equal(null);
    expect(validateReason('x'.repeat(REASON_MAX_LENGTH))).to.equal(null);
    expect(validateReason('x'.repeat(REASON_MAX_LENGTH + 1))).to.equal('errReasonTooLong');
  });

  it('the phone is optional, and when given a valid US number', () => {
    expect(validatePhone('')).to.equal(null);
    expect(validatePhone('(712) 345-6789')).to.equal(null);
    expect(validatePhone('12345')).to.equal('errPhoneInvalid');
    expect(validatePhone('call me')).to.equal('errPhoneInvalid');
    expect(normalizePhone(' +1 (712) 345-6789 ')).to.equal('7123456789');
    expect(normalizePhone('112 345 6789')).to.equal(null);
  });

  it('the state is optional, and when given a US state code', () => {
    expect(validateState('')).to.equal(null);
    expect(validateState('CA')).to.equal(null);
    expect(validateState('XX')).to.equal('errStateInvalid');
  });

  it('matches files by type, wildcard and extension', () => {
    expect(fileAccepted({ name: 'scan.PDF', type: '' }, '.pdf')).to.equal(true);
    expect(fileAccepted({ name: 'a.jpg', type: 'image/jpeg' }, 'image/*')).to.equal(true);
    expect(fileAccepted({ name: 'a.txt', type: 'text/plain' }, 'image/*,.pdf')).to.equal(false);
  });

  it('writes sizes for people, in their language', () => {
    expect(formatBytes(10 * 1024 * 1024, 'en')).to.match(/10\s?MB/i);
    expect(formatBytes(2048, 'en')).to.match(/2\s?kB/i);
    expect(formatBytes(1536, 'es')).to.contain(',');
  });
});
