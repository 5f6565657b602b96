import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ensureLocale, type MessageTable } from '../src/i18n/i18n.js';
import { US_STATES } from '../src/elements/intake-form/us-states.js';
import { $, $$, freshTenant, mountMode, STATES, TABLES, unmountAll } from './a11y-states.js';
import { shadowStrings } from './a11y-helpers.js';

/**
 * Spanish, everywhere: every state of the three elements rendered with `locale="es"`, and again
 * with no `locale` under a `lang="es"` ancestor, has no English string of ours left in its
 * visible text or its `aria-label`/`title`/`placeholder`/`alt`; dates and times are in Spanish;
 * the API's own values (provider names, notes) are shown untouched.
 */

/** Attribute names: code, quoted as such in Spanish messages too ("El atributo days…"). */
const CODE_WORDS = new Set(['days', 'duration', 'start', 'mode', 'filter', 'locale', 'timezone', 'token']);

/** Our English words: the static parts of every English message that differs from its Spanish. */
async function englishFragments(): Promise<string[]> {
  const tables = Object.values(TABLES) as MessageTable<string>[];
  await ensureLocale('es', tables);
  const out = new Set<string>();
  for (const table of tables) {
    for (const [key, en] of Object.entries(table.en)) {
      const es = table.es![key];
      if (en === es) continue;
      for (const part of en.split(/\{\w+\}/)) {
        const frag = part.trim().replace(/^[\s.,:;()“”"'–-]+|[\s.,:;()“”"'–-]+$/g, '');
        if (frag.length > 3 && !es.includes(frag) && !CODE_WORDS.has(frag)) out.add(frag);
      }
    }
  }
  for (const s of US_STATES) if (s.es && s.es !== s.en) out.add(s.en);
  return [...out];
}

const ENGLISH_DATES =
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM)\b/;
const SPANISH_DATES =
  /(lunes|martes|miércoles|jueves|viernes|sábado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|\b(lun|mar|mié|jue|vie|sáb|dom|ene|feb|abr|jun|jul|ago|sept?|oct|nov|dic)\b)/i;

/** Parts of the element that show the API's values as sent: not ours to translate. */
const API_VALUES = '.notes, [part~="facts"] dd, .detail-facts dd, .rx dd, .files li, .rx strong';

function stringsOf(el: Element): string[] {
  const clone = el.shadowRoot!;
  const hidden = new Set($$(el, API_VALUES));
  const keep = (n: Element) => ![...hidden].some((h) => h.contains(n));
  // Text and attributes of everything but the API values.
  const out: string[] = [];
  for (const node of Array.from(clone.children)) {
    if (!keep(node)) continue;
    if (![...hidden].some((h) => node.contains(h))) {
      out.push(...shadowStrings(node));
      continue;
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      const owner = n instanceof Element ? n : n.parentElement!;
      if (!keep(owner)) continue;
      if (n.nodeType === Node.TEXT_NODE) {
        const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) out.push(t);
      } else {
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = (n as Element).getAttribute(a);
          if (v) out.push(v);
        }
      }
    }
  }
  return out;
}

function englishIn(strings: string[], fragments: string[]): string[] {
  const found: string[] = [];
  for (const s of strings) {
    for (const f of fragments) {
      const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'u').test(s)) found.push(`"${f}" in "${s.slice(0, 120)}"`);
    }
    const date = s.match(ENGLISH_DATES);
    if (date) found.push(`English date word "${date[0]}" in "${s.slice(0, 120)}"`);
  }
  return found;
}

describe('Spanish', () => {
  let fragments: string[];
  before(async () => {
    fragments = await englishFragments();
  });
  afterEach(() => {
    unmountAll();
    mountMode.viaLang = false;
  });

  it('the English word list is real: it finds English in an English element', async () => {
    expect(fragments.length).to.be.greaterThan(150);
    const t = await freshTenant();
    const { el } = await STATES.find((s) => s.tag === 'vsee-visit-list' && s.name === 'loaded')!.build(t, 'en');
    expect(englishIn(stringsOf(el), fragments).length).to.be.greaterThan(5);
  });

  for (const via of ['locale="es"', 'lang="es" on an ancestor'] as const) {
    describe(via, () => {
      beforeEach(() => {
        mountMode.viaLang = via !== 'locale="es"';
      });

      for (const state of STATES) {
        it(`<${state.tag}> ${state.name}: no English left`, async () => {
          const t = await freshTenant();
          const { el } = await state.build(t, 'es');
          await el.updateComplete;
          expect(el.getAttribute('locale')).to.equal(via === 'locale="es"' ? 'es' : null);
          const strings = stringsOf(el);
          expect(strings.length).to.be.greaterThan(0);
          expect(englishIn(strings, fragments)).to.deep.equal([]);
          const text = strings.join(' ');
          if (/loaded|chosen|booked|details|confirm|cancel/.test(state.name) && state.tag !== 'vsee-intake-form') {
            expect(text, 'dates in Spanish').to.match(SPANISH_DATES);
          }
        });
      }
    });
  }

  it('keeps the API values as sent: provider names and the notes stay as written', async () => {
    const t = await freshTenant();
    const { el } = await STATES.find((s) => s.name === 'details open (notes)')!.build(t, 'es');
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Anton Provider III');
    expect(text).to.contain('in no acute distress');
    expect(text).to.contain('Hydrocortisone 1% cream twice a day');
    // Our labels around them are Spanish.
    expect(text).to.contain('Ver detalles');
    expect($(el, '[part~="timezone"]')!.textContent).to.match(/^Horas? /);
  });

  it('switches language in place when the locale attribute or the lang changes', async () => {
    const t = await freshTenant();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('vsee-visit-list') as HTMLElement & { updateComplete: Promise<boolean> };
    for (const [k, v] of Object.entries(t.attrs)) el.setAttribute(k, v);
    wrapper.append(el);
    const heading = () => el.shadowRoot!.querySelector('section[data-section="upcoming"] h3')?.textContent;
    await waitUntil(() => heading() === 'Upcoming', 'English', { timeout: 5000 });
    // A screen reader takes the voice from the nearest lang: our words carry their own (WCAG 3.1.2).
    const langOf = () => el.shadowRoot!.querySelector('section[data-section="upcoming"] h3')!.closest('[lang]')?.getAttribute('lang');
    expect(langOf()).to.equal('en');
    el.setAttribute('locale', 'es');
    await waitUntil(() => heading() === 'Próximas', 'Spanish by attribute', { timeout: 5000 });
    expect(langOf(), 'Spanish words on an English page').to.equal('es');
    el.removeAttribute('locale');
    await waitUntil(() => heading() === 'Upcoming', 'back to the ancestor lang', { timeout: 5000 });
    expect(langOf()).to.equal('en');
    // A page in a language we do not speak gets English, marked as English.
    wrapper.lang = 'fr';
    await waitUntil(() => langOf() === 'en' && heading() === 'Upcoming', 'English on a French page', { timeout: 5000 });
  });
});
