// Serves the demo under a strict Content-Security-Policy at `/csp` (and `/demo/csp`), the policy
// a careful clinic site would have. The README lists the same directives.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  // lit's template policy, and the notes sanitizer's own (its DOMPurify instance uses it).
  'trusted-types lit-html vsee-clinic-elements',
].join('; ');

export function cspDemoMiddleware() {
  return async (ctx, next) => {
    if (ctx.path === '/csp' || ctx.path === '/demo/csp') {
      ctx.path = '/demo/index.html';
      await next();
      ctx.set('Content-Security-Policy', STRICT_CSP);
      return;
    }
    return next();
  };
}
