// The keyboard grid of <vsee-slot-picker> on its own: chunked building, one tab stop, words in place.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from './helpers/commands.js';
import { LitElement, html as litHtml } from 'lit';
import type { Slot } from '../src/client/types.js';
import { LocalizeController } from '../src/elements/controllers/localize.js';
import { SlotGridController, type GridData } from '../src/elements/slot-picker/slot-grid.js';
import { dayRange, groupSlots } from '../src/elements/slot-picker/days.js';
import { slotPickerMessages } from '../src/i18n/slot-picker.js';
import type { Locale } from '../src/i18n/i18n.js';

const NY = 'America/New_York';
const START = Date.parse('2027-03-09T00:00:00-05:00') / 1000;

/** `days` days of `perDay` half-hour slots from 8 AM. */
function data(days: number, perDay: number): GridData {
  const range = dayRange(START, days, 0, NY);
  const slots: Slot[] = [];
  for (let d = 0; d < days; d++)
    for (let i = 0; i < perDay; i++) slots.push({ start: range.bounds[d] + 8 * 3600 + i * 1800, end: 0, providers: ['1'] });
  for (const s of slots) s.end = s.start + 1800;
  return groupSlots(slots, range.bounds, range.keys, 0);
}

class TestSlotGrid extends LitElement {
  static override properties = { resolvedLocale: { attribute: false }, chosen: { attribute: false } };
  declare resolvedLocale: Locale;
  declare chosen?: number;
  resolvedTimeZone = NY;
  data: GridData = data(3, 4);
  picked: Slot[] = [];
  readonly l10n = new LocalizeController(this, slotPickerMessages);
  readonly grid = new SlotGridController(this, { l10n: this.l10n, onChoose: (s) => this.picked.push(s), chunkMs: 0 });
  constructor() {
    super();
    this.resolvedLocale = 'en';
  }
  protected override render() {
    return litHtml`${this.grid.render(this.data, this.chosen, 'Available times')}`;
  }
}
customElements.define('test-slot-grid', TestSlotGrid);

const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
const rows = (el: Element) => el.shadowRoot!.querySelectorAll('[role="row"]').length;
const tabStops = (el: Element) => buttons(el).filter((b) => b.tabIndex === 0);
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('SlotGridController', () => {
  it('builds a long range a day per task, keeping exactly one tab stop throughout', async () => {
    const el = document.createElement('test-slot-grid') as TestSlotGrid;
    el.data = data(10, 30);
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(rows(el), 'not everything in the first task').to.be.lessThan(10);
      expect(tabStops(el)).to.have.length(1);
      let seen = rows(el);
      await waitUntil(() => {
        expect(tabStops(el)).to.have.length(1);
        seen = Math.max(seen, rows(el));
        return rows(el) === 10;
      }, 'all days');
      expect(buttons(el)).to.have.length(300);
    } finally {
      el.remove();
    }
  });

  it('stops building when the element leaves the page', async () => {
    const el = document.createElement('test-slot-grid') as TestSlotGrid;
    el.data = data(10, 5);
    document.body.append(el);
    await el.updateComplete;
    const built = rows(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(rows(el)).to.equal(built);
  });

  it('builds a far day at once when it holds the tab stop, and Ctrl+End reaches a day not built yet', async () => {
    const el = document.createElement('test-slot-grid') as TestSlotGrid;
    el.data = data(8, 10);
    el.grid.setActive(el.data.slots[65].start);
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(tabStops(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['10:30 AM, Monday, March 15']);
      // A fresh answer, long enough that no engine builds it all in the first slices: building starts over.
      el.data = data(40, 10);
      el.grid.setActive(undefined);
      el.requestUpdate();
      await el.updateComplete;
      expect(rows(el)).to.be.lessThan(40);
      tabStops(el)[0].focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => focused(el)?.getAttribute('aria-label') === '12:30 PM, Saturday, April 17', 'the last time');
      expect(tabStops(el)).to.have.length(1);
    } finally {
      el.remove();
    }
  });

  it('marks the chosen time pressed, and only it', async () => {
    const el = await fixture<TestSlotGrid>(html`<test-slot-grid></test-slot-grid>`);
    await waitUntil(() => rows(el) === 3);
    el.chosen = el.data.slots[5].start;
    await el.updateComplete;
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed') === 'true')).to.deep.equal(buttons(el).map((_, i) => i === 5));
    expect(buttons(el)[5].getAttribute('part')).to.equal('slot slot-selected');
    el.chosen = el.data.slots[1].start;
    await el.updateComplete;
    expect(buttons(el)[5].getAttribute('part')).to.equal('slot');
    expect(buttons(el)[1].getAttribute('aria-pressed')).to.equal('true');
  });

  it('reports a click as a choice and moves the tab stop there', async () => {
    const el = await fixture<TestSlotGrid>(html`<test-slot-grid></test-slot-grid>`);
    await waitUntil(() => rows(el) === 3);
    buttons(el)[6].click();
    expect(el.picked).to.deep.equal([el.data.slots[6]]);
    expect(tabStops(el)).to.deep.equal([buttons(el)[6]]);
  });

  it('changes its words in place when the locale changes, so focus stays on the same time', async () => {
    const el = await fixture<TestSlotGrid>(html`<test-slot-grid></test-slot-grid>`);
    await waitUntil(() => rows(el) === 3);
    const button = buttons(el)[2];
    button.focus();
    el.resolvedLocale = 'es';
    await import('../src/i18n/slot-picker.es.js').then((m) => (slotPickerMessages.es = m.default));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="rowheader"]')[2]?.textContent === 'jueves, 11 de marzo', 'Spanish days');
    expect(buttons(el)[2]).to.equal(button);
    expect(focused(el)).to.equal(button);
    // Engines differ in the space inside "a. m." (none, a space, a no-break space).
    expect(button.getAttribute('aria-label')).to.match(/^9:00\sa\.\s?m\., martes, 9 de marzo$/u);
  });
});
