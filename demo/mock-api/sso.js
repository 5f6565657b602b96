// `POST /users/sso`: a clinic's server trades its API key and secret for a patient's token, as
// the vendor's User API page documents it (multipart `/users/sso.json`, `X-AccountCode`,
// `X-ApiKey`, `X-ApiSecret`; `first_name`, `last_name`, `type`, `code`, `email`, `dob`, …).
//
// Every call issues a fresh token and adds it to the tenant's accepted tokens, so the rest of the
// mock serves that patient with it. The mock keeps one patient's world per tenant (member 575's
// visits and intakes): any SSO user's token sees that world. The same `code` always maps to the
// same VSee user, as the vendor promises.

import { randomBytes } from 'node:crypto';
import { ApiError } from './http.js';
import { DEMO_API_KEY, DEMO_API_SECRET } from './fixtures.js';
import { nowSec } from './state.js';

const USER_TYPES = new Set(['200', '400', '600']);

/** @param {Record<string, any>} body @param {string} name */
function field(body, name) {
  const v = body[name];
  return v === undefined || v === null ? '' : String(v).trim();
}

/**
 * @param {{ ctx: any, tenant: any, body: Record<string, any> }} req
 */
export function sso({ ctx, tenant, body }) {
  // The vendor answers a wrong key or secret with 401 and its flat `{code, message}` body.
  if (ctx.get('x-apikey') !== DEMO_API_KEY || ctx.get('x-apisecret') !== DEMO_API_SECRET) {
    throw new ApiError(401, 'Invalid API key or secret.');
  }
  const type = field(body, 'type') || '200';
  if (!USER_TYPES.has(type)) throw new ApiError(400, `Invalid type: ${type}. Expected 200, 400 or 600.`);
  const firstName = field(body, 'first_name');
  const lastName = field(body, 'last_name');
  const code = field(body, 'code');
  if (!firstName) throw new ApiError(400, 'Missing required parameter: first_name.');
  if (!lastName) throw new ApiError(400, 'Missing required parameter: last_name.');
  if (type !== '600' && !code) throw new ApiError(400, 'Missing required parameter: code.');
  if (code.length > 128) throw new ApiError(400, 'Invalid code: at most 128 characters.');
  const dob = field(body, 'dob');
  if (dob && !/^\d{4}-\d{2}-\d{2}$/.test(dob)) throw new ApiError(400, 'Invalid dob: expected YYYY-MM-DD.');

  /** @type {Map<string, Record<string, any>>} */
  const users = (tenant.state.ssoUsers ??= new Map());
  const key = code || `guest-${randomBytes(6).toString('hex')}`;
  let user = users.get(key);
  if (!user) {
    const id = String(30000 + users.size + 1);
    user = { id, code: key, username: field(body, 'username') || `u${id}`, vseeid: `vclinic+${id}`, active: true, tos: true, subtype: '' };
    users.set(key, user);
  }
  Object.assign(user, { first_name: firstName, last_name: lastName, type, email: field(body, 'email') || null });

  const now = nowSec();
  // `ssoTokenTtl` (seconds, via /__control/config) lets a test get a token that expires soon.
  const ttl = Number(tenant.config.ssoTokenTtl) > 0 ? Number(tenant.config.ssoTokenTtl) : 86400;
  const token = `sso-${randomBytes(18).toString('hex')}`;
  // A new array: the default config's list is shared by every tenant.
  tenant.config.validTokens = [...tenant.config.validTokens, token];
  return {
    ...user,
    token: {
      user_id: user.id,
      token,
      expiry: now + ttl,
      refresh_token: { user_id: user.id, token: randomBytes(16).toString('hex'), expiry: now + 30 * 86400, created: now },
    },
  };
}
