// Issue 4 in the browser: verdicts, evidence, speakers, figures and links; reload; the
// ClaimReview and report downloads; the printable report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startAll, openApp, dragSelect, sleep } from './helpers.mjs';
import { editorFit } from './page-fns.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

const CLAIM = 'the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion';
const QUOTE = '“I want the American businesses, which are eager to enter the Ukrainian market, to develop this sector with us,”';
const FIGURE = '$14.8 trillion';

/** Waits until the input behind `locator` holds `want` (suggestions arrive from the formats worker). */
async function valueBecomes(locator, want) {
  for (let i = 0; i < 100 && (await locator.inputValue()) !== want; i++) await sleep(50);
  assert.equal(await locator.inputValue(), want);
}

async function download(page, name) {
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

test('a claim from nothing to checked: verdict, rationale, evidence, links; reload; ClaimReview and report', async () => {
  const { page, context, errors } = await openApp(env);
  const editor = page.getByRole('region', { name: 'Selected annotation' });

  // The checker profile, used as the ClaimReview author.
  await page.getByRole('button', { name: 'Checker profile' }).click();
  await page.getByLabel('Name').fill('Ada Checker');
  await page.getByLabel('Organisation').fill('Example Fact Check');
  await page.getByLabel('Website').fill('https://factcheck.example.org');
  await page.getByRole('button', { name: 'Save profile' }).click();

  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await editor.getByRole('combobox', { name: 'Verdict' }).selectOption('Mostly true');
  await editor.getByLabel('Rationale').fill('Forbes reported $14.8 trillion,\nbut the estimate includes occupied land.');
  await editor.getByLabel('Speaker').fill('Forbes');
  // A bad address is refused with a message at the field itself, not in a banner.
  await editor.getByLabel('Evidence address').fill('javascript:alert(1)');
  await editor.getByRole('button', { name: 'Add evidence' }).click();
  await editor.locator('fieldset.evidence .field-error').filter({ hasText: 'not a web address' }).waitFor();
  assert.equal(await page.locator('.notices .notice').filter({ hasText: 'not a web address' }).count(), 0, 'no banner');
  // Typed without its scheme, and added with Enter.
  await editor.getByLabel('Evidence address').fill('www.forbes.com/ukraine-minerals');
  await editor.getByLabel('Evidence title').fill('Forbes, 2023');
  await editor.getByLabel('Evidence title').press('Enter');
  const link = editor.getByRole('link', { name: 'Forbes, 2023' });
  assert.equal(await editor.locator('fieldset.evidence .field-error').count(), 0, 'the message goes once the address is good');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.locator('[data-progress]').textContent(), /Claims checked: 1 of 1/);

  // A quote: the speaker is suggested from the attribution after it.
  await dragSelect(page, QUOTE);
  await page.keyboard.press('q');
  await editor.getByRole('button', { name: 'Suggest' }).click();
  await valueBecomes(editor.getByLabel('Speaker'), 'the Ukrainian President');
  await editor.getByRole('checkbox', { name: 'Verified against the source' }).check();

  // A figure: its value read from the text, its source suggested, linked to the claim.
  await dragSelect(page, FIGURE);
  await page.keyboard.press('f');
  await editor.getByRole('button', { name: 'Read from text' }).click();
  await editor.locator('[data-figure-value]').filter({ hasText: '$14.8 trillion' }).waitFor();
  await editor.getByRole('button', { name: 'Suggest' }).click();
  await valueBecomes(editor.getByLabel('Source'), 'Forbes');
  assert.equal(await editor.getByLabel('Year').inputValue(), '2023');
  const claimId = await page.locator('[data-annotation-id][data-tag="claim"]').getAttribute('data-annotation-id');
  await editor.getByRole('combobox', { name: 'Claim to link' }).selectOption(claimId);
  await editor.getByRole('button', { name: 'Link', exact: true }).click();
  assert.match(await editor.locator('.links li').textContent(), /Supports “the total value/);

  // Reload: everything is back; the claim shows its backlink.
  await sleep(350);
  await page.reload();
  await page.waitForSelector('article mark');
  await page.locator('[data-annotation-id][data-tag="claim"] button').click();
  assert.equal(await editor.getByRole('combobox', { name: 'Verdict' }).inputValue(), 'Mostly true');
  assert.match(await editor.getByLabel('Rationale').inputValue(), /occupied land/);
  await editor.getByRole('link', { name: 'Forbes, 2023' }).waitFor();
  assert.match(await editor.locator('.backlinks').textContent(), /Supported by figure “\$14\.8 trillion”/);
  assert.match(await page.locator('[data-annotation-id][data-tag="claim"]').textContent(), /Mostly true/);

  // Filters: by verdict, "not checked", and search.
  await page.getByRole('combobox', { name: 'Show by verdict' }).selectOption('none');
  assert.equal(await page.locator('[data-annotation-id]').count(), 0);
  await page.getByRole('combobox', { name: 'Show by verdict' }).selectOption('v:Mostly true');
  assert.equal(await page.locator('[data-annotation-id]').count(), 1);
  await page.getByRole('combobox', { name: 'Show by verdict' }).selectOption('all');
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('occupied');
  assert.equal(await page.locator('[data-annotation-id]').count(), 1);
  assert.equal(await page.locator('[data-showing]').textContent(), 'Showing 1 of 3', 'the filter says how many it shows');
  // A figure's source is searched too.
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('forbes');
  const tags = await page.$$eval('[data-annotation-id]', (li) => li.map((x) => x.dataset.tag));
  assert.ok(tags.includes('figure') && !tags.includes('quote'), `the figure with source Forbes is found: ${tags}`);
  assert.equal(await page.locator('[data-showing]').textContent(), `Showing ${tags.length} of 3`);
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('');
  assert.equal(await page.locator('[data-annotation-id]').count(), 3);
  assert.equal(await page.locator('[data-showing]').count(), 0, 'no count without a filter');

  // ClaimReview, field by field.
  const cr = await download(page, /ClaimReview/);
  assert.match(cr.name, /\.claimreview\.jsonld$/);
  const reviews = [JSON.parse(cr.text)].flat().flatMap((x) => x['@graph'] ?? [x]);
  assert.equal(reviews.length, 1);
  const r = reviews[0];
  assert.equal(r['@type'], 'ClaimReview');
  assert.equal(r.claimReviewed, CLAIM);
  assert.equal(r.reviewRating.alternateName, 'Mostly true');
  assert.equal(r.reviewRating.ratingValue, 5);
  assert.equal(r.reviewRating.bestRating, 6);
  assert.equal(r.reviewRating.worstRating, 1);
  assert.equal(r.itemReviewed['@type'], 'Claim');
  assert.equal(r.itemReviewed.author.name, 'Forbes');
  assert.equal(r.itemReviewed.datePublished, '2025-02-04');
  assert.equal(r.author.name, 'Example Fact Check');

  // The Markdown report.
  const report = await download(page, /report \(Markdown\)/);
  assert.match(report.name, /\.report\.md$/);
  assert.match(report.text, /Claims checked: 1 of 1/);
  assert.match(report.text, /Mostly true/);
  assert.match(report.text, /https:\/\/www\.forbes\.com\/ukraine-minerals/);
  assert.match(report.text, /the Ukrainian President/);

  // The printable report lists the claim, the quote's speaker and the figure's value.
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  await page.getByRole('button', { name: 'Printable report' }).click();
  const view = page.getByRole('dialog', { name: 'Fact-check report' });
  await view.waitFor();
  await view.locator('.report-body').waitFor();
  const text = await view.textContent();
  assert.match(text, /Verdict: Mostly true/);
  assert.match(text, /Verified: YesSpeaker: the Ukrainian President/);
  assert.match(text, /Value: \$14\.8 trillion/);
  assert.match(text, /Source: Forbes \(2023\)/);
  assert.match(text, /Supported by: Figure 1/, 'links are in the printable report too');
  assert.doesNotMatch(text, /““|””/, 'quotation marks not doubled');
  assert.equal(await view.getByRole('link', { name: 'Forbes, 2023' }).getAttribute('href'), 'https://www.forbes.com/ukraine-minerals');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('article').isVisible(), false, 'print shows only the report');
  await page.emulateMedia({ media: 'screen' });
  await view.getByRole('button', { name: 'Close report' }).click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a publishable fact-check: wording, typed claimants, review pages; every export carries them and no note leaks', async () => {
  const { page, context, errors } = await openApp(env);
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  await page.getByRole('button', { name: 'Checker profile' }).click();
  await page.getByLabel('Organisation').fill('Example Fact Check');
  await page.getByLabel('Website').fill('https://factcheck.example.org');
  await page.getByLabel('Fact-check page of each claim').fill('https://factcheck.example.org/checks/{article}#claim-{claim}');
  await page.getByRole('button', { name: 'Save profile' }).click();

  const claims = [
    { text: CLAIM, wording: 'Ukraine’s minerals are worth $14.8 trillion', verdict: 'Mostly true', speaker: 'Forbes', kind: 'Organization' },
    { text: 'Russia has been occupying our land since 2014', wording: 'Russia has occupied Ukrainian land since 2014', verdict: 'True', speaker: '</script><svg onload=alert(1)>', kind: 'Person' },
  ];
  for (const c of claims) {
    await dragSelect(page, c.text);
    await page.keyboard.press('c');
    await editor.getByRole('combobox', { name: 'Verdict' }).selectOption(c.verdict);
    await editor.getByLabel('Claim as checked').fill(c.wording);
    await editor.getByLabel('Rationale').fill(`Checked: ${c.wording}.`);
    await editor.getByLabel('Speaker').fill(c.speaker);
    await editor.getByLabel('Person or organisation').selectOption(c.kind);
    await editor.getByLabel('Evidence address').fill(`https://evidence.example/${c.kind}`);
    await editor.getByRole('button', { name: 'Add evidence' }).click();
    await editor.getByRole('textbox', { name: 'Note' }).fill('INTERNAL: needs a second source');
  }
  await editor.getByLabel('Claim as checked').fill('x'.repeat(80));
  await editor.locator('#claim-wording-hint').filter({ hasText: 'Google suggests under 75' }).waitFor();
  await editor.getByLabel('Claim as checked').fill(claims[1].wording);
  await editor.getByLabel('Identity page (sameAs)').fill('https://www.wikidata.org/wiki/Q1');
  await editor.getByLabel('Identity page (sameAs)').press('Tab');

  const cr = await download(page, /ClaimReview/);
  assert.ok(!cr.text.includes('</script') && !cr.text.includes('<'), 'safe to embed');
  const reviews = JSON.parse(cr.text);
  assert.equal(reviews.length, 2);
  for (const [i, r] of reviews.entries()) {
    const c = claims.find((x) => x.wording === r.claimReviewed);
    assert.ok(c, r.claimReviewed);
    assert.equal(r.reviewBody, `Checked: ${c.wording}.`);
    assert.deepEqual(r.citation.map((x) => x.url), [`https://evidence.example/${c.kind}`]);
    assert.equal(r.itemReviewed.author['@type'], c.kind);
    assert.equal(r.itemReviewed.author.name, c.speaker);
    assert.match(r.url, /^https:\/\/factcheck\.example\.org\/checks\/zelensky-signals-.*#claim-\d+$/);
    assert.equal(r.reviewRating.name, c.verdict);
    assert.ok(!JSON.stringify(r).includes('INTERNAL'), `review ${i} leaks no note`);
  }
  assert.equal(reviews.find((r) => r.itemReviewed.author['@type'] === 'Person').itemReviewed.author.sameAs, 'https://www.wikidata.org/wiki/Q1');
  assert.notEqual(reviews[0].url, reviews[1].url, 'one page per claim');

  // Embedded the standard way in a page of its own, the export runs nothing and parses back;
  // the same data unescaped would have run the speaker's payload.
  const embed = async (json) => {
    const p = await context.newPage();
    let dialogs = 0;
    p.on('dialog', (d) => { dialogs += 1; d.dismiss().catch(() => {}); });
    await p.setContent(`<!doctype html><body><script type="application/ld+json">${json}</script>`
      + '<script>window.__parsed = JSON.parse(document.querySelector("script").textContent).length</script>');
    await sleep(300);
    const parsed = await p.evaluate(() => window.__parsed);
    await p.close();
    return { dialogs, parsed };
  };
  assert.deepEqual(await embed(cr.text), { dialogs: 0, parsed: 2 });
  const raw = JSON.stringify(reviews, null, 2);
  assert.ok((await embed(raw)).dialogs > 0, 'the check can fail: unescaped, the payload runs');

  const w3cText = (await download(page, /W3C/)).text;
  assert.equal((await embed(w3cText)).dialogs, 0, 'the W3C export embeds safely too');
  const w3c = JSON.parse(w3cText);
  assert.match(w3c.id, /^urn:uuid:/);
  assert.match(w3c.first.id, /^urn:uuid:/);
  assert.ok(w3c.first.items.every((a) => /^urn:uuid:/.test(a.id)));
  const item = w3c.first.items.find((a) => a['fm:check']?.claim_reviewed === claims[0].wording);
  assert.equal(item.body.find((b) => b.purpose === 'describing').value, `Checked: ${claims[0].wording}.`);

  const csv = (await download(page, /CSV/)).text;
  for (const col of ['rationale', 'evidence', 'claim as checked', 'speaker type']) assert.ok(csv.split('\r\n')[0].includes(col), col);
  assert.ok(csv.includes(claims[0].wording));

  const report = (await download(page, /report \(Markdown\)/)).text;
  assert.ok(report.includes('Claim as checked:') && !report.includes('INTERNAL'), 'the report leaves notes out');
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  await page.getByLabel('Include internal notes in the report').check();
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const withNotes = (await download(page, /report \(Markdown\)/)).text;
  assert.ok(withNotes.includes('Note (internal):** INTERNAL'), 'ticked: the notes are in');
  // The printable report: the same model, so the same fields; notes only while ticked.
  const printable = async () => {
    await page.locator('details.menu summary', { hasText: 'Export' }).click();
    await page.getByRole('button', { name: 'Printable report' }).click();
    const view = page.getByRole('dialog', { name: 'Fact-check report' });
    await view.locator('.report-body').waitFor();
    const text = await view.textContent();
    await view.getByRole('button', { name: 'Close report' }).click();
    return text;
  };
  const ticked = await printable();
  assert.ok(ticked.includes(claims[0].wording) && ticked.includes(`Checked: ${claims[0].wording}.`) && ticked.includes('INTERNAL'));
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  await page.getByLabel('Include internal notes in the report').uncheck();
  await page.locator('details.menu summary', { hasText: 'Export' }).click();
  const plain = await printable();
  assert.ok(plain.includes('https://evidence.example/Organization') && !plain.includes('INTERNAL'), 'evidence in, notes out');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an article review: rating, takeaway, summary and techniques are kept and published', async () => {
  const { page, context, errors } = await openApp(env);
  const review = page.locator('details.article-review');
  await review.locator('summary').click();
  await review.getByLabel('Credibility').selectOption('Low credibility');
  await review.getByLabel('Key takeaway').fill('The $14.8 trillion figure is an unverified estimate.');
  await review.getByLabel('Key takeaway').press('Tab');
  await review.getByLabel('Summary').fill('The article repeats a Forbes estimate\nwithout its caveats.');
  await review.getByLabel('Summary').press('Tab');
  await review.getByLabel('Exaggeration').check();
  await dragSelect(page, FIGURE);
  await page.keyboard.press('f');
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  await editor.locator('details.techniques summary').click();
  await editor.locator('details.techniques').getByLabel('False precision').check();
  await editor.locator('details.techniques summary', { hasText: 'Misleading techniques (1)' }).waitFor();
  assert.match(await review.locator('summary').textContent(), /Low credibility · The \$14\.8 trillion figure/);

  await sleep(400);
  await page.reload();
  await page.waitForSelector('article mark');
  await page.locator('details.article-review summary').click();
  assert.equal(await page.locator('details.article-review').getByLabel('Credibility').inputValue(), 'Low credibility');
  assert.equal(await page.locator('details.article-review').getByLabel('Exaggeration').isChecked(), true, 'kept after a reload');

  const cr = JSON.parse((await download(page, /ClaimReview/)).text);
  const r = [cr].flat().find((x) => x['@type'] === 'Review');
  assert.equal(r.itemReviewed['@type'], 'NewsArticle');
  assert.equal(r.reviewRating.alternateName, 'Low credibility');
  assert.equal(r.reviewRating.ratingValue, 2);
  assert.equal(r.headline, 'The $14.8 trillion figure is an unverified estimate.');
  assert.deepEqual(r.negativeNotes, ['Exaggeration', 'False precision']);
  const report = (await download(page, /report \(Markdown\)/)).text;
  assert.ok(report.indexOf('## Article review') < report.indexOf('## Progress'));
  assert.match(report, /- \*\*False precision:\*\* in Figure 1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('values and speakers appear by themselves, marked as suggested, and never replace what was typed', async () => {
  const { page, context, errors } = await openApp(env);
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  await dragSelect(page, FIGURE);
  await page.keyboard.press('f');
  await editor.locator('[data-figure-value]').filter({ hasText: '$14.8 trillion' }).waitFor();
  await valueBecomes(editor.getByLabel('Source'), 'Forbes');
  await dragSelect(page, QUOTE);
  await page.keyboard.press('q');
  await valueBecomes(editor.getByLabel('Speaker'), 'the Ukrainian President');
  await editor.locator('[data-suggested="speaker"]').waitFor();
  await editor.getByRole('button', { name: 'Accept' }).click();
  await editor.locator('[data-suggested="speaker"]').waitFor({ state: 'detached' });
  // A claim whose speaker the checker types before the suggestion lands keeps the typed one.
  await dragSelect(page, 'Zelensky emphasized');
  await page.keyboard.press('c');
  await editor.getByLabel('Speaker').fill('Typed by hand');
  await sleep(500);
  assert.equal(await editor.getByLabel('Speaker').inputValue(), 'Typed by hand');
  assert.equal(await editor.locator('[data-suggested]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the editor fits the panel at every width from 320 px, for every tag, with no sideways scroll', async () => {
  for (const width of [320, 400, 1366, 1920]) {
    const { page, context } = await openApp(env, { viewport: { width, height: 850 } });
    const editor = page.getByRole('region', { name: 'Selected annotation' });
    await dragSelect(page, CLAIM);
    await page.keyboard.press('c');
    for (const [text, key] of [[CLAIM, null], [FIGURE, 'f'], [QUOTE, 'q']]) {
      if (key) {
        if (await page.locator('.panel.open').count()) await page.getByRole('button', { name: 'Close annotations' }).click();
        await dragSelect(page, text);
        await page.keyboard.press(key);
      }
      // On a phone the panel is a sheet: open it to see the editor.
      if (await page.locator('.sheet-toggle').isVisible()) await page.locator('.sheet-toggle').click();
      await editor.locator('.check-fields').waitFor();
      await editor.locator('details.techniques summary').click();
      const fit = await page.evaluate(editorFit);
      assert.deepEqual(fit, { scroll: 0, over: [] }, `${width} px, ${key ?? 'c'}`);
    }
    await context.close();
  }
});

test('a figure links to any claim of the article, found by its words', async () => {
  const { page, context, errors } = await openApp(env);
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  const headline = 'Zelensky signals willingness for U.S.-Ukraine partnerships';
  await dragSelect(page, headline);
  await page.keyboard.press('c');
  await dragSelect(page, 'Donetsk, Dnipropetrovsk, and Luhansk');
  await page.keyboard.press('c');
  await dragSelect(page, FIGURE);
  await page.keyboard.press('f');
  const select = editor.getByRole('combobox', { name: 'Claim to link' });
  assert.match(await select.locator('option').first().textContent(), /Choose a claim \(2, nearest first\)/);
  await editor.getByRole('searchbox', { name: 'Find a claim to link' }).fill('willingness');
  assert.equal(await select.locator('option').count(), 2, 'the prompt and the one match');
  const headlineId = await page.locator('[data-annotation-id][data-tag="claim"]').first().getAttribute('data-annotation-id');
  await select.selectOption(headlineId);
  await editor.getByRole('button', { name: 'Link', exact: true }).click();
  assert.match(await editor.locator('.links li').textContent(), /Supports “Zelensky signals willingness/);
  // Both ends show the link, and each follows it to the other.
  await editor.locator('.links .link-to').click();
  assert.equal(await editor.getAttribute('data-editing'), headlineId, 'the headline claim is open');
  const back = editor.locator('.backlinks .link-to');
  assert.match(await back.textContent(), /Supported by figure “\$14\.8 trillion”/);
  await back.click();
  assert.equal(await editor.locator('.check-fields').getAttribute('data-check-for'), 'figure', 'back at the figure');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a custom verdict scale replaces the default one', async () => {
  const { page, context } = await openApp(env);
  await page.getByRole('button', { name: 'Checker profile' }).click();
  await page.getByLabel('Verdict scale, best first, one per line').fill('Correct\nWrong\nUnclear');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await dragSelect(page, 'Donetsk');
  await page.keyboard.press('c');
  const verdict = page.getByRole('region', { name: 'Selected annotation' }).getByRole('combobox', { name: 'Verdict' });
  assert.deepEqual(await verdict.locator('option').allTextContents(), ['Not checked', 'Correct', 'Wrong', 'Unclear']);
  await verdict.selectOption('Wrong');
  assert.match(await page.locator('.breakdown').textContent(), /Wrong 1/);
  // A duplicate label is refused with a message and nothing changes.
  await page.getByRole('button', { name: 'Checker profile' }).click();
  await page.getByLabel('Verdict scale, best first, one per line').fill('A\nA');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('alert').filter({ hasText: 'listed twice' }).waitFor();
  await context.close();
});

test('on a 1366×850 laptop, the list keeps five rows in view while an annotation is open', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 1366, height: 850 } });
  for (const word of ['Donetsk', 'Luhansk', 'Dnipropetrovsk', '$14.8 trillion', 'three regions', 'Zelensky']) {
    await dragSelect(page, word);
    await page.keyboard.press('c');
  }
  await page.locator('[data-annotation-id]').first().click();
  await page.getByRole('region', { name: 'Selected annotation' }).locator('.check-fields').waitFor();
  const seen = await page.evaluate(() => {
    const list = document.querySelector('.panel .list').getBoundingClientRect();
    const panel = document.querySelector('#annotations-panel').getBoundingClientRect();
    const top = Math.max(list.top, panel.top, 0), bottom = Math.min(list.bottom, panel.bottom, innerHeight);
    const editor = document.querySelector('.editor');
    return {
      rows: [...document.querySelectorAll('[data-annotation-id]')].filter((li) => { const b = li.getBoundingClientRect(); return b.top >= top - 1 && b.bottom <= bottom + 1; }).length,
      editorInPanel: editor.getBoundingClientRect().top >= panel.top - 1,
    };
  });
  assert.ok(seen.rows >= 5, `${seen.rows} rows in view`);
  assert.ok(seen.editorInPanel, 'the editor starts inside the panel');
  // The editor's last control is reached by scrolling the editor, not the page.
  await page.locator('.editor details.techniques summary').scrollIntoViewIfNeeded();
  assert.ok(await page.locator('.editor details.techniques summary').isVisible());
  await context.close();
});

test('a refused profile says why inside its dialog, which stays open', async () => {
  const { page, context } = await openApp(env);
  await page.getByRole('button', { name: 'Checker profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Checker profile' });
  await dialog.getByLabel('Website').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.locator('.field-error').filter({ hasText: 'Profile not saved' }).waitFor();
  assert.ok(await dialog.isVisible(), 'the dialog stays open with the message');
  await dialog.getByLabel('Website').fill('factcheck.example.org');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await context.close();
});

test('a speaker suggestion that arrives while the checker types in the editor is not written under the caret', async () => {
  const { page, context, errors } = await openApp(env);
  const editor = page.getByRole('region', { name: 'Selected annotation' });
  // Hold the formats worker back, as a slow network does, until the checker is in the field.
  let release, routed = false;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/formats_bg.wasm', async (route) => { routed = true; await gate; await route.continue(); });
  await dragSelect(page, QUOTE);
  await page.keyboard.press('q');
  await editor.getByLabel('Speaker').click();
  for (let i = 0; i < 100 && !routed; i++) await sleep(50);
  assert.ok(routed, 'the tag asked the worker for its suggestions');
  release();
  // The answer (the quote is attributed to the Ukrainian President) arrives; let it land.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  assert.equal(await editor.getByLabel('Speaker').inputValue(), '', 'nothing written while the field has focus');
  await page.keyboard.type('Zelensky');
  assert.equal(await editor.getByLabel('Speaker').inputValue(), 'Zelensky');
  // The suggestion is still there for the asking.
  await editor.getByRole('button', { name: 'Suggest' }).click();
  await valueBecomes(editor.getByLabel('Speaker'), 'the Ukrainian President');
  assert.deepEqual(errors, []);
  await context.close();
});
