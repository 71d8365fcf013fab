#!/usr/bin/env bash
# Installs what the browser tests need (Debian packages and geckodriver); does nothing when all is there.
# No browser is downloaded from anywhere but Debian's archive; geckodriver is built from crates.io.
set -euo pipefail

# package → a file it installs (xauth: xvfb-run needs it, xvfb only recommends it; poppler-utils'
# pdftotext reads the printed PDFs).
declare -A FILES=(
  [chromium]=/usr/bin/chromium
  [chromium-driver]=/usr/bin/chromedriver
  [firefox-esr]=/usr/bin/firefox-esr
  [webkit2gtk-driver]=/usr/bin/WebKitWebDriver
  [xvfb]=/usr/bin/xvfb-run
  [xauth]=/usr/bin/xauth
  [poppler-utils]=/usr/bin/pdftotext
)
missing=()
for pkg in "${!FILES[@]}"; do
  [[ -x ${FILES[$pkg]} ]] || missing+=("$pkg")
done
# MiniBrowser comes with libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on.
if ! compgen -G '/usr/lib/*/webkit2gtk-4.1/MiniBrowser' >/dev/null; then missing+=(webkit2gtk-driver); fi

if ((${#missing[@]})); then
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  echo "install-engines: apt-get install ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

gecko="${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver"
if [[ ! -x $gecko ]]; then
  echo "install-engines: cargo install geckodriver --locked (a few minutes)"
  cargo install geckodriver --locked
fi
