import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import type { VseeIntakeForm } from '../src/elements/intake-form/vsee-intake-form.js';
import { chunkLoaders, chunks } from '../src/elements/intake-form/chunks.js';
import { ACCOUNT, ROOM, TOKEN, mockTenant, type MockTenant } from './helpers/mock.js';

const $ = <T extends Element = HTMLElement>(el: VseeIntakeForm, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const button = (el: VseeIntakeForm, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label || b.getAttribute('aria-label') === label);

const original = { ...chunkLoaders };
/** What a browser throws when a chunk cannot be fetched (offline, a deploy removed it). */
const failing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

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

function form(mock: MockTenant, then = 'none', children = html``) {
  return fixture<VseeIntakeForm>(
    html`<vsee-intake-form
      api-base=${mock.base}
      account-code=${ACCOUNT}
      token=${TOKEN}
      room-code=${ROOM}
      member-id="575"
      then=${then}
      poll-interval="0.05"
      >${children}</vsee-intake-form
    >`,
  );
}

// Each chunk loads once per page, so each test below is the first to use its chunk; the order matters.
describe('<vsee-intake-form> chunks loaded on first use', () => {
  let mock: MockTenant;
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
  });
  afterEach(() => Object.assign(chunkLoaders, original));

  it('the sending code is not part of the first paint; if its chunk fails, nothing is sent, the form says so, and Try again sends', async () => {
    chunkLoaders.submit = failing;
    const el = await ready(await form(mock));
    expect(chunks.submit.module, 'loaded before it was needed').to.equal(undefined);
    typeReason(el, 'Sent on retry');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await waitUntil(() => text(el).includes('part of this form did not load'), 'no message');
    expect(text(el)).to.contain('Your information was not sent').and.contain('Your answers are still here');
    expect((await mock.log()).filter((e) => e.method === 'POST')).to.have.length(0);
    expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Sent on retry');
    chunkLoaders.submit = original.submit;
    const saved = oneEvent(el, 'vsee-intake-saved');
    button(el, 'Try again')!.click();
    await saved;
    const posts = (await mock.log()).filter((e) => e.method === 'POST' && e.path === '/intakes');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.include({ reason_for_visit: 'Sent on retry' });
  });

  it('moving into the form fetches the sending code before Submit', async () => {
    const el = await ready(await form(mock));
    let requested = 0;
    const prefetch = chunks.submit.prefetch;
    // The chunk itself was loaded by the test above (once per page): what is checked is that the form asks.
    chunks.submit.prefetch = () => void requested++;
    try {
      expect(requested).to.equal(0);
      $<HTMLTextAreaElement>(el, '#reason').focus();
      expect(requested).to.be.greaterThan(0);
    } finally {
      chunks.submit.prefetch = prefetch;
    }
  });

  it('a form without the clinic\u2019s own fields and no file chosen loads neither their chunk nor the upload transport', async () => {
    const el = await ready(await form(mock));
    typeReason(el, 'Just a reason');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await oneEvent(el, 'vsee-intake-saved');
    expect(chunks.customFields.module).to.equal(undefined);
    expect(chunks.upload.module).to.equal(undefined);
    expect(chunks.waitingRoom.module).to.equal(undefined);
  });

  it('clinic fields whose chunk fails: a clear message with Try again, nothing typed lost, and the retry works', async () => {
    chunkLoaders.customFields = failing;
    const el = await ready(await form(mock, 'none', html`<label for="s">Symptoms</label><input id="s" name="custom_symptoms" required />`));
    expect(text(el)).to.contain('The clinic\u2019s own questions did not load').and.contain('Your answers are still here');
    typeReason(el, 'Kept reason');
    el.querySelector<HTMLInputElement>('#s')!.value = 'Kept symptom';
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await el.updateComplete;
    expect((await mock.log()).filter((e) => e.method === 'POST')).to.have.length(0);
    chunkLoaders.customFields = original.customFields;
    button(el, 'Try again')!.click();
    await waitUntil(() => !text(el).includes('did not load'), 'the retry did not load the chunk');
    expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Kept reason');
    const saved = oneEvent(el, 'vsee-intake-saved');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await saved;
    const post = (await mock.log()).find((e) => e.method === 'POST' && e.path === '/intakes')!;
    expect(post.body).to.include({ reason_for_visit: 'Kept reason', custom_symptoms: 'Kept symptom' });
  });

  it('an upload transport that fails to load says so on the file, and its Try again uploads it', async () => {
    chunkLoaders.upload = failing;
    const el = await ready(await form(mock));
    typeReason(el, 'With a file');
    const input = $<HTMLInputElement>(el, '#files');
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(100)], 'scan.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => text(el).includes('part of this page did not load'), 'no message on the file');
    expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('With a file');
    chunkLoaders.upload = original.upload;
    button(el, 'Try uploading scan.png again')!.click();
    await waitUntil(() => text(el).includes('Uploaded'), 'the retry did not upload');
    expect(el.value.attachments).to.have.length(1);
  });

  it('the waiting room is requested while the walk-in POST is in flight; if it fails, Try again opens it', async () => {
    await mock.fault({ method: 'POST', path: '/visits/add_walkin', delayMs: 400 });
    await mock.config({ walkinReadyAfterMs: 60_000 });
    let requestedAt = 0;
    chunkLoaders.waitingRoom = () => {
      requestedAt = performance.now();
      return failing();
    };
    const el = await ready(await form(mock, 'walkin'));
    typeReason(el, 'Walk in');
    const created = oneEvent(el, 'vsee-visit-created');
    $<HTMLButtonElement>(el, 'button[part=submit]').click();
    await created;
    const createdAt = performance.now();
    expect(requestedAt, 'asked for before the walk-in answered')
      .to.be.greaterThan(0)
      .and.lessThan(createdAt - 200);
    await waitUntil(() => text(el).includes('the waiting room did not open'), 'no message');
    chunkLoaders.waitingRoom = original.waitingRoom;
    button(el, 'Try again')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=waiting-room]'), 'the retry did not open the waiting room');
    expect(text(el)).to.contain('You are in the waiting room');
  });
});
