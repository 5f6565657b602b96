// Unit tests of detail-helpers.ts: a visit's prescriptions, attachments and notes, with no DOM or lit.
import { expect } from '@open-wc/testing';
import type { Prescription, Visit } from '../src/client/types.js';
import {
  attachmentsOf,
  notesAreDraft,
  notesOf,
  prescriptionDate,
  prescriptionFacts,
  prescriptionsOf,
} from '../src/elements/visit-list/detail-helpers.js';

const NOW = 1_800_000_000;
const v = (id: string, extra: Partial<Visit> = {}): Visit => ({ id, start: NOW + 3600, type: 2, status: 20, ...extra });

describe('detail-helpers', () => {
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
    expect(prescriptionFacts({ Qty: -30, Refills: -1 } as never)).to.deep.include({ quantity: undefined, refills: undefined });
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
