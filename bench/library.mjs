// A large library in IndexedDB: 500 articles of 10,000 words with 100 annotations each are
// opened and imported through the app's own inputs (so the app saves them as it saves a
// person's work), the page is reloaded, and articles across the library are switched to. It
// reports every main-thread task over 50 ms (Chromium's Long Tasks API) by phase, and checks
// that no annotation was lost: the store holds 100 for each article after the reload, and each
// article switched to shows 100. A benchmark, not a test:
//   node bench/library.mjs [--articles 500] [--words 10000] [--annotations 100] [--switches 25]
//   --profile PHASE  (make, reload or switch) prints self time per function during that phase;
//                    wasm names need a build that keeps them (see bench/profile.mjs), served
//                    from FACTMARK_DIST
// (needs a release build in dist/, e.g. from ./x build; about 3 minutes at 500 articles)
import { startAll, openApp, sleep } from '../tests/browser/helpers.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : null;
const ARTICLES = arg('--articles', 500), WORDS = arg('--words', 10000), ANNOTATIONS = arg('--annotations', 100), SWITCHES = arg('--switches', 25);

const env = await startAll();
const { page, context } = await openApp(env);
// Long tasks from the very start of every load, the reload's included.
await context.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
});
await page.reload();
await page.waitForSelector('article h1');

const cdp = await context.newCDPSession(page);
async function profiling(phase) {
  if (phase !== PROFILE) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
async function profiled(phase) {
  if (phase !== PROFILE) return;
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Busy stretches over 50 ms (samples with no idle between them), each with its top functions.
  let t = profile.startTime, run = null;
  const runs = [];
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const name = byId.get(id).callFrame.functionName || '(program)';
    if (name === '(idle)') { if (run) runs.push(run); run = null; return; }
    run ??= { start: t, end: t, self: new Map() };
    run.end = t;
    run.self.set(name, (run.self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  if (run) runs.push(run);
  for (const r of runs.filter((r) => r.end - r.start > 50000)) {
    console.log(`busy ${((r.end - r.start) / 1000).toFixed(0)} ms: ` + [...r.self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k.replace(/::h[0-9a-f]{16}$/, '').slice(0, 70)} ${v.toFixed(1)}`).join(' | '));
  }
  console.log(`self time during "${phase}":`);
  console.log([...self].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`).join('\n'));
}
const longTasks = () => page.evaluate(() => { const l = window.__long; window.__long = []; return l; });
const phases = {};
const note = (phase, tasks) => { (phases[phase] ??= []).push(...tasks); };

// In the page: article `i`'s text (or its annotations file) made from its number and handed
// to the app's input as a person's pick would be. Made in the page: sending megabytes over the
// protocol would be a long task of the harness, not of the app.
const make = ([what, i, words, annotations]) => {
  const vocab = 'the ministry said figures were provisional and would be revised after an audit of regional budgets in spring'.split(' ');
  const per = Math.ceil(words / annotations);
  const paragraphs = [];
  for (let p = 0; p < annotations; p++) {
    const w = [`a${i}k${p}z`];
    for (let j = 1; j < per; j++) w.push(vocab[(i * 7 + p * 3 + j) % vocab.length]);
    paragraphs.push(w.join(' ') + '.');
  }
  const tags = ['claim', 'figure', 'quote'];
  const list = paragraphs.map((_, p) => ({
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: tags[p % 3] }, { type: 'TextualBody', purpose: 'commenting', value: `Note ${p} on article ${i}` }],
    target: { selector: { type: 'TextQuoteSelector', exact: `a${i}k${p}z` } },
  }));
  const file = what === 'article'
    ? new File([`Library article ${i}\n\n${paragraphs.join('\n\n')}`], 'article.txt', { type: 'text/plain' })
    : new File([JSON.stringify(list)], `lib-${i}.json`, { type: 'application/json' });
  const label = what === 'article' ? 'Open article' : 'Import annotations';
  const input = [...document.querySelectorAll('input[type=file]')].find((x) => x.closest('label')?.textContent.includes(label) || x.getAttribute('aria-label') === label);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

/** In the page: annotations stored per article, read straight from IndexedDB. */
const storedPerArticle = () => page.evaluate(async () => {
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const db = await req(indexedDB.open('factmark'));
  const store = db.transaction('kv').objectStore('kv');
  const range = IDBKeyRange.bound('factmark:ann:', 'factmark:ann:\uffff');
  const [keys, values] = [await req(store.getAllKeys(range)), await req(store.getAll(range))];
  db.close();
  const per = {};
  keys.forEach((k, i) => { const sha = k.split(':')[2]; per[sha] = (per[sha] ?? 0) + JSON.parse(values[i]).length; });
  return per;
});

const t0 = Date.now();
await profiling('make');
for (let i = 0; i < ARTICLES; i++) {
  await page.evaluate(make, ['article', i, WORDS, ANNOTATIONS]);
  await page.locator('article h1', { hasText: new RegExp(`^Library article ${i}$`) }).waitFor({ timeout: 60000 });
  await page.evaluate(make, ['annotations', i, WORDS, ANNOTATIONS]);
  await page.locator('.notice', { hasText: `Imported “lib-${i}.json”` }).first().waitFor({ timeout: 60000 });
  await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent === `Annotations (${n})`), ANNOTATIONS, { timeout: 60000 });
  note('open and import', await longTasks());
  if ((i + 1) % 50 === 0) console.log(`${i + 1} articles in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const madeS = (Date.now() - t0) / 1000;
await profiled('make');

// Saved: wait until the store holds every annotation of every article.
// The harness's own reading of the store is a long task in the page: it is left out.
const harness = async (f) => { note('saving', await longTasks()); const r = await f(); await sleep(200); await longTasks(); return r; };
let per = {};
for (const until = Date.now() + 120000; Date.now() < until; await sleep(1000)) {
  per = await harness(storedPerArticle);
  if (Object.keys(per).length >= ARTICLES && Object.values(per).every((n) => n === ANNOTATIONS)) break;
}
note('saving', await longTasks());
const beforeReload = Object.values(per).reduce((a, b) => a + b, 0);

const r0 = Date.now();
await profiling('reload');
await page.reload();
await page.locator('article h1', { hasText: `Library article ${ARTICLES - 1}` }).waitFor({ timeout: 120000 });
await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent === `Annotations (${n})`), ANNOTATIONS, { timeout: 60000 });
const reloadMs = Date.now() - r0;
await sleep(2000);
await profiled('reload');
note('reload', await longTasks());
per = await storedPerArticle();
await sleep(200);
await longTasks();
const afterReload = Object.values(per).reduce((a, b) => a + b, 0);
const shortArticles = Object.values(per).filter((n) => n !== ANNOTATIONS).length;
const libraryRows = await page.evaluate(async () => { const menu = document.querySelector('details.library'); menu.open = true; await new Promise((r) => setTimeout(r, 300)); const n = document.querySelectorAll('.library-list li').length; menu.open = false; return n; });
await sleep(300);
await longTasks(); // opening the menu is not the reload

// Switch to articles spread across the library, each through its row in the Articles menu.
const switchMs = [];
const wrong = [];
await profiling('switch');
for (let s = 0; s < SWITCHES; s++) {
  const i = Math.floor((s * (ARTICLES - 1)) / Math.max(1, SWITCHES - 1));
  const w0 = Date.now();
  // Opened as a click on its summary would (the rows are built while it is open).
  await page.evaluate(() => { document.querySelector('details.library').open = true; });
  await page.waitForFunction((n) => document.querySelectorAll('.library-list li').length === n, ARTICLES + 1);
  note('open the menu', await longTasks());
  await page.evaluate((title) => {
    [...document.querySelectorAll('.library-open')].find((b) => b.querySelector('.library-title').textContent === title).click();
  }, `Library article ${i}`);
  await page.locator('article h1', { hasText: new RegExp(`^Library article ${i}$`) }).waitFor({ timeout: 60000 });
  const ok = await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent === `Annotations (${n})`), ANNOTATIONS, { timeout: 10000 }).then(() => true, () => false);
  if (!ok) wrong.push(i);
  switchMs.push(Date.now() - w0);
  await sleep(300);
  note('switch', await longTasks());
}
await profiled('switch');

const fmt = (l) => (l.length ? `${l.length} over 50 ms, longest ${Math.max(...l).toFixed(0)} ms` : 'none over 50 ms');
const space = await page.evaluate(async () => { const e = await navigator.storage.estimate(); return (e.usage / 1048576).toFixed(1); });
console.log(`\nLibrary: ${ARTICLES} articles × ${WORDS} words × ${ANNOTATIONS} annotations (${space} MB in storage)`);
console.log(`made in ${madeS.toFixed(0)} s; stored before the reload ${beforeReload}, after ${afterReload} of ${ARTICLES * ANNOTATIONS}; articles short of ${ANNOTATIONS}: ${shortArticles}; library rows ${libraryRows}`);
console.log(`reload to the last article: ${reloadMs} ms; switches: median ${switchMs.sort((a, b) => a - b)[switchMs.length >> 1]} ms, slowest ${switchMs.at(-1)} ms; switched-to articles not showing ${ANNOTATIONS}: ${wrong.length ? wrong.join(', ') : 'none'}`);
for (const [phase, l] of Object.entries(phases)) console.log(`long tasks, ${phase}: ${fmt(l)}${l.length ? ` (${l.map((x) => x.toFixed(0)).sort((a, b) => b - a).slice(0, 12).join(', ')})` : ''}`);
await env.close();
