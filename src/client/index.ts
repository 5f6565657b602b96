export { VseeClient } from './vsee-client.js';
export type { VseeClientOptions, RetryOptions, TokenRequest, VseeClientChangeDetail } from './vsee-client.js';
export { VseeApiError } from './errors.js';
export { isVisitInProgress } from './shapes.js';
export type { VseeErrorCode } from './errors.js';
export * from './types.js';
