// Phones: a 375×812 touch screen in Chromium's touch emulation. The layout fits, the panel is
// a sheet toggled from a button, and a touch selection is tagged by tapping a tag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, marks, sleep } from './helpers.mjs';
import { sheetBoxes } from './page-fns.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** Is the element's box entirely on screen? */
const onScreen = (page, selector) => page.locator(selector).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
});

/**
 * Stands in for the OS's long-press selection, which headless Chromium does not perform:
 * selects `needle` in the article the way the OS would leave it (a DOM selection), after a
 * real touch on its first word.
 */
async function touchSelect(page, needle) {
  const box = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(needle);
      if (i < 0) continue;
      n.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, i };
    }
    throw new Error(`not in the article: ${needle}`);
  }, needle);
  await page.touchscreen.tap(box.x, box.y);
  await page.evaluate(({ needle }) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(needle);
      if (i >= 0) { getSelection().setBaseAndExtent(n, i, n, i + needle.length); return; }
    }
  }, { needle });
}

test('phone: the layout fits, the panel is a sheet, touch select and tap a tag', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector('article p[data-block]');

  // Nothing is wider than the screen, and the sheet starts closed (and out of the tab order).
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), 375);
  const toggle = page.getByRole('button', { name: /^Annotations \(\d+\)$/ });
  assert.ok(await onScreen(page, '.sheet-toggle'), 'the sheet toggle is on screen');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#annotations-panel').isVisible(), false);

  // Touch-select a figure and tap "Figure" on the toolbar, which stays on screen.
  await touchSelect(page, '$14.8 trillion');
  const figure = page.getByRole('button', { name: 'Figure', exact: true });
  await figure.waitFor();
  assert.ok(await onScreen(page, '[role="toolbar"]'), 'the toolbar is on screen');
  const tb = await page.locator('[role="toolbar"]').boundingBox();
  const sel = await page.evaluate(() => getSelection().getRangeAt(0).getBoundingClientRect().toJSON());
  assert.ok(tb.y > sel.bottom || tb.y + tb.height < sel.top, 'the toolbar does not cover the selection');
  await figure.tap();
  let ms = await marks(page);
  assert.deepEqual(ms.map((m) => [m.text, m.tags.join()]), [['$14.8 trillion', 'figure']]);
  assert.equal(await toggle.textContent(), 'Annotations (1)');

  // Tapping the highlight opens it in the sheet; the note can be typed; ✕ closes the sheet.
  await page.locator('article mark').first().tap();
  await page.locator('#annotations-panel.open .editor').waitFor();
  await sleep(300); // the sheet slides in
  assert.ok(await onScreen(page, '#annotations-panel'), 'the open sheet is on screen');
  await page.getByRole('textbox', { name: 'Note' }).tap();
  await page.keyboard.type('Forbes, 2023');
  await page.getByRole('button', { name: 'Close annotations' }).tap();
  await sleep(300);
  assert.equal(await page.locator('#annotations-panel').isVisible(), false);

  // The toggle opens the list; a row tap shows the highlight and closes the sheet.
  await toggle.tap();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const row = page.locator('[aria-label="Annotations"] [data-annotation-id] button.row').first();
  assert.match(await row.textContent(), /Forbes, 2023/);
  await row.tap();
  await sleep(300);
  assert.equal(await page.locator('#annotations-panel').isVisible(), false);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), 375);
  assert.deepEqual(errors, []);

  await context.close();
});

test('phone 390×844: the open sheet never covers the highlight being edited, and its ✕ shows', async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('article p[data-block]');
  // The article's last word: the hardest case, at the very bottom of the page.
  await touchSelect(page, 'Luhansk');
  await page.getByRole('button', { name: 'Claim', exact: true }).tap();
  const mark = page.locator('article mark').first();
  await mark.waitFor();
  await page.evaluate(() => scrollTo(0, document.scrollingElement.scrollHeight));
  await sleep(100);
  const before = await mark.evaluate((m) => m.getBoundingClientRect().top);
  assert.ok(before > 844 * 0.25, `the highlight starts low on the screen (${before})`);
  await mark.tap();
  await page.locator('#annotations-panel.open .editor').waitFor();
  await sleep(400); // the sheet slides in
  const b = await page.evaluate(sheetBoxes);
  assert.ok(b.mark[0] >= 0 && b.mark[1] <= b.sheet, `the highlight (${b.mark}) is above the sheet (${b.sheet})`);
  assert.ok(b.editor >= b.head - 1 && b.editor < b.head + 100, `the editor starts (${b.editor}) right under the sheet's head (${b.head})`);
  assert.ok(b.close, 'the sheet’s ✕ is on screen');
  assert.equal(await page.locator('.tooltip').isVisible(), false, 'a tap shows no hover tooltip over the text');
  await page.getByRole('button', { name: 'Close annotations' }).tap();
  await sleep(300);
  assert.equal(await page.locator('#annotations-panel').isVisible(), false);
  await context.close();
});

test('phone 390×844: the top bar is one row under 56 px; its Menu opens the articles and files group', async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('article p[data-block]');
  const bar = await page.locator('header.topbar').boundingBox();
  assert.ok(bar.height < 56, `the top bar is ${bar.height} px high`);
  for (const name of ['Undo', 'Download JSON']) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    assert.ok(box && box.y >= bar.y && box.y + box.height <= bar.y + bar.height && box.x + box.width <= 390, `${name} is in the bar`);
  }
  assert.equal(await page.locator('#topbar-more').isVisible(), false, 'the group starts folded');
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.tap();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('button', { name: 'New article' }).waitFor();
  assert.equal((await page.locator('header.topbar').boundingBox()).height, bar.height, 'opening it does not grow the bar');
  await menu.tap();
  assert.equal(await page.locator('#topbar-more').isVisible(), false);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), 390, 'nothing is wider than the screen');
  // The annotations toggle is a docked bar, and the article's last line scrolls above it.
  const docked = await page.evaluate(async () => {
    scrollTo(0, document.scrollingElement.scrollHeight);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const bar = document.querySelector('.sheet-toggle').getBoundingClientRect();
    const blocks = document.querySelectorAll('article [data-block]');
    const last = blocks[blocks.length - 1].getBoundingClientRect();
    return { width: bar.width, bottom: bar.bottom, lastBottom: last.bottom, barTop: bar.top };
  });
  assert.equal(docked.width, 390, 'full width, docked');
  assert.ok(docked.lastBottom <= docked.barTop, `the last line (${docked.lastBottom}) is above the bar (${docked.barTop})`);
  await context.close();
});
