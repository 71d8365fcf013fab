// A small dependency-free W3C WebDriver client: starts chromedriver, geckodriver or WebKitWebDriver and drives one session.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const KEY = { ENTER: '\uE007', ESCAPE: '\uE00C', CONTROL: '\uE009', SHIFT: '\uE008' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// For races: an unref'd timer does not keep Node alive after the race is won.
const deadline = (ms) => new Promise((r) => setTimeout(r, ms).unref());

// Every driver is started in its own process group (detached) so that killing the group also ends
// the browser it started (and, for WebKit, the Xvfb of xvfb-run). Groups still alive when Node exits
// (a crashed or aborted test) are killed here too.
const live = new Map(); // pid → temp folder
const killAll = () => {
  for (const [pid, dir] of live) { try { process.kill(-pid, 'SIGKILL'); } catch {} rmSync(dir, { recursive: true, force: true }); }
};
process.on('exit', killAll);
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) process.once(sig, () => { killAll(); process.exit(128 + n); });

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How to start each engine's driver and what to ask it for. `dir` is a fresh temp folder. */
const ENGINES = {
  chromium: (port, dir) => ({
    cmd: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', args: [`--port=${port}`],
    downloads: join(dir, 'downloads'),
    caps: { browserName: 'chrome', 'goog:chromeOptions': {
      binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, `--user-data-dir=${join(dir, 'profile')}`, '--window-size=1280,800'],
      prefs: { 'download.default_directory': join(dir, 'downloads'), 'download.prompt_for_download': false },
    } },
  }),
  firefox: (port, dir) => ({
    cmd: process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver'),
    // --websocket-port 0: geckodriver would otherwise hand Firefox the fixed BiDi port 9222.
    args: ['--port', String(port), '--websocket-port', '0'],
    downloads: join(dir, 'downloads'),
    caps: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      args: ['-headless', '-width', '1280', '-height', '800'],
      prefs: {
        'browser.download.folderList': 2, 'browser.download.dir': join(dir, 'downloads'),
        'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json',
      },
    } },
  }),
  // MiniBrowser has no headless mode here: the driver runs under xvfb-run -a (a free display).
  webkit: (port) => ({
    cmd: 'xvfb-run', args: ['-a', '-s', '-screen 0 1920x1080x24', process.env.WEBKITDRIVER ?? '/usr/bin/WebKitWebDriver', `--port=${port}`],
    caps: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': {
      binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'],
    } },
  }),
};

/** Starts `engine`'s driver and a session in it. Always call `session.quit()` (in a finally). */
export async function launch(engine, { timeout = 30000 } = {}) {
  const make = ENGINES[engine];
  if (!make) throw new Error(`unknown engine ${engine}`);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), `fm-${engine}-`));
  const { cmd, args, caps, downloads = null } = make(port, dir);
  if (cmd.startsWith('/') && !existsSync(cmd)) throw new Error(`${engine}: ${cmd} is missing (run install-engines.sh)`);
  const proc = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.set(proc.pid, dir);
  let log = '';
  const keep = (b) => { log = (log + b).slice(-4000); };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise((r) => proc.once('exit', r));
  const kill = async () => {
    if (!live.delete(proc.pid)) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
    if (await Promise.race([exited.then(() => true), deadline(3000)]) !== true) { try { process.kill(-proc.pid, 'SIGKILL'); } catch {} }
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const t0 = Date.now(); ; await sleep(100)) {
      if (proc.exitCode !== null) throw new Error(`${engine} driver exited: ${log}`);
      const ready = await fetch(`${base}/status`, { signal: AbortSignal.timeout(2000) }).then((r) => r.json()).then((j) => j.value?.ready, () => false);
      if (ready) break;
      if (Date.now() - t0 > timeout) throw new Error(`${engine} driver not ready after ${timeout} ms: ${log}`);
    }
    const s = new Session(engine, base, null, kill, downloads, () => log);
    const created = await s.cmd('POST', '/session', { capabilities: { alwaysMatch: caps } });
    s.id = created.sessionId;
    s.capabilities = created.capabilities;
    await s.cmd('POST', `/session/${s.id}/timeouts`, { script: 30000, pageLoad: 30000, implicit: 0 });
    return s;
  } catch (e) {
    await kill();
    throw e;
  }
}

export class Session {
  /** `downloads`: the folder the browser saves downloads to, or null if it was not given one. */
  constructor(engine, base, id, kill, downloads, log) {
    Object.assign(this, { engine, base, id, kill, downloads, log });
  }

  async cmd(method, path, body) {
    // No command may hang a test run: each gets at most a minute (scripts have their own 30 s timeout).
    const res = await fetch(this.base + path, {
      method, headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60000),
    }).catch((e) => { throw new Error(`${this.engine} ${method} ${path}: ${e.name === 'TimeoutError' ? 'no answer in 60 s' : e.message}`); });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json.value?.error) {
      const v = json.value ?? {};
      throw new Error(`${this.engine} ${method} ${path}: ${v.error ?? res.status}: ${v.message ?? ''}`);
    }
    return json.value;
  }
  s(path, method = 'POST', body = {}) { return this.cmd(method, `/session/${this.id}${path}`, method === 'POST' ? body : undefined); }

  async quit() {
    try { if (this.id) await Promise.race([this.s('', 'DELETE'), deadline(10000)]); } catch {}
    await this.kill();
  }

  navigate(url) { return this.s('/url', 'POST', { url }); }
  refresh() { return this.s('/refresh'); }
  currentUrl() { return this.s('/url', 'GET'); }

  // Elements are plain W3C references ({ 'element-6066-…': id }), so they can be passed to scripts.
  find(css, using = 'css selector') { return this.s('/element', 'POST', { using, value: css }); }
  findAll(css, using = 'css selector') { return this.s('/elements', 'POST', { using, value: css }); }
  findXPath(xpath) { return this.find(xpath, 'xpath'); }
  click(el) { return this.s(`/element/${el[ELEMENT]}/click`); }
  sendKeys(el, text) { return this.s(`/element/${el[ELEMENT]}/value`, 'POST', { text }); }
  text(el) { return this.s(`/element/${el[ELEMENT]}/text`, 'GET'); }

  /** Runs `fn` (a function or its source) in the page with `args`; returns its (awaited) result. */
  exec(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments)` : fn;
    return this.s('/execute/sync', 'POST', { script, args });
  }
  /** Async script: `fn(...args)` may return a promise; its result is handed back through the callback. */
  execAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`;
    return this.s('/execute/async', 'POST', { script, args }).then((r) => {
      if (r && 'err' in r) throw new Error(`${this.engine} script failed: ${r.err}`);
      return r?.ok;
    });
  }

  /** Polls `fn` in the page until it returns something truthy; returns that. */
  async waitFor(fn, { timeout = 10000, args = [], what = String(fn).slice(0, 80) } = {}) {
    for (const t0 = Date.now(); ; await sleep(50)) {
      const v = await this.exec(fn, ...args).catch((e) => (Date.now() - t0 > timeout ? Promise.reject(e) : null));
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`${this.engine}: timed out waiting for ${what}`);
    }
  }

  async actions(sources) {
    await this.s('/actions', 'POST', { actions: sources });
    await this.s('/actions', 'DELETE');
  }

  /** Presses and releases each character of `keys` as real key events (to the focused element). */
  keys(keys) {
    const actions = [...keys].flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]);
    return this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }
  /** A chord such as Control+z: all keys down in order, then up in reverse. */
  chord(...keys) {
    const actions = [...keys.map((k) => ({ type: 'keyDown', value: k })), ...keys.reverse().map((k) => ({ type: 'keyUp', value: k }))];
    return this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }

  /** A real mouse drag between two viewport points, with `steps` moves on each half of the way. */
  drag(from, to, { steps = 4 } = {}) {
    const at = (p) => ({ x: Math.round(p.x), y: Math.round(p.y) });
    const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    const path = [];
    for (const [a, b] of [[from, mid], [mid, to]]) {
      for (let i = 1; i <= steps; i++) path.push(at({ x: a.x + (b.x - a.x) * i / steps, y: a.y + (b.y - a.y) * i / steps }));
    }
    const move = (p, duration = 0) => ({ type: 'pointerMove', origin: 'viewport', duration, ...p });
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      move(at(from)), { type: 'pointerDown', button: 0 },
      ...path.map((p) => move(p, 10)), { type: 'pointerUp', button: 0 },
    ] }]);
  }

  /** Gives a local file to an <input type=file> the way a person picking it does. */
  upload(input, path) { return this.sendKeys(input, path); }

  /** The fallback for engines that cannot upload: drops a File with `text` on the page. */
  dropFile(name, text, type = 'application/json') {
    return this.exec((name, text, type) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, name, text, type);
  }
}
