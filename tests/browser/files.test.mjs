// Issue 3 in the browser: bringing articles, the library, importing, exporting, and errors
// that leave the current work untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startAll, openApp, dragSelect, marks, panelIds, sleep, storedAnnotations } from './helpers.mjs';

/** Waits until the app's storage holds `n` annotations of the open article's chunks. */
async function waitForStored(page, n, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const count = await storedAnnotations(page);
    if (count === n) return;
    if (Date.now() > until) assert.fail(`storage holds ${count} annotations, not ${n}`);
    await sleep(100);
  }
}

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const file = (name, text, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(text) });

async function openArticleFile(page, f) {
  await page.getByLabel('Open article').setInputFiles(f);
}

async function importFile(page, f) {
  await page.getByLabel('Import annotations').setInputFiles(f);
}

const EMOJI_ARTICLE = [
  'Emoji 😀 report',
  '',
  'The 👩‍👩‍👧 family said “we are fine” on Monday.',
  '',
  'Прибыль выросла на 12% 📈 в 2024 году, said the CFO.',
].join('\n');

test('an HTML article with a script: the script never runs, the text is shown', async () => {
  const { page, context } = await openApp(env);
  const html = `<!doctype html><html><head><title>Ignored title</title>
    <script>window.__ran = true; document.title = 'pwned'</script>
    <style>p { color: red }</style></head>
    <body><nav>Menu Home About</nav>
    <h1>Budget <b>rises</b> by 5%</h1>
    <p>The council said spending <img src="http://127.0.0.1:9/x.png" onerror="window.__ran = true">rises.</p>
    <p onclick="window.__ran = true">Second <a href="javascript:alert(1)">paragraph</a>.</p>
    <script>window.__ran2 = true</script>
    <footer>Copyright</footer></body></html>`;
  await openArticleFile(page, file('budget.html', html, 'text/html'));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Budget rises by 5%');
  const paras = await page.$$eval('article p[data-block]', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(paras, ['The council said spending rises.', 'Second paragraph.']);
  assert.equal(await page.evaluate(() => window.__ran ?? window.__ran2 ?? null), null);
  assert.equal(await page.$$eval('article img, article a, article script', (x) => x.length), 0);
  assert.equal(await page.title(), 'Factmark');
  await context.close();
});

test('a W3C file with UTF-16 offsets lands on the right words of an emoji article', async () => {
  const { page, context } = await openApp(env);
  await openArticleFile(page, file('emoji.txt', EMOJI_ARTICLE));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Emoji 😀 report');
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  // UTF-16 offsets, as Hypothesis, Recogito and Label Studio write them.
  const at = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const anno = (id, exact, tag) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', motivation: 'tagging',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: tag }],
    target: { selector: [
      { type: 'TextQuoteSelector', exact },
      { type: 'TextPositionSelector', ...at(exact) },
    ] },
  });
  const page1 = { type: 'AnnotationPage', items: [anno('a1', 'we are fine', 'quote'), anno('a2', '12%', 'figure'), anno('a3', 'said the CFO', 'claim')] };
  assert.notEqual(at('12%').start, [...text].indexOf('1'), 'the offsets really are UTF-16 here');
  await importFile(page, file('hypothesis.json', JSON.stringify(page1), 'application/json'));
  await page.waitForSelector('article mark');
  const ms = await marks(page);
  const byId = Object.fromEntries(['a1', 'a2', 'a3'].map((id) => [id, ms.filter((m) => m.ids.includes(id)).map((m) => m.text).join('')]));
  assert.deepEqual(byId, { a1: 'we are fine', a2: '12%', a3: 'said the CFO' });

  // The export writes code points.
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /W3C/ }).click(),
  ]);
  const out = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(out.type, 'AnnotationCollection');
  const items = out.first.items;
  const cps = [...text];
  for (const a of items) {
    const q = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const p = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(cps.slice(p.start, p.end).join(''), q.exact);
  }
  await context.close();
});

test('a broken file shows an error and leaves the annotations untouched', async () => {
  const { page, context } = await openApp(env);
  await dragSelect(page, 'Luhansk');
  await page.keyboard.press('c');
  const before = await marks(page);
  for (const [name, body, pattern] of [
    ['broken.json', '{"format": "factmark",\n  "version": 1,\n  oops', /broken\.json.*line 3, column \d+/],
    ['other.json', '{"hello": "world"}', /other\.json.*not an annotation file Factmark reads/],
    ['future.json', '{"format": "factmark", "version": 9}', /future\.json.*newer Factmark/],
    ['binary.json', '\u0000\u0001\u0002\u0003\u0004\u0000PK\u0003\u0004', /binary\.json.*binary/],
  ]) {
    await importFile(page, file(name, body, 'application/json'));
    await page.getByRole('alert').filter({ hasText: pattern }).waitFor();
  }
  assert.deepEqual(await marks(page), before);
  assert.equal((await panelIds(page)).length, 1);
  await context.close();
});

test('switching articles and back: each keeps its own annotations; delete with undo', async () => {
  const { page, context } = await openApp(env);
  await dragSelect(page, 'Luhansk');
  await page.keyboard.press('c');
  // A pasted article.
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill('Pasted headline\n\nA pasted body with 42 apples.');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Pasted headline');
  assert.equal((await panelIds(page)).length, 0);
  await dragSelect(page, '42 apples');
  await page.keyboard.press('f');
  assert.equal((await marks(page))[0].text, '42 apples');

  // Back to the default article through the library.
  await page.locator('summary', { hasText: 'Articles' }).click();
  await page.getByRole('button', { name: /Zelensky signals/ }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent.startsWith('Zelensky'));
  assert.deepEqual((await marks(page)).map((m) => m.text), ['Luhansk']);

  // And to the pasted one again, after a reload.
  await sleep(300);
  await page.reload();
  await page.waitForSelector('article mark');
  await page.locator('summary', { hasText: 'Articles' }).click();
  const entry = page.locator('.library-list li', { hasText: 'Pasted headline' });
  assert.match(await entry.textContent(), /1 annotation/);
  await entry.getByRole('button', { name: /Pasted headline/ }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Pasted headline');
  assert.deepEqual((await marks(page)).map((m) => m.text), ['42 apples']);

  // Delete it (after confirming), then undo from the notice.
  await page.locator('summary', { hasText: 'Articles' }).click();
  await entry.getByRole('button', { name: 'Delete article' }).click();
  await entry.getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent.startsWith('Zelensky'));
  assert.equal(await page.locator('.library-list li', { hasText: 'Pasted headline' }).count(), 0);
  await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await page.locator('.library-list li', { hasText: 'Pasted headline' }).getByRole('button', { name: /Pasted headline/ }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Pasted headline');
  assert.deepEqual((await marks(page)).map((m) => m.text), ['42 apples']);

  // Delete it again and take it back with the top bar's Undo, which says what it undoes.
  await page.locator('summary', { hasText: 'Articles' }).click();
  await entry.getByRole('button', { name: 'Delete article' }).click();
  await entry.getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent.startsWith('Zelensky'));
  const topUndo = page.locator('header.topbar').getByRole('button', { name: 'Undo', exact: true });
  assert.equal(await topUndo.getAttribute('title'), 'Undo delete of “Pasted headline”');
  assert.equal(await topUndo.locator('.undo-what').textContent(), 'delete of “Pasted headline”', 'shown, not only in the title');
  await topUndo.click();
  assert.equal(await page.locator('.library-list li', { hasText: 'Pasted headline' }).count(), 1, 'back in the library');
  assert.notEqual(await topUndo.getAttribute('title'), 'Undo delete of “Pasted headline”', 'Undo goes back to the edits');
  await context.close();
});

test('a Factmark file with another article adds and opens it; CSV export', async () => {
  const { page, context } = await openApp(env);
  const text = 'Other news\n\nThe mayor said taxes fall 3% next year.';
  const doc = {
    format: 'factmark', version: 1,
    article: { title: 'Other news', text, sha256: '' },
    annotations: [{ id: 'x-1', tag: 'figure', start: 38, end: 40, exact: '3%', prefix: '', suffix: '', note: 'check, "really"', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z' }],
  };
  await importFile(page, file('other.factmark.json', JSON.stringify(doc), 'application/json'));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Other news');
  assert.deepEqual((await marks(page)).map((m) => m.text), ['3%']);
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /CSV/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^other-news\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFid,tag,text,start,end,note,created,modified,status'));
  assert.match(csv, /x-1,figure,3%,38,40,"check, ""really""",2025-01-01T00:00:00.000Z,2025-01-01T00:00:00.000Z,anchored,{19}\r\n/, "every fact-check column after status, empty");
  await context.close();
});

test('dropping files: an article opens, a JSON file imports; Replace mode replaces', async () => {
  const { page, context } = await openApp(env);
  const drop = (name, text, type) => page.evaluate(([name, text, type]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text, type]);
  await drop('dropped.md', '# Dropped *news*\n\nThe **bank** said rates rise to 5%.\n\n- one item\n', 'text/markdown');
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Dropped news');
  assert.deepEqual(await page.$$eval('article p[data-block]', (ps) => ps.map((p) => p.textContent)), ['The bank said rates rise to 5%.', 'one item']);
  await dragSelect(page, 'The bank');
  await page.keyboard.press('q');
  const w3c = (id, exact, tag) => ({ type: 'Annotation', id, body: { type: 'TextualBody', purpose: 'tagging', value: tag }, target: { selector: { type: 'TextQuoteSelector', exact } } });
  await drop('notes.json', JSON.stringify([w3c('r1', 'rates rise', 'claim'), w3c('r2', '5%', 'figure')]), 'application/json');
  // The article has an annotation, so the import asks whether the file adds to it or replaces it.
  const choice = page.getByRole('dialog', { name: 'Import “notes.json”' });
  await choice.getByText('This article already has 1 annotation.', { exact: false }).waitFor();
  await choice.getByRole('button', { name: 'Replace these' }).click();
  await page.getByRole('status').filter({ hasText: /Imported “notes\.json”: 2 added.*1 replaced/ }).waitFor();
  assert.deepEqual((await marks(page)).map((m) => m.text), ['rates rise', '5%']);
  // The whole import is one undo step.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  assert.deepEqual((await marks(page)).map((m) => m.text), ['The bank']);
  await context.close();
});

test('a large import is saved in slices and comes back whole after a reload', async () => {
  const { page, context } = await openApp(env);
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  const all = [...text.matchAll(/[A-Za-z]{4,}/g)];
  const words = Array.from({ length: 400 }, (_, i) => all[i % all.length]);
  const list = words.map((m, i) => ({
    type: 'Annotation', id: `bulk-${i}`,
    body: { type: 'TextualBody', purpose: 'tagging', value: ['claim', 'figure', 'quote'][i % 3] },
    target: { selector: [{ type: 'TextQuoteSelector', exact: m[0] }, { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length }] },
  }));
  await importFile(page, file('bulk.json', JSON.stringify(list), 'application/json'));
  await page.getByRole('status').filter({ hasText: /400 added/ }).waitFor();
  await waitForStored(page, 400);
  await page.reload();
  await page.waitForSelector('article mark');
  assert.equal(await page.evaluate(() => new Set([...document.querySelectorAll('article mark')].flatMap((m) => m.dataset.annotationIds.split(' '))).size), 400);
  await context.close();
});

test('a large file shows a progress bar while it is read and imported', async () => {
  const { page, context, errors } = await openApp(env);
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  const all = [...text.matchAll(/[A-Za-z]{4,}/g)];
  const N = 3000;
  const list = Array.from({ length: N }, (_, i) => {
    const m = all[i % all.length];
    return {
      type: 'Annotation', id: `big-${i}`,
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }, { type: 'TextualBody', purpose: 'commenting', value: `note ${i} `.repeat(8) }],
      target: { selector: [{ type: 'TextQuoteSelector', exact: m[0] }, { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length }] },
    };
  });
  const json = JSON.stringify(list);
  assert.ok(json.length > 400000, `the file is large (${json.length} bytes)`);
  const bar = page.locator('[data-notice="busy"] progress');
  await Promise.all([
    bar.waitFor({ state: 'visible', timeout: 5000 }),
    importFile(page, file('big.json', json, 'application/json')),
  ]);
  await page.getByRole('status').filter({ hasText: `${N} added` }).waitFor();
  await bar.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('notices stack at most three, the newest; information goes by itself, errors stay; the article never moves', async () => {
  const { page, context } = await openApp(env);
  const articleTop = () => page.evaluate(() => document.querySelector('article h1').getBoundingClientRect().top);
  const top = await articleTop();
  for (let i = 1; i <= 5; i++) {
    await importFile(page, file(`broken-${i}.json`, '{"not": "closed"', 'application/json'));
    await page.locator('.notice.error').filter({ hasText: `broken-${i}.json` }).waitFor();
  }
  const shown = await page.locator('.notice').allTextContents();
  assert.equal(shown.length, 3);
  assert.equal(await articleTop(), top, 'three notices and the article has not moved');
  assert.ok(shown.every((t, k) => t.includes(`broken-${k + 3}.json`)), shown.join(' | '));
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const info = page.locator('.notice.info').filter({ hasText: 'Paste the article' });
  await info.waitFor();
  assert.equal(await page.locator('.notice').count(), 3, 'still three: the oldest error made room');
  await info.waitFor({ state: 'detached', timeout: 12000 });
  assert.equal(await page.locator('.notice.error').count(), 2, 'the errors stay');
  await context.close();
});

test('the library marks the open article, and a long title keeps Delete on its line', async () => {
  const { page, context } = await openApp(env);
  const title = 'A very long headline about the regional budget and the council’s plans for roads, schools, hospitals and the new tram line across the river';
  await openArticleFile(page, file('long.txt', `${title}\n\nThe council will spend 12 million on roads.`));
  await page.waitForFunction((t) => document.querySelector('article h1')?.textContent === t, title);
  await page.locator('details.library > summary').click();
  const current = page.locator('.library-list li.current');
  assert.equal(await current.locator('.library-open').getAttribute('aria-current'), 'true');
  assert.match(await current.textContent(), /open now/);
  assert.equal(await page.locator('.library-open[aria-current="true"]').count(), 1, 'only the open one');
  const boxes = await current.evaluate((li) => [li.querySelector('.library-open'), li.querySelector('.delete')].map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  assert.ok(boxes[1].top >= boxes[0].top - 1 && boxes[1].bottom <= boxes[0].bottom + 1, `Delete beside the title: ${JSON.stringify(boxes)}`);
  await context.close();
});
