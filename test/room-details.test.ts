// Unit tests of room-details.ts: what the intake form shows of the room, from hostile answers too.
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { consultationText, roomName } from '../src/elements/intake-form/room-details.js';
import { intakeFormMessages } from '../src/i18n/intake-form.js';
import type { Consultation, Room } from '../src/client/types.js';

class RoomDetailsHost extends LitElement {
  resolvedLocale = 'en' as const;
  resolvedTimeZone = 'UTC';
}
customElements.define('room-details-host', RoomDetailsHost);

const l10n = () => new LocalizeController(document.createElement('room-details-host') as RoomDetailsHost, intakeFormMessages);
const room = (payment: Record<string, unknown>, name?: unknown) => ({ name, payment }) as unknown as Room;

describe('room-details', () => {
  it('consultationText: the description with its price; a blank description is unknown, an unknown currency kept as sent', () => {
    const c = (description: unknown, amount: unknown) => ({ id: 'c1', description, amount }) as unknown as Consultation;
    expect(consultationText(l10n(), room({ currency: 'USD' }), c('Follow-up', '25'))).to.equal('Follow-up ($25.00)');
    expect(consultationText(l10n(), room({}), c('   ', 25))).to.equal('unknown ($25.00)');
    expect(consultationText(l10n(), room({ currency: 'XX' }), c('Follow-up', 25))).to.equal('Follow-up (25 XX)');
    expect(consultationText(l10n(), room({ currency: 'USD' }), c(' Follow-up ', 0))).to.equal('Follow-up');
  });

  it('roomName: the name, else the code, else unknown; blanks are no name', () => {
    expect(roomName(l10n(), room({}, 'Dermatology'), 'derm1')).to.equal('Dermatology');
    expect(roomName(l10n(), room({}, '   '), 'derm1')).to.equal('derm1');
    expect(roomName(l10n(), undefined, '')).to.equal('unknown');
  });
});
