// Entry for `vsee-clinic-elements/server`: the token endpoint for a clinic's own server.
// No DOM and no dependency, so it is safe to import from Node, Deno, Bun or an edge function.
export { createTokenHandler, memoryTokenCache } from './server/token-handler.js';
export type { CachedToken, TokenCache, TokenHandler, TokenHandlerOptions, TokenPatient } from './server/token-handler.js';
