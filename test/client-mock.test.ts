import { expect } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { mockTenant, requests, ACCOUNT, TOKEN, ROOM, MEMBER } from './helpers/mock.js';
import { failure } from './helpers/failure.js';

/** The client end to end against the mock VSee API (the same code `npm start` serves). */
describe('VseeClient against the mock API', () => {
  const mock = mockTenant();
  const make = (extra: Partial<ConstructorParameters<typeof VseeClient>[0]> = {}) =>
    new VseeClient({ baseUrl: mock.base, accountCode: ACCOUNT, token: TOKEN, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...extra });

  beforeEach(() => mock.reset());

  it('creates, reads and updates an intake with custom fields and attachments', async () => {
    const c = make();
    const file = await c.uploadFile(new File(['hello'], 'note.txt', { type: 'text/plain' }));
    const created = await c.createIntake({
      room_code: ROOM,
      reason_for_visit: 'Sore throat',
      type: 1,
      member_id: MEMBER,
      location: 'CA',
      phone: '7123456789',
      custom_symptoms: 'Fever',
      attachments: [{ id: file.id }],
    });
    expect(created.id).to.be.a('string');
    const read = await c.getIntake(created.id);
    expect(read.reason_for_visit).to.equal('Sore throat');
    expect(read.custom_symptoms).to.equal('Fever');
    expect(read.type).to.equal(1);
    expect(read.attachments?.map((a) => a.id)).to.deep.equal([file.id]);
    await c.updateIntake(created.id, { room_code: ROOM, phone: '7123456780' });
    expect((await c.getIntake(created.id)).phone).to.equal('7123456780');
  });

  it('books a slot from availability, after which the slot is gone and a second booking conflicts', async () => {
    const c = make();
    const now = Math.floor(Date.now() / 1000);
    const slots = await c.getAvailability({ room_code: ROOM, start: now, end: now + 14 * 86400, duration: 900 });
    expect(slots.length).to.be.greaterThan(0);
    const slot = slots[0];
    expect(slot.start).to.be.a('number');
    expect(slot.providers.every((p) => typeof p === 'string')).to.be.true;
    const visit = await c.createAppointment({
      member_id: MEMBER,
      slot_start: slot.start,
      slot_end: slot.end,
      provider_id: slot.providers[0],
    });
    expect(visit.type).to.equal(2);
    expect(visit.start).to.equal(slot.start);
    const after = await c.getAvailability({
      room_code: ROOM,
      start: now,
      end: now + 14 * 86400,
      duration: 900,
      provider_id: slot.providers[0],
    });
    expect(after.some((s) => s.start === slot.start)).to.be.false;
    const e = await failure(
      c.createAppointment({ member_id: MEMBER, slot_start: slot.start, slot_end: slot.end, provider_id: slot.providers[0] }),
    );
    expect(e.code).to.equal('conflict');
    expect(e.message).to.match(/no longer available/i);

    const visits = await c.listVisits();
    expect(visits.some((v) => v.id === visit.id)).to.be.true;
    await c.closeVisit(visit.id, 'patient_cancel_appointment');
    expect((await c.getVisit(visit.id)).status).to.equal(40);
  });

  it('creates a walk-in and an e-consult, sees the current visit, and gets a summary URL', async () => {
    const c = make();
    const intake = await c.createIntake({ room_code: ROOM, reason_for_visit: 'Rash', type: 1 });
    const walkin = await c.addWalkin({ intake_id: intake.id, room_code: ROOM });
    expect(walkin.type).to.equal(1);
    expect(walkin.status).to.equal(10);
    expect((await c.getCurrentVisit())?.id).to.equal(walkin.id);
    await c.closeVisit(walkin.id, 'patient_exit_room');
    expect(await c.getCurrentVisit()).to.equal(null);
    const econsult = await c.addEconsult({ intake_id: intake.id, room_code: ROOM });
    expect(econsult.type).to.equal(3);
    const url = await c.getVisitSummaryUrl(econsult.id);
    expect(new URL(url).protocol).to.match(/^https?:$/);
    const room = await c.getRoom(ROOM);
    expect(room.operation_settings?.is_closed).to.equal(false);
  });

  it('normalizes the seeded visits whatever types they arrive in', async () => {
    const visits = await make().listVisits();
    expect(visits.length).to.be.greaterThan(3);
    for (const v of visits) {
      expect(v.id).to.be.a('string');
      if (v.start !== undefined) expect(v.start).to.be.a('number');
      if (v.status !== undefined) expect(v.status).to.be.a('number');
    }
  });

  it("maps the mock's refusals and injected faults to error codes", async () => {
    const c = make({ retry: { retries: 0 } });
    expect((await failure(new VseeClient({ baseUrl: mock.base, accountCode: ACCOUNT, token: 'wrong' }).listVisits())).code).to.equal(
      'unauthorized',
    );
    expect((await failure(c.getVisit('does-not-exist'))).code).to.equal('not_found');
    await mock.fault({ path: '/visits', status: 502, body: '<html><h1>Bad gateway</h1></html>', contentType: 'text/html' });
    let e = await failure(c.listVisits());
    expect([e.code, e.status]).to.deep.equal(['server', 502]);
    await mock.fault({ path: '/visits', status: 200, body: 'not json' });
    e = await failure(c.listVisits());
    expect(e.code).to.equal('bad_response');
    await mock.fault({ path: '/visits', drop: true });
    e = await failure(c.listVisits());
    expect([e.code, e.status]).to.deep.equal(['network', 0]);
    await mock.fault({ path: '/visits', delayMs: 400 });
    e = await failure(make({ timeoutMs: 100, retry: { retries: 0 } }).listVisits());
    expect(e.code).to.equal('timeout');
  });

  it('retries a GET after a 503 but sends a failed POST exactly once', async () => {
    const c = make();
    await mock.fault({
      method: 'GET',
      path: '/visits',
      status: 503,
      body: '{"code":503,"message":"busy"}',
      contentType: 'application/json',
    });
    await c.listVisits();
    await mock.fault({
      method: 'POST',
      path: '/intakes',
      status: 503,
      body: '{"code":503,"message":"busy"}',
      contentType: 'application/json',
    });
    await failure(c.createIntake({ room_code: ROOM, reason_for_visit: 'x' }));
    const log = await mock.log();
    expect(requests(log, 'GET', '/visits').filter((r) => r.path === '/visits').length).to.equal(2);
    expect(requests(log, 'POST', '/intakes').length).to.equal(1);
  });

  it('refreshes an expired token once through tokenProvider, never putting it in a URL', async () => {
    await mock.config({ validTokens: ['fresh-token'] });
    let asked = 0;
    const c = make({ token: 'expired-token', tokenProvider: async () => (++asked, 'fresh-token') });
    expect(Array.isArray(await c.listVisits())).to.be.true;
    expect(asked).to.equal(1);
    const log = await mock.log();
    expect(log.map((r) => r.headers['x-apitoken'])).to.deep.equal(['expired-token', 'fresh-token']);
    for (const r of log) expect(JSON.stringify([r.path, r.query])).not.to.contain('token');
  });
});
