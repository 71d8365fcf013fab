// The longest main-thread task while opening the largest articles the limits accept (20,000
// paragraphs; about 5 MB of prose), from Chromium's Long Tasks API. A benchmark, not a test:
//   node bench/open-large.mjs        (needs a release build in dist/, e.g. from ./x build)
import { startAll, openApp, sleep } from '../tests/browser/helpers.mjs';
const env = await startAll();
const { page } = await openApp(env);
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: false }); });
const cases = {
  'paras20k': 'Many\n\n' + Array.from({ length: 19990 }, (_, i) => `Para ${i} short text.`).join('\n\n'),
  'prose4.9MB': 'Prose\n\n' + Array.from({ length: 9000 }, (_, i) => `${'The ministry said the figures were provisional and would be revised after the audit. '.repeat(6)} ${i}`).join('\n\n'),
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = Date.now();
  // The file is made in the page and handed to the input as a person's pick would be:
  // playwright's own file transfer (base64 over the protocol) would be a long task of its own.
  await page.evaluate(([name, text]) => {
    const input = [...document.querySelectorAll('input[type=file]')].find((i) => i.closest('label')?.textContent.includes('Open article'));
    const dt = new DataTransfer();
    dt.items.add(new File([text], `${name}.txt`, { type: 'text/plain' }));
    window.__long = [];
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [name, text]);
  await page.locator('article h1', { hasText: name.startsWith('paras') ? 'Many' : 'Prose' }).waitFor({ timeout: 120000 });
  await sleep(1500);
  const long = await page.evaluate(() => window.__long);
  console.log(name, (text.length / 1e6).toFixed(2), 'MB', 'open ms', Date.now() - t0, 'longest task', Math.max(0, ...long).toFixed(0), 'tasks>50', long.length, long.map((x) => x.toFixed(0)).join(','));
}
await env.close();
