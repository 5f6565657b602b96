// A clinic page as the size test (test/size-budget.test.ts) and the layout-shift bench
// (scripts/bench.mjs) open it. The query string says what is on it:
//   tags=vsee-slot-picker,vsee-visit-list   the elements, in that order (none: the loader alone)
//   loader=es,iife,es-copy,iife-copy         the loaders, in order (default es); a -copy comes
//                                            from another folder
//   tenant=…                                 the mock API tenant
//   fields=1                                 give the intake form a clinic field of its own
//   then=walkin                              the intake form's `then`
//   blocking=0                               the ES loader without blocking="render"
//   lang=es                                  the page's language
//   foreign=vsee-slot-picker                 another script defines that tag before the loaders
//   reset=1                                  the page's stylesheet resets buttons (all: unset)
// `window.contentShown()` resolves once every element shows real content (times, visits, a form
// ready to type), with the time it took; `window.pageErrors` collects uncaught errors.
(() => {
  const q = new URLSearchParams(location.search);
  const tags = (q.get('tags') || '').split(',').filter(Boolean);
  const loaders = (q.get('loader') || 'es').split(',');
  const base = q.get('base') || '/dist/cdn/';
  if (q.get('lang')) document.documentElement.lang = q.get('lang');
  window.pageErrors = [];
  window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.pageErrors.push(String(e.reason)));
  window.pageWarnings = [];
  const warn = console.warn;
  console.warn = (...args) => {
    window.pageWarnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  if (q.get('reset')) document.write('<style>button { all: unset; } button:focus { outline: none; }</style>');
  if (q.get('foreign')) customElements.define(q.get('foreign'), class extends HTMLElement {});

  const attrs = {
    'api-base': `/mock/${q.get('tenant') || 'demo'}/api_v3`,
    'account-code': 'vclinic',
    token: 'demo-patient-token',
    'room-code': 'ceproom1',
  };
  const headings = { 'vsee-intake-form': 'Tell us about your visit', 'vsee-slot-picker': 'Book a time', 'vsee-visit-list': 'Your visits' };

  // The loaders go in <head>, as a page's own markup would have them (written while the head is
  // parsed, they are parser-inserted: a module waits for the parse, like a static tag). Each in
  // turn; a "-copy" is the same file served from another folder, so the browser runs it as a
  // second module (two copies of the library on one page).
  for (const kind of loaders) {
    const iife = kind.startsWith('iife');
    const folder = kind.endsWith('-copy') ? '/cdn-copy/second/' : base;
    const src = `${folder}${iife ? 'vsee-clinic-elements.iife.js' : 'vsee-clinic-elements.js'}`;
    // `blocking="render"`, as the README advises: the first paint waits for the small loader, so
    // it already shows the space each element will take.
    const blocking = q.get('blocking') === '0' ? '' : 'blocking="render" ';
    document.write(`<script ${iife ? '' : `type="module" ${blocking}`}src="${src}"></` + 'script>');
  }

  window.writeElements = () => {
    const main = document.getElementById('main');
    for (const tag of tags) {
      const section = document.createElement('section');
      const h = document.createElement('h2');
      h.textContent = headings[tag] || tag;
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (tag === 'vsee-slot-picker') el.setAttribute('days', '7');
      if (tag === 'vsee-intake-form' && q.get('then')) el.setAttribute('then', q.get('then'));
      if (tag === 'vsee-intake-form' && q.get('fields')) {
        const label = document.createElement('label');
        label.textContent = 'Insurance member number ';
        const input = document.createElement('input');
        input.name = 'insurance_member';
        label.append(input);
        el.append(label);
      }
      section.append(h, el);
      main.append(section);
    }
  };

  /** What "real content" is for each element. */
  const shown = {
    'vsee-slot-picker': (root) => root.querySelector('[part~="slot"]'),
    'vsee-visit-list': (root) => root.querySelector('[part~="visit"]'),
    'vsee-intake-form': (root) => root.querySelector('form[part~="form"] textarea:not([disabled])'),
  };
  /**
   * Times a click on `button` inside `tag`'s shadow root until `target` is there and painted;
   * `window.timed` is then the milliseconds (for the bench, which clicks like a mouse).
   */
  window.timeFromClick = (tag, button, target) => {
    window.timed = new Promise((resolve) => {
      document.addEventListener(
        'click',
        (e) => {
          const root = document.querySelector(tag).shadowRoot;
          if (!e.composedPath().some((n) => n instanceof Element && n.matches(button))) return;
          const t0 = performance.now();
          const check = () => {
            if (root.querySelector(target)) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            else setTimeout(check, 1);
          };
          check();
        },
        { capture: true },
      );
    });
  };

  window.contentShown = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const check = () => {
        const done = tags.every((tag) => {
          const el = document.querySelector(tag);
          return el && el.shadowRoot && shown[tag](el.shadowRoot);
        });
        if (done) resolve(performance.now() - t0);
        else setTimeout(check, 10);
      };
      check();
    });
})();
