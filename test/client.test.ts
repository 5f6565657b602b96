import { expect } from '@open-wc/testing';
import { VseeClient } from '../src/client.js';
import { fakeFetch, json, deferred, type RecordedRequest } from './helpers/fake-fetch.js';
import { seedVisitList, seedVisitDetail, seedWalkin, seedIntake, seedEconsult } from './fixtures/seed-samples.js';
import { failure } from './helpers/failure.js';

const TOKEN = 'tok-SECRET-123';

function client(responder: Parameters<typeof fakeFetch>[0], extra: Partial<ConstructorParameters<typeof VseeClient>[0]> = {}) {
  const fake = fakeFetch(responder);
  const c = new VseeClient({
    baseUrl: 'https://api.example.test/vc/next/api_v3/',
    accountCode: 'vclinic',
    token: TOKEN,
    fetch: fake.fetch,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2000 },
    ...extra,
  });
  return { c, calls: fake.calls };
}

const path = (r: RecordedRequest) => new URL(r.url).pathname.replace('/vc/next/api_v3', '');
const query = (r: RecordedRequest) => Object.fromEntries(new URL(r.url).searchParams);

describe('VseeClient', () => {
  describe('requests', () => {
    it('rejects a missing or non-URL base', () => {
      expect(() => new VseeClient({ baseUrl: '' })).to.throw(TypeError);
      expect(() => new VseeClient({ baseUrl: 'http://[bad' })).to.throw(TypeError);
    });

    it('sends only the configured headers, with or without a trailing slash on the base', async () => {
      const { c, calls } = client(() => json({ data: [] }));
      await c.listVisits();
      expect(calls[0].url).to.equal('https://api.example.test/vc/next/api_v3/visits');
      expect(calls[0].headers['x-apitoken']).to.equal(TOKEN);
      expect(calls[0].headers['x-accountcode']).to.equal('vclinic');
      expect(calls[0].headers).not.to.have.property('x-apikey');
      expect(calls[0].headers).not.to.have.property('x-apisecret');

      const fake = fakeFetch(() => json({ data: [] }));
      const c2 = new VseeClient({ baseUrl: 'https://h.test/api_v3', apiKey: 'k', apiSecret: 's', fetch: fake.fetch });
      await c2.getAvailability({ start: 1, end: 2 });
      expect(fake.calls[0].url.startsWith('https://h.test/api_v3/availability?')).to.be.true;
      expect(fake.calls[0].headers['x-apikey']).to.equal('k');
      expect(fake.calls[0].headers['x-apisecret']).to.equal('s');
      expect(fake.calls[0].headers).not.to.have.property('x-apitoken');
    });

    it('builds each method for its documented endpoint', async () => {
      const { c, calls } = client((r) => {
        const p = path(r);
        if (p === '/visits' && r.method === 'GET') return json({ data: [] });
        if (p === '/visits/current') return json({ data: null });
        if (p === '/availability') return json({ data: [] });
        if (p.endsWith('/exports/visit_summary')) return json({ data: { url: 'https://files.test/s.pdf' } });
        return json({ data: { id: '42' } });
      });
      await c.createIntake({ room_code: 'r1', reason_for_visit: 'Cough', custom_symptoms: 'Rash', attachments: 'a1, a2' });
      await c.updateIntake('in 1', { phone: '7123456789', attachments: [{ id: 'f1' }, 'f2'] });
      await c.getIntake('in1');
      await c.addWalkin({ intake_id: 'in1', room_code: 'r1' });
      await c.addEconsult({ intake_id: 'in1', room_code: 'r1' });
      await c.getAvailability({
        start: 100,
        end: 200,
        duration: 900,
        room_code: 'r1',
        provider_id: 509,
        intake_id: 'in1',
        consultation_id: 'c1',
      });
      await c.createAppointment({ member_id: '575', slot_start: 100, slot_end: 1000, provider_id: '509', intake_id: 'in1' });
      await c.updateAppointment('7727', { slot_start: 200, slot_end: 1100, provider_id: 0 });
      await c.listVisits();
      await c.getVisit('7727');
      await c.getCurrentVisit();
      await c.closeVisit('7727', 'patient_cancel_appointment');
      await c.deleteVisit('7727');
      await c.getVisitSummaryUrl('7727');
      await c.getRoom('r1');

      const seen = calls.map((r) => `${r.method} ${path(r)}`);
      expect(seen).to.deep.equal([
        'POST /intakes',
        'POST /intakes/in%201',
        'GET /intakes/in1',
        'POST /visits/add_walkin',
        'POST /visits/add_econsult',
        'GET /availability',
        'POST /visits',
        'POST /visits/7727',
        'GET /visits',
        'GET /visits/7727',
        'GET /visits/current',
        'POST /visits/close',
        'POST /visits/delete',
        'GET /visits/7727/exports/visit_summary',
        'GET /rooms/r1',
      ]);
      // Each POST in its documented sample's encoding: -d urlencoded, -F multipart, the e-consult JSON.
      const posts = calls.filter((r) => r.method === 'POST').map((r) => `${path(r)} ${r.encoding}`);
      expect(posts).to.deep.equal([
        '/intakes urlencoded',
        '/intakes/in%201 multipart',
        '/visits/add_walkin multipart',
        '/visits/add_econsult json',
        '/visits multipart',
        '/visits/7727 multipart',
        '/visits/close multipart',
        '/visits/delete multipart',
      ]);
      for (const r of calls.filter((x) => x.method === 'GET')) expect(r.encoding, `${path(r)}`).to.equal('none');
      // Nested values the way PHP reads them back: `attachments[0]`, `attachments[1]`.
      expect(calls[0].body).to.deep.equal({
        room_code: 'r1',
        reason_for_visit: 'Cough',
        custom_symptoms: 'Rash',
        'attachments[0]': 'a1',
        'attachments[1]': 'a2',
      });
      expect(calls[0].headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
      expect(calls[1].body).to.deep.equal({ phone: '7123456789', 'attachments[0]': 'f1', 'attachments[1]': 'f2' });
      expect(calls[4].body).to.deep.equal({ intake_id: 'in1', room_code: 'r1' });
      expect(calls[4].headers['content-type']).to.equal('application/json');
      expect(query(calls[5])).to.deep.equal({
        room_code: 'r1',
        start: '100',
        end: '200',
        duration: '900',
        provider_id: '509',
        intake_id: 'in1',
        consultation_id: 'c1',
      });
      expect(calls[6].body).to.deep.include({
        type: '2',
        member_id: '575',
        slot_start: '100',
        slot_end: '1000',
        provider_id: '509',
        intake_id: 'in1',
        intakeId: 'in1',
      });
      expect(query(calls[7])).to.deep.equal({ version: '2' });
      expect(calls[7].body).to.deep.include({ provider_id: '0' });
      expect(calls[11].body).to.deep.equal({ id: '7727', reason: 'patient_cancel_appointment' });
      expect(calls[12].body).to.deep.equal({ id: '7727' });
      // The token travels in a header only.
      for (const r of calls) expect(r.url).not.to.contain(TOKEN);
    });

    it('uploads a file with progress as multipart with the attachment category', async () => {
      // Through fetch like every other call (see client-upload.test.ts): progress is the start and the end.
      const { c, calls } = client(() => json({ data: { _id: 'f1', name: 'scan.png', size: '200000' } }));
      const progress: Array<[number, number]> = [];
      const file = new File([new Uint8Array(200_000)], 'scan.png', { type: 'image/png' });
      const result = await c.uploadFile(file, { onProgress: (loaded, total) => progress.push([loaded, total]) });
      expect(result).to.deep.include({ id: 'f1', name: 'scan.png', size: 200_000 });
      expect(progress).to.deep.equal([
        [0, 200_000],
        [200_000, 200_000],
      ]);
      expect(calls).to.have.length(1);
      expect([calls[0]!.method, path(calls[0]!), calls[0]!.encoding]).to.deep.equal(['POST', '/files', 'multipart']);
      const body = calls[0]!.body as Record<string, unknown>;
      expect(body['meta[category]']).to.equal('intake_attachment');
      expect((body.file as File).name).to.equal('scan.png');
      expect((body.file as File).size).to.equal(200_000);
      expect(calls[0]!.headers['x-apitoken']).to.equal(TOKEN);
    });
  });

  describe('normalization', () => {
    it('normalizes the seed\'s visit list: ids strings, times and codes numbers, "null" null, unknown fields kept', async () => {
      const { c } = client(() => json(seedVisitList));
      const [v] = await c.listVisits();
      expect(v.id).to.equal('7727');
      expect(v.start).to.equal(1470669300);
      expect(v.type).to.equal(2);
      expect(v.status).to.equal(20);
      expect(v.subtype).to.equal(3);
      expect(v.actual_start).to.equal(null);
      expect(v.provider_id).to.equal('1096');
      expect((v.provider as { active: unknown }).active).to.equal(true);
      expect(v.code).to.equal('57a07c26947c4544aeef4e5cac1f0144');
      expect((v.payment as { amount: unknown }).amount).to.equal('0.00');
    });

    it("normalizes the seed's numeric visit detail the same way", async () => {
      const { c } = client(() => json(seedVisitDetail));
      const v = await c.getVisit('18407167');
      expect(v.id).to.equal('18407167');
      expect(v.member_id).to.equal('17778181');
      expect(v.provider_id).to.equal('12456470');
      expect(v.type).to.equal(2);
      expect(v.status).to.equal(30);
      expect(v.room_id).to.equal('1002387');
      expect(v.host_ids).to.deep.equal(['12456470']);
      expect(v.intake?.type).to.equal(2);
      expect((v.intake as unknown as { consent: unknown }).consent).to.equal(true);
      expect(v.intake?.attachments).to.deep.equal([]);
      expect(v.postvisit?.visit_id).to.equal('18407167');
    });

    it('normalizes the walk-in, e-consult and intake samples', async () => {
      let body: unknown = seedWalkin;
      const { c } = client(() => json(body));
      const w = await c.addWalkin({ intake_id: 'x', room_code: 'r' });
      expect(w.type).to.equal(1);
      expect(w.status).to.equal(10);
      expect(w.start).to.equal(1458095488);
      expect(w.member?.gender).to.equal(1);
      body = seedEconsult;
      const e = await c.addEconsult({ intake_id: 'x', room_code: 'r' });
      expect(e.type).to.equal(3);
      expect(e.status).to.equal(20);
      expect(e.subtype).to.equal(4);
      expect(e.member_id).to.equal('14396847');
      body = seedIntake;
      const i = await c.getIntake('57b4c678-de20-4c1a-a52b-43e9ac1f0144');
      expect(i.type).to.equal(1);
      expect(i.attachments?.[0].id).to.equal('57b4c65d-7ef8-461f-8951-43b1ac1f0144');
      expect(i.attachments?.[0].created).to.equal(1471465053);
      expect(i.attachments?.[0].creator_id).to.equal('575');
    });

    it('reads every field by its name the same way, also after an answer with thousands of other names', async () => {
      // Field names are remembered up to a bound; names past it must still be read by what they say.
      const extra = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`custom_${i}`, '1']));
      const { c } = client(() => json({ data: [{ id: 1, start: '1470669300', ...extra, late_field_id: 7, late_start: 'null' }] }));
      const [v] = await c.listVisits();
      expect(v.id).to.equal('1');
      expect(v.start).to.equal(1470669300);
      expect(v.custom_1499).to.equal('1');
      expect(v.late_field_id).to.equal('7');
      expect(v.late_start).to.equal(null);
      const [again] = await c.listVisits();
      expect(again.start).to.equal(1470669300);
      expect(again.late_field_id).to.equal('7');
    });

    it('turns slots into numbers and provider ids into strings, dropping unusable slots', async () => {
      const { c } = client(() =>
        json({
          data: [
            { start: '1470186000', end: 1470186900, providers: [123, '345'] },
            { start: 'soon', end: 1470186900, providers: ['1'] },
            { start: 1470187800, end: 1470186900 },
            // An end past what a Date holds: formatting it would throw.
            { start: 1470186000, end: 99999999999999, providers: ['1'] },
            // A "slot" of 400 days is no time to offer.
            { start: 1470186000, end: 1470186000 + 400 * 86400, providers: ['1'] },
          ],
        }),
      );
      const slots = await c.getAvailability({ start: 1, end: 2 });
      expect(slots).to.deep.equal([{ start: 1470186000, end: 1470186900, providers: ['123', '345'] }]);
    });

    it('reads a time in milliseconds, past what a Date holds, or before 1970 as unknown', async () => {
      const now = 1_780_000_000;
      const { c } = client(() =>
        json({
          data: [
            { id: 'ms', start: now * 1000, end: String(now * 1000 + 900_000), created: now },
            { id: 'huge', start: '1e13', end: 99999999999999, actual_start: { sec: 1e15 } },
            { id: 'negative', start: -60, end: now },
          ],
        }),
      );
      const [ms, huge, negative] = await c.listVisits();
      expect(ms).not.to.have.any.keys('start', 'end');
      expect(ms!.created).to.equal(now);
      expect(huge).not.to.have.any.keys('start', 'end', 'actual_start');
      expect(negative).not.to.have.property('start');
      expect(negative!.end).to.equal(now);
    });

    it('reads "no current visit" in all its spellings as null', async () => {
      for (const data of [null, [], {}, '']) {
        const { c } = client(() => json({ data }));
        expect(await c.getCurrentVisit()).to.equal(null);
      }
    });

    it('refuses a summary URL that is not http(s)', async () => {
      const { c } = client(() => json({ data: { url: 'javascript:alert(1)' } }));
      expect((await failure(c.getVisitSummaryUrl('1'))).code).to.equal('bad_response');
    });
  });

  describe('failures', () => {
    const cases: Array<[number, string]> = [
      [400, 'http'],
      [401, 'unauthorized'],
      [403, 'http'],
      [404, 'not_found'],
      [409, 'conflict'],
      [429, 'rate_limited'],
      [500, 'server'],
      [502, 'server'],
      [503, 'server'],
      [504, 'server'],
    ];
    for (const [status, code] of cases) {
      it(`maps HTTP ${status} to "${code}" with the vendor's message`, async () => {
        const { c } = client(() => json({ code: status, message: `Vendor says ${status}` }, status), { retry: { retries: 0 } });
        const e = await failure(c.createIntake({ room_code: 'r' }));
        expect(e.status).to.equal(status);
        expect(e.code).to.equal(code);
        expect(e.message).to.equal(`Vendor says ${status}`);
      });
    }

    it('maps an HTML error page from a proxy, an empty body and a 2xx that is not JSON', async () => {
      const html = () =>
        new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } });
      let e = await failure(client(html, { retry: { retries: 0 } }).c.listVisits());
      expect([e.code, e.status]).to.deep.equal(['server', 502]);
      expect(e.message).not.to.contain('<html>');
      e = await failure(client(() => new Response('', { status: 500 }), { retry: { retries: 0 } }).c.listVisits());
      expect(e.code).to.equal('server');
      e = await failure(client(() => new Response('OK!', { status: 200 })).c.listVisits());
      expect([e.code, e.status]).to.deep.equal(['bad_response', 200]);
      e = await failure(client(() => json({ visits: [] })).c.listVisits());
      expect(e.code).to.equal('bad_response');
      e = await failure(client(() => json({ data: 'nope' })).c.listVisits());
      expect(e.code).to.equal('bad_response');
      e = await failure(client(() => new Response('', { status: 200 })).c.listVisits());
      expect([e.code, e.status]).to.deep.equal(['bad_response', 200]);
    });

    it('maps a success whose body breaks off mid-way to "network", not "bad_response"', async () => {
      const broken = () =>
        new Response(
          new ReadableStream({
            start(ctl) {
              ctl.enqueue(new TextEncoder().encode('{"data": [{"id": 1},'));
              ctl.error(new TypeError('connection reset'));
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        );
      const e = await failure(client(broken, { retry: { retries: 0 } }).c.listVisits());
      expect([e.code, e.status]).to.deep.equal(['network', 0]);
    });

    it('maps a network failure to "network" with status 0', async () => {
      const e = await failure(client(() => 'network-error', { retry: { retries: 0 } }).c.listVisits());
      expect([e.code, e.status]).to.deep.equal(['network', 0]);
    });

    it('times out after timeoutMs with code "timeout"', async () => {
      const never = deferred<Response>();
      const { c } = client(() => never.promise, { timeoutMs: 50, retry: { retries: 0 } });
      const t0 = performance.now();
      const e = await failure(c.getVisit('1'));
      expect([e.code, e.status]).to.deep.equal(['timeout', 0]);
      expect(performance.now() - t0).to.be.lessThan(2000);
    });

    it('never puts the token in a message, even when the server echoes it', async () => {
      const { c } = client(() => json({ code: 401, message: `Token ${TOKEN} is invalid` }, 401));
      const e = await failure(c.listVisits());
      expect(e.message).not.to.contain(TOKEN);
      expect(JSON.stringify(e)).not.to.contain(TOKEN);
      expect(String(e.stack)).not.to.contain(TOKEN);
    });
  });

  describe('abort', () => {
    it('rejects with an AbortError when the signal aborts, for every kind of call', async () => {
      const { c } = client(() => deferred<Response>().promise);
      const calls: Array<(s: AbortSignal) => Promise<unknown>> = [
        (signal) => c.listVisits({ signal }),
        (signal) => c.createIntake({ room_code: 'r' }, { signal }),
        (signal) => c.getAvailability({ start: 1, end: 2 }, { signal }),
        (signal) => c.closeVisit('1', 'patient_exit_room', { signal }),
      ];
      for (const call of calls) {
        const ac = new AbortController();
        const p = call(ac.signal);
        ac.abort();
        let err: unknown;
        await p.catch((e) => (err = e));
        expect((err as Error).name).to.equal('AbortError');
      }
      const ac = new AbortController();
      ac.abort();
      let err: unknown;
      await c.getRoom('r', { signal: ac.signal }).catch((e) => (err = e));
      expect((err as Error).name).to.equal('AbortError');
    });
  });

  describe('retry policy', () => {
    it('retries a GET on 5xx, 429 and network errors, then succeeds', async () => {
      const answers: Array<() => Response | 'network-error'> = [
        () => json({ message: 'busy' }, 503),
        () => 'network-error',
        () => json({ data: [] }),
      ];
      const { c, calls } = client(() => answers.shift()!());
      expect(await c.listVisits()).to.deep.equal([]);
      expect(calls.length).to.equal(3);
    });

    it('gives up after the configured retries', async () => {
      const { c, calls } = client(() => json({ message: 'down' }, 500));
      expect((await failure(c.listVisits())).code).to.equal('server');
      expect(calls.length).to.equal(3);
    });

    it('never retries a POST by itself', async () => {
      const { c, calls } = client(() => json({ message: 'down' }, 503));
      await failure(c.createIntake({ room_code: 'r' }));
      expect(calls.length).to.equal(1);
      const net = client(() => 'network-error');
      await failure(net.c.createAppointment({ slot_start: 1, slot_end: 2 }));
      expect(net.calls.length).to.equal(1);
    });

    it('does not retry a 4xx other than 429', async () => {
      const { c, calls } = client(() => json({ message: 'no' }, 404));
      await failure(c.getVisit('1'));
      expect(calls.length).to.equal(1);
    });

    it('honours Retry-After up to the cap, and fails at once beyond it', async () => {
      const answers = [() => json({ message: 'slow down' }, 429, { 'Retry-After': '1' }), () => json({ data: [] })];
      const { c, calls } = client(() => answers.shift()!());
      const t0 = performance.now();
      await c.listVisits();
      expect(performance.now() - t0).to.be.at.least(900);
      expect(calls.length).to.equal(2);

      const long = client(() => json({ message: 'later' }, 429, { 'Retry-After': '3600' }));
      const e = await failure(long.c.listVisits());
      expect(e.code).to.equal('rate_limited');
      expect(e.retryAfter).to.equal(3600);
      expect(long.calls.length).to.equal(1);
    });
  });

  describe('sharing identical GETs', () => {
    it('makes one request for identical concurrent GETs', async () => {
      const gate = deferred<void>();
      const { c, calls } = client(() => gate.promise.then(() => json({ data: [{ id: 1 }] })));
      const all = Promise.all([c.listVisits(), c.listVisits(), c.listVisits()]);
      gate.resolve();
      const [a, b, d] = await all;
      expect(calls.length).to.equal(1);
      expect(a[0].id).to.equal('1');
      expect(b).to.deep.equal(a);
      expect(d).to.deep.equal(a);
      // Each caller owns its objects: one changing a visit does not change another's.
      expect(b[0]).to.not.equal(a[0]);
      expect(d[0]).to.not.equal(b[0]);
      a[0].status = 40;
      expect(b[0].status).to.equal(undefined);
      await c.listVisits();
      expect(calls.length).to.equal(2);
    });

    it('sends the request in the same turn when the token is known (page work overlaps the network)', async () => {
      const { c, calls } = client(() => json({ data: [] }));
      const pending = c.listVisits();
      expect(calls.length).to.equal(1);
      expect(await pending).to.deep.equal([]);
    });

    it('lets one caller abort without cancelling the others', async () => {
      const gate = deferred<Response>();
      const { c, calls } = client(() => gate.promise);
      const ac = new AbortController();
      const first = c.listVisits({ signal: ac.signal });
      const second = c.listVisits({ signal: new AbortController().signal });
      ac.abort();
      let err: unknown;
      await first.catch((e) => (err = e));
      expect((err as Error).name).to.equal('AbortError');
      gate.resolve(json({ data: [] }));
      expect(await second).to.deep.equal([]);
      expect(calls.length).to.equal(1);
      expect(calls[0].signal?.aborted).to.equal(false);
    });

    it('does not share POSTs', async () => {
      const { c, calls } = client(() => json({ data: { id: '1' } }));
      await Promise.all([c.closeVisit('1', 'patient_exit_room'), c.closeVisit('1', 'patient_exit_room')]);
      expect(calls.length).to.equal(2);
    });
  });

  describe('tokenProvider', () => {
    it('asks for a token before the first request, once for concurrent calls', async () => {
      let asked = 0;
      const fake = fakeFetch((r) =>
        r.headers['x-apitoken'] === 'fresh-1'
          ? json({ data: r.url.endsWith('/visits') ? [] : r.url.includes('/rooms/') ? { code: 'r' } : {} })
          : json({}, 401),
      );
      const c = new VseeClient({
        baseUrl: 'https://h.test',
        accountCode: 'a',
        fetch: fake.fetch,
        tokenProvider: async () => `fresh-${++asked}`,
      });
      await Promise.all([c.listVisits(), c.getRoom('r'), c.getVisitSummaryUrl('1').catch(() => null)]);
      expect(asked).to.equal(1);
      expect(fake.calls.every((r) => r.headers['x-apitoken'] === 'fresh-1')).to.be.true;
    });

    it('refreshes once after a 401, saying so (purpose refresh), and retries that request with the new token', async () => {
      const requests: unknown[] = [];
      const fake = fakeFetch((r) =>
        r.headers['x-apitoken'] === 'fresh-2' ? json({ data: { id: '9' } }) : json({ code: 401, message: 'expired' }, 401),
      );
      const c = new VseeClient({
        baseUrl: 'https://h.test',
        accountCode: 'a',
        fetch: fake.fetch,
        tokenProvider: async (request) => `fresh-${requests.push(request)}`,
      });
      const v = await c.createIntake({ room_code: 'r' });
      expect(v.id).to.equal('9');
      // The first token plainly; after the 401, a new one (a server's cache must not answer the refused one).
      expect(requests).to.deep.equal([undefined, { purpose: 'refresh' }]);
      expect(fake.calls.map((r) => r.headers['x-apitoken'])).to.deep.equal(['fresh-1', 'fresh-2']);
    });

    it('fails with "unauthorized" when the refreshed token is refused too, without looping', async () => {
      let asked = 0;
      const fake = fakeFetch(() => json({ code: 401, message: 'expired' }, 401));
      const c = new VseeClient({ baseUrl: 'https://h.test', fetch: fake.fetch, tokenProvider: async () => `t${++asked}` });
      const e = await failure(c.listVisits());
      expect(e.code).to.equal('unauthorized');
      expect(fake.calls.length).to.equal(2);
      expect(asked).to.equal(2);
    });

    it('reports a failing tokenProvider as "unauthorized"', async () => {
      const fake = fakeFetch(() => json({ data: [] }));
      const c = new VseeClient({
        baseUrl: 'https://h.test',
        fetch: fake.fetch,
        tokenProvider: async () => {
          throw new Error('sso down');
        },
      });
      expect((await failure(c.listVisits())).code).to.equal('unauthorized');
      expect(fake.calls.length).to.equal(0);
    });
  });

  describe('change notifications', () => {
    it('fires "change" after a successful write, not after a read', async () => {
      const { c } = client((r) => json({ data: r.method === 'GET' ? [] : { id: '5' } }));
      const ops: string[] = [];
      c.addEventListener('change', (e) => ops.push((e as CustomEvent).detail.operation));
      await c.listVisits();
      await c.createAppointment({ slot_start: 1, slot_end: 2 });
      await c.closeVisit('5', 'patient_cancel_appointment');
      expect(ops).to.deep.equal(['createAppointment', 'closeVisit']);
    });
  });
});
