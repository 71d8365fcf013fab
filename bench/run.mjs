#!/usr/bin/env node
// Factmark's own benchmark: drives the release build (dist/) in headless Chromium on the
// side-by-side kit's workload (a ~100,000-word, 800-paragraph article and 1,000 / 5,000 W3C
// annotations, ~10 % overlapping) and reports medians. It measures what the kit does not:
// undo, export, typing in a note and autosave, besides load/add/remove for reference.
// A command, never a timed test:   node bench/run.mjs [--runs 5] [--sizes 1000,5000] [--out FILE.md]
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { startServer } from '../tests/browser/serve.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('runs', 5));
const SIZES = arg('sizes', '1000,5000').split(',').map(Number);
const DIST = resolve(arg('dist', join(here, '..', 'dist')));
const KIT = resolve(arg('kit', join(here, '..', '..', 'shared', 'bench', 'peer')));
const DATA = resolve(arg('data', join(tmpdir(), 'factmark-bench-data')));
const OUT = arg('out', null);

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run ./x run once, or trunk build --release --offline`);
if (!existsSync(join(DATA, 'article.json'))) {
  mkdirSync(DATA, { recursive: true });
  execFileSync('node', [join(KIT, 'gen-workload.mjs'), '--out', DATA, '--sizes', SIZES.join(',')], { stdio: 'inherit' });
}
const meta = JSON.parse(readFileSync(join(DATA, 'workload-meta.json'), 'utf8'));

const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : null; };
const max = (xs) => Math.max(...xs.filter((x) => x != null));

async function oneRun(browser, url, N) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage'); await cdp.send('HeapProfiler.collectGarbage');
    const m = (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize').value;
    return m + await page.evaluate(() => window.__bench.extra.memoryBytes());
  };
  const t0 = Date.now();
  await page.goto(`${url}index.html?article=/data/article.json&bench`);
  await page.waitForFunction(() => window.__benchReady, null, { timeout: 120000 });
  const r = { readyMs: await page.evaluate(() => window.__benchReady.t) };
  await page.evaluate(async (file) => { window.__data = await (await fetch(`/data/${file}`)).json(); }, `annotations-${N}.json`);
  const before = await heap();
  // Each op: call, wait for the app's promise, then two frames (as the kit does).
  const timed = (op, a) => page.evaluate(async ([op, a]) => {
    const raf2 = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    const t = performance.now();
    await window.__bench[op](a === '__data' ? window.__data : a);
    await raf2();
    return performance.now() - t;
  }, [op, a]);
  r.loadMs = await timed('loadAnnotations', '__data');
  await page.evaluate(() => { delete window.__data; });
  r.memoryMiB = ((await heap()) - before) / 1048576;
  await page.waitForTimeout(600); // let the autosave of the load finish
  // The same two-frame wait with no work at all: the floor under every 'until painted' time.
  r.floorMs = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    return performance.now() - t;
  });
  // The app's own synchronous work for an add (before the browser can render a frame).
  r.addWorkMs = await page.evaluate(async (a) => {
    const t = performance.now(); const p = window.__bench.addAnnotation(a); const w = performance.now() - t;
    await p; await window.__bench.removeAnnotation(a.id); return w;
  }, meta.addOne);
  await page.waitForTimeout(300);
  r.addMs = await timed('addAnnotation', meta.addOne);
  r.removeMs = await timed('removeAnnotation', meta.sets[N].removeId);
  r.undoMs = await timed('undo');
  // Export: the click handler builds the file and hands it to the browser.
  for (const [name, label] of [['exportJsonMs', 'Download JSON'], ['exportW3cMs', 'W3C'], ['exportCsvMs', 'CSV']]) {
    r[name] = await page.evaluate((label) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.includes(label));
      const t = performance.now(); b.click(); return performance.now() - t;
    }, label);
  }
  // Typing in a note: 30 real key presses; per keystroke, the longest event processing and
  // the longest gap between frames while typing.
  await page.locator(`[data-annotation-id="${meta.addOne.id}"] button`).click();
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.evaluate(() => {
    window.__typing = { events: [], frames: [] };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__typing.events.push(e.processingEnd - e.processingStart); })
      .observe({ type: 'event', durationThreshold: 16, buffered: false });
    let last = performance.now();
    const tick = (t) => { window.__typing.frames.push(t - last); last = t; if (!window.__typing.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.keyboard.type('Checked against the ministry data. ', { delay: 30 });
  await page.waitForTimeout(400);
  const typing = await page.evaluate(() => { window.__typing.stop = true; return window.__typing; });
  r.typingMaxEventMs = typing.events.length ? max(typing.events) : 0;
  r.typingMaxFrameMs = max(typing.frames.slice(1));
  r.autosaveMs = await page.evaluate(() => window.__bench.extra.lastSaveMs());
  r.wallS = (Date.now() - t0) / 1000;
  await context.close();
  return r;
}

const server = await startServer(DIST, 0, { '/data/': DATA });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = {};
try {
  for (const N of SIZES) {
    results[N] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await oneRun(browser, server.url, N);
      results[N].push(r);
      console.error(`N=${N} run ${i + 1}/${RUNS}: load ${r.loadMs.toFixed(0)} ms, add ${r.addMs.toFixed(1)}, remove ${r.removeMs.toFixed(1)}, undo ${r.undoMs.toFixed(1)}, typing max event ${r.typingMaxEventMs.toFixed(1)} ms, autosave ${r.autosaveMs.toFixed(1)} ms`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// The single file (factmark.html) is a separate download the page never fetches.
const gz = readdirSync(DIST).filter((f) => /\.(wasm|js|css|html)$/.test(f) && f !== 'factmark.html').map((f) => [f, gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length]);
const rows = [
  ['page load → article painted (ms)', 'readyMs'], ['load all N until painted (ms)', 'loadMs'], ['two frames with no work: the floor (ms)', 'floorMs'],
  ['add one: synchronous work in the app (ms)', 'addWorkMs'], ['add one until painted (ms)', 'addMs'],
  ['remove one until painted (ms)', 'removeMs'], ['undo one until painted (ms)', 'undoMs'], ['export Factmark JSON (ms)', 'exportJsonMs'],
  ['export W3C JSON-LD (ms)', 'exportW3cMs'], ['export CSV (ms)', 'exportCsvMs'], ['typing in a note: longest event handler (ms)', 'typingMaxEventMs'],
  ['typing in a note: longest frame gap (ms)', 'typingMaxFrameMs'], ['autosave: one save, blocking (ms)', 'autosaveMs'], ['memory for N: JS heap + wasm (MiB)', 'memoryMiB'],
];
let md = `Factmark benchmark, ${new Date().toISOString()}, ${RUNS} runs per size, medians [max]\n\n| measure | ${SIZES.map((n) => `N = ${n}`).join(' | ')} |\n|---|${SIZES.map(() => '---').join('|')}|\n`;
for (const [label, key] of rows) md += `| ${label} | ${SIZES.map((n) => `${median(results[n].map((r) => r[key]))?.toFixed(1)} [${max(results[n].map((r) => r[key])).toFixed(1)}]`).join(' | ')} |\n`;
// The page's first load is everything but the formats worker (fetched on first use) and the
// service worker (fetched when the page is idle, after it has opened).
const later = (f) => f.startsWith('formats') || f === 'sw.js';
const sum = (list) => list.reduce((a, [, n]) => a + n, 0);
md += `\nTransfer (gzip -9): ${gz.map(([f, n]) => `${f} ${n} B`).join(', ')}; first load ${sum(gz.filter(([f]) => !later(f)))} B, `
  + `formats worker on first use ${sum(gz.filter(([f]) => f.startsWith('formats')))} B, total ${sum(gz)} B\n`;
console.log(md);
if (OUT) writeFileSync(OUT, md);
