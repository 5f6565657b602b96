import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import type { VseeIntakeForm } from '../src/elements/intake-form/vsee-intake-form.js';
import { ACCOUNT, ROOM, TOKEN, mockTenant, type MockLogEntry, type MockTenant } from './helpers/mock.js';
import { VseeClient } from '../src/client.js';

const $ = <T extends Element = HTMLElement>(el: VseeIntakeForm, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const posts = (log: MockLogEntry[], path: string) => log.filter((e) => e.method === 'POST' && e.path === path);
const button = (el: VseeIntakeForm, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label || b.getAttribute('aria-label') === label);

async function ready(el: VseeIntakeForm) {
  await waitUntil(() => el.shadowRoot!.querySelector('#reason'), 'the form did not appear', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

function typeReason(el: VseeIntakeForm, value: string) {
  const c = $<HTMLTextAreaElement>(el, '#reason');
  c.value = value;
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function chooseFiles(el: VseeIntakeForm, files: File[]) {
  const input = $<HTMLInputElement>(el, '#files');
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const png = (name = 'rash.png', bytes = 2048) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

function form(mock: MockTenant, attrs: Record<string, string> = {}) {
  return fixture<VseeIntakeForm>(
    html`<vsee-intake-form
      api-base=${mock.base}
      account-code=${ACCOUNT}
      token=${TOKEN}
      room-code=${ROOM}
      then=${attrs.then ?? 'none'}
      max-wait=${attrs['max-wait'] ?? ''}
      poll-interval=${attrs['poll-interval'] ?? '0.05'}
      max-file-size=${attrs['max-file-size'] ?? ''}
    ></vsee-intake-form>`,
  );
}

describe('<vsee-intake-form> attachments', () => {
  let mock: MockTenant;
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
  });

  it('uploads each file with a moving bar and its size, then a full bar, and the intake carries the ids', async () => {
    await mock.fault({ method: 'POST', path: '/files', delayMs: 300, times: 2 });
    const el = await ready(await form(mock));
    chooseFiles(el, [png('a.png'), png('b.png', 3072)]);
    await el.updateComplete;
    // In flight: indeterminate (no value: fetch reports no bytes sent), named for its file, size shown.
    const sending = [...el.shadowRoot!.querySelectorAll('progress')];
    expect(sending.map((p) => [p.getAttribute('aria-label'), p.hasAttribute('value'), p.position])).to.deep.equal([
      ['Uploading a.png', false, -1],
      ['Uploading b.png', false, -1],
    ]);
    const rows = [...el.shadowRoot!.querySelectorAll('[part=attachment]')].map((r) => text(r));
    expect(rows[0]).to.contain('a.png (2 kB)').and.contain('Uploading…');
    expect(rows[1]).to.contain('b.png (3 kB)');
    await expect(el).to.be.accessible();
    await waitUntil(() => !el.shadowRoot!.querySelector('progress:not([value])'), 'uploads did not finish', { timeout: 4000 });
    // Done: the bar is full and says so.
    const done = [...el.shadowRoot!.querySelectorAll('progress')];
    expect(done.map((p) => [p.getAttribute('aria-label'), p.position])).to.deep.equal([
      ['a.png uploaded', 1],
      ['b.png uploaded', 1],
    ]);
    expect(text(el)).to.contain('Uploaded');
    await expect(el).to.be.accessible();
    typeReason(el, 'See photos');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await oneEvent(el, 'vsee-intake-saved');
    const log = await mock.log();
    const files = posts(log, '/files');
    expect(files).to.have.length(2);
    const body = posts(log, '/intakes')[0]!.body as { attachments: string[] };
    expect(body.attachments).to.have.length(2);
  });

  it('a failed upload can be retried, and submit waits for uploads still running', async () => {
    await mock.fault({ method: 'POST', path: '/files', status: 500 });
    const el = await ready(await form(mock));
    const errorEvent = oneEvent(el, 'vsee-error');
    chooseFiles(el, [png('scan.png')]);
    expect((await errorEvent).detail.operation).to.equal('uploadFile');
    await waitUntil(() => text(el).includes('Not uploaded'), 'no failure shown');
    typeReason(el, 'With a scan');
    // An attachment that failed blocks the submit with a clear message; nothing is sent.
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await waitUntil(() => text(el).includes('An attachment was not uploaded'), 'no upload message');
    expect(posts(await mock.log(), '/intakes')).to.have.length(0);

    await mock.fault({ method: 'POST', path: '/files', delayMs: 300 });
    button(el, 'Try uploading scan.png again')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress:not([value])'), 'sending again').to.exist;
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await el.updateComplete;
    expect($(el, 'button[part=submit]').textContent).to.contain('Finishing uploads');
    const { detail } = await oneEvent(el, 'vsee-intake-saved');
    const log = await mock.log();
    const uploaded = posts(log, '/files').filter((e) => e.status === 200);
    expect(uploaded).to.have.length(1);
    expect((posts(log, '/intakes')[0]!.body as { attachments: string[] }).attachments).to.have.length(1);
    expect(detail.intake.attachments).to.have.length(1);
  });

  it('refuses a wrong type or a too large file before uploading, and a file can be removed', async () => {
    const el = await ready(await form(mock, { 'max-file-size': '1000' }));
    chooseFiles(el, [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }), png('big.png', 5000), png('ok.png', 500)]);
    await el.updateComplete;
    expect(text(el)).to.contain('“setup.exe” is not a file type we accept');
    expect(text(el)).to.contain('“big.png” is 4.9 kB, more than the 1,000 bytes limit');
    await waitUntil(() => text(el).includes('Uploaded'), 'ok.png not uploaded');
    expect(posts(await mock.log(), '/files')).to.have.length(1);
    button(el, 'Remove ok.png')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(el.shadowRoot!.querySelector('[part=attachment]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#files'));
  });

  it('removing a file while it is sent stops its upload, with no error and no id kept', async () => {
    await mock.fault({ method: 'POST', path: '/files', delayMs: 1500 });
    const signals: AbortSignal[] = [];
    const el = await ready(await form(mock));
    el.client = new VseeClient({
      baseUrl: mock.base,
      accountCode: ACCOUNT,
      token: TOKEN,
      fetch: (input, init) => {
        if (String(input).endsWith('/files') && init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    await ready(el);
    let errors = 0;
    el.addEventListener('vsee-error', () => errors++);
    chooseFiles(el, [png('gone.png')]);
    await waitUntil(() => signals.length === 1, 'the upload did not start');
    expect(signals[0]!.aborted).to.be.false;
    button(el, 'Remove gone.png')!.click();
    await el.updateComplete;
    expect(signals[0]!.aborted, 'the request was cancelled').to.be.true;
    expect(el.shadowRoot!.querySelector('[part=attachment]')).to.equal(null);
    await aTimeout(100);
    expect(errors).to.equal(0);
    expect(text(el)).not.to.contain('Not uploaded');
    expect(el.value.attachments ?? []).to.deep.equal([]);
  });

  it('keeps uploaded ids (not files) in the draft', async () => {
    const first = await ready(await form(mock));
    chooseFiles(first, [png('kept.png')]);
    await waitUntil(() => text(first).includes('Uploaded'));
    first.remove();
    const second = await ready(await form(mock));
    expect(text(second)).to.contain('kept.png');
    typeReason(second, 'Draft with file');
    $<HTMLButtonElement>(second, 'button[part=submit]').click();
    await oneEvent(second, 'vsee-intake-saved');
    expect((posts(await mock.log(), '/intakes')[0]!.body as { attachments: string[] }).attachments).to.have.length(1);
  });
});

/** The runner may run this page in a background tab; the waiting room pauses while hidden. */
let pageHidden = false;
function setHidden(hidden: boolean) {
  pageHidden = hidden;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<vsee-intake-form> walk-in and waiting room', () => {
  let mock: MockTenant;
  before(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => pageHidden });
  });
  after(() => {
    delete (document as { hidden?: boolean }).hidden;
  });
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
    pageHidden = false;
  });

  async function walkin(attrs: Record<string, string> = {}) {
    const el = await ready(await form(mock, { then: 'walkin', ...attrs }));
    typeReason(el, 'Need to see someone');
    const created = oneEvent(el, 'vsee-visit-created');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    const { detail } = await created;
    await waitUntil(() => el.shadowRoot!.querySelector('[part=waiting-room]'), 'no waiting room');
    return { el, visit: detail.visit, kind: detail.kind };
  }

  it('creates the walk-in from the intake and shows the waiting room, then the provider is ready', async () => {
    await mock.config({ walkinReadyAfterMs: 400 });
    const { el, visit, kind } = await walkin();
    expect(kind).to.equal('walkin');
    const log = await mock.log();
    const intake = posts(log, '/intakes')[0]!;
    expect(intake.body).to.include({ type: '1' });
    const body = posts(log, '/visits/add_walkin')[0]!.body as Record<string, string>;
    expect(body.room_code).to.equal(ROOM);
    expect(body.intake_id).to.be.a('string');
    expect(text(el)).to.contain('You are in the waiting room').and.contain('VClinic UAT Room').and.contain('Time waited');
    expect(el.shadowRoot!.querySelector('[part=waiting-room] [aria-live=polite]')).to.exist;
    await expect(el).to.be.accessible();
    const { detail } = await oneEvent(el, 'vsee-visit-ready');
    expect(detail.visit.id).to.equal(visit.id);
    await el.updateComplete;
    expect(text(el)).to.contain('Your provider is ready');
  });

  it('the provider being ready moves focus only from inside the form, never from elsewhere on the page', async () => {
    for (const elsewhere of [false, true]) {
      await mock.config({ walkinReadyAfterMs: 400 });
      const { el } = await walkin();
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('.waiting .title'), 'focus on the waiting room');
      const outside = document.createElement('button');
      document.body.append(outside);
      if (elsewhere) outside.focus();
      await oneEvent(el, 'vsee-visit-ready');
      await el.updateComplete;
      await aTimeout(0);
      expect(text(el)).to.contain('Your provider is ready');
      if (elsewhere) expect(document.activeElement, 'left where the patient was').to.equal(outside);
      else expect(el.shadowRoot!.activeElement?.matches('.done'), 'moved to the message').to.be.true;
      outside.remove();
      el.remove();
    }
  });

  it('"Leave waiting room" asks first, then closes the visit with patient_exit_room', async () => {
    await mock.config({ walkinReadyAfterMs: 60_000 });
    const { el, visit } = await walkin();
    button(el, 'Leave waiting room')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(text(el)).to.contain('Leave the waiting room?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#leave-cancel'));
    button(el, 'Stay')!.click();
    await el.updateComplete;
    expect(posts(await mock.log(), '/visits/close')).to.have.length(0);
    // Escape backs out too, focus back on the button that asked.
    button(el, 'Leave waiting room')!.click();
    await el.updateComplete;
    await aTimeout(0);
    $(el, '#leave-cancel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    await aTimeout(0);
    expect($(el, '#leave-confirm'), 'the question is gone').to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#leave'));
    button(el, 'Leave waiting room')!.click();
    await el.updateComplete;
    const closed = oneEvent(el, 'vsee-visit-closed');
    button(el, 'Yes, leave')!.click();
    const { detail } = await closed;
    expect(detail).to.deep.equal({ id: visit.id, reason: 'patient_exit_room' });
    expect(posts(await mock.log(), '/visits/close')[0]!.body).to.deep.include({ id: visit.id, reason: 'patient_exit_room' });
    await el.updateComplete;
    expect(text(el)).to.contain('You left the waiting room');
  });

  it('max-wait closes the visit with max_waiting_time_reached and says what to do', async () => {
    await mock.config({ walkinReadyAfterMs: 60_000 });
    const { el, visit } = await walkin({ 'max-wait': '0.4' });
    const { detail } = await oneEvent(el, 'vsee-visit-closed');
    expect(detail).to.deep.equal({ id: visit.id, reason: 'max_waiting_time_reached' });
    await el.updateComplete;
    expect(text(el)).to.contain('No provider was available in time').and.contain('start a new visit or book an appointment');
    await expect(el).to.be.accessible();
  });

  it('stops watching the visit when removed from the page', async () => {
    await mock.config({ walkinReadyAfterMs: 60_000 });
    const { el, visit } = await walkin();
    await waitUntil(async () => (await mock.log()).some((e) => e.method === 'GET' && e.path === `/visits/${visit.id}`), 'never polled');
    el.remove();
    await aTimeout(100);
    const before = (await mock.log()).length;
    await aTimeout(300);
    expect((await mock.log()).length).to.equal(before);
  });

  it('pauses watching while the page is hidden and checks again when it is shown', async () => {
    await mock.config({ walkinReadyAfterMs: 300 });
    const { el } = await walkin({ 'poll-interval': '0.1' });
    setHidden(true);
    await aTimeout(50);
    const before = (await mock.log()).length;
    await aTimeout(500);
    expect((await mock.log()).length).to.equal(before);
    expect(text(el)).to.contain('You are in the waiting room');
    const ready = oneEvent(el, 'vsee-visit-ready');
    setHidden(false);
    await ready;
  });

  it('a reload while waiting returns to the waiting room instead of a new intake', async () => {
    await mock.config({ walkinReadyAfterMs: 60_000 });
    const { el, visit } = await walkin();
    el.remove();
    const again = await form(mock, { then: 'walkin' });
    await waitUntil(() => again.shadowRoot!.querySelector('[part=waiting-room]'), 'not back in the waiting room');
    await mock.config({ walkinReadyAfterMs: 0 });
    const { detail } = await oneEvent(again, 'vsee-visit-ready');
    expect(detail.visit.id).to.equal(visit.id);
    expect(posts(await mock.log(), '/intakes')).to.have.length(1);
    again.remove();
    // Once the visit started, a reload shows the form again.
    const fresh = await ready(await form(mock, { then: 'walkin' }));
    expect(fresh.shadowRoot!.querySelector('[part=waiting-room]')).to.equal(null);
  });

  it('a failed walk-in keeps the intake and a retry does not create another', async () => {
    await mock.fault({
      method: 'POST',
      path: '/visits/add_walkin',
      status: 403,
      body: JSON.stringify({ code: 403, message: 'The waiting room is full.' }),
      contentType: 'application/json',
    });
    const el = await ready(await form(mock, { then: 'walkin' }));
    typeReason(el, 'Retry me');
    const err = oneEvent(el, 'vsee-error');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    expect((await err).detail.operation).to.equal('addWalkin');
    await waitUntil(() => text(el).includes('could not add you to the waiting room'));
    expect(text(el)).to.contain('The waiting room is full.');
    button(el, 'Try again')!.click();
    await oneEvent(el, 'vsee-visit-created');
    const log = await mock.log();
    expect(posts(log, '/intakes')).to.have.length(1);
  });
});
