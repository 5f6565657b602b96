import { expect } from '@open-wc/testing';
import { VseeApiError } from '../../src/client.js';

/** Awaits a call that must fail, and returns its `VseeApiError` (anything else fails the test). */
export async function failure(p: Promise<unknown>): Promise<VseeApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(VseeApiError);
    return e as VseeApiError;
  }
  throw new Error('expected the call to fail');
}
