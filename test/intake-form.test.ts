import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import type { VseeIntakeForm } from '../src/elements/intake-form/vsee-intake-form.js';
import { normalizePhone, fileAccepted } from '../src/elements/intake-form/validators.js';
import { US_STATES } from '../src/elements/intake-form/us-states.js';
import { VseeClient } from '../src/client.js';
import { ACCOUNT, ROOM, TOKEN, mockTenant, type MockLogEntry, type MockTenant } from './helpers/mock.js';

const $ = <T extends Element = HTMLElement>(el: VseeIntakeForm, sel: string) => el.shadowRoot!.querySelector<T & Element>(sel) as T;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const posts = (log: MockLogEntry[], path: string) => log.filter((e) => e.method === 'POST' && e.path === path);

async function ready(el: VseeIntakeForm) {
  await waitUntil(() => el.shadowRoot!.querySelector('#reason'), 'the form did not appear', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

function typeInto(el: VseeIntakeForm, sel: string, value: string) {
  const c = $<HTMLInputElement | HTMLTextAreaElement>(el, sel);
  c.focus();
  c.value = value;
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  c.blur();
}

function choose(el: VseeIntakeForm, sel: string, value: string) {
  const c = $<HTMLSelectElement>(el, sel);
  c.value = value;
  c.dispatchEvent(new Event('change', { bubbles: true }));
}

async function submit(el: VseeIntakeForm) {
  $<HTMLButtonElement>(el, 'button[part=submit]').click();
  await el.updateComplete;
}

function form(mock: MockTenant, extra: Record<string, string> = {}, children = html``) {
  return fixture<VseeIntakeForm>(
    html`<vsee-intake-form
      api-base=${mock.base}
      account-code=${ACCOUNT}
      token=${TOKEN}
      room-code=${extra['room-code'] ?? ROOM}
      member-id="575"
      then=${extra.then ?? 'none'}
      visit-type=${extra['visit-type'] ?? ''}
      locale=${extra.locale ?? 'en'}
      intake-id=${extra['intake-id'] ?? ''}
      max-wait=${extra['max-wait'] ?? ''}
      poll-interval=${extra['poll-interval'] ?? ''}
      max-file-size=${extra['max-file-size'] ?? ''}
      >${children}</vsee-intake-form
    >`,
  );
}

const customQuestions = html`
  <label for="cs">Symptoms</label>
  <input id="cs" name="custom_symptoms" required />
  <label><input type="checkbox" name="custom_is_allergic" value="Yes" /> I have allergies</label>
  <fieldset>
    <legend>How long?</legend>
    <label><input type="radio" name="custom_symptoms_duration" value="days" /> Days</label>
    <label><input type="radio" name="custom_symptoms_duration" value="weeks" /> Weeks</label>
  </fieldset>
  <label for="cp">Pain</label>
  <select id="cp" name="custom_pain">
    <option value="">-</option>
    <option value="mild">Mild</option>
    <option value="severe">Severe</option>
  </select>
  <label for="cn">Notes</label>
  <textarea id="cn" name="custom_notes"></textarea>
`;

describe('validators', () => {
  it('accepts the ways people write a US number and keeps only the 10 digits', () => {
    expect(normalizePhone('(712) 345-6789')).to.equal('7123456789');
    expect(normalizePhone('712.345.6789')).to.equal('7123456789');
    expect(normalizePhone('+1 712 345 6789')).to.equal('7123456789');
    expect(normalizePhone('1-712-345-6789')).to.equal('7123456789');
    expect(normalizePhone('712345678')).to.equal(null);
    expect(normalizePhone('712-345-678a')).to.equal(null);
    expect(normalizePhone('+44 712 345 6789')).to.equal(null);
    expect(normalizePhone('012 345 6789')).to.equal(null);
  });

  it('matches files against accept lists', () => {
    expect(fileAccepted({ name: 'a.png', type: 'image/png' }, 'image/*,application/pdf')).to.equal(true);
    expect(fileAccepted({ name: 'a.pdf', type: '' }, 'image/*,.pdf')).to.equal(true);
    expect(fileAccepted({ name: 'a.exe', type: 'application/x-msdownload' }, 'image/*,application/pdf')).to.equal(false);
  });
});

describe('<vsee-intake-form>', () => {
  let mock: MockTenant;
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
  });

  describe('the fields', () => {
    it('shows the labelled fields, every state by name, and is accessible when empty', async () => {
      const el = await ready(await form(mock));
      const labels = [...el.shadowRoot!.querySelectorAll('label[part=label], legend')].map((l) =>
        l.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(labels.some((l) => l.startsWith('Reason for visit'))).to.equal(true);
      expect(labels.some((l) => l.startsWith('Visit type'))).to.equal(true);
      expect(labels.some((l) => l.startsWith('State'))).to.equal(true);
      expect(labels.some((l) => l.startsWith('Phone'))).to.equal(true);
      expect(labels.some((l) => l.startsWith('Attachments'))).to.equal(true);
      expect(text(el)).to.contain('Walk-in').and.contain('Scheduled');
      expect($(el, 'button[part=submit]').textContent!.trim()).to.equal('Submit');
      const options = [...$<HTMLSelectElement>(el, '#state').options].slice(1);
      expect(options).to.have.length(US_STATES.length);
      expect(options.find((o) => o.value === 'CA')!.textContent).to.equal('California');
      expect(options.find((o) => o.value === 'PR')!.textContent).to.equal('Puerto Rico');
      expect($(el, '#reason').getAttribute('maxlength')).to.equal('1000');
      expect(text(el)).to.contain('0 of 1000 characters');
      typeInto(el, '#reason', 'Cough');
      await el.updateComplete;
      expect(text(el)).to.contain('5 of 1000 characters');
      // The room offers consultations: the patient may choose one.
      expect($<HTMLSelectElement>(el, '#consultation').options.length).to.be.greaterThan(1);
      await expect(el).to.be.accessible();
    });

    it('does not ask the visit type when visit-type is set', async () => {
      const el = await ready(await form(mock, { 'visit-type': 'schedule' }));
      expect(el.shadowRoot!.querySelector('input[name=type]')).to.equal(null);
      typeInto(el, '#reason', 'Rash');
      await submit(el);
      const saved = await oneEvent(el, 'vsee-intake-saved');
      expect(saved.detail.intake.id).to.be.a('string');
      // A form field (the documented urlencoded body): the type arrives as the text "2".
      expect(posts(await mock.log(), '/intakes')[0]!.body).to.include({
        type: '2',
        reason_for_visit: 'Rash',
        room_code: ROOM,
        member_id: '575',
      });
    });

    it('speaks Spanish with locale="es"', async () => {
      const el = await ready(await form(mock, { locale: 'es' }));
      expect(text(el))
        .to.contain('Motivo de la consulta')
        .and.contain('Tipo de consulta')
        .and.contain('Teléfono')
        .and.contain('Archivos adjuntos');
      expect($(el, 'button[part=submit]').textContent!.trim()).to.equal('Enviar');
      expect([...$<HTMLSelectElement>(el, '#state').options].find((o) => o.value === 'NY')!.textContent).to.equal('Nueva York');
      await submit(el);
      expect(text(el)).to.contain('Escriba el motivo de su consulta.');
    });

    it('reports a bad then or visit-type attribute inside the element', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const el = await form(mock, { then: 'later', 'visit-type': 'soon' });
        expect(text(el)).to.contain('then').and.contain('visit-type');
      } finally {
        console.error = original;
      }
    });
  });

  describe('validation', () => {
    it('a missing reason never reaches the API: the field says so, gets focus, and a summary is announced', async () => {
      const el = await ready(await form(mock));
      let errors = 0;
      el.addEventListener('vsee-error', () => errors++);
      await submit(el);
      await aTimeout(50);
      expect(posts(await mock.log(), '/intakes')).to.have.length(0);
      const reason = $(el, '#reason');
      expect(el.shadowRoot!.activeElement).to.equal(reason);
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(reason.getAttribute('aria-describedby')).to.contain('reason-error');
      expect($(el, '#reason-error').textContent).to.contain('Enter the reason for your visit.');
      const summary = $(el, '[part=summary]');
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.textContent).to.contain('Reason for visit');
      expect(errors).to.equal(0);
      await expect(el).to.be.accessible();
      // Fixing the field clears its error and the summary.
      typeInto(el, '#reason', 'Earache');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=summary]')).to.equal(null);
      expect(reason.getAttribute('aria-invalid')).to.equal('false');
    });

    it('an invalid phone never reaches the API and the phone field gets focus', async () => {
      const el = await ready(await form(mock));
      typeInto(el, '#reason', 'Headache');
      typeInto(el, '#phone', '712-345');
      await el.updateComplete;
      // Touched and changed: the error shows before any submit.
      expect($(el, '#phone-error').textContent).to.contain('10-digit');
      expect($<HTMLInputElement>(el, '#phone').validity.customError).to.equal(true);
      await submit(el);
      await aTimeout(50);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#phone'));
      expect(posts(await mock.log(), '/intakes')).to.have.length(0);
    });

    it('shows no error before the patient touched anything', async () => {
      const el = await ready(await form(mock));
      $(el, '#reason').focus();
      $(el, '#reason').blur();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    });

    it('sends only the 10 digits of a formatted phone number', async () => {
      const el = await ready(await form(mock));
      typeInto(el, '#reason', 'Checkup');
      typeInto(el, '#phone', '+1 712 345 6789');
      choose(el, '#state', 'TX');
      await submit(el);
      await oneEvent(el, 'vsee-intake-saved');
      const body = posts(await mock.log(), '/intakes')[0]!.body as Record<string, unknown>;
      expect(body.phone).to.equal('7123456789');
      expect(body.location).to.equal('TX');
    });
  });

  describe('submitting', () => {
    it('ten clicks create one intake; the button shows progress and stays focusable', async () => {
      await mock.fault({ method: 'POST', path: '/intakes', delayMs: 200 });
      const el = await ready(await form(mock));
      let saved = 0;
      el.addEventListener('vsee-intake-saved', () => saved++);
      typeInto(el, '#reason', 'Sore throat');
      const button = $<HTMLButtonElement>(el, 'button[part=submit]');
      for (let i = 0; i < 10; i++) button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.disabled).to.equal(false);
      expect(button.textContent).to.contain('Sending');
      await waitUntil(() => saved === 1, 'not saved', { timeout: 4000 });
      await aTimeout(100);
      expect(saved).to.equal(1);
      expect(posts(await mock.log(), '/intakes')).to.have.length(1);
      await el.updateComplete;
      expect(text(el)).to.contain('Your information was sent to the clinic.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.done'));
      await expect(el).to.be.accessible();
    });

    it('a failure says so in words, keeps every value, and a retry creates one intake', async () => {
      await mock.fault({
        method: 'POST',
        path: '/intakes',
        status: 400,
        body: JSON.stringify({ code: 400, message: 'Reason contains unsupported characters.' }),
        contentType: 'application/json',
        times: 2,
      });
      const el = await ready(await form(mock, {}, customQuestions));
      typeInto(el, '#reason', 'Fever');
      typeInto(el, '#phone', '(712) 345-6789');
      (el.querySelector('#cs') as HTMLInputElement).value = 'chills';
      const errorEvent = oneEvent(el, 'vsee-error');
      await submit(el);
      const { detail } = await errorEvent;
      expect(detail.operation).to.equal('createIntake');
      await waitUntil(() => text(el).includes('Your information was not sent.'), 'no error message', { timeout: 4000 });
      expect(text(el)).to.contain('Your information was not sent.').and.contain('Reason contains unsupported characters.');
      expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Fever');
      expect($<HTMLInputElement>(el, '#phone').value).to.equal('(712) 345-6789');
      expect((el.querySelector('#cs') as HTMLInputElement).value).to.equal('chills');
      await expect(el).to.be.accessible();
      const tryAgain = () => $<HTMLButtonElement>(el, '.message.error [data-focus="retry"]');
      // Try again from the keyboard, refused once more: focus comes back to the new Try again, not the page's <body>.
      tryAgain().focus();
      tryAgain().click();
      await waitUntil(async () => posts(await mock.log(), '/intakes').length === 2 && tryAgain(), 'not refused again', { timeout: 4000 });
      await waitUntil(() => el.shadowRoot!.activeElement === tryAgain(), 'focus on the new Try again');
      tryAgain().click();
      await oneEvent(el, 'vsee-intake-saved');
      const created = posts(await mock.log(), '/intakes').filter((e) => e.status === 200);
      expect(created).to.have.length(1);
    });

    it('a retry after the intake was saved goes straight to the visit step', async () => {
      await mock.fault({ method: 'POST', path: '/visits/add_walkin', status: 503 });
      const el = await ready(await form(mock, { then: 'walkin', 'poll-interval': '30' }));
      typeInto(el, '#reason', 'Back pain');
      await submit(el);
      await waitUntil(() => text(el).includes('could not add you to the waiting room'), 'no visit error', { timeout: 4000 });
      expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Back pain');
      const created = oneEvent(el, 'vsee-visit-created');
      await submit(el);
      await created;
      const log = await mock.log();
      expect(posts(log, '/intakes')).to.have.length(1);
      expect(posts(log, '/visits/add_walkin')).to.have.length(2);
    });
  });

  describe('custom questions', () => {
    it("explain a clinic control's problem in the element's language, not the browser's", async () => {
      const questions = html` <label for="q1">Síntomas</label><input id="q1" name="custom_symptoms" required />
        <label for="q2">Código</label><input id="q2" name="custom_code" pattern="[0-9]{4}" title="4 dígitos" />
        <label><input type="checkbox" name="custom_consent" value="yes" required /> Acepto</label>`;
      const el = await ready(await form(mock, { locale: 'es' }, questions));
      typeInto(el, '#reason', 'Dolor');
      (el.querySelector('#q2') as HTMLInputElement).value = '12a';
      await submit(el);
      await aTimeout(50);
      const summary = $(el, '[part=summary]').textContent!.replace(/\s+/g, ' ');
      expect(summary).to.contain('Responda esta pregunta.');
      expect(summary).to.contain('Use el formato indicado: 4 dígitos');
      expect(summary).to.contain('Marque esta casilla.');
      // Chromium's own messages are English on this machine: none of them may show.
      expect(summary).not.to.match(/Please fill|Please match|Please check/);
      expect(posts(await mock.log(), '/intakes')).to.have.length(0);
    });

    it('are sent under their names and take part in validation', async () => {
      const el = await ready(await form(mock, {}, customQuestions));
      typeInto(el, '#reason', 'Allergy');
      await submit(el);
      await aTimeout(50);
      // The required clinic question blocks the submit and gets focus.
      expect(document.activeElement).to.equal(el.querySelector('#cs'));
      expect(el.querySelector('#cs')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '[part=summary]').textContent).to.contain('Symptoms');
      expect(posts(await mock.log(), '/intakes')).to.have.length(0);

      const symptoms = el.querySelector('#cs') as HTMLInputElement;
      symptoms.value = 'sneezing';
      symptoms.dispatchEvent(new Event('input', { bubbles: true }));
      (el.querySelector('input[name=custom_is_allergic]') as HTMLInputElement).checked = true;
      (el.querySelector('input[value=weeks]') as HTMLInputElement).checked = true;
      (el.querySelector('#cp') as HTMLSelectElement).value = 'mild';
      (el.querySelector('#cn') as HTMLTextAreaElement).value = 'Since spring';
      await submit(el);
      await oneEvent(el, 'vsee-intake-saved');
      const body = posts(await mock.log(), '/intakes')[0]!.body as Record<string, unknown>;
      expect(body).to.include({
        custom_symptoms: 'sneezing',
        custom_is_allergic: 'Yes',
        custom_symptoms_duration: 'weeks',
        custom_pain: 'mild',
        custom_notes: 'Since spring',
      });
    });

    it('are prefilled through .value, and .value reads them back', async () => {
      const el = await ready(await form(mock, {}, customQuestions));
      el.value = {
        reason_for_visit: 'Prefilled',
        location: 'NY',
        phone: '7123456789',
        custom_symptoms: 'cough',
        custom_is_allergic: 'Yes',
        custom_pain: 'severe',
      };
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Prefilled');
      expect($<HTMLSelectElement>(el, '#state').value).to.equal('NY');
      expect((el.querySelector('#cs') as HTMLInputElement).value).to.equal('cough');
      expect((el.querySelector('input[name=custom_is_allergic]') as HTMLInputElement).checked).to.equal(true);
      expect((el.querySelector('#cp') as HTMLSelectElement).value).to.equal('severe');
      expect(el.value).to.include({
        reason_for_visit: 'Prefilled',
        location: 'NY',
        phone: '7123456789',
        custom_symptoms: 'cough',
        custom_pain: 'severe',
      });
    });
  });

  describe('editing an intake', () => {
    it('loads every field, custom ones included, and saves with POST /intakes/:id', async () => {
      const client = new VseeClient({ baseUrl: mock.base, accountCode: ACCOUNT, token: TOKEN });
      const existing = await client.createIntake({
        room_code: ROOM,
        reason_for_visit: 'Old reason',
        location: 'WA',
        phone: '7123456789',
        type: 2,
        custom_symptoms: 'itchy eyes',
        custom_is_allergic: 'Yes',
        custom_symptoms_duration: 'days',
        custom_pain: 'mild',
        custom_notes: 'n',
      });
      const el = await ready(await form(mock, { 'intake-id': existing.id }, customQuestions));
      expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('Old reason');
      expect($<HTMLSelectElement>(el, '#state').value).to.equal('WA');
      expect($<HTMLInputElement>(el, 'input[name=type][value=schedule]').checked).to.equal(true);
      expect((el.querySelector('#cs') as HTMLInputElement).value).to.equal('itchy eyes');
      expect((el.querySelector('input[name=custom_is_allergic]') as HTMLInputElement).checked).to.equal(true);
      expect((el.querySelector('input[value=days]') as HTMLInputElement).checked).to.equal(true);
      expect((el.querySelector('#cp') as HTMLSelectElement).value).to.equal('mild');
      typeInto(el, '#reason', 'New reason');
      await submit(el);
      const { detail } = await oneEvent(el, 'vsee-intake-saved');
      expect(detail.intake.id).to.equal(existing.id);
      const log = await mock.log();
      expect(posts(log, '/intakes')).to.have.length(1); // the one this test made through the client
      expect(posts(log, `/intakes/${existing.id}`)).to.have.length(1);
      expect((await client.getIntake(existing.id)).reason_for_visit).to.equal('New reason');
      expect(text(el)).to.contain('Your changes were saved.');
    });

    it('says so plainly when the intake cannot be loaded', async () => {
      const el = await form(mock, { 'intake-id': 'no-such-intake' });
      await waitUntil(() => text(el).includes('We could not load your earlier answers.'), 'no message', { timeout: 4000 });
      expect(el.shadowRoot!.querySelector('button')!.textContent).to.contain('Try again');
    });
  });

  describe('the draft', () => {
    it('is restored after a reload, kept only in sessionStorage, and cleared on success', async () => {
      const localBefore = localStorage.length;
      const first = await ready(await form(mock, {}, customQuestions));
      typeInto(first, '#reason', 'Dizzy spells');
      typeInto(first, '#phone', '712.345.6789');
      choose(first, '#state', 'OR');
      const cs = first.querySelector('#cs') as HTMLInputElement;
      cs.value = 'spinning';
      cs.dispatchEvent(new Event('input', { bubbles: true }));
      first.remove();
      expect(localStorage.length).to.equal(localBefore);
      expect(document.cookie).not.to.contain('Dizzy');
      expect(location.href).not.to.contain('Dizzy');

      const second = await ready(await form(mock, {}, customQuestions));
      expect($<HTMLTextAreaElement>(second, '#reason').value).to.equal('Dizzy spells');
      expect($<HTMLInputElement>(second, '#phone').value).to.equal('712.345.6789');
      expect($<HTMLSelectElement>(second, '#state').value).to.equal('OR');
      expect((second.querySelector('#cs') as HTMLInputElement).value).to.equal('spinning');

      await submit(second);
      await oneEvent(second, 'vsee-intake-saved');
      await waitUntil(() => text(second).includes('Thank you'));
      second.remove();
      const third = await ready(await form(mock, {}, customQuestions));
      expect($<HTMLTextAreaElement>(third, '#reason').value).to.equal('');
    });

    it('belongs to its room: another room starts empty', async () => {
      const first = await ready(await form(mock));
      typeInto(first, '#reason', 'Only here');
      first.remove();
      const other = await ready(await form(mock, { 'room-code': 'vclinicroom' }));
      expect($<HTMLTextAreaElement>(other, '#reason').value).to.equal('');
    });
  });

  describe('the room', () => {
    it('a closed room shows its message and no form', async () => {
      await mock.config({ roomClosed: true, closeMsg: 'Closed for the holiday. Back Monday.' });
      const el = await form(mock);
      await waitUntil(() => text(el).includes('Closed for the holiday. Back Monday.'), 'no close message', { timeout: 4000 });
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('an unknown room code gives a clear message', async () => {
      const el = await form(mock, { 'room-code': 'no-such-room' });
      await waitUntil(() => text(el).includes('could not find this clinic'), 'no message', { timeout: 4000 });
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    });

    it('a room that fails to load does not block the intake', async () => {
      await mock.fault({ method: 'GET', path: '/rooms/*', status: 403 });
      const el = await ready(await form(mock));
      typeInto(el, '#reason', 'Still works');
      await submit(el);
      await oneEvent(el, 'vsee-intake-saved');
    });

    it('sends the chosen consultation', async () => {
      const el = await ready(await form(mock));
      typeInto(el, '#reason', 'Long talk');
      const select = $<HTMLSelectElement>(el, '#consultation');
      expect(select.textContent).to.contain('Extended consultation (30 min)').and.contain('$25.00');
      choose(el, '#consultation', '6160a1f2-3c4d-4e5f-8a9b-0c1d64457b11');
      await submit(el);
      await oneEvent(el, 'vsee-intake-saved');
      const body = posts(await mock.log(), '/intakes')[0]!.body as Record<string, { id: string }>;
      expect(body.consultation!.id).to.equal('6160a1f2-3c4d-4e5f-8a9b-0c1d64457b11');
    });
  });

  describe('visits after the intake', () => {
    it('then="econsult" creates an e-consult with the intake and the room', async () => {
      const el = await ready(await form(mock, { then: 'econsult' }));
      typeInto(el, '#reason', 'Skin spot');
      const created = oneEvent(el, 'vsee-visit-created');
      await submit(el);
      const { detail } = await created;
      expect(detail.kind).to.equal('econsult');
      expect(detail.visit.type).to.equal(3);
      const log = await mock.log();
      const intakeId = (await posts(log, '/intakes')[0]!).body;
      const body = posts(log, '/visits/add_econsult')[0]!.body as Record<string, string>;
      expect(body.room_code).to.equal(ROOM);
      expect(body.intake_id).to.be.a('string').and.not.equal('');
      expect(intakeId).to.exist;
      // The room is read once, however much happened since.
      expect(log.filter((e) => e.method === 'GET' && e.path.startsWith('/rooms/'))).to.have.length(1);
      await el.updateComplete;
      expect(text(el)).to.contain('Your e-consult request was sent');
      await expect(el).to.be.accessible();
    });
  });
});
