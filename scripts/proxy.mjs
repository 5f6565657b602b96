// Forwards `prefix/*` to a real VSee API base (VSEE_API_BASE), headers and body untouched. It
// answers this machine only: it would otherwise relay anyone's requests with the page's account.
import { Readable } from 'node:stream';
import { isLoopbackRequest } from './demo-server.mjs';

export function proxyMiddleware(prefix, base) {
  const target = base.replace(/\/+$/, '');
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix + '/') && ctx.path !== prefix) return next();
    if (!isLoopbackRequest(ctx)) {
      ctx.status = 403;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ code: 403, message: 'The VSEE_API_BASE proxy answers only this machine.' });
      return;
    }
    const url = target + ctx.url.slice(prefix.length);
    const headers = {};
    for (const [k, v] of Object.entries(ctx.request.headers)) {
      if (/^(x-api|x-account|content-type|accept)/i.test(k)) headers[k] = v;
    }
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const res = await fetch(url, {
      method: ctx.method,
      headers,
      body: hasBody ? Readable.toWeb(ctx.req) : undefined,
      duplex: hasBody ? 'half' : undefined,
      // Never carry the patient's X-ApiToken to wherever a redirect points; the page sees the 3xx.
      redirect: 'manual',
    });
    ctx.status = res.status;
    ctx.set('content-type', res.headers.get('content-type') || 'application/octet-stream');
    ctx.body = Buffer.from(await res.arrayBuffer());
  };
}
