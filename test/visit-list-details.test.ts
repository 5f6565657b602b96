// <vsee-visit-list>'s details: the lazily loaded view, its failure and retry, the per-visit Tasks
// leaving with their visit, both prescription lists, and note images.
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { detailsChunk } from '../src/elements/visit-list/visit-details.js';
import { json } from './helpers/fake-fetch.js';
import { $, $$, DAY, LIST, ONE, buttonIn, detailOf, fakeApi, items, mount, squash, visit, words } from './helpers/visit-list.js';

const viewFetched = () => performance.getEntriesByType('resource').some((e) => /details-view/.test(e.name));

describe('<vsee-visit-list> details', () => {
  // First in the file: the page has not fetched the view yet.
  it('fetches the details view only when the patient points at or focuses "View details"', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const el = await mount(api.client);
    expect(viewFetched(), 'the view was fetched before anyone asked').to.be.false;
    buttonIn(items(el, 'past')[0], 'View details')!.focus();
    await waitUntil(viewFetched, 'the view is prefetched on focus');
    expect(api.count('GET', ONE), 'focus alone sends no request').to.equal(0);
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(el, '.notes[data-notes="ready"]'), 'notes rendered');
  });

  it('says so when the details could not download, and Try again loads them', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const real = detailsChunk.load;
    let attempts = 0;
    // What a dropped connection does to a dynamic import.
    detailsChunk.load = () => (++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    try {
      const el = await mount(api.client, { locale: 'es' });
      const li = items(el, 'past')[0];
      buttonIn(li, 'Ver detalles')!.click();
      await waitUntil(() => li.querySelector('.details .message.error[role="alert"]'), 'the failure is shown');
      const alert = squash(li.querySelector('.details .message.error')!.textContent);
      expect(alert).to.contain('No pudimos mostrar los detalles de esta consulta');
      expect(alert).to.not.match(/undefined|TypeError|Failed to fetch/);
      buttonIn(li.querySelector('.details')!, 'Intentar de nuevo')!.click();
      await waitUntil(() => li.querySelector('.notes[data-notes="ready"]'), 'notes after trying again');
      expect(li.querySelector('.details .message.error')).to.be.null;
      expect(attempts).to.equal(2);
      expect(api.count('GET', ONE), 'the visit itself was fetched once').to.equal(1);
    } finally {
      detailsChunk.load = real;
    }
  });

  it('removes a visit\u2019s Tasks from the element when the visit leaves the list', async () => {
    const a = visit('a', -DAY, { status: 30 });
    const b = visit('b', -2 * DAY, { status: 30 });
    let list = [a, b];
    const api = fakeApi([
      ['GET', LIST, () => json({ data: list })],
      ['GET', ONE, (_req, m) => json({ data: detailOf(m[1] === 'a' ? a : b) })],
    ]);
    const el = await mount(api.client);
    const added = new Set<ReactiveController>();
    const removed = new Set<ReactiveController>();
    const add = el.addController.bind(el);
    const remove = el.removeController.bind(el);
    el.addController = (c) => (added.add(c), add(c));
    el.removeController = (c) => (removed.add(c), remove(c));
    for (const li of items(el, 'past')) buttonIn(li, 'View details')!.click();
    await waitUntil(() => $$(el, '.notes[data-notes="ready"]').length === 6, 'both visits open');
    expect(added.size, 'one details Task per open visit').to.equal(2);
    expect(removed.size).to.equal(0);
    list = [b];
    await el.refresh();
    await el.updateComplete;
    expect(removed.size, 'the Task of the visit that went away').to.equal(1);
    expect(items(el, 'past')).to.have.length(1);
    // The remaining visit keeps its open details and its cache (no second request).
    expect(items(el, 'past')[0].querySelector('.notes[data-notes="ready"]')).to.exist;
    expect(api.count('GET', /^\/visits\/b$/)).to.equal(1);
  });

  it('shows current medications and what was prescribed, by the documented names, "unknown" for garbage', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const detail = detailOf(
      v,
      {},
      {
        prescriptionsBeforeVisit: [
          {
            Drug: 'One Tab Daily with Iron oral tablet',
            Directions: '1 Milliliter(s) 1 to 2 times a day',
            Qty: 60,
            QtyQual: 'Tablet',
            Refills: 0,
            Status: 'Current',
            PrescriberName: 'Dr. John Will, M.D.',
            PrescriptionDate: '2016-01-30T00:00:00',
          },
          { Drug: null, Directions: { text: 'x' }, Qty: 'NaN', Refills: NaN, Status: '', PrescriptionDate: '0001-01-01T00:00:00' },
          'not a prescription',
        ],
        prescriptions: 'none',
      },
    );
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detail })],
    ]);
    const el = await mount(api.client);
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(el, '.rx'), 'prescriptions shown');
    const current = $$(el, '.rx[data-list="prescriptionsBeforeVisit"] > li').map(words);
    expect(current).to.deep.equal([
      'One Tab Daily with Iron oral tablet Directions 1 Milliliter(s) 1 to 2 times a day Quantity 60 Tablet Refills 0 ' +
        'Status Current Prescribed by Dr. John Will, M.D. Date prescribed Jan 30, 2016',
      'unknown Directions unknown Quantity unknown Refills unknown',
    ]);
    const details = words($(el, '.details')!);
    // 'none' is not a list: saying "nothing was prescribed" would be a false statement.
    expect(details).to.contain('Prescribed at this visit This list could not be read.');
    expect(details).to.not.match(/undefined|NaN|\[object/);
  });

  it('reads a prescription list sent as a PHP-style object or one record alone, and absent lists as none', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const detail = detailOf(
      v,
      { attachments: { 0: { id: 'f1', name: 'lab.pdf' } } },
      { prescriptionsBeforeVisit: { 0: { Drug: 'Amoxicillin' }, 1: { Drug: 'Ibuprofen' } }, prescriptions: { Drug: 'Cetirizine' } },
    );
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v, visit('p2', -2 * DAY, { status: 30 })] })],
      ['GET', /^\/visits\/p1$/, () => json({ data: detail })],
      ['GET', /^\/visits\/p2$/, () => json({ data: detailOf(v, {}, { prescriptionsBeforeVisit: null, prescriptions: [] }) })],
    ]);
    const el = await mount(api.client);
    const [first, second] = items(el, 'past');
    buttonIn(first!, 'View details')!.click();
    await waitUntil(() => first!.querySelector('.rx'), 'prescriptions shown');
    expect($$(el, '.rx[data-list="prescriptionsBeforeVisit"] > li strong').map(words)).to.deep.equal(['Amoxicillin', 'Ibuprofen']);
    expect($$(el, '.rx[data-list="prescriptions"] > li strong').map(words)).to.deep.equal(['Cetirizine']);
    expect($$(el, '.files li').map(words)).to.deep.equal(['lab.pdf']);
    buttonIn(second!, 'View details')!.click();
    await waitUntil(() => words(second!).includes('Nothing was prescribed'), 'second visit shown');
    expect(words(second!)).to.contain('No current medications on record.').and.contain('Nothing was prescribed at this visit.');
  });

  it('says so under a note that nothing is left of once sanitized, instead of a blank', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const detail = detailOf(v, {
      physical_exam: '<script>alert(1)</script>',
      assessment_plan: '<img src=x onerror=alert(1)>',
      patient_instructions: '<p>Rest <b>two</b> days.</p>',
    });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detail })],
    ]);
    const el = await mount(api.client);
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $$(el, '.notes[data-notes]').length === 3, 'notes settled');
    const state = (key: string) => $(el, `.notes[data-note="${key}"]`)!;
    for (const key of ['physical_exam', 'assessment_plan']) {
      expect(state(key).dataset.notes, key).to.equal('empty');
      expect(words(state(key)), key).to.equal('This note has nothing that can be shown here.');
    }
    expect(state('patient_instructions').dataset.notes).to.equal('ready');
    expect(words(state('patient_instructions'))).to.equal('Rest two days.');
    // Another language: the sentence follows, the notes stay as they are.
    el.setAttribute('locale', 'es');
    await waitUntil(
      () => words(state('physical_exam')) === 'Esta nota no tiene nada que se pueda mostrar aquí.',
      'the sentence in Spanish',
    );
    expect(words(state('patient_instructions'))).to.equal('Rest two days.');
  });

  it('shows note images over https only, lazily and without a referrer; hide-note-images leaves them out', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const notes = '<p>Rash:</p><img src="https://example.org/rash.png" alt="rash"><img src="http://tracker.example/p.gif">';
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detailOf(v, { physical_exam: notes }) })],
    ]);
    const shown = await mount(api.client);
    buttonIn(items(shown, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(shown, '.notes[data-note="physical_exam"][data-notes="ready"]'), 'notes rendered');
    const imgs = $$(shown, '.notes img');
    expect(imgs.map((i) => i.getAttribute('src'))).to.deep.equal(['https://example.org/rash.png']);
    expect(imgs[0].getAttribute('loading')).to.equal('lazy');
    expect(imgs[0].getAttribute('referrerpolicy')).to.equal('no-referrer');

    const hidden = await mount(api.client, { hideNoteImages: true });
    buttonIn(items(hidden, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(hidden, '.notes[data-note="physical_exam"][data-notes="ready"]'), 'notes rendered');
    expect($$(hidden, '.notes img')).to.have.length(0);
    expect(squash($(hidden, '.notes[data-note="physical_exam"]')!.textContent)).to.equal('Rash:');
    // Turned off after the notes were shown: they render again without the image.
    shown.hideNoteImages = true;
    await waitUntil(() => $$(shown, '.notes img').length === 0, 'the image is gone');
  });
});
