import { expect } from '@open-wc/testing';
import { LocalizeController, loadMessages, type LocalizeHost } from '../src/elements/controllers/localize.js';
import { defineMessages, type Locale } from '../src/i18n/i18n.js';

/** A host with a settable locale: the controller needs nothing else. */
function host(locale: Locale, timeZone = 'America/New_York'): LocalizeHost & { locale: Locale } {
  return {
    locale,
    get resolvedLocale() {
      return this.locale;
    },
    resolvedTimeZone: timeZone,
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  };
}

const en = { hello: 'Hello, {name}!', only: 'Only in English' };
type Key = keyof typeof en;

describe('LocalizeController', () => {
  it('reads the element table, then the common one, with placeholders filled', () => {
    const t = new LocalizeController(host('en'), defineMessages<Key>(en, { hello: '¡Hola, {name}!', only: 'Sólo' }));
    expect(t.msg('hello', { name: 'Ana' })).to.equal('Hello, Ana!');
    expect(t.msg('tryAgain')).to.equal('Try again');
    // A placeholder without a value stays visible rather than becoming "undefined".
    expect(t.msg('hello')).to.equal('Hello, {name}!');
  });

  it('speaks the host locale as it changes', () => {
    const h = host('es');
    const t = new LocalizeController(h, defineMessages<Key>(en, { hello: '¡Hola, {name}!', only: 'Sólo' }));
    expect(t.msg('hello', { name: 'Ana' })).to.equal('¡Hola, Ana!');
    h.locale = 'en';
    expect(t.msg('hello', { name: 'Ana' })).to.equal('Hello, Ana!');
  });

  it('rejects a mistyped key at compile time', () => {
    const t = new LocalizeController(host('en'), defineMessages<Key>(en, { hello: 'x', only: 'y' }));
    // @ts-expect-error: 'helo' is not a key of the table (nor of the common one).
    expect(t.msg('helo')).to.equal('helo');
  });

  it('loads Spanish only when the host is in Spanish, and falls back to English until then', async () => {
    let loads = 0;
    const table = defineMessages<Key>(en, async () => {
      loads++;
      return { default: { hello: '¡Hola, {name}!', only: 'Sólo' } };
    });
    const english = host('en');
    new LocalizeController(english, table);
    expect(loadMessages(english)).to.equal(undefined);
    expect(loads).to.equal(0);

    const spanish = host('es');
    const t = new LocalizeController(spanish, table);
    expect(t.msg('only')).to.equal('Only in English');
    await loadMessages(spanish);
    expect(loads).to.equal(1);
    expect(t.msg('only')).to.equal('Sólo');
    expect(loadMessages(spanish), 'nothing left to load').to.equal(undefined);
  });

  it('formats dates and times in the host zone, and says "unknown" for a broken timestamp', () => {
    const t = new LocalizeController(host('en', 'Asia/Tokyo'));
    const ts = Date.UTC(2027, 2, 9, 0, 30) / 1000; // 09:30 in Tokyo
    expect(t.time(ts)).to.equal('9:30 AM');
    expect(t.date(ts)).to.equal('Tuesday, March 9, 2027');
    expect(t.dateTime('soon')).to.equal('unknown');
    expect(t.date(NaN)).to.equal('unknown');
    expect(t.zoneLabel()).to.be.a('string').and.not.equal('');
  });
});
