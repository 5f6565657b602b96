// Unit tests of visit-helpers.ts: reading the API's loosely typed visits, with no DOM or lit.
import { expect } from '@open-wc/testing';
import type { Prescription, Visit } from '../src/client/types.js';
import {
  attachmentsOf,
  groupVisits,
  hasTakenPlace,
  isCancellable,
  isReschedulable,
  isVisitInProgress,
  notesAreDraft,
  notesOf,
  prescriptionDate,
  prescriptionFacts,
  prescriptionsOf,
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

  it('prescriptionsOf: one list\u2019s records in any list shape, none when absent, undefined when unreadable', () => {
    const rx = (value: unknown) => prescriptionsOf(v('a', { prescriptions: value as Prescription[] }), 'prescriptions');
    expect(rx([{ Drug: 'A' }, 'x', null])).to.deep.equal([{ Drug: 'A' }]);
    // PHP's index-keyed object, and one record sent alone, are lists too.
    expect(rx({ 0: { Drug: 'A' }, 2: { Drug: 'B' } })).to.deep.equal([{ Drug: 'A' }, { Drug: 'B' }]);
    expect(rx({ Drug: 'A', Qty: 30 })).to.deep.equal([{ Drug: 'A', Qty: 30 }]);
    for (const none of [undefined, null, '', [], {}]) expect(rx(none), JSON.stringify(none)).to.deep.equal([]);
    // Not "nothing was prescribed": that would be false.
    for (const garbage of ['none', 3, ['x', 'y'], { 0: 'x' }]) expect(rx(garbage), JSON.stringify(garbage)).to.equal(undefined);
  });

  it('prescriptionFacts: the documented names, quantity with its unit, counts that are numbers', () => {
    expect(
      prescriptionFacts({
        Drug: 'Iron',
        Directions: 'Daily',
        Qty: 60,
        QtyQual: 'Tablet',
        Refills: 0,
        Status: 'Current',
        PrescriberName: 'Dr. Will',
        PrescriptionDate: '2016-01-30T00:00:00',
      }),
    ).to.deep.equal({
      drug: 'Iron',
      directions: 'Daily',
      quantity: '60 Tablet',
      refills: '0',
      status: 'Current',
      prescriber: 'Dr. Will',
      date: Date.UTC(2016, 0, 30),
    });
    expect(prescriptionFacts({ Qty: 'lots', QtyQual: 'Tablet', Refills: '2' } as never)).to.deep.include({
      quantity: undefined,
      refills: '2',
    });
    expect(prescriptionFacts({ drug: 'Old', quantity: '1 tube', refills: 1 })).to.deep.include({
      drug: 'Old',
      quantity: '1 tube',
      refills: '1',
    });
  });

  it('prescriptionDate: a calendar date; the system\u2019s "none" and impossible dates are undefined', () => {
    expect(prescriptionDate('2016-01-30T00:00:00')).to.equal(Date.UTC(2016, 0, 30));
    for (const bad of ['0001-01-01T00:00:00', '2016-02-31', '2016-13-01', 'soon', 20160130, null])
      expect(prescriptionDate(bad), String(bad)).to.be.undefined;
  });

  it('attachmentsOf: the provider\u2019s and the patient\u2019s files, each once', () => {
    const d = v('a', {
      postvisit: { attachments: [{ id: 'f1', name: 'a' }, 'x' as never] },
      intake: { id: 'i', attachments: [{ id: 'f1', name: 'a' }, { _id: 'f2', name: 'b' }, { name: 'no id' }] },
    });
    expect(attachmentsOf(d)!.map((f) => f.name)).to.deep.equal(['a', 'b', 'no id']);
    // The intake's own ids (comma-separated or a list) name nothing; an object keyed by index is a list.
    const ids = v('a', {
      postvisit: { attachments: { 0: { id: 'f3', name: 'c' } } as never },
      intake: { id: 'i', attachments: ['f1', 'f2'] as never },
    });
    expect(attachmentsOf(ids)!.map((f) => f.name)).to.deep.equal(['c']);
    expect(attachmentsOf(v('a', { postvisit: { attachments: 7 as never } }))).to.equal(undefined);
  });

  it('notesOf and notesAreDraft: notes with content, drafts known', () => {
    const d = v('a', {
      postvisit: { physical_exam: '<p><br></p>', assessment_plan: '<p>Plan</p>', patient_instructions: null, draft: true },
    });
    expect(notesOf(d)).to.deep.equal([['assessment_plan', '<p>Plan</p>']]);
    expect(notesAreDraft(d)).to.be.true;
    expect(notesOf(v('b'))).to.deep.equal([]);
  });
});
