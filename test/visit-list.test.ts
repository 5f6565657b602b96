import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { json, deferred } from './helpers/fake-fetch.js';
import { seedCurrentVisit, seedVisitDetail, seedVisitList } from './fixtures/seed-samples.js';
import {
  $,
  TZ,
  NOW,
  HOUR,
  DAY,
  fakeApi,
  LIST,
  ONE,
  visit,
  detailOf,
  mount,
  items,
  squash,
  words,
  fmt,
  buttonIn,
  activeIn,
  type Handler,
} from './helpers/visit-list.js';

describe('<vsee-visit-list>', () => {
  it('does not load DOMPurify until notes are shown', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const purifyLoaded = () => performance.getEntriesByType('resource').some((e) => /purify/i.test(e.name));
    const el = await mount(api.client);
    expect(purifyLoaded(), 'loaded before any notes were opened').to.be.false;
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(el, '.notes[data-notes="ready"]'), 'notes rendered');
    expect(purifyLoaded()).to.be.true;
  });

  it('groups visits into Upcoming (soonest first) and Past (latest first), in the time zone', async () => {
    const list = [visit('a', -3 * DAY), visit('b', 2 * DAY), visit('c', -HOUR), visit('d', 5 * HOUR), visit('e', 9 * DAY)];
    const api = fakeApi([['GET', LIST, () => json({ data: list })]]);
    const el = await mount(api.client);
    const headings = (section: 'upcoming' | 'past') => items(el, section).map((li) => squash(li.querySelector('h4')!.textContent));
    expect(squash($(el, '#upcoming-h')!.textContent)).to.equal('Upcoming');
    expect(squash($(el, '#past-h')!.textContent)).to.equal('Past');
    expect(headings('upcoming')).to.deep.equal([fmt(NOW + 5 * HOUR), fmt(NOW + 2 * DAY), fmt(NOW + 9 * DAY)]);
    expect(headings('past')).to.deep.equal([fmt(NOW - HOUR), fmt(NOW - 3 * DAY)]);
    expect(squash($(el, '[part="timezone"]')!.textContent)).to.match(/^Times in Eastern/);
    const first = items(el, 'upcoming')[0];
    expect(words(first.querySelector('[part="facts"]')!)).to.equal('Type Appointment Provider Dr. Ada Lovelace');
    expect(squash(first.querySelector('[part="status"]')!.textContent)).to.equal('Status: Confirmed');
    expect(api.count('GET', LIST)).to.equal(1);
  });

  it('says so when a section is empty, and shows only the section the filter asks for', async () => {
    const api = fakeApi([['GET', LIST, () => json({ data: [visit('b', 2 * DAY)] })]]);
    const el = await mount(api.client);
    expect(squash($(el, 'section[data-section="past"] .message')!.textContent)).to.equal('You have no past visits.');
    el.filter = 'past';
    await el.updateComplete;
    expect($(el, 'section[data-section="upcoming"]')).to.be.null;
    expect(squash($(el, 'section[data-section="past"]')!.textContent)).to.contain('You have no past visits.');
    el.filter = 'upcoming';
    await el.updateComplete;
    expect($(el, 'section[data-section="past"]')).to.be.null;
    expect(items(el, 'upcoming')).to.have.length(1);
    // Changing the filter never refetches.
    expect(api.count('GET', LIST)).to.equal(1);
  });

  it('explains a filter it does not know', async () => {
    const api = fakeApi([['GET', LIST, () => json({ data: [] })]]);
    const errors: unknown[] = [];
    const saved = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const el = await mount(api.client, { filter: 'future' });
      expect(squash($(el, '.config-error')!.textContent)).to.contain(
        'The filter attribute must be "all", "upcoming" or "past"; it is "future".',
      );
      expect(api.count('GET', LIST)).to.equal(0);
      expect(errors).to.have.length(1);
    } finally {
      console.error = saved;
    }
  });

  it('reads the seed\u2019s GET /visits sample as published (strings for numbers)', async () => {
    const api = fakeApi([['GET', LIST, () => json(structuredClone(seedVisitList))]]);
    const el = await mount(api.client);
    const [li] = items(el, 'past');
    expect(squash(li.querySelector('h4')!.textContent)).to.equal(fmt(1470669300));
    expect(words(li.querySelector('[part="facts"]')!)).to.equal('Type Appointment Provider Anton Provider III Reason Allergic reaction');
    expect(squash(li.querySelector('[part="status"]')!.textContent)).to.equal('Status: Confirmed');
  });

  it('shows "unknown" for missing or wrong-typed fields, never undefined or NaN', async () => {
    const broken = [
      { id: 'x1', start: 'soon', type: 'video', status: { code: 20 }, provider: 'Dr. String', postvisit: 'null' },
      { id: 'x2', start: null, end: 'null', type: null, status: null, provider: { first_name: 7 }, intake: [] },
      { _id: 'x3', start: NOW + DAY, provider: { full_name: '' }, postvisit: { reason_for_visit: {} } },
      { id: 'x4' },
    ];
    const detail = {
      id: 'x4',
      postvisit: { diagnosis: 12, disposition: [], attachments: 'none', physical_exam: 5 },
      prescriptions: [{ drug: null, refills: NaN }, 'junk'],
    };
    const api = fakeApi([
      ['GET', LIST, () => json({ data: broken })],
      ['GET', ONE, () => json({ data: detail })],
    ]);
    const el = await mount(api.client);
    expect(items(el, 'upcoming')).to.have.length(1);
    expect(items(el, 'past')).to.have.length(3);
    const x1 = items(el, 'past').find((li) => squash(li.textContent).includes('Status: unknown'))!;
    expect(squash(x1.querySelector('h4')!.textContent)).to.equal('unknown');
    expect(words(x1.querySelector('[part="facts"]')!)).to.equal('Type unknown Provider unknown');
    // Open the one with the broken detail too.
    const x4 = items(el, 'past')[2];
    buttonIn(x4, 'View details')!.click();
    await waitUntil(() => x4.querySelector('.details dl'), 'details shown');
    expect(words(x4.querySelector('.details dl')!)).to.equal('Reason unknown Diagnosis 12 Disposition unknown');
    expect(words(x4.querySelector('.rx')!)).to.equal('unknown Directions unknown Quantity unknown Refills unknown');
    const all = el.shadowRoot!.textContent!;
    for (const bad of ['undefined', 'NaN', 'Invalid Date', '[object Object]', 'null']) expect(all).not.to.contain(bad);
  });

  it('names unknown status codes neutrally', async () => {
    const api = fakeApi([['GET', LIST, () => json({ data: [visit('s', -DAY, { status: '35' }), visit('t', -2 * DAY, { status: 40 })] })]]);
    const el = await mount(api.client);
    expect(items(el, 'past').map((li) => squash(li.querySelector('[part="status"]')!.textContent))).to.deep.equal([
      'Status: Status 35',
      'Status: Cancelled',
    ]);
  });

  it('lays out the first visits at their real height in their first frame (the page below does not jump)', async () => {
    let list = [visit('u1', DAY)];
    const api = fakeApi([['GET', LIST, () => json({ data: list })]]);
    const el = await mount(api.client);
    // New rows, measured in the turn they were rendered (before any frame) and again two frames later.
    list = Array.from({ length: 12 }, (_, i) => visit(`p${i}`, -(i + 1) * DAY));
    await el.refresh();
    await el.updateComplete;
    const heights = () => items(el, 'past').map((li) => Math.round(li.getBoundingClientRect().height));
    const first = heights();
    expect(first).to.have.length(12);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const settled = heights();
    // The first eight never take an estimated height; the ones further down may, off screen.
    expect(first.slice(0, 8)).to.deep.equal(settled.slice(0, 8));
    expect(settled[0]).to.be.above(40);
  });

  it('marks group appointments visibly and in words', async () => {
    const api = fakeApi([['GET', LIST, () => json({ data: [visit('g', DAY, { visit_group_id: 'grp-1' }), visit('h', 2 * DAY)] })]]);
    const el = await mount(api.client);
    const [group, single] = items(el, 'upcoming');
    const mark = group.querySelector('[part="group-mark"]')!;
    expect(squash(mark.textContent)).to.equal('Group visit');
    expect(mark.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(single.querySelector('[part="group-mark"]')).to.be.null;
  });

  it('expands details in place, loads them once, and keeps focus on the button', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const el = await mount(api.client);
    const li = items(el, 'past')[0];
    const button = buttonIn(li, 'View details')!;
    const region = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(region.hidden).to.be.true;
    button.focus();
    button.click();
    await waitUntil(() => region.querySelector('.notes[data-notes="ready"]'), 'notes rendered');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(region.hidden).to.be.false;
    expect(activeIn(el) === button, 'focus').to.be.true;
    expect(words(region.querySelector('dl')!)).to.equal('Reason Rash Diagnosis Contact dermatitis (L25.9) Disposition Self care');
    expect(words(region.querySelector('.rx[data-list="prescriptionsBeforeVisit"]')!)).to.equal(
      'One Tab Daily with Iron oral tablet Directions 1 tablet a day Quantity 60 Tablet Refills 0 Status Current ' +
        'Prescribed by Dr. John Will, M.D. Date prescribed Jan 30, 2016',
    );
    expect(words(region.querySelector('.rx[data-list="prescriptions"]')!)).to.equal(
      'Hydrocortisone 1% cream Directions Thin layer twice a day Quantity 1 Tube Refills 0',
    );
    expect(squash(region.querySelector('.files')!.textContent)).to.equal('rash-photo.png');
    expect(Array.from(region.querySelectorAll('h5')).map((h) => squash(h.textContent))).to.deep.equal([
      'Current medications',
      'Prescribed at this visit',
      'Attachments',
      'Physical exam',
      'Assessment and plan',
      'Instructions for you',
    ]);
    const notes = Array.from(region.querySelectorAll('.notes'));
    expect(notes.map((n) => squash(n.textContent))).to.deep.equal([
      'Alert, no distress.',
      'Cream twice a daySee the guide.',
      'Call us if it spreads.',
    ]);
    expect(notes[0].querySelector('strong')).to.exist;
    const link = notes[1].querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/rash');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    // Collapse and open again: no second request.
    button.click();
    await el.updateComplete;
    expect(region.hidden).to.be.true;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(region.querySelector('.notes')).to.exist;
    expect(api.count('GET', ONE)).to.equal(1);
    expect(activeIn(el) === button, 'focus').to.be.true;
  });

  it('shows a failed details request with a way to try again', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    let fail = true;
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v] })],
      ['GET', ONE, () => (fail ? json({ message: 'boom' }, 500) : json({ data: detailOf(v) }))],
    ]);
    const el = await mount(api.client);
    const errors: string[] = [];
    el.addEventListener('vsee-error', (e) => errors.push(e.detail.operation));
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(el, '.details .message.error[role="alert"]'), 'error shown');
    const alert = $(el, '.details .message.error[role="alert"]')!;
    expect(errors).to.deep.equal(['getVisit']);
    // Pressed from the keyboard, Try again keeps focus in the visit: on the new Try again after
    // another failure, on the visit once the details are there (not on the page's <body>).
    const tryAgain = () => buttonIn($(el, '.details')!, 'Try again')!;
    tryAgain().focus();
    tryAgain().click();
    await waitUntil(() => errors.length === 2, 'the retry failed too');
    await waitUntil(() => el.shadowRoot!.activeElement === tryAgain(), 'focus on the new Try again');
    fail = false;
    tryAgain().click();
    await waitUntil(() => $(el, '.notes[data-notes="ready"]'), 'notes after retry');
    expect(alert.isConnected).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(items(el, 'past')[0]);
  });

  it('says when a visit has no notes, and does not show draft notes', async () => {
    const a = visit('a', -DAY, { status: 30 });
    const b = visit('b', -2 * DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [a, b] })],
      [
        'GET',
        /^\/visits\/a$/,
        () => json({ data: detailOf(a, { physical_exam: '<p><br></p>', assessment_plan: null, patient_instructions: '' }) }),
      ],
      ['GET', /^\/visits\/b$/, () => json({ data: detailOf(b, { draft: true }) })],
    ]);
    const el = await mount(api.client);
    const [la, lb] = items(el, 'past');
    buttonIn(la, 'View details')!.click();
    buttonIn(lb, 'View details')!.click();
    await waitUntil(() => la.querySelector('.details dl') && lb.querySelector('.details dl'), 'details shown');
    expect(squash(la.querySelector('.details')!.textContent)).to.contain('Your provider has not added notes to this visit.');
    expect(lb.querySelector('.notes')).to.be.null;
    expect(squash(lb.querySelector('.details')!.textContent)).to.contain('Your provider has not finished the notes for this visit yet.');
  });

  describe('cancel', () => {
    function cancelApi(close: Handler) {
      const list = [visit('u1', 2 * DAY), visit('p1', -DAY, { status: 30 })];
      return fakeApi([
        ['GET', LIST, () => json({ data: list })],
        ['POST', /^\/visits\/close$/, close],
      ]);
    }

    it('offers cancel on upcoming visits only', async () => {
      const el = await mount(cancelApi(() => json({ data: {} })).client);
      expect(buttonIn(items(el, 'upcoming')[0], 'Cancel visit')).to.exist;
      expect(buttonIn(items(el, 'past')[0], 'Cancel visit')).to.be.undefined;
    });

    it('asks first, then closes with patient_cancel_appointment and updates in place', async () => {
      const api = cancelApi(() => json({ data: { id: 'u1' } }));
      const el = await mount(api.client);
      const li = items(el, 'upcoming')[0];
      const cancel = buttonIn(li, 'Cancel visit')!;
      cancel.focus();
      cancel.click();
      await el.updateComplete;
      const confirm = li.querySelector('[part="confirm"]')!;
      expect(confirm.getAttribute('role')).to.equal('group');
      expect(squash(confirm.querySelector('p')!.textContent)).to.equal(`Cancel your visit on ${fmt(NOW + 2 * DAY)}?`);
      expect(activeIn(el) === buttonIn(confirm, 'Keep visit'), 'focus').to.be.true;
      expect(api.count('POST', /close/)).to.equal(0);
      await expect(el).to.be.accessible();

      const closed = oneEvent(el, 'vsee-visit-closed');
      buttonIn(confirm, 'Yes, cancel visit')!.click();
      const event = await closed;
      expect(event.detail).to.deep.equal({ id: 'u1', reason: 'patient_cancel_appointment' });
      expect(event.bubbles && event.composed).to.be.true;
      const post = api.calls.find((c) => c.method === 'POST')!;
      expect(post.body).to.deep.equal({ id: 'u1', reason: 'patient_cancel_appointment' });
      await el.updateComplete;
      const after = items(el, 'upcoming')[0];
      expect(squash(after.querySelector('[part="status"]')!.textContent)).to.equal('Status: Cancelled');
      expect(buttonIn(after, 'Cancel visit')).to.be.undefined;
      expect(after.querySelector('[part="confirm"]')).to.be.null;
      expect(activeIn(el) === after, 'focus').to.be.true;
      await waitUntil(() => squash($(el, '[role="status"][aria-live="polite"]')!.textContent) !== '', 'announced');
      expect(squash($(el, '[role="status"][aria-live="polite"]')!.textContent)).to.equal(
        `Your visit on ${fmt(NOW + 2 * DAY)} was cancelled.`,
      );
      // Updated in place: our own change does not refetch the list.
      await aTimeout(20);
      expect(api.count('GET', LIST)).to.equal(1);
    });

    it('keeps the visit when the patient says no or presses Escape, and gives focus back', async () => {
      const api = cancelApi(() => json({ data: {} }));
      const el = await mount(api.client);
      const li = items(el, 'upcoming')[0];
      buttonIn(li, 'Cancel visit')!.click();
      await el.updateComplete;
      buttonIn(li, 'Keep visit')!.click();
      await el.updateComplete;
      expect(li.querySelector('[part="confirm"]')).to.be.null;
      expect(activeIn(el) === buttonIn(li, 'Cancel visit'), 'focus').to.be.true;

      buttonIn(li, 'Cancel visit')!.click();
      await el.updateComplete;
      activeIn(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(li.querySelector('[part="confirm"]')).to.be.null;
      expect(activeIn(el) === buttonIn(li, 'Cancel visit'), 'focus').to.be.true;
      expect(api.count('POST', /close/)).to.equal(0);
      expect(squash(li.querySelector('[part="status"]')!.textContent)).to.equal('Status: Confirmed');
    });

    it('says so when cancelling fails and leaves the visit as it was', async () => {
      const api = cancelApi(() => json({ message: 'Server exploded' }, 500));
      const el = await mount(api.client);
      const errors: string[] = [];
      el.addEventListener('vsee-error', (e) => errors.push(e.detail.operation));
      let closedEvents = 0;
      el.addEventListener('vsee-visit-closed', () => closedEvents++);
      const li = items(el, 'upcoming')[0];
      buttonIn(li, 'Cancel visit')!.click();
      await el.updateComplete;
      buttonIn(li, 'Yes, cancel visit')!.click();
      await waitUntil(() => li.querySelector('.message.error[role="alert"]'), 'failure shown');
      const alert = li.querySelector('.message.error[role="alert"]')!;
      expect(squash(alert.textContent)).to.equal(
        'Your visit was not cancelled. The clinic\u2019s service had a problem. Please try again.',
      );
      expect(squash(li.querySelector('[part="status"]')!.textContent)).to.equal('Status: Confirmed');
      expect(activeIn(el) === buttonIn(li, 'Cancel visit'), 'focus').to.be.true;
      expect(errors).to.deep.equal(['closeVisit']);
      expect(closedEvents).to.equal(0);
    });

    it('does not send twice when "Yes" is clicked again while cancelling', async () => {
      const gate = deferred<Response>();
      const api = cancelApi(() => gate.promise);
      const el = await mount(api.client);
      const li = items(el, 'upcoming')[0];
      buttonIn(li, 'Cancel visit')!.click();
      await el.updateComplete;
      const yes = buttonIn(li, 'Yes, cancel visit')!;
      yes.click();
      await el.updateComplete;
      expect(yes.getAttribute('aria-disabled')).to.equal('true');
      expect(squash(li.querySelector('[part="confirm"] [role="status"]')!.textContent)).to.equal('Cancelling your visit\u2026');
      yes.click();
      yes.click();
      gate.resolve(json({ data: { id: 'u1' } }));
      await waitUntil(() => squash(li.querySelector('[part="status"]')!.textContent) === 'Status: Cancelled');
      expect(api.count('POST', /close/)).to.equal(1);
    });
  });

  it('asks the page to reschedule an upcoming appointment', async () => {
    const list = [visit('u1', 2 * DAY), visit('w1', 3 * DAY, { type: 1 }), visit('p1', -DAY, { status: 30 })];
    const api = fakeApi([['GET', LIST, () => json({ data: list })]]);
    const el = await mount(api.client);
    const [appointment, walkin] = items(el, 'upcoming');
    expect(buttonIn(walkin, 'Reschedule')).to.be.undefined;
    expect(buttonIn(items(el, 'past')[0], 'Reschedule')).to.be.undefined;
    const request = oneEvent(el, 'vsee-reschedule-request');
    buttonIn(appointment, 'Reschedule')!.click();
    const { detail } = await request;
    expect(detail.visit.id).to.equal('u1');
    expect(detail.visit.start).to.equal(NOW + 2 * DAY);
  });

  describe('download summary', () => {
    let opened: unknown[][];
    let savedOpen: typeof window.open;
    let popup: { opener: unknown; closed: boolean; location: { href: string }; document: Document; close(): void } | null;
    beforeEach(() => {
      opened = [];
      savedOpen = window.open;
      popup = {
        opener: window,
        closed: false,
        location: { href: 'about:blank' },
        document: document.implementation.createHTMLDocument(''),
        close() {
          this.closed = true;
        },
      };
      window.open = ((...args: unknown[]) => {
        opened.push(args);
        return popup;
      }) as typeof window.open;
    });
    afterEach(() => {
      window.open = savedOpen;
    });

    function summaryApi(answer: Handler) {
      return fakeApi([
        ['GET', LIST, () => json({ data: [visit('p1', -DAY, { status: 30 })] })],
        ['GET', /^\/visits\/p1\/exports\/visit_summary$/, answer],
      ]);
    }

    it('opens the tab during the click, then points it at the summary', async () => {
      const api = summaryApi(() => json({ data: { url: 'https://files.example.org/summary-p1.pdf' } }));
      const el = await mount(api.client);
      const button = buttonIn(items(el, 'past')[0], 'Download summary')!;
      button.click();
      // Synchronously, inside the click: popup blockers allow only that.
      expect(opened).to.deep.equal([['', '_blank']]);
      expect(popup!.opener).to.be.null;
      await waitUntil(() => popup!.location.href !== 'about:blank', 'tab pointed at the URL');
      expect(popup!.location.href).to.equal('https://files.example.org/summary-p1.pdf');
      expect(popup!.closed).to.be.false;
      expect(api.count('GET', /visit_summary/)).to.equal(1);
    });

    it('offers a link when the popup was blocked', async () => {
      popup = null;
      const api = summaryApi(() => json({ data: { url: 'https://files.example.org/summary-p1.pdf' } }));
      const el = await mount(api.client);
      const li = items(el, 'past')[0];
      buttonIn(li, 'Download summary')!.click();
      await waitUntil(() => li.querySelector('.message a'), 'link shown');
      const link = li.querySelector<HTMLAnchorElement>('.message a')!;
      expect(link.getAttribute('href')).to.equal('https://files.example.org/summary-p1.pdf');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(squash(li.querySelector('.message')!.textContent)).to.contain('Your browser blocked the new tab.');
    });

    it('closes the blank tab and says so when the summary fails', async () => {
      const api = summaryApi(() => json({ message: 'nope' }, 404));
      const el = await mount(api.client);
      const li = items(el, 'past')[0];
      const errors: string[] = [];
      el.addEventListener('vsee-error', (e) => errors.push(e.detail.operation));
      buttonIn(li, 'Download summary')!.click();
      await waitUntil(() => li.querySelector('.message.error[role="alert"]'), 'error shown');
      const alert = li.querySelector('.message.error[role="alert"]')!;
      expect(squash(alert.textContent)).to.equal('We could not get the visit summary. We could not find what you asked for.');
      expect(popup!.closed).to.be.true;
      expect(errors).to.deep.equal(['getVisitSummaryUrl']);
    });

    it('refuses a summary URL that is not http(s)', async () => {
      const api = summaryApi(() => json({ data: { url: 'javascript:alert(1)' } }));
      const el = await mount(api.client);
      const li = items(el, 'past')[0];
      buttonIn(li, 'Download summary')!.click();
      await waitUntil(() => li.querySelector('.message.error'), 'error shown');
      expect(popup!.location.href).to.equal('about:blank');
      expect(popup!.closed).to.be.true;
    });
  });

  describe('visit in progress', () => {
    it('shows the current visit at the top, clearly marked, and not twice', async () => {
      const current = structuredClone(seedCurrentVisit);
      // The documented sample is a cancelled visit that ended: made into one going on now.
      current.data.status = '25';
      current.data.start = String(NOW - 600);
      (current.data as { actual_end: string | null }).actual_end = null;
      const api = fakeApi([
        ['GET', LIST, () => json({ data: [visit('1504', -600, { status: 25 }), visit('u1', DAY)] })],
        ['GET', /^\/visits\/current$/, () => json(current)],
      ]);
      const el = await mount(api.client, { showCurrent: true });
      await waitUntil(() => $(el, '[part="current"]'), 'current shown');
      const section = $(el, '[part="current"]')!;
      expect(el.shadowRoot!.querySelector('section') === section, 'current comes first').to.be.true;
      expect(squash(section.querySelector('h3')!.textContent)).to.equal('Visit in progress');
      expect(squash(section.querySelector('[part="current-mark"]')!.textContent)).to.equal('Now');
      expect(squash(section.querySelector('[part="status"]')!.textContent)).to.equal('Status: In progress');
      expect(words(section.querySelector('[part="facts"]')!)).to.equal(
        'Type Appointment Provider Ligeng Doctor Reason Test intake functionalities',
      );
      expect(items(el, 'past')).to.have.length(0);
      expect(items(el, 'upcoming')).to.have.length(1);
    });

    it('shows nothing (not an error) when there is no visit in progress', async () => {
      const api = fakeApi([
        ['GET', LIST, () => json({ data: [visit('u1', DAY)] })],
        ['GET', /^\/visits\/current$/, () => json({ data: [] })],
      ]);
      const el = await mount(api.client, { showCurrent: true });
      await waitUntil(() => api.count('GET', /current/) === 1);
      await el.updateComplete;
      await aTimeout(0);
      expect($(el, '[part="current"]')).to.be.null;
      expect($(el, '.message.error')).to.be.null;
    });

    it('does not ask for it without show-current', async () => {
      const api = fakeApi([['GET', LIST, () => json({ data: [] })]]);
      await mount(api.client);
      expect(api.count('GET', /current/)).to.equal(0);
    });
  });

  describe('refresh', () => {
    it('refresh() loads the list again and keeps it on screen meanwhile', async () => {
      let list = [visit('u1', DAY)];
      const gate = deferred<void>();
      let hold = false;
      const api = fakeApi([
        [
          'GET',
          LIST,
          async () => {
            if (hold) await gate.promise;
            return json({ data: list });
          },
        ],
      ]);
      const el = await mount(api.client);
      list = [visit('u1', DAY, { status: 40 })];
      hold = true;
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(items(el, 'upcoming')).to.have.length(1);
      gate.resolve();
      await done;
      await el.updateComplete;
      expect(squash(items(el, 'upcoming')[0].querySelector('[part="status"]')!.textContent)).to.equal('Status: Cancelled');
      expect(api.count('GET', LIST)).to.equal(2);
    });

    it('keeps the last list and says so when a refresh fails', async () => {
      let fail = false;
      const api = fakeApi([['GET', LIST, () => (fail ? 'network-error' : json({ data: [visit('u1', DAY)] }))]]);
      const el = await mount(api.client);
      fail = true;
      await el.refresh();
      await el.updateComplete;
      expect(items(el, 'upcoming')).to.have.length(1);
      expect(squash($(el, '.message.error')!.textContent)).to.contain('We could not update your visits.');
    });

    it('shows a failed first load with a way to try again', async () => {
      let fail = true;
      const api = fakeApi([['GET', LIST, () => (fail ? json({ message: 'x' }, 500) : json({ data: [visit('u1', DAY)] }))]]);
      const el = await mount(api.client);
      const alert = $(el, '.message.error[role="alert"]')!;
      expect(squash(alert.textContent)).to.contain('We could not load your visits.');
      // Try again from the keyboard: focus stays in the list through a second failure, then goes to the first visit.
      const first = buttonIn(alert, 'Try again')!;
      first.focus();
      first.click();
      const retryButton = () => $(el, '.message.error [data-focus="retry"]');
      await waitUntil(() => api.count('GET', LIST) === 2 && retryButton() && retryButton() !== first, 'failed again');
      const again = retryButton()!;
      await waitUntil(() => el.shadowRoot!.activeElement === again, 'focus on the new Try again');
      fail = false;
      again.click();
      await waitUntil(() => items(el, 'upcoming').length === 1);
      await waitUntil(() => el.shadowRoot!.activeElement === items(el, 'upcoming')[0], 'focus on the first visit');
    });

    it('refetches when another element books or cancels through the same client, until disconnected', async () => {
      const api = fakeApi([['GET', LIST, () => json({ data: [] })]]);
      const el = await mount(api.client);
      api.client.dispatchEvent(new CustomEvent('change', { detail: { operation: 'createIntake', id: 'i1' } }));
      await aTimeout(0);
      expect(api.count('GET', LIST)).to.equal(1);
      api.client.dispatchEvent(new CustomEvent('change', { detail: { operation: 'createAppointment', id: 'v9' } }));
      await waitUntil(() => api.count('GET', LIST) === 2);
      el.remove();
      api.client.dispatchEvent(new CustomEvent('change', { detail: { operation: 'closeVisit', id: 'v9' } }));
      await aTimeout(10);
      expect(api.count('GET', LIST)).to.equal(2);
    });

    it('refetches when the patient comes back to the tab after a while', async () => {
      const api = fakeApi([['GET', LIST, () => json({ data: [] })]]);
      const el = await mount(api.client);
      const saved = VseeVisitListClass().refreshAfterHiddenMs;
      let visibility: DocumentVisibilityState = 'hidden';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        visibility = 'visible';
        document.dispatchEvent(new Event('visibilitychange'));
        await aTimeout(10);
        expect(api.count('GET', LIST), 'a short absence').to.equal(1);
        VseeVisitListClass().refreshAfterHiddenMs = 0;
        visibility = 'hidden';
        document.dispatchEvent(new Event('visibilitychange'));
        visibility = 'visible';
        document.dispatchEvent(new Event('visibilitychange'));
        await waitUntil(() => api.count('GET', LIST) === 2);
        el.remove();
        visibility = 'hidden';
        document.dispatchEvent(new Event('visibilitychange'));
        visibility = 'visible';
        document.dispatchEvent(new Event('visibilitychange'));
        await aTimeout(10);
        expect(api.count('GET', LIST)).to.equal(2);
      } finally {
        VseeVisitListClass().refreshAfterHiddenMs = saved;
        delete (document as { visibilityState?: unknown }).visibilityState;
      }
    });
  });

  it('is accessible with details and notes open', async () => {
    const v = visit('p1', -DAY, { status: 30, visit_group_id: 'g' });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v, visit('u1', DAY)] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const el = await mount(api.client);
    buttonIn(items(el, 'past')[0], 'View details')!.click();
    await waitUntil(() => $(el, '.notes[data-notes="ready"]'));
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const v = visit('p1', -DAY, { status: 30 });
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [v, visit('u1', DAY, { status: '35', visit_group_id: 'g' })] })],
      ['GET', ONE, () => json({ data: detailOf(v) })],
    ]);
    const el = await mount(api.client, { locale: 'es' });
    expect(squash($(el, '#upcoming-h')!.textContent)).to.equal('Próximas');
    expect(squash($(el, '#past-h')!.textContent)).to.equal('Anteriores');
    const [up] = items(el, 'upcoming');
    expect(squash(up.querySelector('[part="status"]')!.textContent)).to.equal('Estado: Estado 35');
    expect(squash(up.querySelector('[part="group-mark"]')!.textContent)).to.equal('Consulta en grupo');
    expect(words(up.querySelector('[part="facts"]')!)).to.equal('Tipo Cita Profesional Dr. Ada Lovelace');
    expect(buttonIn(up, 'Cancelar consulta')).to.exist;
    expect(buttonIn(up, 'Cambiar fecha')).to.exist;
    const past = items(el, 'past')[0];
    expect(buttonIn(past, 'Descargar resumen')).to.exist;
    buttonIn(past, 'Ver detalles')!.click();
    await waitUntil(() => past.querySelector('.notes[data-notes="ready"]'));
    expect(Array.from(past.querySelectorAll('h5')).map((h) => squash(h.textContent))).to.deep.equal([
      'Medicamentos actuales',
      'Recetado en esta consulta',
      'Archivos adjuntos',
      'Exploración física',
      'Evaluación y plan',
      'Indicaciones para usted',
    ]);
    expect(squash(past.querySelector('[part="status"]')!.textContent)).to.equal('Estado: Completada');
    expect(squash($(el, '[part="timezone"]')!.textContent)).to.match(/^Horas en /);
    // squashed alike: WebKit's Intl puts no-break spaces in "4:19 p. m.", which squash() turns into spaces.
    expect(squash(up.querySelector('h4')!.textContent)).to.equal(
      squash(
        new Intl.DateTimeFormat('es-US', {
          timeZone: TZ,
          weekday: 'short',
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
        }).format((NOW + DAY) * 1000),
      ),
    );
  });

  it('reads the seed\u2019s GET /visits/:id sample in the details', async () => {
    const detail = structuredClone(seedVisitDetail.data);
    const api = fakeApi([
      ['GET', LIST, () => json({ data: [{ id: detail.id, start: detail.start, type: 2, status: 30, provider: detail.provider }] })],
      ['GET', ONE, () => json({ data: detail })],
    ]);
    const el = await mount(api.client);
    const li = items(el, 'past')[0];
    expect(words(li.querySelector('[part="facts"]')!)).to.equal('Type Appointment Provider Anton Provider');
    buttonIn(li, 'View details')!.click();
    await waitUntil(() => li.querySelector('.details dl'));
    const details = words(li.querySelector('.details')!);
    expect(details).to.contain('Reason unknown Diagnosis unknown Disposition unknown');
    // The seed's documented prescriptionsBeforeVisit, in the e-prescribing system's field names.
    expect(details).to.contain(
      'Current medications One Tab Daily with Iron oral tablet Directions 1 Milliliter(s) 1 to 2 times a day Quantity 60 Tablet Refills 0 Status Current Prescribed by Dr. John Will, M.D. Date prescribed Jan 30, 2016',
    );
    expect(details).to.contain('Prescribed at this visit Nothing was prescribed at this visit.');
    expect(details).to.contain('No attachments.');
    expect(details).to.contain('Your provider has not added notes to this visit.');
  });
});

function VseeVisitListClass() {
  return customElements.get('vsee-visit-list') as unknown as { refreshAfterHiddenMs: number };
}
