// `npm run bench`: builds, serves dist/cdn/ with the mock API, drives Chromium with
// playwright-core and prints medians, each against a baseline measured in the same run.
// Timings live here, never in tests.
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './find-chrome.mjs';
import { PAGES } from './size-pages.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 7;
const WARM_PAIRS = 5;
const CLS_RUNS = Number(process.env.BENCH_CLS_RUNS) || 3;
const PORT = Number(process.env.BENCH_PORT) || 8765;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${ORIGIN}/scripts/bench/page.html`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('bench server did not start');
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Building…');
    execSync('npm run build --silent', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const chrome = findChrome();
  if (!chrome) process.exit(1);
  const server = spawn(
    process.execPath,
    // The demo server (`npm start`), allowed to serve the bench page and dist/ too (VSEE_BENCH).
    ['scripts/start.mjs'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', VSEE_BENCH: '1' } },
  );
  const browser = await chromium.launch({ executablePath: chrome, args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')) });
  const results = {};
  try {
    await waitForServer();
    const tenant = `bench-${Date.now().toString(36)}`;
    const control = (path, body) =>
      fetch(`${ORIGIN}/mock/${tenant}/__control/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await control('config', { visits: 1000, alwaysAvailable: true });

    const page = async () => {
      const p = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await p.goto(`${ORIGIN}/scripts/bench/page.html?tenant=${tenant}`);
      await p.waitForFunction(() => window.benchReady === true);
      // Let the new page finish its own start-up work first: measured right away, a cold render
      // shares two cores with it and swings by ±50% from run to run.
      await p.waitForTimeout(1000);
      return p;
    };

    // 1. Visit list with 1,000 visits vs a hand-written vanilla DOM render of the same items, both from the same
    //    in-memory response body. Cold: each side on its own fresh page (each pays its first Intl time-zone load,
    //    first template, first style). Warm: both again on one page after an untimed run of each.
    const list = { element: [], vanilla: [], vanillaAll: [], warmElement: [], warmVanilla: [], rows: 0 };
    for (let i = 0; i < RUNS; i++) {
      const pa = await page();
      const cold = await pa.evaluate(() => window.bench.visitListElement());
      list.element.push(cold.ms);
      list.rows = cold.rows;
      const pb = await page();
      const base = await pb.evaluate(() => window.bench.visitListVanilla());
      if (base.rows !== cold.rows) throw new Error(`baseline shows ${base.rows} rows, the element ${cold.rows}`);
      list.vanilla.push(base.ms);
      await pb.close();
      await pa.evaluate(() => window.bench.visitListVanilla());
      // Each render ends on a frame (16.7 ms steps), so warm pairs are taken several times per page.
      for (let k = 0; k < WARM_PAIRS; k++) {
        list.warmElement.push((await pa.evaluate(() => window.bench.visitListElement())).ms);
        list.warmVanilla.push((await pa.evaluate(() => window.bench.visitListVanilla())).ms);
      }
      list.vanillaAll.push((await pa.evaluate(() => window.bench.visitListVanilla(0))).ms);
      await pa.close();
    }
    results.visitList = {
      elementMs: median(list.element),
      vanillaSameRowsMs: median(list.vanilla),
      vanillaAllMs: median(list.vanillaAll),
      rows: list.rows,
      // A cold page's first render swings by ±30% from run to run (first layout, font and compile work):
      // the spread of the per-run ratios says how far one median can be trusted.
      coldRatios: list.element.map((e, k) => e / list.vanilla[k]).sort((a, b) => a - b),
      samples: list,
      warmElementMs: median(list.warmElement),
      warmVanillaMs: median(list.warmVanilla),
    };

    // 2. Slot picker with ~4,000 slots: time to rendered, and the longest task while arrowing.
    const slots = { render: [], baseline: [], maxEvent: [], longTasks: [], buildLongest: [], buildLong: [], count: 0 };
    for (let i = 0; i < RUNS; i++) {
      const p = await page();
      const r = await p.evaluate(() => window.bench.slotPickerRender());
      slots.render.push(r.element);
      slots.buildLongest.push(r.buildLongestTaskMs);
      slots.buildLong.push(r.buildLongTasks);
      slots.baseline.push(r.vanilla);
      slots.count = r.slots;
      await p.evaluate(() => window.bench.focusFirstSlot());
      await p.evaluate(() => window.bench.observe());
      for (let k = 0; k < 200; k++) await p.keyboard.press(k % 40 === 39 ? 'ArrowDown' : 'ArrowRight');
      const t = await p.evaluate(() => window.bench.collect());
      slots.maxEvent.push(t.maxEventMs);
      slots.longTasks.push(t.longTasks);
      await p.close();
    }
    results.slotPicker = {
      slots: slots.count,
      elementMs: median(slots.render),
      vanillaMs: median(slots.baseline),
      maxKeyEventMs: median(slots.maxEvent),
      longTasksOver50ms: median(slots.longTasks),
      buildLongestTaskMs: median(slots.buildLongest),
      buildLongTasks: median(slots.buildLong),
    };

    // 3. Intake form: script start to an interactive form, vs an empty module's start.
    const form = { ready: [], baseline: [] };
    for (let i = 0; i < RUNS; i++) {
      const p = await browser.newPage();
      await p.goto(`${ORIGIN}/scripts/bench/intake.html?tenant=${tenant}`);
      await p.waitForFunction(() => window.intakeInteractiveAt !== undefined, null, { timeout: 20000 });
      const r = await p.evaluate(() => ({
        ready: window.intakeInteractiveAt - window.scriptStartAt,
        baseline: window.baselineTickAt - window.scriptStartAt,
      }));
      form.ready.push(r.ready);
      form.baseline.push(r.baseline);
      await p.close();
    }
    results.intakeForm = { interactiveMs: median(form.ready), emptyModuleMs: median(form.baseline) };

    // 4. Memory: mount and remove each element 200 times; the heap must return to within 1 MB.
    {
      const p = await page();
      const cdp = await p.context().newCDPSession(p);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      results.memory = {};
      for (const tag of ['vsee-intake-form', 'vsee-slot-picker', 'vsee-visit-list']) {
        await p.evaluate((t) => window.bench.churn(t, 20), tag); // warm caches
        const before = await heap();
        await p.evaluate((t) => window.bench.churn(t, 200), tag);
        const after = await heap();
        results.memory[tag] = { beforeMB: before / 1048576, afterMB: after / 1048576, deltaMB: (after - before) / 1048576 };
      }
      await p.close();
    }

    // 6. Layout shift while a clinic page loads (test/integration/page.html, the pages of the size
    //    table): the sum of the page's `layout-shift` entries (no input happens), as Lighthouse counts
    //    CLS, until a second after every element shows content. A fresh tenant of the mock's own data.
    results.layoutShift = {};
    // The last page: all three with the loader's tag as plain `<script type="module">`, without the
    // README's `blocking="render"`: the first paint may then come before the loader reserves room.
    const allThree = PAGES.find((pg) => pg.id === 'all');
    const clsPages = [
      ...PAGES.filter((pg) => !pg.every),
      { ...allThree, label: `${allThree.label}, loader without blocking="render"`, blocking: '0' },
    ];
    for (const page of clsPages) {
      const scores = [];
      for (let i = 0; i < CLS_RUNS; i++) {
        const p = await browser.newPage({ viewport: { width: 1024, height: 800 } });
        await p.addInitScript(() => {
          window.layoutShift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.layoutShift += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const q = new URLSearchParams({
          tags: page.tags.join(','),
          loader: page.loaders.join(','),
          tenant: `${tenant}-cls${i}`,
          blocking: page.blocking ?? '1',
        });
        await p.goto(`${ORIGIN}/test/integration/page.html?${q}`);
        await p.evaluate(() => window.contentShown());
        await p.waitForTimeout(1000);
        scores.push(await p.evaluate(() => window.layoutShift));
        await p.close();
      }
      results.layoutShift[page.label] = { median: median(scores), max: Math.max(...scores), scores };
    }

    // 7. Time from a walk-in's Submit to the waiting room on screen, and from View details to the
    //    provider's notes: the features that may load on first use must not make these slower.
    const walkin = [];
    const notes = [];
    for (let i = 0; i < RUNS; i++) {
      const t = `${tenant}-flow${i}`;
      const pf = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await pf.goto(`${ORIGIN}/test/integration/page.html?tags=vsee-intake-form&then=walkin&tenant=${t}`);
      await pf.evaluate(() => window.contentShown());
      await pf.locator('vsee-intake-form #reason').fill('Sore throat since yesterday');
      await pf.locator('vsee-intake-form [part~="submit"]').hover();
      await pf.evaluate(() => window.timeFromClick('vsee-intake-form', '[part~="submit"]', '[part~="waiting-room"]'));
      await pf.locator('vsee-intake-form [part~="submit"]').click();
      walkin.push(await pf.evaluate(() => window.timed));
      await pf.close();

      const pl = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await pl.goto(`${ORIGIN}/test/integration/page.html?tags=vsee-visit-list&tenant=${t}`);
      await pl.evaluate(() => window.contentShown());
      // The seeded visit whose provider wrote notes; hovered first, as a mouse would.
      const visit = pl.locator('vsee-visit-list [part~="visit"]', { hasText: /Anton Provider(?! III)/ }).first();
      const details = visit.locator('[part~="details-button"]');
      await details.hover();
      await pl.waitForTimeout(150);
      await pl.evaluate(() => window.timeFromClick('vsee-visit-list', '[part~="details-button"]', '[part~="notes"] p, [part~="notes"] li'));
      await details.click();
      notes.push(await pl.evaluate(() => window.timed));
      await pl.close();
    }
    results.flows = { walkinToWaitingRoomMs: median(walkin), detailsToNotesMs: median(notes), walkin, notes };

    // 5. Requests to first render, and sharing between elements.
    {
      const p = await page();
      results.requests = await p.evaluate(() => window.bench.requests());
      await p.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }

  const f = (n) => (typeof n === 'number' ? n.toFixed(1) : String(n));
  const v = results.visitList;
  const s = results.slotPicker;
  const i = results.intakeForm;
  const rows = [
    [
      'visit list, 1,000 visits: first render (cold page)',
      `${f(v.elementMs)} ms`,
      `vanilla DOM, same ${v.rows} rows, cold page: ${f(v.vanillaSameRowsMs)} ms`,
      `${f(v.elementMs / v.vanillaSameRowsMs)}× (target ≤ 1.4×; runs ${f(v.coldRatios[0])}–${f(v.coldRatios.at(-1))}×)`,
    ],
    [
      'visit list, 1,000 visits: render (warm page)',
      `${f(v.warmElementMs)} ms`,
      `vanilla DOM, same ${v.rows} rows, warm: ${f(v.warmVanillaMs)} ms`,
      `${f(v.warmElementMs / v.warmVanillaMs)}× (target ≤ 1.5×)`,
    ],
    ['', '', `vanilla DOM, all 1,000 rows, warm: ${f(v.vanillaAllMs)} ms`, `${f(v.warmElementMs / v.vanillaAllMs)}×`],
    [
      `slot picker, ${s.slots} slots: time to rendered`,
      `${f(s.elementMs)} ms`,
      `vanilla DOM buttons: ${f(s.vanillaMs)} ms`,
      `${f(s.elementMs / s.vanillaMs)}×`,
    ],
    [
      'slot picker: longest task while its slots are built',
      `${f(s.buildLongestTaskMs)} ms`,
      'long-task threshold: 50 ms',
      `${f(s.buildLongTasks)} long task(s)`,
    ],
    [
      'slot picker: longest key event over 200 arrows',
      `${f(s.maxKeyEventMs)} ms`,
      'long-task threshold: 50 ms',
      `${s.longTasksOver50ms} long tasks`,
    ],
    ['intake form: script start to interactive', `${f(i.interactiveMs)} ms`, `empty module: ${f(i.emptyModuleMs)} ms`, ''],
  ];
  for (const [tag, m] of Object.entries(results.memory)) {
    rows.push([
      `memory: ${tag} mounted+removed 200×`,
      `${f(m.deltaMB * 1024)} KB`,
      `heap before: ${f(m.beforeMB)} MB`,
      m.deltaMB <= 1 ? 'within 1 MB' : 'OVER 1 MB',
    ]);
  }
  for (const [what, n] of Object.entries(results.requests)) rows.push([`requests: ${what}`, String(n), '', '']);
  for (const [label, c] of Object.entries(results.layoutShift)) {
    const verdict = c.max > 0.1 ? 'OVER budget 0.1' : c.max <= 0.02 ? 'on target (≤ 0.02)' : 'within budget 0.1 (target 0.02)';
    rows.push([`layout shift: ${label}`, c.median.toFixed(3), `worst of ${c.scores.length}: ${c.max.toFixed(3)}`, verdict]);
  }
  rows.push([
    'walk-in: Submit to the waiting room on screen',
    `${f(results.flows.walkinToWaitingRoomMs)} ms`,
    'loader, mock API on localhost',
    '',
  ]);
  rows.push(['visit list: View details to the notes on screen', `${f(results.flows.detailsToNotesMs)} ms`, 'hovered 150 ms first', '']);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(
    `\nMedians of ${RUNS} runs (${RUNS * WARM_PAIRS} for the warm visit-list pairs; Chromium ${browser.version?.() ?? ''}, ${new Date().toISOString().slice(0, 10)}):\n`,
  );
  for (const r of rows) console.log(r.map((c, k) => c.padEnd(widths[k])).join('  │  '));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
