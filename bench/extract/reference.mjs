// The reference extraction: Mozilla Readability over jsdom, each page's title and text as JSON.
//   NODE_PATH=… node reference.mjs OUT_DIR page.html…   (bench/extract/run.sh installs both)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
const require = createRequire(path.join(process.env.NODE_PATH ?? '.', 'x.js'));
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const [out, ...pages] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
for (const p of pages) {
  const html = fs.readFileSync(p, 'utf8');
  const vc = new VirtualConsole();
  const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: vc });
  const r = new Readability(dom.window.document).parse();
  let text = '';
  if (r) { const d = new JSDOM(r.content).window.document; text = d.body.textContent; }
  fs.writeFileSync(path.join(out, path.basename(p, '.html') + '.json'), JSON.stringify({ title: r?.title ?? '', text, siteName: r?.siteName ?? '', byline: r?.byline ?? '' }));
}
