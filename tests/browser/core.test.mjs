// The core journey of issue 2, driven as a person would: real mouse drags, key presses,
// reload, download. Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startAll, openApp, dragSelect, marks, textOf, panelIds, sleep } from './helpers.mjs';
import * as inPage from './page-fns.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const FIGURE = '$14.8 trillion';
const SENTENCE = 'They control areas with large mineral deposits.';
const CLAIM = 'the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion';
const SAVE_KEY_PREFIX = 'factmark:doc:';

// What the app's storage holds for the open article: the article part plus its annotation chunks.
const savedDoc = async (page) => {
  const items = await page.evaluate(inPage.stored);
  const keys = Object.keys(items);
  const docKey = keys.find((k) => k.startsWith(SAVE_KEY_PREFIX));
  const doc = docKey ? JSON.parse(items[docKey]) : null;
  const chunks = keys.filter((k) => k.startsWith('factmark:ann:')).flatMap((k) => JSON.parse(items[k]));
  return doc ? { ...doc, annotations: [...doc.annotations, ...chunks] } : null;
};
const storedValue = async (page, key) => (await page.evaluate(inPage.stored))[key];

test('renders the default article', async () => {
  const { page, context, errors } = await openApp(env);
  assert.equal(await page.locator('article').count(), 1);
  assert.equal(await page.locator('article h1').textContent(),
    'Zelensky signals willingness for U.S.-Ukraine partnerships in rare earth mining');
  assert.equal(await page.locator('article p[data-block]').count(), 5);
  assert.equal(await page.locator('article time').getAttribute('datetime'), '2025-02-04T20:58:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('annotate, overlap, reload, download, delete, undo and redo', async () => {
  const { page, context, errors } = await openApp(env);

  // 1. Drag-select "$14.8 trillion" with the mouse and click Figure.
  await dragSelect(page, FIGURE);
  const figureButton = page.getByRole('button', { name: 'Figure', exact: true });
  await figureButton.waitFor();
  await figureButton.click();
  let ms = await marks(page);
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0].tags, ['figure']);
  assert.equal(ms[0].text, FIGURE);
  assert.equal(await page.locator('[role="toolbar"]').count(), 0, 'toolbar closes after tagging');

  // Every change reaches localStorage within 300 ms.
  await sleep(300);
  assert.equal((await savedDoc(page))?.annotations.length, 1);

  // 2. Select a sentence and press Q.
  await dragSelect(page, SENTENCE);
  await page.keyboard.press('q');
  ms = await marks(page);
  const quote = ms.find((m) => m.tags.includes('quote'));
  assert.equal(quote?.text, SENTENCE);

  // 3. An overlapping claim: the figure's segment now carries both annotations.
  await dragSelect(page, CLAIM);
  await page.getByRole('button', { name: 'Claim', exact: true }).click();
  ms = await marks(page);
  const both = ms.find((m) => m.text === FIGURE);
  assert.ok(both, 'the figure is still its own segment');
  assert.equal(both.ids.length, 2);
  assert.deepEqual(both.tags, ['claim', 'figure']);
  const ids = await panelIds(page);
  assert.equal(ids.length, 3);
  const claimText = await Promise.all(ids.map((id) => textOf(page, id)));
  assert.ok(claimText.includes(CLAIM), `claim text: ${claimText}`);

  // Panel items are in document order: quote (paragraph 2) before the claim and figure.
  const panelTags = await page.$$eval('[aria-label="Annotations"] [data-annotation-id]', (li) => li.map((x) => x.dataset.tag));
  assert.deepEqual(panelTags, ['quote', 'claim', 'figure']);

  // 4. Reload: all three are back, exactly.
  const before = await marks(page);
  await sleep(300);
  await page.reload();
  await page.waitForSelector('article mark');
  assert.deepEqual(await marks(page), before);
  assert.deepEqual(await panelIds(page), ids);

  // 5. Download: exact equals text[start:end] in code points.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(),
    'zelensky-signals-willingness-for-u-s-ukraine-partnerships-in-rare-earth-mining-2025-02-04.factmark.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'factmark');
  assert.equal(file.version, 1);
  assert.equal(file.annotations.length, 3);
  const cps = [...file.article.text];
  for (const a of file.annotations) {
    assert.equal(cps.slice(a.start, a.end).join(''), a.exact);
    assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(a.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  }
  assert.deepEqual(file.annotations.map((a) => a.exact).sort(), [CLAIM, FIGURE, SENTENCE].sort());

  // 6. Delete one, then undo and redo (keyboard), and undo again with the button.
  const quoteItem = page.locator('[data-annotation-id]', { hasText: SENTENCE });
  await quoteItem.getByRole('button').click();
  await page.getByRole('region', { name: 'Selected annotation' }).getByRole('button', { name: 'Delete annotation' }).click();
  assert.equal((await panelIds(page)).length, 2);
  assert.equal((await marks(page)).filter((m) => m.tags.includes('quote')).length, 0);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  assert.equal((await panelIds(page)).length, 3);
  assert.equal((await marks(page)).filter((m) => m.tags.includes('quote')).length, 1);
  await page.keyboard.press('Control+Shift+z');
  assert.equal((await panelIds(page)).length, 2);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal((await panelIds(page)).length, 3);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  assert.equal((await panelIds(page)).length, 2);

  assert.deepEqual(errors, []);
  await context.close();
});

test('notes, retagging, hover, click-to-select and the filter', async () => {
  const { page, context } = await openApp(env);
  await dragSelect(page, 'Donetsk, Dnipropetrovsk, and Luhansk');
  await page.keyboard.press('c');
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  const note = editor.getByRole('textbox', { name: 'Note' });
  await note.fill('Three regions <script>window.__pwned = 1</script>');
  await sleep(300);
  assert.equal((await savedDoc(page)).annotations[0].note, 'Three regions <script>window.__pwned = 1</script>');
  assert.match(await page.locator('[data-annotation-id]').first().textContent(), /Three regions <script>/, 'the row shows the note, as text');

  // Hovering the highlight shows its tag and note, as text (never as HTML).
  const mark = page.locator('article mark').first();
  await mark.hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /Claim.*Three regions <script>/);
  // The hovered highlight is shaded along with its tooltip, and the shade goes when the pointer does.
  assert.equal(await mark.getAttribute('data-hover'), '');
  assert.notEqual(await mark.evaluate((m) => getComputedStyle(m).boxShadow), 'none');
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'detached' });
  assert.equal(await page.locator('article mark[data-hover]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Retag from the panel.
  await editor.getByRole('combobox', { name: 'Tag' }).selectOption('quote');
  assert.deepEqual((await marks(page))[0].tags, ['quote']);

  // Undo the retag, then the note (typing is one step).
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  assert.deepEqual((await marks(page))[0].tags, ['claim']);
  await page.keyboard.press('Control+z');
  assert.equal(await note.inputValue(), '');

  // Clicking a highlight selects its panel item.
  await page.locator('article mark').first().click();
  await page.waitForSelector('[data-annotation-id][aria-current="true"]');

  // Filter by tag.
  await page.getByRole('button', { name: /^Figure \d+$/ }).click();
  assert.equal(await page.locator('[data-annotation-id]').count(), 0);
  await page.getByRole('button', { name: /^All \d+$/ }).click();
  assert.equal(await page.locator('[data-annotation-id]').count(), 1);

  // Keyboard: ] focuses the next highlight, which shows its tooltip.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press(']');
  // Focus lands a frame later, after the paragraph is redrawn with the selection.
  await page.waitForFunction(() => document.activeElement.tagName === 'MARK', null, { timeout: 2000 });
  await page.getByRole('tooltip').waitFor();
  await context.close();
});

test('whitespace selections do nothing, duplicates are not created, selections snap to words', async () => {
  const { page, context } = await openApp(env);
  // Part of a word snaps outward to the whole word.
  await dragSelect(page, 'rillio');
  await page.keyboard.press('f');
  assert.equal((await marks(page))[0].text, 'trillion');
  // Same range, same tag: no duplicate.
  await dragSelect(page, 'trillion');
  await page.keyboard.press('f');
  assert.equal((await panelIds(page)).length, 1);
  // A different tag on the same range is a second annotation.
  await dragSelect(page, 'trillion');
  await page.keyboard.press('c');
  assert.equal((await panelIds(page)).length, 2);
  await context.close();
});

test('corrupt saved state: the app opens, says so, and keeps a backup', async () => {
  const { page, context } = await openApp(env);
  const key = `${SAVE_KEY_PREFIX}bbab0af4690cf5947330aeaf7f855f4b7e0a4d046e3e58974a0ad6286674cb05`;
  await page.evaluate(inPage.stored, { [key]: '{"format":"factmark", broken' });
  await page.reload();
  await page.waitForSelector('article p[data-block]');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /line 1, column \d+/);
  const backups = Object.keys(await page.evaluate(inPage.stored)).filter((k) => k.startsWith('factmark:backup:'));
  assert.equal(backups.length, 1);
  assert.equal(await storedValue(page, backups[0]), '{"format":"factmark", broken');
  assert.equal(await page.locator('article p[data-block]').count(), 5);
  // New work saves normally under the main key; the backup stays.
  await dragSelect(page, 'Luhansk');
  await page.keyboard.press('c');
  await sleep(300);
  assert.equal((await savedDoc(page)).annotations.length, 1);
  assert.equal(JSON.parse(await storedValue(page, key)).format, 'factmark', 'the article part was rewritten');
  assert.equal(await storedValue(page, backups[0]), '{"format":"factmark", broken');
  await context.close();
});

test('a full storage quota shows a warning and keeps the work in memory', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => {
    // Both stores the app may use refuse every write, as a full disk does.
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await dragSelect(page, 'Luhansk');
  await page.keyboard.press('c');
  const warning = page.getByRole('alert').filter({ hasText: 'storage for this page is full' });
  await warning.waitFor();
  assert.equal((await panelIds(page)).length, 1);
  await context.close();
});

test('Ctrl+Z in the note undoes the whole note, as the Undo button does; Ctrl+Shift+Z brings it back', async () => {
  const { page, context } = await openApp(env);
  await dragSelect(page, 'Donetsk, Dnipropetrovsk, and Luhansk');
  await page.keyboard.press('c');
  const note = page.getByRole('region', { name: 'Selected annotation' }).getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Three regions, one claim');
  await page.keyboard.press('Control+z');
  assert.equal(await note.inputValue(), '', 'the whole note, in one step');
  assert.equal((await marks(page)).length, 1, 'the claim itself stays');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await note.inputValue(), 'Three regions, one claim');
  await context.close();
});
