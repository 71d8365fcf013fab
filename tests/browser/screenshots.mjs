// Screenshots of the main views at 1366×850, 1920×1080 and 390×844, light and dark, into
// docs/screenshots/ (JPEG, small): the article with highlights and suggestions, the editor
// open (on the phone, the sheet open on a highlight as a second picture). Not a test: `node tests/browser/screenshots.mjs` after a release build in dist/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startAll, dragSelect } from './helpers.mjs';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
await mkdir(OUT, { recursive: true });
const env = await startAll();
const sizes = [['laptop', 1366, 850, false], ['desktop', 1920, 1080, false], ['phone', 390, 844, true]];
for (const [name, width, height, phone] of sizes) {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ viewport: { width, height }, colorScheme: scheme, hasTouch: phone, isMobile: phone });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('article p[data-block]');
    for (const [text, key] of [['$14.8 trillion', 'f'], ['Donetsk', 'c'], ['That is entirely fair', 'q']]) {
      await dragSelect(page, text);
      await page.keyboard.press(key);
    }
    await page.keyboard.press('Escape');
    await page.locator('article').focus();
    await page.keyboard.press('s');
    await page.waitForSelector('[data-suggestion-id]', { state: 'attached' });
    await page.evaluate(() => { document.activeElement?.blur(); scrollTo(0, 0); });
    if (!phone) await page.locator('[data-annotation-id]').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, `${name}-${scheme}.jpg`), type: 'jpeg', quality: 55 });
    if (phone) {
      // The sheet open on a highlight: the highlight stays above it, its ✕ in view.
      await page.locator('article mark[data-tags="figure"]').first().tap();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(OUT, `${name}-sheet-${scheme}.jpg`), type: 'jpeg', quality: 55 });
    }
    await context.close();
  }
}
await env.close();
console.log(`screenshots in ${OUT}`);
