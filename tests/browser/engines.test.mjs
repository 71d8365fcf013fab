// The core journey in Chromium, Firefox and WebKit over W3C WebDriver (webdriver.mjs; no browser downloads).
//
//   cd tests/browser && node --test engines.test.mjs
//   FACTMARK_ENGINES=firefox,webkit   only these engines (default: chromium,firefox,webkit)
//   FACTMARK_DIST=/tmp/some-dist      the build to serve (default: ../../dist)
//   FACTMARK_URL=file:///…/app.html   open this URL instead of serving FACTMARK_DIST
//
// Engine-specific workarounds (keep this list in step with the code):
// * all: the download is captured by an in-page hook on HTMLAnchorElement.prototype.click; WebDriver
//   has no download API. The app's CSP (connect-src 'self') blocks fetch(blob:), so the hook also wraps
//   URL.createObjectURL and reads the Blob itself. Chromium and Firefox also get a real download folder
//   (prefs), and when the file lands there the test checks it equals what the hook read.
// * webkit: MiniBrowser has no headless mode, so WebKitWebDriver runs under `xvfb-run -a`.
// * webkit: just after the first render, Range rects of the article text can be empty (0×0) and the
//   paragraphs still change height, so the drag would go to (1,0)→(-1,0) ("move target out of
//   bounds"); dragSelect waits until the character rectangles exist and are the same twice in a row.
// * webkit: no download folder can be set, so only the in-page capture of the blob is checked.
// * firefox: geckodriver is started with `--websocket-port 0` so parallel runs do not fight over 9222.
// * file upload: element send-keys on the hidden "Import annotations" input; an engine that refuses
//   falls back to a synthetic `drop` event carrying a File (see UPLOAD_FALLBACK below, logged per run).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './serve.mjs';
import { marks } from './page-fns.mjs';
import { installHooks, dragSelect, withSession, W3C, sleep, DIST, ENGINES } from './engine-session.mjs';
import { pdfText } from './pdf-text.mjs';


const FIGURE = '$14.8 trillion';
const SENTENCE = 'They control areas with large mineral deposits.';
const IMPORTED = 'Donetsk, Dnipropetrovsk, and Luhansk';

// Engines whose file input would not take a file by send-keys, and which were given a dropped File.
export const UPLOAD_FALLBACK = new Set();

// ---- In-page helpers (run through execute script, so plain functions with no closures) ----


// ---- The journey ----



/**
 * Annotate by mouse and keyboard, reload, download and import, in a fresh profile at `url`.
 * Needs only a webdriver.mjs Session, so it also runs against a file:// URL of a single-file build.
 * Returns { uploaded, notes }: whether send-keys upload worked, and how download and upload were checked.
 */
const PAGE_PARAGRAPHS = [
  'First paragraph of the article, long enough to count as one, with a few more words in it.',
  'Second paragraph of the article, also long enough, so that the reader keeps both of them.',
];
const PAGE = `<!doctype html><html><head><title>Reader test headline | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article><h1>Reader test headline</h1>${PAGE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>
<footer><a href="/subscribe">Subscribe now</a></footer></body></html>`;

export async function coreJourney(s, url, { tmp } = {}) {
  const notes = [];
  const loaded = async () => {
    await s.waitFor(() => document.querySelector('article p[data-block]'), { timeout: 20000, what: 'the article' });
    await s.exec(installHooks);
  };
  await s.navigate(url);
  await loaded();

  // 1. Drag-select the figure with the mouse; click Figure on the toolbar.
  await dragSelect(s, FIGURE);
  await s.waitFor(() => document.querySelector('[role="toolbar"] [aria-label="Figure"]'), { what: 'the toolbar' });
  await s.click(await s.find('[role="toolbar"] [aria-label="Figure"]'));
  let ms = await s.exec(marks);
  assert.deepEqual(ms.map((m) => [m.tags, m.text]), [[['figure'], FIGURE]]);

  // 2. Drag-select the sentence; press Q.
  await dragSelect(s, SENTENCE);
  await s.keys('q');
  await s.waitFor(() => document.querySelectorAll('article mark').length === 2, { what: 'the quote' });
  ms = await s.exec(marks);
  assert.deepEqual(ms.map((m) => [m.tags, m.text]).sort(), [[['figure'], FIGURE], [['quote'], SENTENCE]].sort());
  assert.equal(new Set(ms.flatMap((m) => m.ids)).size, 2);

  // 3. Autosave is within 300 ms: reload and both are back, exactly.
  await sleep(400);
  await s.refresh();
  await loaded();
  await s.waitFor(() => document.querySelectorAll('article mark').length >= 2, { what: 'the marks after reload' });
  assert.deepEqual(await s.exec(marks), ms);
  assert.equal((await s.findAll('[aria-label="Annotations"] [data-annotation-id]')).length, 2);

  // 4. Download JSON; offsets are code points and exact = text[start:end].
  await s.click(await s.findXPath('//button[normalize-space(.)="Download JSON"]'));
  const dl = await s.waitFor(() => { const d = window.__fm.downloads[0]; return d?.text != null && d; }, { what: 'the download' });
  assert.match(dl.name, /^zelensky-signals-willingness-.*-2025-02-04\.factmark\.json$/);
  const file = JSON.parse(dl.text);
  assert.equal(file.format, 'factmark');
  assert.equal(file.annotations.length, 2);
  const cps = Array.from(file.article.text);
  for (const a of file.annotations) assert.equal(cps.slice(a.start, a.end).join(''), a.exact);
  assert.deepEqual(file.annotations.map((a) => [a.tag, a.exact]).sort(), [['figure', FIGURE], ['quote', SENTENCE]]);
  const real = s.downloads && (await waitForFile(s.downloads, dl.name, 5000));
  if (real) assert.equal(real, dl.text, 'the downloaded file equals what the page offered');
  notes.push(real ? 'download: real file in the download folder, equal to the blob' : 'download: checked the blob the page offered (no download folder)');

  // 5. Import a W3C file through the "Import annotations" input.
  const body = JSON.stringify([W3C('imported-1', IMPORTED, 'claim')]);
  const dir = tmp ?? (await mkdtemp(join(tmpdir(), 'fm-import-')));
  const path = join(dir, 'imported.w3c.json');
  await writeFile(path, body);
  const hasImport = () => [...document.querySelectorAll('article mark')].some((m) => m.dataset.annotationIds.split(' ').includes('imported-1'));
  const input = await s.findXPath('//label[contains(normalize-space(.), "Import annotations")]//input[@type="file"]');
  // Only a driver that refuses the file gets the fallback; a file taken but not imported fails the test.
  const uploaded = await s.upload(input, path).then(() => true, (e) => {
    notes.push(`upload: send-keys refused (${e.message.split('\n')[0]}); dropped a File instead`);
    return false;
  });
  if (uploaded) notes.push('upload: send-keys on the file input');
  else {
    UPLOAD_FALLBACK.add(s.engine);
    await s.dropFile('imported.w3c.json', body);
  }
  // The article has annotations, so the import asks whether the file adds to them: it does.
  const asked = () => [...document.querySelectorAll('dialog[open] button')].some((b) => b.textContent.trim() === 'Add to these');
  await s.waitFor(asked, { timeout: 5000, what: 'the question whether the import adds or replaces' });
  await s.click(await s.findXPath('//dialog[@open]//button[normalize-space(.)="Add to these"]'));
  await s.waitFor(hasImport, { timeout: 5000, what: 'the imported highlight' });
  const imported = (await s.exec(marks)).filter((m) => m.ids.includes('imported-1'));
  assert.equal(imported.map((m) => m.text).join(''), IMPORTED);
  assert.deepEqual(imported[0].tags, ['claim']);
  assert.equal((await s.findAll('[aria-label="Annotations"] [data-annotation-id]')).length, 3);

  // 6. Open a saved web page: the page reader (a Web Worker, a blob worker in the single
  // file) keeps its article and drops the site around it.
  const pagePath = join(dir, 'page.html');
  await writeFile(pagePath, PAGE);
  const open = await s.findXPath('//label[contains(normalize-space(.), "Open article")]//input[@type="file"]');
  if (!(await s.upload(open, pagePath).then(() => true, () => false))) await s.dropFile('page.html', PAGE, 'text/html');
  await s.waitFor(() => document.querySelector('article h1')?.textContent === 'Reader test headline', { timeout: 20000, what: 'the page\'s article' });
  assert.deepEqual(await s.exec(() => [...document.querySelectorAll('article p[data-block]')].map((p) => p.textContent)), PAGE_PARAGRAPHS);
  if (!tmp) await rm(dir, { recursive: true, force: true });

  // 7. No uncaught errors since the last load.
  assert.deepEqual(await s.exec(() => window.__fm.errors), []);
  return { uploaded, notes };
}

/** Contents of `name` in `dir` once the browser has finished writing it, or null after `ms`. */
async function waitForFile(dir, name, ms) {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await sleep(100)) {
    const files = await readdir(dir).catch(() => []);
    if (files.includes(name)) {
      const text = await readFile(join(dir, name), 'utf8');
      if (text.length) return text;
    }
  }
  return null;
}


// FACTMARK_URL runs the journey against that page instead (e.g. file:///…/factmark.html of a single-file build).
let server;
before(async () => { if (!process.env.FACTMARK_URL) server = await startServer(DIST, 0); });
after(async () => { await server?.close(); });

for (const engine of ENGINES) {
  test(`core journey in ${engine}`, { timeout: 90000 }, async (t) => {
    await withSession(t, engine, async (s) => {
      const t0 = Date.now();
      const { notes } = await coreJourney(s, process.env.FACTMARK_URL ?? server.url);
      t.diagnostic(`${engine} ${s.capabilities.browserVersion}: journey ${Date.now() - t0} ms`);
      for (const n of notes) t.diagnostic(`${engine}: ${n}`);
    });
  });
}

// The single file (dist/factmark.html) opened straight from disk: the same journey, and not one
// network request (its CSP forbids them; the resource timing list shows none were tried).
const SINGLE = pathToFileURL(join(DIST, 'factmark.html')).href;
for (const engine of ENGINES) {
  test(`single file from file:// in ${engine}`, { timeout: 90000, skip: !!process.env.FACTMARK_URL }, async (t) => {
    await withSession(t, engine, async (s) => {
      const { notes } = await coreJourney(s, SINGLE);
      const network = await s.exec(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /^(https?|wss?):/.test(u)));
      assert.deepEqual(network, [], `${engine}: no network request from the single file`);
      assert.equal(await s.exec(() => location.protocol), 'file:');
      for (const n of notes) t.diagnostic(`${engine} (file://): ${n}`);
    });
  });
}

// Print: the engine's own print-to-PDF (WebDriver "Print Page") gives the article with its
// highlights, then the annotations, and none of the app's controls.
for (const engine of ENGINES) {
  test(`print in ${engine}`, { timeout: 90000, skip: !!process.env.FACTMARK_URL }, async (t) => {
    await withSession(t, engine, async (s) => {
      await s.navigate(server.url);
      await s.waitFor(() => document.querySelector('article p[data-block]'), { timeout: 20000, what: 'the article' });
      await s.exec(installHooks);
      await dragSelect(s, FIGURE);
      await s.keys('f');
      await s.waitFor(() => document.querySelectorAll('article mark').length === 1, { what: 'the figure' });
      const pdf = await s.s('/print', 'POST', { background: true }).catch((e) => e);
      if (pdf instanceof Error) {
        // WebKitWebDriver has no Print Page command: check instead that this engine parsed the
        // print rules (controls hidden, highlight colours kept) and supports colour adjustment.
        t.diagnostic(`${engine}: the driver has no Print Page command (${pdf.message.split('\n')[0]}); checked the parsed print rules`);
        const rules = await s.exec(() => [...document.styleSheets].flatMap((sh) => [...sh.cssRules])
          .filter((r) => r.media && [...r.media].includes('print')).flatMap((r) => [...r.cssRules]).map((r) => r.cssText));
        assert.ok(rules.some((r) => r.includes('.topbar') && /display: none/.test(r)), `${engine}: print hides the top bar`);
        assert.ok(rules.some((r) => r.startsWith('mark[data-tags]') && /print-color-adjust: exact/.test(r)), `${engine}: print keeps highlight colours`);
        assert.ok(rules.some((r) => r.includes('.items.windowed')), `${engine}: print lists every annotation`);
        assert.ok(await s.exec(() => CSS.supports('print-color-adjust', 'exact') || CSS.supports('-webkit-print-color-adjust', 'exact')));
        return;
      }
      const dir = await mkdtemp(join(tmpdir(), 'fm-print-'));
      await writeFile(join(dir, 'page.pdf'), Buffer.from(pdf, 'base64'));
      const text = pdfText(join(dir, 'page.pdf'));
      await rm(dir, { recursive: true, force: true });
      assert.match(text, /Zelensky signals willingness/);
      assert.match(text, /Donetsk, Dnipropetrovsk, and Luhansk/);
      assert.match(text, /Annotations/);
      assert.ok(text.split(FIGURE).length - 1 >= 2, `${engine}: the figure is in the article and in the list: ${text.slice(-400)}`);
      for (const control of ['Download JSON', 'Import annotations', 'New article']) assert.doesNotMatch(text, new RegExp(control));
    });
  });
}
