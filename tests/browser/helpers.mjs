// Shared helpers for the browser tests: start the server and Chromium, open the app, and
// select text with the real mouse the way a person does.
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import * as inPage from './page-fns.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.FACTMARK_DIST ?? join(here, '..', '..', 'dist');

// Debian's Chromium in a closed network needs these to start reliably.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function startAll() {
  const server = await startServer(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/** A fresh profile (empty localStorage) with the app loaded. Collects page errors. */
export async function openApp(env, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.server.url);
  await page.waitForSelector('article p[data-block]');
  return { context, page, errors };
}

/** Viewport points on the first and last character of `needle` in the article. */
export async function textPoints(page, needle) {
  const points = await page.evaluate(inPage.textPoints, needle);
  if (!points) throw new Error(`no layout yet for: ${needle}`);
  return points;
}

/** Presses the mouse on the first character of `needle` and releases it on the last. */
export async function dragSelect(page, needle) {
  const { start, end } = await textPoints(page, needle);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** Every highlight as { ids, tags, text }. */
export async function marks(page) {
  return page.evaluate(inPage.marks);
}

/** Text of the article covered by annotation `id`, joined across its segments. */
export async function textOf(page, id) {
  return page.$$eval(`article mark`, (ms, id) => ms
    .filter((m) => m.dataset.annotationIds.split(' ').includes(id))
    .map((m) => m.textContent).join(''), id);
}

export async function panelIds(page) {
  return page.$$eval('[aria-label="Annotations"] [data-annotation-id]', (li) => li.map((x) => x.dataset.annotationId));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** How many annotations the app's storage holds in its annotation chunks (all articles). */
export async function storedAnnotations(page) {
  const items = await page.evaluate(inPage.stored);
  return Object.keys(items).filter((k) => k.startsWith('factmark:ann:')).reduce((n, k) => n + JSON.parse(items[k]).length, 0);
}
