import { expect } from '@open-wc/testing';
import { intakeRequest, intakeType } from '../src/elements/intake-form/intake-fields.js';

describe('intake fields: what the form sends', () => {
  it("the intake's type: the page's visit-type, then a walk-in for then=walkin, then the patient's choice", () => {
    expect(intakeType('schedule', 'walkin', 'walkin')).to.equal(2);
    expect(intakeType(undefined, 'walkin', 'schedule')).to.equal(1);
    expect(intakeType(undefined, 'none', 'schedule')).to.equal(2);
    expect(intakeType(undefined, undefined, 'walkin')).to.equal(1);
    expect(intakeType(undefined, undefined, '')).to.equal(undefined);
    expect(intakeType('', 'econsult', 'nonsense')).to.equal(undefined);
  });

  const parts = {
    roomCode: 'room1',
    builtin: { reason_for_visit: 'Rash', type: 1 },
    attachments: ['f1'],
    custom: { allergies: 'none' },
  };

  it('a new intake carries the room, the answers, the attachments and the clinic questions', () => {
    expect(intakeRequest(parts, false)).to.deep.equal({
      room_code: 'room1',
      reason_for_visit: 'Rash',
      type: 1,
      attachments: ['f1'],
      allergies: 'none',
    });
  });

  it('a numeric provider id is sent as a number, any other as given; the member id as given', () => {
    expect(intakeRequest({ ...parts, providerId: '42', memberId: 'm-7' }, false)).to.include({ provider_id: 42, member_id: 'm-7' });
    expect(intakeRequest({ ...parts, providerId: 'p-42' }, false)).to.include({ provider_id: 'p-42' });
    expect(intakeRequest(parts, false)).not.to.have.any.keys('provider_id', 'member_id');
  });

  it('an update sends a cleared reason, state or phone as empty, so the server does not keep it', () => {
    const body = intakeRequest({ ...parts, builtin: { type: 2 } }, true);
    expect(body).to.include({ reason_for_visit: '', location: '', phone: '', type: 2 });
    expect(intakeRequest({ ...parts, builtin: {} }, false)).not.to.have.any.keys('reason_for_visit', 'location', 'phone');
  });
});
