import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/elements/intake-form/vsee-intake-form.js';
import type { VseeIntakeForm } from '../src/elements/intake-form/vsee-intake-form.js';
import { ACCOUNT, ROOM, TOKEN, mockTenant, type MockLogEntry, type MockTenant } from './helpers/mock.js';

const $ = <T extends Element = HTMLElement>(el: VseeIntakeForm, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
const posts = (log: MockLogEntry[], path: string) => log.filter((e) => e.method === 'POST' && e.path.startsWith(path));

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

function form(mock: MockTenant, member: string, children = html``) {
  return fixture<VseeIntakeForm>(
    html`<vsee-intake-form api-base=${mock.base} account-code=${ACCOUNT} token=${TOKEN} room-code=${ROOM} member-id=${member} then="walkin"
      >${children}</vsee-intake-form
    >`,
  );
}

/** Patient A types, the intake is saved but the walk-in fails: A's draft now holds answers and an intake id. */
async function leaveAnswersAs(mock: MockTenant, member: string) {
  await mock.fault({ method: 'POST', path: '/visits/add_walkin', status: 500, times: 5 });
  const a = await ready(await form(mock, member));
  typeReason(a, 'Patient A private reason');
  const saved = oneEvent(a, 'vsee-intake-saved');
  $<HTMLButtonElement>(a, 'button[part=submit]').click();
  const { detail } = await saved;
  await waitUntil(() => text(a).includes('could not add you to the waiting room'), 'the walk-in did not fail');
  return { a, intakeId: detail.intake.id as string };
}

describe('<vsee-intake-form> drafts per patient', () => {
  let mock: MockTenant;
  beforeEach(() => {
    mock = mockTenant();
    sessionStorage.clear();
  });

  it('two patients in one tab never see each other\u2019s answers or intake id', async () => {
    const { a, intakeId } = await leaveAnswersAs(mock, '575');
    // The same patient coming back (a reload) gets the answers back, and updates the same intake.
    a.remove();
    const again = await ready(await form(mock, '575'));
    expect($<HTMLTextAreaElement>(again, '#reason').value).to.equal('Patient A private reason');
    again.remove();

    const b = await ready(await form(mock, '576'));
    expect($<HTMLTextAreaElement>(b, '#reason').value).to.equal('');
    expect(text(b)).to.not.contain('Patient A');
    expect(JSON.stringify({ ...sessionStorage }))
      .to.not.contain('Patient A private reason')
      .and.not.contain(intakeId);
    typeReason(b, 'Patient B reason');
    const saved = oneEvent(b, 'vsee-intake-saved');
    $<HTMLButtonElement>(b, 'button[part=submit]').click();
    const { detail } = await saved;
    expect(detail.intake.id).to.not.equal(intakeId);
    const log = await mock.log();
    expect(posts(log, `/intakes/${intakeId}`), 'B never updates A\u2019s intake').to.have.length(0);
    const created = posts(log, '/intakes').filter((e) => e.path === '/intakes');
    expect(created).to.have.length(2);
    expect(created[1]!.body).to.include({ member_id: '576', reason_for_visit: 'Patient B reason' });
  });

  it('a patient change on the same element empties the form and forgets the saved intake', async () => {
    const { a, intakeId } = await leaveAnswersAs(mock, '575');
    a.setAttribute('member-id', '576');
    await a.updateComplete;
    expect($<HTMLTextAreaElement>(a, '#reason').value).to.equal('');
    expect(text(a)).to.not.contain('could not add you');
    typeReason(a, 'Patient B here');
    const saved = oneEvent(a, 'vsee-intake-saved');
    $<HTMLButtonElement>(a, 'button[part=submit]').click();
    expect((await saved).detail.intake.id).to.not.equal(intakeId);
    expect(posts(await mock.log(), `/intakes/${intakeId}`)).to.have.length(0);
  });

  it('a new token without a member id is another patient too, and the token is never stored', async () => {
    const el = await ready(
      await fixture<VseeIntakeForm>(
        html`<vsee-intake-form api-base=${mock.base} account-code=${ACCOUNT} token=${TOKEN} room-code=${ROOM}></vsee-intake-form>`,
      ),
    );
    typeReason(el, 'Typed with the first token');
    expect(JSON.stringify({ ...sessionStorage }))
      .to.contain('Typed with the first token')
      .and.not.contain(TOKEN);
    el.token = 'another-patient-token';
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#reason').value).to.equal('');
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain('Typed with the first token');
  });

  it('never keeps password, hidden or file inputs in the draft', async () => {
    const el = await ready(
      await form(
        mock,
        '575',
        html`<label for="q">Question</label><input id="q" name="custom_q" /> <label for="pin">PIN</label
          ><input id="pin" type="password" name="custom_pin" />
          <input type="hidden" name="custom_campaign" value="hidden-campaign-value" />`,
      ),
    );
    const set = (sel: string, value: string) => {
      const c = el.querySelector<HTMLInputElement>(sel)!;
      c.value = value;
      c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    set('#pin', 'pin-9876');
    set('#q', 'visible-answer');
    const stored = JSON.stringify({ ...sessionStorage });
    expect(stored).to.contain('visible-answer');
    expect(stored).to.not.contain('pin-9876').and.not.contain('hidden-campaign-value');
    // They are still sent with the intake: only the draft leaves them out.
    expect(el.value).to.include({ custom_pin: 'pin-9876', custom_campaign: 'hidden-campaign-value' });
  });
});
