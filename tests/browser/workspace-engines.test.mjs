// The workspace checks of issue 15 in Chromium, Firefox and WebKit over W3C WebDriver, at 1366×850
// and 1920×1080: with ten
// claims in the article, the figure and quote editors fit the panel, a figure links to the
// headline claim from the last paragraph, search finds a figure's source and says how many it
// shows, "?" lists the shortcuts; on a phone, the top bar is one row and the open sheet keeps
// the highlight and its ✕ in view; in the library, a long title wraps beside its Delete button.
//
//   cd tests/browser && node --test workspace-engines.test.mjs
//   FACTMARK_ENGINES=firefox,webkit   only these engines (default: chromium,firefox,webkit)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './serve.mjs';
import { KEY } from './webdriver.mjs';
import { editorFit, sheetBoxes, clippedRowText } from './page-fns.mjs';
import { installHooks, dragSelect, withSession, W3C, sleep, DIST, ENGINES } from './engine-session.mjs';


const HEADLINE = 'Zelensky signals willingness for U.S.-Ukraine partnerships';
const FIGURE = '$14.8 trillion';
const QUOTE = '“I want the American businesses, which are eager to enter the Ukrainian market, to develop this sector with us,”';

let server;
before(async () => { server = await startServer(DIST, 0); });
after(async () => { await server?.close(); });

/** The headline and the first `n` sentences of the article's paragraphs that hold no quote mark. */
function claimSentences(n) {
  const out = [];
  for (const p of document.querySelectorAll('article p[data-block]')) {
    for (const s of p.textContent.split(/(?<=\.)\s+/)) if (s.length > 40 && !/[“”"]/.test(s) && out.length < n) out.push(s);
  }
  return [document.querySelector('article h1').textContent, ...out];
}

/** Opens the app at `width`×`height` with no annotations; returns the viewport width it got. */
async function open(s, width, height) {
  await s.s('/window/rect', 'POST', { width, height });
  await s.navigate(server.url);
  await s.waitFor(() => document.querySelector('article p[data-block]'), { timeout: 20000, what: 'the article' });
  await s.exec(installHooks);
  return s.exec(() => innerWidth);
}

const [TAB, ARROW_DOWN] = ['\uE004', '\uE015'];
const byText = (s, tag, text) => s.findXPath(`//${tag}[normalize-space(.)="${text}"]`);

for (const engine of ENGINES) for (const [w, h] of [[1366, 850], [1920, 1080]]) {
  test(`workspace at ${w}×${h} in ${engine}`, { timeout: 120000 }, async (t) => {
    await withSession(t, engine, async (s) => {
      const width = await open(s, w, h);
      t.diagnostic(`${engine}: viewport ${width} px wide`);

      // Ten claims, imported as a W3C file: the headline first.
      const claims = await s.exec(claimSentences, 9);
      assert.equal(claims.length, 10);
      await s.dropFile('claims.w3c.json', JSON.stringify(claims.map((exact, i) => W3C(`claim-${i}`, exact, 'claim'))));
      await s.waitFor(() => document.querySelector('.filters')?.textContent.includes('Claim 10'), { what: 'ten claims' });

      // The figure in the last paragraph: its editor fits, and it links to the headline claim.
      await dragSelect(s, FIGURE);
      await s.keys('f');
      await s.waitFor(() => document.querySelector('[aria-label="Selected annotation"] .check-fields[data-check-for="figure"]'), { what: 'the figure editor' });
      // The source read from the text arrives first: once the checker types in the editor,
      // nothing is filled in under the caret.
      await s.waitFor(() => [...document.querySelectorAll('[aria-label="Selected annotation"] input')].some((i) => i.value === 'Forbes'), { what: 'the suggested source' });
      assert.deepEqual(await s.exec(editorFit), { scroll: 0, over: [] }, `${engine}: the figure editor fits`);
      await s.click(await s.find('[aria-label="Find a claim to link"]'));
      await s.keys('willingness');
      await s.waitFor(() => document.querySelectorAll('select[aria-label="Claim to link"] option').length === 2, { what: 'the one matching claim' });
      // By keyboard (Tab to the list, Down to the match): WebKit's driver cannot click an option.
      await s.keys(`${TAB}${ARROW_DOWN}`);
      await s.waitFor(() => document.querySelector('select[aria-label="Claim to link"]').selectedIndex === 1, { what: 'the claim chosen' });
      await s.click(await byText(s, 'button', 'Link'));
      const link = await s.waitFor(() => document.querySelector('[aria-label="Selected annotation"] .links li')?.textContent, { what: 'the link' });
      assert.match(link, new RegExp(`Supports “${HEADLINE.slice(0, 30)}`));
      // Followed from either end.
      await s.click(await s.find('[aria-label="Selected annotation"] .links .link-to'));
      await s.waitFor(() => document.querySelector('[aria-label="Selected annotation"] .backlinks .link-to')?.textContent.includes('$14.8 trillion'), { what: 'the backlink on the claim' });
      await s.click(await s.find('[aria-label="Selected annotation"] .backlinks .link-to'));
      await s.waitFor(() => document.querySelector('[aria-label="Selected annotation"] .check-fields[data-check-for="figure"]'), { what: 'the figure again' });

      // A note with descenders shows whole in the figure's list row.
      await s.click(await s.find('[aria-label="Selected annotation"] textarea[aria-label="Note"]'));
      await s.keys('Forbes, gypsum query');
      await s.waitFor(() => document.querySelector('[aria-label="Annotations"] [data-tag="figure"] .note-preview')?.textContent.includes('gypsum'), { what: 'the note in the row' });
      assert.deepEqual(await s.exec(clippedRowText), [], `${engine}: no row text is cut off`);

      // Search finds the figure by that source, and says how many it shows.
      await s.click(await s.find('input[aria-label="Search annotations"]'));
      await s.keys('Forbes');
      const showing = await s.waitFor(() => document.querySelector('[data-showing]')?.textContent, { what: 'the count' });
      assert.match(showing, /^Showing \d+ of 11$/);
      assert.ok(await s.exec(() => !!document.querySelector('[aria-label="Annotations"] [data-annotation-id][data-tag="figure"]')), `${engine}: the figure is found`);
      await s.exec(() => { const i = document.querySelector('input[aria-label="Search annotations"]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); });

      // The quote's editor fits too.
      await dragSelect(s, QUOTE);
      await s.keys('q');
      await s.waitFor(() => document.querySelector('[aria-label="Selected annotation"] .check-fields[data-check-for="quote"]'), { what: 'the quote editor' });
      assert.deepEqual(await s.exec(editorFit), { scroll: 0, over: [] }, `${engine}: the quote editor fits`);

      // "?" from the article lists the shortcuts; Esc closes the list.
      await s.click(await s.find('article p[data-block]'));
      await s.keys('?');
      await s.waitFor(() => [...document.querySelectorAll('dialog[open] dt')].some((d) => d.textContent === 'C, F, Q'), { what: 'the shortcuts' });
      await s.keys(KEY.ESCAPE);
      await s.waitFor(() => !document.querySelector('dialog[open]'), { what: 'the shortcuts to close' });

      assert.deepEqual(await s.exec(() => window.__fm.errors), []);
    });
  });
}

for (const engine of ENGINES) {
  test(`phone 390×844 in ${engine}`, { timeout: 90000 }, async (t) => {
    await withSession(t, engine, async (s) => {
      const width = await open(s, 390, 844);
      if (width > 640) return t.skip(`${engine}: the window stays ${width} px wide`);
      t.diagnostic(`${engine}: viewport ${width} px wide`);
      const bar = await s.exec(() => document.querySelector('header.topbar').getBoundingClientRect().height);
      assert.ok(bar < 56, `${engine}: the top bar is ${bar} px high`);
      const [scroll, client] = await s.exec(() => [document.scrollingElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${engine}: nothing is wider than the screen (${scroll} > ${client})`);

      // The article's last words, tagged, then opened from their highlight.
      await dragSelect(s, 'and Luhansk');
      await s.keys('c');
      await s.waitFor(() => document.querySelector('article mark'), { what: 'the claim' });
      await s.exec(() => scrollTo(0, document.scrollingElement.scrollHeight));
      await s.click(await s.find('article mark'));
      await s.waitFor(() => document.querySelector('#annotations-panel.open .editor'), { what: 'the sheet' });
      await sleep(400); // the sheet slides in
      const b = await s.exec(sheetBoxes);
      assert.ok(b.mark[0] >= 0 && b.mark[1] <= b.sheet, `${engine}: the highlight (${b.mark}) is above the sheet (${b.sheet})`);
      assert.ok(b.editor >= b.head - 1 && b.editor < b.head + 100, `${engine}: the editor starts (${b.editor}) under the sheet's head (${b.head})`);
      assert.ok(b.close, `${engine}: the sheet's ✕ is on screen`);
      assert.deepEqual(await s.exec(editorFit), { scroll: 0, over: [] }, `${engine}: the editor fits the sheet`);
      await s.click(await s.find('.sheet-close'));
      await s.waitFor(() => getComputedStyle(document.querySelector('#annotations-panel')).visibility === 'hidden', { what: 'the sheet to close' });
      assert.deepEqual(await s.exec(() => window.__fm.errors), []);
    });
  });
}

// The library: a long title wraps beside its Delete button, and the open article is marked.
const LONG_TITLE = 'A headline long enough to wrap over several lines in the articles menu, as real headlines of long investigative pieces do';
for (const engine of ENGINES) {
  test(`library rows in ${engine}`, { timeout: 90000 }, async (t) => {
    await withSession(t, engine, async (s) => {
      await open(s, 1366, 850);
      await s.dropFile('long.txt', `${LONG_TITLE}\n\nThe article's only paragraph, long enough to be read as one, with a few more words.`, 'text/plain');
      await s.waitFor((want) => document.querySelector('article h1')?.textContent === want, { args: [LONG_TITLE], what: 'the dropped article' });
      await s.click(await byText(s, 'summary', 'Articles'));
      await s.waitFor(() => document.querySelectorAll('.library-list li').length === 2, { what: 'two articles in the menu' });
      const rows = await s.exec(() => [...document.querySelectorAll('.library-list li')].map((li) => {
        const box = (el) => el && el.getBoundingClientRect();
        const [title, del] = [box(li.querySelector('.library-title')), box(li.querySelector('button.delete'))];
        return {
          title: li.querySelector('.library-title').textContent, current: li.querySelector('[aria-current="true"]') !== null,
          lines: Math.round(title.height / parseFloat(getComputedStyle(li.querySelector('.library-title')).lineHeight)),
          beside: !del || (del.left >= title.right - 1 && del.top < title.bottom && del.bottom > title.top),
        };
      }));
      const long = rows.find((r) => r.title === LONG_TITLE);
      assert.ok(long, `${engine}: the long title is listed`);
      assert.ok(long.current, `${engine}: the open article is marked`);
      assert.ok(long.lines >= 2, `${engine}: the long title wraps (${long.lines} lines)`);
      assert.deepEqual(rows.map((r) => r.beside), [true, true], `${engine}: each Delete sits beside its title`);
      assert.equal(rows.filter((r) => r.current).length, 1, `${engine}: only one is marked`);
      assert.deepEqual(await s.exec(() => window.__fm.errors), []);
    });
  });
}
