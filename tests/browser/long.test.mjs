// A long article: highlights are drawn only near the viewport (the rest is bare text), yet
// every highlight is there when it is looked at: scrolling shows them, `[` and the panel bring a
// far one in, undo leaves no stale one behind, and printing shows them all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, dragSelect } from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const PARAS = 200;
const filler = 'The ministry said the figures were provisional and would be revised after the audit, which is due in the spring, while critics argued that the method had changed twice since the last report and that comparisons with earlier years were therefore hard to make. ';
const ARTICLE = ['Long report', ...Array.from({ length: PARAS }, (_, i) => `${filler}Item word${i}end closes paragraph ${i}. ${filler}`)].join('\n\n');

/** Distinct annotation ids among the highlights in the page. */
const markedIds = async (page) => new Set(await page.evaluate(() => [...document.querySelectorAll('article mark')].flatMap((m) => m.dataset.annotationIds.split(' '))));

test('a long article draws highlights near the viewport and brings far ones in when needed', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openApp(env);
  await page.getByLabel('Open article').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
  await page.locator('article h1', { hasText: 'Long report' }).waitFor();
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  const list = [...text.matchAll(/word\d+end/g)].map((m, i) => ({
    type: 'Annotation', id: `w-${i}`,
    body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
    target: { selector: [{ type: 'TextQuoteSelector', exact: m[0] }, { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length }] },
  }));
  assert.equal(list.length, PARAS);
  await page.getByLabel('Import annotations').setInputFiles({ name: 'w.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) });
  await page.getByRole('status').filter({ hasText: `${PARAS} added` }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  // Near the top: its highlights are drawn, the far ones are bare text (but the text is there).
  let ids = await markedIds(page);
  assert.ok(ids.has('w-0') && ids.has('w-1'), 'highlights on screen are drawn');
  assert.ok(!ids.has(`w-${PARAS - 1}`) && ids.size < PARAS / 2, `only blocks near the viewport carry highlights (${ids.size})`);
  assert.match(await page.locator('article').textContent(), new RegExp(`word${PARAS - 1}end closes`));

  // The panel holds a window of the 200 rows; scrolled to the end, the last row is there, in
  // its place (rows before the window are padding).
  await page.locator('#annotations-panel .list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator(`[data-annotation-id="w-${PARAS - 1}"]`).waitFor();
  const row = await page.evaluate((id) => {
    const li = document.querySelector(`[data-annotation-id="${id}"]`);
    const ol = li.closest('ol');
    return { top: li.getBoundingClientRect().top - ol.getBoundingClientRect().top, rows: ol.children.length };
  }, `w-${PARAS - 1}`);
  assert.equal(row.top, (PARAS - 1) * 76);
  assert.ok(row.rows < PARAS, `the list is windowed (${row.rows} rows in the DOM)`);
  await page.locator('#annotations-panel .list').evaluate((el) => { el.scrollTop = 0; });

  // `[` with nothing selected goes to the last highlight, far below: it is drawn and focused.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('[');
  await page.waitForFunction((id) => document.activeElement?.matches?.('mark') && document.activeElement.dataset.annotationIds.split(' ').includes(id), `w-${PARAS - 1}`);
  await page.keyboard.press('Escape');

  // Back at the top, then scrolling down the middle: highlights appear as their blocks come near.
  await page.evaluate(() => window.scrollTo(0, 0));
  const mid = PARAS / 2;
  await page.evaluate((n) => [...document.querySelectorAll('article [data-block]')][n + 1].scrollIntoView({ block: 'center' }), mid);
  await page.waitForFunction((id) => [...document.querySelectorAll('article mark')].some((m) => m.dataset.annotationIds === id), `w-${mid}`);
  assert.ok(await page.evaluate((id) => {
    const m = [...document.querySelectorAll('article mark')].find((x) => x.dataset.annotationIds === id);
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, `w-${mid}`), 'the highlight in view is drawn');

  // Undo the import from the top: no block keeps a stale highlight, near or far.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length === 0);
  await page.evaluate((n) => [...document.querySelectorAll('article [data-block]')][n + 1].scrollIntoView({ block: 'center' }), mid);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('article mark').count(), 0, 'far blocks dropped their highlights too');

  // Redo, then print: every highlight is in the printout's markup.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0);
  assert.ok((await markedIds(page)).size < PARAS);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.equal((await markedIds(page)).size, PARAS, 'printing draws every highlight');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));

  assert.deepEqual(errors, []);
  await context.close();
});

test('a selection in a paragraph that is redrawn stays selected', async () => {
  const { page, context, errors } = await openApp(env);
  // Select a phrase with the mouse, then let an import redraw its paragraph.
  const PHRASE = 'They control areas with large mineral deposits.';
  await dragSelect(page, PHRASE);
  assert.equal(await page.evaluate(() => getSelection().toString()), PHRASE);
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  const at = text.indexOf(PHRASE) - 30;
  const word = text.slice(at, at + 200).match(/[A-Za-z]{5,}/);
  const start = at + word.index;
  const list = [{ type: 'Annotation', id: 'same-block', body: { type: 'TextualBody', purpose: 'tagging', value: 'figure' },
    target: { selector: [{ type: 'TextQuoteSelector', exact: word[0] }, { type: 'TextPositionSelector', start, end: start + word[0].length }] } }];
  const before = await page.locator('article mark').count();
  await page.getByLabel('Import annotations').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) });
  await page.waitForFunction((n) => document.querySelectorAll('article mark').length > n, before);
  assert.equal(await page.evaluate(() => getSelection().toString()), PHRASE, 'the redraw kept the selection');
  assert.deepEqual(errors, []);
  await context.close();
});
