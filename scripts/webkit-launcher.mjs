// WebKit (Safari's engine) for @web/test-runner: WebKitGTK's MiniBrowser driven by Debian's
// WebKitWebDriver. MiniBrowser needs a display, so the launcher starts its own Xvfb (unless
// DISPLAY is set), then the driver on a free port, and stops both, by pid, when the run ends.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on the first free display; resolves with `:N` once it accepts clients. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display itself and writes its number when it is ready.
    // Room for an 800×600 CSS px page at 2× (see GDK_DPI_SCALE below), and the window's toolbar.
    const proc = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '2048x1600x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ proc, display: `:${out.trim()}` });
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${err.trim().split('\n').pop()}`)));
  });
}

async function waitForDriver(port, proc) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status within 20 s');
}

export class WebKitLauncher extends WebdriverLauncher {
  #paths;
  #procs = [];
  #ready;
  #zoom = 1;
  /** xsettingsd's process and config file, when this launcher runs its own display. */
  #xsettings;

  /** @param {{ driver: string, minibrowser: string, xvfb?: string, xsettingsd?: string, env?: Record<string, string> }} paths */
  constructor(paths) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: paths.minibrowser, args: ['--automation'] },
        // Without it webdriverio asks for BiDi, which WebKitWebDriver refuses ("Failed to match
        // capabilities") for every file.
        'wdio:enforceWebDriverClassic': true,
      },
    });
    this.#paths = paths;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async startSession(id, url) {
    this.#ready ??= this.#startServices().then(async () => {
      await this.ensureManagerInitialized();
      // The page area the other engines open with, so that every engine lays out the same page.
      if (!(await this.setViewport(id, 800, 600))) throw new Error('WebKit: could not size the page to 800×600');
    });
    await this.#ready;
    return super.startSession(id, url);
  }

  async #startServices() {
    // GDK_DPI_SCALE=2 zooms the page 2× (as a patient zooming in would): MiniBrowser's window is
    // never narrower than its toolbar (447 px), so only zoomed can its page be 320 CSS px wide,
    // the width the accessibility suite checks reflow at. Sizes in CSS px are unchanged.
    const env = { GDK_DPI_SCALE: '2', ...process.env, ...this.#paths.env };
    this.#zoom = Number(env.GDK_DPI_SCALE) || 1;
    if (!process.env.DISPLAY) {
      const x = await startXvfb(this.#paths.xvfb);
      this.#procs.push(x.proc);
      env.DISPLAY = x.display;
      if (this.#paths.xsettingsd) this.#startXsettings(env);
    }
    const port = await freePort();
    // MiniBrowser inherits the driver's environment: its time zone and default locale come
    // from TZ and LANG (C.UTF-8 would make its locale `en-US-u-va-posix`).
    const driver = spawn(this.#paths.driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    this.#procs.push(driver);
    let driverErr = '';
    driver.stderr.on('data', (d) => (driverErr = (driverErr + d).slice(-2000)));
    try {
      await waitForDriver(port, driver);
    } catch (e) {
      throw new Error(`${e.message}${driverErr ? `: ${driverErr.trim()}` : ''}`);
    }
    this.options.port = port;
  }

  /**
   * Sizes the window so that the page's viewport is `width`×`height`, if the window can be that
   * small; answers whether the viewport ended up at that size.
   */
  async setViewport(_sessionId, width, height) {
    const inner = () => this.driver.execute('return [innerWidth, innerHeight]');
    for (let i = 0; i < 3; i++) {
      const [w, h] = await inner();
      if (w === width && h === height) return true;
      const rect = await this.driver.getWindowRect();
      // Window pixels per CSS pixel: the zoom (GDK_DPI_SCALE); the toolbar is outside the page.
      const z = this.#zoom;
      await this.driver.setWindowRect(null, null, Math.round(rect.width + (width - w) * z), Math.round(rect.height + (height - h) * z));
    }
    const [w, h] = await inner();
    return w === width && h === height;
  }

  /** GTK's settings for our own display, served by xsettingsd, which re-reads them on SIGHUP. */
  #startXsettings(env) {
    const dir = mkdtempSync(join(tmpdir(), 'vsee-xsettings-'));
    const file = join(dir, 'xsettingsd.conf');
    writeFileSync(file, 'Gtk/EnableAnimations 1\n');
    const proc = spawn(this.#paths.xsettingsd, ['-c', file], { env, stdio: 'ignore' });
    this.#procs.push(proc);
    this.#xsettings = { proc, file, dir };
  }

  /**
   * prefers-reduced-motion, through GTK's "enable animations" setting that WebKitGTK follows;
   * answers false when it cannot (no xsettingsd, or a display this launcher did not start).
   */
  async setReducedMotion(reduce) {
    const xs = this.#xsettings;
    if (!xs || xs.proc.exitCode !== null) return false;
    writeFileSync(xs.file, `Gtk/EnableAnimations ${reduce ? 0 : 1}\n`);
    xs.proc.kill('SIGHUP');
    const query = "return matchMedia('(prefers-reduced-motion: reduce)').matches";
    for (let i = 0; i < 40; i++) {
      if ((await this.driver.execute(query)) === reduce) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  #kill() {
    for (const p of this.#procs.reverse()) if (p.exitCode === null) p.kill('SIGTERM');
    this.#procs = [];
    if (this.#xsettings) rmSync(this.#xsettings.dir, { recursive: true, force: true });
    this.#xsettings = undefined;
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.#kill();
    }
  }

  /** Always stop the driver and Xvfb, even when the runner exits without calling stop(). */
  killOnExit() {
    process.once('exit', () => this.#kill());
    return this;
  }
}
