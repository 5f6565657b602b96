import { expect } from '@open-wc/testing';
import { DraftStore, patientHash } from '../src/elements/intake-form/draft-store.js';

const scope = { accountCode: 'vclinic', roomCode: 'room1' };

describe('intake draft store', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps a draft per patient, keyed by a hash, never by the token itself', () => {
    const token = 'tok-SECRET-123456';
    const store = new DraftStore({ ...scope, patient: token });
    store.save({ values: { reason_for_visit: 'Rash' }, attachments: [], savedIntakeId: 'i-1' });
    const keys = Object.keys(sessionStorage);
    expect(keys).to.have.length(1);
    expect(keys[0]).to.contain(patientHash(token)).and.not.contain(token);
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain(token);
    expect(new DraftStore({ ...scope, patient: token }).load()).to.deep.equal({
      values: { reason_for_visit: 'Rash' },
      attachments: [],
      savedIntakeId: 'i-1',
    });
  });

  it('keeps the attachments on a page whose Array.prototype.toJSON turns arrays into strings (Prototype.js)', () => {
    const proto = Array.prototype as { toJSON?: () => string };
    proto.toJSON = function (this: unknown[]) {
      return `[${this.map((x) => JSON.stringify(x)).join(', ')}]`;
    };
    try {
      const draft = { values: { reason_for_visit: 'Rash', agree: true }, attachments: [{ id: 'f-1', name: 'lab.pdf', size: 12 }] };
      new DraftStore({ ...scope, patient: '575' }).save(draft);
      expect(new DraftStore({ ...scope, patient: '575' }).load()).to.deep.equal(draft);
    } finally {
      delete proto.toJSON;
    }
  });

  it('hashes differently per patient and the same for the same patient', () => {
    expect(patientHash('575')).to.equal(patientHash('575'));
    expect(patientHash('575')).to.not.equal(patientHash('576'));
    expect(patientHash('')).to.be.a('string').and.not.equal('');
  });

  it('another patient in the same tab reads nothing of the first, and opening their store drops the first one\u2019s', () => {
    const a = new DraftStore({ ...scope, patient: 'patient-a' });
    a.save({ values: { reason_for_visit: 'A private' }, attachments: [{ id: 'f1', name: 'a.png' }], savedIntakeId: 'intake-a' });
    a.saveWaiting({ visitId: 'v-a', since: 1 });
    const b = new DraftStore({ ...scope, patient: 'patient-b' });
    expect(b.load()).to.equal(undefined);
    expect(b.loadWaiting()).to.equal(undefined);
    b.forgetOtherPatients();
    expect(a.load()).to.equal(undefined);
    expect(a.loadWaiting()).to.equal(undefined);
    expect(Object.keys(sessionStorage)).to.have.length(0);
  });

  it('keeps nothing when the patient is not known', () => {
    const store = new DraftStore({ ...scope });
    expect(store.enabled).to.equal(false);
    store.save({ values: { reason_for_visit: 'x' }, attachments: [] });
    store.saveWaiting({ visitId: 'v', since: 1 });
    expect(sessionStorage.length).to.equal(0);
    expect(store.load()).to.equal(undefined);
  });

  it('separates new and edited intakes, and rooms', () => {
    const p = { ...scope, patient: 'p' };
    new DraftStore(p).save({ values: { reason_for_visit: 'new' }, attachments: [] });
    expect(new DraftStore({ ...p, intakeId: 'i-9' }).load()).to.equal(undefined);
    expect(new DraftStore({ ...p, roomCode: 'other' }).load()).to.equal(undefined);
  });

  it('ignores a broken or foreign record instead of failing', () => {
    const store = new DraftStore({ ...scope, patient: 'p' });
    sessionStorage.setItem(store.key!, '{not json');
    expect(store.load()).to.equal(undefined);
    sessionStorage.setItem(store.key!, JSON.stringify({ values: null }));
    expect(store.load()).to.equal(undefined);
    sessionStorage.setItem(store.key!, JSON.stringify({ values: {}, attachments: [{ id: 3 }, { id: 'ok', name: 'n' }], savedIntakeId: 7 }));
    expect(store.load()).to.deep.equal({ values: {}, attachments: [{ id: 'ok', name: 'n' }] });
    sessionStorage.setItem(`${store.key}:waiting`, JSON.stringify({ visitId: 5 }));
    expect(store.loadWaiting()).to.equal(undefined);
  });

  it('clear() and clearWaiting() remove only this patient\u2019s records', () => {
    const store = new DraftStore({ ...scope, patient: 'p' });
    store.save({ values: {}, attachments: [] });
    store.saveWaiting({ visitId: 'v', since: 2 });
    expect(store.loadWaiting()).to.deep.equal({ visitId: 'v', since: 2 });
    store.clearWaiting();
    expect(store.loadWaiting()).to.equal(undefined);
    expect(store.load()).to.not.equal(undefined);
    store.clear();
    expect(store.load()).to.equal(undefined);
  });
});
