// The demo's own "clinic server" token route, `POST /demo/token[?tenant=x]`: the pattern the README
// asks of a clinic, run by the project's own handler (src/server, `vsee-clinic-elements/server`).
// The demo page asks it through `tokenProvider`, so no token is written in the demo's markup.
// The demo has no sign-in: its one patient is always "signed in".
import { loadServerModule } from './server-module.mjs';

const ROUTE = '/demo/token';
const TENANT = /^[A-Za-z0-9_-]{1,64}$/;
const DEMO_PATIENT = { id: 'demo-patient-575', firstName: 'Keven2', lastName: 'Teodoro2', email: 'keven2@example.test' };

/** Koa request → standard Request (the handler's own URL, so its same-origin check sees the page's). */
function toRequest(ctx) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(ctx.headers)) if (typeof v === 'string') headers.set(k, v);
  // The body carries the page's `{ "purpose": … }` (join, refresh): passed on as the README's adapters do.
  return new Request(`${ctx.protocol}://${ctx.host}${ctx.url}`, {
    method: ctx.method,
    headers,
    ...(ctx.method === 'POST' && { body: ctx.req, duplex: 'half' }),
  });
}

/**
 * @param {{ apiBase?: string, accountCode?: string, apiKey?: string, apiSecret?: string }} [options]
 *   defaults: this server's own mock API (per `?tenant=`), account `vclinic`, the mock's demo key
 *   and secret; `VSEE_ACCOUNT_CODE`, `VSEE_API_KEY`, `VSEE_API_SECRET` override them.
 */
export function demoTokenMiddleware(options = {}) {
  let serverModule;
  /** One handler (and so one token cache) per mock tenant. */
  const handlers = new Map();

  return async function demoToken(ctx, next) {
    if (ctx.path !== ROUTE) return next();
    const tenant = ctx.query.tenant || 'demo';
    if (typeof tenant !== 'string' || !TENANT.test(tenant)) {
      ctx.status = 400;
      ctx.body = { error: { code: 'bad_tenant', message: 'Unknown demo tenant.' } };
      return;
    }
    serverModule ??= loadServerModule();
    const { createTokenHandler } = await serverModule;
    let handler = handlers.get(tenant);
    if (!handler) {
      // The server calls its own mock over loopback, at the address this request arrived on.
      const { localAddress, localPort } = ctx.req.socket;
      const host = localAddress.includes(':') ? `[${localAddress}]` : localAddress;
      handler = createTokenHandler({
        apiBase: options.apiBase || `http://${host}:${localPort}/mock/${tenant}/api_v3`,
        accountCode: options.accountCode || process.env.VSEE_ACCOUNT_CODE || 'vclinic',
        apiKey: options.apiKey || process.env.VSEE_API_KEY || 'demo-api-key',
        apiSecret: options.apiSecret || process.env.VSEE_API_SECRET || 'demo-api-secret',
        patient: () => DEMO_PATIENT,
      });
      handlers.set(tenant, handler);
    }
    const res = await handler(toRequest(ctx));
    ctx.status = res.status;
    for (const [k, v] of res.headers) ctx.set(k, v);
    ctx.body = await res.text();
  };
}
