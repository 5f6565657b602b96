// In-memory mock of the VSee Clinic REST API v3, as Koa-style middleware for @web/dev-server
// and @web/test-runner. Everything lives under /mock/<tenant>/:
//   api_v3/...      the API (see routes.js)
//   __control/...   test hooks: fault, reset, log, config (no auth, so loopback callers only)
//   files/...       visit summary PDFs and uploaded files (as downloads, never rendered)
// Each tenant is created lazily from the seed, so parallel test files never share state.

import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, MAX_UPLOAD_BODY, loggableBody, readBody, sendData, sendError, sendJson, setCommonHeaders } from './http.js';
import { pathMatches } from './glob.js';
import { checkAuth, matchRoute } from './routes.js';
import { addGeneratedVisits, createState, createTenant, DEFAULT_CONFIG, getVisit } from './state.js';
import { tinyPdf } from './pdf.js';

const TENANT_PATH = /^\/mock\/([A-Za-z0-9_-]+)(\/.*)?$/;
const LOGGED_HEADERS = ['x-apitoken', 'x-accountcode', 'x-apikey', 'content-type'];

/** @typedef {ReturnType<typeof createTenant>} Tenant */

/**
 * @param {Partial<typeof DEFAULT_CONFIG>} [options] defaults for every tenant's config
 * @returns {(ctx: any, next: () => Promise<any>) => Promise<any>}
 */
export function mockApiMiddleware(options = {}) {
  /** @type {Map<string, Tenant>} */
  const tenants = new Map();

  return async function mockApi(ctx, next) {
    const match = TENANT_PATH.exec(ctx.path);
    if (!match) return next();
    const name = match[1];
    const rest = match[2] || '/';
    let tenant = tenants.get(name);
    if (!tenant) tenants.set(name, (tenant = createTenant(options)));

    setCommonHeaders(ctx);
    if (ctx.method === 'OPTIONS') {
      // CORS preflight: never logged, never faulted.
      ctx.status = 204;
      return;
    }
    try {
      if (rest === '/api_v3' || rest.startsWith('/api_v3/')) {
        return await handleApi(ctx, tenant, name, rest.slice('/api_v3'.length) || '/');
      }
      if (rest.startsWith('/__control/')) {
        if (!isLoopback(ctx)) return sendError(ctx, 403, "The mock's control endpoints answer only this machine.");
        return await handleControl(ctx, tenant, rest.slice('/__control/'.length), options);
      }
      if (rest.startsWith('/files/') && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
        return serveFile(ctx, tenant, rest.slice('/files/'.length));
      }
      sendError(ctx, 404, 'Not found.');
    } catch (err) {
      if (err instanceof ApiError) return sendError(ctx, err.status, err.message);
      console.error('[mock-api]', err);
      sendError(ctx, 500, 'Internal mock error.');
    }
  };
}

/** Is the caller on this machine? The control endpoints change any tenant's state without auth. */
function isLoopback(ctx) {
  const addr = String(ctx.req.socket.remoteAddress || '');
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

/** @param {Tenant} tenant */
function takeFault(tenant, method, apiPath) {
  const i = tenant.faults.findIndex((f) => (!f.method || f.method === method) && pathMatches(f.path, apiPath));
  if (i < 0) return null;
  const fault = tenant.faults[i];
  if (--fault.remaining <= 0) tenant.faults.splice(i, 1);
  return fault;
}

/**
 * Cuts the connection so that fetch() rejects with a network error. A bare socket close is not
 * enough for browsers: Chrome silently resends a request whose reused keep-alive connection
 * closed before any byte came back, and the resend would succeed. A response head that no
 * HTTP client accepts (two different Content-Lengths) fails the request for good. `drop:
 * "socket"` closes the socket without a byte, for non-browser clients.
 */
function dropConnection(ctx, mode) {
  ctx.respond = false;
  const socket = ctx.req.socket;
  if (mode === 'socket') return socket.destroy();
  socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n', () => socket.destroy());
}

/**
 * @param {any} ctx
 * @param {Tenant} tenant
 * @param {string} tenantName
 * @param {string} rawPath path after /api_v3
 */
async function handleApi(ctx, tenant, tenantName, rawPath) {
  const method = ctx.method;
  const apiPath = rawPath.replace(/\.json$/, '') || '/';

  const now = Date.now();
  const entry = {
    method,
    path: apiPath,
    url: ctx.url,
    query: { ...ctx.query },
    headers: Object.fromEntries(LOGGED_HEADERS.map((h) => [h, ctx.get(h) || null])),
    body: null,
    /** How the body was sent: none, urlencoded, multipart, json or other. */
    encoding: 'none',
    status: 0,
    time: now,
  };
  tenant.log.push(entry);

  /** @type {Record<string, any>} */
  let body = {};
  /** @type {unknown} */
  let bodyError = null;
  try {
    const read = await readBody(ctx, apiPath === '/files' ? MAX_UPLOAD_BODY : undefined);
    body = read.body;
    entry.encoding = read.encoding;
    entry.body = loggableBody(body);
  } catch (err) {
    bodyError = err;
  }

  const fault = takeFault(tenant, method, apiPath);
  if (fault?.delayMs) await sleep(Number(fault.delayMs));
  if (fault?.drop) {
    entry.status = 0;
    entry.dropped = true;
    return dropConnection(ctx, fault.drop);
  }

  if (fault?.status) {
    ctx.status = Number(fault.status);
    if (fault.body === undefined) {
      ctx.type = fault.contentType || 'application/json';
      ctx.body = JSON.stringify({ code: ctx.status, message: `Injected fault (${ctx.status}).` });
    } else if (typeof fault.body === 'string') {
      // Sent raw so clients can be tested against HTML error pages and non-JSON bodies.
      ctx.type = fault.contentType || (fault.body.trimStart().startsWith('<') ? 'text/html' : 'text/plain');
      ctx.body = fault.body;
    } else {
      ctx.type = fault.contentType || 'application/json';
      ctx.body = JSON.stringify(fault.body);
    }
  } else {
    try {
      if (bodyError) throw bodyError;
      const route = matchRoute(method, apiPath);
      checkAuth(ctx, tenant.config, route ? route.auth : 'token');
      if (!route) throw new ApiError(404, 'Not found.');
      const data = await route.handler({ ctx, tenant, tenantName, params: route.params, query: ctx.query, body });
      sendData(ctx, data);
    } catch (err) {
      if (!(err instanceof ApiError)) {
        console.error('[mock-api]', err);
        err = new ApiError(500, 'Internal mock error.');
      }
      sendError(ctx, /** @type {ApiError} */ (err).status, /** @type {ApiError} */ (err).message);
    }
  }
  for (const [k, v] of Object.entries(fault?.headers || {})) ctx.set(k, String(v));
  entry.status = ctx.status;
}

/**
 * @param {any} ctx
 * @param {Tenant} tenant
 * @param {string} action
 * @param {Record<string, any>} options
 */
async function handleControl(ctx, tenant, action, options) {
  const body = ctx.method === 'POST' ? (await readBody(ctx)).body : {};
  const route = `${ctx.method} ${action.replace(/\/$/, '')}`;
  switch (route) {
    case 'POST fault': {
      const times = body.times === undefined ? 1 : Number(body.times);
      if (!Number.isInteger(times) || times < 1) throw new ApiError(400, '`times` must be a positive integer.');
      if (body.status !== undefined && !(Number(body.status) >= 100 && Number(body.status) <= 599)) {
        throw new ApiError(400, '`status` must be an HTTP status code.');
      }
      if (!body.status && !body.delayMs && !body.drop && !body.headers) {
        throw new ApiError(400, 'A fault needs at least one of status, delayMs, drop, headers.');
      }
      if (body.path !== undefined && (typeof body.path !== 'string' || body.path.length > 200 || body.path.split('*').length > 5)) {
        throw new ApiError(400, '`path` must be a glob ("/visits/*") or a plain string, at most 200 characters and 4 stars.');
      }
      tenant.faults.push({ ...body, method: body.method ? String(body.method).toUpperCase() : undefined, remaining: times });
      return sendJson(ctx, 200, { queued: tenant.faults.length });
    }
    case 'GET fault':
    case 'GET faults':
      return sendJson(ctx, 200, tenant.faults);
    case 'POST reset':
      tenant.state = createState();
      tenant.config = { ...DEFAULT_CONFIG, ...options };
      tenant.faults = [];
      tenant.log = [];
      return sendJson(ctx, 200, { ok: true });
    case 'GET log':
      return sendJson(ctx, 200, tenant.log);
    case 'GET config':
      return sendJson(ctx, 200, tenant.config);
    case 'POST config': {
      const { visits, ...rest } = body;
      if (rest.validTokens !== undefined && !Array.isArray(rest.validTokens)) {
        throw new ApiError(400, '`validTokens` must be an array of strings.');
      }
      Object.assign(tenant.config, rest);
      if (visits !== undefined) {
        const n = Number(visits);
        if (!Number.isInteger(n) || n < 0 || n > 5000) throw new ApiError(400, '`visits` must be an integer 0–5000.');
        addGeneratedVisits(tenant.state, n);
      }
      return sendJson(ctx, 200, tenant.config);
    }
    default:
      throw new ApiError(404, `Unknown control endpoint: ${route}.`);
  }
}

/** @param {any} ctx @param {Tenant} tenant @param {string} path */
function serveFile(ctx, tenant, path) {
  const summary = /^visit-summary-([^/]+)\.pdf$/.exec(path);
  if (summary) {
    const visit = getVisit(tenant, decodeURIComponent(summary[1]));
    if (!visit) throw new ApiError(404, 'Visit not found.');
    const when = new Date(Number(visit.start) * 1000).toUTCString();
    const p = visit.provider;
    const provider = p ? p.full_name || `${p.first_name} ${p.last_name}` : 'Unassigned';
    ctx.status = 200;
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="visit-summary-${visit.id}.pdf"`);
    ctx.body = tinyPdf([
      'VClinic - Visit summary',
      `Visit ${visit.id}`,
      `Patient: Keven2 Teodoro2`,
      `Provider: ${provider}`,
      `Start: ${when}`,
      `Diagnosis: ${visit.postvisit?.diagnosis || '-'}`,
    ]);
    return;
  }
  const wanted = `files/${path}`;
  for (const f of tenant.state.files.values()) {
    if (f.meta.path === wanted && f.bytes) {
      // An uploaded file is the uploader's content: a download, never a page on the demo's origin
      // (an uploaded HTML or SVG file would otherwise run script here).
      ctx.status = 200;
      ctx.type = 'application/octet-stream';
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${asciiName(f.meta.name)}"; filename*=UTF-8''${encodeURIComponent(f.meta.name)}`,
      );
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.body = Buffer.from(f.bytes);
      return;
    }
  }
  throw new ApiError(404, 'File not found.');
}

/** A file name safe inside a quoted header parameter. @param {string} name */
function asciiName(name) {
  return String(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
}
