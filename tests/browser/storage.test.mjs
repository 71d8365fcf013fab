// Storage that grows with the library: the app keeps its work in IndexedDB, migrates what an
// older version left in localStorage (and keeps the old keys), and what an import says it
// added is there after a reload, at 10,000 and 100,000 annotations, far past localStorage's
// quota of about 5 MB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, dragSelect, marks, sleep, storedAnnotations } from './helpers.mjs';
import * as inPage from './page-fns.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

/** The app's own count of the open article's annotations, from the "Annotations (n)" button. */
const countShown = (page, n) => page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent === `Annotations (${n})`), n, { timeout: 120000 });

for (const N of [10000, 100000]) {
  test(`importing ${N} annotations: a reload shows exactly what was accepted`, { timeout: 300000 }, async () => {
    const { page, context, errors } = await openApp(env);
    // One distinct word per annotation: an article of N numbered words in paragraphs of 50.
    const words = Array.from({ length: N }, (_, i) => `w${i}x`);
    const paragraphs = [];
    for (let i = 0; i < N; i += 50) paragraphs.push(words.slice(i, i + 50).join(' '));
    const article = `Bulk ${N}\n\n${paragraphs.join('\n\n')}`;
    await page.getByLabel('Open article').setInputFiles({ name: 'bulk.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
    await page.locator('article h1', { hasText: `Bulk ${N}` }).waitFor({ timeout: 60000 });
    // Code-point offsets of each word in the canonical text (headline, blank line, paragraphs).
    const list = [];
    let at = `Bulk ${N}\n\n`.length;
    for (let p = 0; p < paragraphs.length; p++) {
      for (const w of words.slice(p * 50, p * 50 + 50)) {
        list.push({ type: 'Annotation', id: `urn:uuid:00000000-0000-4000-8000-${String(list.length).padStart(12, '0')}`, target: { selector: { type: 'TextPositionSelector', start: at, end: at + w.length } } });
        at += w.length + 1;
      }
      at += 1; // the paragraph's last space became the separator's first newline
    }
    const file = Buffer.from(JSON.stringify(list));
    assert.ok(file.length > 5 * 1024 * 1024 || N < 100000, 'the large case is past localStorage quota');
    await page.getByLabel('Import annotations').setInputFiles({ name: 'bulk.json', mimeType: 'application/json', buffer: file });
    const notice = page.locator('.notice').filter({ hasText: 'Imported “bulk.json”' });
    await notice.waitFor({ timeout: 120000 });
    const said = await notice.textContent();
    assert.match(said, new RegExp(`${N} added`), said);
    assert.doesNotMatch(said, /not saved/, said);
    // Written to IndexedDB: wait until the store holds them all, then reload.
    const until = Date.now() + 60000;
    while ((await storedAnnotations(page)) !== N) {
      assert.ok(Date.now() < until, `storage holds ${await storedAnnotations(page)} of ${N}`);
      await sleep(500);
    }
    const local = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('factmark:ann:')).length);
    assert.equal(local, 0, 'the annotations went to IndexedDB, not localStorage');
    await page.reload();
    await page.locator('article h1', { hasText: `Bulk ${N}` }).waitFor({ timeout: 120000 });
    await countShown(page, N);
    assert.equal(await storedAnnotations(page), N);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('work saved by an older version in localStorage is migrated to IndexedDB, and the old keys stay', async () => {
  const { page, context } = await openApp(env);
  await dragSelect(page, '$14.8 trillion');
  await page.keyboard.press('f');
  await sleep(500);
  const items = await page.evaluate(inPage.stored);
  const saved = Object.fromEntries(Object.entries(items).filter(([k]) => k.startsWith('factmark:doc:') || k.startsWith('factmark:ann:')));
  assert.ok(Object.keys(saved).length >= 2, 'the article part and a chunk');
  // As an older version left it: the work in localStorage, no database.
  await page.evaluate((saved) => {
    for (const [k, v] of Object.entries(saved)) localStorage.setItem(k, v);
    indexedDB.deleteDatabase('factmark');
  }, saved);
  await page.reload();
  await page.waitForSelector('article mark');
  assert.deepEqual((await marks(page)).map((m) => m.text), ['$14.8 trillion'], 'the old work opens');
  const after = await page.evaluate(inPage.stored);
  for (const [k, v] of Object.entries(saved)) assert.equal(after[k], v, `${k} was copied byte for byte`);
  assert.ok(after['factmark:migrated-from-localstorage'], 'the migration is recorded');
  const kept = await page.evaluate((keys) => keys.every((k) => localStorage.getItem(k) !== null), Object.keys(saved));
  assert.ok(kept, 'the old keys are kept');
  // The library menu says how much room is used and left.
  await page.getByText('Articles', { exact: true }).click();
  await page.locator('[data-space]', { hasText: /IndexedDB: \d+\.\d MB used, \d+ MB free/ }).waitFor();
  await context.close();
});

test('an article kept in IndexedDB but not read at start opens with its annotations, from its file or its library row', async () => {
  const { page, context, errors } = await openApp(env);
  const openFile = async (name, text) => {
    await page.getByLabel('Open article').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.locator('article h1', { hasText: text.split('\n')[0] }).waitFor();
  };
  const first = 'Kept headline\n\nThe council spent 42 million on roads last year, the report said.';
  await openFile('kept.txt', first);
  await dragSelect(page, '42 million');
  await page.keyboard.press('f');
  await page.locator('article mark').waitFor();
  await openFile('other.txt', 'Other headline\n\nA second article, opened last, so the first is not read at the next start.');
  await sleep(500);
  await page.reload();
  await page.locator('article h1', { hasText: 'Other headline' }).waitFor();
  // Opened again from the same file: the kept figure is read first, not overwritten by an empty save.
  await openFile('kept.txt', first);
  await page.locator('article mark').waitFor();
  assert.deepEqual((await marks(page)).map((m) => m.text), ['42 million']);
  await page.reload();
  await page.locator('article h1', { hasText: 'Kept headline' }).waitFor();
  await page.locator('article mark').waitFor();
  assert.deepEqual((await marks(page)).map((m) => m.text), ['42 million'], 'and it is still kept after a reload');
  assert.deepEqual(errors, []);
  await context.close();
});
