#!/usr/bin/env bash
# Extraction quality on real saved pages, against Mozilla Readability as the reference:
#   bash bench/extract/run.sh [WORK_DIR]   (default /tmp/factmark-extract; about 5 minutes once)
# The pages are not in the repository: they come from the registries, each time, into WORK_DIR:
# Mozilla's own Readability test pages (in the readabilityrs crate) and newspaper4k's test pages
# (PyPI). Readability 0.6 with jsdom (npm) makes the reference text; `examples/extract` makes ours;
# score.py prints word-level F1 per page (tokens: words, and single characters in scripts
# written without spaces).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${1:-/tmp/factmark-extract}
mkdir -p "$W/pages" "$W/fetch/src"
if [ ! -d "$W/cargo/registry" ]; then
  printf '[package]\nname="fetch"\nversion="0.1.0"\nedition="2021"\n[dependencies]\nreadabilityrs="=0.1.4"\n' > "$W/fetch/Cargo.toml"
  echo 'fn main(){}' > "$W/fetch/src/main.rs"
  (cd "$W/fetch" && CARGO_HOME="$W/cargo" cargo fetch -q)
fi
if [ ! -d "$W/np4k" ]; then
  mkdir -p "$W/np4k" && pip download -q newspaper4k==0.9.6 --no-deps --no-binary :all: -d "$W/np4k"
  tar xzf "$W/np4k"/newspaper4k-0.9.6.tar.gz -C "$W/np4k"
fi
if [ ! -d "$W/node/node_modules/jsdom" ]; then
  mkdir -p "$W/node" && (cd "$W/node" && npm init -y >/dev/null && npm install -s --no-audit --no-fund @mozilla/readability@0.6 jsdom@29 >/dev/null)
fi
# Mozilla's real-site pages; their tests of one markup feature each (001, rtl-1, lazy-image-1…) are left out.
SYNTHETIC=" 001 002 003-metadata-preferred 004-metadata-space-separated-properties 005-unescape-html-entities base-url base-url-base-element base-url-base-element-relative basic-tags-cleaning clean-links cnet-svg-classes comment-inside-script-parsing data-url-image embedded-videos hidden-nodes invalid-attributes js-link-replacement keep-images keep-tabular-data lazy-image-1 lazy-image-2 lazy-image-3 links-in-tables mathjax metadata-content-missing missing-paragraphs normalize-spaces ol parsely-metadata remove-aria-hidden remove-extra-brs remove-extra-paragraphs remove-script-tags reordering-paragraphs replace-brs replace-font-tags rtl-1 rtl-2 rtl-3 rtl-4 schema-org-context-object social-buttons style-tags-removal svg-parsing table-style-attributes title-and-h1-discrepancy title-en-dash visibility-hidden "
for d in "$W"/cargo/registry/src/*/readabilityrs-0.1.4/tests/test-pages/*/; do
  n=$(basename "$d"); case "$SYNTHETIC" in *" $n "*) continue ;; esac
  cp "$d/source.html" "$W/pages/moz-$n.html"
done
for f in "$W"/np4k/newspaper4k-0.9.6/tests/data/html/*.html; do
  n=$(basename "$f" .html); case $n in *main_site | *meta_refresh | sample_rss) continue ;; esac
  cp "$f" "$W/pages/np-$n.html"
done
NODE_PATH="$W/node/node_modules" node "$ROOT/bench/extract/reference.mjs" "$W/ref" "$W"/pages/*.html
(cd "$ROOT" && cargo run -q --release --example extract -- "$W/ours" "$W"/pages/*.html)
python3 "$ROOT/bench/extract/score.py" "$W/ours" "$W/ref" 15 -v
