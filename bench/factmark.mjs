// Node-side adapter for the side-by-side benchmark kit (../shared/bench). The page-side half is
// window.__bench, defined by src/ui/bench.rs when the app is opened with ?bench.
// run.sh copies this file into its work folder, so it may import node built-ins only.
import { readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html' };
const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

export default {
  id: 'factmark',
  label: 'Factmark (trunk build --release)',
  page: '/index.html',
  query: 'bench',
  versions: () => ({ factmark: process.env.BENCH_APP_VERSION || 'unknown' }),
  // Every file the page downloads: trunk hashes the names, so list dist/.
  assets: () => {
    const dist = process.env.BENCH_APP_DIST;
    if (!dist) throw new Error('BENCH_APP_DIST is not set: it names the dist folder served at / (run.sh sets it)');
    // factmark.html is the single-file build, a separate download the page never fetches.
    return walk(dist).filter((f) => KINDS[extname(f)] && !f.endsWith('factmark.html'))
      .map((f) => ({ path: relative(dist, f), kind: KINDS[extname(f)] }));
  },
};
