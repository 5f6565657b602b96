import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { VseeClient } from '../src/client/vsee-client.js';
import { corpusClient, loadCorpus } from './fixtures/xss/xss-checks.js';
import { closeDemos, openDemo, squash, type Demo } from './a11y-helpers.js';

/**
 * The demo under the strict Content-Security-Policy of scripts/csp.mjs (served at `/csp`):
 * the patient journey works and the page records no `securitypolicyviolation` at all.
 * demo/csp-probe.js (loaded before anything else) collects violations in `window.cspViolations`.
 */

afterEach(closeDemos);

const sr = (el: Element) => el.shadowRoot!;
const violations = (d: Demo) => (d.win.cspViolations ?? []).map((v) => `${v.directive} ${v.blockedURI} ${v.sourceFile}:${v.line}`);

function typeInto(d: Demo, el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new (d.win as unknown as typeof globalThis).Event('input', { bubbles: true, composed: true }));
}

describe('strict Content-Security-Policy (/csp)', () => {
  it('is really served with the policy: Trusted Types are enforced and the probe sees a violation', async () => {
    const d = await openDemo('/csp');
    const policy = (await fetch(`/csp?tenant=x`)).headers.get('content-security-policy') ?? '';
    const directives = policy.split(/\s*;\s*/);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html vsee-clinic-elements',
    ]) {
      expect(directives, policy).to.include(directive);
    }
    await aTimeout(100);
    // The elements got there without one violation…
    expect(violations(d)).to.deep.equal([]);
    // …and the probe does see them when they happen (so that zero means something): a string
    // into an HTML sink is refused (Trusted Types), an inline style is refused.
    expect(() => {
      d.doc.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw();
    d.doc.querySelector('main')!.setAttribute('style', 'color: red');
    await waitUntil(() => violations(d).length === 2, 'the probe records both', { timeout: 2000 });
    expect(d.win.cspViolations!.map((v) => v.directive)).to.deep.equal(['require-trusted-types-for', 'style-src-attr']);
  });

  it('the journey works with zero violations: intake, booking, the visit in the list, hostile notes, cancelling', async () => {
    const d = await openDemo('/csp');
    const { form, picker, list } = d;

    // Intake: reason, Scheduled, a state, a phone; submit.
    const reason = sr(form).querySelector<HTMLTextAreaElement>('#reason')!;
    typeInto(d, reason, 'Rash on both forearms');
    const scheduled = sr(form).querySelector<HTMLInputElement>('input[name="type"][value="schedule"]')!;
    scheduled.click();
    const state = sr(form).querySelector<HTMLSelectElement>('#state')!;
    state.value = 'CA';
    state.dispatchEvent(new (d.win as unknown as typeof globalThis).Event('change', { bubbles: true }));
    typeInto(d, sr(form).querySelector<HTMLInputElement>('#phone')!, '(712) 345-6789');
    const saved = new Promise<CustomEvent>((r) => form.addEventListener('vsee-intake-saved', (e) => r(e as CustomEvent), { once: true }));
    sr(form).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const intake = (await saved).detail.intake;
    expect(intake.reason_for_visit).to.equal('Rash on both forearms');
    await waitUntil(() => picker.getAttribute('intake-id') === String(intake.id), 'the demo hands the intake to the picker');

    // Book the first free time.
    const upcoming = () => Array.from(sr(list).querySelectorAll<HTMLElement>('section[data-section="upcoming"] li.visit'));
    const before = new Set(upcoming().map((li) => li.id));
    await waitUntil(() => sr(picker).querySelector('[part~="slot"]'), 'times', { timeout: 5000 });
    sr(picker).querySelector<HTMLButtonElement>('[part~="slot"]')!.click();
    await waitUntil(() => sr(picker).querySelector('[part~="book-button"]'), 'book button');
    const booked = new Promise<CustomEvent>((r) =>
      picker.addEventListener('vsee-appointment-booked', (e) => r(e as CustomEvent), { once: true }),
    );
    sr(picker).querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
    const visit = (await booked).detail.visit;
    await waitUntil(() => sr(picker).querySelector('[part~="message"][role="status"]'), 'confirmation');

    // The list refreshes and shows the new appointment among the upcoming ones.
    await waitUntil(() => upcoming().some((li) => !before.has(li.id)), 'the booked visit appears', { timeout: 5000 });
    const mine = upcoming().find((li) => !before.has(li.id))!;

    // The seeded visit with hostile notes: scripts, handlers and styles are gone, the text is there.
    const past = Array.from(sr(list).querySelectorAll<HTMLElement>('section[data-section="past"] li.visit'));
    const hostile = past.find((li) => /Anton Provider(?! III)/.test(li.textContent ?? ''))!;
    hostile.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
    await waitUntil(() => hostile.querySelectorAll('.notes[data-notes="ready"]').length === 3, 'notes sanitized', { timeout: 5000 });
    const notes = squash(hostile.querySelector('.details')!.textContent);
    expect(notes).to.contain('in no acute distress');
    expect(notes).to.contain('Call us if the rash spreads');
    expect(
      hostile.querySelector('.details [onclick], .details [onerror], .details [style], .details script, .details iframe, .details form'),
    ).to.equal(null);

    // Cancel the new appointment (confirm step).
    mine.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => mine.querySelector('[part~="confirm-button"]'), 'confirm step');
    const closed = new Promise<CustomEvent>((r) => list.addEventListener('vsee-visit-closed', (e) => r(e as CustomEvent), { once: true }));
    mine.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await closed).detail.id).to.equal(String(visit.id));
    await waitUntil(() => /Cancelled/.test(mine.querySelector('[part~="status"]')!.textContent ?? ''), 'shown as cancelled');

    await aTimeout(200);
    expect(violations(d), violations(d).join('\n')).to.deep.equal([]);
  });

  it('in Spanish too: the Spanish chunk loads under the policy', async () => {
    const d = await openDemo('/csp');
    const select = d.doc.getElementById('locale-select') as HTMLSelectElement;
    select.value = 'es';
    select.dispatchEvent(new (d.win as unknown as typeof globalThis).Event('change', { bubbles: true }));
    await waitUntil(() => squash(sr(d.form).textContent).includes('Motivo de la consulta'), 'form in Spanish', { timeout: 5000 });
    await waitUntil(() => squash(sr(d.list).textContent).includes('Próximas'), 'list in Spanish', { timeout: 5000 });
    await aTimeout(100);
    expect(violations(d)).to.deep.equal([]);
  });

  it('the whole XSS corpus as notes on the /csp page: no inline handler, style or base is ever reported', async () => {
    const d = await openDemo('/csp');
    const corpus = (await loadCorpus()).map((c) => c.payload);
    // An element of the iframe's realm (its sanitizer runs under the page's policy), fed by a fake client.
    const el = d.doc.createElement('vsee-visit-list') as HTMLElement & { client: VseeClient };
    el.setAttribute('filter', 'past');
    el.client = corpusClient(corpus, '-');
    const visitCount = Math.ceil(corpus.length / 3);
    d.doc.querySelector('main')!.append(el);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('li.visit'), 'list shown', { timeout: 5000 });
    for (
      let more = root.querySelector<HTMLButtonElement>('[part~="more-button"]');
      more;
      more = root.querySelector('[part~="more-button"]')
    ) {
      more.click();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[part~="details-button"]'));
    expect(buttons).to.have.length(visitCount);
    for (const b of buttons) b.click();
    await waitUntil(
      () => root.querySelectorAll('.details dl').length === visitCount && !root.querySelector('.notes:not([data-notes])'),
      'all notes sanitized',
      { timeout: 8000 },
    );
    expect(root.querySelectorAll('.notes[data-notes="failed"]')).to.have.length(0);
    await aTimeout(300);
    // Remote images the sanitizer keeps (https) are the page's `img-src` to allow or refuse;
    // everything else would be the sanitizer's fault.
    const reported = violations(d).filter((v) => !v.startsWith('img-src '));
    expect(reported, reported.join('\n')).to.deep.equal([]);
  });
});
