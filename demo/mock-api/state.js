// One tenant's in-memory world: visits, intakes and uploaded files, seeded from fixtures.js.
// Stored visits keep whatever typing they were created with (strings or numbers); helpers
// here compare through Number()/String() so the quirk never leaks into the logic.

import { seedFiles, seedIntakes, seedVisits, generatedVisit } from './fixtures.js';

export const DEFAULT_CONFIG = Object.freeze({
  walkinReadyAfterMs: 8000,
  alwaysAvailable: false,
  roomClosed: false,
  closeMsg: 'The clinic is closed right now. Please come back during office hours.',
  validTokens: ['demo-patient-token'],
});

export const CANCELLED = 40;

export const nowSec = () => Math.floor(Date.now() / 1000);

/** Writes `n` with the same type the field had before ("20" stays a string, 20 a number). */
export const sameType = (previous, n) => (typeof previous === 'string' ? String(n) : n);

/** @param {Record<string, any>} [overrides] */
export function createTenant(overrides = {}) {
  const tenant = {
    config: { ...DEFAULT_CONFIG, ...overrides },
    state: createState(),
    /** @type {Array<Record<string, any>>} */
    faults: [],
    /** @type {Array<Record<string, any>>} */
    log: [],
  };
  return tenant;
}

export function createState() {
  const now = nowSec();
  const state = {
    /** @type {Map<string, Record<string, any>>} */
    visits: new Map(),
    /** Walk-in id → creation time in ms; the waiting → in-progress change is computed on read. */
    walkins: new Map(),
    /** @type {Map<string, Record<string, any>>} */
    intakes: new Map(),
    /** @type {Map<string, {meta: Record<string, any>, bytes: Uint8Array | null, mime: string}>} */
    files: new Map(),
    nextVisitId: 18500001,
    generatedCount: 0,
  };
  for (const v of seedVisits(now)) state.visits.set(String(v.id), v);
  for (const i of seedIntakes(now)) state.intakes.set(i.id, i);
  for (const f of seedFiles(now)) state.files.set(f._id, { meta: f, bytes: null, mime: 'image/png' });
  return state;
}

/** @param {ReturnType<typeof createState>} state */
export function newVisitId(state) {
  return String(state.nextVisitId++);
}

/** @param {ReturnType<typeof createState>} state @param {number} n */
export function addGeneratedVisits(state, n) {
  const now = nowSec();
  for (let i = 0; i < n; i++) {
    const index = state.generatedCount++;
    const id = String(9000000 + index);
    state.visits.set(id, generatedVisit(index, now, id));
  }
}

/**
 * Applies time-driven changes before a visit is read: a waiting walk-in is picked up by a
 * provider `walkinReadyAfterMs` after it was created.
 * @param {ReturnType<typeof createTenant>} tenant
 * @param {Record<string, any>} visit
 */
export function refreshVisit(tenant, visit) {
  const createdMs = tenant.state.walkins.get(String(visit.id));
  if (createdMs === undefined || Number(visit.status) !== 10) return visit;
  const readyAt = createdMs + Number(tenant.config.walkinReadyAfterMs);
  if (Date.now() >= readyAt) {
    visit.status = sameType(visit.status, 25);
    visit.actual_start = String(Math.floor(readyAt / 1000));
    visit.modified = Math.floor(readyAt / 1000);
  }
  return visit;
}

/** @param {ReturnType<typeof createTenant>} tenant @param {string} id */
export function getVisit(tenant, id) {
  const v = tenant.state.visits.get(String(id));
  return v ? refreshVisit(tenant, v) : undefined;
}

/** @param {ReturnType<typeof createTenant>} tenant */
export function allVisits(tenant) {
  return [...tenant.state.visits.values()].map((v) => refreshVisit(tenant, v));
}

/**
 * Does the provider have a non-cancelled visit overlapping [start, end)?
 * @param {ReturnType<typeof createTenant>} tenant
 */
export function isProviderBusy(tenant, providerId, start, end, excludeId = null) {
  for (const v of allVisits(tenant)) {
    if (String(v.provider_id) !== String(providerId)) continue;
    if (excludeId !== null && String(v.id) === String(excludeId)) continue;
    if (Number(v.status) === CANCELLED) continue;
    if (Number(v.start) < end && Number(v.end) > start) return true;
  }
  return false;
}

/**
 * Attachments arrive as ids, `{id}` objects, or one comma-separated string; store ids.
 * @returns {string[] | null} null when the value is not any of the three forms
 */
export function attachmentIds(value) {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const list = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : null;
  if (!list) return null;
  const ids = [];
  for (const item of list) {
    if (typeof item === 'string' || typeof item === 'number') ids.push(String(item));
    else if (item && typeof item === 'object' && (item.id || item._id)) ids.push(String(item.id || item._id));
    else return null;
  }
  return ids;
}

/** The intake as GET /intakes/:id shows it: attachments expanded into file objects. */
export function renderIntake(tenant, intake) {
  const out = structuredClone(intake);
  out.attachments = (intake.attachments || []).map((id) => {
    const f = tenant.state.files.get(id);
    return f ? structuredClone(f.meta) : { _id: id };
  });
  return out;
}
