// The API routes under /mock/<tenant>/api_v3. Each handler returns the value that goes into
// `{"data": ...}` or throws ApiError for the vendor's flat `{code, message}` body, with only the
// statuses the vendor lists (400, 401, 403, 404, 429, 500, 502, 503, 504): a taken slot and a
// too-large file are 400s with a message that says so.

import { randomUUID, randomBytes } from 'node:crypto';
import { ApiError } from './http.js';
import {
  ACCOUNT,
  DEMO_API_KEY,
  DEMO_API_SECRET,
  DEMO_MEMBER_ID,
  PROVIDERS,
  ROOMS,
  hostOf,
  member,
  providerProfile,
  roomRef,
} from './fixtures.js';
import { CANCELLED, allVisits, attachmentIds, getVisit, isProviderBusy, newVisitId, nowSec, renderIntake, sameType } from './state.js';
import { computeAvailability } from './availability.js';
import { sso } from './sso.js';

const MAX_UPLOAD = 10 * 1024 * 1024;
const MAX_RANGE = 92 * 86400;

/** Vendor ids look like Mongo ObjectId-derived UUIDs; any UUID shape is fine for a client. */
const newId = () => randomUUID();

/**
 * @typedef {object} Req
 * @property {any} ctx
 * @property {ReturnType<typeof import('./state.js').createTenant>} tenant
 * @property {string} tenantName
 * @property {Record<string, string>} params
 * @property {Record<string, any>} query
 * @property {Record<string, any>} body
 */

/** @param {unknown} v @param {string} name */
function requireParam(v, name) {
  if (v === undefined || v === null || String(v).trim() === '') throw new ApiError(400, `Missing required parameter: ${name}.`);
  return String(v).trim();
}

/** Unix seconds from a query/body value, or throw 400. */
function unixParam(v, name) {
  const s = requireParam(v, name);
  if (!/^\d{1,12}$/.test(s)) throw new ApiError(400, `Invalid ${name}: expected Unix seconds.`);
  return Number(s);
}

function findRoom(code) {
  const room = ROOMS[/** @type {keyof typeof ROOMS} */ (String(code))];
  return room && Object.prototype.hasOwnProperty.call(ROOMS, String(code)) ? room : null;
}

function findConsultation(room, id) {
  return room?.consultations.find((c) => c.id === String(id)) || null;
}

function findIntake(tenant, id, { required = false } = {}) {
  if (id === undefined || id === null || id === '') {
    if (required) throw new ApiError(400, 'Missing required parameter: intake_id.');
    return null;
  }
  const intake = tenant.state.intakes.get(String(id));
  if (!intake) throw new ApiError(404, 'Intake not found.');
  return intake;
}

function visitOr404(tenant, id) {
  const v = getVisit(tenant, requireParam(id, 'id'));
  if (!v) throw new ApiError(404, 'Visit not found.');
  return v;
}

// ---- users & rooms -------------------------------------------------------------------------

function getRoom({ tenant, params }) {
  const room = findRoom(params.code);
  if (!room) throw new ApiError(404, 'Room not found.');
  const { config } = tenant;
  return {
    id: room.id,
    code: room.code,
    name: room.name,
    slug: room.slug,
    domain: room.domain,
    specialties: structuredClone(room.specialties),
    payment: { currency: 'USD', consultations: structuredClone(room.consultations) },
    visits: { walkin: { enabled: true }, appointment: { enabled: true } },
    // Open rooms say `false`, closed ones the PHP-ish "1": both readings occur in the wild.
    operation_settings: {
      is_closed: config.roomClosed ? '1' : false,
      close_msg: config.closeMsg,
      default_timezone: room.timezone,
    },
  };
}

// ---- files & intakes -----------------------------------------------------------------------

async function uploadFile({ tenant, body }) {
  const file = body.file;
  if (!file || typeof file === 'string') throw new ApiError(400, 'Missing required parameter: file.');
  if (file.size > MAX_UPLOAD) throw new ApiError(400, 'File is too large (at most 10 MB).');
  const category = body.meta?.category ?? body['meta.category'] ?? body.meta_category;
  if (category !== undefined && category !== 'intake_attachment') {
    throw new ApiError(400, `Unsupported file category: ${category}.`);
  }
  const id = newId();
  const name = file.name || 'upload';
  const ext = (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] || '').toLowerCase();
  const now = new Date();
  const sec = Math.floor(now.getTime() / 1000);
  const ymd = now.toISOString().slice(0, 10).replace(/-/g, '/');
  const meta = {
    _id: id,
    name,
    path: `files/${ymd}/${id}${ext ? `.${ext}` : ''}`,
    size: file.size,
    ext,
    type: 0,
    creator_id: DEMO_MEMBER_ID,
    remark: null,
    using: 1,
    modified: { sec, usec: (now.getTime() % 1000) * 1000 },
    created: { sec, usec: (now.getTime() % 1000) * 1000 },
  };
  tenant.state.files.set(id, { meta, bytes: new Uint8Array(await file.arrayBuffer()), mime: file.type || 'application/octet-stream' });
  return { id, name, size: file.size, ext };
}

/** Copies the sent fields onto an intake; custom fields are kept as sent, whatever their name. */
function applyIntakeFields(tenant, intake, body) {
  for (const [key, value] of Object.entries(body)) {
    if (typeof File !== 'undefined' && value instanceof File) continue;
    if (key === 'id' || key === 'created' || key === 'modified') continue;
    if (key === 'attachments') {
      const ids = attachmentIds(value);
      if (!ids) throw new ApiError(400, 'Invalid attachments: expected ids, {id} objects or a comma-separated string.');
      const unknown = ids.find((id) => !tenant.state.files.has(id));
      if (unknown) throw new ApiError(400, `Unknown attachment: ${unknown}.`);
      intake.attachments = ids;
    } else if (key === 'type') {
      // The sample stores and returns the intake type as a string ("1").
      intake.type = String(value);
    } else if (key === 'consultation') {
      const sent = typeof value === 'string' ? { id: value } : value;
      if (!sent || typeof sent !== 'object') throw new ApiError(400, 'Invalid consultation.');
      const known = findConsultation(findRoom(body.room_code ?? intake.room_code), sent.id);
      intake.consultation = { ...(known ? structuredClone(known) : {}), currency: 'USD', ...sent };
    } else {
      intake[key] = value;
    }
  }
}

// The documentation calls `room_code` required, yet its own sample (`-d "provider=541&…"`) sends
// none and gets an intake: accept it, as the sample shows.
function createIntake({ tenant, body }) {
  const now = nowSec();
  const intake = { id: newId(), member_id: DEMO_MEMBER_ID, attachments: [], created: now, modified: now };
  applyIntakeFields(tenant, intake, body);
  tenant.state.intakes.set(intake.id, intake);
  // As the create samples answer: the id and the custom fields sent, none of the intake's own.
  return Object.fromEntries(Object.entries(intake).filter(([key]) => key === 'id' || !OWN_INTAKE_FIELDS.has(key)));
}

/** An intake's documented fields (and what the mock keeps beside them); any other name is a custom field. */
const OWN_INTAKE_FIELDS = new Set([
  'provider',
  'provider_id',
  'reason_for_visit',
  'reset',
  'type',
  'member_id',
  'room_code',
  'attachments',
  'location',
  'phone',
  'consultation',
  'created',
  'modified',
  'visit_id',
]);

function updateIntake({ tenant, params, body }) {
  const intake = findIntake(tenant, params.id);
  const draft = structuredClone(intake);
  applyIntakeFields(tenant, draft, body);
  draft.modified = nowSec();
  tenant.state.intakes.set(intake.id, draft);
  // The update sample answers with an id only.
  return { id: intake.id };
}

const readIntake = ({ tenant, params }) => renderIntake(tenant, findIntake(tenant, params.id));

// ---- visits --------------------------------------------------------------------------------

/** Fields of the list endpoint: scalars plus the few nested objects the list sample carries. */
const LIST_OBJECTS = new Set(['provider', 'member', 'payment', 'postvisit']);

function listItem(v) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === null || typeof val !== 'object' || (LIST_OBJECTS.has(k) && val)) out[k] = structuredClone(val);
  }
  // The list sample names no intake (no `intake_id`, no nested `intake`): a client must open the visit.
  delete out.intake_id;
  // Every item of the list sample repeats its id as `_id`.
  out._id ??= String(v.id);
  return out;
}

function listVisits({ tenant }) {
  return allVisits(tenant)
    .filter((v) => String(v.member_id) === DEMO_MEMBER_ID)
    .sort((a, b) => Number(b.start) - Number(a.start))
    .map(listItem);
}

const readVisit = ({ tenant, params }) => structuredClone(visitOr404(tenant, params.id));

/**
 * A visit as the add_walkin and current-visit samples show it: its intake only nested
 * (`intake.id`), without the top-level `intake_id` that a visit's own page (`GET /visits/:id`) has.
 */
function withNestedIntakeOnly(visit) {
  const out = structuredClone(visit);
  delete out.intake_id;
  return out;
}

/**
 * As documented: the patient's latest visit that has begun, whatever became of it. The sample
 * answer is a cancelled visit (status 40) with an `actual_end`, so a client must look at the
 * status; a walk-in waiting or in progress comes first.
 */
function currentVisit({ tenant }) {
  const mine = allVisits(tenant).filter((x) => String(x.member_id) === DEMO_MEMBER_ID);
  const waiting = mine
    .filter((x) => Number(x.type) === 1 && [10, 25].includes(Number(x.status)))
    .sort((a, b) => Number(b.created) - Number(a.created))[0];
  if (waiting) return withNestedIntakeOnly(waiting);
  const latest = mine.filter((x) => Number(x.start) <= nowSec()).sort((a, b) => Number(b.start) - Number(a.start))[0];
  return latest ? withNestedIntakeOnly(latest) : null;
}

function paymentFor(intake) {
  const c = intake?.consultation;
  if (!c) return { duration: 15, amount: '0.00', description: 'VClinic Config Level One-time charge', id: null };
  return { duration: Math.round(Number(c.duration) / 60) || null, amount: c.amount, description: c.description, id: c.id };
}

/** The intake as embedded in a visit (no file expansion; `visit_id` back-reference). */
function embeddedIntake(intake, visitId) {
  if (!intake) return null;
  intake.visit_id = visitId;
  const { attachments, ...rest } = intake;
  return { ...structuredClone(rest), attachments: (attachments || []).join(',') };
}

/** Which provider gets a new appointment when the client did not pick one. */
function pickProvider(tenant, room, start, end) {
  return (room?.providers || Object.keys(PROVIDERS)).find((p) => !isProviderBusy(tenant, p, start, end)) || null;
}

function slotParams(tenant, body, existing = null) {
  const start = body.slot_start !== undefined ? unixParam(body.slot_start, 'slot_start') : Number(existing?.start);
  const end = body.slot_end !== undefined ? unixParam(body.slot_end, 'slot_end') : Number(existing?.end);
  if (!start) requireParam(undefined, 'slot_start');
  if (!end) requireParam(undefined, 'slot_end');
  if (end <= start) throw new ApiError(400, 'slot_end must be after slot_start.');
  return { start, end };
}

const TAKEN = 'This time slot is no longer available.';

function checkProvider(providerId) {
  if (!PROVIDERS[/** @type {keyof typeof PROVIDERS} */ (String(providerId))]) throw new ApiError(400, `Unknown provider: ${providerId}.`);
}

function createAppointment({ tenant, body }) {
  const intake = findIntake(tenant, body.intake_id ?? body.intakeId);
  const { start, end } = slotParams(tenant, body);
  const room = findRoom(body.room_code ?? intake?.room_code ?? 'ceproom1');
  let providerId =
    body.provider_id !== undefined && String(body.provider_id) !== '0' && body.provider_id !== '' ? String(body.provider_id) : null;
  if (providerId) {
    checkProvider(providerId);
    if (isProviderBusy(tenant, providerId, start, end)) throw new ApiError(400, TAKEN);
  } else {
    providerId = pickProvider(tenant, room, start, end);
    if (!providerId) throw new ApiError(400, TAKEN);
  }
  const id = newVisitId(tenant.state);
  const now = nowSec();
  const consultation = intake?.consultation;
  /** @type {Record<string, any>} */
  const visit = {
    member_id: /^\d+$/.test(String(body.member_id ?? '')) ? Number(body.member_id) : Number(DEMO_MEMBER_ID),
    provider_id: Number(providerId),
    account_code: 'vclinic',
    code: randomBytes(14).toString('hex'),
    start,
    end,
    actual_start: null,
    actual_end: null,
    specialty_id: null,
    state: intake?.location ?? null,
    type: 2,
    status: 20,
    completed_by: null,
    room_id: room ? Number(room.id) : null,
    room_code: room?.code ?? null,
    modified: now,
    created: now,
    provider: providerProfile(providerId),
    member: member(),
    subType: 3,
    host_ids: [providerId],
    hosts: [hostOf(providerId)],
    pending_actions: [],
    is_test: false,
    meeting: {
      recording_auto_start: false,
      phone_numbers: { US: ['+1.650.758.0255'] },
      hosts: [providerProfile(providerId)?.email],
      expiry: end + 4 * 3600,
      conference_pin: 100000 + (Number(id) % 900000),
      meeting_id: `${Date.now()}_${randomUUID()}__jitsi`,
    },
    one_time_link_token: randomBytes(5).toString('hex'),
    notify_list: [],
    payment: paymentFor(intake),
    invoice_id: newId(),
    intake_id: intake?.id ?? null,
    // A visit booked from scratch follows no walk-in (the sample's did).
    related_walkin_id: null,
    related_walkin: null,
    call_logs: null,
    incharge: false,
    intake: embeddedIntake(intake, id),
    postvisit: { member_id: DEMO_MEMBER_ID, class_id: null, visit_id: id, modified: now, created: now, id: newId() },
    isEditExpired: false,
    room: room ? roomRef(room.code) : null,
    account: structuredClone(ACCOUNT),
    prescriptionsBeforeVisit: [],
    prescriptions: [],
    root_visit: { id, group_chat_id: null, participants: null },
    id,
    subtype: 3,
  };
  if (consultation && (consultation.group === true || consultation.group === 'true' || consultation.group === '1')) {
    visit.visit_group_id = newId();
  }
  tenant.state.visits.set(id, visit);
  return structuredClone(visit);
}

function updateAppointment({ tenant, params, body }) {
  const visit = visitOr404(tenant, params.id);
  const { start, end } = slotParams(tenant, body, visit);
  let providerId = body.provider_id !== undefined ? String(body.provider_id) : visit.provider_id === null ? '0' : String(visit.provider_id);
  if (providerId === '') providerId = '0';
  if (providerId !== '0') {
    checkProvider(providerId);
    if (isProviderBusy(tenant, providerId, start, end, visit.id)) throw new ApiError(400, TAKEN);
  }
  visit.start = sameType(visit.start, start);
  visit.end = sameType(visit.end, end);
  visit.provider_id = providerId === '0' ? sameType(visit.provider_id ?? 0, 0) : sameType(visit.provider_id ?? 0, Number(providerId));
  visit.provider = providerId === '0' ? null : providerProfile(providerId);
  if ('hosts' in visit) visit.hosts = providerId === '0' ? [] : [hostOf(providerId)];
  if ('host_ids' in visit) visit.host_ids = providerId === '0' ? [] : [providerId];
  if (body.intake_id ?? body.intakeId) {
    const intake = findIntake(tenant, body.intake_id ?? body.intakeId);
    visit.intake_id = intake.id;
    visit.intake = embeddedIntake(intake, String(visit.id));
  }
  visit.modified = nowSec();
  return structuredClone(visit);
}

function addWalkin({ tenant, body }) {
  const intake = findIntake(tenant, body.intake_id, { required: true });
  const roomCode = requireParam(body.room_code, 'room_code');
  const room = findRoom(roomCode);
  if (!room) throw new ApiError(404, 'Room not found.');
  if (tenant.config.roomClosed) throw new ApiError(403, String(tenant.config.closeMsg));
  const providerId = body.provider_id && PROVIDERS[body.provider_id] ? String(body.provider_id) : room.providers[0];
  const id = newVisitId(tenant.state);
  const now = nowSec();
  // Shaped like the add_walkin sample: nearly everything a string.
  const visit = {
    id,
    member_id: String(body.user_code || DEMO_MEMBER_ID),
    provider_id: providerId,
    account_code: null,
    code: randomBytes(16).toString('hex'),
    start: String(now),
    end: String(now + 900),
    actual_start: null,
    actual_end: null,
    specialty_id: null,
    state: null,
    type: '1',
    status: '10',
    completed_by: null,
    created: now,
    modified: now,
    room_id: null,
    room_code: room.code,
    _id: id,
    payment: paymentFor(intake),
    intake: { provider: providerId, ...embeddedIntake(intake, id), type: '1', modified: now },
    intake_id: intake.id,
    provider: providerProfile(providerId),
    member: member(),
  };
  tenant.state.visits.set(id, visit);
  tenant.state.walkins.set(id, Date.now());
  return withNestedIntakeOnly(visit);
}

function addEconsult({ tenant, body }) {
  const intake = findIntake(tenant, body.intake_id, { required: true });
  const roomCode = requireParam(body.room_code, 'room_code');
  const room = findRoom(roomCode);
  if (!room) throw new ApiError(404, 'Room not found.');
  const id = newVisitId(tenant.state);
  const now = nowSec();
  const invoiceId = newId();
  const m = member();
  const visit = {
    incharge: false,
    isEditExpired: false,
    id,
    member_id: Number(DEMO_MEMBER_ID),
    provider_id: 0,
    account_code: 'vclinic',
    code: randomBytes(16).toString('hex'),
    start: now,
    end: now + 900,
    actual_start: null,
    actual_end: null,
    specialty_id: null,
    state: intake.location ?? '--',
    type: 3,
    status: 20,
    completed_by: null,
    room_id: Number(room.id),
    room_code: room.code,
    member: {
      id: m.id,
      code: m.code,
      type: '200',
      subtype: '',
      first_name: m.first_name,
      last_name: m.last_name,
      full_name: `${m.first_name} ${m.last_name}`,
      active: true,
      vseeid: m.vseeid,
    },
    provider: null,
    pending_actions: [],
    invoice: {
      user_id: m.id,
      status: 10,
      currency: 'USD',
      livemode: false,
      amount_due: 0,
      visit_id: id,
      modified: now,
      created: now,
      id: invoiceId,
    },
    creator: {
      id: m.id,
      user_id: m.id,
      code: m.code,
      vseeid: m.vseeid,
      type: 200,
      subtype: '',
      first_name: m.first_name,
      last_name: m.last_name,
      account_code: 'vclinic',
    },
    invoice_id: invoiceId,
    intake_id: intake.id,
    postvisit: { member_id: m.id, class_id: null, visit_id: id, modified: now, created: now },
    account: { domain: null, code: 'vclinic', name: 'VClinic' },
    room: { id: room.id, code: room.code, name: room.name },
    intake: { ...embeddedIntake(intake, id), invoice_id: invoiceId },
    payment: paymentFor(intake),
    subtype: 4,
    expiry: now + 15300,
  };
  tenant.state.visits.set(id, visit);
  return structuredClone(visit);
}

/** Closing reasons and the status each leaves the visit in. */
const CLOSE_REASONS = {
  patient_end_call: 30,
  call_ended: 30,
  patient_exit_room: 40,
  patient_cancel_appointment: 40,
  max_waiting_time_reached: 40,
};

function endVisit(visit, status) {
  visit.status = sameType(visit.status, status);
  visit.actual_end = sameType(visit.actual_start ?? visit.start, nowSec());
  visit.completed_by = sameType(visit.member_id, Number(DEMO_MEMBER_ID));
  visit.modified = nowSec();
}

// The documentation's sample closes a visit with its `id` alone (`-F "id=14"`): without a reason, a
// visit that had started is completed and any other is cancelled.
function closeVisit({ tenant, body }) {
  const id = requireParam(body.id, 'id');
  const reason = body.reason === undefined || body.reason === '' ? undefined : String(body.reason);
  if (reason !== undefined && !Object.hasOwn(CLOSE_REASONS, reason)) {
    throw new ApiError(400, `Invalid reason. Expected one of: ${Object.keys(CLOSE_REASONS).join(', ')}.`);
  }
  const visit = visitOr404(tenant, id);
  const started = visit.actual_start !== null && visit.actual_start !== undefined && visit.actual_start !== '';
  endVisit(visit, reason ? CLOSE_REASONS[/** @type {keyof typeof CLOSE_REASONS} */ (reason)] : started ? 30 : CANCELLED);
  return { id: String(visit.id) };
}

function deleteVisit({ tenant, body }) {
  const visit = visitOr404(tenant, body.id);
  endVisit(visit, CANCELLED);
  return { id: String(visit.id) };
}

function visitSummary({ ctx, tenant, tenantName, params }) {
  const visit = visitOr404(tenant, params.id);
  return { url: `${ctx.origin}/mock/${tenantName}/files/visit-summary-${visit.id}.pdf` };
}

// ---- availability --------------------------------------------------------------------------

function availability({ tenant, query }) {
  const start = unixParam(query.start, 'start');
  const end = unixParam(query.end, 'end');
  if (end <= start) throw new ApiError(400, 'end must be after start.');
  if (end - start > MAX_RANGE) throw new ApiError(400, 'The requested range is too long (max 92 days).');
  const intake = query.intake_id ? findIntake(tenant, query.intake_id) : null;
  // "If not given, will try to fall back to Intake.room": with neither there is no room to look in
  // (a page without room-code must hear so, not see another clinic's times).
  const roomCode = query.room_code || intake?.room_code;
  if (!roomCode) throw new ApiError(400, 'Missing required parameter: room_code.');
  const room = findRoom(roomCode);
  if (!room) throw new ApiError(404, 'Room not found.');
  let duration = 900;
  if (query.consultation_id) {
    const c = findConsultation(room, query.consultation_id);
    if (!c) throw new ApiError(400, `Unknown consultation_id: ${query.consultation_id}.`);
    duration = Number(c.duration);
  } else if (query.duration !== undefined && query.duration !== '') {
    if (!/^\d+$/.test(String(query.duration)) || Number(query.duration) < 60 || Number(query.duration) > 86400) {
      throw new ApiError(400, 'Invalid duration: expected seconds between 60 and 86400.');
    }
    duration = Number(query.duration);
  }
  let ids = room.providers;
  if (query.provider_id) ids = ids.filter((p) => p === String(query.provider_id));
  const providers = ids.map((id) => {
    const p = PROVIDERS[/** @type {keyof typeof PROVIDERS} */ (id)];
    return { id, timeZone: p.timezone, schedule: p.schedule };
  });
  return computeAvailability({
    start,
    end,
    duration,
    now: nowSec(),
    providers,
    alwaysAvailable: Boolean(tenant.config.alwaysAvailable),
    isBusy: (p, s, e) => isProviderBusy(tenant, p, s, e),
  });
}

// ---- router --------------------------------------------------------------------------------

/**
 * auth: 'token' (X-ApiToken), 'none' (account code only), 'key' (API key/secret checked by the
 * handler), 'token-or-key' (either a token or the beta key/secret pair).
 * @type {Array<[string, RegExp, (req: Req) => any, 'token' | 'none' | 'key' | 'token-or-key']>}
 */
const ROUTES = [
  ['POST', /^\/users\/sso$/, sso, 'key'],
  ['GET', /^\/rooms\/(?<code>[^/]+)$/, getRoom, 'none'],
  ['POST', /^\/files$/, uploadFile, 'token'],
  ['POST', /^\/intakes$/, createIntake, 'token'],
  ['GET', /^\/intakes\/(?<id>[^/]+)$/, readIntake, 'token'],
  ['POST', /^\/intakes\/(?<id>[^/]+)$/, updateIntake, 'token'],
  ['GET', /^\/availability$/, availability, 'token-or-key'],
  ['GET', /^\/visits$/, listVisits, 'token'],
  ['GET', /^\/visits\/current$/, currentVisit, 'token'],
  ['POST', /^\/visits\/add_walkin$/, addWalkin, 'token'],
  ['POST', /^\/visits\/add_econsult$/, addEconsult, 'token'],
  ['POST', /^\/visits\/close$/, closeVisit, 'token'],
  ['POST', /^\/visits\/delete$/, deleteVisit, 'token'],
  ['POST', /^\/(?:visits|appointments)$/, createAppointment, 'token'],
  ['GET', /^\/visits\/(?<id>[^/]+)\/exports\/visit_summary$/, visitSummary, 'token'],
  ['GET', /^\/visits\/(?<id>[^/]+)$/, readVisit, 'token'],
  ['POST', /^\/visits\/(?<id>[^/]+)$/, updateAppointment, 'token'],
];

/** @param {string} method @param {string} path API path without `/api_v3` and `.json` */
export function matchRoute(method, path) {
  for (const [m, re, handler, auth] of ROUTES) {
    if (m !== method) continue;
    const match = re.exec(path);
    if (match) return { handler, auth, params: { ...(match.groups || {}) } };
  }
  return null;
}

/** @param {any} ctx @param {Record<string, any>} config */
export function checkAuth(ctx, config, auth) {
  if (ctx.get('x-accountcode') !== 'vclinic') throw new ApiError(401, 'Invalid account code');
  if (auth === 'none' || auth === 'key') return;
  const token = ctx.get('x-apitoken');
  if (token && config.validTokens.includes(token)) return;
  if (auth === 'token-or-key' && ctx.get('x-apikey') === DEMO_API_KEY && ctx.get('x-apisecret') === DEMO_API_SECRET) return;
  throw new ApiError(401, 'Invalid or expired token');
}
