// The served app's Content-Security-Policy contains an injection: no inline script, event
// handler or javascript: link runs unless it is one of the build's own (allowed by hash),
// forms go nowhere, and the page may talk to its own origin only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, sleep } from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.close(); });

test('the served policy has no unsafe-inline scripts, and injected script does not run', async () => {
  const { page, context, errors } = await openApp(env);
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  assert.doesNotMatch(directive('script-src'), /'unsafe-inline'/, csp);
  assert.match(directive('script-src'), /'sha256-[A-Za-z0-9+/=]+'/, 'the build\'s own inline scripts are allowed by hash');
  for (const [name, value] of [['form-action', "'none'"], ['base-uri', "'none'"], ['object-src', "'none'"], ['connect-src', "'self'"], ['default-src', "'self'"]]) {
    assert.equal(directive(name), `${name} ${value}`, csp);
  }

  const violations = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    window.__ran = [];
    const s = document.createElement('script');
    s.textContent = 'window.__ran.push("inline")';
    document.body.append(s);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__ran.push(\'onerror\')"><a id="js-link" href="javascript:window.__ran.push(\'link\')">x</a>';
    document.body.append(holder);
    document.getElementById('js-link').click();
    await new Promise((r) => setTimeout(r, 300));
    return { ran: window.__ran, seen };
  });
  assert.deepEqual(violations.ran, [], 'no injected code ran');
  assert.ok(violations.seen.length >= 2, `the browser reported the blocked injections: ${violations.seen}`);

  const posted = await page.evaluate(async () => {
    const f = document.createElement('form');
    f.action = 'http://127.0.0.1:9/steal';
    f.method = 'post';
    document.body.append(f);
    let blocked = false;
    document.addEventListener('securitypolicyviolation', (e) => { if (e.violatedDirective === 'form-action') blocked = true; });
    f.submit();
    await new Promise((r) => setTimeout(r, 300));
    return blocked;
  });
  assert.ok(posted, 'a form submission is blocked by form-action');
  // The app itself still works under this policy.
  assert.ok(await page.locator('article p[data-block]').count() > 3);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|Refused/.test(e)), []);
  await context.close();
});
