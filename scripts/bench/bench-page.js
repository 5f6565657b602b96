// The in-page half of `npm run bench`: every measurement renders from data already in memory
// (a fake fetch), so network time does not blur the comparison with the vanilla baseline.
// The element modules themselves (not the loader): timings start with the elements defined.
import { VseeClient } from '/dist/cdn/client.js';
import '/dist/cdn/intake-form.js';
import '/dist/cdn/slot-picker.js';
import '/dist/cdn/visit-list.js';

const tenant = new URLSearchParams(location.search).get('tenant');
const base = `/mock/${tenant}/api_v3`;
const headers = { 'X-AccountCode': 'vclinic', 'X-ApiToken': 'demo-patient-token' };
const stage = document.getElementById('stage');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

const now = Math.floor(Date.now() / 1000);
const day = Math.floor(now / 86400) * 86400;
const [visitsJson, slotsJson] = await Promise.all([
  fetch(`${base}/visits`, { headers }).then((r) => r.text()),
  fetch(`${base}/availability?room_code=ceproom1&start=${day}&end=${day + 15 * 86400}&duration=300`, { headers }).then((r) => r.text()),
]);

/**
 * Response bodies as Blobs made once, before any timing: building a Response from a 1.2 MB string costs more than
 * reading it, and that cost belongs to neither side of the comparison. Both the element's client and the baseline
 * read the same body with the same Response API.
 */
const blobs = new Map();
const blobFor = (text) => {
  let b = blobs.get(text);
  if (!b) blobs.set(text, (b = new Blob([text], { type: 'application/json' })));
  return b;
};
blobFor(visitsJson);
blobFor(slotsJson);

/** A client whose fetch answers from memory. */
function memoryClient(routes) {
  return new VseeClient({
    baseUrl: '/bench',
    accountCode: 'vclinic',
    token: 'bench',
    fetch: async (url) => {
      const path = new URL(url, location.href).pathname;
      const body = routes(path) ?? '{"data":null}';
      return new Response(blobFor(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
}

const configure = (el) => {
  el.setAttribute('room-code', 'ceproom1');
  el.setAttribute('timezone', 'America/New_York');
  return el;
};

/** Until `count()` is positive and unchanged for a few frames (progressive renders settle). */
async function settled(count) {
  let last = -1;
  let same = 0;
  for (;;) {
    const n = count();
    same = n > 0 && n === last ? same + 1 : 0;
    last = n;
    if (same >= 3) return n;
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Polls on macrotasks, not frames: a frame-granular wait would add up to a frame to the element's time. */
async function until(check) {
  for (;;) {
    const v = check();
    if (v) return v;
    await new Promise((r) => setTimeout(r));
  }
}

/** Resolves in the microtask after the element's first visit row is in its shadow root (polling would add latency). */
function rowsIn(el) {
  return new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (visitRows(el) > 0) {
        mo.disconnect();
        resolve();
      }
    });
    mo.observe(el.shadowRoot, { childList: true, subtree: true });
  });
}

const visitRows = (el) => el.shadowRoot?.querySelectorAll('[part~="visit"]').length ?? 0;
const slotButtons = (el) => el.shadowRoot?.querySelectorAll('[part~="slot"]').length ?? 0;

/**
 * What the element shows, written by hand: the same sections, rows, classes and buttons, in a shadow root with the
 * element's own stylesheet (a hand-written widget has to look the same too), without lit, normalizing or i18n.
 * `perSection` rows of each section (0: all of them).
 */
const GROUP_ICON =
  'M9 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm7.5 0a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7ZM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1v-1Zm17.5 1v-1c0-2-1-3.8-2.6-5.1 3.7.3 6.6 2.5 6.6 5.1v1h-4Z';

function vanillaVisits({ upcoming, past }, perSection) {
  const tz = 'America/New_York';
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const zone =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longGeneric' })
      .formatToParts(Date.now())
      .find((p) => p.type === 'timeZoneName')?.value ?? tz;
  const status = {
    10: ['Pending', 'pending'],
    20: ['Confirmed', 'confirmed'],
    25: ['In progress', 'in-progress'],
    30: ['Completed', 'completed'],
    40: ['Cancelled', 'cancelled'],
  };
  const type = { 1: 'Walk-in', 2: 'Appointment', 3: 'E-consult' };
  const nowS = Date.now() / 1000;
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const button = (label, cls) => {
    const b = el('button', label, cls);
    b.type = 'button';
    return b;
  };
  const row = (v) => {
    const li = el('li', undefined, 'visit');
    li.tabIndex = -1;
    const top = el('div', undefined, 'visit-top');
    const badges = el('span', undefined, 'badges');
    const [label, cls] = status[Number(v.status)] ?? [`Status ${v.status}`, 'other'];
    const badge = el('span', undefined, `status ${cls}`);
    badge.append(el('span', 'Status: ', 'visually-hidden'), label);
    badges.append(badge);
    if (v.visit_group_id) {
      const mark = el('span', undefined, 'mark group-mark');
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('width', '16');
      svg.setAttribute('height', '16');
      svg.setAttribute('aria-hidden', 'true');
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('fill', 'currentColor');
      path.setAttribute('d', GROUP_ICON);
      svg.append(path);
      mark.append(svg, 'Group visit');
      badges.append(mark);
    }
    top.append(el('h4', fmt.format(Number(v.start) * 1000), 'when'), badges);
    const dl = el('dl', undefined, 'facts');
    const p = v.provider ?? {};
    const reason = v.postvisit?.reason_for_visit || v.intake?.reason_for_visit;
    const facts = [
      ['Type', type[Number(v.type)] ?? 'unknown'],
      ['Provider', p.full_name ?? (`${p.first_name ?? ''} ${p.last_name ?? ''}`.trim() || 'unknown')],
    ];
    if (reason) facts.push(['Reason', reason]);
    for (const [k, val] of facts) {
      const d = el('div');
      d.append(el('dt', k), el('dd', val));
      dl.append(d);
    }
    const actions = el('div', undefined, 'actions');
    const details = button('View details', 'details-button');
    details.setAttribute('aria-expanded', 'false');
    details.prepend(el('span', undefined, 'chevron'));
    actions.append(details);
    const cancellable = Number(v.start) > nowS && ![30, 40].includes(Number(v.status));
    if (cancellable && Number(v.type) === 2) actions.append(button('Reschedule'));
    if (cancellable) actions.append(button('Cancel visit', 'danger'));
    actions.append(button('Download summary'));
    const more = el('div', undefined, 'details');
    more.hidden = true;
    li.append(top, dl, actions, more);
    return li;
  };
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = customElements.get('vsee-visit-list').elementStyles.map((c) => c.styleSheet);
  const base = el('div', undefined, 'base');
  base.append(el('p', `Times in ${zone}`, 'timezone'));
  for (const [name, heading, visits] of [
    ['upcoming', 'Upcoming', upcoming],
    ['past', 'Past', past],
  ]) {
    const section = el('section', undefined, `section ${name}`);
    section.append(el('h3', heading));
    const shown = perSection ? visits.slice(0, perSection) : visits;
    const ul = el('ul', undefined, 'visits');
    for (const v of shown) ul.append(row(v));
    section.append(ul);
    if (shown.length < visits.length) {
      const moreRow = el('div', undefined, 'more');
      moreRow.append(
        el('p', `Showing ${shown.length} of ${visits.length}.`, 'count'),
        button(`Show ${Math.min(perSection, visits.length - shown.length)} more`),
      );
      section.append(moreRow);
    }
    base.append(section);
  }
  root.append(base);
  return host;
}

/** The baseline's input: the same response body the element's client reads, split at now and sorted. */
async function prepareVisits() {
  const all = (await new Response(blobFor(visitsJson)).json()).data;
  const nowS = Date.now() / 1000;
  const upcoming = all.filter((v) => Number(v.start) > nowS).sort((a, b) => a.start - b.start);
  const past = all.filter((v) => !(Number(v.start) > nowS)).sort((a, b) => b.start - a.start);
  return { upcoming, past, total: all.length };
}

window.bench = {
  /**
   * Time from appending `<vsee-visit-list>` (1,000 visits in its client's response) to the frame that shows its rows.
   * On a fresh page this is the cold figure; after `warmUp()` the warm one.
   */
  async visitListElement() {
    stage.replaceChildren();
    await frame();
    const client = memoryClient((p) => (p.endsWith('/visits') ? visitsJson : undefined));
    const t0 = performance.now();
    const el = configure(document.createElement('vsee-visit-list'));
    el.client = client;
    stage.append(el);
    await rowsIn(el);
    await el.updateComplete;
    await frame();
    const ms = performance.now() - t0;
    const rows = visitRows(el);
    stage.replaceChildren();
    await frame();
    return { ms, rows };
  },

  /**
   * The hand-written baseline from the same response body: read it, parse, split at now, sort, render the first
   * `perSection` rows of each section (all of them with 0), as the element does, and wait for the frame that shows them.
   */
  async visitListVanilla(perSection = 20) {
    stage.replaceChildren();
    await frame();
    const t0 = performance.now();
    const items = await prepareVisits();
    const host = vanillaVisits(items, perSection);
    stage.append(host);
    await frame();
    const ms = performance.now() - t0;
    const rows = host.shadowRoot.querySelectorAll('.visit').length;
    stage.replaceChildren();
    await frame();
    return { ms, rows, total: items.total };
  },

  async slotPickerRender() {
    const client = memoryClient((p) => (p.endsWith('/availability') ? slotsJson : undefined));
    stage.replaceChildren();
    await frame();
    // The grid is built in chunks so that input is never blocked for long while it builds.
    const buildTasks = [];
    const tasks = new PerformanceObserver((list) => buildTasks.push(...list.getEntries().map((e) => e.duration)));
    tasks.observe({ type: 'longtask' });
    let t0 = performance.now();
    const el = configure(document.createElement('vsee-slot-picker'));
    el.setAttribute('days', '14');
    el.setAttribute('duration', '300');
    el.setAttribute('start', String(now));
    el.client = client;
    stage.append(el);
    const count = await settled(() => slotButtons(el));
    const element = performance.now() - t0 - 3 * 16;
    tasks.disconnect();
    // The vanilla baseline renders the same future slots of the same JSON in one go.
    const holder = document.createElement('div');
    t0 = performance.now();
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' });
    for (const s of JSON.parse(slotsJson)
      .data.filter((s) => s.start > Date.now() / 1000)
      .slice(0, count)) {
      const b = document.createElement('button');
      b.textContent = fmt.format(s.start * 1000);
      holder.append(b);
    }
    document.body.append(holder);
    await frame();
    const vanilla = performance.now() - t0;
    holder.remove();
    window.picker = el;
    return { element, vanilla, slots: count, buildLongestTaskMs: Math.max(0, ...buildTasks), buildLongTasks: buildTasks.length };
  },

  focusFirstSlot() {
    const slot =
      window.picker.shadowRoot.querySelector('[part~="slot"][tabindex="0"]') ?? window.picker.shadowRoot.querySelector('[part~="slot"]');
    slot.focus();
  },

  observe() {
    window.longTasks = 0;
    window.maxEvent = 0;
    new PerformanceObserver((list) => (window.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.maxEvent = Math.max(window.maxEvent, e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  },

  async collect() {
    await frame();
    await new Promise((r) => setTimeout(r, 300));
    return { maxEventMs: window.maxEvent, longTasks: window.longTasks };
  },

  async churn(tag, times) {
    const client = memoryClient((p) =>
      p.endsWith('/visits')
        ? visitsJson
        : p.endsWith('/availability')
          ? slotsJson
          : p.includes('/rooms/')
            ? '{"data":{"code":"ceproom1","name":"Room"}}'
            : undefined,
    );
    for (let i = 0; i < times; i++) {
      const el = configure(document.createElement(tag));
      el.client = client;
      stage.append(el);
      await el.updateComplete;
      await frame();
      el.remove();
    }
    stage.replaceChildren();
    await frame();
  },

  async requests() {
    const counts = {};
    const realFetch = window.fetch;
    let n = 0;
    window.fetch = (...args) => {
      if (String(args[0]).includes('/api_v3/')) n++;
      return realFetch(...args);
    };
    const attrs = { 'api-base': base, 'account-code': 'vclinic', token: 'demo-patient-token', 'room-code': 'ceproom1' };
    const make = (tag) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    };
    const measure = async (label, els, ready) => {
      n = 0;
      stage.replaceChildren(...els);
      await until(() => els.every(ready));
      await frame();
      counts[label] = n;
      stage.replaceChildren();
    };
    await measure('vsee-slot-picker to first render', [make('vsee-slot-picker')], (el) => slotButtons(el) > 0);
    await measure('vsee-visit-list to first render', [make('vsee-visit-list')], (el) => visitRows(el) > 0);
    await measure(
      'three vsee-visit-list at once',
      [make('vsee-visit-list'), make('vsee-visit-list'), make('vsee-visit-list')],
      (el) => visitRows(el) > 0,
    );
    await measure('vsee-intake-form to first render', [make('vsee-intake-form')], (el) => el.shadowRoot?.querySelector('textarea'));
    window.fetch = realFetch;
    return counts;
  },
};
window.benchReady = true;
