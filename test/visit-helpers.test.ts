// Unit tests of visit-helpers.ts: reading the API's loosely typed visits, with no DOM or lit.
import { expect } from '@open-wc/testing';
import type { Visit } from '../src/client/types.js';
import {
  groupVisits,
  hasTakenPlace,
  isCancellable,
  isReschedulable,
  isVisitInProgress,
  providerName,
  reasonOf,
  text,
} from '../src/elements/visit-list/visit-helpers.js';

const NOW = 1_800_000_000;
const v = (id: string, extra: Partial<Visit> = {}): Visit => ({ id, start: NOW + 3600, type: 2, status: 20, ...extra });

describe('visit-helpers', () => {
  it('text: strings and finite numbers only, never "null", NaN or objects', () => {
    expect(text(' Rash ')).to.equal('Rash');
    expect(text(0)).to.equal('0');
    for (const bad of ['', '  ', 'null', 'undefined', NaN, Infinity, null, undefined, {}, [], true])
      expect(text(bad), String(bad)).to.be.undefined;
  });

  it('providerName: full_name or first + last, with title and suffix', () => {
    expect(providerName({ full_name: 'Anton Provider', suffix: 'MD' })).to.equal('Anton Provider, MD');
    expect(providerName({ first_name: 'Ada', last_name: 'Lovelace', title: 'Dr.' })).to.equal('Dr. Ada Lovelace');
    expect(providerName({ full_name: 'Dr. Who', title: 'Dr.' })).to.equal('Dr. Who');
    expect(providerName({ first_name: null, last_name: '' })).to.be.undefined;
    expect(providerName('Ada')).to.be.undefined;
  });

  it('reasonOf: the provider\u2019s reason first, else the patient\u2019s', () => {
    expect(reasonOf(v('a', { postvisit: { reason_for_visit: 'Rash' }, intake: { id: 'i', reason_for_visit: 'Itch' } }))).to.equal('Rash');
    expect(reasonOf(v('a', { postvisit: null, intake: { id: 'i', reason_for_visit: 'Itch' } }))).to.equal('Itch');
    expect(reasonOf(v('a', { postvisit: 'x' as never }))).to.be.undefined;
  });

  it('groupVisits: upcoming soonest first, past latest first, no start last, the current one left out', () => {
    const list = [
      v('a', { start: NOW - 10 }),
      v('b', { start: NOW + 20 }),
      v('c', { start: undefined }),
      v('d', { start: NOW + 10 }),
      v('e', { start: NOW - 5 }),
    ];
    const { upcoming, past } = groupVisits(list, NOW, 'e');
    expect(upcoming.map((x) => x.id)).to.deep.equal(['d', 'b']);
    expect(past.map((x) => x.id)).to.deep.equal(['a', 'c']);
  });

  it('isCancellable and isReschedulable: upcoming and open; rescheduling for appointments only', () => {
    expect(isCancellable(v('a'), NOW)).to.be.true;
    expect(isCancellable(v('a', { status: 40 }), NOW)).to.be.false;
    expect(isCancellable(v('a', { start: NOW - 1 }), NOW)).to.be.false;
    expect(isReschedulable(v('a'), NOW)).to.be.true;
    expect(isReschedulable(v('a', { type: 1 }), NOW)).to.be.false;
  });

  it('isVisitInProgress: pending, confirmed or in progress, and not ended', () => {
    expect([10, 20, 25].map((status) => isVisitInProgress(v('a', { status })))).to.deep.equal([true, true, true]);
    expect(isVisitInProgress(v('a', { status: 25, actual_end: NOW }))).to.be.false;
    expect(isVisitInProgress(v('a', { status: 25, actual_end: null }))).to.be.true;
    for (const status of [30, 40, 35, undefined]) expect(isVisitInProgress(v('a', { status })), String(status)).to.be.false;
  });

  it('hasTakenPlace: started and not cancelled', () => {
    expect(hasTakenPlace(v('a', { start: NOW - 1, status: 30 }), NOW)).to.be.true;
    expect(hasTakenPlace(v('a', { start: NOW - 1, status: 40 }), NOW)).to.be.false;
    expect(hasTakenPlace(v('a', { start: NOW + 1, status: 30 }), NOW)).to.be.false;
    expect(hasTakenPlace(v('a', { start: undefined, status: 30 }), NOW)).to.be.false;
  });
});
