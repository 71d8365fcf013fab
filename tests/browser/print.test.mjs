// Print: the page printed to PDF (Chromium's own print path) is the article with its
// highlights and then every annotation, without the app's controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAll, openApp } from './helpers.mjs';
import { pdfText } from './pdf-text.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const ROWS = 130; // more than the panel's window of rows, so printing must list them all

test('printing gives the article with highlights and every annotation, no controls', async () => {
  const { page, context } = await openApp(env);
  const text = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n\n'));
  const words = [...text.matchAll(/[A-Za-z]{5,}/g)].slice(0, ROWS);
  assert.equal(words.length, ROWS);
  const list = words.map((m, i) => ({
    type: 'Annotation', id: `p-${i}`,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: ['claim', 'figure', 'quote'][i % 3] },
      { type: 'TextualBody', purpose: 'commenting', value: `note${i}end` },
    ],
    target: { selector: [{ type: 'TextQuoteSelector', exact: m[0] }, { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length }] },
  }));
  await page.getByLabel('Import annotations').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) });
  await page.getByRole('status').filter({ hasText: new RegExp(`${ROWS} added`) }).waitFor();
  assert.ok(await page.locator('[aria-label="Annotations"] [data-annotation-id]').count() < ROWS, 'on screen the list is windowed');

  // Highlights keep their colours in print.
  await page.emulateMedia({ media: 'print' });
  const mark = await page.locator('article mark').first().evaluate((m) => {
    const s = getComputedStyle(m);
    return { adjust: s.printColorAdjust ?? s.webkitPrintColorAdjust, image: s.backgroundImage };
  });
  assert.equal(mark.adjust, 'exact');
  assert.notEqual(mark.image, 'none');

  // window.print() would fire beforeprint; the PDF path does not, so fire it as the browser would.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const dir = await mkdtemp(join(tmpdir(), 'factmark-print-'));
  const pdf = join(dir, 'page.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const printed = pdfText(pdf);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));

  assert.match(printed, /Zelensky signals willingness/);
  assert.match(printed, /Donetsk, Dnipropetrovsk, and Luhansk/);
  for (const i of [0, 64, ROWS - 1]) assert.match(printed, new RegExp(`note${i}end\\b`), `annotation ${i} is printed`);
  const notes = printed.match(/note\d+end/g) ?? [];
  assert.equal(new Set(notes).size, ROWS, 'every annotation is listed');
  for (const control of ['Download JSON', 'Import annotations', 'New article', 'Any verdict', 'Close annotations']) {
    assert.doesNotMatch(printed, new RegExp(control), `no "${control}" in print`);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('[aria-label="Annotations"] [data-annotation-id]').count() < ROWS, 'the window comes back after printing');
  await context.close();
});
