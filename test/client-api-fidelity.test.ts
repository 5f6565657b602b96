// The client against the documented API's edges (issue 12): answers of the wrong shape, the two
// spellings of "this time was taken", redirects, encoded echoes of the token, plain-http bases.
import { expect } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';
import { mockTenant } from './helpers/mock.js';
import { seedCurrentVisit, seedVisitDetail } from './fixtures/seed-samples.js';
import { failure } from './helpers/failure.js';

const TOKEN = 'tok/SECRET+123 é&x=1';

function client(responder: Parameters<typeof fakeFetch>[0], extra: Partial<ConstructorParameters<typeof VseeClient>[0]> = {}) {
  const fake = fakeFetch(responder);
  const c = new VseeClient({
    baseUrl: 'https://api.example.test/api_v3',
    accountCode: 'vclinic',
    token: TOKEN,
    fetch: fake.fetch,
    retry: { retries: 0 },
    ...extra,
  });
  return { c, calls: fake.calls };
}

describe('VseeClient: a 2xx that is not the documented shape is bad_response', () => {
  const cases: Array<[string, unknown, (c: VseeClient) => Promise<unknown>]> = [
    ['visit list: an object of named fields', { visits: 'none' }, (c) => c.listVisits()],
    ['visit list: a string', 'no visits', (c) => c.listVisits()],
    ['visit list: an empty object (not a list)', {}, (c) => c.listVisits()],
    ['visit list: items that are not records', ['7727', null], (c) => c.listVisits()],
    ['visit list: records that are not visits', [{ message: 'ok' }], (c) => c.listVisits()],
    ['availability: an object of named fields', { slots: [] }, (c) => c.getAvailability({ start: 1, end: 2 })],
    ['availability: items that are not records', [{ start: 1, end: 2 }, 'x', null], (c) => c.getAvailability({ start: 1, end: 2 })],
    ['visit detail: a list', [seedVisitDetail.data], (c) => c.getVisit('1')],
    ['visit detail: a wrapper around the visit', { visit: { id: '1' } }, (c) => c.getVisit('1')],
    ['visit detail: an empty object', {}, (c) => c.getVisit('1')],
    ['current visit: a record that is not a visit', { visit: 'in progress' }, (c) => c.getCurrentVisit()],
    ['current visit: a string', 'in progress', (c) => c.getCurrentVisit()],
    ['intake: an empty object', {}, (c) => c.getIntake('i1')],
    ['intake: a list', [{ id: 'i1' }], (c) => c.getIntake('i1')],
    ['room: a string', 'closed', (c) => c.getRoom('r1')],
    ['room: an object without any room field', { closed: true }, (c) => c.getRoom('r1')],
  ];
  for (const [name, data, call] of cases) {
    it(name, async () => {
      const { c } = client(() => json({ data }));
      const e = await failure(call(c));
      expect([e.code, e.status]).to.deep.equal(['bad_response', 200]);
    });
  }

  it("still reads the documented shapes, an empty list and PHP's index-keyed list", async () => {
    expect(await client(() => json({ data: [] })).c.listVisits()).to.deep.equal([]);
    expect(await client(() => json({ data: [] })).c.getAvailability({ start: 1, end: 2 })).to.deep.equal([]);
    const keyed = await client(() => json({ data: { 0: { id: '1', start: 5 }, 2: { id: '2', start: 6 } } })).c.listVisits();
    expect(keyed.map((v) => v.id)).to.deep.equal(['1', '2']);
  });
});

describe('VseeClient: prescriptions', () => {
  it('carries both documented lists with the e-prescribing field names, quantities as numbers', async () => {
    const detail = structuredClone(seedVisitDetail);
    const rx = { ...detail.data.prescriptionsBeforeVisit[0]!, Qty: '30', Refills: '2', Drug: 'Cetirizine 10 mg oral tablet' };
    (detail.data as Record<string, unknown>).prescriptions = [rx];
    const v = await client(() => json(detail)).c.getVisit('18407167');
    expect(v.prescriptionsBeforeVisit![0]).to.include({
      Drug: 'One Tab Daily with Iron oral tablet',
      Directions: '1 Milliliter(s) 1 to 2 times a day',
      Qty: 60,
      QtyQual: 'Tablet',
      Refills: 0,
      Status: 'Current',
      PrescriberName: 'Dr. John Will, M.D.',
      PrescriptionDate: '2016-01-30T00:00:00',
    });
    expect(v.prescriptions![0]).to.include({ Drug: 'Cetirizine 10 mg oral tablet', Qty: 30, Refills: 2, Status: 'Current' });
  });
});

describe('VseeClient: the current visit', () => {
  it('is none for the documented sample, a cancelled visit that has ended', async () => {
    const { c } = client(() => json(seedCurrentVisit));
    expect(await c.getCurrentVisit()).to.equal(null);
  });

  for (const [status, ended, expected] of [
    [10, false, true],
    [20, false, true],
    [25, false, true],
    [25, true, false],
    [30, false, false],
    [40, false, false],
  ] as const) {
    it(`status ${status}${ended ? ', ended' : ''}: ${expected ? 'in progress' : 'none'}`, async () => {
      const visit = { ...seedCurrentVisit.data, status: String(status), actual_end: ended ? '1458024955' : null };
      const got = await client(() => json({ data: visit })).c.getCurrentVisit();
      expect(got === null ? null : got.id).to.equal(expected ? '1504' : null);
    });
  }
});

describe('VseeClient: a time taken meanwhile is a conflict', () => {
  it('maps a 409 to conflict', async () => {
    const { c } = client(() => json({ code: 409, message: 'Conflict' }, 409));
    expect((await failure(c.createAppointment({ slot_start: 1, slot_end: 2 }))).code).to.equal('conflict');
  });

  it("maps a 400 whose message says the time is taken to conflict, keeping the vendor's words", async () => {
    for (const message of ['This time slot is no longer available.', 'Slot already taken', 'The time was already booked']) {
      const { c } = client(() => json({ code: 400, message }, 400));
      const e = await failure(c.createAppointment({ slot_start: 1, slot_end: 2 }));
      expect([e.code, e.status, e.serverMessage]).to.deep.equal(['conflict', 400, message]);
    }
  });

  it("shows the vendor's message as plain words: markup dropped, a serialized nothing is no message", async () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['<b>Phone</b> is <script>x</script>invalid', 'Phone is x invalid'],
      ['Duration must be < 5 and > 2 hours', 'Duration must be < 5 and > 2 hours'],
      ['null', undefined],
      [' undefined ', undefined],
      ['[object Object]', undefined],
      ['<br>', undefined],
      [{ text: 'x' }, undefined],
    ];
    for (const [message, expected] of cases) {
      const { c } = client(() => json({ code: 422, message }, 422));
      expect((await failure(c.createAppointment({ slot_start: 1, slot_end: 2 }))).serverMessage, JSON.stringify(message)).to.equal(
        expected,
      );
    }
  });

  it('leaves any other 400 as http', async () => {
    const { c } = client(() => json({ code: 400, message: 'Missing required parameter: slot_end.' }, 400));
    expect((await failure(c.createAppointment({ slot_start: 1, slot_end: 2 }))).code).to.equal('http');
  });

  it("maps the mock's answer for a taken slot (a 400, as the vendor lists no 409) to conflict", async () => {
    const t = mockTenant();
    const c = new VseeClient({ baseUrl: t.base, accountCode: 'vclinic', token: 'demo-patient-token' });
    const now = Math.floor(Date.now() / 1000);
    const start = now + 3 * 86400 - ((now + 3 * 86400) % 900);
    await c.createAppointment({ slot_start: start, slot_end: start + 900, provider_id: '509' });
    const e = await failure(c.createAppointment({ slot_start: start, slot_end: start + 900, provider_id: '509' }));
    expect([e.code, e.status]).to.deep.equal(['conflict', 400]);
  });
});

describe('VseeClient: credentials stay with the configured origin', () => {
  it('never follows a redirect: the call fails with a clear message', async () => {
    const { c, calls } = client((r) => {
      expect(r.url.startsWith('https://api.example.test/')).to.be.true;
      return new Response(null, { status: 302, headers: { Location: 'https://evil.test/steal' } });
    });
    const e = await failure(c.listVisits());
    expect(e.code).to.equal('http');
    expect(e.message).to.contain('redirect');
    expect(calls).to.have.length(1);
  });

  it('asks fetch not to follow redirects (a cross-origin one, answered by the mock, fails the call)', async () => {
    const t = mockTenant();
    await t.fault({ method: 'GET', path: '/visits', status: 302, headers: { Location: 'https://evil.example/steal' } });
    let target = '';
    const c = new VseeClient({
      baseUrl: t.base,
      accountCode: 'vclinic',
      token: 'demo-patient-token',
      retry: { retries: 0 },
      fetch: (input, init) => {
        expect(init?.redirect).to.equal('manual');
        target = String(input);
        return fetch(input, init);
      },
    });
    const e = await failure(c.listVisits());
    expect(target).to.contain('/visits');
    expect(e.code).to.equal('http');
    expect(e.message).to.contain('redirect');
  });

  it('redacts the token in every spelling a server may echo it in', async () => {
    const b64 = btoa(TOKEN);
    const echoes = [
      TOKEN,
      encodeURIComponent(TOKEN),
      encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      encodeURIComponent(encodeURIComponent(TOKEN)),
      encodeURIComponent(TOKEN).replace(/%20/g, '+'),
      JSON.stringify(TOKEN).slice(1, -1),
      b64,
    ];
    for (const echo of echoes) {
      const { c } = client(() => json({ code: 401, message: `Token ${echo} is invalid` }, 401));
      const e = await failure(c.listVisits());
      expect(e.message, echo).to.equal('Token [redacted] is invalid');
      expect(e.serverMessage, echo).to.equal('Token [redacted] is invalid');
    }
  });

  it('sends a relative base to the page\u2019s own address, whatever a <base href> says', async () => {
    // A <base href> (the page's, or one injected into it) would otherwise take every request, and
    // the patient's token, to another host, plain http included, past the https check.
    const base = document.createElement('base');
    base.href = 'http://elsewhere.test/theme/';
    document.head.prepend(base);
    try {
      const fake = fakeFetch(() => json({ data: [] }));
      const c = new VseeClient({ baseUrl: '/mock/demo/api_v3/', token: 't', fetch: fake.fetch });
      await c.listVisits();
      const sent = new URL(fake.calls[0].url, document.baseURI);
      expect(document.baseURI).to.equal('http://elsewhere.test/theme/');
      expect(sent.href).to.equal(`${location.origin}/mock/demo/api_v3/visits`);
      expect(c.baseUrl, 'the base as configured').to.equal('/mock/demo/api_v3');
    } finally {
      base.remove();
    }
  });

  it('accepts http: only for this machine', () => {
    for (const ok of [
      'https://api.vsee.me/api_v3',
      'http://localhost:8000/api',
      'http://127.0.0.1/api',
      'http://[::1]:9000/api',
      '/mock/demo/api_v3',
    ]) {
      expect(() => new VseeClient({ baseUrl: ok }), ok).not.to.throw();
    }
    for (const bad of ['http://api.vsee.me/api_v3', 'http://192.168.1.10/api', 'ftp://api.vsee.me/', 'javascript:alert(1)']) {
      expect(() => new VseeClient({ baseUrl: bad }), bad).to.throw(TypeError, /https:/);
    }
  });
});

describe('VseeClient: closing and deleting a visit as the samples answer', () => {
  it('resolves with the id it was asked to close, whatever id the answer names (the sample closes 14 and answers 1525)', async () => {
    const { c } = client(() => json({ data: { id: '1525' } }));
    expect(await c.closeVisit('14', 'patient_cancel_appointment')).to.deep.equal({ id: '14' });
  });

  it('takes a 2xx without a body as done (the delete sample shows no answer), but not a body that is not JSON', async () => {
    for (const empty of [() => new Response('', { status: 200 }), () => new Response(null, { status: 204 })]) {
      expect(await client(empty).c.deleteVisit('7727')).to.deep.equal({ id: '7727' });
      expect(await client(empty).c.closeVisit('7727', 'patient_exit_room')).to.deep.equal({ id: '7727' });
    }
    const html = () => new Response('<html>OK</html>', { status: 200 });
    expect((await failure(client(html).c.deleteVisit('7727'))).code).to.equal('bad_response');
    // Elsewhere an empty success is still an answer we could not read.
    expect((await failure(client(() => new Response('', { status: 200 })).c.getVisit('7727'))).code).to.equal('bad_response');
  });
});

describe('VseeClient: updating an intake as the sample answers', () => {
  it('resolves with the id it updated (the sample updates 57a0705e… and answers 56e8c536…)', async () => {
    const { c } = client(() => json({ data: { id: '56e8c536-566c-44b6-bbca-66f0ac1f0144' } }));
    const intake = await c.updateIntake('57a0705e-1c4c-4f24-b51d-3c71ac1f0144', { phone: '7123456789' });
    expect(intake.id).to.equal('57a0705e-1c4c-4f24-b51d-3c71ac1f0144');
  });
});
