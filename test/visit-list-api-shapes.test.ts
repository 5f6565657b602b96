// <vsee-visit-list> against what the API really answers (issue 12): the documented current
// visit, bodies of the wrong shape, and which visits have a summary.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { json } from './helpers/fake-fetch.js';
import { seedCurrentVisit } from './fixtures/seed-samples.js';
import { $, DAY, LIST, NOW, buttonIn, fakeApi, items, mount, squash, visit } from './helpers/visit-list.js';

const CURRENT = /^\/visits\/current$/;

/** Mounts a list with `show-current` whose current visit is `current`, and waits for both answers. */
async function withCurrent(current: unknown, list: unknown[] = [visit('u1', DAY)]) {
  const api = fakeApi([
    ['GET', LIST, () => json({ data: list })],
    ['GET', CURRENT, () => json({ data: current })],
  ]);
  const el = await mount(api.client, { showCurrent: true });
  await waitUntil(() => api.count('GET', CURRENT) === 1);
  await el.updateComplete;
  await aTimeout(0);
  return el;
}

describe('<vsee-visit-list> and the API\u2019s real answers', () => {
  describe('show-current', () => {
    it('does not present the documented sample (a cancelled visit that ended) as in progress', async () => {
      const el = await withCurrent(structuredClone(seedCurrentVisit.data));
      expect($(el, '[part="current"]')).to.be.null;
      expect($(el, '.message.error')).to.be.null;
      expect(squash(el.shadowRoot!.textContent)).to.not.contain('Visit in progress');
    });

    it('shows a pending, confirmed or in-progress visit that has not ended', async () => {
      for (const status of ['10', 20, 25]) {
        const el = await withCurrent({ id: `c${status}`, start: NOW - 300, type: 1, status, actual_end: null });
        expect($(el, '[part="current"]'), `status ${status}`).to.exist;
      }
    });

    it('shows no current visit when it ended, was completed or cancelled, or its status is garbage', async () => {
      const cases = [{ status: 25, actual_end: NOW - 60 }, { status: 30 }, { status: 40 }, { status: 'in progress' }, {}];
      for (const c of cases) {
        const el = await withCurrent({ id: 'c1', start: NOW - 300, type: 1, ...c });
        expect($(el, '[part="current"]'), JSON.stringify(c)).to.be.null;
        expect($(el, '.message.error'), JSON.stringify(c)).to.be.null;
      }
    });
  });

  describe('GET /visits answering 200 with the wrong shape', () => {
    for (const body of [{ data: { visits: 'none' } }, { data: [1, 2, 3] }, { data: 'ok' }, { data: true }]) {
      it(`says it could not load, with Try again (${JSON.stringify(body)})`, async () => {
        let broken = true;
        const api = fakeApi([['GET', LIST, () => json(broken ? body : { data: [visit('u1', DAY)] })]]);
        const el = await mount(api.client);
        const alert = $(el, '.message.error[role="alert"]');
        expect(alert, 'an alert').to.exist;
        expect(squash(alert!.textContent)).to.contain('We could not load your visits.');
        expect(squash(el.shadowRoot!.textContent)).to.not.contain('You have no upcoming visits');
        broken = false;
        buttonIn(alert!, 'Try again')!.click();
        await waitUntil(() => items(el, 'upcoming').length === 1, 'the visits after trying again');
        expect($(el, '.message.error')).to.be.null;
      });
    }

    it('still says "no upcoming visits" for an empty list', async () => {
      const api = fakeApi([['GET', LIST, () => json({ data: [] })]]);
      const el = await mount(api.client);
      expect(squash($(el, 'section[data-section="upcoming"]')!.textContent)).to.contain('You have no upcoming visits.');
      expect($(el, '.message.error')).to.be.null;
    });
  });

  it('shows a visit whose time no Date can hold as unknown, beside the others (it threw before)', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const api = fakeApi([
        ['GET', LIST, () => json({ data: [visit('u1', DAY), visit('huge', DAY, { start: 99999999999999, end: '1e13' })] })],
      ]);
      const el = await mount(api.client);
      const all = [...items(el, 'upcoming'), ...items(el, 'past')];
      const text = squash(el.shadowRoot!.textContent);
      expect(text).to.contain('Ada Lovelace');
      expect(text).to.match(/unknown/i);
      expect(text).not.to.match(/Invalid|NaN|undefined/);
      expect(all.length, text).to.be.at.least(2);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('offers nothing to open or change on a visit sent without its id, or with an id another visit has', async () => {
    const api = fakeApi([
      [
        'GET',
        LIST,
        () =>
          json({
            data: [visit('d', DAY), visit('d', 2 * DAY), { ...visit('x', 3 * DAY), id: undefined }, visit('e', 4 * DAY)],
          }),
      ],
      ['GET', CURRENT, () => json({ data: { start: NOW - 60, type: 1, status: 25 } })],
    ]);
    const el = await mount(api.client, { showCurrent: true });
    await waitUntil(() => $(el, '[part="current"]'), 'the current visit shown');
    const noId = 'The clinic\u2019s system sent this visit without a number of its own, so it cannot be opened or changed here.';
    const rows = items(el, 'upcoming');
    expect(rows.map((li) => li.querySelectorAll('button').length > 0)).to.deep.equal([true, false, false, true]);
    expect(rows.map((li) => squash(li.textContent).includes(noId))).to.deep.equal([false, true, true, false]);
    const current = $(el, '[part="current"]')!;
    expect(current.querySelector('button'), 'no button on the current visit without an id').to.equal(null);
    expect(squash(current.textContent)).to.contain(noId);
  });

  it('offers "Download summary" only for visits that took place', async () => {
    const api = fakeApi([
      [
        'GET',
        LIST,
        () =>
          json({
            data: [
              visit('upcoming', DAY),
              visit('cancelled-upcoming', 2 * DAY, { status: 40 }),
              visit('completed', -DAY, { status: 30 }),
              visit('cancelled-past', -2 * DAY, { status: 40 }),
              visit('no-start', -3 * DAY, { start: 'soon', status: 30 }),
            ],
          }),
      ],
    ]);
    const el = await mount(api.client);
    const has = (li: HTMLElement) => !!buttonIn(li, 'Download summary');
    expect(items(el, 'upcoming').map(has)).to.deep.equal([false, false]);
    const past = items(el, 'past');
    expect(past.map(has)).to.deep.equal([true, false, false]);
    expect(squash(past[0].querySelector('[part="status"]')!.textContent)).to.equal('Status: Completed');
  });
});
