// The API as its documentation shows it (issue 12, findings 1 and 4): every request sample of the
// documentation replayed against the mock gets the documented answer's shape, and every POST the
// client sends reaches the mock in the encoding of that endpoint's sample.
import { expect } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { ACCOUNT, TOKEN, mockTenant, type MockLogEntry } from './helpers/mock.js';
import { SEED_REQUESTS, parseCurl } from './fixtures/seed-requests.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a documented answer of any shape, read by key
type Json = any;

/**
 * Where the answer differs from the documented one in shape: every documented key is there (a
 * documented null may be absent, since "absent" and null mean the same to a client), an object is
 * an object (or null), a list a list, a scalar a scalar (or null). Nested objects likewise.
 */
function shapeProblems(documented: unknown, actual: unknown, at = 'data', depth = 0): string[] {
  if (documented === null || documented === undefined) return [];
  if (actual === null) return [];
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${at}: expected a list, got ${JSON.stringify(actual)?.slice(0, 60)}`];
    return documented.length && actual.length && depth < 4 ? shapeProblems(documented[0], actual[0], `${at}[0]`, depth + 1) : [];
  }
  if (typeof documented === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual))
      return [`${at}: expected an object, got ${JSON.stringify(actual)?.slice(0, 60)}`];
    const problems: string[] = [];
    for (const [k, v] of Object.entries(documented)) {
      const a = (actual as Record<string, unknown>)[k];
      if (a === undefined) {
        if (v !== null) problems.push(`${at}.${k}: missing`);
      } else if (depth < 4) problems.push(...shapeProblems(v, a, `${at}.${k}`, depth + 1));
    }
    return problems;
  }
  return typeof actual === 'object' ? [`${at}: expected a value, got ${JSON.stringify(actual).slice(0, 60)}`] : [];
}

describe("the documentation's request samples, replayed against the mock", () => {
  const t = mockTenant();
  /** The sample's ids and codes stand for records on the vendor's server; these are the tenant's. */
  const ids = new Map<string, string>([
    ['vclinic_room_code', 'ceproom1'],
    // The detail sample's own body is visit 18407167, which the mock holds; 7727 is the list sample.
    ['7727', '18407167'],
    ['1000000', '18407167'],
  ]);
  /** A whole value, path segment or JSON string that names a sample record becomes the tenant's. */
  const swap = (v: string) => ids.get(v) ?? v;
  const swapPath = (p: string) =>
    p
      .split('/')
      .map((seg) => seg.replace(/^(.*?)(\.json)?$/, (_m, id: string, ext = '') => swap(id) + ext))
      .join('/');
  const swapJson = (text: string) => text.replace(/"([^"]*)"/g, (_m, v: string) => `"${swap(v)}"`);
  const answers = new Map<string, Json>();

  before(() => t.reset());

  for (const sample of SEED_REQUESTS) {
    it(`${sample.name}: accepted as sent, answered in the documented shape`, async () => {
      const req = parseCurl(sample.curl);
      const url = new URL(req.url);
      const path = swapPath(url.pathname.replace(/^\/vc\/(?:next|stable)\/api_v3/, ''));
      const headers = new Headers();
      let expectedEncoding: string = 'none';
      for (const [k, v] of req.headers) {
        // A -F sample's Content-Type names its own boundary; the browser sends the real one.
        if (k.toLowerCase() === 'content-type' && req.form) continue;
        headers.set(k, k.toLowerCase() === 'x-apitoken' ? TOKEN : v);
      }
      // Every call carries the transport headers (the documentation's transport section); a few
      // samples leave them out for brevity.
      if (!headers.has('X-AccountCode')) headers.set('X-AccountCode', ACCOUNT);
      if (!headers.has('X-ApiToken')) headers.set('X-ApiToken', TOKEN);
      let body: BodyInit | undefined;
      if (req.form) {
        const form = new FormData();
        for (const [k, v] of req.form) form.append(k, swap(v));
        body = form;
        expectedEncoding = 'multipart';
      } else if (req.data !== undefined) {
        body = swapJson(req.data);
        // curl -d sends a form unless the sample says otherwise.
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/x-www-form-urlencoded');
        expectedEncoding = headers.get('Content-Type')!.includes('json') ? 'json' : 'urlencoded';
      }
      const res = await fetch(`${t.base}${path}${url.search}`, { method: req.method, headers, body });
      const json = await res.json();
      expect(res.status, `${sample.name}: ${JSON.stringify(json)}`).to.equal(200);
      expect(json).to.have.property('data');
      expect(typeof json.data === 'object' && json.data !== null, `${sample.name}: data`).to.be.true;
      if (sample.answer) {
        const problems = shapeProblems(sample.answer.data, json.data).filter((p) => !sample.custom?.some((c) => p.startsWith(c)));
        expect(problems, sample.name).to.deep.equal([]);
      }
      answers.set(sample.name, json.data);

      const logged = (await t.log()).at(-1) as MockLogEntry & { encoding: string };
      expect(logged.encoding, `${sample.name}: encoding in the mock's log`).to.equal(expectedEncoding);

      // Later samples name what these created.
      if (sample.name === 'POST /intakes') {
        ids.set('57a0705e-1c4c-4f24-b51d-3c71ac1f0144', json.data.id);
        ids.set('6050d1a8-b120-45b4-a568-61a664457b11', json.data.id);
      }
      if (sample.name === 'POST /visits/add_walkin') ids.set('14', json.data.id);
      if (sample.name.startsWith('POST /visits (')) ids.set('5010007042332', String(json.data.id));
    });
  }

  it('the replay did what the samples asked', async () => {
    const intake = answers.get('GET /intakes/:id');
    // The update's -F fields, on the intake the -d sample created (with its custom `provider`, `reset`).
    expect(intake).to.include({
      location: 'CA',
      phone: '7123456789',
      reason_for_visit: 'Test intake functionalities 2',
      provider: '541',
      reset: 'true',
    });
    // Closed without a reason (the sample sends only the id): a walk-in that never started is cancelled.
    const walkin = answers.get('POST /visits/add_walkin');
    const closed = await fetch(`${t.base}/visits/${walkin.id}`, { headers: { 'X-AccountCode': ACCOUNT, 'X-ApiToken': TOKEN } }).then((r) =>
      r.json(),
    );
    expect(Number(closed.data.status)).to.equal(40);
    const deleted = await fetch(`${t.base}/visits/${ids.get('5010007042332')}`, {
      headers: { 'X-AccountCode': ACCOUNT, 'X-ApiToken': TOKEN },
    }).then((r) => r.json());
    expect(Number(deleted.data.status)).to.equal(40);
  });
});

describe("the client sends each POST in its documented sample's encoding", () => {
  it('urlencoded for POST /intakes (-d), multipart for the -F samples and uploads, JSON for add_econsult', async () => {
    const t = mockTenant();
    const c = new VseeClient({ baseUrl: t.base, accountCode: ACCOUNT, token: TOKEN });
    const file = await c.uploadFile(new File([new Uint8Array(10)], 'rash.png', { type: 'image/png' }));
    const room = await c.getRoom('ceproom1');
    const consultation = room.payment!.consultations![0]!;
    const intake = await c.createIntake({
      room_code: 'ceproom1',
      reason_for_visit: 'Rash & fever = bad',
      type: 2,
      attachments: [file.id],
      custom_is_allergic: 'Yes',
    });
    await c.updateIntake(intake.id, { phone: '7123456789', consultation, attachments: [{ id: file.id }] });
    const walkin = await c.addWalkin({ intake_id: intake.id, room_code: 'ceproom1' });
    await c.addEconsult({ intake_id: intake.id, room_code: 'ceproom1' });
    const now = Math.floor(Date.now() / 1000);
    const start = now + 3 * 86400 - ((now + 3 * 86400) % 900);
    const visit = await c.createAppointment({ slot_start: start, slot_end: start + 900, intake_id: intake.id, member_id: '575' });
    await c.updateAppointment(visit.id, { slot_start: start + 900, slot_end: start + 1800 });
    await c.closeVisit(walkin.id, 'patient_exit_room');
    await c.deleteVisit(visit.id);

    const posts = (await t.log()).filter((e) => e.method === 'POST') as Array<MockLogEntry & { encoding: string }>;
    expect(posts.map((e) => `${e.path} ${e.encoding} ${e.status}`)).to.deep.equal([
      '/files multipart 200',
      '/intakes urlencoded 200',
      `/intakes/${intake.id} multipart 200`,
      '/visits/add_walkin multipart 200',
      '/visits/add_econsult json 200',
      '/visits multipart 200',
      `/visits/${visit.id} multipart 200`,
      '/visits/close multipart 200',
      '/visits/delete multipart 200',
    ]);
    // PHP-style nesting came back as the values that were sent.
    const saved = await c.getIntake(intake.id);
    expect(saved.reason_for_visit).to.equal('Rash & fever = bad');
    expect(saved.custom_is_allergic).to.equal('Yes');
    expect(saved.attachments!.map((a) => a._id ?? a.id)).to.deep.equal([file.id]);
    expect((saved.consultation as { id: string }).id).to.equal(consultation.id);
    expect(Number(saved.type)).to.equal(2);
  });
});
