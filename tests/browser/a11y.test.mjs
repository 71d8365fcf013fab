// Keyboard-only annotation (no mouse event at all), focus visibility, Esc, and an axe-core
// audit of every main view. Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startAll, openApp, marks, dragSelect } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const announced = (page) => page.locator('#announcer').textContent();

/** Counts every mouse and pointer event the page sees, so a test can prove it used none. */
async function countMouse(page) {
  await page.evaluate(() => {
    window.__mouse = 0;
    for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mousemove', 'pointermove', 'touchstart']) {
      window.addEventListener(t, () => { window.__mouse += 1; }, true);
    }
  });
  return () => page.evaluate(() => window.__mouse);
}

/** Presses Tab until `pred` holds for the focused element; returns how many presses it took. */
async function tabUntil(page, pred, max = 40) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return i;
  }
  throw new Error('Tab never reached the element');
}

test('keyboard only: caret to a figure, select by word, tag, open, edit, delete, undo', async () => {
  const { page, context, errors } = await openApp(env);
  const mouseEvents = await countMouse(page);

  // Tab reaches the article, with a visible focus ring on every stop on the way.
  const unringed = [];
  const presses = await tabUntil(page, () => {
    const el = document.activeElement;
    const ringed = (e) => e && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) > 0;
    if (!(ringed(el) || ringed(el.closest('label')))) window.__unringed = [...(window.__unringed ?? []), el.outerHTML.slice(0, 80)];
    return el.matches('article');
  });
  unringed.push(...(await page.evaluate(() => window.__unringed ?? [])));
  assert.deepEqual(unringed, [], 'every focused control shows a focus ring');
  assert.ok(presses <= 20, `the article is reached in ${presses} Tab presses`);
  // The keyboard help shows while the article has keyboard focus, and is its description.
  const help = page.locator('#article-keys');
  assert.ok(await help.isVisible() && (await help.boundingBox()).width > 100, 'the keyboard help is shown');
  assert.equal(await page.locator('article').getAttribute('aria-describedby'), 'article-keys');

  // Ctrl+Down to the paragraph, then Ctrl+Right word by word until "$14.8" is read out.
  await page.keyboard.press('Control+ArrowDown');
  let heard = '';
  for (let i = 0; i < 800 && heard !== '$14.8'; i++) {
    await page.keyboard.press('Control+ArrowRight');
    heard = await announced(page);
  }
  assert.equal(heard, '$14.8', 'word moves are read out');
  assert.equal(await page.locator('.caret').count(), 1, 'the caret is drawn');
  // Back to the start of "14.8", one glyph left (before "$"), then select two words.
  await page.keyboard.press('Control+ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  assert.equal(await page.evaluate(() => String(getSelection())), '$14.8 trillion');
  assert.equal(await announced(page), 'Selected: $14.8 trillion');
  await page.locator('[role="toolbar"]').waitFor({ timeout: 2000 });
  assert.equal(await page.locator('[role="toolbar"]').count(), 1, 'the toolbar offers the tags');
  await page.keyboard.press('f');
  let ms = await marks(page);
  assert.deepEqual(ms.map((m) => [m.text, m.tags.join()]), [['$14.8 trillion', 'figure']]);
  assert.match(await announced(page), /^Figure added: \$14\.8 trillion/);

  // Shift+End from the caret (after the figure) selects to the end of the paragraph; Q tags it.
  await page.keyboard.press('Shift+End');
  const rest = await page.evaluate(() => String(getSelection()));
  assert.match(rest, /^, highlighting a key factor/);
  await page.keyboard.press('q');
  ms = await marks(page);
  assert.equal(ms.length, 2);

  // ] goes to the first highlight, Enter opens it in the editor with focus on the note.
  await page.keyboard.press('Escape');
  await page.keyboard.press('BracketRight');
  // Focus lands a frame later, after the paragraph is redrawn with the selection.
  await page.waitForFunction(() => document.activeElement.tagName === 'MARK', null, { timeout: 2000 });
  const first = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(first, '$14.8 trillion');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'tag-desc-figure');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.matches('.editor textarea.note'));
  await page.keyboard.type('Forbes 2023, checked by keyboard');
  assert.equal(await page.locator('[aria-label="Annotations"] .note-preview').first().textContent(), 'Forbes 2023, checked by keyboard');

  // Esc returns to the highlight; Delete removes it; Ctrl+Z brings it back.
  await page.keyboard.press('Escape');
  // Focus lands a frame later, after the paragraph is redrawn with the selection.
  await page.waitForFunction(() => document.activeElement.tagName === 'MARK', null, { timeout: 2000 });
  await page.keyboard.press('Delete');
  assert.equal(await announced(page), 'Annotation deleted, press Ctrl+Z to undo');
  assert.equal((await marks(page)).filter((m) => m.tags.includes('figure')).length, 0);
  await page.keyboard.press('Control+z');
  assert.equal((await marks(page)).filter((m) => m.tags.includes('figure')).length, 1);

  assert.equal(await mouseEvents(), 0, 'no mouse or pointer event was used');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Esc closes the toolbar and the dialogs', async () => {
  const { page, context } = await openApp(env);
  await tabUntil(page, () => document.activeElement.matches('article'));
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.locator('[role="toolbar"]').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[role="toolbar"]').count(), 0);

  await page.getByRole('button', { name: 'New article' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('dialog[open]').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('dialog[open]').count(), 0);

  // Menus close on Esc and give focus back to their button; so does the report.
  await page.locator('details.library > summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.library[open]').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.menu[open]').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.matches('details.library > summary')), true);
  await page.locator('details.menu:not(.library) > summary').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /printable report/i }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.report-view').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.report-view').count(), 0);
  await context.close();
});

/** Serious and critical axe violations on the page as it is now, as readable lines. */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core finds no serious or critical problem in any main view', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openApp(env);
    await page.emulateMedia({ colorScheme: scheme });
    const views = {};
    views.article = await audit(page);

    // Annotations of every tag, one selected (the editor and its check fields open).
    await page.locator('article').focus();
    await page.keyboard.press('Control+ArrowDown');
    for (const key of ['c', 'f', 'q']) {
      await page.keyboard.press('Control+Shift+ArrowRight');
      if (key === 'c') views.toolbar = await audit(page);
      await page.keyboard.press(key);
      await page.keyboard.press('Control+ArrowRight');
    }
    await page.locator('[aria-label="Annotations"] [data-annotation-id] button').first().click();
    await page.locator('.editor').waitFor();
    views.panel = await audit(page);

    await page.getByRole('button', { name: 'New article' }).click();
    views['new article dialog'] = await audit(page);
    await page.keyboard.press('Escape');

    await page.locator('details.library > summary').click();
    views['articles menu'] = await audit(page);
    await page.locator('details.library > summary').click();

    await page.locator('details.menu:not(.library) > summary').click();
    views['export menu'] = await audit(page);
    await page.locator('details.menu:not(.library) > summary').click();

    const profile = page.getByRole('button', { name: /checker|profile/i }).first();
    await profile.click();
    views['profile dialog'] = await audit(page);
    await page.keyboard.press('Escape');

    await page.locator('details.menu:not(.library) > summary').click();
    await page.getByRole('button', { name: /printable report/i }).click();
    await page.locator('.report-view .report-body').waitFor();
    views.report = await audit(page);

    const bad = Object.entries(views).filter(([, v]) => v.length > 0);
    assert.deepEqual(bad, [], `${scheme} scheme`);
    assert.ok(Object.keys(views).length >= 8);
    await context.close();
  }
});

test('] then Enter on a highlight inside another opens the one ] went to', async () => {
  const { page, context, errors } = await openApp(env);
  await dragSelect(page, 'the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion');
  await page.keyboard.press('c');
  await dragSelect(page, '$14.8 trillion');
  await page.keyboard.press('f');
  await page.keyboard.press('Escape');
  const editorTag = () => page.getByRole('region', { name: 'Selected annotation' }).getByRole('combobox', { name: 'Tag' }).inputValue();
  for (const want of ['claim', 'figure']) {
    await page.keyboard.press('BracketRight');
    await page.waitForFunction(() => document.activeElement.tagName === 'MARK', null, { timeout: 2000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.matches('.editor textarea.note'));
    assert.equal(await editorTag(), want, `Enter opens the ${want} ] went to`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement.tagName === 'MARK', null, { timeout: 2000 });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('? opens the list of every shortcut and Esc closes it; a click on the article draws no focus ring', async () => {
  const { page, context, errors } = await openApp(env);
  await page.locator('article p[data-block]').nth(1).click();
  assert.equal(await page.evaluate(() => document.querySelector('article.article').matches(':focus-visible')), false, 'no ring after a click');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const keys = await dialog.locator('dt').allTextContents();
  for (const k of ['C, F, Q', 'S', '] and [', 'Enter', 'Esc', 'Ctrl + Z', '?']) assert.ok(keys.includes(k), `${k} is listed: ${keys}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('?');
  await dialog.waitFor();
  await page.keyboard.press('Enter'); // the Close button has focus
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});
