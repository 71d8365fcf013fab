// After `trunk build`: writes the service worker (dist/sw.js) with the exact list of built
// files, and the self-contained single file (dist/factmark.html) with the wasm, JS and CSS
// inlined, which works when opened from disk with no network at all.
// Usage: node tools/postbuild.mjs [dist]   (`./x` runs it after every build)
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = process.argv[2] ?? 'dist';
const sha = (s) => createHash('sha256').update(s).digest();

// --- The served page's CSP ----------------------------------------------------------------
// index.html says 'unsafe-inline' for scripts only because Trunk writes its loader inline
// after the policy is written. Here every inline script of the built page is allowed by its
// hash instead, so an injected inline script, event handler or javascript: link never runs.
let html = await readFile(join(dir, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${sha(body).toString('base64')}'`).join(' ');
if (!/script-src [^;"]*'unsafe-inline'/.test(html)) throw new Error('index.html: expected script-src with a placeholder \'unsafe-inline\'');
html = html.replace(/(script-src [^;"]*)'unsafe-inline'/, `$1${hashes}`);
// The source's comments are for its readers, not worth sending with every page.
html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
await writeFile(join(dir, 'index.html'), html);
const files = await readdir(dir);
const pick = (re) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${dir}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const js = pick(/^factmark-[0-9a-f]+\.js$/);
const wasm = pick(/^factmark-[0-9a-f]+_bg\.wasm$/);
const css = pick(/^main-[0-9a-f]+\.css$/);
// The formats worker (src/bin/formats.rs): Trunk names worker files without a hash,
// because the app starts them by name.
const worker = ['formats_loader.js', 'formats.js', 'formats_bg.wasm'];
for (const f of worker) if (!files.includes(f)) throw new Error(`expected the formats worker's ${f} in ${dir}`);

// --- The stylesheet, minified --------------------------------------------------------------
// Trunk copies it as written (its minifier is off: it would also rewrite the JS glue this
// script reads). Comments and spaces go; nothing inside a rule changes meaning: spaces are
// kept around ":" (descendant selectors such as ".a :focus") and inside strings, which hold
// no braces, semicolons or commas here.
{
  const path = join(dir, css);
  const source = await readFile(path, 'utf8');
  const min = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    // Inside a declaration block a colon only separates a property from its value.
    .replace(/\{[^{}]*\}/g, (block) => block.replace(/:\s+/g, ':'))
    .trim();
  if ((source.match(/{/g) ?? []).length !== (min.match(/{/g) ?? []).length) throw new Error('minifying the stylesheet changed its rules');
  await writeFile(path, min);
}

// --- The JS glue, without its comments and indentation ------------------------------------
// wasm-bindgen writes no string or template literal across lines, so dropping whole-line
// comments and each line's leading and trailing spaces changes nothing else; line breaks stay,
// so automatic semicolons fall where they did.
for (const name of [js, 'formats.js']) {
  const path = join(dir, name);
  const source = await readFile(path, 'utf8');
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//'));
  if (lines.some((l) => (l.match(/`/g) ?? []).length % 2)) throw new Error(`${name}: a template literal spans lines; the glue can't be trimmed`);
  await writeFile(path, lines.join('\n') + '\n');
}

// --- The JS glue, minified ------------------------------------------------------------
// terser (installed by ./x into .tools/) renames locals and compresses; property names,
// which the wasm's imports are looked up by, stay. The worker's glue is a classic script
// whose one global, wasm_bindgen, is kept; it is minified now, so the service worker's
// version and the single file see the bytes that are served. The page's glue is minified
// last: the single file inlines it by its names (__wbg_init), which minifying would change.
const terser = (name, ...mode) => {
  const path = join(dir, name);
  execFileSync('terser', [path, ...mode, '--compress', 'passes=2', '--mangle', '-o', path], { stdio: 'inherit' });
};
terser('formats.js');

// --- Service worker -------------------------------------------------------------------
// Hashed files never change, so they are served from the cache first; the page itself is
// fetched from the network first, so an update shows as soon as the user is online, and the
// cached copy is used offline.
// The formats worker is not fetched ahead: it is a lazily loaded part, so a first visit
// transfers only the page's own files. It is cached when the page first starts it.
const assets = ['/', `/${js}`, `/${wasm}`, `/${css}`];
const lazy = worker.map((f) => `/${f}`);
// The worker's names never change, so its content is part of the cache's version.
const workerBytes = await Promise.all(worker.map((f) => readFile(join(dir, f))));
const version = sha(Buffer.concat([Buffer.from([...assets, ...lazy].join('\n')), ...workerBytes])).toString('hex').slice(0, 16);
const sw = `// Generated by tools/postbuild.mjs: offline copies of this build's files.
const CACHE = 'factmark-${version}';
const ASSETS = ${JSON.stringify(assets)};
const LAZY = ${JSON.stringify(lazy)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('factmark-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).then((res) => {
      const copy = res.clone();
      if (res.ok) caches.open(CACHE).then((c) => c.put('/', copy));
      return res;
    }).catch(() => caches.match('/', { ignoreSearch: true })));
    return;
  }
  const lazy = LAZY.includes(new URL(req.url).pathname);
  e.respondWith(caches.match(req).then((hit) => hit ?? fetch(req).then((res) => {
    if (lazy && res.ok) {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(req, copy));
    }
    return res;
  })));
});
`;
await writeFile(join(dir, 'sw.js'), sw);

// --- Single file ----------------------------------------------------------------------
// The glue is inlined as a classic module script without its exports; the wasm travels as
// base64 in a data block (not executed, so not subject to the CSP) and is handed to the
// glue as bytes, so nothing is fetched. Scripts are allowed by hash, not 'unsafe-inline'.
let glue = await readFile(join(dir, js), 'utf8');
glue = glue
  .replace(/^export \{[^}]*\};?\s*$/m, '')
  .replace(/^export (class|function|const|let|async function) /gm, '$1 ');
if (/^export /m.test(glue)) throw new Error('the wasm-bindgen glue has an export this script does not know how to inline');
// The worker's glue (wasm-bindgen's no-modules output) and its wasm start as a blob worker
// when it is first needed (ui/formats.rs looks for window.__factmarkFormats).
const workerGlue = (await readFile(join(dir, 'formats.js'), 'utf8')).replace(/\s*\/\/# sourceMappingURL=.*$/m, '');
const workerB64 = (await readFile(join(dir, 'formats_bg.wasm'))).toString('base64');
const boot = `${glue}
let workerUrl;
window.__factmarkFormats = () => {
  if (!workerUrl) {
    const b64 = document.getElementById('factmark-formats-wasm').textContent.trim();
    const start = 'wasm_bindgen({ module_or_path: Uint8Array.from(atob("' + b64 + '"), (c) => c.charCodeAt(0)) });';
    workerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerGlue).replace(/</g, '\\u003c')}, '\\n', start], { type: 'text/javascript' }));
  }
  return new Worker(workerUrl);
};
const b64 = document.getElementById('factmark-wasm').textContent.trim();
const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const style = await readFile(join(dir, css), 'utf8');
const wasmB64 = (await readFile(join(dir, wasm))).toString('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${sha(boot).toString('base64')}' 'wasm-unsafe-eval'`,
  // Inline style attributes (positions of the toolbar, caret and rows) need 'unsafe-inline'.
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  // The formats worker runs as a blob worker made from the inlined glue and wasm.
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const head = html.match(/<title>[\s\S]*?<\/title>/)?.[0] ?? '<title>Factmark</title>';
const single = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    ${head}
    <link rel="icon" href="data:," />
    <style>${style}</style>
    <script type="application/octet-stream;base64" id="factmark-wasm">${wasmB64}</script>
    <script type="application/octet-stream;base64" id="factmark-formats-wasm">${workerB64}</script>
    <script type="module">${boot}</script>
  </head>
  <body>
    <noscript>Factmark needs JavaScript and WebAssembly to run.</noscript>
  </body>
</html>
`;
await writeFile(join(dir, 'factmark.html'), single);
terser(js, '--module');
console.log(`postbuild: sw.js (${assets.length} files ahead, ${lazy.length} on first use, cache ${version}) and factmark.html (${(single.length / 1024).toFixed(0)} KiB)`);
