// Issue 14, item 4: "Suggest" scans the article for claims, figures and quotes; candidates are
// drawn apart from annotations, listed best first, never saved until accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, marks, panelIds, storedAnnotations, sleep } from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const inArticle = (page) => page.$$eval('article [data-suggestion]', (els) => els.map((e) => ({
  kind: e.dataset.suggestion, score: Number(e.dataset.score), key: e.dataset.candidate, text: e.textContent,
})));
const listed = (page) => page.$$eval('[aria-label="Suggestions"] [data-suggestion-id]', (els) => els.map((e) => ({
  id: e.dataset.suggestionId, kind: e.dataset.kind, score: Number(e.dataset.score), text: e.querySelector('q').textContent,
})));

test('Suggest (key S) draws and lists claims, figures and quotes; accept, accept all, dismiss; nothing saved until accepted', async () => {
  const { page, errors } = await openApp(env);
  await page.locator('article').focus();
  await page.keyboard.press('s');
  await page.waitForSelector('[aria-label="Suggestions"] [data-suggestion-id]');
  const drawn = await inArticle(page);
  const items = await listed(page);
  for (const kind of ['claim', 'figure', 'quote']) assert.ok(drawn.some((d) => d.kind === kind), `the article draws ${kind} suggestions`);
  assert.ok(drawn.every((d) => d.score >= 0 && d.score <= 1), 'scores are 0–1');
  assert.deepEqual(new Set(drawn.map((d) => d.key)), new Set(items.map((i) => i.id)), 'the article and the panel show the same candidates');
  assert.equal(new Set(drawn.map((d) => d.key)).size, drawn.length, 'one element per candidate');
  assert.deepEqual(items.map((i) => i.score), [...items.map((i) => i.score)].sort((a, b) => b - a), 'listed best first');
  assert.ok(drawn.some((d) => d.kind === 'figure' && d.text === '$14.8 trillion'), JSON.stringify(drawn.filter((d) => d.kind === 'figure')));
  assert.equal((await marks(page)).length, 0, 'suggestions are not highlights');
  assert.equal((await storedAnnotations(page)), 0, 'nothing is saved');

  // Accept one figure: it becomes a normal annotation with its value, and leaves the list.
  const fig = items.find((i) => i.kind === 'figure' && i.text === '$14.8 trillion');
  await page.locator(`[data-suggestion-id="${fig.id}"]`).getByRole('button', { name: 'Accept' }).click();
  await page.waitForFunction(() => document.querySelectorAll('article mark[data-tags~="figure"]').length === 1);
  assert.deepEqual((await marks(page)).map((m) => m.text), ['$14.8 trillion']);
  assert.equal(await page.locator(`[data-suggestion-id="${fig.id}"]`).count(), 0, 'the accepted one leaves the list');
  assert.equal(await page.locator(`article [data-candidate="${fig.id}"]`).count(), 0, 'and the text');
  await page.locator('[data-figure-value]').filter({ hasText: '14.8' }).waitFor();

  // Dismiss one quote: gone from both, and not an annotation.
  const quote = (await listed(page)).find((i) => i.kind === 'quote');
  await page.locator(`[data-suggestion-id="${quote.id}"]`).getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator(`article [data-candidate="${quote.id}"]`).count(), 0);
  assert.equal(await page.locator(`[data-suggestion-id="${quote.id}"]`).count(), 0);

  // Accept all claims: each becomes a claim annotation; undo takes the last back.
  const claims = (await listed(page)).filter((i) => i.kind === 'claim').length;
  assert.ok(claims > 0);
  await page.getByRole('button', { name: /^Accept all claims/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Annotations"] [data-annotation-id]').length === n + 1, claims);
  assert.equal((await listed(page)).filter((i) => i.kind === 'claim').length, 0);
  for (let i = 0; i < 50 && (await storedAnnotations(page)) !== claims + 1; i++) await sleep(100);
  assert.equal((await storedAnnotations(page)), claims + 1, 'accepted suggestions are saved as annotations');
  const before = (await panelIds(page)).length;
  // (A claim's speaker fill may be its own step first.)
  for (let i = 0; i < 3 && (await panelIds(page)).length === before; i++) {
    await page.getByRole('button', { name: /^Undo/ }).click();
    await sleep(100);
  }
  assert.equal((await panelIds(page)).length, before - 1, 'Undo takes an accepted suggestion back');

  // Close: the text has no suggestion left.
  await page.locator('[aria-label="Suggestions"]').getByRole('button', { name: 'Close' }).click();
  assert.equal((await inArticle(page)).length, 0);
  assert.deepEqual(errors, []);
});

test('a claim accepted with the keyboard and another dismissed: after a reload only the accepted one is there', async () => {
  const { page, context, errors } = await openApp(env);
  await page.locator('article').focus();
  await page.keyboard.press('s');
  await page.waitForSelector('[aria-label="Suggestions"] [data-suggestion-id]');
  const claims = (await listed(page)).filter((i) => i.kind === 'claim');
  assert.ok(claims.length >= 2, `two claims to work with (${claims.length})`);
  const [take, drop] = claims;
  await page.locator(`[data-suggestion-id="${take.id}"]`).getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('Enter');
  // (Its mark may be cut in pieces by the other candidates inside it.)
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Annotations"] [data-annotation-id]').length === 1);
  await page.locator(`[data-suggestion-id="${drop.id}"]`).getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-suggestion-id="${drop.id}"]`).waitFor({ state: 'detached' });
  assert.equal(await page.locator(`article [data-candidate="${drop.id}"]`).count(), 0, 'the dismissed one leaves the text');
  for (let i = 0; i < 50 && (await storedAnnotations(page)) !== 1; i++) await sleep(100);

  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Annotations"] [data-annotation-id]').length === 1);
  assert.equal(await storedAnnotations(page), 1, 'only the accepted claim is stored');
  assert.equal(await page.locator('article [data-suggestion]').count(), 0, 'no suggestion comes back by itself');
  const mark = await page.$$eval('article mark[data-tags~="claim"]', (ms) => ms.map((m) => m.textContent).join(''));
  assert.ok(take.text.startsWith(mark.slice(0, 20)), `the accepted claim is the one highlighted (${mark.slice(0, 40)} / ${take.text.slice(0, 40)})`);
  assert.deepEqual(errors, []);
  await context.close();
});
