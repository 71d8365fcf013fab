// What the WebDriver tests share: a session per engine with one retry, the page hooks that
// catch errors and downloads, a real mouse selection, and W3C annotations to import.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './webdriver.mjs';
import { textPoints } from './page-fns.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const here = dirname(fileURLToPath(import.meta.url));
/** The build to serve (FACTMARK_DIST, default ../../dist). */
export const DIST = process.env.FACTMARK_DIST ?? join(here, '..', '..', 'dist');
/** The engines to run (FACTMARK_ENGINES, default chromium,firefox,webkit). */
export const ENGINES = (process.env.FACTMARK_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

/** Collects uncaught errors, rejections and console.error; captures downloads. Run after every load. */
export function installHooks() {
  if (window.__fm) return;
  const fm = (window.__fm = { errors: [], downloads: [] });
  window.addEventListener('error', (e) => fm.errors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => fm.errors.push(`rejection: ${e.reason}`));
  const consoleError = console.error;
  console.error = function (...a) { fm.errors.push(`console.error: ${a.join(' ')}`); return consoleError.apply(this, a); };
  // The app's CSP (connect-src 'self') forbids fetch(blob:), so remember each blob by its URL.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (b) { const u = createObjectURL.call(URL, b); blobs.set(u, b); return u; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs.has(this.href)) {
      const entry = { name: this.download, text: null };
      fm.downloads.push(entry);
      blobs.get(this.href).text().then((t) => { entry.text = t; }, (e) => { entry.text = `unreadable: ${e}`; });
    }
    return click.call(this);
  };
}

export async function dragSelect(s, needle) {
  // WebKit: right after the first render, text ranges can have no boxes yet and the paragraphs
  // still change height, so wait until the points exist and are the same twice in a row.
  let points;
  for (let prev = null, t0 = Date.now(); ; await sleep(50)) {
    points = JSON.stringify(await s.exec(textPoints, needle));
    if (points !== 'null' && points === prev) break;
    if (Date.now() - t0 > 10000) throw new Error(`${s.engine}: no stable layout for ${needle}`);
    prev = points;
  }
  const { start, end } = JSON.parse(points);
  await s.drag(start, end).catch(async (e) => {
    const vp = await s.exec(() => [innerWidth, innerHeight, scrollY]);
    throw new Error(`${e.message} (drag ${JSON.stringify([start, end])} in viewport ${vp})`);
  });
  const selected = await s.exec(() => String(getSelection()));
  assert.ok(selected.includes(needle.trim().split(' ')[0]), `${s.engine}: the drag selected ${JSON.stringify(selected)}`);
}

/**
 * Runs `body` with a fresh browser session; on failure, once more with another, and says so.
 * WebDriver runs of a real browser under Xvfb fail now and then for reasons outside the app
 * (seen about once in 30 WebKit journeys on a loaded 2-core machine); a second failure fails.
 */
export async function withSession(t, engine, body) {
  const once = async () => {
    const s = await launch(engine);
    try { return await body(s); } finally { await s.quit(); }
  };
  try {
    return await once();
  } catch (e) {
    t.diagnostic(`${engine}: first attempt failed, retrying once: ${String(e.message).split('\n')[0]}`);
    return once();
  }
}

export const W3C = (id, exact, tag) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id, motivation: 'tagging',
  body: { type: 'TextualBody', purpose: 'tagging', value: tag },
  target: { selector: { type: 'TextQuoteSelector', exact } },
});

