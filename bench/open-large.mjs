// The longest main-thread task while opening the largest articles the limits accept (20,000
// paragraphs; about 5 MB of prose), from Chromium's Long Tasks API; and the time to open a
// 1 MB saved web page. A benchmark, not a test:
//   node bench/open-large.mjs [page]  (needs a release build in dist/, e.g. from ./x build)
import { startAll, openApp, sleep } from '../tests/browser/helpers.mjs';
const env = await startAll();
const { page } = await openApp(env);
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: false }); });
// Each article is made in the page from its name: sent from here, its text would be a long
// task of the page (the protocol's copy), counted as the app's.
const cases = { paras20k: null, 'prose4.9MB': null };
// `node bench/open-large.mjs page` times the page alone.
for (const [name, text] of Object.entries(process.argv[2] === 'page' ? {} : cases)) {
  const t0 = Date.now();
  // The file is made in the page and handed to the input as a person's pick would be:
  // playwright's own file transfer (base64 over the protocol) would be a long task of its own.
  const size = await page.evaluate(async (name) => {
    const text = name === 'paras20k'
      ? 'Many\n\n' + Array.from({ length: 19990 }, (_, i) => `Para ${i} short text.`).join('\n\n')
      : 'Prose\n\n' + Array.from({ length: 9000 }, (_, i) => `${'The ministry said the figures were provisional and would be revised after the audit. '.repeat(6)} ${i}`).join('\n\n');
    await new Promise((r) => setTimeout(r, 100));
    const input = [...document.querySelectorAll('input[type=file]')].find((i) => i.closest('label')?.textContent.includes('Open article'));
    const dt = new DataTransfer();
    dt.items.add(new File([text], `${name}.txt`, { type: 'text/plain' }));
    window.__long = [];
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return text.length;
  }, name);
  await page.locator('article h1', { hasText: name.startsWith('paras') ? 'Many' : 'Prose' }).waitFor({ timeout: 120000 });
  await sleep(1500);
  const long = await page.evaluate(() => window.__long);
  console.log(name, (size / 1e6).toFixed(2), 'MB', 'open ms', Date.now() - t0, 'longest task', Math.max(0, ...long).toFixed(0), 'tasks>50', long.length, long.map((x) => x.toFixed(0)).join(','));
}

// A 1 MB saved news page (its size mostly scripts, styles and the site's furniture, as real
// ones are), opened as .html: the formats worker extracts it. Timed in the page from the pick
// to the headline shown, first with the worker not started yet, then again with it running.
{
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(new URL('../tests/pages/nyt-water-tunnels.html', import.meta.url), 'utf8');
  for (const round of ['worker not started', 'worker running']) {
    // The second page is another article (another headline), so that it opens as a new one.
    const [ms, size] = await page.evaluate(async ([source, round]) => {
      // Padded in the page, as the articles above are made there.
      const links = Array.from({ length: 4000 }, (_, i) => `<li><a href="/section/${i}">Related story number ${i} about the city</a></li>`).join('');
      const script = `<script>window.__DATA__=${JSON.stringify(Array.from({ length: 12000 }, (_, i) => ({ id: i, headline: `Story ${i}`, url: `/s/${i}` })))}</script>`;
      const padded = source.replace('</head>', `${script}<style>${'.c{color:red}'.repeat(8000)}</style></head>`).replace('</body>', `<aside><ul>${links}</ul></aside></body>`);
      const html = round === 'worker running' ? padded.replaceAll('Water Tunnels', 'Water Mains') : padded;
      await new Promise((r) => setTimeout(r, 100));
      const input = [...document.querySelectorAll('input[type=file]')].find((i) => i.closest('label')?.textContent.includes('Open article'));
      const dt = new DataTransfer();
      dt.items.add(new File([html], 'page.html', { type: 'text/html' }));
      const before = document.querySelector('article h1')?.textContent;
      window.__long = [];
      const t0 = performance.now();
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (document.querySelector('article h1')?.textContent === before) await new Promise((r) => setTimeout(r, 5));
      return [performance.now() - t0, html.length];
    }, [source, round]);
    await sleep(1500);
    const long = await page.evaluate(() => window.__long);
    console.log(`page ${(size / 1e6).toFixed(2)} MB (${round}): open ms ${ms.toFixed(0)}, longest task ${Math.max(0, ...long).toFixed(0)}, tasks>50 ${long.length}`);
  }
  // Dropped on a freshly loaded app: the drag enters the window a moment (here 300 ms, less
  // than a hand takes to carry a file across) before the drop. Timed from the drop.
  await page.reload();
  await page.locator('article h1').waitFor();
  const [ms, size] = await page.evaluate(async (source) => {
    const html = source.replace('</head>', `<style>${'.c{color:red}'.repeat(70000)}</style></head>`).replaceAll('Water Tunnels', 'Water Pipes');
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'page.html', { type: 'text/html' }));
    const before = document.querySelector('article h1')?.textContent;
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    window.__long = [];
    const t0 = performance.now();
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    while (document.querySelector('article h1')?.textContent === before) await new Promise((r) => setTimeout(r, 5));
    return [performance.now() - t0, html.length];
  }, source);
  console.log(`page ${(size / 1e6).toFixed(2)} MB (dropped on a fresh load, worker started on drag-enter): open ms ${ms.toFixed(0)}`);
}
await env.close();
