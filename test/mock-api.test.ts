import { expect } from '@open-wc/testing';

// Every file uses its own tenant, so it never sees another file's bookings or faults.
const TENANT = `t-${crypto.randomUUID().slice(0, 8)}`;
const BASE = `/mock/${TENANT}/api_v3`;
const CONTROL = `/mock/${TENANT}/__control`;
const AUTH = { 'X-AccountCode': 'vclinic', 'X-ApiToken': 'demo-patient-token' };
const KEYS = { 'X-AccountCode': 'vclinic', 'X-ApiKey': 'demo-api-key', 'X-ApiSecret': 'demo-api-secret' };

// The mock's answers are read field by field, as the vendor's loose JSON comes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: Json; res: Response }> {
  const headers = new Headers(init.headers ?? AUTH);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${BASE}${path}`, { ...init, headers, body, method: init.method ?? (body ? 'POST' : 'GET') });
  const text = await res.text();
  let parsed: Json = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* raw body kept */
  }
  return { status: res.status, body: parsed, res };
}

async function control(action: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${CONTROL}/${action}`, {
    method: body === undefined && action === 'log' ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `control ${action}`).to.equal(200);
  return res.json();
}

const log = (): Promise<Json[]> => fetch(`${CONTROL}/log`).then((r) => r.json());
const nowSec = () => Math.floor(Date.now() / 1000);

async function upload(name = 'rash.png', bytes = 64, metaKey = 'meta[category]') {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
  form.append(metaKey, 'intake_attachment');
  return api('/files', { method: 'POST', body: form });
}

async function newIntake(fields: Record<string, unknown> = {}) {
  const { status, body } = await api('/intakes', { json: { room_code: 'ceproom1', type: 2, ...fields } });
  expect(status).to.equal(200);
  return body.data;
}

/** Next Monday–Friday 00:00 UTC at least two days ahead, so providers have working hours. */
function futureWeekdayUtc(): number {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime() / 1000;
}

beforeEach(async () => {
  await control('reset');
});

describe('mock API: transport and auth', () => {
  it('rejects a missing account code and a missing or wrong token with the flat error body', async () => {
    let r = await api('/visits', { headers: { 'X-ApiToken': 'demo-patient-token' } });
    expect(r.status).to.equal(401);
    expect(r.body).to.deep.equal({ code: 401, message: 'Invalid account code' });

    r = await api('/visits', { headers: { 'X-AccountCode': 'vclinic' } });
    expect(r.status).to.equal(401);
    expect(r.body).to.deep.equal({ code: 401, message: 'Invalid or expired token' });

    r = await api('/visits', { headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': 'nope' } });
    expect(r.status).to.equal(401);
    expect(r.res.headers.get('content-type')).to.contain('application/json');
    expect(r.res.headers.get('access-control-allow-origin')).to.equal('*');
  });

  it('lets rooms through with only the account code, and SSO with key and secret', async () => {
    const room = await api('/rooms/ceproom1', { headers: { 'X-AccountCode': 'vclinic' } });
    expect(room.status).to.equal(200);
    expect(room.body.data.name).to.equal('VClinic UAT Room');
    expect(room.body.data.payment.currency).to.equal('USD');
    expect(room.body.data.payment.consultations.length).to.be.greaterThan(1);
    expect(room.body.data.operation_settings.default_timezone).to.equal('America/Los_Angeles');
    expect((await api('/rooms/nope', { headers: { 'X-AccountCode': 'vclinic' } })).status).to.equal(404);

    const who = new URLSearchParams({ first_name: 'Keven2', last_name: 'Teodoro2', code: 'p-575' });
    const sso = await api('/users/sso', { method: 'POST', headers: KEYS, body: who });
    expect(sso.status).to.equal(200);
    expect(sso.body.data.token.token).to.match(/^sso-/); // more in test/server/mock-sso.test.mjs
    expect(sso.body.data.token.expiry).to.be.closeTo(nowSec() + 86400, 60);
    expect(sso.body.data.token.refresh_token.token).to.be.a('string'); // an object, as the vendor documents
    const bad = await api('/users/sso', { method: 'POST', headers: { ...KEYS, 'X-ApiSecret': 'wrong' } });
    expect(bad.status).to.equal(401);
  });

  it('honours validTokens from the config', async () => {
    await control('config', { validTokens: ['other-token'] });
    expect((await api('/visits')).status).to.equal(401);
    expect((await api('/visits', { headers: { 'X-AccountCode': 'vclinic', 'X-ApiToken': 'other-token' } })).status).to.equal(200);
  });

  it('answers CORS preflights', async () => {
    const res = await fetch(`${BASE}/intakes`, { method: 'OPTIONS' });
    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-methods')).to.contain('POST');
    expect(res.headers.get('access-control-allow-headers')).to.contain('X-ApiToken');
  });

  it('accepts the .json suffix on any path', async () => {
    const a = await api('/visits.json');
    const b = await api('/visits');
    expect(a.status).to.equal(200);
    expect(a.body.data.map((v: Json) => v.id)).to.deep.equal(b.body.data.map((v: Json) => v.id));
    expect((await api('/visits/7727.json')).body.data.id).to.equal('7727');
  });

  it('returns 404 for unknown routes and ids', async () => {
    expect((await api('/nothing-here')).status).to.equal(404);
    expect((await api('/visits/000')).body).to.deep.equal({ code: 404, message: 'Visit not found.' });
    expect((await api('/intakes/nope')).status).to.equal(404);
  });
});

describe('mock API: intakes and files', () => {
  it("creates an intake without room_code, as the documentation's own sample does", async () => {
    const r = await api('/intakes', { method: 'POST', body: new URLSearchParams('provider=541&reason_for_visit=Test&reset=true&type=1') });
    expect(r.status).to.equal(200);
    // Answered as the sample: the id only (and custom fields, when sent); the intake has the rest.
    expect(Object.keys(r.body.data)).to.deep.equal(['id']);
    expect((await api(`/intakes/${r.body.data.id}`)).body.data).to.include({ reason_for_visit: 'Test', provider: '541', type: '1' });
    const custom = await api('/intakes', { method: 'POST', body: new URLSearchParams('reason_for_visit=Rash&custom_symptoms=Red+eyes') });
    expect(custom.body.data).to.have.keys('id', 'custom_symptoms');
    const updated = await api(`/intakes/${custom.body.data.id}`, { json: { phone: '7123456789' } });
    expect(updated.body.data).to.deep.equal({ id: custom.body.data.id });
  });

  it('round-trips custom fields and the three attachment forms (JSON)', async () => {
    const a = (await upload('a.png')).body.data;
    const b = (await upload('b.pdf')).body.data;
    expect(a.id).to.be.a('string');
    expect(a).to.include({ name: 'a.png', size: 64, ext: 'png' });

    for (const attachments of [[a.id, b.id], [{ id: a.id }, { id: b.id }], `${a.id},${b.id}`]) {
      const created = await newIntake({ attachments, custom_symptoms: 'Rash, Red Eyes', custom_is_allergic: 'Yes' });
      expect(created.id).to.match(/^[0-9a-f-]{36}$/);
      expect(created.custom_symptoms).to.equal('Rash, Red Eyes');
      const { body } = await api(`/intakes/${created.id}`);
      expect(body.data.type).to.equal('2');
      expect(body.data.created).to.be.a('number');
      expect(body.data.modified).to.be.a('number');
      expect(body.data.custom_is_allergic).to.equal('Yes');
      expect(body.data.attachments.map((f: Json) => f._id)).to.deep.equal([a.id, b.id]);
      expect(body.data.attachments[0]).to.include({ name: 'a.png', ext: 'png', type: 0, creator_id: '575', using: 1 });
      expect(body.data.attachments[0].created.sec).to.be.a('number');
    }
  });

  it('parses urlencoded bodies with PHP bracket keys', async () => {
    const a = (await upload()).body.data;
    const form = new URLSearchParams({
      room_code: 'ceproom1',
      reason_for_visit: 'Itchy eyes',
      'attachments[0][id]': a.id,
      'consultation[id]': '6160a1f2-3c4d-4e5f-8a9b-0c1d64457b11',
      custom_symptoms_duration: '2 weeks',
    });
    const r = await api('/intakes.json', { method: 'POST', body: form });
    expect(r.status).to.equal(200);
    const got = (await api(`/intakes/${r.body.data.id}`)).body.data;
    expect(got.reason_for_visit).to.equal('Itchy eyes');
    expect(got.custom_symptoms_duration).to.equal('2 weeks');
    expect(got.attachments[0]._id).to.equal(a.id);
    expect(got.consultation.id).to.equal('6160a1f2-3c4d-4e5f-8a9b-0c1d64457b11');
    expect(Number(got.consultation.duration)).to.equal(1800);
  });

  it('parses multipart bodies, including attachments[] and updates', async () => {
    const a = (await upload('x.jpg', 10, 'meta.category')).body.data;
    const form = new FormData();
    form.append('room_code', 'ceproom1');
    form.append('attachments[]', a.id);
    form.append('custom_question', 'Answer 1');
    const r = await api('/intakes', { method: 'POST', body: form });
    expect(r.status).to.equal(200);
    const id = r.body.data.id;

    const update = new FormData();
    update.append('location', 'CA');
    update.append('phone', '7123456789');
    expect((await api(`/intakes/${id}`, { method: 'POST', body: update })).status).to.equal(200);
    const got = (await api(`/intakes/${id}`)).body.data;
    expect(got).to.include({ location: 'CA', phone: '7123456789', custom_question: 'Answer 1' });
    expect(got.attachments.map((f: Json) => f._id)).to.deep.equal([a.id]);
    expect((await api('/intakes/unknown-id', { json: { phone: '1' } })).status).to.equal(404);
  });

  it('rejects unknown attachment ids and files over 10 MB', async () => {
    expect((await api('/intakes', { json: { room_code: 'ceproom1', attachments: ['nope'] } })).status).to.equal(400);
    const big = await upload('big.png', 10 * 1024 * 1024 + 1);
    // The vendor lists no 413: a 400 that says why.
    expect(big.status).to.equal(400);
    expect(big.body).to.deep.equal({ code: 400, message: 'File is too large (at most 10 MB).' });
  });
});

describe('mock API: visits', () => {
  it('seeds upcoming and past visits with the seed’s mixed types', async () => {
    const { body } = await api('/visits');
    const visits: Json[] = body.data;
    const now = nowSec();
    const upcoming = visits.filter((v) => Number(v.start) > now);
    const past = visits.filter((v) => Number(v.start) <= now);
    expect(upcoming.length).to.be.at.least(2);
    expect(past.length).to.be.at.least(4);
    expect(upcoming.some((v) => v.visit_group_id)).to.equal(true);
    const v7727 = visits.find((v) => v.id === '7727');
    expect(v7727.start).to.be.a('string');
    expect(v7727.status).to.equal('20');
    expect(v7727.provider.first_name).to.equal('Anton');
    expect(v7727).to.not.have.property('intake');
    const statuses = past.map((v) => Number(v.status));
    expect(statuses).to.include.members([30, 40, 35]);
    expect(past.some((v) => Number(v.type) === 3)).to.equal(true);

    const detail = (await api('/visits/18407167')).body.data;
    expect(detail.status).to.equal(30);
    expect(detail.provider.full_name).to.equal('Anton Provider');
    expect(detail.hosts[0].id).to.equal('12456470');
    expect(detail.intake.consultation.id).to.be.a('string');
    expect(detail.postvisit.physical_exam).to.contain('onerror');
    expect(detail.postvisit.assessment_plan).to.contain('<script>');
    expect(detail.postvisit.patient_instructions).to.contain('javascript:');
    // Both lists in the documented e-prescribing shape.
    const documented = ['Drug', 'Directions', 'Qty', 'QtyQual', 'Refills', 'Status', 'PrescriberName', 'PrescriptionDate'];
    expect(detail.prescriptionsBeforeVisit[0]).to.include.keys(...documented);
    expect(detail.prescriptionsBeforeVisit[0].Drug).to.equal('One Tab Daily with Iron oral tablet');
    expect(detail.prescriptions).to.have.length(2);
    for (const rx of detail.prescriptions) expect(rx).to.include.keys(...documented);
  });

  it('lists generated history on request', async () => {
    const before = (await api('/visits')).body.data.length;
    await control('config', { visits: 50 });
    expect((await api('/visits')).body.data.length).to.equal(before + 50);
  });

  it('books a slot, hides it from availability, and answers 409 on a double booking', async () => {
    const day = futureWeekdayUtc();
    const intake = await newIntake();
    const slots = (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&provider_id=509`)).body.data;
    expect(slots.length).to.be.greaterThan(0);
    const slot = slots[0];
    expect(slot.start).to.be.a('number');
    expect(slot.providers).to.deep.equal(['509']);

    const form = new FormData();
    form.append('member_id', '575');
    form.append('slot_start', String(slot.start));
    form.append('slot_end', String(slot.end));
    form.append('type', '2');
    form.append('intakeId', intake.id);
    form.append('provider_id', '509');
    const booked = await api('/appointments', { method: 'POST', body: form });
    expect(booked.status).to.equal(200);
    expect(booked.body.data).to.include({ type: 2, status: 20, start: slot.start, provider_id: 509 });
    expect(booked.body.data.intake_id).to.equal(intake.id);

    const after = (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&provider_id=509`)).body.data;
    expect(after.map((s: Json) => s.start)).to.not.include(slot.start);

    const again = await api('/visits', {
      json: { slot_start: slot.start, slot_end: slot.end, type: 2, intake_id: intake.id, provider_id: 509 },
    });
    // The vendor lists no 409: a 400 whose message says the time is taken (the client reads it as a conflict).
    expect(again.status).to.equal(400);
    expect(again.body).to.deep.equal({ code: 400, message: 'This time slot is no longer available.' });

    // Moving the appointment frees the old slot; un-assigning clears the provider.
    const next = slots[2];
    const moved = await api(`/visits/${booked.body.data.id}?version=2`, {
      json: { slot_start: next.start, slot_end: next.end, provider_id: 509 },
    });
    expect(moved.status).to.equal(200);
    expect(moved.body.data.start).to.equal(next.start);
    const freed = (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&provider_id=509`)).body.data;
    expect(freed.map((s: Json) => s.start)).to.include(slot.start);
    const unassigned = await api(`/visits/${booked.body.data.id}?version=2`, { json: { provider_id: 0 } });
    expect(unassigned.body.data.provider_id).to.equal(0);
    expect(unassigned.body.data.provider).to.equal(null);
  });

  it('merges providers, honours duration and consultation_id, and validates the query', async () => {
    const day = futureWeekdayUtc();
    const all = (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}`)).body.data;
    const merged = all.filter((s: Json) => s.providers.length > 1);
    expect(merged.length).to.be.greaterThan(0);
    expect(merged[0].providers).to.have.members(['509', '1096']);
    expect(all.every((s: Json) => s.end - s.start === 900)).to.equal(true);

    const long = (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&duration=1800`)).body.data;
    expect(long.every((s: Json) => s.end - s.start === 1800)).to.equal(true);
    const consult = (
      await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&consultation_id=6160a1f2-77aa-4b2c-9d3e-4f5a64457b11`)
    ).body.data;
    expect(consult.every((s: Json) => s.end - s.start === 3600)).to.equal(true);

    expect((await api(`/availability?room_code=ceproom1&end=${day}`)).status).to.equal(400);
    // Neither a room nor an intake to take it from: no room to look in.
    const roomless = await api(`/availability?start=${day}&end=${day + 3600}`);
    expect([roomless.status, roomless.body.message]).to.deep.equal([400, 'Missing required parameter: room_code.']);
    expect((await api(`/availability?room_code=ceproom1&start=abc&end=${day}`)).status).to.equal(400);
    expect((await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 3600}&duration=-5`)).status).to.equal(400);

    // The beta key/secret pair works without a token.
    expect((await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}`, { headers: KEYS })).status).to.equal(200);
  });

  it('follows the providers’ time zones across daylight saving time', async () => {
    const year = new Date().getUTCFullYear() + 1;
    // The second Monday of January (EST, UTC-5) and of July (EDT, UTC-4).
    const mondayOf = (month: number) => {
      const d = new Date(Date.UTC(year, month, 8));
      while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
      return d.getTime() / 1000;
    };
    for (const [month, hour509, hour1096] of [
      [0, 14, 18],
      [6, 13, 17],
    ]) {
      const day = mondayOf(month);
      const first = async (p: string) =>
        (await api(`/availability?room_code=ceproom1&start=${day}&end=${day + 86400}&provider_id=${p}`)).body.data[0].start;
      expect(await first('509')).to.equal(day + hour509 * 3600);
      expect(await first('1096')).to.equal(day + hour1096 * 3600);
    }
  });

  it('offers ~4,000 slots over 14 days at 300 s with alwaysAvailable', async () => {
    await control('config', { alwaysAvailable: true });
    const start = nowSec();
    const { body } = await api(`/availability?room_code=ceproom1&start=${start}&end=${start + 14 * 86400}&duration=300`);
    expect(body.data.length).to.be.within(4000, 4033);
  });

  it('runs a walk-in from waiting to in progress to closed', async () => {
    await control('config', { walkinReadyAfterMs: 200 });
    const intake = await newIntake({ type: 1 });
    const w = await api('/visits/add_walkin', { json: { intake_id: intake.id, room_code: 'ceproom1' } });
    expect(w.status).to.equal(200);
    expect(w.body.data).to.include({ type: '1', status: '10' });
    // As in the add_walkin and current-visit samples, the intake is named only inside `intake`; the
    // visit's own page has `intake_id` too, and the list neither.
    expect(w.body.data.intake.id).to.equal(intake.id);
    expect(w.body.data).not.to.have.property('intake_id');
    const waiting = (await api('/visits/current')).body.data;
    expect(waiting.id).to.equal(w.body.data.id);
    expect(waiting.intake.id).to.equal(intake.id);
    expect(waiting).not.to.have.property('intake_id');
    expect((await api(`/visits/${w.body.data.id}`)).body.data.intake_id).to.equal(intake.id);
    const listed = (await api('/visits')).body.data.find((v: { id: string }) => v.id === w.body.data.id);
    expect(listed).to.exist.and.not.to.have.any.keys('intake_id', 'intake');

    await new Promise((r) => setTimeout(r, 300));
    const current = (await api('/visits/current.json')).body.data;
    expect(current.status).to.equal('25');
    expect(current.actual_start).to.be.a('string');

    const closed = await api('/visits/close', { json: { id: w.body.data.id, reason: 'patient_end_call' } });
    expect(closed.body).to.deep.equal({ data: { id: w.body.data.id } });
    expect((await api(`/visits/${w.body.data.id}`)).body.data.status).to.equal('30');
    // As documented, the current visit is then the one that just ended (the client sees its status).
    expect((await api('/visits/current')).body.data).to.include({ id: w.body.data.id, status: '30' });

    expect((await api('/visits/add_walkin', { json: { room_code: 'ceproom1' } })).status).to.equal(400);
  });

  it('cancels with close/delete and validates the reason', async () => {
    const r = await api('/visits/close', { json: { id: '7727', reason: 'patient_cancel_appointment' } });
    expect(r.body.data.id).to.equal('7727');
    expect((await api('/visits/7727')).body.data.status).to.equal('40');
    expect((await api('/visits/close', { json: { id: '18410020', reason: 'bored' } })).status).to.equal(400);
    expect((await api('/visits/close', { json: { id: '999', reason: 'call_ended' } })).status).to.equal(404);
    const form = new FormData();
    form.append('id', '18410020');
    expect((await api('/visits/delete', { method: 'POST', body: form })).body.data.id).to.equal('18410020');
    expect((await api('/visits/18410020')).body.data.status).to.equal(40);
  });

  it('creates an e-consult', async () => {
    const intake = await newIntake({ reason_for_visit: 'Photo of a mole' });
    const r = await api('/visits/add_econsult', { json: { intake_id: intake.id, room_code: 'ceproom1' } });
    expect(r.body.data).to.include({ type: 3, status: 20, subtype: 4 });
    expect(r.body.data.expiry).to.be.a('number');
    expect(r.body.data.intake.reason_for_visit).to.equal('Photo of a mole');
  });

  it('links a visit summary PDF on the same origin', async () => {
    const r = await api('/visits/18407167/exports/visit_summary');
    const url = new URL(r.body.data.url);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal(`/mock/${TENANT}/files/visit-summary-18407167.pdf`);
    const pdf = await fetch(url);
    expect(pdf.headers.get('content-type')).to.contain('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-')).to.equal(true);
  });
});

describe('mock API: faults and log', () => {
  it('replaces a response with a status, a raw HTML body and extra headers, once', async () => {
    await control('fault', {
      method: 'GET',
      path: '/visits',
      status: 503,
      body: '<html><body>Service Unavailable</body></html>',
      contentType: 'text/html',
      headers: { 'Retry-After': '2' },
    });
    const r = await api('/visits.json');
    expect(r.status).to.equal(503);
    expect(r.body).to.contain('<html>');
    expect(r.res.headers.get('content-type')).to.contain('text/html');
    expect(r.res.headers.get('retry-after')).to.equal('2');
    expect((await api('/visits')).status).to.equal(200);
  });

  it('applies `times`, method filters, glob paths, and order', async () => {
    // "/visits" is that path only; "/visits/*" one segment below; "intakes" anywhere in the path.
    await control('fault', { path: '/visits', status: 500, body: 'not json', times: 2 });
    await control('fault', { path: '/visits/*', status: 429 });
    expect((await api('/visits/7727')).status).to.equal(429);
    expect((await api('/visits')).status).to.equal(500);
    expect((await api('/visits')).body).to.equal('not json');
    expect((await api('/visits')).status).to.equal(200);

    await control('fault', { method: 'POST', path: 'intakes', status: 500 });
    expect((await api('/intakes/57b4c678-de20-4c1a-a52b-43e9ac1f0144')).status).to.equal(200);
    expect((await api('/intakes', { json: { room_code: 'ceproom1' } })).status).to.equal(500);
  });

  it('delays a normal response', async () => {
    await control('fault', { path: '/rooms/*', delayMs: 400 });
    const t0 = performance.now();
    const r = await api('/rooms/ceproom1');
    expect(performance.now() - t0).to.be.at.least(380);
    expect(r.status).to.equal(200);
  });

  it('drops the connection', async () => {
    await api('/visits'); // warm a keep-alive connection so the browser's resend path is covered
    await control('fault', { path: '/visits', drop: true });
    let error: unknown = null;
    try {
      // Chromium and Firefox refuse the response head; WebKit accepts it and fails reading the body.
      await (await fetch(`${BASE}/visits`, { headers: AUTH })).text();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((await api('/visits')).status).to.equal(200);
    const entries = await log();
    expect(entries.filter((e) => e.dropped)).to.have.length(1);
  });

  it('logs API requests with headers and bodies, never control requests', async () => {
    await api('/intakes', { json: { room_code: 'ceproom1', custom_x: '1' } });
    await api('/visits?x=1');
    const entries = await log();
    expect(entries.filter((e) => e.method === 'POST' && e.path === '/intakes')).to.have.length(1);
    const post = entries.find((e) => e.path === '/intakes');
    expect(post.body).to.deep.equal({ room_code: 'ceproom1', custom_x: '1' });
    expect(post.headers['x-apitoken']).to.equal('demo-patient-token');
    expect(post.headers['content-type']).to.contain('application/json');
    expect(post.status).to.equal(200);
    expect(post.time).to.be.a('number');
    const get = entries.find((e) => e.path === '/visits');
    expect(get.query).to.deep.equal({ x: '1' });
    expect(entries.some((e) => String(e.url).includes('demo-patient-token'))).to.equal(false);
    expect(entries.some((e) => String(e.path).includes('__control'))).to.equal(false);
  });

  it('isolates tenants', async () => {
    await api('/visits/close', { json: { id: '7727', reason: 'patient_cancel_appointment' } });
    const other = await fetch(`/mock/${TENANT}-other/api_v3/visits/7727`, { headers: AUTH }).then((r) => r.json());
    expect(other.data.status).to.equal('20');
  });
});
