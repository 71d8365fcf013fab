// Shared helpers for the browser tests: start the server and Chromium, open the app, and
// select text with the real mouse the way a person does.
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');

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

/** Client rectangles of the first and last character of `needle` in the article. */
export async function textPoints(page, needle) {
  return page.evaluate((needle) => {
    const article = document.querySelector('article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('[data-block]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ n, at: text.length });
      text += n.data;
    }
    const i = text.indexOf(needle);
    if (i < 0) throw new Error(`not in the article: ${needle}`);
    const locate = (pos) => {
      const k = nodes.findLastIndex((x) => x.at <= pos);
      return { node: nodes[k].n, offset: pos - nodes[k].at };
    };
    const charRect = (pos) => {
      const a = locate(pos);
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(a.node, a.offset + 1);
      return r.getBoundingClientRect();
    };
    locate(i).node.parentElement.scrollIntoView({ block: 'center' });
    const first = charRect(i);
    const last = charRect(i + needle.length - 1);
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, needle);
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
  return page.$$eval('article mark', (ms) => ms.map((m) => ({
    ids: m.dataset.annotationIds.split(' '),
    tags: m.dataset.tags.split(' '),
    text: m.textContent,
  })));
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
