// Offline and portable: the single file (dist/factmark.html) opened from disk with the
// network blocked, and the served app working offline after its first visit (service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAll, DIST, dragSelect, marks, sleep } from './helpers.mjs';
import { startServer } from './serve.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const FIGURE = '$14.8 trillion';

test('the single file works from file:// with the network blocked: annotate, reload, download', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  await context.setOffline(true);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(join(DIST, 'factmark.html')).href;
  await page.goto(url);
  await page.waitForSelector('article p[data-block]');

  await dragSelect(page, FIGURE);
  await page.getByRole('button', { name: 'Figure', exact: true }).click();
  assert.deepEqual((await marks(page)).map((m) => m.text), [FIGURE]);
  await sleep(400);
  await page.reload();
  await page.waitForSelector('article mark');
  assert.deepEqual((await marks(page)).map((m) => m.text), [FIGURE], 'saved locally from file:// too');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  const text = Array.from(doc.article.text);
  assert.equal(doc.annotations.length, 1);
  const a = doc.annotations[0];
  assert.equal(text.slice(a.start, a.end).join(''), FIGURE);

  const network = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(network, [], 'no network request');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the served app keeps working offline after the first visit; the formats worker is fetched only when first used', async () => {
  const server = await startServer(DIST, 0);
  const context = await env.browser.newContext({ acceptDownloads: true });
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('article p[data-block]');
  // The service worker installs, caches the build and takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  // The formats worker is lazily loaded: neither the page nor the service worker fetches it ahead.
  assert.ok(!fetched.some((p) => p.startsWith('/formats')), `a first visit fetches no worker file: ${fetched.join(' ')}`);
  // The first tag starts it (its suggestions fill the value); the service worker keeps it.
  await dragSelect(page, FIGURE);
  await page.keyboard.press('f');
  for (let i = 0; i < 100 && !fetched.includes('/formats_bg.wasm'); i++) await sleep(100);
  assert.ok(fetched.includes('/formats_bg.wasm'), 'the first use fetched the worker');
  const download = async () => {
    await page.locator('details.menu summary', { hasText: 'Export' }).click();
    return (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /W3C/ }).click()]))[0];
  };
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));

  await context.setOffline(true);
  await server.close();
  await page.reload();
  await page.waitForSelector('article p[data-block]');
  assert.deepEqual((await marks(page)).map((m) => m.text), [FIGURE], 'the tag survived the reload');
  // The worker comes from the cache: exports work offline.
  assert.ok(await (await download()).path(), 'an export works offline');
  // A fresh tab, offline too, opens the app from the cache.
  const second = await context.newPage();
  await second.goto(server.url);
  await second.waitForSelector('article p[data-block]');
  await context.close();
});
