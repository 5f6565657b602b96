import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from './helpers/commands.js';
import { closeDemos, deepActive, describeFocus, hasVisibleFocus, openDemo, squash, type Demo } from './a11y-helpers.js';

/**
 * The whole patient journey on the demo page with the keyboard alone (trusted key events from
 * the test runner; no clicks): an intake, a booking, the booked visit in the list, a past
 * visit's notes, cancelling the new visit. After every action focus is on a sensible control
 * inside the widgets — never lost to <body> — and it is visibly marked.
 */

const TAGS = ['vsee-intake-form', 'vsee-slot-picker', 'vsee-visit-list'];

afterEach(closeDemos);

/** The focused element and the widget it is in (undefined when focus is outside them). */
function focus(d: Demo): { el: Element | null; host?: Element } {
  const el = deepActive(d.doc);
  const root = el?.getRootNode();
  // (Not `instanceof ShadowRoot`: the page in the iframe has its own realm.)
  const host = root && 'host' in root ? (root as ShadowRoot).host : undefined;
  return { el, host: host && TAGS.includes(host.localName) ? host : undefined };
}

/** Focus is inside the widget `tag`, on something that matches `check`, and is visible. */
function expectFocus(d: Demo, tag: string, check: (el: Element) => boolean, what: string) {
  const f = focus(d);
  const where = describeFocus(d.doc);
  expect(f.el, `focus lost (${what})`).to.not.equal(d.doc.body);
  expect(f.host?.localName, `focus in ${tag} (${what}); it is on ${where}`).to.equal(tag);
  expect(check(f.el!), `${what}; focus is on ${where}`).to.be.true;
  expect(hasVisibleFocus(f.el!), `a visible focus indicator on ${where}`).to.be.true;
}

/** A key, or a chord like `Shift+Tab` (held down around the press). */
async function press(key: string) {
  const keys = key.split('+');
  const last = keys.pop()!;
  for (const k of keys) await sendKeys({ down: k });
  await sendKeys({ press: last });
  for (const k of keys.reverse()) await sendKeys({ up: k });
}

/** Tab (or Shift+Tab) until `pred` holds for the focused element. */
async function tabUntil(d: Demo, pred: (el: Element) => boolean, what: string, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await press(back ? 'Shift+Tab' : 'Tab');
    const el = deepActive(d.doc);
    expect(el, 'focus stays on the page while tabbing').to.exist;
    if (el && pred(el)) return el;
  }
  throw new Error(`could not Tab to ${what}; focus is on ${describeFocus(d.doc)}`);
}

const is = (sel: string) => (el: Element) => el.matches(sel);

describe('the patient journey, keyboard only', () => {
  it('intake → booking → the visit in the list → notes → cancel, focus always visible and in place', async function () {
    this.timeout(40000);
    const d = await openDemo('/demo/index.html', { width: 1000, height: 900 });
    const { form, picker, list } = d;
    const upcomingIds = () =>
      Array.from(list.shadowRoot!.querySelectorAll<HTMLElement>('section[data-section="upcoming"] li.visit')).map((li) => li.id);
    const before = new Set(upcomingIds());

    // Into the page: the iframe gets focus as a browser tab would, then only keys.
    d.frame.focus();
    d.win.focus();

    // ---- The intake ----
    await tabUntil(d, is('#reason'), 'the reason for visit');
    expectFocus(d, 'vsee-intake-form', is('textarea#reason'), 'reason');
    await sendKeys({ type: 'Rash on both forearms' });
    // The visit type: Tab to the radio group, an arrow picks "Scheduled".
    await press('Tab');
    expectFocus(d, 'vsee-intake-form', is('input[type="radio"]'), 'the visit type radios');
    await press('ArrowRight');
    const scheduled = form.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="schedule"]')!;
    if (!scheduled.checked) await press('ArrowRight');
    expect(scheduled.checked, 'Scheduled chosen with the arrow keys').to.be.true;
    expectFocus(d, 'vsee-intake-form', (el) => el === scheduled, 'Scheduled');
    // The state: type-ahead on the closed select.
    await tabUntil(d, is('select#state'), 'the state');
    await sendKeys({ type: 'Calif' });
    const state = form.shadowRoot!.querySelector<HTMLSelectElement>('#state')!;
    await waitUntil(() => state.value === 'CA', 'California chosen by typing');
    // The phone.
    await press('Tab');
    expectFocus(d, 'vsee-intake-form', is('input#phone'), 'phone');
    await sendKeys({ type: '(712) 345-6789' });
    // Past the clinic's own questions and the attachments, to the submit button; Enter submits.
    await tabUntil(d, is('[part~="submit"]'), 'submit');
    expectFocus(d, 'vsee-intake-form', is('button[type="submit"]'), 'submit');
    const saved = new Promise<CustomEvent>((r) => form.addEventListener('vsee-intake-saved', (e) => r(e as CustomEvent), { once: true }));
    await press('Enter');
    const intake = (await saved).detail.intake;
    expect(intake.reason_for_visit).to.equal('Rash on both forearms');
    expect(intake.location).to.equal('CA');
    expect(intake.phone).to.equal('7123456789');
    expect(intake.type).to.equal(2);
    await waitUntil(() => focus(d).el?.matches('.done'), `focus on the confirmation (it is on ${describeFocus(d.doc)})`, { timeout: 4000 });
    expectFocus(d, 'vsee-intake-form', is('.message.done'), 'the saved message');
    await waitUntil(() => picker.getAttribute('intake-id') === String(intake.id), 'the demo hands the intake to the picker');

    // ---- The booking ----
    await waitUntil(() => picker.shadowRoot!.querySelector('[part~="slot"]'), 'times', { timeout: 5000 });
    const slot = await tabUntil(d, is('[part~="slot"]'), 'the first time');
    expectFocus(d, 'vsee-slot-picker', is('button[part~="slot"]'), 'a time (the grid is one tab stop)');
    await press('ArrowRight');
    const second = deepActive(d.doc)!;
    expect(second, 'ArrowRight moves to the next time').to.not.equal(slot);
    expectFocus(d, 'vsee-slot-picker', is('button[part~="slot"]'), 'the next time');
    await press('ArrowDown');
    expectFocus(d, 'vsee-slot-picker', is('button[part~="slot"]'), 'a time on the next day');
    await press('ArrowUp');
    expect(deepActive(d.doc)).to.equal(second);
    await press('Enter');
    await waitUntil(() => second.getAttribute('aria-pressed') === 'true', 'the time is chosen');
    expectFocus(d, 'vsee-slot-picker', (el) => el === second, 'focus stays on the chosen time');
    await tabUntil(d, is('[part~="book-button"]'), 'Book appointment');
    expectFocus(d, 'vsee-slot-picker', is('button[part~="book-button"]'), 'book');
    const booked = new Promise<CustomEvent>((r) =>
      picker.addEventListener('vsee-appointment-booked', (e) => r(e as CustomEvent), { once: true }),
    );
    await press('Enter');
    const visit = (await booked).detail.visit;
    await waitUntil(() => focus(d).el?.matches('[data-focus="booked"]'), `focus on the confirmation (it is on ${describeFocus(d.doc)})`, {
      timeout: 4000,
    });
    expectFocus(d, 'vsee-slot-picker', is('.message.success'), 'the booked message');

    // ---- The booked visit in the list (the demo refreshes it on vsee-appointment-booked) ----
    await waitUntil(() => upcomingIds().some((id) => !before.has(id)), 'the new visit in the list', { timeout: 5000 });
    const mineId = upcomingIds().find((id) => !before.has(id))!;
    const mine = list.shadowRoot!.getElementById(mineId)!;
    await tabUntil(d, (el) => mine.contains(el) && el.matches('[part~="details-button"]'), 'the booked visit');
    expectFocus(d, 'vsee-visit-list', (el) => mine.contains(el), 'the booked visit');
    expect(squash(mine.querySelector('[part~="facts"]')!.textContent)).to.contain('Appointment');

    // ---- A past visit's notes ----
    const past = Array.from(list.shadowRoot!.querySelectorAll<HTMLElement>('section[data-section="past"] li.visit'));
    const withNotes = past.find((li) => /Anton Provider(?! III)/.test(li.textContent ?? ''))!;
    const details = withNotes.querySelector('[part~="details-button"]')!;
    await tabUntil(d, (el) => el === details, 'View details of the past visit', { max: 60 });
    await press('Enter');
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => withNotes.querySelectorAll('.notes[data-notes="ready"]').length === 3, 'notes shown', { timeout: 5000 });
    expectFocus(d, 'vsee-visit-list', (el) => el === details, 'focus stays on View details');
    expect(squash(withNotes.querySelector('.details')!.textContent)).to.contain('in no acute distress');
    // Space closes them again, Enter opens them.
    await press('Space');
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter');
    expect(details.getAttribute('aria-expanded')).to.equal('true');

    // ---- Cancel the new visit: back up with Shift+Tab, Escape backs out of the confirm step ----
    const cancel = mine.querySelector('[part~="cancel-button"]')!;
    await tabUntil(d, (el) => el === cancel, 'Cancel visit', { back: true, max: 60 });
    expectFocus(d, 'vsee-visit-list', (el) => el === cancel, 'Cancel visit');
    await press('Enter');
    await waitUntil(() => mine.querySelector('[part~="confirm"]'), 'the confirm step');
    await waitUntil(() => focus(d).el?.matches('[part~="keep-button"]'), 'focus on the safe choice');
    expectFocus(d, 'vsee-visit-list', is('[part~="keep-button"]'), 'Keep visit');
    await press('Escape');
    await waitUntil(() => !mine.querySelector('[part~="confirm"]'), 'Escape closes the confirm step');
    await waitUntil(() => focus(d).el === cancel, 'focus back on Cancel visit');
    expectFocus(d, 'vsee-visit-list', (el) => el === cancel, 'back on Cancel visit');
    await press('Enter');
    await waitUntil(() => focus(d).el?.matches('[part~="keep-button"]'), 'the confirm step again');
    await press('Shift+Tab');
    expectFocus(d, 'vsee-visit-list', is('[part~="confirm-button"]'), 'Yes, cancel visit');
    const closed = new Promise<CustomEvent>((r) => list.addEventListener('vsee-visit-closed', (e) => r(e as CustomEvent), { once: true }));
    await press('Space');
    expect((await closed).detail.id).to.equal(String(visit.id));
    await waitUntil(() => mine.querySelector('.status.cancelled'), 'shown as cancelled');
    await waitUntil(() => focus(d).el === mine, `focus on the visit itself (it is on ${describeFocus(d.doc)})`, { timeout: 3000 });
    expectFocus(d, 'vsee-visit-list', (el) => el === mine, 'the cancelled visit');
    await waitUntil(
      () => /cancelled/.test(list.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? ''),
      'the cancellation is announced',
      { timeout: 2000 },
    );
  });

  it('a walk-in: the waiting room, then the provider is ready — focus follows each step', async function () {
    this.timeout(20000);
    const d = await openDemo('/demo/index.html', { config: { walkinReadyAfterMs: 1500 } });
    const { form } = d;
    d.frame.focus();
    d.win.focus();
    // The demo's own "after the intake is saved" select: type-ahead picks the walk-in.
    await tabUntil(d, (el) => el.id === 'intake-then', 'the demo option');
    await sendKeys({ type: 'join' });
    await waitUntil(() => form.getAttribute('then') === 'walkin', 'then="walkin"');
    await tabUntil(d, is('#reason'), 'the reason for visit');
    await sendKeys({ type: 'Sore throat since yesterday' });
    // A walk-in does not ask for the visit type.
    expect(form.shadowRoot!.querySelector('input[type="radio"]')).to.equal(null);
    await tabUntil(d, is('[part~="submit"]'), 'submit');
    const ready = new Promise<CustomEvent>((r) => form.addEventListener('vsee-visit-ready', (e) => r(e as CustomEvent), { once: true }));
    await press('Enter');
    await waitUntil(() => form.shadowRoot!.querySelector('[part~="waiting-room"]'), 'the waiting room', { timeout: 5000 });
    await waitUntil(() => focus(d).el?.matches('.waiting .title'), `focus on the waiting room (it is on ${describeFocus(d.doc)})`, {
      timeout: 3000,
    });
    expectFocus(d, 'vsee-intake-form', is('#waiting-title'), 'the waiting room title');
    // "Leave" asks first; Shift+Tab/Tab move between the two answers; "Stay" brings focus back.
    await press('Tab');
    expectFocus(d, 'vsee-intake-form', is('#leave'), 'Leave the waiting room');
    await press('Enter');
    await waitUntil(() => focus(d).el?.matches('#leave-cancel'), 'focus on Stay');
    await press('Enter');
    await waitUntil(() => focus(d).el?.matches('#leave'), 'focus back on Leave');
    // The provider picks up: the waiting room gives way to the message, and focus goes with it.
    await ready;
    await waitUntil(() => focus(d).el?.matches('.done'), `focus on the ready message (it is on ${describeFocus(d.doc)})`, {
      timeout: 4000,
    });
    expectFocus(d, 'vsee-intake-form', is('.message.done'), 'the provider is ready');
  });
});
