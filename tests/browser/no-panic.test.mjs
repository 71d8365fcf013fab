// No panic from what a user does: many pasted articles opened in turn, figures and quotes
// tagged by mouse selection and key, and the JSON downloaded after each. With panic = "abort"
// a panic leaves the module in an unknown state, so any panic logged here is a data-loss bug.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAll, openApp, dragSelect, sleep } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(here, '..', '..', '..', 'shared', 'corpus', 'suggestions-dev.json');

// Numeric claims and attributed quotes of the kinds real news carries.
const OWN = [
  'The budget rose to €3.5bn in 2023, up 12% from 2022, according to Eurostat data released on 10.04.2008.',
  'COVID-19 infections in K-12 schools fell by a fifth, or 1/1024 of the 2.3 million pupils, officials said.',
  '“We will not accept this,” said Rep. Jim Clyburn on Friday. “The numbers are wrong,” the United States said.',
  'Unemployment reached 7.4 per cent, the highest since 1994, while GDP grew 0.3% in the third quarter.',
  'Around 39 missing children were found, and 1,200 families — nearly 40% — received $14.8 trillion.',
  '«Ми готові до переговорів», — заявив президент. Бюджет становить 3,82 млн грн, або 120 тис. доларів.',
  'Le déficit atteint 5,5 % du PIB, soit 154 milliards d’euros, « un niveau inédit », a déclaré le ministre.',
];

let env;
let paragraphs = OWN;
before(async () => {
  env = await startAll();
  if (existsSync(CORPUS)) {
    paragraphs = [...OWN, ...JSON.parse(readFileSync(CORPUS, 'utf8')).articles.flatMap((a) => a.paragraphs)];
  } else {
    console.log(`# ${CORPUS} is absent: using the test's own paragraphs only`);
  }
});
after(async () => { await env?.close(); });

test('opening articles in turn, tagging figures and quotes and downloading never panics', { timeout: 240000 }, async () => {
  const { page, context, errors } = await openApp(env);
  let tagged = 0;
  for (let n = 0; n < 5; n++) {
    const ps = Array.from({ length: 12 }, (_, i) => paragraphs[(n * 5 + i * 3) % paragraphs.length]);
    const headline = `Numbers article ${n + 1}`;
    await page.getByLabel('Open article').setInputFiles({ name: `a${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${headline}\n\n${ps.join('\n\n')}`) });
    await page.waitForFunction((t) => document.querySelector('article [data-block]')?.textContent === t, headline);
    const body = await page.evaluate(() => [...document.querySelectorAll('article [data-block]')].map((b) => b.textContent).join('\n'));
    const figures = [...new Set([...body.matchAll(/[$€]?\d[\d.,]*(\s?(%|per cent|million|bn|trillion|млн грн))?/g)].map((m) => m[0]))].slice(0, 10);
    const quotes = [...new Set([...body.matchAll(/“[^”]+”|«[^»]+»/g)].map((m) => m[0]))].slice(0, 4);
    for (const [list, key] of [[figures, 'f'], [quotes, 'q']]) {
      for (const needle of list) {
        await dragSelect(page, needle);
        await page.keyboard.press(key);
        tagged++;
      }
    }
    // The pointer leaves the highlights for the button: a tooltip timer is pending when the
    // next article replaces this view.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.ok(saved.annotations.length > 0, `article ${n + 1} has its annotations in the file`);
  }
  await sleep(300);
  assert.ok(tagged > 30, `tagged ${tagged}`);
  assert.deepEqual(errors, [], 'nothing panicked');
  await context.close();
});
