// Issue 12 in the browser: a cluttered saved page opens as its article alone, nothing in a
// file loads or runs, the article's details reach the exports, right-to-left articles read
// and tag correctly, and another tool's files come in with their comments and labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startAll, openApp, dragSelect, marks } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = join(here, '..', 'pages');
const SHARED = process.env.FACTMARK_SHARED ?? join(here, '..', '..', '..', 'shared');

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const file = (name, text, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(text) });
const blocks = (page) => page.$$eval('article [data-block]', (bs) => bs.map((b) => b.textContent));

/** Records every request that leaves the app's own origin and every CSP violation. */
function watchLoads(page, origin) {
  const seen = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) seen.push(`request ${r.url().slice(0, 80)}`); });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) seen.push(`csp ${m.text().slice(0, 120)}`); });
  page.on('dialog', (d) => { seen.push(`dialog ${d.message()}`); d.dismiss(); });
  return seen;
}

async function download(page, name) {
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFile(await d.path(), 'utf8');
}

test('a cluttered news page opens as its article alone, with its details', async () => {
  const { page, context, errors } = await openApp(env);
  const seen = watchLoads(page, env.server.url);
  const html = await readFile(join(PAGES, 'nyt-water-tunnels.html'), 'utf8');
  const want = JSON.parse(await readFile(join(PAGES, 'nyt-water-tunnels.expected.json'), 'utf8'));
  await page.getByLabel('Open article').setInputFiles(file('nyt-water-tunnels.html', html, 'text/html'));
  await page.waitForFunction((h) => document.querySelector('article h1')?.textContent === h, want.headline);
  const got = await blocks(page);
  assert.deepEqual(got.slice(1), want.paragraphs, 'only the article paragraphs, in order');
  const all = got.join('\n');
  for (const bad of want.must_not_contain) assert.ok(!all.includes(bad), `clutter shown: ${bad}`);
  // The details the page states are filled in.
  await page.locator('details.article-details summary').click();
  assert.equal(await page.getByLabel('Address (URL)').inputValue(), want.url);
  assert.equal(await page.getByLabel('Outlet').inputValue(), want.outlet);
  assert.equal(await page.getByLabel('Authors').inputValue(), want.authors.join(', '));
  assert.equal(await page.locator('article').getAttribute('lang'), want.language);
  assert.deepEqual(seen, [], 'reading the page loaded nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page dragged in starts the formats worker as it enters, then opens as its article when dropped', async () => {
  const { page, context, errors } = await openApp(env);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const html = await readFile(join(PAGES, 'sentinel-salmon-most-popular.html'), 'utf8');
  const want = JSON.parse(await readFile(join(PAGES, 'sentinel-salmon-most-popular.expected.json'), 'utf8'));
  await page.waitForTimeout(500);
  assert.ok(!fetched.includes('/formats_bg.wasm'), 'the worker is not loaded before it is needed');
  await page.evaluate((html) => {
    window.__dt = new DataTransfer();
    window.__dt.items.add(new File([html], 'salmon.html', { type: 'text/html' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: window.__dt, bubbles: true }));
  }, html);
  for (let i = 0; i < 100 && !fetched.includes('/formats_bg.wasm'); i++) await page.waitForTimeout(50);
  assert.ok(fetched.includes('/formats_bg.wasm'), 'the drag entering the window started the worker');
  await page.evaluate(() => document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true })));
  await page.waitForFunction((h) => document.querySelector('article h1')?.textContent === h, want.headline);
  assert.deepEqual((await blocks(page)).slice(1), want.paragraphs);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a whole web page copied and pasted opens as its article alone; an edited paste opens as text', async () => {
  const { page, context, errors } = await openApp(env);
  const html = await readFile(join(PAGES, 'nyt-water-tunnels.html'), 'utf8');
  const want = JSON.parse(await readFile(join(PAGES, 'nyt-water-tunnels.expected.json'), 'utf8'));
  // What "select all, copy" puts on the clipboard: the body's markup, and its text with the
  // page's clutter in it.
  const copied = html.slice(html.indexOf('<body'));
  const paste = (h, plain) => page.getByLabel('Article text').evaluate((el, [h, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', plain);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [h, plain]);
  await page.getByRole('button', { name: 'New article' }).click();
  const plain = `SUBSCRIBE NOW\n${want.headline}\n${want.paragraphs.join('\n')}\nMost popular`;
  await paste(copied, plain);
  assert.equal(await page.getByLabel('Article text').inputValue(), plain, 'the field shows the pasted text');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForFunction((h) => document.querySelector('article h1')?.textContent === h, want.headline);
  const got = await blocks(page);
  assert.deepEqual(got.slice(1), want.paragraphs, 'only the article paragraphs, in order');
  for (const bad of want.must_not_contain) assert.ok(!got.join('\n').includes(bad), `clutter shown: ${bad}`);
  // Edited after the paste: the text in the field is what opens.
  await page.getByRole('button', { name: 'New article' }).click();
  await paste('<p>Pasted paragraph one.</p><p>Two.</p>', 'Pasted paragraph one.\n\nTwo.');
  await page.getByLabel('Article text').fill('Typed over headline\n\nTyped body.');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Typed over headline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('6,613 XSS payloads inside a saved page: nothing loads, runs or is refused by the CSP', async (t) => {
  const list = join(SHARED, 'conformance', 'xss', 'xss-payload-list.txt');
  if (!existsSync(list)) return t.skip(`no payload list at ${list}`);
  const payloads = (await readFile(list, 'utf8')).split('\n').filter((l) => l.trim());
  const { page, context } = await openApp(env);
  const seen = watchLoads(page, env.server.url);
  await page.exposeFunction('__flag', () => seen.push('script ran'));
  // Every payload in a paragraph of the article, and again in the page's furniture.
  const body = payloads.map((p, i) => `<p>Paragraph ${i} of the article, long enough to count, with commas, ${p} and more text.</p>`).join('\n');
  const html = `<!doctype html><html><head><title>Payloads</title><meta property="og:title" content="Payloads ${payloads[0]}"></head>
    <body><nav>${payloads.slice(0, 500).join(' ')}</nav><article><h1>Payloads</h1>${body}</article>
    <video><track default kind="captions" src="data:text/vtt,WEBVTT"></video></body></html>`;
  await page.getByLabel('Open article').setInputFiles(file('payloads.html', html, 'text/html'));
  await page.waitForFunction(() => document.querySelectorAll('article [data-block]').length > 1000, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  assert.equal(await page.$$eval('article img, article svg, article script, article iframe, article video, article a', (x) => x.length), 0);
  assert.deepEqual(seen, [], 'no request, dialog, script or CSP event');
  await context.close();
});

test('an edited article address reaches the W3C and ClaimReview exports; a wrong one is explained at its field', async () => {
  const { page, context } = await openApp(env);
  await page.locator('details.article-details summary').click();
  await page.getByLabel('Address (URL)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save details' }).click();
  const error = page.locator('#details-url-error');
  await error.waitFor();
  assert.match(await error.textContent(), /not a web address/);
  assert.equal(await page.getByLabel('Address (URL)').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Address (URL)').fill('news.example.org/ukraine-minerals');
  await page.getByLabel('Outlet').fill('News Example');
  await page.getByLabel('Published').fill('2025-03-01');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.waitForFunction(() => !document.querySelector('#details-url-error'));
  // The article's date line follows the edit at once.
  await page.waitForFunction(() => document.querySelector('article .dateline time')?.getAttribute('datetime') === '2025-03-01');
  assert.equal(await page.getByLabel('Address (URL)').inputValue(), 'https://news.example.org/ukraine-minerals', 'https:// is added');

  const claim = 'the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion';
  await dragSelect(page, claim);
  await page.keyboard.press('c');
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  await editor.getByRole('combobox', { name: 'Verdict' }).selectOption('Mostly true');
  const w3c = JSON.parse(await download(page, /W3C/));
  const items = w3c.first.items;
  assert.ok(items.length >= 1);
  assert.equal(items[0].target.source, 'https://news.example.org/ukraine-minerals');
  const cr = JSON.parse(await download(page, /ClaimReview/));
  const review = Array.isArray(cr) ? cr[0] : cr;
  assert.equal(review.itemReviewed.appearance.url, 'https://news.example.org/ukraine-minerals');
  assert.equal(review.itemReviewed.appearance.publisher.name, 'News Example');
  // No profile, no claim page: the review has no url, and the checker is told how to give one.
  assert.equal(review.url, undefined);
  await page.locator('.notice.warning').filter({ hasText: '1 review(s) have no fact-check page address' }).waitFor();
  // Saved: it is still there after a reload.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForSelector('article p[data-block]');
  await page.locator('details.article-details summary').click();
  assert.equal(await page.getByLabel('Address (URL)').inputValue(), 'https://news.example.org/ukraine-minerals');
  await context.close();
});

test('an Arabic article reads right to left and a mouse selection tags the right word', async () => {
  const { page, context, errors } = await openApp(env);
  const html = await readFile(join(PAGES, 'ar-alofuq-5g-rtl.html'), 'utf8');
  await page.getByLabel('Open article').setInputFiles(file('ar.html', html, 'text/html'));
  await page.waitForFunction(() => document.querySelector('article')?.getAttribute('lang') === 'ar');
  const dirs = await page.$$eval('article [data-block]', (bs) => bs.map((b) => getComputedStyle(b).direction));
  assert.ok(dirs.length > 3 && dirs.every((d) => d === 'rtl'), `every block right to left: ${dirs}`);
  const text = (await blocks(page))[2];
  // A word from the middle of an Arabic paragraph (letters only).
  const word = text.split(/\s+/).find((w, i) => i > 2 && /^[\u0621-\u064A]{4,}$/.test(w));
  assert.ok(word, `an Arabic word in: ${text}`);
  await dragSelect(page, word);
  await page.keyboard.press('f');
  await page.waitForSelector('article mark');
  const m = await marks(page);
  assert.equal(m.length, 1);
  assert.equal(m[0].text, word);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Hypothesis API file imports with its comments as notes and its tags', async () => {
  const { page, context } = await openApp(env);
  const article = 'Council budget\n\nThe council will spend 12 million on roads, the mayor said on Monday.\n\nCritics called the plan “a fantasy”.';
  await page.getByLabel('Open article').setInputFiles(file('budget.txt', article));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Council budget');
  const row = (id, exact, prefix, text, tags) => ({
    id, created: '2024-05-01T10:00:00.000000+00:00', updated: '2024-05-01T10:00:00.000000+00:00',
    user: 'acct:ada@hypothes.is', uri: 'https://news.example/budget', text, tags, group: '__world__',
    permissions: { read: ['group:__world__'] }, document: { title: ['Council budget'] }, links: {},
    target: [{ source: 'https://news.example/budget', selector: [
      { type: 'TextQuoteSelector', exact, prefix, suffix: '' },
    ] }],
  });
  const api = { total: 2, rows: [
    row('h1', '12 million', 'will spend ', 'Check against the budget book', ['figure', 'roads']),
    row('h2', '“a fantasy”', 'called the plan ', 'Who are the critics?', ['Quote']),
  ] };
  await page.getByLabel('Import annotations').setInputFiles(file('hypothesis.json', JSON.stringify(api), 'application/json'));
  await page.waitForFunction(() => document.querySelectorAll('article mark').length === 2);
  const m = await marks(page);
  assert.deepEqual(m.map((x) => [x.text, [x.tags].flat().join(' ')]).sort(), [['12 million', 'figure'], ['“a fantasy”', 'quote']]);
  const notes = await page.$$eval('[aria-label="Annotations"] .note-preview', (ns) => ns.map((n) => n.textContent).sort());
  assert.deepEqual(notes, ['Check against the budget book', 'Who are the critics?']);
  assert.match(await page.locator('.notice').last().textContent(), /2 added from a Hypothesis file/);
  await context.close();
});

test('a Label Studio export asks what its labels become before importing', async () => {
  const { page, context } = await openApp(env);
  const article = 'Rates\n\nThe bank raised rates to 5.25% on Thursday.';
  await page.getByLabel('Open article').setInputFiles(file('rates.txt', article));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Rates');
  const text = 'Rates\n\nThe bank raised rates to 5.25% on Thursday.';
  const span = (s, label) => ({ type: 'labels', from_name: 'label', to_name: 'text', value: { start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, labels: [label] } });
  const tasks = [{ id: 1, data: { text }, annotations: [{ id: 1, result: [span('5.25%', 'PERCENT'), span('Thursday', 'DATE')] }] }];
  await page.getByLabel('Import annotations').setInputFiles(file('label-studio.json', JSON.stringify(tasks), 'application/json'));
  const dialog = page.getByRole('dialog', { name: /Labels in/ });
  await dialog.waitFor();
  await dialog.getByLabel('PERCENT').selectOption('figure');
  await dialog.getByLabel('DATE').selectOption('skip');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await page.waitForSelector('article mark');
  const m = await marks(page);
  assert.deepEqual(m.map((x) => [x.text, [x.tags].flat().join(' ')]), [['5.25%', 'figure']]);
  assert.match(await page.locator('.notice').last().textContent(), /1 added from a Label Studio file; 1 skipped/);
  await context.close();
});

test('6,613 XSS payloads as speakers and rationales: the ClaimReview and W3C exports run none of them when embedded', async (t) => {
  const list = join(SHARED, 'conformance', 'xss', 'xss-payload-list.txt');
  if (!existsSync(list)) return t.skip(`no payload list at ${list}`);
  const payloads = (await readFile(list, 'utf8')).split('\n').filter((l) => l.trim());
  const { page, context, errors } = await openApp(env);
  // One claim per payload, brought in as a W3C file that carries its Factmark record.
  const items = payloads.map((p, i) => ({
    type: 'Annotation', id: `urn:factmark:annotation:x-${i}`,
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
    target: { selector: { type: 'TextQuoteSelector', exact: 'Donetsk' } },
    'fm:check': { verdict: 'False', speaker: p, rationale: p },
  }));
  await page.getByLabel('Import annotations').setInputFiles({ name: 'payloads.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify({ type: 'AnnotationPage', items })) });
  await page.locator('.notice').filter({ hasText: `${payloads.length} added` }).waitFor({ timeout: 60000 });
  const exported = {};
  for (const [name, label] of [['claimreview', /ClaimReview/], ['w3c', /W3C/]]) {
    await page.locator('details.menu summary', { hasText: 'Export' }).click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    exported[name] = await readFile(await d.path(), 'utf8');
  }
  const reviews = JSON.parse(exported.claimreview);
  assert.equal(reviews.length, payloads.length);
  assert.deepEqual(new Set(reviews.map((r) => r.itemReviewed.author?.name)), new Set(payloads.map((p) => p.trim())), 'every payload is there, as text');
  for (const [name, json] of Object.entries(exported)) {
    const p = await context.newPage();
    let ran = 0;
    p.on('dialog', (d) => { ran += 1; d.dismiss().catch(() => {}); });
    await p.exposeFunction('__flag', () => { ran += 1; });
    await p.setContent(`<!doctype html><body><script type="application/ld+json">${json}</script>`
      + '<script>window.__parsed = JSON.parse(document.querySelector("script").textContent) ? 1 : 0</script>');
    await p.waitForTimeout(500);
    assert.equal(ran, 0, `${name}: no payload ran`);
    assert.equal(await p.evaluate(() => window.__parsed), 1, `${name}: the embedded JSON parses`);
    assert.equal(await p.evaluate(() => document.scripts.length), 2, `${name}: nothing broke out of the script element`);
    await p.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});
