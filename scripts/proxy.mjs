// Forwards `prefix/*` to a real VSee API base (VSEE_API_BASE), headers and body untouched.
import { Readable } from 'node:stream';

export function proxyMiddleware(prefix, base) {
  const target = base.replace(/\/+$/, '');
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix + '/') && ctx.path !== prefix) return next();
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
    });
    ctx.status = res.status;
    ctx.set('content-type', res.headers.get('content-type') || 'application/octet-stream');
    ctx.body = Buffer.from(await res.arrayBuffer());
  };
}
