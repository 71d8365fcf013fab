// Functions that run inside the page, shared by the playwright tests (page.evaluate) and the
// WebDriver tests (execute script): plain functions, no closures over test code.

/**
 * Viewport points on the first and last character of `needle` in the article, after scrolling
 * it into view; null while the text has no boxes yet (WebKit, just after load).
 */
export function textPoints(needle) {
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
    let k = nodes.length - 1;
    while (nodes[k].at > pos) k--;
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
  if (!first.width || !last.width) return null; // not laid out yet (WebKit, just after load)
  return {
    start: { x: first.left + 1, y: first.top + first.height / 2 },
    end: { x: last.right - 1, y: last.top + last.height / 2 },
  };
}

/** Every highlight as { ids, tags, text }. */
export function marks() {
  return [...document.querySelectorAll('article mark[data-annotation-ids]')].map((m) => ({
    ids: m.dataset.annotationIds.split(' '), tags: m.dataset.tags.split(' '), text: m.textContent,
  }));
}

/**
 * Everything the app has stored, as { key: value }: its IndexedDB store when it has one (see
 * src/ui/idb.rs), else localStorage. `put` (optional) first writes { key: value } there, as
 * another tab or a corrupted disk would.
 */
export async function stored(put) {
  const hasDb = (await indexedDB.databases()).some((d) => d.name === 'factmark');
  if (!hasDb) {
    for (const [k, v] of Object.entries(put ?? {})) localStorage.setItem(k, v);
    return Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  }
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('factmark'));
  if (put) {
    const tx = db.transaction('kv', 'readwrite');
    for (const [k, v] of Object.entries(put)) tx.objectStore('kv').put(v, k);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  }
  const store = db.transaction('kv').objectStore('kv');
  const [keys, values] = [await req(store.getAllKeys()), await req(store.getAll())];
  db.close();
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}

/**
 * How the open editor fits its panel: `scroll` is how far it scrolls sideways, `over` the
 * first elements that reach past its right edge. { scroll: 0, over: [] } is a fit.
 */
export function editorFit() {
  const panel = document.querySelector('[aria-label="Selected annotation"]');
  if (!panel) throw new Error('no editor is open');
  const right = panel.getBoundingClientRect().right + 1;
  const over = [...panel.querySelectorAll('*')].filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > right);
  return { scroll: panel.scrollWidth - panel.clientWidth, over: over.map((e) => `${e.tagName}.${e.className}`).slice(0, 5) };
}

/**
 * On a phone: where the open sheet, its head and its editor are, against the first highlight
 * and the screen. Numbers are viewport pixels.
 */
export function sheetBoxes() {
  const box = (sel) => document.querySelector(sel)?.getBoundingClientRect();
  const [mark, sheet, head, editor, close] = ['article mark', '#annotations-panel', '.panel-head', '#annotations-panel .editor', '.sheet-close'].map(box);
  return {
    mark: [mark.top, mark.bottom], sheet: sheet.top, head: head.bottom, editor: editor?.top ?? null,
    close: close.width > 0 && close.top >= 0 && close.bottom <= innerHeight && close.left >= 0 && close.right <= innerWidth,
  };
}

/**
 * Text a list row cuts off: in each row, every text line (the quote, the note preview) whose
 * box is over a pixel lower than its line height, or whose box ends below the row's. [] when nothing is cut.
 */
export function clippedRowText() {
  const cut = [];
  for (const row of document.querySelectorAll('[aria-label="Annotations"] .item .row')) {
    const bottom = row.getBoundingClientRect().bottom + 0.5;
    for (const el of row.querySelectorAll('.quote, .note-preview')) {
      const r = el.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(el).lineHeight) || 0;
      // 1 px of slack: WebKit lays lines out at whole pixels (a 19.6 px line in a 19 px box).
      if (r.height + 1 < line || r.bottom > bottom) cut.push(`${el.className}: ${el.textContent.slice(0, 30)} (${r.height} px, line ${line} px)`);
    }
  }
  return cut;
}
