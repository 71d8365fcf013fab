#!/usr/bin/env node
// Where the time of one benchmark step goes: loads the kit's workload (N = 5,000) in headless
// Chromium, runs one window.__bench step 10 times under the CPU profiler and prints self time
// per function. Wasm function names need a build that keeps them: wasm-bindgen the cargo output
// (target/wasm32-unknown-unknown/release/factmark.wasm) without wasm-opt and put the pair in a
// copy of dist/ under the hashed names.
//   node bench/profile.mjs <dist> [N] [loadAnnotations|addAnnotation|removeAnnotation|undo]
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { startServer } from '../tests/browser/serve.mjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const DIST = process.argv[2], N = Number(process.argv[3] ?? 5000);
const DATA = process.env.BENCH_DATA ?? join(tmpdir(), 'factmark-bench-data'); // written by bench/run.mjs
const server = await startServer(DIST, 0, { '/data/': DATA });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${server.url}index.html?article=/data/article.json&bench`);
await page.waitForFunction(() => window.__benchReady, null, { timeout: 120000 });
await page.evaluate(async (file) => { window.__data = await (await fetch(`/data/${file}`)).json(); }, `annotations-${N}.json`);
const meta = JSON.parse((await import('node:fs')).readFileSync(DATA + '/workload-meta.json', 'utf8'));
await page.evaluate(async () => { await window.__bench.loadAnnotations(window.__data); });
await new Promise((r) => setTimeout(r, 1500));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const OP = process.argv[4] ?? 'addAnnotation';
const arg = OP === 'addAnnotation' ? meta.addOne : OP === 'removeAnnotation' ? meta.sets[N].removeId : undefined;
const ms = await page.evaluate(async ([op, a]) => { const raf2 = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))); let tot = 0; for (let k = 0; k < 10; k++) { const t = performance.now(); await window.__bench[op](op === 'loadAnnotations' ? window.__data : a); await raf2(); tot += performance.now() - t; if (op === 'removeAnnotation') await window.__bench.undo(); if (op === 'undo') await window.__bench.redo?.(); } return tot / 10; }, [OP, arg]);
const { profile } = await cdp.send('Profiler.stop');
console.log(`${OP}: ${ms.toFixed(1)} ms per step (mean of 10, until painted)`);
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) ?? 0) + t / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k.slice(0, 140)}`).join('\n'));
writeFileSync(join(tmpdir(), 'factmark-step.cpuprofile'), JSON.stringify(profile)); // open in DevTools
await browser.close(); await server.close();
